package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
)

// seedsDir is the real scraped articles beside the repository; they are
// not part of it, so the test skips where they are absent.
const seedsDir = "../../../shared/seeds"

func seedDoc(t *testing.T, db string, docs []crosscheck.DocumentSummary, prefix string) *crosscheck.Document {
	t.Helper()
	for _, d := range docs {
		if strings.HasPrefix(filepath.Base(d.Source.Locator), prefix) {
			var doc crosscheck.Document
			runJSON(t, &doc, "--db", db, "show", d.ID)
			return &doc
		}
	}
	t.Fatalf("no document from %s*", prefix)
	return nil
}

func TestSeeds(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skip("seeds not available:", err)
	}
	db := filepath.Join(t.TempDir(), "seeds.db")
	var sum ingest.Summary
	runJSON(t, &sum, "--db", db, "ingest", seedsDir)
	if sum.Ingested != 5 || sum.Failed != 0 {
		t.Fatalf("ingested %d, failed %d: want 5 and 0 (%+v)", sum.Ingested, sum.Failed, sum.Outcomes)
	}
	var docs []crosscheck.DocumentSummary
	runJSON(t, &docs, "--db", db, "docs")

	iw := seedDoc(t, db, docs, "003_")
	if iw.Meta.Outlet != "IranWire" || strings.Join(iw.Meta.Authors, ";") != "Ebrahim Ramezani" || iw.Meta.Published.String() != "2022-11-22" {
		t.Errorf("003: outlet %q, authors %q, date %s", iw.Meta.Outlet, iw.Meta.Authors, iw.Meta.Published)
	}
	lead := "announced last week it had busted an Iranian spy network"
	if n := strings.Count(iw.Text, lead); n != 1 {
		t.Errorf("003: the repeated lead occurs %d times in the clean text, want 1", n)
	}
	for _, gone := range []string{"close button", "Iranian Footballers", "5 min read"} {
		if strings.Contains(iw.Text, gone) {
			t.Errorf("003: clean text still holds %q", gone)
		}
	}

	pa := seedDoc(t, db, docs, "004_")
	if pa.Meta.Published.Known() {
		t.Errorf("004: states no date but got %s (%s)", pa.Meta.Published, pa.Meta.Rules["published"])
	}
	tail := false
	for _, r := range pa.Removed {
		if strings.Contains(r.Text, "Top stories") {
			tail = true
		}
	}
	if !tail || strings.Contains(pa.Text, "Top stories") || strings.Contains(pa.Text, "192 Azerbaijani troops") {
		t.Errorf("004: the Top stories tail is not recorded as removed (or still in the text)")
	}

	// Ingesting the folder again adds nothing.
	var again ingest.Summary
	runJSON(t, &again, "--db", db, "ingest", seedsDir)
	if again.Ingested != 0 || again.Unchanged != 5 {
		t.Errorf("re-ingest: %d ingested, %d unchanged; want 0 and 5", again.Ingested, again.Unchanged)
	}

	var hits []crosscheck.SearchHit
	runJSON(t, &hits, "--db", db, "search", "spy network")
	found := false
	for _, h := range hits {
		if h.Document.ID == iw.ID {
			found = true
		}
		if len(h.Highlights) == 0 {
			t.Errorf("hit %s has no highlighted terms: %q", h.Document.ID, h.Snippet)
		}
	}
	if !found {
		t.Errorf("search \"spy network\" does not find the IranWire article: %+v", hits)
	}
}
