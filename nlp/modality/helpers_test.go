package modality_test

import (
	"context"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
)

var (
	pipeOnce sync.Once
	pipe     *nlp.Pipeline
	pipeErr  error
)

// annotate runs the real part-1 pipeline over text.
func annotate(tb testing.TB, text string) []crosscheck.Sentence {
	tb.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = nlp.Default() })
	if pipeErr != nil {
		tb.Fatal(pipeErr)
	}
	a, err := pipe.Annotate(context.Background(), &crosscheck.Document{ID: "test", Text: text})
	if err != nil {
		tb.Fatal(err)
	}
	return a.Sentences
}
