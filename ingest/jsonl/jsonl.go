// Package jsonl reads articles from JSON lines: one JSON object per line
// with the article as "text" or "html" and optional "url", "title",
// "published", "outlet" and "author" (a string or a list of strings).
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Article is one line's content.
type Article struct {
	// Line is the 1-based line number in the input.
	Line      int
	Text      string
	HTML      string
	URL       string
	Title     string
	Published string
	Outlet    string
	Authors   []string
	// Raw is the line as read, the document's raw bytes.
	Raw []byte
}

// LineError is a line that could not be read; the reader goes on with
// the next line.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

type line struct {
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Published json.RawMessage `json:"published"`
	Outlet    string          `json:"outlet"`
	Author    json.RawMessage `json:"author"`
	Authors   json.RawMessage `json:"authors"`
}

// Reader reads articles line by line.
type Reader struct {
	r       *bufio.Reader
	n       int
	maxLine int
	err     error
}

// NewReader reads JSON lines from r; a line longer than maxLine bytes is
// a LineError (its rest is skipped), not an allocation.
func NewReader(r io.Reader, maxLine int) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10), maxLine: maxLine}
}

// Next returns the next article. Blank lines are skipped. A bad line
// returns a *LineError and the next call continues after it; io.EOF
// marks the end; any other error is from the underlying reader.
func (r *Reader) Next() (*Article, error) {
	for {
		if r.err != nil {
			return nil, r.err
		}
		raw, tooLong, err := r.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			r.err = err
			return nil, err
		}
		if errors.Is(err, io.EOF) {
			r.err = io.EOF
			if len(raw) == 0 && !tooLong {
				return nil, io.EOF
			}
		}
		r.n++
		if tooLong {
			return nil, &LineError{r.n, crosscheck.Errorf(crosscheck.ErrInvalid, "line longer than %d bytes", r.maxLine)}
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		a, err := parse(raw)
		if err != nil {
			return nil, &LineError{r.n, err}
		}
		a.Line = r.n
		return a, nil
	}
}

// readLine reads one line without its newline, discarding (and flagging)
// what lies beyond maxLine.
func (r *Reader) readLine() (b []byte, tooLong bool, err error) {
	for {
		chunk, err := r.r.ReadSlice('\n')
		if len(b)+len(chunk) > r.maxLine {
			tooLong = true
		} else {
			b = append(b, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			b = nil
		}
		return bytes.TrimRight(b, "\r\n"), tooLong, err
	}
}

func parse(raw []byte) (*Article, error) {
	var l line
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&l); err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "not a JSON object: %v", err)
	}
	if dec.More() {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "more than one JSON value on the line")
	}
	a := &Article{URL: strings.TrimSpace(l.URL), Title: strings.TrimSpace(l.Title), Outlet: strings.TrimSpace(l.Outlet), Raw: append([]byte(nil), raw...)}
	if l.Text != nil {
		a.Text = *l.Text
	}
	if l.HTML != nil {
		a.HTML = *l.HTML
	}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.HTML) == "" {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, `no "text" or "html" field with content`)
	}
	var err error
	if a.Published, err = stringField(l.Published); err != nil {
		return nil, fmt.Errorf(`"published": %w`, err)
	}
	for _, f := range []json.RawMessage{l.Author, l.Authors} {
		names, err := names(f)
		if err != nil {
			return nil, fmt.Errorf(`"author": %w`, err)
		}
		a.Authors = append(a.Authors, names...)
	}
	return a, nil
}

func stringField(m json.RawMessage) (string, error) {
	if len(m) == 0 || string(m) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(m, &s); err != nil {
		return "", crosscheck.Errorf(crosscheck.ErrInvalid, "not a string")
	}
	return strings.TrimSpace(s), nil
}

func names(m json.RawMessage) ([]string, error) {
	if len(m) == 0 || string(m) == "null" {
		return nil, nil
	}
	var one string
	if err := json.Unmarshal(m, &one); err == nil {
		if one = strings.TrimSpace(one); one == "" {
			return nil, nil
		}
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(m, &many); err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "neither a string nor a list of strings")
	}
	var out []string
	for _, n := range many {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out, nil
}

// Sniff reports whether the first bytes of an input look like JSON lines:
// the first non-blank line is a complete JSON object (or, when the head
// is cut inside a long first line, starts like one).
func Sniff(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	first, _, complete := bytes.Cut(head, []byte("\n"))
	if complete {
		return json.Valid(bytes.TrimSpace(first))
	}
	// Cut mid-line: accept a JSON object that opens with a quoted key.
	rest := bytes.TrimLeft(first[1:], " \t")
	return len(rest) > 0 && rest[0] == '"'
}
