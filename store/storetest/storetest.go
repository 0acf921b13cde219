// Package storetest is the conformance suite for crosscheck.DocumentStore
// implementations. It is written against the interface only, so every
// backend (SQLite, PostgreSQL) runs the same tests:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) crosscheck.DocumentStore {
//			s, err := Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { s.Close() })
//			return s
//		})
//	}
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Run runs the suite. open must return a new, empty store for each call
// and arrange for it to be closed when the test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) crosscheck.DocumentStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s crosscheck.DocumentStore)
	}{
		{"PutDocument/RoundTrip", testRoundTrip},
		{"PutDocument/RoundTripMinimal", testRoundTripMinimal},
		{"PutDocument/Existing", testExisting},
		{"PutDocument/Invalid", testPutInvalid},
		{"PutDocument/IDConflict", testIDConflict},
		{"PutDocument/Concurrent", testConcurrent},
		{"Document/Prefix", testPrefix},
		{"DocumentByRawHash", testByRawHash},
		{"Raw", testRaw},
		{"Documents/Order", testDocumentsOrder},
		{"Documents/Filter", testDocumentsFilter},
		{"Documents/DuplicateOf", testDuplicateOf},
		{"Candidates", testCandidates},
		{"Links", testLinks},
		{"Search/Syntax", testSearchSyntax},
		{"Search/Ranking", testSearchRanking},
		{"Search/Snippet", testSearchSnippet},
		{"Search/Filter", testSearchFilter},
		{"Search/Invalid", testSearchInvalid},
		{"ContextCanceled", testContextCanceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// base is the ingestion time of the first test document.
var base = time.Date(2026, 11, 22, 8, 30, 0, 0, time.UTC)

// newDoc returns a small valid document and its raw bytes. The ID is the
// given one, or derived from the raw bytes when id is empty. Callers may
// change any field but RawHash and RawSize.
func newDoc(id, title, body string) (*crosscheck.Document, []byte) {
	raw := []byte(title + "\n\n" + body + "\n")
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	if id == "" {
		id = hash[:16]
	}
	text := title + "\n\n" + body
	return &crosscheck.Document{
		ID:         id,
		RawHash:    hash,
		RawSize:    len(raw),
		Source:     crosscheck.Source{Kind: "file", Locator: "testdata/" + id + ".txt", Format: "text"},
		Meta:       crosscheck.Metadata{Title: title},
		Text:       text,
		Headline:   crosscheck.Span{Start: 0, End: len(title)},
		Extractor:  "storetest",
		IngestedAt: base,
		Words:      len(strings.Fields(text)),
	}, raw
}

// day returns a document date at day precision, without a zone.
func day(y int, m time.Month, d int) crosscheck.Date {
	return crosscheck.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionDay}
}

func put(t *testing.T, s crosscheck.DocumentStore, doc *crosscheck.Document, raw []byte, fp *crosscheck.Fingerprint, links ...crosscheck.Link) {
	t.Helper()
	res, err := s.PutDocument(t.Context(), doc, raw, fp, links)
	if err != nil {
		t.Fatalf("PutDocument(%s): %v", doc.ID, err)
	}
	if res != (crosscheck.PutResult{ID: doc.ID}) {
		t.Fatalf("PutDocument(%s) = %+v, want a new document", doc.ID, res)
	}
}

// fullDocument sets every field of a Document.
func fullDocument() (*crosscheck.Document, []byte) {
	doc, raw := newDoc("", "Harbour strike ends after nine days",
		"Dock workers in Port Elm voted on Sunday to end a nine-day strike, the union said.\n\n"+
			"Reuters\nNov 2 (Reuters) - Shipping lines expect delays to clear within a week.")
	doc.Source = crosscheck.Source{Kind: "url", Locator: "https://example.org/feed.xml", Item: "item 2", Format: "feed"}
	doc.Meta = crosscheck.Metadata{
		Title:    "Harbour strike ends after nine days",
		Authors:  []string{"Ana Lima", "Jörg Brandt"},
		Outlet:   "The Port Elm Courier",
		URL:      "https://example.org/news/strike-ends",
		Language: "en",
		Published: crosscheck.Date{
			Time:      time.Date(2023, 4, 5, 9, 0, 0, 0, time.FixedZone("", 4*3600)),
			Precision: crosscheck.PrecisionMinute,
			HasZone:   true,
		},
		Rules: map[string]string{"title": "feed:title", "published": "feed:pubDate", "authors": "feed:author"},
		Raw:   map[string]string{"published": "Wed, 05 Apr 2023 09:00:00 +0400"},
	}
	doc.SourceText = "Home | News\n" + doc.Text + "\nRead more: Ferry timetables"
	doc.Removed = []crosscheck.Removed{
		{Label: crosscheck.RemovedChrome, Reason: "chrome:nav", Span: crosscheck.Span{Start: 0, End: 11}, Text: "Home | News"},
		{Label: crosscheck.RemovedTeaser, Reason: "teaser:read-more", Span: crosscheck.Span{Start: len(doc.SourceText) - 28, End: len(doc.SourceText)}, Text: "Read more: Ferry timetables"},
		{Label: crosscheck.RemovedBoilerplate, Reason: "html:boilerplate", Span: crosscheck.Span{Start: 0, End: 9}, Text: "Subscribe", Layer: crosscheck.LayerPage},
	}
	agency := strings.Index(doc.Text, "Reuters")
	doc.Blocks = []crosscheck.Block{
		{Kind: "agency", Source: "Reuters", Dateline: "Nov 2", Date: day(2022, 11, 2), Span: crosscheck.Span{Start: agency, End: len(doc.Text)}},
		{Kind: "agency", Source: "AP", Date: crosscheck.Date{Time: time.Date(2023, 4, 4, 18, 30, 0, 0, time.FixedZone("", -5*3600)), Precision: crosscheck.PrecisionMinute, HasZone: true}},
	}
	doc.Warnings = []string{"repaired invalid UTF-8 at byte 12"}
	doc.Extractor = "storetest/v1"
	doc.IngestedAt = time.Date(2026, 11, 22, 8, 30, 15, 123456789, time.FixedZone("", -3*3600))
	return doc, raw
}

func testRoundTrip(t *testing.T, s crosscheck.DocumentStore) {
	doc, raw := fullDocument()
	fp := &crosscheck.Fingerprint{Method: "minhash-4/5-shingles", MinHash: []uint32{1, 0xffffffff, 42, 7}, Bands: []uint64{11, 1<<63 | 5}}
	put(t, s, doc, raw, fp)
	got, err := s.Document(t.Context(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSameDocument(t, doc, got)

	// The offsets survive even when the process's local zone has them.
	if _, off := got.Meta.Published.Time.Zone(); off != 4*3600 {
		t.Errorf("published offset = %d, want %d", off, 4*3600)
	}
}

func testRoundTripMinimal(t *testing.T, s crosscheck.DocumentStore) {
	doc, raw := newDoc("", "", "")
	doc.Text, doc.Headline, doc.Words = "", crosscheck.Span{}, 0
	raw = raw[:0]
	sum := sha256.Sum256(raw)
	doc.RawHash, doc.RawSize = hex.EncodeToString(sum[:]), 0
	doc.IngestedAt = time.Time{}
	put(t, s, doc, raw, nil)
	got, err := s.Document(t.Context(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSameDocument(t, doc, got)
	data, err := s.Raw(t.Context(), doc.RawHash)
	if err != nil || len(data) != 0 {
		t.Errorf("Raw = %q, %v; want no bytes", data, err)
	}

	// Empty but non-nil lists stay empty, not nil.
	doc2, raw2 := newDoc("", "Empty lists", "Nothing was removed.")
	doc2.Meta.Authors, doc2.Removed, doc2.Warnings = []string{}, []crosscheck.Removed{}, []string{}
	doc2.Meta.Rules = map[string]string{}
	put(t, s, doc2, raw2, &crosscheck.Fingerprint{})
	got2, err := s.Document(t.Context(), doc2.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSameDocument(t, doc2, got2)
}

// checkSameDocument compares documents field by field; times must be the
// same instant with the same UTC offset.
func checkSameDocument(t *testing.T, want, got *crosscheck.Document) {
	t.Helper()
	w, g := *want, *got
	sameTime := func(field string, a, b *time.Time) {
		_, oa := a.Zone()
		_, ob := b.Zone()
		if !a.Equal(*b) || oa != ob {
			t.Errorf("%s = %s, want %s", field, b.Format(time.RFC3339Nano), a.Format(time.RFC3339Nano))
		}
		*a, *b = time.Time{}, time.Time{}
	}
	sameTime("Meta.Published.Time", &w.Meta.Published.Time, &g.Meta.Published.Time)
	sameTime("IngestedAt", &w.IngestedAt, &g.IngestedAt)
	w.Blocks, g.Blocks = slices.Clone(w.Blocks), slices.Clone(g.Blocks)
	if len(w.Blocks) == len(g.Blocks) {
		for i := range w.Blocks {
			sameTime(fmt.Sprintf("Blocks[%d].Date.Time", i), &w.Blocks[i].Date.Time, &g.Blocks[i].Date.Time)
		}
	}
	if !reflect.DeepEqual(w, g) {
		wj, _ := json.MarshalIndent(w, "", "  ")
		gj, _ := json.MarshalIndent(g, "", "  ")
		t.Errorf("document differs after round trip:\ngot  %s\nwant %s", gj, wj)
	}
}

func testExisting(t *testing.T, s crosscheck.DocumentStore) {
	ctx := t.Context()
	first, raw := newDoc("", "Ferry fares rise", "Ferry fares will rise by four percent in May.")
	put(t, s, first, raw, &crosscheck.Fingerprint{Method: "m", MinHash: []uint32{1}, Bands: []uint64{100}})
	other, otherRaw := newDoc("", "Bridge reopens", "The old bridge reopened to traffic.")
	put(t, s, other, otherRaw, nil)

	again := *first
	again.ID = "another-id-for-the-same-bytes"
	again.Meta.Title = "Changed title"
	link := crosscheck.Link{From: again.ID, To: other.ID, Kind: crosscheck.LinkNearDuplicate, Similarity: 0.9, Method: "m"}
	res, err := s.PutDocument(ctx, &again, raw, &crosscheck.Fingerprint{Method: "m", MinHash: []uint32{2}, Bands: []uint64{200}}, []crosscheck.Link{link})
	if err != nil {
		t.Fatal(err)
	}
	if res != (crosscheck.PutResult{ID: first.ID, Existing: true}) {
		t.Errorf("PutDocument(same raw bytes) = %+v, want {ID: %s, Existing: true}", res, first.ID)
	}
	got, err := s.Document(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSameDocument(t, first, got)
	if _, err := s.Document(ctx, again.ID); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("Document(%s) error = %v, want ErrNotFound: nothing may be written", again.ID, err)
	}
	if links, err := s.Links(ctx, other.ID); err != nil || len(links) != 0 {
		t.Errorf("Links(%s) = %v, %v; want none", other.ID, links, err)
	}
	if c, err := s.Candidates(ctx, &crosscheck.Fingerprint{Method: "m", Bands: []uint64{200}}); err != nil || len(c) != 0 {
		t.Errorf("Candidates(band 200) = %v, %v; want none", c, err)
	}
	if list, err := s.Documents(ctx, crosscheck.DocumentFilter{}); err != nil || len(list) != 2 {
		t.Errorf("Documents = %d documents, %v; want 2", len(list), err)
	}
}

func testPutInvalid(t *testing.T, s crosscheck.DocumentStore) {
	ctx := t.Context()
	target, targetRaw := newDoc("", "Target", "An existing document.")
	put(t, s, target, targetRaw, nil)

	tests := []struct {
		name   string
		change func(d *crosscheck.Document, raw *[]byte, links *[]crosscheck.Link)
	}{
		{"empty ID", func(d *crosscheck.Document, _ *[]byte, _ *[]crosscheck.Link) { d.ID = "" }},
		{"hash of other bytes", func(_ *crosscheck.Document, raw *[]byte, _ *[]crosscheck.Link) { *raw = []byte("other bytes") }},
		{"wrong size", func(d *crosscheck.Document, _ *[]byte, _ *[]crosscheck.Link) { d.RawSize++ }},
		{"headline outside text", func(d *crosscheck.Document, _ *[]byte, _ *[]crosscheck.Link) {
			d.Headline = crosscheck.Span{Start: 0, End: len(d.Text) + 1}
		}},
		{"link to unknown document", func(d *crosscheck.Document, _ *[]byte, l *[]crosscheck.Link) {
			*l = []crosscheck.Link{{From: d.ID, To: "no-such-document", Kind: crosscheck.LinkNearDuplicate, Similarity: 0.9}}
		}},
		{"link not involving the document", func(_ *crosscheck.Document, _ *[]byte, l *[]crosscheck.Link) {
			*l = []crosscheck.Link{{From: target.ID, To: "elsewhere", Kind: crosscheck.LinkNearDuplicate, Similarity: 0.9}}
		}},
		{"link to itself", func(d *crosscheck.Document, _ *[]byte, l *[]crosscheck.Link) {
			*l = []crosscheck.Link{{From: d.ID, To: d.ID, Kind: crosscheck.LinkNearDuplicate, Similarity: 1}}
		}},
		{"link without kind", func(d *crosscheck.Document, _ *[]byte, l *[]crosscheck.Link) {
			*l = []crosscheck.Link{{From: d.ID, To: target.ID, Similarity: 0.9}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, raw := newDoc("", "Invalid", "This document must not be stored.")
			var links []crosscheck.Link
			tt.change(doc, &raw, &links)
			_, err := s.PutDocument(ctx, doc, raw, &crosscheck.Fingerprint{Method: "m", Bands: []uint64{7}}, links)
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Errorf("PutDocument error = %v, want ErrInvalid", err)
			}
		})
	}
	if _, err := s.PutDocument(ctx, nil, nil, nil, nil); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("PutDocument(nil) error = %v, want ErrInvalid", err)
	}
	list, err := s.Documents(ctx, crosscheck.DocumentFilter{})
	if err != nil || len(list) != 1 {
		t.Errorf("Documents after invalid puts = %v, %v; want only the target", list, err)
	}
	if c, err := s.Candidates(ctx, &crosscheck.Fingerprint{Method: "m", Bands: []uint64{7}}); err != nil || len(c) != 0 {
		t.Errorf("Candidates after invalid puts = %v, %v; want none", c, err)
	}
}

func testIDConflict(t *testing.T, s crosscheck.DocumentStore) {
	a, rawA := newDoc("same-id-0001", "First", "First bytes.")
	put(t, s, a, rawA, nil)
	b, rawB := newDoc("same-id-0001", "Second", "Other bytes.")
	if _, err := s.PutDocument(t.Context(), b, rawB, nil, nil); !errors.Is(err, crosscheck.ErrConflict) {
		t.Errorf("PutDocument(taken ID) error = %v, want ErrConflict", err)
	}
	got, err := s.Document(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSameDocument(t, a, got)
}

func testConcurrent(t *testing.T, s crosscheck.DocumentStore) {
	const workers, each = 6, 5
	shared, sharedRaw := newDoc("", "Shared", "Every worker stores this one.")
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		newCount int
		errs     []error
	)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				doc, raw := newDoc("", fmt.Sprintf("Worker %d document %d", w, i), "Stored concurrently.")
				if _, err := s.PutDocument(t.Context(), doc, raw, &crosscheck.Fingerprint{Method: "m", Bands: []uint64{uint64(w), 1000}}, nil); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
			res, err := s.PutDocument(t.Context(), shared, sharedRaw, nil, nil)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			} else if !res.Existing {
				newCount++
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	if newCount != 1 {
		t.Errorf("shared document stored as new %d times, want 1", newCount)
	}
	list, err := s.Documents(t.Context(), crosscheck.DocumentFilter{})
	if err != nil || len(list) != workers*each+1 {
		t.Errorf("Documents = %d, %v; want %d", len(list), err, workers*each+1)
	}
	c, err := s.Candidates(t.Context(), &crosscheck.Fingerprint{Method: "m", Bands: []uint64{1000}})
	if err != nil || len(c) != workers*each {
		t.Errorf("Candidates(shared band) = %d, %v; want %d", len(c), err, workers*each)
	}
}

func testPrefix(t *testing.T, s crosscheck.DocumentStore) {
	ctx := t.Context()
	for _, id := range []string{"c0ffee01aa", "c0ffee02bb", "c0ffee02bbcc", "d00d"} {
		doc, raw := newDoc(id, "Document "+id, "Text of "+id+".")
		put(t, s, doc, raw, nil)
	}
	tests := []struct {
		id   string
		want string
		err  error
	}{
		{"c0ffee01aa", "c0ffee01aa", nil},
		{"c0ffee01", "c0ffee01aa", nil},
		{"c0ffee02bb", "c0ffee02bb", nil}, // exact match beats a longer ID
		{"c0ffee02bbc", "c0ffee02bbcc", nil},
		{"d00d", "d00d", nil},
		{"c0ff", "", crosscheck.ErrConflict},
		{"c0ffee0", "", crosscheck.ErrConflict},
		{"beef", "", crosscheck.ErrNotFound},
		{"c0ffee01aaa", "", crosscheck.ErrNotFound},
		{"c0f", "", crosscheck.ErrInvalid},
		{"", "", crosscheck.ErrInvalid},
	}
	for _, tt := range tests {
		doc, err := s.Document(ctx, tt.id)
		switch {
		case tt.err != nil && !errors.Is(err, tt.err):
			t.Errorf("Document(%q) error = %v, want %v", tt.id, err, tt.err)
		case tt.err == nil && err != nil:
			t.Errorf("Document(%q): %v", tt.id, err)
		case tt.err == nil && doc.ID != tt.want:
			t.Errorf("Document(%q) = %s, want %s", tt.id, doc.ID, tt.want)
		}
	}
}

func testByRawHash(t *testing.T, s crosscheck.DocumentStore) {
	doc, raw := newDoc("", "Hash lookup", "Found by its raw bytes.")
	put(t, s, doc, raw, nil)
	id, err := s.DocumentByRawHash(t.Context(), doc.RawHash)
	if err != nil || id != doc.ID {
		t.Errorf("DocumentByRawHash = %q, %v; want %q", id, err, doc.ID)
	}
	if _, err := s.DocumentByRawHash(t.Context(), strings.Repeat("0", 64)); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("DocumentByRawHash(unknown) error = %v, want ErrNotFound", err)
	}
}

func testRaw(t *testing.T, s crosscheck.DocumentStore) {
	doc, _ := newDoc("", "Binary", "")
	raw := []byte{0, 1, 2, 0xff, 0xfe, '\n', 0}
	sum := sha256.Sum256(raw)
	doc.RawHash, doc.RawSize = hex.EncodeToString(sum[:]), len(raw)
	put(t, s, doc, raw, nil)
	got, err := s.Raw(t.Context(), doc.RawHash)
	if err != nil || !bytes.Equal(got, raw) {
		t.Errorf("Raw = %v, %v; want %v", got, err, raw)
	}
	if _, err := s.Raw(t.Context(), strings.Repeat("0", 64)); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("Raw(unknown) error = %v, want ErrNotFound", err)
	}
}

// dated stores documents named by their IDs with the given dates,
// outlets and ingestion times.
type dated struct {
	id        string
	outlet    string
	published crosscheck.Date
	ingested  time.Duration // after base
}

func putDated(t *testing.T, s crosscheck.DocumentStore, docs []dated) {
	t.Helper()
	for _, d := range docs {
		doc, raw := newDoc(d.id, "Report "+d.id, "Harbour news from "+d.outlet+".")
		doc.Meta.Outlet = d.outlet
		doc.Meta.Published = d.published
		doc.IngestedAt = base.Add(d.ingested)
		put(t, s, doc, raw, nil)
	}
}

func ids(list []crosscheck.DocumentSummary) []string {
	out := []string{}
	for _, d := range list {
		out = append(out, d.ID)
	}
	return out
}

func testDocumentsOrder(t *testing.T, s crosscheck.DocumentStore) {
	putDated(t, s, []dated{
		{"undated-late", "A", crosscheck.Date{}, 5 * time.Hour},
		{"jan-02", "A", day(2023, 1, 2), 0},
		{"undated-early", "A", crosscheck.Date{}, time.Hour},
		{"mar-01-zone", "B", crosscheck.Date{Time: time.Date(2023, 3, 1, 10, 0, 0, 0, time.FixedZone("", 4*3600)), Precision: crosscheck.PrecisionMinute, HasZone: true}, 0},
		{"dec-31", "B", day(2022, 12, 31), 0},
		{"year-2023", "B", crosscheck.Date{Time: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionYear}, 0},
		{"jan-02-again", "A", day(2023, 1, 2), -time.Hour},
	})
	list, err := s.Documents(t.Context(), crosscheck.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"mar-01-zone", "jan-02-again", "jan-02", "year-2023", "dec-31", "undated-early", "undated-late"}
	if got := ids(list); !reflect.DeepEqual(got, want) {
		t.Errorf("Documents order = %v, want %v", got, want)
	}
	first := list[0]
	if first.Title != "Report mar-01-zone" || first.Outlet != "B" || first.Words == 0 ||
		first.Source.Locator != "testdata/mar-01-zone.txt" || first.Published.Precision != crosscheck.PrecisionMinute || !first.Published.HasZone {
		t.Errorf("summary = %+v", first)
	}
	if _, off := first.Published.Time.Zone(); off != 4*3600 || first.Published.Time.Hour() != 10 {
		t.Errorf("summary published = %v, want 10:00 +04:00", first.Published.Time)
	}
}

func testDocumentsFilter(t *testing.T, s crosscheck.DocumentStore) {
	putDated(t, s, []dated{
		{"feb-28", "Port Elm Courier", day(2023, 2, 28), 0},
		{"mar-01-late", "port elm courier", crosscheck.Date{Time: time.Date(2023, 3, 1, 23, 30, 0, 0, time.UTC), Precision: crosscheck.PrecisionMinute, HasZone: true}, 0},
		{"mar-02", "Harbour Times", day(2023, 3, 2), 0},
		{"mar-05", "PORT ELM COURIER", day(2023, 3, 5), 0},
		{"undated", "Port Elm Courier", crosscheck.Date{}, 0},
	})
	march1 := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    crosscheck.DocumentFilter
		want []string
	}{
		{"all", crosscheck.DocumentFilter{}, []string{"mar-05", "mar-02", "mar-01-late", "feb-28", "undated"}},
		{"outlet any case", crosscheck.DocumentFilter{Outlet: "Port Elm COURIER"}, []string{"mar-05", "mar-01-late", "feb-28", "undated"}},
		{"outlet unknown", crosscheck.DocumentFilter{Outlet: "Port Elm"}, []string{}},
		{"from inclusive", crosscheck.DocumentFilter{From: time.Date(2023, 3, 2, 0, 0, 0, 0, time.UTC)}, []string{"mar-05", "mar-02"}},
		{"to whole day", crosscheck.DocumentFilter{To: march1}, []string{"mar-01-late", "feb-28"}},
		{"to later in the day", crosscheck.DocumentFilter{To: march1.Add(12 * time.Hour)}, []string{"mar-01-late", "feb-28"}},
		{"from and to", crosscheck.DocumentFilter{From: march1, To: march1.AddDate(0, 0, 1)}, []string{"mar-02", "mar-01-late"}},
		{"to in another zone", crosscheck.DocumentFilter{To: time.Date(2023, 3, 1, 0, 0, 0, 0, time.FixedZone("", 2*3600))}, []string{"feb-28"}},
		{"limit", crosscheck.DocumentFilter{Limit: 2}, []string{"mar-05", "mar-02"}},
		{"offset", crosscheck.DocumentFilter{Limit: 2, Offset: 3}, []string{"feb-28", "undated"}},
		{"offset without limit", crosscheck.DocumentFilter{Offset: 4}, []string{"undated"}},
		{"outlet and dates", crosscheck.DocumentFilter{Outlet: "port elm courier", From: march1}, []string{"mar-05", "mar-01-late"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := s.Documents(t.Context(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(list); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Documents(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
	if _, err := s.Documents(t.Context(), crosscheck.DocumentFilter{Limit: -1}); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("Documents(negative limit) error = %v, want ErrInvalid", err)
	}
}

func testDuplicateOf(t *testing.T, s crosscheck.DocumentStore) {
	orig, raw := newDoc("orig", "Wire story", "The wire story as first published.")
	put(t, s, orig, raw, nil)
	cp, cpRaw := newDoc("copy", "Wire story (copy)", "The wire story as first published, again.")
	put(t, s, cp, cpRaw, nil, crosscheck.Link{From: "copy", To: "orig", Kind: crosscheck.LinkNearDuplicate, Similarity: 0.93, Method: "minhash-128/5-shingles"})
	list, err := s.Documents(t.Context(), crosscheck.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	dup := map[string]string{}
	for _, d := range list {
		dup[d.ID] = d.DuplicateOf
	}
	if want := map[string]string{"orig": "", "copy": "orig"}; !reflect.DeepEqual(dup, want) {
		t.Errorf("DuplicateOf = %v, want %v", dup, want)
	}
}

func testCandidates(t *testing.T, s crosscheck.DocumentStore) {
	ctx := t.Context()
	const method = "minhash-4/5-shingles"
	many := make([]uint64, 1500) // more keys than one query should bind
	for i := range many {
		many[i] = uint64(i)*7919 + 1<<40
	}
	docs := []struct {
		id    string
		fp    *crosscheck.Fingerprint
		match bool
	}{
		{"a", &crosscheck.Fingerprint{Method: method, MinHash: []uint32{1, 2, 3, 4}, Bands: []uint64{1, 2, 3}}, true},
		{"b", &crosscheck.Fingerprint{Method: method, MinHash: []uint32{5, 6, 7, 0xffffffff}, Bands: []uint64{3, 1<<63 | 4}}, true},
		{"c", &crosscheck.Fingerprint{Method: method, MinHash: []uint32{9, 9, 9, 9}, Bands: []uint64{5}}, false},
		{"d", &crosscheck.Fingerprint{Method: method, MinHash: []uint32{8, 8, 8, 8}, Bands: []uint64{many[len(many)-1]}}, true},
		{"other-method", &crosscheck.Fingerprint{Method: "simhash", MinHash: []uint32{1}, Bands: []uint64{2}}, false},
		{"unfingerprinted", nil, false},
	}
	want := []crosscheck.Candidate{}
	for _, d := range docs {
		doc, raw := newDoc(d.id, "Candidate "+d.id, "Text "+d.id)
		put(t, s, doc, raw, d.fp)
		if d.match {
			want = append(want, crosscheck.Candidate{ID: d.id, MinHash: d.fp.MinHash})
		}
	}
	fp := &crosscheck.Fingerprint{Method: method, Bands: append([]uint64{2, 3, 1<<63 | 4, 99}, many...)}
	got, err := s.Candidates(ctx, fp)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Candidates = %v, want %v (distinct, by ID)", got, want)
	}
	if got, err := s.Candidates(ctx, &crosscheck.Fingerprint{Method: method}); err != nil || len(got) != 0 {
		t.Errorf("Candidates(no bands) = %v, %v; want none", got, err)
	}
	if _, err := s.Candidates(ctx, nil); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("Candidates(nil) error = %v, want ErrInvalid", err)
	}
}

func testLinks(t *testing.T, s crosscheck.DocumentStore) {
	ctx := t.Context()
	for _, id := range []string{"first", "lonely"} {
		doc, raw := newDoc(id, "Links "+id, "Text of "+id)
		put(t, s, doc, raw, nil)
	}
	second, raw := newDoc("second", "Links second", "Text of second")
	toFirst := crosscheck.Link{From: "second", To: "first", Kind: crosscheck.LinkNearDuplicate, Similarity: 0.91, Method: "minhash-128/5-shingles"}
	put(t, s, second, raw, nil, toFirst)
	// A link may also point at the new document from an older one.
	third, raw := newDoc("third", "Links third", "Text of third")
	fromFirst := crosscheck.Link{From: "first", To: "third", Kind: "follow-up", Similarity: 0.5, Method: "test"}
	put(t, s, third, raw, nil, fromFirst)

	tests := []struct {
		id   string
		want []crosscheck.Link
	}{
		{"first", []crosscheck.Link{toFirst, fromFirst}},
		{"second", []crosscheck.Link{toFirst}},
		{"third", []crosscheck.Link{fromFirst}},
		{"lonely", []crosscheck.Link{}},
	}
	for _, tt := range tests {
		got, err := s.Links(ctx, tt.id)
		if err != nil {
			t.Errorf("Links(%s): %v", tt.id, err)
			continue
		}
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Links(%s) = %+v, want %+v (most similar first)", tt.id, got, tt.want)
		}
	}
	if _, err := s.Links(ctx, "missing"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("Links(missing) error = %v, want ErrNotFound", err)
	}
}

// searchCorpus is written for these tests.
var searchCorpus = []struct {
	id, outlet, title, body string
	published               crosscheck.Date
}{
	{"harbour", "Port Elm Courier", "Dock workers end harbour strike",
		"Dock workers in Port Elm voted to end a nine-day strike. The union said the harbour would reopen on Monday.",
		day(2023, 4, 5)},
	{"ferry", "Harbour Times", "Ferry timetable changes",
		"The ferry company changes its timetable after the strike. Harbour officials expect delays.",
		day(2023, 4, 7)},
	{"spy", "Capital Daily", "Police arrest spy ring suspects",
		"Police arrested four suspects. Officials said the spy ring had watched the harbour. U.S. diplomats declined to comment.",
		day(2023, 5, 1)},
	{"ring", "Capital Daily", "Boxing ring opens downtown",
		"A boxing ring opened downtown. No spy was seen, said the owner of the café.",
		crosscheck.Date{}},
	{"sanctions-title", "Harbour Times", "Sanctions hit shipping",
		"Shipping firms report falling trade through the port this spring, and brokers expect more losses.",
		day(2023, 6, 1)},
	{"sanctions-text", "Harbour Times", "Shipping firms report losses",
		"Shipping firms blame new sanctions for falling trade through the port this spring, brokers said.",
		day(2023, 6, 2)},
}

func putSearchCorpus(t *testing.T, s crosscheck.DocumentStore) {
	t.Helper()
	for _, c := range searchCorpus {
		doc, raw := newDoc(c.id, c.title, c.body)
		doc.Meta.Outlet = c.outlet
		doc.Meta.Published = c.published
		if c.id == "sanctions-title" {
			// Only the title mentions sanctions.
			doc.Text, doc.Headline = c.body, crosscheck.Span{}
		}
		put(t, s, doc, raw, nil)
	}
}

func searchIDs(t *testing.T, s crosscheck.DocumentStore, q crosscheck.SearchQuery) []string {
	t.Helper()
	hits, err := s.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	out := []string{}
	for i, h := range hits {
		out = append(out, h.Document.ID)
		if h.Score <= 0 {
			t.Errorf("Search(%q) hit %s score %v, want > 0", q.Text, h.Document.ID, h.Score)
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("Search(%q) hits not best first: %v after %v", q.Text, h.Score, hits[i-1].Score)
		}
	}
	return out
}

// sameSet reports whether a and b hold the same IDs in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func testSearchSyntax(t *testing.T, s crosscheck.DocumentStore) {
	putSearchCorpus(t, s)
	tests := []struct {
		q    string
		want []string
	}{
		{"strike", []string{"harbour", "ferry"}},
		{"STRIKE harbour", []string{"harbour", "ferry"}},
		{"arrests", []string{"spy"}}, // stemmed: arrest, arrested
		{"cafe", []string{"ring"}},   // diacritics folded
		{"U.S.", []string{"spy"}},    // punctuation is literal
		{"spy ring", []string{"spy", "ring"}},
		{`"spy ring"`, []string{"spy"}},
		{"timet*", []string{"ferry"}},
		{"harbour -strike", []string{"spy"}},
		{`spy -"spy ring"`, []string{"ring"}},
		{"boxing OR ferry", []string{"ring", "ferry"}},
		{"boxing OR ferry timetable", []string{"ferry"}},
		{"sanctions", []string{"sanctions-title", "sanctions-text"}},
		{"NEAR(harbour strike)", []string{}},        // a literal: the phrase "near harbour"
		{"AND OR NOT", []string{"sanctions-title"}}, // literal words: "and" or "not"
		{`title:strike`, []string{}},
		{`unbalanced "harbour`, []string{}},
		{`"harbour`, []string{"harbour", "ferry", "spy"}},
		{"nothing-matches-this", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := searchIDs(t, s, crosscheck.SearchQuery{Text: tt.q}); !sameSet(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func testSearchRanking(t *testing.T, s crosscheck.DocumentStore) {
	putSearchCorpus(t, s)
	got := searchIDs(t, s, crosscheck.SearchQuery{Text: "sanctions"})
	if want := []string{"sanctions-title", "sanctions-text"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Search(sanctions) = %v, want the title match first %v", got, want)
	}
	hits, err := s.Search(t.Context(), crosscheck.SearchQuery{Text: "spy"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Document.ID != "spy" {
		t.Fatalf("Search(spy) = %+v, want spy (title and text) first", hits)
	}
	d := hits[0].Document
	if d.Title != "Police arrest spy ring suspects" || d.Outlet != "Capital Daily" || !d.Published.Time.Equal(day(2023, 5, 1).Time) || d.Published.Precision != crosscheck.PrecisionDay || d.Words == 0 {
		t.Errorf("hit summary = %+v", d)
	}
}

func testSearchSnippet(t *testing.T, s crosscheck.DocumentStore) {
	putSearchCorpus(t, s)
	long, raw := newDoc("long", "A long report",
		strings.Repeat("Filler words about nothing in particular. ", 30)+
			"Then the harbour master resigned. "+
			strings.Repeat("More filler words follow here. ", 30))
	put(t, s, long, raw, nil)
	for _, q := range []string{"harbour", "resigned master", `"harbour master"`, "harb*"} {
		hits, err := s.Search(t.Context(), crosscheck.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Fatalf("Search(%q): no hits", q)
		}
		for _, h := range hits {
			if strings.ContainsAny(h.Snippet, "\uFDD0\uFDD1\uE000\uE001") {
				t.Errorf("Search(%q) %s snippet holds marker characters: %q", q, h.Document.ID, h.Snippet)
			}
			if len(h.Highlights) == 0 {
				t.Errorf("Search(%q) %s: no highlights in %q", q, h.Document.ID, h.Snippet)
			}
			for _, sp := range h.Highlights {
				if !sp.Valid(len(h.Snippet)) || sp.Len() == 0 {
					t.Errorf("Search(%q) %s: highlight %v outside snippet %q", q, h.Document.ID, sp, h.Snippet)
					continue
				}
				word := strings.ToLower(h.Snippet[sp.Start:sp.End])
				if !strings.HasPrefix(word, "harb") && word != "master" && word != "resigned" {
					t.Errorf("Search(%q) %s: highlight %q is not a query term", q, h.Document.ID, word)
				}
			}
			if h.Document.ID == "long" {
				if n := len(strings.Fields(h.Snippet)); n > 40 || !strings.Contains(h.Snippet, "harbour master") {
					t.Errorf("Search(%q) long snippet of %d words = %q, want a short excerpt around the match", q, n, h.Snippet)
				}
			}
		}
	}
}

func testSearchFilter(t *testing.T, s crosscheck.DocumentStore) {
	putSearchCorpus(t, s)
	tests := []struct {
		name string
		q    crosscheck.SearchQuery
		want []string
	}{
		{"outlet", crosscheck.SearchQuery{Text: "harbour", DocumentFilter: crosscheck.DocumentFilter{Outlet: "harbour times"}}, []string{"ferry"}},
		{"from", crosscheck.SearchQuery{Text: "harbour", DocumentFilter: crosscheck.DocumentFilter{From: time.Date(2023, 4, 6, 0, 0, 0, 0, time.UTC)}}, []string{"ferry", "spy"}},
		{"to whole day", crosscheck.SearchQuery{Text: "harbour", DocumentFilter: crosscheck.DocumentFilter{To: time.Date(2023, 4, 7, 0, 0, 0, 0, time.UTC)}}, []string{"harbour", "ferry"}},
		{"undated excluded", crosscheck.SearchQuery{Text: "spy", DocumentFilter: crosscheck.DocumentFilter{From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}}, []string{"spy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := searchIDs(t, s, tt.q); !sameSet(got, tt.want) {
				t.Errorf("Search(%+v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}

	all := searchIDs(t, s, crosscheck.SearchQuery{Text: "harbour"})
	page := searchIDs(t, s, crosscheck.SearchQuery{Text: "harbour", DocumentFilter: crosscheck.DocumentFilter{Limit: 1, Offset: 1}})
	if len(all) != 3 || !reflect.DeepEqual(page, all[1:2]) {
		t.Errorf("Search page (limit 1, offset 1) = %v, want the second of %v", page, all)
	}

	for i := range 25 {
		doc, raw := newDoc("", fmt.Sprintf("Tide table %d", i), "High tide at noon.")
		put(t, s, doc, raw, nil)
	}
	if got := searchIDs(t, s, crosscheck.SearchQuery{Text: "tide"}); len(got) != 20 {
		t.Errorf("Search(tide) without a limit = %d hits, want the default 20", len(got))
	}
	if got := searchIDs(t, s, crosscheck.SearchQuery{Text: "tide", DocumentFilter: crosscheck.DocumentFilter{Limit: 25}}); len(got) != 25 {
		t.Errorf("Search(tide, limit 25) = %d hits, want 25", len(got))
	}
}

func testSearchInvalid(t *testing.T, s crosscheck.DocumentStore) {
	putSearchCorpus(t, s)
	for _, q := range []crosscheck.SearchQuery{
		{Text: ""},
		{Text: "   "},
		{Text: "-strike"},
		{Text: `-strike -"spy ring"`},
		{Text: "((( ::: )))"},
		{Text: "harbour", DocumentFilter: crosscheck.DocumentFilter{Offset: -1}},
	} {
		if hits, err := s.Search(t.Context(), q); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("Search(%+v) = %v, %v; want ErrInvalid", q, hits, err)
		}
	}
}

func testContextCanceled(t *testing.T, s crosscheck.DocumentStore) {
	doc, raw := newDoc("", "Stored", "Stored before the cancel.")
	put(t, s, doc, raw, nil)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	other, otherRaw := newDoc("", "Not stored", "Put with a canceled context.")
	calls := map[string]func() error{
		"PutDocument": func() error {
			_, err := s.PutDocument(ctx, other, otherRaw, nil, nil)
			return err
		},
		"DocumentByRawHash": func() error { _, err := s.DocumentByRawHash(ctx, doc.RawHash); return err },
		"Document":          func() error { _, err := s.Document(ctx, doc.ID); return err },
		"Documents":         func() error { _, err := s.Documents(ctx, crosscheck.DocumentFilter{}); return err },
		"Raw":               func() error { _, err := s.Raw(ctx, doc.RawHash); return err },
		"Candidates": func() error {
			_, err := s.Candidates(ctx, &crosscheck.Fingerprint{Bands: []uint64{1}})
			return err
		},
		"Links":  func() error { _, err := s.Links(ctx, doc.ID); return err },
		"Search": func() error { _, err := s.Search(ctx, crosscheck.SearchQuery{Text: "stored"}); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a canceled context: error = %v, want context.Canceled", name, err)
		}
	}
	if _, err := s.Document(t.Context(), other.ID); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("document put with a canceled context: Document error = %v, want ErrNotFound", err)
	}
}
