package warc_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/warc"
)

var capture = time.Date(2026, 3, 1, 12, 30, 0, 0, time.UTC)

func fixedClock() time.Time { return capture }

// sample is one record of the test archive, as the caller wrote it.
type sample struct {
	typ, uri string
	status   int
	header   http.Header
	body     string
}

var samples = []sample{
	{typ: "warcinfo"},
	{typ: "request", uri: "https://news.example/a", body: "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"},
	{typ: "response", uri: "https://news.example/a", status: 200,
		header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
		body:   "<html><title>A</title><p>First story.</p></html>"},
	{typ: "metadata", uri: "https://news.example/a", body: "via: https://news.example/\r\n"},
	{typ: "response", uri: "https://news.example/b", status: 404,
		header: http.Header{"Content-Type": {"text/plain"}}, body: "gone"},
	{typ: "resource", uri: "file:///notes.txt", body: "plain notes\n"},
	{typ: "response", uri: "https://news.example/c", status: 200,
		header: http.Header{"Content-Type": {"text/html"}, "Transfer-Encoding": {"chunked"}},
		body:   strings.Repeat("<p>Long chunked story.</p>\n", 400)},
}

// writeSamples writes samples and returns the archive and the end offset
// of each record in it.
func writeSamples(t testing.TB, gzipped bool) ([]byte, []int) {
	t.Helper()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, gzipped, warc.WithClock(fixedClock))
	var ends []int
	for _, s := range samples {
		var err error
		switch s.typ {
		case "warcinfo":
			err = w.WriteWarcinfo(map[string]string{"software": "crosscheck test", "format": "WARC File Format 1.1"})
		case "response":
			err = w.WriteResponse(s.uri, capture, s.status, s.header, []byte(s.body))
		default:
			h := textproto.MIMEHeader{}
			h.Set("WARC-Type", s.typ)
			h.Set("WARC-Target-URI", s.uri)
			h.Set("Content-Type", "text/plain")
			if s.typ == "request" {
				h.Set("Content-Type", "application/http; msgtype=request")
			}
			err = w.WriteRecord(h, []byte(s.body))
		}
		if err != nil {
			t.Fatalf("write %s: %v", s.typ, err)
		}
		ends = append(ends, buf.Len())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), ends
}

// readAll reads records until an error and returns both.
func readAll(t testing.TB, data []byte, opts ...warc.ReaderOption) ([]*warc.Record, error) {
	t.Helper()
	r, err := warc.NewReader(bytes.NewReader(data), opts...)
	if err != nil {
		return nil, err
	}
	var recs []*warc.Record
	for {
		rec, err := r.Next()
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			data, ends := writeSamples(t, gz)
			if got := warc.Sniff(data[:min(len(data), 64)]); !got {
				t.Errorf("Sniff = false for Writer output")
			}
			recs, err := readAll(t, data)
			if err != io.EOF {
				t.Fatalf("read: %v", err)
			}
			if len(recs) != len(samples) {
				t.Fatalf("got %d records, want %d", len(recs), len(samples))
			}
			plain, _ := writeSamples(t, false)
			ids := map[string]bool{}
			for i, rec := range recs {
				s := samples[i]
				if rec.Version != "WARC/1.1" || rec.Type() != s.typ {
					t.Errorf("record %d: version %q type %q, want WARC/1.1 %q", i+1, rec.Version, rec.Type(), s.typ)
				}
				if s.typ != "warcinfo" && rec.TargetURI() != s.uri {
					t.Errorf("record %d: TargetURI %q, want %q", i+1, rec.TargetURI(), s.uri)
				}
				if d, err := rec.Date(); err != nil || !d.Equal(capture) {
					t.Errorf("record %d: Date %v, %v", i+1, d, err)
				}
				if id := rec.ID(); !strings.HasPrefix(id, "<urn:uuid:") || len(id) != len("<urn:uuid:>")+36 || ids[id] {
					t.Errorf("record %d: bad or duplicate ID %q", i+1, id)
				} else {
					ids[id] = true
				}
				if got := rec.Header.Get("Content-Length"); got != fmt.Sprint(len(rec.Block)) {
					t.Errorf("record %d: Content-Length %s, block %d bytes", i+1, got, len(rec.Block))
				}
				// Offsets are positions in the plain archive.
				wantOff := 0
				if i > 0 {
					wantOff = ends[i-1]
				}
				if gz {
					if !bytes.HasPrefix(plain[rec.Offset:], []byte("WARC/1.1\r\n")) {
						t.Errorf("record %d: offset %d does not point at a version line", i+1, rec.Offset)
					}
				} else if rec.Offset != int64(wantOff) {
					t.Errorf("record %d: offset %d, want %d", i+1, rec.Offset, wantOff)
				}
				switch s.typ {
				case "response":
					resp, err := warc.HTTPResponse(rec, 1<<20)
					if err != nil {
						t.Fatalf("record %d: HTTPResponse: %v", i+1, err)
					}
					if resp.URI != s.uri || resp.Status != s.status || string(resp.Body) != s.body ||
						resp.ContentType != s.header.Get("Content-Type") || !resp.Date.Equal(capture) {
						t.Errorf("record %d: response %q %d %q %v, body %d bytes", i+1, resp.URI, resp.Status, resp.ContentType, resp.Date, len(resp.Body))
					}
				case "warcinfo":
					if !bytes.Contains(rec.Block, []byte("software: crosscheck test\r\n")) {
						t.Errorf("warcinfo block %q", rec.Block)
					}
				default:
					if string(rec.Block) != s.body {
						t.Errorf("record %d: block %q, want %q", i+1, rec.Block, s.body)
					}
				}
			}
		})
	}
}

