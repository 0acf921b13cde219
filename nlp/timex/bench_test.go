package timex

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// BenchmarkFind runs Find over the dev set's tagged and parsed texts.
func BenchmarkFind(b *testing.B) {
	paths, err := filepath.Glob("testdata/dev/*.tml")
	if err != nil || len(paths) == 0 {
		b.Fatal(err)
	}
	type input struct {
		text  string
		sents []crosscheck.Sentence
		opt   Options
	}
	var in []input
	tokens := 0
	for _, p := range paths {
		doc, err := ReadTimeMLFile(p)
		if err != nil {
			b.Fatal(err)
		}
		sents := analyse(b, doc.Text)
		for _, s := range sents {
			tokens += len(s.Tokens)
		}
		in = append(in, input{doc.Text, sents, Options{Published: doc.DCT, Blocks: doc.Blocks}})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range in {
			Find(d.text, d.sents, d.opt)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
