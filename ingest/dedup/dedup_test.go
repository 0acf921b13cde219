package dedup

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// article builds a deterministic pseudo-article of n words.
func article(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 7))
	vocab := strings.Fields("the minister said security service arrested people border army talks " +
		"agency network report capital officials statement week government police city news " +
		"exercise ambassador summoned troops pipeline deal billion euros spy ring court")
	w := make([]string, n)
	for i := range w {
		w[i] = vocab[r.IntN(len(vocab))] + fmt.Sprint(r.IntN(50))
	}
	return w
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	base := article(1, 400)
	tests := []struct {
		name string
		b    []string
	}{
		{"identical", base},
		{"new first sentence", append(article(2, 20), base[15:]...)},
		{"extra paragraph", append(append([]string{}, base...), article(3, 80)...)},
		{"half shared", append(append([]string{}, base[:200]...), article(4, 200)...)},
		{"unrelated", article(5, 400)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := strings.Join(base, " "), strings.Join(tt.b, " ")
			want := Jaccard(a, b)
			got := Similarity(Fingerprint(a).MinHash, Fingerprint(b).MinHash)
			// The standard error of a 128-hash estimate is at most 0.044.
			if math.Abs(got-want) > 0.13 {
				t.Errorf("estimate %.3f, exact Jaccard %.3f", got, want)
			}
		})
	}
}

func TestNearDuplicatesShareABandAndPassThreshold(t *testing.T) {
	base := article(10, 300)
	a := strings.Join(base, " ")
	variant := strings.Join(append(append(article(11, 18), base[12:]...), article(12, 30)...), " ")
	fa, fv := Fingerprint(a), Fingerprint(variant)
	if !shareBand(fa, fv) {
		t.Fatal("near-duplicate pair shares no band: it would never be compared")
	}
	if _, sim, ok := Best(fv, []crosscheck.Candidate{{ID: "a", MinHash: fa.MinHash}}, DefaultThreshold); !ok {
		t.Errorf("variant not recognised as near-duplicate (similarity %.2f, exact %.2f)", sim, Jaccard(a, variant))
	}
	other := Fingerprint(strings.Join(article(13, 300), " "))
	if _, _, ok := Best(other, []crosscheck.Candidate{{ID: "a", MinHash: fa.MinHash}}, DefaultThreshold); ok {
		t.Error("unrelated article taken as near-duplicate")
	}
}

func TestQuotingSomeWireParagraphsIsNotADuplicate(t *testing.T) {
	wire := article(20, 300)
	own := append(article(21, 500), wire[:120]...)
	sim := Similarity(Fingerprint(strings.Join(wire, " ")).MinHash, Fingerprint(strings.Join(own, " ")).MinHash)
	if sim >= DefaultThreshold {
		t.Errorf("article quoting part of a wire story scored %.2f ≥ threshold", sim)
	}
}

func TestFingerprintIgnoresCaseAndPunctuation(t *testing.T) {
	a := Fingerprint("Officials said on Monday, “the border is closed.” Talks resume in Kelm.")
	b := Fingerprint("officials said on monday the border is closed -- talks resume in KELM")
	if Similarity(a.MinHash, b.MinHash) != 1 {
		t.Error("case and punctuation changed the fingerprint")
	}
	for i := range a.Bands {
		if a.Bands[i] != b.Bands[i] || a.Bands[i] > math.MaxInt64 {
			t.Fatalf("band %d differs or overflows int64", i)
		}
	}
}

func TestEmptyAndShortTexts(t *testing.T) {
	if fp := Fingerprint(" … "); len(fp.MinHash) != 0 || len(fp.Bands) != 0 {
		t.Error("text without words has a signature")
	}
	if Similarity(nil, nil) != 0 {
		t.Error("empty signatures are similar")
	}
	short := Fingerprint("Two words")
	if len(short.MinHash) != Hashes || Similarity(short.MinHash, Fingerprint("two WORDS").MinHash) != 1 {
		t.Error("short text not fingerprinted as a whole")
	}
}

func shareBand(a, b *crosscheck.Fingerprint) bool {
	for i := range a.Bands {
		if a.Bands[i] == b.Bands[i] {
			return true
		}
	}
	return false
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Join(article(30, 600), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fingerprint(text)
	}
}
