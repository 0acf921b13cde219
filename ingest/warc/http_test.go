package warc_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ingest/warc"
)

// responseRecord wraps an HTTP message in a response record, as a reader
// would return it.
func responseRecord(msg string, extra ...string) *warc.Record {
	h := textproto.MIMEHeader{}
	h.Set("WARC-Type", "response")
	h.Set("WARC-Target-URI", "https://news.example/story")
	h.Set("WARC-Date", "2026-03-01T12:30:00Z")
	h.Set("Content-Type", "application/http;msgtype=response")
	for i := 0; i+1 < len(extra); i += 2 {
		h.Set(extra[i], extra[i+1])
	}
	return &warc.Record{Version: "WARC/1.0", Header: h, Block: []byte(msg)}
}

func compress(t *testing.T, enc, s string) string {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	switch enc {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "zlib":
		w = zlib.NewWriter(&b)
	case "flate":
		w, _ = flate.NewWriter(&b, flate.BestSpeed)
	}
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// chunk encodes parts as HTTP chunks, with an extension and a trailer to
// exercise the decoder.
func chunk(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(strconv.FormatInt(int64(len(p)), 16) + ";ext=1\r\n" + p + "\r\n")
	}
	return b.String() + "0\r\nX-Trailer: yes\r\n\r\n"
}

func halve(s string) string { return s[:len(s)/2] }

func TestHTTPResponse(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("The minister said the talks would resume. ", 50) + "</p></body></html>"
	cases := []struct {
		name   string
		rec    *warc.Record
		status int
		body   string
		trunc  bool
	}{
		{"plain", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello"), 200, "hello", false},
		{"bare LF and no length", responseRecord("HTTP/1.0 200 OK\nContent-Type: text/html\n\nuntil the end"), 200, "until the end", false},
		{"chunked", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
			chunk(page[:100], page[100:1000], page[1000:])), 200, page, false},
		{"gzip", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" +
			compress(t, "gzip", page)), 200, page, false},
		{"chunked gzip", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" +
			chunk(compress(t, "gzip", page))), 200, page, false},
		{"deflate zlib", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n" +
			compress(t, "zlib", page)), 200, page, false},
		{"deflate raw", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n" +
			compress(t, "flate", page)), 200, page, false},
		{"identity", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: identity\r\n\r\n" + page), 200, page, false},
		{"HTTP/2 status line", responseRecord("HTTP/2 301\r\nLocation: /new\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"), 301, "", false},
		{"truncated capture", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\npartial",
			"WARC-Truncated", "length"), 200, "partial", true},
		{"truncated gzip capture", responseRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"+
			halve(compress(t, "gzip", page)), "WARC-Truncated", "length"), 200, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := warc.HTTPResponse(c.rec, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != c.status || resp.Truncated != c.trunc || resp.URI != "https://news.example/story" {
				t.Errorf("status %d truncated %v uri %q", resp.Status, resp.Truncated, resp.URI)
			}
			if c.name == "truncated gzip capture" {
				if !strings.HasPrefix(page, string(resp.Body)) {
					t.Errorf("partial body is not a prefix of the page")
				}
			} else if string(resp.Body) != c.body {
				t.Errorf("body %d bytes %.40q, want %d bytes", len(resp.Body), resp.Body, len(c.body))
			}
			if c.status == 200 && resp.ContentType != "text/html" {
				t.Errorf("ContentType %q", resp.ContentType)
			}
			for _, k := range []string{"Content-Encoding", "Transfer-Encoding"} {
				if v := resp.Header.Get(k); v != "" && v != "identity" {
					t.Errorf("decoded response still declares %s: %s", k, v)
				}
			}
		})
	}
}

func TestHTTPResponseErrors(t *testing.T) {
	page := strings.Repeat("a", 10000)
	notHTTP := responseRecord("HTTP/1.1 200 OK\r\n\r\n")
	notHTTP.Header.Set("Content-Type", "text/dns")
	request := responseRecord("GET / HTTP/1.1\r\n\r\n")
	request.Header.Set("WARC-Type", "request")
	cases := []struct {
		name string
		rec  *warc.Record
		max  int64
		kind error
	}{
		{"request record", request, 0, warc.ErrNotHTTP},
		{"dns content type", notHTTP, 0, warc.ErrNotHTTP},
		{"nil record", nil, 0, warc.ErrNotHTTP},
		{"not HTTP", responseRecord("hello world\r\n\r\n"), 0, warc.ErrMalformed},
		{"empty block", responseRecord(""), 0, warc.ErrMalformed},
		{"bad chunking", responseRecord("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n"), 0, warc.ErrMalformed},
		{"short body", responseRecord("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"), 0, warc.ErrMalformed},
		{"corrupt gzip", responseRecord("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xffgarbage"), 0, warc.ErrMalformed},
		{"body over limit", responseRecord("HTTP/1.1 200 OK\r\n\r\n" + page), 9999, warc.ErrTooLarge},
		{"gzip bomb over limit", responseRecord("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + compress(t, "gzip", strings.Repeat("z", 1<<20))), 1 << 16, warc.ErrTooLarge},
		{"brotli", responseRecord("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x0b\x02\x80hi\x03"), 0, warc.ErrUnsupportedEncoding},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := warc.HTTPResponse(c.rec, c.max)
			if !errors.Is(err, c.kind) {
				t.Fatalf("got %+v, %v; want %v", resp, err, c.kind)
			}
		})
	}
	// The limit is inclusive.
	if _, err := warc.HTTPResponse(responseRecord("HTTP/1.1 200 OK\r\n\r\n"+page), 10000); err != nil {
		t.Errorf("body at the limit: %v", err)
	}
}
