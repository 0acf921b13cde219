package sqlite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// benchVocabulary holds news words first, then made-up words up to 20,000
// in all; benchDoc draws from it with a Zipf distribution, as in real
// text, so common words are in most documents and rare ones in few.
var benchVocabulary = func() []string {
	words := strings.Fields(`the a of to in and for with by from that was were has have will said
		on after before police minister government harbour strike union port ferry election vote
		court judge ruling appeal protest city council budget hospital school storm flood bridge
		airport rail sanctions trade shipping brokers spy ring arrest suspects officials`)
	syllables := strings.Fields("ka lo mi ne ru sa ti vo be da fe gu ho ja ki lu ma no pe ri")
	for i := 0; len(words) < 20000; i++ {
		w := ""
		for n := i; ; n /= len(syllables) {
			w += syllables[n%len(syllables)]
			if n < len(syllables) {
				break
			}
		}
		words = append(words, w+"n")
	}
	return words
}()

// benchDoc returns a generated article of 400 words with a 128-value
// MinHash signature in 16 bands.
func benchDoc(i int) (*crosscheck.Document, []byte, *crosscheck.Fingerprint) {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(benchVocabulary)-1))
	word := func() string { return benchVocabulary[zipf.Uint64()] }
	var b strings.Builder
	for w := range 400 {
		if w > 0 {
			b.WriteByte(' ')
			if w%60 == 0 {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(word())
	}
	title := fmt.Sprintf("Report %d: %s %s %s", i, word(), word(), word())
	text := title + "\n\n" + b.String()
	raw := []byte("<html><body>" + text + "</body></html>")
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	doc := &crosscheck.Document{
		ID:        hash[:16],
		RawHash:   hash,
		RawSize:   len(raw),
		Source:    crosscheck.Source{Kind: "file", Locator: fmt.Sprintf("bench/%d.html", i), Format: "html"},
		Meta:      crosscheck.Metadata{Title: title, Outlet: []string{"Courier", "Times", "Daily"}[i%3], Published: crosscheck.Date{Time: time.Date(2023, 1, 1+i%365, 0, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionDay}},
		Text:      text,
		Headline:  crosscheck.Span{Start: 0, End: len(title)},
		Extractor: "bench", IngestedAt: time.Now(), Words: 400,
	}
	fp := &crosscheck.Fingerprint{Method: "minhash-128/5-shingles", MinHash: make([]uint32, 128), Bands: make([]uint64, 16)}
	for j := range fp.MinHash {
		fp.MinHash[j] = r.Uint32()
	}
	for j := range fp.Bands {
		fp.Bands[j] = r.Uint64()
	}
	return doc, raw, fp
}

// BenchmarkPutDocument stores generated 400-word articles with their
// fingerprints, one transaction each.
func BenchmarkPutDocument(b *testing.B) {
	s := openTemp(b)
	n := 0
	for b.Loop() {
		doc, raw, fp := benchDoc(n)
		if _, err := s.PutDocument(b.Context(), doc, raw, fp, nil); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkSearch queries 2,000 generated articles of 400 words.
func BenchmarkSearch(b *testing.B) {
	const docs = 2000
	s := openTemp(b)
	for i := range docs {
		doc, raw, fp := benchDoc(i)
		if _, err := s.PutDocument(b.Context(), doc, raw, fp, nil); err != nil {
			b.Fatal(err)
		}
	}
	// Frequent and rare words, phrases, prefixes, exclusions, OR, filters.
	queries := []struct {
		name string
		q    crosscheck.SearchQuery
	}{
		{"common", crosscheck.SearchQuery{Text: "the said"}},
		{"words", crosscheck.SearchQuery{Text: "harbour strike"}},
		{"phrase", crosscheck.SearchQuery{Text: `"spy ring" police`}},
		{"prefix-not", crosscheck.SearchQuery{Text: "sanction* -flood"}},
		{"or", crosscheck.SearchQuery{Text: "ferry OR airport storm"}},
		{"filter", crosscheck.SearchQuery{Text: "election", DocumentFilter: crosscheck.DocumentFilter{Outlet: "times", From: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)}}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				hits, err := s.Search(b.Context(), q.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(hits) == 0 {
					b.Fatalf("Search(%q): no hits", q.q.Text)
				}
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "queries/s")
		})
	}
}
