package clean

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/outlet"
)

// findTail finds where the list of other articles starts: at the first
// tail marker after some body text (rule "tail-marker"), or earlier at the
// first teaser card (rule "teaser-card"). A weak marker counts only when
// what follows is under half as long as the body before it; a strong one
// unless what follows is longer than the body and holds a paragraph of
// 60 words or more.
func (c *cleaner) findTail() {
	n := len(c.lines)
	c.tailStart = n
	firstPara := c.firstParagraph(c.bodyStart)
	wordsAfter := make([]int, n+1) // words in lines[i:]
	longAfter := make([]bool, n+1) // a line of lines[i:] is longer than a teaser
	for i := n - 1; i >= 0; i-- {
		wordsAfter[i] = wordsAfter[i+1] + c.lines[i].words
		longAfter[i] = longAfter[i+1] || c.lines[i].words >= 60
	}
	wordsBefore := 0
	for i := c.bodyStart; i < n; i++ {
		l := c.lines[i]
		if m, ok := markerOf(l); ok && firstPara < i {
			// A strong marker is trusted unless more and longer text
			// follows it than precedes it: then it is a subheading.
			strongOK := m.strong && !(wordsAfter[i+1] >= wordsBefore && longAfter[i+1])
			if strongOK || 2*wordsAfter[i+1] < wordsBefore {
				c.tailStart, c.tailKind = i, "marker"
				break
			}
		}
		if l.chrome == "" {
			wordsBefore += l.words
		}
	}
	if card := c.findCard(c.bodyStart, c.tailStart, firstPara); card >= 0 {
		c.tailStart, c.tailKind = card, "card"
	}
}

// findCard finds a teaser card after the body: an anchor (a date line, a
// year-less date or a read-time line) after body text, together with the
// teaser's title (a short unterminated line) and a section label or author
// before that, where nothing from the card to the end is longer than a
// teaser.
// It returns the card's first line, or -1. A date right after an outlet's
// name is an agency dateline, not a card.
func (c *cleaner) findCard(from, to, firstPara int) int {
	lastLong := -1 // the last line in [from, to) longer than a teaser
	for k := to - 1; k >= from; k-- {
		if c.lines[k].words > 40 {
			lastLong = k
			break
		}
	}
	for d := max(from, firstPara+1); d < to; d++ {
		l := c.lines[d]
		if !(l.isDate || l.chrome == "read-time") {
			if _, _, yearless := parseMonthDay(l.text); !yearless {
				continue
			}
		}
		if d <= lastLong {
			continue
		}
		if d > 0 && isOutletLine(c.lines[d-1]) {
			continue
		}
		start := d
		if k := d - 1; k >= from && isCardLine(c.lines[k], 25) {
			start = k
			if k--; k >= from && isCardLine(c.lines[k], 3) && (isShortLabel(c.lines[k].text) || isPersonName(c.lines[k].text)) {
				start = k
			}
		}
		if start > lastLong && start > firstPara {
			return start
		}
	}
	return -1
}

// isCardLine reports whether a line can be part of a teaser card: short,
// unterminated and still undecided.
func isCardLine(l *line, maxWords int) bool {
	return l.words <= maxWords && !terminated(l.text) && !l.removed()
}

// findLastParagraph finds the body's last real paragraph: the last line
// before the tail that ends like a sentence and is not a date, chrome, a
// source line or a credit line.
func (c *cleaner) findLastParagraph() {
	c.lastPara = -1
	for i := c.tailStart - 1; i >= c.bodyStart; i-- {
		l := c.lines[i]
		if !isParagraph(l, 3) {
			continue
		}
		if _, ok := parseSourceLine(l.text, false); ok {
			continue
		}
		if _, ok := parseCreditLine(l.text); ok {
			continue
		}
		c.lastPara = i
		return
	}
}

// classifyEndZone decides the short lines between the last real paragraph
// and the tail: source lines, credit lines and a signature go into
// Metadata; chrome and other short unterminated lines ("visit our
// accountability section") are promo boxes (rule "end-promo"). A long
// line is kept: it may be an unpunctuated last paragraph; so are the
// items of a list that the last paragraph introduces with a colon.
func (c *cleaner) classifyEndZone() {
	if c.lastPara < 0 {
		return
	}
	// A paragraph ending in a colon introduces a list: its short lines are
	// body, not promo.
	listIntro := strings.HasSuffix(c.lines[c.lastPara].text, ":")
	signed := false
	for i := c.lastPara + 1; i < c.tailStart; i++ {
		l := c.lines[i]
		switch {
		case l.removed():
		case c.ruleSourceLine(l, true):
		case c.ruleCreditLine(l):
		case !signed && c.ruleSignature(l, i == c.lastPara+1):
			signed = true
		case l.chrome != "":
			l.remove(crosscheck.RemovedChrome, l.chrome)
		case l.words <= 30 && !listIntro:
			l.remove(crosscheck.RemovedChrome, "end-promo")
		}
	}
}

