package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// errClosed is returned by writes after Close.
var errClosed = errors.New("warc: write after Close")

// WriterOption configures a Writer.
type WriterOption func(*Writer)

// WithClock sets the function that supplies WARC-Date for records whose
// header has none (and for warcinfo records). Pass a fixed clock for
// byte-for-byte reproducible archives; the default is time.Now.
func WithClock(now func() time.Time) WriterOption {
	return func(w *Writer) {
		if now != nil {
			w.now = now
		}
	}
}

// Writer writes WARC/1.1 records. Output is deterministic: fields are
// written in a fixed order, record IDs are derived from content, and gzip
// members carry no timestamp. A Writer is not safe for concurrent use.
type Writer struct {
	bw  *bufio.Writer
	gz  *gzip.Writer // nil for plain output
	now func() time.Time
	seq uint64 // records written, mixed into record IDs
	err error  // sticky
}

// NewWriter returns a Writer on w. If gzipped, each record is its own gzip
// member, the usual .warc.gz layout that lets readers seek to a record.
func NewWriter(w io.Writer, gzipped bool, opts ...WriterOption) *Writer {
	ww := &Writer{bw: bufio.NewWriterSize(w, bufSize), now: time.Now}
	if gzipped {
		ww.gz = gzip.NewWriter(ww.bw)
	}
	for _, o := range opts {
		o(ww)
	}
	return ww
}

// WriteRecord writes one record with header h and the given block. It sets
// the WARC/1.1 version line, Content-Length and the terminating CRLFCRLF,
// fills in WARC-Date (from the clock) and WARC-Record-ID (from a hash of the
// content) when h lacks them, and rejects a header without WARC-Type or with
// line breaks in a name or value. h is not modified.
func (w *Writer) WriteRecord(h textproto.MIMEHeader, block []byte) error {
	if w.err != nil {
		return w.err
	}
	hdr := make(textproto.MIMEHeader, len(h)+3)
	for k, vs := range h {
		if !validFieldName(k) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "warc: write record: bad field name %q", k)
		}
		ck := textproto.CanonicalMIMEHeaderKey(k)
		for _, v := range vs {
			if strings.ContainsAny(v, "\r\n") {
				return crosscheck.Errorf(crosscheck.ErrInvalid, "warc: write record: line break in %s", k)
			}
			hdr[ck] = append(hdr[ck], v)
		}
	}
	if hdr.Get("WARC-Type") == "" {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "warc: write record: missing WARC-Type")
	}
	if hdr.Get("WARC-Date") == "" {
		hdr.Set("WARC-Date", formatDate(w.now()))
	}
	hdr.Del("Content-Length")
	if hdr.Get("WARC-Record-ID") == "" {
		hdr.Set("WARC-Record-ID", w.recordID(hdr, block))
	}
	hdr.Set("Content-Length", strconv.Itoa(len(block)))

	var head bytes.Buffer
	head.WriteString("WARC/1.1\r\n")
	for _, k := range fieldOrder(hdr) {
		name := k
		if s, ok := warcSpelling[k]; ok {
			name = s
		}
		for _, v := range hdr[k] {
			head.WriteString(name)
			head.WriteString(": ")
			head.WriteString(v)
			head.WriteString("\r\n")
		}
	}
	head.WriteString("\r\n")
	if err := w.emit(head.Bytes(), block, []byte("\r\n\r\n")); err != nil {
		w.err = fmt.Errorf("warc: write record: %w", err)
		return w.err
	}
	w.seq++
	return nil
}

// emit writes one record, as one gzip member when compressing, and flushes
// it so each call leaves whole records in the underlying writer.
func (w *Writer) emit(parts ...[]byte) error {
	var dst io.Writer = w.bw
	if w.gz != nil {
		w.gz.Reset(w.bw)
		dst = w.gz
	}
	for _, p := range parts {
		if _, err := dst.Write(p); err != nil {
			return err
		}
	}
	if w.gz != nil {
		if err := w.gz.Close(); err != nil {
			return err
		}
	}
	return w.bw.Flush()
}

// WriteResponse writes a "response" record holding the HTTP/1.1 message a
// server would send: status line, header and body. body is the payload as
// sent, after any Content-Encoding the header declares; if the header sets
// Transfer-Encoding: chunked, WriteResponse chunks it, and otherwise it
// adds Content-Length when missing. A zero date means the clock's time. The
// record gets WARC-Payload-Digest and WARC-Block-Digest (SHA-1, base32) and
// a WARC-Record-ID derived from its content.
func (w *Writer) WriteResponse(uri string, date time.Time, status int, header http.Header, body []byte) error {
	if uri == "" || strings.ContainsAny(uri, "\r\n") {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "warc: write response: bad target URI %q", uri)
	}
	if status < 100 || status > 999 {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "warc: write response %s: status %d", uri, status)
	}
	if date.IsZero() {
		date = w.now()
	}
	hdr := header.Clone()
	if hdr == nil {
		hdr = make(http.Header)
	}
	chunked := false
	for _, te := range hdr.Values("Transfer-Encoding") {
		chunked = chunked || strings.Contains(strings.ToLower(te), "chunked")
	}
	if !chunked && hdr.Get("Content-Length") == "" {
		hdr.Set("Content-Length", strconv.Itoa(len(body)))
	}

	var msg bytes.Buffer
	msg.WriteString("HTTP/1.1 " + strconv.Itoa(status))
	if text := http.StatusText(status); text != "" {
		msg.WriteString(" " + text)
	}
	msg.WriteString("\r\n")
	if err := hdr.Write(&msg); err != nil {
		return fmt.Errorf("warc: write response %s: %w", uri, err)
	}
	msg.WriteString("\r\n")
	if chunked {
		writeChunked(&msg, body)
	} else {
		msg.Write(body)
	}

	rh := make(textproto.MIMEHeader, 8)
	rh.Set("WARC-Type", "response")
	rh.Set("WARC-Target-URI", uri)
	rh.Set("WARC-Date", formatDate(date))
	rh.Set("Content-Type", "application/http; msgtype=response")
	rh.Set("WARC-Payload-Digest", sha1Digest(body))
	rh.Set("WARC-Block-Digest", sha1Digest(msg.Bytes()))
	return w.WriteRecord(rh, msg.Bytes())
}

