package quote_test

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/quote"
)

// BenchmarkFind runs Find over the annotated dev set (the language layer
// runs once, outside the timer) and reports tokens per second.
func BenchmarkFind(b *testing.B) {
	docs, err := quote.ReadGold("testdata/dev.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	type annotated struct {
		text string
		a    *crosscheck.Annotations
	}
	var corpus []annotated
	tokens := 0
	for _, g := range docs {
		a, err := pipeline(b).Annotate(context.Background(), &crosscheck.Document{ID: g.ID, Text: g.Text})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range a.Sentences {
			tokens += len(s.Tokens)
		}
		corpus = append(corpus, annotated{g.Text, a})
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range corpus {
			quote.Find(d.text, d.a.Sentences, d.a.Entities)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
