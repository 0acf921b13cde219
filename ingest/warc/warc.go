// Package warc reads and writes WARC files (ISO 28500, WARC/1.0 and 1.1),
// plain or gzip-compressed, using only the standard library.
//
// Reading is streaming: a Reader holds one record block in memory at a
// time, and refuses blocks larger than a limit instead of allocating them.
// HTTPResponse turns a "response" record into a decoded HTTP payload. The
// Writer produces reproducible archives for tests, benchmarks and the demo
// corpus.
package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/textproto"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Error kinds. Each also matches crosscheck.ErrInvalid under errors.Is, so
// callers that only know the domain error kinds still classify WARC
// problems as bad input.
var (
	// ErrMalformed means the stream is not valid WARC: a bad version line,
	// a header without a colon, a missing or invalid Content-Length, or
	// bytes between records that do not start a record. HTTPResponse uses
	// it for an unreadable HTTP message.
	ErrMalformed error = &kindError{"malformed WARC", crosscheck.ErrInvalid}
	// ErrTooLarge means a record block, header or HTTP body exceeds the
	// configured limit.
	ErrTooLarge error = &kindError{"WARC data too large", crosscheck.ErrInvalid}
	// ErrNotHTTP means HTTPResponse was given a record that is not an HTTP
	// response (another WARC-Type or a Content-Type other than
	// application/http).
	ErrNotHTTP error = &kindError{"not an HTTP response record", crosscheck.ErrInvalid}
	// ErrUnsupportedEncoding means an HTTP body uses a Content-Encoding the
	// standard library cannot decode (for example br or zstd).
	ErrUnsupportedEncoding error = &kindError{"unsupported content encoding", crosscheck.ErrInvalid}
)

// kindError is an error kind that is also a domain kind, without repeating
// the domain kind's text in every message.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// Record is one WARC record.
type Record struct {
	// Version is the version line, "WARC/1.0" or "WARC/1.1".
	Version string
	// Header holds the named fields (WARC-Type, WARC-Target-URI, WARC-Date,
	// WARC-Record-ID, Content-Type, Content-Length …) under canonical MIME
	// keys; use Header.Get, which canonicalises its argument. The Reader
	// strips the <…> that some writers (wget) put around WARC-Target-URI.
	Header textproto.MIMEHeader
	// Block is the record block: exactly Content-Length bytes.
	Block []byte
	// Offset is the byte offset of the record's version line in the
	// decompressed stream, for error messages and provenance.
	Offset int64
}

// Type returns the WARC-Type field: "warcinfo", "request", "response",
// "resource", "metadata", "revisit", "conversion" or "continuation".
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// ID returns the WARC-Record-ID field, e.g. "<urn:uuid:…>".
func (r *Record) ID() string { return r.Header.Get("WARC-Record-ID") }

// TargetURI returns the WARC-Target-URI field without the <…> wrapping
// some writers add.
func (r *Record) TargetURI() string { return unwrapURI(r.Header.Get("WARC-Target-URI")) }

// dateLayouts are the W3C-ISO8601 forms WARC/1.1 allows for WARC-Date,
// finest first, plus the 14-digit form of ARC files and a zone-less form
// some tools write; zone-less values are taken as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02",
	"2006-01",
	"2006",
	"20060102150405",
}

// Date parses the WARC-Date field.
func (r *Record) Date() (time.Time, error) {
	v := strings.TrimSpace(r.Header.Get("WARC-Date"))
	if v == "" {
		return time.Time{}, fmt.Errorf("warc: %w: missing WARC-Date", ErrMalformed)
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("warc: %w: bad WARC-Date %q", ErrMalformed, v)
}

// unwrapURI removes surrounding whitespace and one pair of angle brackets.
func unwrapURI(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && v[0] == '<' && v[len(v)-1] == '>' {
		v = strings.TrimSpace(v[1 : len(v)-1])
	}
	return v
}

var (
	warcMagic = []byte("WARC/")
	gzipMagic = []byte{0x1f, 0x8b}
)

// Sniff reports whether head, the first bytes of a file, looks like a WARC
// file, plain or gzip-compressed. For gzip it decompresses just enough to
// see the "WARC/" version line; a few hundred bytes of head are plenty.
func Sniff(head []byte) bool {
	if bytes.HasPrefix(head, warcMagic) {
		return true
	}
	if !bytes.HasPrefix(head, gzipMagic) {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	// flate hands out what it decoded before hitting the end of a short
	// head, so a truncated member still yields its first bytes.
	buf := make([]byte, len(warcMagic))
	n, _ := io.ReadFull(zr, buf)
	return n == len(buf) && bytes.Equal(buf, warcMagic)
}

// RecordError reports a problem with one record of a stream. It unwraps to
// the underlying kind: ErrMalformed, ErrTooLarge, io.ErrUnexpectedEOF, or a
// gzip or I/O error.
type RecordError struct {
	// Record is the 1-based number of the record in the stream.
	Record int
	// Offset is where the record (or the unexpected bytes) starts in the
	// decompressed stream.
	Offset int64
	// Err is the underlying error.
	Err error
}

// Error describes the error with its record number and offset.
func (e *RecordError) Error() string {
	return fmt.Sprintf("warc: record %d at offset %d: %v", e.Record, e.Offset, e.Err)
}

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }
