package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

const (
	// DefaultMaxBlockSize is the largest record block a Reader accepts
	// unless WithMaxBlockSize says otherwise, and the default body limit of
	// HTTPResponse.
	DefaultMaxBlockSize = 64 << 20

	// maxHeaderBytes bounds the version line plus named fields of one
	// record; real headers are a few hundred bytes.
	maxHeaderBytes = 1 << 20

	// firstAlloc bounds the memory committed to a block before its bytes
	// arrive, so a lying Content-Length costs at most this much.
	firstAlloc = 1 << 20

	bufSize = 64 << 10
)

// ReaderOption configures a Reader.
type ReaderOption func(*Reader)

// WithMaxBlockSize sets the largest Content-Length the Reader accepts;
// larger records make Next fail with ErrTooLarge. n <= 0 keeps the default.
func WithMaxBlockSize(n int64) ReaderOption {
	return func(r *Reader) {
		if n > 0 {
			r.maxBlock = n
		}
	}
}

// Reader reads records from a WARC or WARC.gz stream. Gzip is detected by
// its magic bytes; one gzip member per record and the whole file in one
// member both work. A Reader is not safe for concurrent use.
type Reader struct {
	br       *bufio.Reader
	maxBlock int64
	off      int64 // bytes consumed from the decompressed stream
	n        int   // records returned so far
	err      error // sticky
}

// NewReader returns a Reader for r. It reads the first bytes of r to
// detect gzip and fails if a gzip header is broken.
func NewReader(r io.Reader, opts ...ReaderOption) (*Reader, error) {
	rd := &Reader{maxBlock: DefaultMaxBlockSize}
	for _, o := range opts {
		o(rd)
	}
	src := bufio.NewReaderSize(r, bufSize)
	magic, err := src.Peek(len(gzipMagic))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("warc: %w", err)
	}
	if !bytes.Equal(magic, gzipMagic) {
		rd.br = src
		return rd, nil
	}
	// gzip.Reader is multistream by default: concatenated members, as in
	// a per-record .warc.gz, read as one stream.
	zr, err := gzip.NewReader(src)
	if err != nil {
		return nil, fmt.Errorf("warc: gzip: %w", err)
	}
	rd.br = bufio.NewReaderSize(zr, bufSize)
	return rd, nil
}

// Next returns the next record. It returns io.EOF at the clean end of the
// stream. A truncated record yields an error wrapping io.ErrUnexpectedEOF,
// a malformed one ErrMalformed, an oversized one ErrTooLarge; such errors
// are *RecordError values naming the record number and offset. After an
// error, Next keeps returning it: a damaged stream cannot be resynchronised
// reliably.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		r.err = err
		return nil, err
	}
	r.n++
	return rec, nil
}

func (r *Reader) next() (*Record, error) {
	num := r.n + 1
	fail := func(off int64, err error) error {
		return &RecordError{Record: num, Offset: off, Err: err}
	}

	// Records end with CRLFCRLF, but writers differ (wget adds a third
	// CRLF after warcinfo), so any run of blank lines separates records.
	// Anything else must start with "WARC/"; peeking first means a stray
	// megabyte of binary is reported as such, not read as a line.
	var start int64
	for {
		start = r.off
		p, err := r.br.Peek(len(warcMagic))
		switch {
		case bytes.Equal(p, warcMagic):
		case err != nil && !errors.Is(err, io.EOF):
			return nil, fail(start, fmt.Errorf("version line: %w", err))
		case len(p) == 0:
			return nil, io.EOF
		case p[0] == '\r' || p[0] == '\n' || p[0] == ' ' || p[0] == '\t':
			l, err := r.readLine(maxHeaderBytes)
			if err != nil && err != io.EOF {
				return nil, fail(start, fmt.Errorf("between records: %w", err))
			}
			if len(bytes.TrimSpace(l)) > 0 {
				return nil, fail(start, fmt.Errorf("%w: expected a WARC/ version line, found %q", ErrMalformed, clip(l)))
			}
			continue
		case len(p) < len(warcMagic) && bytes.HasPrefix(warcMagic, p):
			return nil, fail(start, fmt.Errorf("version line: %w", io.ErrUnexpectedEOF))
		default:
			junk, _ := r.br.Peek(40)
			return nil, fail(start, fmt.Errorf("%w: expected a WARC/ version line, found %q", ErrMalformed, junk))
		}
		break
	}
	line, err := r.readLine(maxHeaderBytes)
	if err == io.EOF {
		return nil, fail(start, fmt.Errorf("version line: %w", io.ErrUnexpectedEOF))
	}
	if err != nil {
		return nil, fail(start, fmt.Errorf("version line: %w", err))
	}
	version := string(bytes.TrimSpace(line))
	if !validVersion(version) {
		return nil, fail(start, fmt.Errorf("%w: expected a WARC/x.y version line, found %q", ErrMalformed, clip(line)))
	}

	h, err := r.readHeader(maxHeaderBytes - len(line))
	if err != nil {
		return nil, fail(start, err)
	}
	n, err := contentLength(h)
	if err != nil {
		return nil, fail(start, err)
	}
	if n > r.maxBlock {
		return nil, fail(start, fmt.Errorf("%w: Content-Length %d exceeds limit %d", ErrTooLarge, n, r.maxBlock))
	}
	for _, k := range []string{"Warc-Target-Uri", "Warc-Refers-To-Target-Uri"} {
		for i, v := range h[k] {
			h[k][i] = unwrapURI(v)
		}
	}
	block, err := r.readBlock(n)
	if err != nil {
		return nil, fail(start, err)
	}
	return &Record{Version: version, Header: h, Block: block, Offset: start}, nil
}

