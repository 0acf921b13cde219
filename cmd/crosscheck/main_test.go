package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ingest/warc"
)

// run executes a command line in-process and returns its exit status and
// output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	code, out, errs := run(t, append([]string{"--json"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, code, errs)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("%v: bad JSON: %v\n%s", args, err, out)
	}
}

const goodArticle = `Northern Ledger

Border talks resume in Sarest

March 20, 2026
By Ilse Varga

Negotiators from Valdoria and Ostravia met in Sarest on Friday for the first time since the exercise began, officials said.

Talmera's foreign ministry, which hosted the meeting, called it "a useful first step" and said a second round would follow in April.
`

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// truncatedWARC returns a gzipped WARC with two good pages and a third cut
// in the middle.
func truncatedWARC(t *testing.T) []byte {
	var b bytes.Buffer
	w := warc.NewWriter(&b, true)
	for i, title := range []string{"First archived page", "Second archived page", "Third archived page"} {
		page := "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" +
			strings.Repeat("Officials in Kelm described the archived statement as accurate and complete. ", 8+i) +
			"</p></article></body></html>"
		if err := w.WriteResponse("https://archive.example/"+strings.ReplaceAll(title, " ", "-"), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 200,
			http.Header{"Content-Type": {"text/html"}}, []byte(page)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	full := b.Bytes()
	return full[:len(full)-60]
}

// TestBadInputGoesOnAndFailsAtTheEnd feeds one batch every kind of bad
// input the ingester must survive and checks the one-line errors, the
// exit status, the warning for repaired UTF-8, and that only whole good
// documents were stored.
func TestBadInputGoesOnAndFailsAtTheEnd(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	write(t, filepath.Join(in, "good.txt"), []byte(goodArticle))
	write(t, filepath.Join(in, "empty.txt"), nil)
	write(t, filepath.Join(in, "junk.txt"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0xff, 0xfe, 0, 0})
	// Mostly UTF-8 (curly quotes) with a few bad bytes: repaired.
	bad := strings.Replace(goodArticle, "first time", "first \xff\xfe time", 1)
	bad = strings.Replace(bad, `"a useful first step"`, "“a useful first step”", 1)
	write(t, filepath.Join(in, "latin.txt"), []byte(bad))
	// Entirely Windows-1252: decoded.
	write(t, filepath.Join(in, "cp1252.txt"), []byte(strings.Replace(goodArticle, `"a useful first step"`, "\x93a useful first step\x94 for the caf\xe9 owners", 1)))
	write(t, filepath.Join(in, "notext.html"), []byte(`<!doctype html><html><head><title>x</title><script>var a=1;</script></head><body><nav><a href="/">Home</a></nav></body></html>`))
	write(t, filepath.Join(in, "cut.warc.gz"), truncatedWARC(t))
	write(t, filepath.Join(in, "broken.rss"), []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>a</title><description>b`))
	write(t, filepath.Join(in, "lines.jsonl"), []byte(`{"text":"`+strings.Repeat("A statement from the ministry on the talks. ", 6)+`","title":"From a JSON line","published":"2026-03-18"}`+"\n"+`{"text": not json}`+"\n"+`{"title":"only a title"}`+"\n"))
	write(t, filepath.Join(in, "big.txt"), bytes.Repeat([]byte("Too long a text for the cap. "), 5000))

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(2 * time.Second)
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()

	db := filepath.Join(dir, "cc.db")
	missing := filepath.Join(dir, "missing.txt")
	code, _, stderr := run(t, "--db", db, "ingest", "--max-bytes", "100000", "--timeout", "300ms", in, missing, srv.URL+"/missing", srv.URL+"/slow")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	wantErrors := map[string]string{
		missing:                                 "no such file or directory",
		filepath.Join(in, "empty.txt"):          "empty input",
		filepath.Join(in, "junk.txt"):           "binary data",
		filepath.Join(in, "notext.html"):        "no article text",
		filepath.Join(in, "cut.warc.gz"):        "record 3",
		filepath.Join(in, "broken.rss"):         "feed",
		filepath.Join(in, "lines.jsonl#line 2"): "not a JSON object",
		filepath.Join(in, "big.txt"):            "over the size cap",
		srv.URL + "/missing":                    "HTTP 404",
		srv.URL + "/slow":                       "timed out",
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for item, reason := range wantErrors {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, "error: "+item+": ") && strings.Contains(l, reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no one-line error for %s containing %q in:\n%s", item, reason, stderr)
		}
	}
	if !strings.Contains(stderr, "warning: "+filepath.Join(in, "latin.txt")+": invalid UTF-8 repaired") {
		t.Errorf("no warning for the repaired UTF-8:\n%s", stderr)
	}
	if !strings.Contains(stderr, "warning: "+filepath.Join(in, "cp1252.txt")+": not UTF-8: decoded as Windows-1252") {
		t.Errorf("no warning for the Windows-1252 text:\n%s", stderr)
	}
	if !strings.Contains(stderr, "failed 11") {
		t.Errorf("summary does not count 10 failures:\n%s", stderr)
	}

	var docs []crosscheck.DocumentSummary
	runJSON(t, &docs, "--db", db, "docs")
	// good.txt, latin.txt, cp1252.txt, two complete WARC records, one JSON line.
	if len(docs) != 6 {
		t.Fatalf("stored %d documents, want 6: %+v", len(docs), docs)
	}
	var repaired, decoded *crosscheck.Document
	for _, d := range docs {
		switch filepath.Base(d.Source.Locator) {
		case "latin.txt":
			repaired = new(crosscheck.Document)
			runJSON(t, repaired, "--db", db, "show", d.ID)
		case "cp1252.txt":
			decoded = new(crosscheck.Document)
			runJSON(t, decoded, "--db", db, "show", d.ID)
		}
	}
	if repaired == nil || !strings.Contains(repaired.Text, "first \ufffd time") || len(repaired.Warnings) == 0 {
		t.Errorf("invalid UTF-8 not repaired and kept: %+v", repaired)
	}
	if decoded == nil || !strings.Contains(decoded.Text, "“a useful first step” for the café owners") {
		t.Errorf("Windows-1252 text not decoded: %+v", decoded)
	}
}

func TestIngestSummaryJSONAndNoOpReingest(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodArticle))
	db := filepath.Join(dir, "cc.db")
	var s1, s2 ingest.Summary
	runJSON(t, &s1, "--db", db, "ingest", in)
	runJSON(t, &s2, "--db", db, "ingest", in)
	if s1.Ingested != 1 || s2.Ingested != 0 || s2.Unchanged != 1 {
		t.Errorf("first %+v, second %+v: want 1 ingested then 1 unchanged", s1, s2)
	}
	var doc crosscheck.Document
	runJSON(t, &doc, "--db", db, "show", s1.Outcomes[0].ID[:6])
	if doc.Meta.Title != "Border talks resume in Sarest" || doc.Meta.Published.String() != "2026-03-20" || doc.Meta.Rules["published"] != "text:date-line" {
		t.Errorf("metadata: %+v", doc.Meta)
	}
}

func TestDatabaseErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := write(t, filepath.Join(dir, "notes.db"), []byte("These are my notes, not a database.\n"))
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodArticle))
	code, _, stderr := run(t, "--db", notDB, "ingest", in)
	if code != 1 || !strings.Contains(stderr, "not a crosscheck database") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("not-SQLite database: exit %d, stderr %q", code, stderr)
	}

	db := filepath.Join(dir, "cc.db")
	if code, _, stderr := run(t, "--db", db, "ingest", in); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	// Another process holds the write lock.
	other, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	in2 := write(t, filepath.Join(dir, "b.txt"), []byte(strings.Replace(goodArticle, "Friday", "Saturday", 1)))
	t.Setenv("CROSSCHECK_BUSY_TIMEOUT", "300ms")
	code, _, stderr = run(t, "--db", db, "ingest", in2)
	if code == 0 || !strings.Contains(stderr, "locked") {
		t.Errorf("locked database: exit %d, stderr %q", code, stderr)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
}

func TestUsage(t *testing.T) {
	if code, out, _ := run(t, "--help"); code != 0 || !strings.Contains(out, "Commands:") || !strings.Contains(out, "ingest") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, _, errs := run(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	if code, _, errs := run(t, "ingest"); code != 2 || !strings.Contains(errs, "Usage: crosscheck ingest") {
		t.Errorf("ingest without inputs: %d %q", code, errs)
	}
	dir := t.TempDir()
	if code, _, errs := run(t, "--db", filepath.Join(dir, "none.db"), "docs"); code != 1 || !strings.Contains(errs, "no database here yet") {
		t.Errorf("docs without a database: %d %q", code, errs)
	}
}

// gzipBytes is used by tests that need a gzip stream that is not a WARC.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestGzipThatIsNotWARC(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt.gz"), gzipBytes([]byte(goodArticle)))
	code, _, errs := run(t, "--db", filepath.Join(dir, "cc.db"), "ingest", in)
	if code != 1 || !strings.Contains(errs, "not a WARC") {
		t.Errorf("exit %d %q", code, errs)
	}
}

func TestCommandHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{{"help", "search"}, {"search", "--help"}} {
		code, out, errs := run(t, args...)
		if code != 0 || !strings.Contains(out, "Usage: crosscheck search") || errs != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}
