// Package demo embeds crosscheck's demo corpus: articles written for the
// project by invented outlets about invented affairs, in every input
// format crosscheck reads. It feeds `crosscheck demo` and the tests.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var files embed.FS

// Root is the corpus folder inside Corpus.
const Root = "corpus"

// Corpus returns the embedded corpus file system.
func Corpus() fs.FS { return files }
