package main

import (
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
	// An existing database is never overwritten by the demo.
	if code, _, errs := run(t, "--db", db, "demo"); code == 0 || !strings.Contains(errs, "fresh database") {
		t.Errorf("demo over an existing --db: exit %d %q", code, errs)
	}
}