// writeChunked writes body in chunked transfer coding, in 4 KiB chunks as a
// typical server would.
func writeChunked(dst *bytes.Buffer, body []byte) {
	const chunk = 4 << 10
	for len(body) > 0 {
		n := min(len(body), chunk)
		dst.WriteString(strconv.FormatInt(int64(n), 16) + "\r\n")
		dst.Write(body[:n])
		dst.WriteString("\r\n")
		body = body[n:]
	}
	dst.WriteString("0\r\n\r\n")
}

// WriteWarcinfo writes a "warcinfo" record whose block lists fields as
// "name: value" lines (application/warc-fields), sorted by name; typical
// names are software, format, conformsTo, description.
func (w *Writer) WriteWarcinfo(fields map[string]string) error {
	var block bytes.Buffer
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		v := fields[k]
		if !validFieldName(k) || strings.ContainsAny(v, "\r\n") {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "warc: write warcinfo: bad field %q", k)
		}
		block.WriteString(k + ": " + v + "\r\n")
	}
	h := make(textproto.MIMEHeader, 4)
	h.Set("WARC-Type", "warcinfo")
	h.Set("Content-Type", "application/warc-fields")
	return w.WriteRecord(h, block.Bytes())
}

// Close flushes buffered output and makes later writes fail. It does not
// close the underlying writer.
func (w *Writer) Close() error {
	if w.err != nil {
		if errors.Is(w.err, errClosed) {
			return nil
		}
		return w.err
	}
	w.err = errClosed
	if err := w.bw.Flush(); err != nil {
		return fmt.Errorf("warc: close: %w", err)
	}
	return nil
}

// recordID derives a version-8 (custom) UUID from the record's content and
// its position in the output, so the same input gives the same archive and
// identical captures still get distinct IDs.
func (w *Writer) recordID(h textproto.MIMEHeader, block []byte) string {
	d := sha256.New()
	var seq [8]byte
	binary.BigEndian.PutUint64(seq[:], w.seq)
	d.Write(seq[:])
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			d.Write([]byte(k + ":" + v + "\n"))
		}
	}
	d.Write(block)
	u := d.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x80 // version 8
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

func sha1Digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

func formatDate(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// validFieldName accepts RFC 9110 token characters.
func validFieldName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// fieldOrder lists header keys in the order they are written: the
// identifying WARC fields first, the rest sorted, Content-Type and
// Content-Length last, as most writers do.
func fieldOrder(h textproto.MIMEHeader) []string {
	first := []string{"Warc-Type", "Warc-Record-Id", "Warc-Date", "Warc-Target-Uri"}
	last := []string{"Content-Type", "Content-Length"}
	keys := make([]string, 0, len(h))
	for _, k := range first {
		if _, ok := h[k]; ok {
			keys = append(keys, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(h)) {
		if !slices.Contains(first, k) && !slices.Contains(last, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range last {
		if _, ok := h[k]; ok {
			keys = append(keys, k)
		}
	}
	return keys
}

// warcSpelling maps canonical MIME keys to the spelling of ISO 28500, which
// textproto's canonicalisation changes (WARC-Record-ID, not Warc-Record-Id).
// Field names are case-insensitive; the spelling only keeps output familiar.
var warcSpelling = map[string]string{
	"Warc-Type":                    "WARC-Type",
	"Warc-Record-Id":               "WARC-Record-ID",
	"Warc-Date":                    "WARC-Date",
	"Warc-Target-Uri":              "WARC-Target-URI",
	"Warc-Concurrent-To":           "WARC-Concurrent-To",
	"Warc-Refers-To":               "WARC-Refers-To",
	"Warc-Refers-To-Target-Uri":    "WARC-Refers-To-Target-URI",
	"Warc-Refers-To-Date":          "WARC-Refers-To-Date",
	"Warc-Block-Digest":            "WARC-Block-Digest",
	"Warc-Payload-Digest":          "WARC-Payload-Digest",
	"Warc-Ip-Address":              "WARC-IP-Address",
	"Warc-Truncated":               "WARC-Truncated",
	"Warc-Warcinfo-Id":             "WARC-Warcinfo-ID",
	"Warc-Filename":                "WARC-Filename",
	"Warc-Profile":                 "WARC-Profile",
	"Warc-Identified-Payload-Type": "WARC-Identified-Payload-Type",
	"Warc-Segment-Number":          "WARC-Segment-Number",
	"Warc-Segment-Origin-Id":       "WARC-Segment-Origin-ID",
	"Warc-Segment-Total-Length":    "WARC-Segment-Total-Length",
	"Warc-Protocol":                "WARC-Protocol",
	"Warc-Cipher-Suite":            "WARC-Cipher-Suite",
}
