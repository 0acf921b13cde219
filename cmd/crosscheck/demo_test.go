package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := run(t, "--db", db, "demo")
	if code != 0 {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"Documents (", "Near-duplicates", "Embedded copy", "Search:"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	var docs []crosscheck.DocumentSummary
	runJSON(t, &docs, "--db", db, "docs")
	if len(docs) < 12 || len(docs) > 24 {
		t.Errorf("demo corpus gave %d documents, want 12-24", len(docs))
	}
	formats := map[string]bool{}
	undated, dups := 0, 0
	for _, d := range docs {
		formats[d.Source.Format] = true
		if !d.Published.Known() {
			undated++
		}
		if d.DuplicateOf != "" {
			dups++
		}
	}
	for _, f := range []string{"text", "html", "feed", "warc", "jsonl"} {
		if !formats[f] {
			t.Errorf("no document of format %s (have %v)", f, formats)
		}
	}
	if undated == 0 || dups == 0 {
		t.Errorf("undated %d, near-duplicates %d: the corpus has both", undated, dups)
	}
	// The demo ends with the claim ledger, and writes it as HTML too.
	if !strings.Contains(out, "# crosscheck report") || !strings.Contains(out, "## Conflicts") {
		t.Errorf("demo output lacks the report")
	}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(db), "crosscheck-report.html")); err != nil || !strings.Contains(string(b), "<h2 id=\"conflicts\">") {
		t.Errorf("HTML report: %v", err)
	}
	testGraphCommands(t, db)

	// An existing database is never overwritten by the demo.
	if code, _, errs := run(t, "--db", db, "demo"); code == 0 || !strings.Contains(errs, "fresh database") {
		t.Errorf("demo over an existing --db: exit %d %q", code, errs)
	}
}

// testGraphCommands runs the linking commands over the demo database.
func testGraphCommands(t *testing.T, db string) {
	var ents []crosscheck.Entity
	runJSON(t, &ents, "--db", db, "entities", "--type", "org")
	if len(ents) == 0 {
		t.Fatal("no ORG entities")
	}
	var sss *crosscheck.Entity
	for i, e := range ents {
		if e.Type != crosscheck.LabelOrg {
			t.Errorf("entities --type org gave %s %s", e.Type, e.Name)
		}
		for _, a := range e.Aliases {
			if a.Name == "SSS" {
				sss = &ents[i]
			}
		}
	}
	if sss == nil || sss.Name != "State Security Service" || sss.Count < 20 {
		t.Fatalf("the State Security Service and its acronym are not one entity: %+v", sss)
	}
	// By name, with its mentions and evidence.
	var one struct {
		crosscheck.Entity
		Events []crosscheck.Event `json:"events"`
	}
	runJSON(t, &one, "--db", db, "entity", "SSS")
	if one.ID != sss.ID || len(one.Mentions) != sss.Count || one.Mentions[0].DocID == "" || one.Mentions[0].Extractor == "" {
		t.Errorf("entity SSS: %s with %d mentions (want %s, %d)", one.ID, len(one.Mentions), sss.ID, sss.Count)
	}
	// Capitals acting as governments are read with the names list the
	// database keeps, also by commands run without --names.
	metonyms := func() int {
		var o struct{ crosscheck.Entity }
		runJSON(t, &o, "--db", db, "entity", "Ostravia")
		n := 0
		for _, r := range o.Mentions {
			if r.Kind == crosscheck.RefMetonym {
				n++
			}
		}
		return n
	}
	before := metonyms()
	if before == 0 {
		t.Error("no capital is read as the Ostravian government")
	}
	// A user's decision is applied at once and survives re-linking.
	if code, out, errs := run(t, "--db", db, "entity", "merge", "Drovny", "Osterhaven"); code != 0 {
		t.Fatalf("entity merge: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, "--db", db, "link"); code != 0 {
		t.Fatalf("link: %s", errs)
	}
	var merged struct{ crosscheck.Entity }
	runJSON(t, &merged, "--db", db, "entity", "Drovny")
	names := map[string]bool{}
	for _, a := range merged.Aliases {
		names[a.Name] = true
	}
	if !names["Drovny"] || !names["Osterhaven"] {
		t.Errorf("after merge and re-link, Drovny's entity has aliases %v", merged.Aliases)
	}
	if after := metonyms(); after != before {
		t.Errorf("re-linking without --names changed the metonyms: %d, then %d", before, after)
	}
	if code, _, errs := run(t, "--db", db, "entity", "merge", "Nowhere", "Osterhaven"); code == 0 || !strings.Contains(errs, "Nowhere") {
		t.Errorf("merge of an unknown name: exit %d %q", code, errs)
	}

	var events []crosscheck.Event
	runJSON(t, &events, "--db", db, "events", "--type", "arrest")
	seven := false
	for _, ev := range events {
		docs := map[string]bool{}
		for _, m := range ev.Mentions {
			docs[m.DocID] = true
			for _, a := range m.Arguments {
				if a.Role == crosscheck.RoleCount && a.Quantity != nil && a.Quantity.Value == 7 && len(ev.Docs) >= 3 {
					seven = true
				}
			}
		}
		if len(docs) != len(ev.Docs) {
			t.Errorf("event %s: docs %v do not match its mentions", ev.ID, ev.Docs)
		}
	}
	if !seven {
		t.Error("no arrest of seven reported by three or more articles")
	}
	if code, out, _ := run(t, "--db", db, "event", events[0].ID); code != 0 || !strings.Contains(out, "trigger") {
		t.Errorf("event %s: exit %d\n%s", events[0].ID, code, out)
	}
	var stories []crosscheck.Story
	runJSON(t, &stories, "--db", db, "stories")
	if len(stories) == 0 {
		t.Fatal("no stories")
	}
	var timeline []map[string]any
	runJSON(t, &timeline, "--db", db, "timeline", "--story", stories[0].ID)
	if len(timeline) != len(stories[0].Events) {
		t.Errorf("timeline of story %s: %d entries, want %d", stories[0].ID, len(timeline), len(stories[0].Events))
	}

	// Reports in every format.
	dir := t.TempDir()
	for _, f := range []string{"md", "html", "json", "csv"} {
		path := filepath.Join(dir, "report."+f)
		if code, _, errs := run(t, "--db", db, "report", "--format", f, "--out", path); code != 0 {
			t.Fatalf("report --format %s: %s", f, errs)
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) == 0 {
			t.Fatalf("report.%s: %v", f, err)
		}
		switch f {
		case "json":
			var l struct {
				Events []struct {
					Claims []crosscheck.Claim `json:"claims"`
				} `json:"events"`
			}
			if err := json.Unmarshal(b, &l); err != nil || len(l.Events) == 0 || len(l.Events[0].Claims) == 0 || l.Events[0].Claims[0].DocID == "" {
				t.Errorf("JSON report: %v", err)
			}
		case "csv":
			rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Errorf("CSV report: %v, %d rows", err, len(rows))
			}
		}
	}
	if code, _, _ := run(t, "--db", db, "report", "--format", "pdf"); code != 2 {
		t.Errorf("report --format pdf: exit %d, want 2", code)
	}
}