func TestWriterDeterministic(t *testing.T) {
	for _, gz := range []bool{false, true} {
		a, _ := writeSamples(t, gz)
		b, _ := writeSamples(t, gz)
		if !bytes.Equal(a, b) {
			t.Errorf("gzip=%v: two runs wrote different bytes", gz)
		}
	}
}

// TestGzipLayouts reads the same records from one gzip member per record
// (checking the Writer really emits that) and from one member for the
// whole file.
func TestGzipLayouts(t *testing.T) {
	plain, _ := writeSamples(t, false)
	perRecord, ends := writeSamples(t, true)

	// Each record boundary must also be a gzip member boundary.
	start := 0
	for i, end := range ends {
		zr, err := gzip.NewReader(bytes.NewReader(perRecord[start:end]))
		if err != nil {
			t.Fatalf("member %d: %v", i+1, err)
		}
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil || !bytes.HasPrefix(b, []byte("WARC/1.1\r\n")) || !bytes.HasSuffix(b, []byte("\r\n\r\n")) {
			t.Fatalf("member %d is not one record: %v", i+1, err)
		}
		start = end
	}

	var one bytes.Buffer
	zw := gzip.NewWriter(&one)
	zw.Write(plain)
	zw.Close()

	want, err := readAll(t, plain)
	if err != io.EOF {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"per-record": perRecord, "single-member": one.Bytes()} {
		got, err := readAll(t, data)
		if err != io.EOF {
			t.Errorf("%s: %v", name, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d records, want %d", name, len(got), len(want))
		}
		for i := range got {
			if !bytes.Equal(got[i].Block, want[i].Block) || got[i].Offset != want[i].Offset {
				t.Errorf("%s: record %d differs", name, i+1)
			}
		}
	}
}

// wantRecordErr checks err is a *RecordError for record num wrapping kind.
func wantRecordErr(t *testing.T, err error, num int, kind error) {
	t.Helper()
	var re *warc.RecordError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T) is not a *RecordError", err, err)
	}
	if re.Record != num {
		t.Errorf("error names record %d, want %d: %v", re.Record, num, err)
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("error %v does not wrap %v", err, kind)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("record %d at offset", num)) {
		t.Errorf("message %q does not name record %d", err, num)
	}
}

func TestTruncatedGzipThirdRecord(t *testing.T) {
	data, ends := writeSamples(t, true)
	// Cut member 3 (a response) in its middle.
	cut := ends[1] + (ends[2]-ends[1])/2
	r, err := warc.NewReader(bytes.NewReader(data[:cut]))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		rec, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if rec.Type() != samples[i-1].typ {
			t.Errorf("record %d type %q", i, rec.Type())
		}
	}
	_, err = r.Next()
	wantRecordErr(t, err, 3, io.ErrUnexpectedEOF)
	if _, again := r.Next(); again != err {
		t.Errorf("second Next after error = %v, want the same error", again)
	}
}

