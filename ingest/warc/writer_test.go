package warc_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/warc"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestWriterGolden pins the Writer's exact output, so a change to field
// order, record IDs or digests shows up in review.
func TestWriterGolden(t *testing.T) {
	got, _ := writeSamples(t, false)
	path := filepath.Join("testdata", "samples.warc")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Writer output differs from %s (run go test -update if the change is intended)", path)
	}
}

func TestWriterRejects(t *testing.T) {
	w := warc.NewWriter(&bytes.Buffer{}, false)
	cases := map[string]error{
		"missing type": w.WriteRecord(textproto.MIMEHeader{"Content-Type": {"text/plain"}}, nil),
		"header injection": w.WriteRecord(textproto.MIMEHeader{
			"WARC-Type":       {"resource"},
			"WARC-Target-URI": {"http://x/\r\nWARC-Type: response"},
		}, nil),
		"bad field name":   w.WriteRecord(textproto.MIMEHeader{"WARC-Type": {"resource"}, "Bad Name": {"x"}}, nil),
		"empty URI":        w.WriteResponse("", capture, 200, nil, nil),
		"URI with newline": w.WriteResponse("http://x/\nfoo", capture, 200, nil, nil),
		"bad status":       w.WriteResponse("http://x/", capture, 42, nil, nil),
		"warcinfo newline": w.WriteWarcinfo(map[string]string{"description": "a\nb"}),
	}
	for name, err := range cases {
		if !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrInvalid", name, err)
		}
	}
	// Rejected records leave the Writer usable.
	if err := w.WriteRecord(textproto.MIMEHeader{"WARC-Type": {"resource"}}, []byte("ok")); err != nil {
		t.Errorf("write after rejected records: %v", err)
	}
}

func TestWriterClose(t *testing.T) {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	if err := w.WriteResponse("http://x/", capture, 200, http.Header{}, []byte("hi")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := w.WriteWarcinfo(nil); err == nil {
		t.Error("write after Close succeeded")
	}
	recs, err := readAll(t, buf.Bytes())
	if len(recs) != 1 || err != io.EOF {
		t.Errorf("%d records, %v", len(recs), err)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterSurfacesWriteErrors(t *testing.T) {
	w := warc.NewWriter(failWriter{}, false)
	if err := w.WriteWarcinfo(map[string]string{"software": "x"}); err == nil {
		t.Fatal("write to a failing writer succeeded")
	}
	if err := w.Close(); err == nil {
		t.Error("Close after a failed write returned nil")
	}
}

func TestWriterHeaderCaseAndOrder(t *testing.T) {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, false, warc.WithClock(fixedClock))
	h := textproto.MIMEHeader{"warc-type": {"resource"}, "content-type": {"text/plain"}, "X-Custom": {"1"}}
	if err := w.WriteRecord(h, []byte("abc")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	want := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:"
	if !bytes.HasPrefix(buf.Bytes(), []byte(want)) {
		t.Errorf("output starts %q, want %q", buf.Bytes()[:len(want)], want)
	}
	tail := "X-Custom: 1\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"
	if !bytes.HasSuffix(buf.Bytes(), []byte(tail)) {
		t.Errorf("output ends %q, want %q", buf.Bytes()[max(0, buf.Len()-len(tail)):], tail)
	}
	if len(h) != 3 {
		t.Errorf("WriteRecord modified the caller's header: %v", h)
	}
}
