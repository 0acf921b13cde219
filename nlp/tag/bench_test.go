package tag

import (
	"bytes"
	"strings"
	"testing"
)

// benchText is invented news copy, tokenized as UD does.
var benchText = [][]string{
	strings.Fields("The central bank raised interest rates by half a percentage point on Tuesday , its third increase this year ."),
	strings.Fields("Officials in Ankara said the talks would resume next week , but opposition leaders called the plan `` a distraction '' ."),
	strings.Fields("According to the ministry , 1,250 people were evacuated from the flooded villages and 14 remain missing ."),
	strings.Fields("She did n't say whether the company 's shares , which fell 7 % , had been sold before the announcement ."),
}

func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range benchText {
		tokens += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range benchText {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures the cost of the first Default call.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