func TestTruncatedPlain(t *testing.T) {
	data, ends := writeSamples(t, false)
	third := data[ends[1]:ends[2]]
	headerEnd := bytes.Index(third, []byte("\r\n\r\n"))
	cases := map[string]int{
		"in version line": ends[1] + 3,
		"in header":       ends[1] + headerEnd/2,
		"after header":    ends[1] + headerEnd + 4,
		"in block":        ends[1] + headerEnd + 30,
	}
	for name, cut := range cases {
		t.Run(name, func(t *testing.T) {
			recs, err := readAll(t, data[:cut])
			if len(recs) != 2 {
				t.Errorf("read %d records before the error, want 2", len(recs))
			}
			wantRecordErr(t, err, 3, io.ErrUnexpectedEOF)
		})
	}
	t.Run("missing final CRLFs", func(t *testing.T) {
		recs, err := readAll(t, data[:len(data)-4])
		if err != io.EOF || len(recs) != len(samples) {
			t.Errorf("got %d records, %v; want %d, EOF", len(recs), err, len(samples))
		}
	})
}

func TestGzipCorruption(t *testing.T) {
	data, ends := writeSamples(t, true)
	bad := bytes.Clone(data)
	for i := ends[0] + 20; i < ends[1]-10; i++ {
		bad[i] ^= 0x5a
	}
	recs, err := readAll(t, bad)
	if err == nil || err == io.EOF {
		t.Fatalf("corrupt gzip read cleanly: %d records", len(recs))
	}
	if len(recs) != 1 {
		t.Errorf("read %d records before the corruption, want 1", len(recs))
	}
	wantRecordErr(t, err, 2, nil)

	if _, err := warc.NewReader(bytes.NewReader([]byte{0x1f, 0x8b, 9, 9, 9})); err == nil {
		t.Error("NewReader accepted a broken gzip header")
	}
}

// raw builds a WARC stream from records given as header lines and block.
func raw(recs ...string) []byte { return []byte(strings.Join(recs, "")) }

func TestLenientParsing(t *testing.T) {
	stream := raw(
		// Bare LF lines, WARC/1.0, a folded field, wget's <uri>.
		"WARC/1.0\n",
		"WARC-Type: response\n",
		"WARC-Target-URI: <http://wget.example/page>\n",
		"WARC-Date: 2026-03-01T12:30:00Z\n",
		"X-Note: first part\n",
		"\tsecond part\n",
		"Content-Length: 5\n",
		"\n",
		"hello",
		"\n\n\r\n\n", // sloppy trailer plus extra blank lines
		"WARC/1.1\r\n",
		"warc-type: metadata\r\n", // lower-case names
		"content-length: 0\r\n",
		"WARC-Date: 2026-03-01T12:30:00.25+01:00\r\n",
		"\r\n",
		"\r\n\r\n",
	)
	recs, err := readAll(t, stream)
	if err != io.EOF || len(recs) != 2 {
		t.Fatalf("got %d records, %v", len(recs), err)
	}
	r := recs[0]
	if r.Version != "WARC/1.0" || r.Type() != "response" || string(r.Block) != "hello" {
		t.Errorf("record 1: %q %q %q", r.Version, r.Type(), r.Block)
	}
	if r.TargetURI() != "http://wget.example/page" || r.Header.Get("WARC-Target-URI") != "http://wget.example/page" {
		t.Errorf("target URI not unwrapped: %q / %q", r.TargetURI(), r.Header.Get("WARC-Target-URI"))
	}
	if got := r.Header.Get("X-Note"); got != "first part second part" {
		t.Errorf("continuation: %q", got)
	}
	if recs[1].Type() != "metadata" || len(recs[1].Block) != 0 {
		t.Errorf("record 2: %q %q", recs[1].Type(), recs[1].Block)
	}
	if d, err := recs[1].Date(); err != nil || !d.Equal(time.Date(2026, 3, 1, 11, 30, 0, 250e6, time.UTC)) {
		t.Errorf("record 2 date %v, %v", d, err)
	}
}

func TestEmptyStream(t *testing.T) {
	for _, in := range []string{"", "\r\n\r\n", "\n"} {
		recs, err := readAll(t, []byte(in))
		if err != io.EOF || len(recs) != 0 {
			t.Errorf("%q: %d records, %v", in, len(recs), err)
		}
	}
}

func TestMalformed(t *testing.T) {
	good := "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"
	cases := []struct {
		name   string
		stream string
		num    int // record the error names
		kind   error
	}{
		{"missing Content-Length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n", 1, warc.ErrMalformed},
		{"non-numeric Content-Length", "WARC/1.1\r\nContent-Length: 3x\r\n\r\nabc\r\n\r\n", 1, warc.ErrMalformed},
		{"negative Content-Length", "WARC/1.1\r\nContent-Length: -3\r\n\r\nabc\r\n\r\n", 1, warc.ErrMalformed},
		{"conflicting Content-Length", "WARC/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc\r\n\r\n", 1, warc.ErrMalformed},
		{"Content-Length too small", "WARC/1.1\r\nContent-Length: 2\r\n\r\nabc\r\n\r\n" + good, 2, warc.ErrMalformed},
		{"Content-Length too large", good + "WARC/1.1\r\nContent-Length: 40\r\n\r\nabc\r\n\r\n", 2, io.ErrUnexpectedEOF},
		{"garbage between records", good + "<html>oops</html>\r\n" + good, 2, warc.ErrMalformed},
		{"garbage at start", "HTTP/1.1 200 OK\r\n\r\n", 1, warc.ErrMalformed},
		{"binary without newlines", good + strings.Repeat("\x00\xff", 2<<20), 2, warc.ErrMalformed},
		{"garbage at EOF", good + "junk", 2, warc.ErrMalformed},
		{"indented garbage", good + "  \t junk\r\n", 2, warc.ErrMalformed},
		{"bad version", "WARC/x\r\nContent-Length: 0\r\n\r\n", 1, warc.ErrMalformed},
		{"header line without colon", "WARC/1.1\r\nWARC-Type resource\r\nContent-Length: 0\r\n\r\n", 1, warc.ErrMalformed},
		{"continuation first", "WARC/1.1\r\n folded\r\nContent-Length: 0\r\n\r\n", 1, warc.ErrMalformed},
		{"no blank line after header", "WARC/1.1\r\nContent-Length: 0\r\n", 1, io.ErrUnexpectedEOF},
		{"huge header line", "WARC/1.1\r\nX: " + strings.Repeat("a", 2<<20), 1, warc.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, err := readAll(t, []byte(c.stream))
			if len(recs) != c.num-1 {
				t.Errorf("read %d records before the error, want %d", len(recs), c.num-1)
			}
			wantRecordErr(t, err, c.num, c.kind)
			if errors.Is(err, warc.ErrMalformed) && !errors.Is(err, crosscheck.ErrInvalid) {
				t.Errorf("ErrMalformed does not wrap crosscheck.ErrInvalid")
			}
		})
	}
}

func TestOversize(t *testing.T) {
	rec := "WARC/1.1\r\nContent-Length: 101\r\n\r\n" + strings.Repeat("x", 101) + "\r\n\r\n"
	_, err := readAll(t, []byte(rec), warc.WithMaxBlockSize(100))
	wantRecordErr(t, err, 1, warc.ErrTooLarge)
	if recs, err := readAll(t, []byte(rec), warc.WithMaxBlockSize(101)); err != io.EOF || len(recs) != 1 {
		t.Errorf("limit 101: %d records, %v", len(recs), err)
	}

	// A lying Content-Length must cost neither an allocation of its size
	// nor an error other than a truncation.
	for _, n := range []int64{1 << 62, warc.DefaultMaxBlockSize} {
		lie := fmt.Sprintf("WARC/1.1\r\nContent-Length: %d\r\n\r\nshort", n)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := readAll(t, []byte(lie))
		runtime.ReadMemStats(&after)
		if n > warc.DefaultMaxBlockSize {
			wantRecordErr(t, err, 1, warc.ErrTooLarge)
		} else {
			wantRecordErr(t, err, 1, io.ErrUnexpectedEOF)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
			t.Errorf("Content-Length %d: allocated %d bytes", n, grew)
		}
	}
}