// classifyTail removes the tail: marker lines and UI strings as chrome, a
// source line as metadata, a label introducing a teaser as a section, and
// everything else as teaser. Nothing in the tail gives this article a
// date or an author.
func (c *cleaner) classifyTail() {
	reason := "after-tail-marker"
	if c.tailKind == "card" {
		reason = "teaser-card"
	}
	for i := c.tailStart; i < len(c.lines); i++ {
		l := c.lines[i]
		if _, ok := markerOf(l); ok {
			l.remove(crosscheck.RemovedChrome, "tail-marker")
			continue
		}
		switch {
		case c.ruleSourceLine(l, true):
		case l.chrome != "":
			l.remove(crosscheck.RemovedChrome, l.chrome)
		case isShortLabel(l.text) && !isPersonName(l.text) && i+1 < len(c.lines) && c.lines[i+1].words >= 4:
			l.remove(crosscheck.RemovedSection, "section-label")
		default:
			l.remove(crosscheck.RemovedTeaser, reason)
		}
	}
}

// signatureSep splits "Jane Doe / Outlet", "Jane Doe | Outlet", "Jane Doe,
// Outlet" and "Jane Doe - Outlet".
var signatureSep = regexp.MustCompile(`\s*(?:/|\||,|\s-\s|\s–\s|\s—\s)\s*`)

// parseSignature reads a sign-off after the body: a person's name and an
// outlet, known or looking like one ("Jane Doe / Northern Ledger").
func parseSignature(text string) (author, outletName string, ok bool) {
	text = strings.TrimSpace(strings.TrimLeft(text, "—–-― "))
	if len(text) > 120 || strings.HasSuffix(text, ".") {
		return "", "", false
	}
	loc := signatureSep.FindStringIndex(text)
	if loc == nil {
		return "", "", false
	}
	left, right := strings.TrimSpace(text[:loc[0]]), strings.TrimSpace(text[loc[1]:])
	if !isPersonName(left) {
		return "", "", false
	}
	if name, ok := outlet.Lookup(right); ok {
		return left, name, true
	}
	if looksLikeOutlet(right) {
		return left, right, true
	}
	return "", "", false
}

// ruleSignature ("signature") takes the author, and the outlet, from a
// sign-off line after the body. A bare person's name directly after the
// last paragraph counts as a signature too.
func (c *cleaner) ruleSignature(l *line, first bool) bool {
	author, out, ok := parseSignature(l.text)
	if !ok {
		if !first || !isPersonName(l.text) || isOutletLine(l) || looksLikeOutlet(l.text) {
			return false
		}
		author = l.text
	}
	l.remove(crosscheck.RemovedMetadata, "signature")
	c.authors = append(c.authors, finding{prio: prioSignature, rule: "signature", raw: l.text, authors: []string{author}})
	if out != "" {
		c.outlets = append(c.outlets, finding{prio: prioSignature, rule: "signature", raw: l.text, outlet: out})
	}
	return true
}

// creditLine matches agency credit lines: "(Reporting by Jane Doe in
// Kelm; Editing by John Roe)".
var creditLine = regexp.MustCompile(`(?i)^\(?\s*(?:additional )?(?:reporting|writing|written|reported) by\s+([^;)]+)`)

// parseCreditLine returns the reporters a credit line names.
func parseCreditLine(text string) ([]string, bool) {
	if len(text) > 300 {
		return nil, false
	}
	m := creditLine.FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	names, _ := parseNames(m[1])
	return names, len(names) > 0
}

// ruleCreditLine ("credit-line") takes the reporters of an agency credit
// line after the body as authors.
func (c *cleaner) ruleCreditLine(l *line) bool {
	names, ok := parseCreditLine(l.text)
	if !ok {
		return false
	}
	l.remove(crosscheck.RemovedMetadata, "credit-line")
	c.authors = append(c.authors, finding{prio: prioCredit, rule: "credit-line", raw: l.text, authors: names})
	return true
}
