package ingest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ingest/warc"
	"github.com/crosscheck/crosscheck/store/sqlite"
)

// benchDocs is the size of the generated corpus: 10,000 by default,
// CROSSCHECK_BENCH_DOCS to change it.
func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("CROSSCHECK_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

var benchWords = strings.Fields(`the a of to in and said officials ministry security service border
exercise troops ambassador summoned statement spokesman government week Monday Tuesday report agency
network arrested detained suspects charges court hearing pipeline deal billion euros talks capital
region port city villagers residents police army navy drills military foreign minister president
parliament committee opposition newspaper claimed denied accused alleged according sources officials
Valdoria Ostravia Talmera Kelm Marenburg Sarest Osterhaven Drovny Lanthia Vanguard Brotherhood`)

// benchArticle writes a pseudo-article of about 350 words: a headline,
// then paragraphs of sentences drawn from a news vocabulary.
func benchArticle(r *rand.Rand) (title string, paras []string) {
	word := func() string { return benchWords[r.IntN(len(benchWords))] }
	sentence := func() string {
		n := 8 + r.IntN(18)
		w := make([]string, n)
		for i := range w {
			w[i] = word()
		}
		w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
		return strings.Join(w, " ") + "."
	}
	tw := make([]string, 6+r.IntN(5))
	for i := range tw {
		tw[i] = word()
	}
	title = strings.ToUpper(tw[0][:1]) + strings.Join(tw, " ")[1:]
	for p := 0; p < 6+r.IntN(4); p++ {
		var s []string
		for k := 0; k < 2+r.IntN(3); k++ {
			s = append(s, sentence())
		}
		paras = append(paras, strings.Join(s, " "))
	}
	return title, paras
}

func benchText(r *rand.Rand, i int) []byte {
	title, paras := benchArticle(r)
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365)
	return []byte(fmt.Sprintf("close button\nWorld\n\n%s\n\n%s\nBy Ana Petrov\n4 min read\n\n%s\n\nShare this article\n\nTop stories\nAnother headline about something else.\n",
		title, date.Format("January 2, 2006"), strings.Join(paras, "\n\n")))
}

func benchHTML(r *rand.Rand, i int) []byte {
	title, paras := benchArticle(r)
	date := time.Date(2026, 1, 1, 9, 30, 0, 0, time.UTC).AddDate(0, 0, i%365)
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | Northern Ledger</title>
<meta property="og:site_name" content="Northern Ledger"><meta property="article:published_time" content="%s">
<meta name="author" content="Ana Petrov"><link rel="canonical" href="https://northernledger.example/a/%d">
<style>body{font-family:serif}</style><script>var x = 1;</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By Ana Petrov</p>`, title, date.Format(time.RFC3339), i, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article></main><aside><h2>Most read</h2><ol><li><a href="/x">Other story</a> <time datetime="2020-05-01">May 1</time></li></ol></aside>
<footer><p>© 2026 Northern Ledger. All rights reserved.</p><form>Subscribe to our newsletter <input></form></footer></body></html>`)
	return []byte(b.String())
}

// benchCorpus writes n generated documents of a kind under dir and
// returns the input to ingest and its size in bytes.
func benchCorpus(b *testing.B, kind string, n int) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	r := rand.New(rand.NewPCG(42, uint64(len(kind))))
	var total int64
	if kind == "warc" {
		var buf bytes.Buffer
		w := warc.NewWriter(&buf, true)
		for i := 0; i < n; i++ {
			page := benchHTML(r, i)
			total += int64(len(page))
			if err := w.WriteResponse(fmt.Sprintf("https://northernledger.example/a/%d", i), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
				http.StatusOK, http.Header{"Content-Type": {"text/html; charset=utf-8"}}, page); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, "crawl.warc.gz")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		return p, total
	}
	for i := 0; i < n; i++ {
		var data []byte
		name := fmt.Sprintf("%05d.txt", i)
		if kind == "html" {
			data, name = benchHTML(r, i), fmt.Sprintf("%05d.html", i)
		} else {
			data = benchText(r, i)
		}
		total += int64(len(data))
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i/1000))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, total
}

// benchmarkIngest ingests a generated corpus of benchDocs() documents
// into a fresh database per iteration and reports documents/s, MB/s,
// bytes allocated per document and database bytes per document.
func benchmarkIngest(b *testing.B, kind string) {
	n := benchDocs()
	input, size := benchCorpus(b, kind, n)
	b.ResetTimer()
	var elapsed time.Duration
	var allocs, dbBytes uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dbPath := filepath.Join(b.TempDir(), "bench.db")
		st, err := sqlite.Open(context.Background(), dbPath)
		if err != nil {
			b.Fatal(err)
		}
		in, err := New(st, Options{})
		if err != nil {
			b.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		start := time.Now()
		sum, err := in.Run(context.Background(), []string{input}, nil)
		elapsed += time.Since(start)
		b.StopTimer()
		runtime.ReadMemStats(&after)
		allocs += after.TotalAlloc - before.TotalAlloc
		if err != nil || sum.Ingested != n {
			b.Fatalf("ingested %d of %d (failed %d, duplicates %d): %v", sum.Ingested, n, sum.Failed, sum.Duplicates, err)
		}
		st.Close()
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(dbPath + suffix); err == nil {
				dbBytes += uint64(fi.Size())
			}
		}
	}
	docs := float64(n * b.N)
	b.ReportMetric(docs/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(size)*float64(b.N)/1e6/elapsed.Seconds(), "MB/s")
	b.ReportMetric(float64(allocs)/docs, "alloc-B/doc")
	b.ReportMetric(float64(dbBytes)/docs, "db-B/doc")
	b.ReportMetric(float64(size)/float64(n), "input-B/doc")
}

func BenchmarkIngestText(b *testing.B) { benchmarkIngest(b, "text") }
func BenchmarkIngestHTML(b *testing.B) { benchmarkIngest(b, "html") }
func BenchmarkIngestWARC(b *testing.B) { benchmarkIngest(b, "warc") }
