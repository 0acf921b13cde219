package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// Response is the HTTP payload of a "response" record.
type Response struct {
	// URI is the record's WARC-Target-URI.
	URI string
	// Date is the record's WARC-Date (capture time); zero if the record
	// has no parseable WARC-Date.
	Date time.Time
	// Status is the HTTP status code.
	Status int
	// Header is the archived HTTP header. Transfer-Encoding is removed
	// (net/http decodes it), and so are Content-Encoding and Content-Length
	// when the body was decompressed, so the header describes Body.
	Header http.Header
	// Body is the decoded body: de-chunked and decompressed.
	Body []byte
	// ContentType is the HTTP Content-Type header, e.g. "text/html; charset=utf-8".
	ContentType string
	// Truncated is true when the record carries WARC-Truncated (the crawler
	// cut the capture short) and Body holds only the bytes that were kept.
	Truncated bool
}

// HTTPResponse parses a "response" record whose Content-Type is
// application/http (msgtype=response) with net/http.ReadResponse. It decodes
// chunked transfer encoding and gzip or deflate Content-Encoding, and fails
// with ErrTooLarge if the body, before or after decoding, exceeds maxBody
// bytes (maxBody <= 0 means DefaultMaxBlockSize). Other records yield
// ErrNotHTTP; an unreadable HTTP message yields ErrMalformed.
func HTTPResponse(rec *Record, maxBody int64) (*Response, error) {
	if rec == nil {
		return nil, fmt.Errorf("warc: nil record: %w", ErrNotHTTP)
	}
	if maxBody <= 0 {
		maxBody = DefaultMaxBlockSize
	}
	fail := func(err error) error {
		return fmt.Errorf("warc: response record %s at offset %d: %w", rec.ID(), rec.Offset, err)
	}
	if t := rec.Type(); t != "response" {
		return nil, fail(fmt.Errorf("%w: WARC-Type %q", ErrNotHTTP, t))
	}
	if ct := rec.Header.Get("Content-Type"); ct != "" && !isHTTPResponseType(ct) {
		return nil, fail(fmt.Errorf("%w: Content-Type %q", ErrNotHTTP, ct))
	}

	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(fixStatusLine(rec.Block))), nil)
	if err != nil {
		return nil, fail(fmt.Errorf("%w: HTTP header: %w", ErrMalformed, err))
	}
	if resp.StatusCode < 100 || resp.StatusCode > 999 {
		return nil, fail(fmt.Errorf("%w: HTTP status %d", ErrMalformed, resp.StatusCode))
	}
	truncated := rec.Header.Get("WARC-Truncated") != ""
	// The raw body cannot exceed the block, which the Reader already
	// bounded; the limit here matters for hand-built records.
	body, err := readCapped(resp.Body, maxBody, len(rec.Block))
	if err != nil {
		if !truncated || !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fail(bodyErr(err))
		}
	}

	if encs := contentEncodings(resp.Header); len(encs) > 0 {
		// Encodings are listed in the order they were applied.
		for i := len(encs) - 1; i >= 0; i-- {
			body, err = decode(encs[i], body, maxBody)
			if err != nil && !(truncated && errors.Is(err, io.ErrUnexpectedEOF)) {
				return nil, fail(bodyErr(err))
			}
		}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
	}

	date, _ := rec.Date()
	return &Response{
		URI:         rec.TargetURI(),
		Date:        date,
		Status:      resp.StatusCode,
		Header:      resp.Header,
		Body:        body,
		ContentType: resp.Header.Get("Content-Type"),
		Truncated:   truncated,
	}, nil
}

// bodyErr classifies a body error: limits and unsupported encodings keep
// their kind, anything else is a malformed body.
func bodyErr(err error) error {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrUnsupportedEncoding) {
		return err
	}
	return fmt.Errorf("%w: HTTP body: %w", ErrMalformed, err)
}

// isHTTPResponseType accepts application/http with msgtype=response or no
// msgtype, tolerating parameter syntax mime.ParseMediaType rejects.
func isHTTPResponseType(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		base, _, _ := strings.Cut(ct, ";")
		return strings.EqualFold(strings.TrimSpace(base), "application/http") &&
			!strings.Contains(strings.ToLower(ct), "msgtype=request")
	}
	if mt != "application/http" {
		return false
	}
	msgtype := strings.ToLower(params["msgtype"])
	return msgtype == "" || msgtype == "response"
}

// fixStatusLine rewrites "HTTP/2 200" (as written by browser-based
// crawlers) to "HTTP/2.0 200", which net/http can parse.
func fixStatusLine(b []byte) []byte {
	if len(b) < 7 || !bytes.HasPrefix(b, []byte("HTTP/")) || b[5] < '0' || b[5] > '9' || b[6] != ' ' {
		return b
	}
	out := make([]byte, 0, len(b)+2)
	out = append(out, b[:6]...)
	out = append(out, ".0"...)
	return append(out, b[6:]...)
}

// contentEncodings lists the Content-Encoding codings, lower-cased, without
// identity.
func contentEncodings(h http.Header) []string {
	var encs []string
	for _, v := range h.Values("Content-Encoding") {
		for _, e := range strings.Split(v, ",") {
			e = strings.ToLower(strings.TrimSpace(e))
			if e != "" && e != "identity" {
				encs = append(encs, e)
			}
		}
	}
	return encs
}

// decode undoes one content coding. On io.ErrUnexpectedEOF it returns the
// bytes decoded so far along with the error, for truncated captures.
func decode(enc string, body []byte, maxBody int64) ([]byte, error) {
	switch enc {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		// Browsers ignore bytes after the first member; so do we.
		zr.Multistream(false)
		return readCapped(zr, maxBody, 0)
	case "deflate":
		// "deflate" should be zlib-wrapped, but many servers send raw
		// deflate; try zlib first and fall back.
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			return readCapped(zr, maxBody, 0)
		}
		return readCapped(flate.NewReader(bytes.NewReader(body)), maxBody, 0)
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnsupportedEncoding, enc)
	}
}

// readCapped reads r to the end, failing with ErrTooLarge past max bytes.
// Memory grows with the data, so a decompression bomb stops at max; hint,
// an upper bound on the size when known, saves regrowing the buffer.
func readCapped(r io.Reader, max int64, hint int) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 {
		buf.Grow(int(min(int64(hint), max)) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if int64(buf.Len()) > max {
		return nil, fmt.Errorf("%w: body exceeds %d bytes", ErrTooLarge, max)
	}
	return buf.Bytes(), err
}