// validVersion accepts "WARC/" followed by digits and dots, e.g. WARC/1.0,
// WARC/1.1 and the older WARC/0.17.
func validVersion(v string) bool {
	rest, ok := strings.CutPrefix(v, "WARC/")
	if !ok || rest == "" || len(rest) > 8 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// readHeader reads named fields up to the blank line that ends them,
// accepting CRLF or bare LF and folded continuation lines.
func (r *Reader) readHeader(budget int) (textproto.MIMEHeader, error) {
	h := make(textproto.MIMEHeader, 12)
	var last string
	for {
		before := r.off
		l, err := r.readLine(budget)
		if err == io.EOF {
			return nil, fmt.Errorf("header: %w", io.ErrUnexpectedEOF)
		}
		if err != nil {
			return nil, fmt.Errorf("header: %w", err)
		}
		budget -= int(r.off - before)
		if len(l) == 0 {
			return h, nil
		}
		if l[0] == ' ' || l[0] == '\t' {
			if last == "" {
				return nil, fmt.Errorf("%w: continuation line before any field", ErrMalformed)
			}
			vs := h[last]
			if cont := strings.TrimSpace(string(l)); cont != "" {
				vs[len(vs)-1] = strings.TrimSpace(vs[len(vs)-1] + " " + cont)
			}
			continue
		}
		name, value, ok := bytes.Cut(l, []byte(":"))
		name = bytes.TrimSpace(name)
		if !ok || len(name) == 0 {
			return nil, fmt.Errorf("%w: header line without a field name: %q", ErrMalformed, clip(l))
		}
		last = textproto.CanonicalMIMEHeaderKey(string(name))
		h[last] = append(h[last], strings.TrimSpace(string(value)))
	}
}

// contentLength returns the block length the header declares.
func contentLength(h textproto.MIMEHeader) (int64, error) {
	vs := h["Content-Length"]
	if len(vs) == 0 {
		return 0, fmt.Errorf("%w: missing Content-Length", ErrMalformed)
	}
	for _, v := range vs[1:] {
		if v != vs[0] {
			return 0, fmt.Errorf("%w: conflicting Content-Length values %q", ErrMalformed, vs)
		}
	}
	n, err := strconv.ParseInt(vs[0], 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: bad Content-Length %q", ErrMalformed, clip([]byte(vs[0])))
	}
	return n, nil
}

// readLine returns the next line without its LF or CRLF terminator. The
// returned slice may alias the read buffer and is valid only until the next
// read. At the end of the stream it returns the partial line and io.EOF.
// Lines longer than limit bytes are an error, so a stream without newlines
// cannot grow memory without bound.
func (r *Reader) readLine(limit int) ([]byte, error) {
	var acc []byte
	for {
		frag, err := r.br.ReadSlice('\n')
		r.off += int64(len(frag))
		if len(acc)+len(frag) > limit {
			return nil, fmt.Errorf("%w: header line longer than %d bytes", ErrTooLarge, limit)
		}
		switch {
		case err == nil && acc == nil:
			return trimEOL(frag), nil
		case err == nil:
			return trimEOL(append(acc, frag...)), nil
		case errors.Is(err, bufio.ErrBufferFull):
			acc = append(acc, frag...)
		case errors.Is(err, io.EOF):
			return append(acc, frag...), io.EOF
		default:
			return nil, err
		}
	}
}

func trimEOL(l []byte) []byte {
	l = bytes.TrimSuffix(l, []byte("\n"))
	return bytes.TrimSuffix(l, []byte("\r"))
}

// readBlock reads exactly n bytes. Memory grows with the bytes actually
// read, not with the declared length, so a short stream claiming a huge
// block fails cheaply.
func (r *Reader) readBlock(n int64) ([]byte, error) {
	buf := make([]byte, min(n, firstAlloc))
	var got int64
	for {
		m, err := io.ReadFull(r.br, buf[got:])
		got += int64(m)
		r.off += int64(m)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, fmt.Errorf("block: read %d of %d bytes: %w", got, n, err)
		}
		if got == n {
			return buf, nil
		}
		grown := make([]byte, min(n, 2*got))
		copy(grown, buf)
		buf = grown
	}
}

// clip shortens b for quoting in an error message.
func clip(b []byte) []byte {
	const max = 40
	if len(b) > max {
		return b[:max]
	}
	return b
}
