package warc_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ingest/warc"
)

// corpus writes n generated news pages as response records.
func corpus(b *testing.B, n int, gzipped bool) []byte {
	b.Helper()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, gzipped, warc.WithClock(fixedClock))
	w.WriteWarcinfo(map[string]string{"software": "crosscheck benchmark"})
	for i := range n {
		var page strings.Builder
		fmt.Fprintf(&page, "<!doctype html><html><head><title>Story %d</title></head><body><article>", i)
		for p := range 20 + i%30 {
			fmt.Fprintf(&page, "<p>Paragraph %d of story %d: officials in region %d said on day %d that talks would continue.</p>\n", p, i, i%17, p%28)
		}
		page.WriteString("</article></body></html>")
		h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d", i), capture, 200, h, []byte(page.String())); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReader reads ~1,000 HTML response records, plain and gzipped,
// with and without parsing each HTTP payload. MB/s is over the
// uncompressed WARC size in every case, so the runs compare.
func BenchmarkReader(b *testing.B) {
	const n = 1000
	plain := corpus(b, n, false)
	gz := corpus(b, n, true)
	for _, c := range []struct {
		name  string
		data  []byte
		parse bool
	}{
		{"plain/records", plain, false},
		{"plain/http", plain, true},
		{"gzip/records", gz, false},
		{"gzip/http", gz, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(plain)))
			b.ReportAllocs()
			records := 0
			for b.Loop() {
				r, err := warc.NewReader(bytes.NewReader(c.data))
				if err != nil {
					b.Fatal(err)
				}
				for {
					rec, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if rec.Type() != "response" {
						continue
					}
					records++
					if !c.parse {
						continue
					}
					if _, err := warc.HTTPResponse(rec, 0); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(len(c.data)), "file-bytes")
		})
	}
}
