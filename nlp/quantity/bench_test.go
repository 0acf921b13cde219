package quantity_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/nlp/quantity"
)

// BenchmarkFind measures Find alone over the test sentences, annotated
// once beforehand.
func BenchmarkFind(b *testing.B) {
	var paras []string
	for _, tc := range findCases {
		paras = append(paras, tc.text)
	}
	text := strings.Join(paras, "\n\n")
	a := annotate(b, text)
	tokens := 0
	for _, s := range a.Sentences {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		quantity.Find(text, a.Sentences, quantity.Options{})
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
