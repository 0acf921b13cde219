package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Mark families. A quotation opened with one family is closed only by
// the same family, so marks of another family inside it (nested quotes,
// apostrophes) are left alone.
const (
	famCurly    = iota + 1 // “ … ” (also ” … ” typed by some systems)
	famLow                 // „ … “ or „ … ”
	famGuill               // « … »
	famGuillRev            // » … «
	famStraight            // " … "
	famSingle              // ‘ … ’ (only at the top level; see below)
)

// direct is a stretch of quoted words inside one paragraph.
type direct struct {
	// open is the byte offset of the opening mark; close that of the
	// closing mark, or -1 when the quotation runs to the end of the
	// paragraph (continued or unbalanced).
	open, close int
	openLen     int
	closeLen    int
	content     crosscheck.Span
	para        int
	// contPrev and contNext link the pieces of a quotation that runs
	// over several paragraphs.
	contPrev, contNext bool
	// unclosed is set when no closing mark was found and the next
	// paragraph does not continue the quotation.
	unclosed bool
	fam      int
}

// end is the offset just past the quotation, marks included.
func (q *direct) end() int {
	if q.close >= 0 {
		return q.close + q.closeLen
	}
	return q.content.End
}

// paragraphs splits text at line breaks: clean text keeps one paragraph
// per line (usually with a blank line between).
func paragraphs(text string) []crosscheck.Span {
	var out []crosscheck.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, crosscheck.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// scanQuotes finds the quoted stretches of every paragraph.
//
// Pairing is done per paragraph, so a missing closing mark can never
// swallow more than its paragraph. A paragraph that leaves a quotation
// open continues it in the next paragraph only when that paragraph opens
// with a quotation mark (the news convention for quotes that run over
// several paragraphs); otherwise the quotation is capped at the end of
// its paragraph and flagged unclosed. Single curly marks quote only at
// the top level and only when they close inside the paragraph, since ’
// is also the apostrophe; straight single marks are never read as
// quotation marks.
func scanQuotes(text string, paras []crosscheck.Span) []*direct {
	var out []*direct
	var open *direct // the quotation the previous paragraph left open
	for pi, p := range paras {
		qs, o := scanPara(text, p, pi)
		if open != nil {
			if len(qs) > 0 && qs[0].open == firstNonSpace(text, p) {
				qs[0].contPrev = true
			} else {
				open.contNext, open.unclosed = false, true
			}
		}
		out = append(out, qs...)
		open = o
	}
	if open != nil {
		open.contNext, open.unclosed = false, true
	}
	return out
}

func firstNonSpace(text string, p crosscheck.Span) int {
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return -1
}

// scanPara pairs the marks of one paragraph. It returns the quotations
// and, when the paragraph ends inside one, that last quotation (also
// included in the list, with contNext set and its content running to
// the paragraph's end).
func scanPara(text string, p crosscheck.Span, pi int) ([]*direct, *direct) {
	var out []*direct
	var cur *direct
	start := func(i, n, fam int) {
		cur = &direct{open: i, openLen: n, close: -1, para: pi, fam: fam}
	}
	finish := func(i, n int) {
		cur.close, cur.closeLen = i, n
		cur.content = trimContent(text, cur.open+cur.openLen, i)
		if cur.content.Len() > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		prev, next := before(text, i, p.Start), after(text, i+n, p.End)
		switch r {
		case '“':
			switch {
			case cur == nil:
				start(i, n, famCurly)
			case cur.fam == famLow:
				finish(i, n)
			case cur.fam == famCurly && closesHere(prev, next):
				// “ … “ typed for ” … ”.
				finish(i, n)
			case cur.fam == famCurly:
				// A new quotation opens before the last one closed: the
				// last one ends here.
				cur.content = trimContent(text, cur.open+cur.openLen, i)
				cur.unclosed = true
				if cur.content.Len() > 0 {
					out = append(out, cur)
				}
				start(i, n, famCurly)
			}
		case '”':
			switch {
			case cur != nil && (cur.fam == famCurly || cur.fam == famLow):
				finish(i, n)
			case cur == nil && opensHere(prev, next):
				// ” … ” as typed by some systems.
				start(i, n, famCurly)
			}
		case '„':
			if cur == nil {
				start(i, n, famLow)
			}
		case '«':
			switch {
			case cur == nil:
				start(i, n, famGuill)
			case cur.fam == famGuillRev:
				finish(i, n)
			}
		case '»':
			switch {
			case cur != nil && cur.fam == famGuill:
				finish(i, n)
			case cur == nil && opensHere(prev, next):
				start(i, n, famGuillRev)
			}
		case '"':
			switch {
			case cur == nil:
				start(i, n, famStraight)
			case cur.fam == famStraight:
				finish(i, n)
			}
		case '‘':
			if cur == nil && opensHere(prev, next) {
				start(i, n, famSingle)
			}
		case '’':
			if cur != nil && cur.fam == famSingle && closesHere(prev, next) {
				finish(i, n)
			}
		}
		i += n
	}
	if cur == nil || cur.fam == famSingle {
		return out, nil
	}
	cur.content = trimContent(text, cur.open+cur.openLen, p.End)
	if cur.content.Len() == 0 {
		return out, nil
	}
	cur.contNext = true
	out = append(out, cur)
	return out, cur
}

// before and after return the runes next to a mark, or a space at the
// paragraph's edges.
func before(text string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func after(text string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

// opensHere: a mark after a space or an opening bracket and before a
// word opens a quotation.
func opensHere(prev, next rune) bool {
	return (unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == ':') &&
		!unicode.IsSpace(next)
}

// closesHere: a mark after a word or punctuation and before a space or
// punctuation closes one.
func closesHere(prev, next rune) bool {
	return !unicode.IsSpace(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

// trimContent drops the spaces around quoted words and the comma that
// hands over to the attribution (“…,” she said).
func trimContent(text string, lo, hi int) crosscheck.Span {
	for lo < hi {
		r, n := utf8.DecodeRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		hi -= n
	}
	return crosscheck.Span{Start: lo, End: hi}
}
