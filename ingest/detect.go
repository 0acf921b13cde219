package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/feed"
	"github.com/crosscheck/crosscheck/ingest/jsonl"
	"github.com/crosscheck/crosscheck/ingest/warc"
)

// Format is a detected input format.
type Format string

// Input formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatFeed     Format = "feed"
	FormatWARC     Format = "warc"
	FormatJSONL    Format = "jsonl"
)

// sniffLen is how much of an input detection looks at.
const sniffLen = 8 << 10

// Detect decides an input's format from its first bytes. The name (a file
// name or URL path) and the HTTP content type only break ties between
// formats the content allows: content wins over extensions.
func Detect(head []byte, name, contentType string) (Format, error) {
	if len(bytes.TrimSpace(head)) == 0 {
		return "", crosscheck.Errorf(crosscheck.ErrInvalid, "empty input")
	}
	if warc.Sniff(head) {
		return FormatWARC, nil
	}
	if head[0] == 0x1f && len(head) > 1 && head[1] == 0x8b {
		return "", crosscheck.Errorf(crosscheck.ErrInvalid, "gzip-compressed data that is not a WARC archive")
	}
	if isBinary(head) {
		return "", crosscheck.Errorf(crosscheck.ErrInvalid, "binary data, not an article")
	}
	if jsonl.Sniff(head) {
		return FormatJSONL, nil
	}
	if feed.Sniff(head) {
		return FormatFeed, nil
	}
	if looksHTML(head) {
		return FormatHTML, nil
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".md" || ext == ".markdown" || strings.Contains(contentType, "markdown") || looksMarkdown(head) {
		return FormatMarkdown, nil
	}
	return FormatText, nil
}

// isBinary reports data that no article text contains: NUL bytes, or many
// control characters, or mostly bytes that are neither UTF-8 nor a
// single-byte encoding's letters.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	control, invalid := 0, 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			control++
		}
		i += size
	}
	// The last rune may be cut by the sniff window; a Windows-1252 text
	// has at most a few invalid bytes per line.
	return control*20 > len(head) || invalid*4 > len(head)
}

func looksHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return true
		}
	}
	if bytes.HasPrefix(h, []byte("<?xml")) && bytes.Contains(h, []byte("<html")) {
		return true
	}
	if !bytes.HasPrefix(h, []byte("<")) {
		return false
	}
	// A fragment: several block tags.
	n := 0
	for _, t := range []string{"<p>", "<p ", "<div", "<h1", "<h2", "<br", "<span", "<a href"} {
		n += bytes.Count(h, []byte(t))
	}
	return n >= 2
}

func looksMarkdown(head []byte) bool {
	lines := bytes.Split(bytes.TrimLeft(head, "\r\n \t"), []byte("\n"))
	if len(lines) == 0 {
		return false
	}
	if bytes.HasPrefix(lines[0], []byte("# ")) {
		return true
	}
	links := bytes.Count(head, []byte("]("))
	heads := 0
	for _, l := range lines {
		if bytes.HasPrefix(l, []byte("## ")) {
			heads++
		}
	}
	return heads >= 2 || links >= 3
}
