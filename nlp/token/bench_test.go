package token

import (
	"strings"
	"testing"
)

// BenchmarkSentences tokenizes and splits the GUM news documents (or an
// invented article when the corpora are absent), reporting tokens/s and
// MB/s.
func BenchmarkSentences(b *testing.B) {
	var texts []string
	if docs, err := LoadCorpus(corporaRoot, GUMNews); err == nil {
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	} else {
		texts = []string{strings.Repeat("Kelm didn't reply to The Marenburg Herald on Nov. 5. "+
			"“The U.S. Army has left Valdoria,” Gen. Marr said, adding that $1,000 and 3.5% were lost.\n\n", 200)}
	}
	size, ntok := 0, 0
	for _, t := range texts {
		size += len(t)
		for _, s := range Sentences(t) {
			ntok += len(s.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Sentences(t)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
