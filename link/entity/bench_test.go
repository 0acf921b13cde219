package entity_test

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/link/entity"
)

// BenchmarkResolve links a synthetic corpus of 10,000 documents of about
// 700 tokens and 30 entity mentions each (see synth_test.go). The issue
// asks that linking be faster than annotating, which runs at about 60 ms
// per such document (~12k tokens/s): 10,000 documents must link in well
// under 600 s.
func BenchmarkResolve(b *testing.B) {
	docs := synthCorpus(10_000, 1)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := entity.Resolve(ctx, docs, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
