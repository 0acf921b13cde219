package demo

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ingest/warc"
)

// PackWARC builds the corpus's web archive from the pages in dir (the
// demo/warcsrc folder): manifest.tsv lists file, URL and fetch date per
// line. Each page gets a request and a response record; a redirect and a
// style sheet per page stand for what archives hold beside articles. The
// output is byte-for-byte reproducible.
func PackWARC(dir string) ([]byte, error) {
	manifest, err := os.ReadFile(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	fixed := time.Date(2026, 3, 26, 12, 0, 0, 0, time.UTC)
	w := warc.NewWriter(&out, true, warc.WithClock(func() time.Time { return fixed }))
	if err := w.WriteWarcinfo(map[string]string{
		"software":    "crosscheck demo.PackWARC",
		"format":      "WARC File Format 1.1",
		"description": "Demo corpus pages written for the crosscheck project; invented outlets and events.",
	}); err != nil {
		return nil, err
	}
	s := bufio.NewScanner(bytes.NewReader(manifest))
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("manifest line %q: want file, URL and date separated by tabs", line)
		}
		body, err := os.ReadFile(filepath.Join(dir, f[0]))
		if err != nil {
			return nil, err
		}
		date, err := time.Parse(time.RFC3339, f[2])
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", f[0], err)
		}
		host, path := splitURL(f[1])
		req := fmt.Sprintf("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: crosscheck-demo\r\n\r\n", path, host)
		if err := w.WriteRecord(textproto.MIMEHeader{
			"Warc-Type":       {"request"},
			"Warc-Target-Uri": {f[1]},
			"Warc-Date":       {date.UTC().Format(time.RFC3339)},
			"Content-Type":    {"application/http; msgtype=request"},
		}, []byte(req)); err != nil {
			return nil, err
		}
		h := http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Date": {date.UTC().Format(http.TimeFormat)}}
		if err := w.WriteResponse(f[1], date, http.StatusOK, h, body); err != nil {
			return nil, err
		}
		if err := w.WriteResponse(f[1]+"/amp", date, http.StatusMovedPermanently, http.Header{"Location": {f[1]}}, nil); err != nil {
			return nil, err
		}
		css := []byte("body{font-family:serif}\n")
		if err := w.WriteResponse("https://"+host+"/static/site.css", date, http.StatusOK, http.Header{"Content-Type": {"text/css"}}, css); err != nil {
			return nil, err
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func splitURL(u string) (host, path string) {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	host, p, ok := strings.Cut(u, "/")
	if !ok {
		return host, "/"
	}
	return host, "/" + p
}
