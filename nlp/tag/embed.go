package tag

import (
	"bytes"
	_ "embed" // the trained model
	"sync"
)

//go:generate go run ./internal/trainmodel -corpora ../../../shared/corpora -out model/tagger.bin.gz

// embedded is the model trained by internal/trainmodel (see MODEL.md).
//
//go:embed model/tagger.bin.gz
var embedded []byte

// loadDefault parses the embedded model once, on first use; the result
// (model or error) is immutable afterwards.
var loadDefault = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(embedded))
})

// Default returns the model embedded in the binary, loading it on the
// first call. Every call returns the same *Model, which is safe for
// concurrent use.
func Default() (*Model, error) { return loadDefault() }
