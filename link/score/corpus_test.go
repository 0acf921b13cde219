package score

import (
	"context"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo/demotest"
)

var (
	demoOnce sync.Once
	demoDocs []crosscheck.Document
	demoErr  error
)

// demoCorpus ingests the embedded demo corpus once per test binary.
func demoCorpus(t testing.TB) []crosscheck.Document {
	t.Helper()
	demoOnce.Do(func() {
		docs, err := demotest.Documents(context.Background())
		demoErr = err
		for _, d := range docs {
			demoDocs = append(demoDocs, *d)
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoDocs
}
