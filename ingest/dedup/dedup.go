// Package dedup finds near-duplicate articles (the same wire story on two
// sites, a page saved twice with different chrome) with MinHash signatures
// over word shingles and locality-sensitive banding, so that a new document
// is compared only with the few stored documents that share a band.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// Parameters of the signature. Changing them changes Method, and stored
// fingerprints of another method are not comparable.
const (
	// ShingleWords is the number of consecutive words in a shingle.
	ShingleWords = 5
	// Hashes is the number of MinHash functions.
	Hashes = 126
	// Bands × Rows = Hashes. With 42 bands of 3 rows, a pair with Jaccard
	// similarity 0.5 becomes a candidate with probability 0.996, a pair at
	// 0.3 with probability 0.68 (then rejected by the threshold), unrelated
	// articles (about 0.01) with probability 0.00004.
	Bands = 42
	Rows  = Hashes / Bands
	// Method names these parameters in stored fingerprints and links.
	Method = "minhash-126/5-word-shingles/42x3"
	// DefaultThreshold is the estimated Jaccard similarity of 5-word
	// shingle sets from which two documents are near-duplicates. On the
	// demo corpus, wire copy republished with a new headline, a rewritten
	// first sentence, an update line and one extra paragraph scores 0.57;
	// an article that embeds four paragraphs of a wire story scores 0.30;
	// different articles on the same affair score under 0.05. See
	// docs/dedup.md.
	DefaultThreshold = 0.5
)

// seeds are fixed so signatures are stable across runs and machines.
var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x = splitmix(x + uint64(i))
		s[i] = x
	}
	return s
}()

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Words splits text into lower-cased words of letters and digits, the
// unit of shingling. Punctuation, quotes and case differences between
// sites do not change a fingerprint.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// shingles returns the hashes of the distinct word n-grams of text.
func shingles(text string) map[uint64]struct{} {
	words := Words(text)
	set := make(map[uint64]struct{}, len(words))
	n := ShingleWords
	if len(words) < n {
		n = len(words)
	}
	h := fnv.New64a()
	for i := 0; i+n <= len(words) && n > 0; i++ {
		h.Reset()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// Fingerprint computes the MinHash signature and band keys of text.
// A text without words gets an empty fingerprint, which matches nothing.
func Fingerprint(text string) *crosscheck.Fingerprint {
	set := shingles(text)
	fp := &crosscheck.Fingerprint{Method: Method}
	if len(set) == 0 {
		return fp
	}
	sig := make([]uint32, Hashes)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for s := range set {
		for i := range sig {
			if v := uint32(splitmix(s^seeds[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	fp.MinHash = sig
	fp.Bands = make([]uint64, Bands)
	buf := make([]byte, 4*Rows+1)
	for b := 0; b < Bands; b++ {
		buf[0] = byte(b)
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[1+4*r:], sig[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf)
		// Keep keys in the positive int64 range: SQL stores them as signed.
		fp.Bands[b] = h.Sum64() >> 1
	}
	return fp
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures: the share of hash functions whose minima agree.
// Signatures of different lengths (or empty ones) have similarity 0.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Jaccard is the exact Jaccard similarity of two texts' shingle sets; it
// is what Similarity estimates, used to test and tune the estimate.
func Jaccard(a, b string) float64 {
	sa, sb := shingles(a), shingles(b)
	if len(sa) == 0 && len(sb) == 0 {
		return 0
	}
	inter := 0
	for s := range sa {
		if _, ok := sb[s]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// Best returns the candidate most similar to fp and its similarity, or
// ok=false when none reaches threshold.
func Best(fp *crosscheck.Fingerprint, cands []crosscheck.Candidate, threshold float64) (best crosscheck.Candidate, sim float64, ok bool) {
	for _, c := range cands {
		s := Similarity(fp.MinHash, c.MinHash)
		if s >= threshold && (!ok || s > sim || (s == sim && c.ID < best.ID)) {
			best, sim, ok = c, s, true
		}
	}
	return best, sim, ok
}