// TestCallerSkipsNonResponses shows the intended loop: read everything,
// keep HTTP responses, let HTTPResponse refuse the rest.
func TestCallerSkipsNonResponses(t *testing.T) {
	data, _ := writeSamples(t, true)
	r, err := warc.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Type() != "response" {
			if _, err := warc.HTTPResponse(rec, 0); !errors.Is(err, warc.ErrNotHTTP) {
				t.Errorf("HTTPResponse(%s record) = %v, want ErrNotHTTP", rec.Type(), err)
			}
			continue
		}
		resp, err := warc.HTTPResponse(rec, 0)
		if err != nil {
			t.Fatal(err)
		}
		uris = append(uris, fmt.Sprintf("%d %s", resp.Status, resp.URI))
	}
	want := "200 https://news.example/a|404 https://news.example/b|200 https://news.example/c"
	if got := strings.Join(uris, "|"); got != want {
		t.Errorf("responses %s, want %s", got, want)
	}
}

func TestSniff(t *testing.T) {
	plain, _ := writeSamples(t, false)
	gz, ends := writeSamples(t, true)
	if ends[0] <= 200 {
		t.Fatalf("first member is %d bytes; the 200-byte case would not test a cut member", ends[0])
	}
	var otherGz bytes.Buffer
	zw := gzip.NewWriter(&otherGz)
	zw.Write([]byte("<html>not a warc</html>"))
	zw.Close()
	cases := []struct {
		name string
		head []byte
		want bool
	}{
		{"plain", plain[:512], true},
		{"gzip", gz[:512], true},
		{"gzip first 200 bytes", gz[:200], true},
		{"gzip first 12 bytes", gz[:12], false},
		{"gzip html", otherGz.Bytes(), false},
		{"html", []byte("<!doctype html>"), false},
		{"empty", nil, false},
		{"gzip magic only", []byte{0x1f, 0x8b}, false},
		{"WARC prefix", []byte("WARC/"), true},
	}
	for _, c := range cases {
		if got := warc.Sniff(c.head); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDate(t *testing.T) {
	cases := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2026-03-01T12:30:00Z", capture, true},
		{"2026-03-01T12:30:00.123456Z", capture.Add(123456 * time.Microsecond), true},
		{"2026-03-01T14:30:00+02:00", capture, true},
		{"2026-03-01T12:30Z", capture, true},
		{"2026-03-01", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"20260301123000", capture, true},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, c := range cases {
		rec := &warc.Record{Header: textproto.MIMEHeader{"Warc-Date": {c.in}}}
		got, err := rec.Date()
		if (err == nil) != c.ok || !got.Equal(c.want) {
			t.Errorf("Date(%q) = %v, %v", c.in, got, err)
		}
		if err != nil && !errors.Is(err, warc.ErrMalformed) {
			t.Errorf("Date(%q) error %v does not wrap ErrMalformed", c.in, err)
		}
	}
}

// TestLargeBlocks crosses the Reader's first allocation (1 MiB), so blocks
// that grow while being read come back intact.
func TestLargeBlocks(t *testing.T) {
	for _, size := range []int{1 << 20, 1<<20 + 1, 5<<20 + 3} {
		block := make([]byte, size)
		for i := range block {
			block[i] = byte(i*7 + i>>11)
		}
		for _, gz := range []bool{false, true} {
			var buf bytes.Buffer
			w := warc.NewWriter(&buf, gz, warc.WithClock(fixedClock))
			h := textproto.MIMEHeader{"WARC-Type": {"resource"}}
			if err := w.WriteRecord(h, block); err != nil {
				t.Fatal(err)
			}
			w.Close()
			recs, err := readAll(t, buf.Bytes())
			if err != io.EOF || len(recs) != 1 || !bytes.Equal(recs[0].Block, block) {
				t.Errorf("size %d gzip=%v: %d records, %v", size, gz, len(recs), err)
			}
			if _, err := readAll(t, buf.Bytes()[:buf.Len()-10]); !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("size %d gzip=%v truncated: %v", size, gz, err)
			}
		}
	}
}
