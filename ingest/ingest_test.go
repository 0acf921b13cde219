package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/store/sqlite"
)

func openStore(t testing.TB) crosscheck.DocumentStore {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "cc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newIngester(t testing.TB, st crosscheck.DocumentStore, opt Options) *Ingester {
	t.Helper()
	in, err := New(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// page is an invented article page.
func page(title, date, body string) string {
	return `<!doctype html><html lang="en"><head><title>` + title + ` | Northern Ledger</title>
<meta property="og:site_name" content="Northern Ledger">
<meta property="article:published_time" content="` + date + `">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>` + title + `</h1><p>` + body + `</p>
<p>Officials in Kelm declined to comment on the report when reached by telephone on Friday evening.</p></article>
<aside><h2>Most read</h2><ul><li>Another story <time datetime="2020-01-01">1 Jan 2020</time></li></ul></aside>
<footer>© 2026 Northern Ledger</footer></body></html>`
}

type recorder struct {
	mu    sync.Mutex
	items []Outcome
	done  int
}

func (r *recorder) Item(o Outcome) { r.mu.Lock(); r.items = append(r.items, o); r.mu.Unlock() }
func (r *recorder) InputDone(done, total int) {
	r.mu.Lock()
	r.done = done
	r.mu.Unlock()
}

func TestFeedFollowFetchesItemPagesWithUserAgent(t *testing.T) {
	var mu sync.Mutex
	agents := map[string]string{}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.URL.Path] = r.UserAgent()
		mu.Unlock()
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Northern Ledger</title>
<item><title>Envoy summoned</title><link>%[1]s/a1</link><pubDate>Thu, 12 Mar 2026 18:05:00 +0200</pubDate><description>Short teaser.</description></item>
<item><title>Gone</title><link>%[1]s/gone</link><pubDate>Fri, 13 Mar 2026 08:00:00 +0200</pubDate></item>
</channel></rss>`, srv.URL)
		case "/a1":
			fmt.Fprint(w, page("Valdoria summons Ostravian envoy", "2026-03-12T17:50:00+02:00",
				"Valdoria summoned Ostravia's ambassador on Thursday over a military exercise near the border, the foreign ministry in Marenburg said in a statement."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	st := openStore(t)
	in := newIngester(t, st, Options{Follow: true, Timeout: 5 * time.Second})
	rec := &recorder{}
	sum, err := in.Run(context.Background(), []string{srv.URL + "/feed.xml"}, rec)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 1 || sum.Failed != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if f := sum.Failures()[0]; !strings.Contains(f.Item, "#item 2") || !strings.Contains(f.Reason, "404") {
		t.Errorf("failure %+v", f)
	}
	doc, err := st.Document(context.Background(), sum.Outcomes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "summoned Ostravia's ambassador") || strings.Contains(doc.Text, "Most read") {
		t.Errorf("followed page text: %q", doc.Text)
	}
	if doc.Meta.Published.String() != "2026-03-12 17:50:00 +02:00" || !strings.HasPrefix(doc.Meta.Rules["published"], "html:") {
		t.Errorf("date %s by %s: the page's own date should win over the feed's", doc.Meta.Published, doc.Meta.Rules["published"])
	}
	if rec.done != 1 {
		t.Errorf("progress saw %d inputs done, want 1", rec.done)
	}
	for p, ua := range agents {
		if ua != DefaultUserAgent {
			t.Errorf("%s fetched with User-Agent %q", p, ua)
		}
	}
}

func TestURLSizeCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Big page", "2026-03-01", strings.Repeat("Words words words. ", 2000)))
	}))
	defer srv.Close()
	in := newIngester(t, openStore(t), Options{MaxBytes: 4096})
	sum, err := in.Run(context.Background(), []string{srv.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || !strings.Contains(sum.Failures()[0].Reason, "size cap") {
		t.Errorf("summary %+v", sum)
	}
}

// failingFS fails to list one folder, as an unreadable folder does.
type failingFS struct {
	fstest.MapFS
	bad string
}

func (f failingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "readdirent", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

const article = "Border talks resume in Sarest\n\nMarch 20, 2026\n\nNegotiators from Valdoria and Ostravia met in Sarest on Friday for the first time since the exercise began, officials said.\n"

func TestUnreadableFolderIsReportedAndTheRestIngested(t *testing.T) {
	fsys := failingFS{MapFS: fstest.MapFS{
		"in/a.txt":         {Data: []byte(article)},
		"in/locked/b.txt":  {Data: []byte(strings.Replace(article, "Friday", "Monday", 1))},
		"in/README.md":     {Data: []byte("# notes")},
		"in/.hidden.txt":   {Data: []byte(article)},
		"in/img/photo.jpg": {Data: []byte{0xff, 0xd8}},
		"in/zz/c.md":       {Data: []byte("# Kelm denies report\n\nOstravia's foreign ministry in Kelm **denied** the [report](https://x.example) on Saturday and called it a fabrication.\n")},
	}, bad: "in/locked"}
	st := openStore(t)
	in := newIngester(t, st, Options{FS: fsys})
	sum, err := in.Run(context.Background(), []string{"in"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 2 || sum.Failed != 1 || sum.Skipped != 3 {
		t.Fatalf("summary %+v", sum.Outcomes)
	}
	if f := sum.Failures()[0]; f.Item != "in/locked" || !strings.Contains(f.Reason, "cannot read folder: permission denied") {
		t.Errorf("failure %+v", f)
	}
	for _, o := range sum.Outcomes {
		if o.Item == "in/zz/c.md" {
			doc, err := st.Document(context.Background(), o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Meta.Title != "Kelm denies report" || strings.Contains(doc.Text, "**") || strings.Contains(doc.Text, "](") || doc.Source.Format != "markdown" {
				t.Errorf("markdown not turned into text: %+v %q", doc.Meta, doc.Text)
			}
		}
	}
}

func TestUnreadableFolderOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any folder; TestUnreadableFolderIsReportedAndTheRestIngested covers the path")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	in := newIngester(t, openStore(t), Options{})
	sum, _ := in.Run(context.Background(), []string{dir}, nil)
	if sum.Failed != 1 || !strings.Contains(sum.Failures()[0].Reason, "permission denied") {
		t.Errorf("summary %+v", sum.Outcomes)
	}
}

func TestStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() { w.WriteString(article); w.Close() }()
	st := openStore(t)
	sum, err := newIngester(t, st, Options{}).Run(context.Background(), []string{"-"}, nil)
	if err != nil || sum.Ingested != 1 {
		t.Fatalf("%v %+v", err, sum)
	}
	doc, _ := st.Document(context.Background(), sum.Outcomes[0].ID)
	if doc.Source.Kind != "stdin" || doc.Source.Locator != "-" || doc.Meta.Published.String() != "2026-03-20" {
		t.Errorf("stdin document %+v %+v", doc.Source, doc.Meta)
	}
}

func TestResultsDoNotDependOnWorkers(t *testing.T) {
	files := fstest.MapFS{}
	for i := 0; i < 40; i++ {
		body := fmt.Sprintf("Report %d from Kelm\n\nMarch %d, 2026\n\nOfficials in district %d said %d people attended the hearing about the border incident, and %d more were expected.\n", i, 1+i%28, i, i*3, i*7)
		files[fmt.Sprintf("in/%03d.txt", i)] = &fstest.MapFile{Data: []byte(body)}
	}
	var ids [2][]string
	for k, workers := range []int{1, 4} {
		in := newIngester(t, openStore(t), Options{FS: files, Workers: workers})
		sum, err := in.Run(context.Background(), []string{"in"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range sum.Outcomes {
			ids[k] = append(ids[k], o.ID+" "+string(o.Status)+" "+o.Twin)
		}
	}
	if strings.Join(ids[0], ",") != strings.Join(ids[1], ",") {
		t.Errorf("outcomes differ between 1 and 4 workers:\n%v\n%v", ids[0], ids[1])
	}
}

func TestCancelledContextStopsTheBatch(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files := fstest.MapFS{"in/a.txt": {Data: []byte(article)}}
	_, err := newIngester(t, openStore(t), Options{FS: files}).Run(ctx, []string{"in"}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestNearDuplicateAndSameSourceRefetch(t *testing.T) {
	wire := "Valdoria says it detained seven\n\nMarch 17, 2026\n\n" + strings.Repeat("The State Security Service said the seven suspects had collected information about naval facilities in Osterhaven for the Vanguard. ", 1) +
		"The suspects, aged between 24 and 58, face charges of high treason, the service said in a statement. Ostravia's foreign ministry did not immediately respond to a request for comment on Tuesday. The announcement is the second of its kind this year after 19 people were detained in early February.\n"
	republished := strings.Replace(wire, "Valdoria says it detained seven", "Valdoria claims seven ‘spies’ detained", 1) +
		"\nLater on Tuesday, a spokeswoman in Kelm rejected the accusations as theatre staged for a domestic audience.\n"
	files := fstest.MapFS{"in/a.txt": {Data: []byte(wire)}, "in/b.txt": {Data: []byte(republished)}}
	st := openStore(t)
	sum, err := newIngester(t, st, Options{FS: files}).Run(context.Background(), []string{"in"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Duplicates != 1 || sum.Outcomes[1].Twin != sum.Outcomes[0].ID {
		t.Fatalf("near-duplicate not linked: %+v", sum.Outcomes)
	}
	links, err := st.Links(context.Background(), sum.Outcomes[0].ID)
	if err != nil || len(links) != 1 || links[0].Kind != crosscheck.LinkNearDuplicate {
		t.Errorf("links %+v %v", links, err)
	}
}

func TestDetect(t *testing.T) {
	for _, tt := range []struct {
		head, name, ctype string
		want              Format
	}{
		{"<!DOCTYPE html><html>", "x.txt", "", FormatHTML},
		{"<p>One</p><p>Two</p>", "frag", "", FormatHTML},
		{`<?xml version="1.0"?><rss version="2.0"><channel>`, "x.html", "", FormatFeed},
		{`{"text":"a"}` + "\n", "x.txt", "", FormatJSONL},
		{"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "x", "", FormatWARC},
		{"# Title\n\nBody", "x", "", FormatMarkdown},
		{"Title\n\nBody with <b> in it", "x.md", "", FormatMarkdown},
		{"Plain scraped page\nclose button\n", "x.html", "text/html", FormatText},
	} {
		got, err := Detect([]byte(tt.head), tt.name, tt.ctype)
		if err != nil || got != tt.want {
			t.Errorf("Detect(%q) = %v, %v; want %v", tt.head, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "  \n", "\x00\x01\x02binary", "\x1f\x8b\x08\x00\x00\x00"} {
		if _, err := Detect([]byte(bad), "x", ""); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("Detect(%q) err = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestDecodeText(t *testing.T) {
	s, w := decodeText([]byte("\ufeffLine one\r\nLine “two”\r\n"))
	if s != "Line one\nLine “two”\n" || len(w) != 0 {
		t.Errorf("%q %v", s, w)
	}
	s, w = decodeText([]byte("caf\xe9 \x93quoted\x94"))
	if s != "café “quoted”" || len(w) != 1 || !strings.Contains(w[0], "Windows-1252") {
		t.Errorf("%q %v", s, w)
	}
	s, w = decodeText([]byte("“ok” \xff bad"))
	if s != "“ok” \ufffd bad" || len(w) != 1 || !strings.Contains(w[0], "1 bytes") {
		t.Errorf("%q %v", s, w)
	}
}
