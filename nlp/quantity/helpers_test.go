package quantity_test

import (
	"context"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
)

var pipeline = sync.OnceValues(nlp.Default)

// annotate runs the part-1 pipeline over text as one document.
func annotate(tb testing.TB, text string) *crosscheck.Annotations {
	tb.Helper()
	p, err := pipeline()
	if err != nil {
		tb.Fatalf("load pipeline: %v", err)
	}
	a, err := p.Annotate(context.Background(), &crosscheck.Document{ID: "test", Text: text})
	if err != nil {
		tb.Fatalf("annotate: %v", err)
	}
	return a
}
