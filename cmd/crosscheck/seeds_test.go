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

	testSeedsLanguage(t, db, docs)
	testSeedsLinkAndLedger(t, db, docs)

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

// seedLayer returns a seed document with its language layer.
func seedLayer(t *testing.T, db string, docs []crosscheck.DocumentSummary, prefix string) (*crosscheck.Document, *crosscheck.Annotations) {
	t.Helper()
	for _, d := range docs {
		if strings.HasPrefix(filepath.Base(d.Source.Locator), prefix) {
			var s shown
			runJSON(t, &s, "--db", db, "show", "--annotate", d.ID)
			return s.Document, s.Annotations
		}
	}
	t.Fatalf("no document from %s*", prefix)
	return nil, nil
}

// testSeedsLanguage checks the second part of the language layer on the
// seeds: times against the right anchor, quantities with what they count,
// quotes with their speakers.
func testSeedsLanguage(t *testing.T, db string, docs []crosscheck.DocumentSummary) {
	_, iw := seedLayer(t, db, docs, "003_")
	times := map[string][]crosscheck.Timex{}
	for _, x := range iw.Timexes {
		times[strings.ToLower(x.Text)] = append(times[strings.ToLower(x.Text)], x)
	}
	want := func(text string, i int, value, anchor string) {
		t.Helper()
		xs := times[text]
		if len(xs) <= i || xs[i].Value != value || xs[i].Anchor != anchor {
			t.Errorf("003: %q #%d = %+v; want %s against %s", text, i, xs, value, anchor)
		}
	}
	want("last week", 0, "2022-W46", "2022-11-22")
	want("last week", 1, "2022-W43", "2022-11-02") // in the Bloomberg block dated Nov 2
	want("november 14", 0, "2022-11-14", "2022-11-22")
	want("two years ago", 0, "2020", "2022-11-22")
	want("tuesday", 0, "2022-11-01", "2022-11-02")
	for _, prefix := range []string{"000_", "001_", "004_"} {
		_, undated := seedLayer(t, db, docs, prefix)
		for _, x := range undated.Timexes {
			if x.Relative && x.Begin != "" {
				t.Errorf("%s is undated, but %q was resolved to %s", prefix, x.Text, x.Begin)
			}
		}
	}
	heads := map[string]string{}
	for _, p := range []string{"000_", "001_", "003_", "004_"} {
		_, l := seedLayer(t, db, docs, p)
		for _, q := range l.Quantities {
			heads[strings.ToLower(q.Text)] += "|" + strings.ToLower(q.Head)
		}
	}
	for q, head := range map[string]string{"dozens": "individuals", "five": "azerbaijani", "19": "people", "22": "azeri citizens"} {
		if !strings.Contains(heads[q], head) {
			t.Errorf("quantity %q counts %q, want %q", q, heads[q], head)
		}
	}
	if heads["up to $1,000"] == "" {
		t.Errorf("no quantity \"up to $1,000\" (have %v)", heads)
	}
	_, ih := seedLayer(t, db, docs, "000_")
	speakers := map[string]bool{}
	for _, q := range ih.Quotes {
		speakers[q.Speaker] = true
	}
	for _, s := range []string{"Elnur Enveroglu", "Paulo Casaca"} {
		if !speakers[s] {
			t.Errorf("000: no quote by %s (speakers %v)", s, speakers)
		}
	}
	dtx := 0
	for _, q := range iw.Quotes {
		if q.Speaker == "State Security Service" {
			dtx++
		}
	}
	if dtx < 3 {
		t.Errorf("003: %d quotes of the State Security Service, want at least 3", dtx)
	}
}

// testSeedsLinkAndLedger checks entity resolution and the report on the
// seeds.
func testSeedsLinkAndLedger(t *testing.T, db string, docs []crosscheck.DocumentSummary) {
	var ents []crosscheck.Entity
	runJSON(t, &ents, "--db", db, "entities", "--limit", "0")
	byAlias := map[string]string{}
	for _, e := range ents {
		byAlias[e.Name] = e.ID
		for _, a := range e.Aliases {
			byAlias[a.Name] = e.ID
		}
	}
	for _, group := range [][]string{
		{"DTX", "State Security Service"},
		{"IRGC", "Islamic Revolutionary Guards Corps"},
		{"Huseyniyyun", "Huseiniyyun"},
		{"Ilham Aliyev", "Aliyev"},
	} {
		for _, n := range group[1:] {
			if byAlias[group[0]] == "" || byAlias[n] != byAlias[group[0]] {
				t.Errorf("%q and %q are not one entity (%q, %q)", group[0], n, byAlias[group[0]], byAlias[n])
			}
		}
	}
	if byAlias["Iran"] == "" || byAlias["Iran"] == byAlias["Iraq"] {
		t.Error("Iran missing or merged with Iraq")
	}
	var l struct {
		Articles []struct {
			DocID  string `json:"doc_id"`
			Stance string `json:"stance"`
			Loaded []struct {
				Term string `json:"term"`
			} `json:"loaded"`
		} `json:"articles"`
		Exclusive []struct {
			Value string `json:"value"`
		} `json:"exclusive"`
	}
	runJSON(t, &l, "--db", db, "report")
	iw, _ := seedLayer(t, db, docs, "003_")
	comm, _ := seedLayer(t, db, docs, "002_")
	stance := map[string]string{}
	loaded := 0
	for _, a := range l.Articles {
		stance[a.DocID] = a.Stance
		loaded += len(a.Loaded)
	}
	if stance[iw.ID] != "hedged" || stance[comm.ID] != "asserts as fact" {
		t.Errorf("stances: IranWire %q, 2023 commentary %q; want hedged and asserts as fact", stance[iw.ID], stance[comm.ID])
	}
	if loaded == 0 {
		t.Error("no loaded terms in the seeds")
	}
	exclusive := ""
	for _, x := range l.Exclusive {
		exclusive += "|" + x.Value
	}
	for _, want := range []string{"Muslim Unity Movement", "1,000 USD"} {
		if !strings.Contains(exclusive, want) {
			t.Errorf("single-source details lack %q: %s", want, exclusive)
		}
	}
}
