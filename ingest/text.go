package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decodeText turns raw bytes into valid UTF-8 text with "\n" line endings.
// Invalid UTF-8 is repaired, never dropped: mostly-valid text gets U+FFFD
// for the bad bytes; text that is entirely a single-byte encoding is read
// as Windows-1252. Either way a warning says what was done.
func decodeText(raw []byte) (string, []string) {
	var warnings []string
	b := bytes.TrimPrefix(raw, []byte("\ufeff"))
	var s string
	if utf8.Valid(b) {
		s = string(b)
	} else {
		bad := countInvalid(b)
		if looksSingleByte(b) {
			dec, err := charmap.Windows1252.NewDecoder().Bytes(b)
			if err == nil {
				s = string(dec)
				warnings = append(warnings, fmt.Sprintf("not UTF-8: decoded as Windows-1252 (%d bytes outside UTF-8)", bad))
			}
		}
		if s == "" {
			s = strings.ToValidUTF8(string(b), "\uFFFD")
			warnings = append(warnings, fmt.Sprintf("invalid UTF-8 repaired: %d bytes replaced by U+FFFD", bad))
		}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u2028", "\n")
	s = strings.ReplaceAll(s, "\u2029", "\n\n")
	s = strings.ReplaceAll(s, "\x00", "")
	return s, warnings
}

func countInvalid(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// looksSingleByte reports text with no valid multi-byte UTF-8 sequence at
// all: then every high byte is a Latin-1/Windows-1252 character.
func looksSingleByte(b []byte) bool {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if size > 1 && r != utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)
	mdHeading  = regexp.MustCompile(`(?m)^#{1,6}[ \t]+`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__)([^*_\n]+)(\*\*|__)`)
	mdRule     = regexp.MustCompile(`(?m)^[ \t]*([-*_][ \t]*){3,}$`)
	mdQuote    = regexp.MustCompile(`(?m)^>[ \t]?`)
)

// markdownToText drops Markdown syntax so the text cleaner sees the same
// lines a scraped page would give: headings, links (their text stays),
// bold markers, block quote markers and horizontal rules.
func markdownToText(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "$2")
	s = mdRule.ReplaceAllString(s, "")
	return mdQuote.ReplaceAllString(s, "")
}
