package parse

import (
	"bytes"
	_ "embed" // the trained model
	"fmt"
	"sync"
)

//go:generate go run ./internal/trainmodel -corpora ../../../shared/corpora -out model/parser.bin.gz

// embedded is the model trained by TrainFromCorpora through
// internal/trainmodel (see MODEL.md).
//
//go:embed model/parser.bin.gz
var embedded []byte

// loadDefault decodes the embedded model once, on first use; the result
// (model or error) is immutable afterwards.
var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded parser model: %w", err)
	}
	return m, nil
})

// Default returns the model embedded in the binary, decoding it on the
// first call. Every call returns the same *Model (or the same error),
// which is safe for concurrent use.
func Default() (*Model, error) { return loadDefault() }
