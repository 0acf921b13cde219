// Package gold embeds the hand-annotated linking gold of the demo corpus:
// entity mentions, event mentions and stories (see README.md for the
// format and the annotation rules). link/score loads and scores against
// it.
package gold

import (
	"embed"
	"io/fs"
)

//go:embed *.json
var files embed.FS

// FS returns the gold files (articles.json, entities.json, events.json,
// stories.json) at its root.
func FS() fs.FS { return files }
