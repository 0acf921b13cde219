package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/outlet"
)

// maxHeaderLines bounds the header: a page whose first lines are all short
// labels is a list, not a header.
const maxHeaderLines = 15

// scanHeader finds where the body starts and which header line is the
// title. The header runs while lines are chrome, date lines, bylines,
// person names, outlet names, short labels, the title or repeats of
// earlier header lines; the first other line starts the body.
func (c *cleaner) scanHeader() {
	known := -1
	if c.opt.Title != "" {
		want := lexForm(c.opt.Title)
		for i, l := range c.lines {
			if i >= maxHeaderLines {
				break
			}
			if want != "" && titleMatches(l, want) {
				known = i
				break
			}
		}
	}
	i := 0
	for ; i < len(c.lines) && i < maxHeaderLines; i++ {
		l := c.lines[i]
		switch {
		case i == known:
			c.title, c.titleRule = i, "known-title"
		case l.chrome != "" || l.isDate:
		case c.title >= 0 && l.cmp == c.lines[c.title].cmp:
		case c.title < 0 && known < 0 && c.isTitleLine(i):
			c.title, c.titleRule = i, "first-line"
		case isMetaLineShape(l):
		case isPersonName(l.text) || isOutletLine(l) || isShortLabel(l.text):
		case c.repeatsEarlier(i):
		case c.isStandfirst(i):
		case c.title < 0 && c.headerAhead(i):
			c.preTitle++
			l.remove(crosscheck.RemovedChrome, "pre-title")
		default:
			c.bodyStart = i
			c.checkTitle()
			return
		}
	}
	// No body line within the header bound: the page is a list or a
	// fragment. Only the lines up to the title are header.
	c.bodyStart = c.title + 1
	c.checkTitle()
}

// headerAhead applies the rule "pre-title": a line before any title that
// is none of the header shapes is still page chrome (an unknown prompt or
// notice) when a clear header follows within four lines: a title-shaped
// line with a date line, a byline or a read time right after it. At most
// three such lines of at most 40 words are taken, so a page that opens
// with real paragraphs keeps them.
func (c *cleaner) headerAhead(i int) bool {
	if c.lines[i].words > 40 || c.preTitle >= 3 {
		return false
	}
	for t := i + 1; t < len(c.lines) && t <= i+4 && t < maxHeaderLines; t++ {
		lt := c.lines[t]
		if lt.words > 40 {
			return false
		}
		if !isTitleShape(lt) {
			continue
		}
		for k := t + 1; k < len(c.lines) && k <= t+3; k++ {
			lk := c.lines[k]
			if lk.isDate || lk.chrome == "read-time" || isMetaLineShape(lk) {
				return true
			}
		}
	}
	return false
}

// isStandfirst reports whether line i, after the title, is a standfirst
// printed above the date or byline: a line of at most 60 words that a
// date line or a byline follows within two lines. It stays in the text.
func (c *cleaner) isStandfirst(i int) bool {
	if c.title < 0 || i <= c.title || c.lines[i].words > 60 {
		return false
	}
	for j := i + 1; j < len(c.lines) && j <= i+2; j++ {
		n := c.lines[j]
		if n.isDate || isMetaLineShape(n) {
			return true
		}
	}
	return false
}

// checkTitle drops a first-line title that nothing follows: a text of
// one substantial line is body, not a headline.
func (c *cleaner) checkTitle() {
	if c.title >= 0 && c.titleRule == "first-line" && c.bodyStart >= len(c.lines) {
		c.bodyStart, c.title = c.title, -1
	}
}

// titleMatches reports whether l is the known title want (in lexForm),
// also when want carries a " | Site" or " - Site" suffix.
func titleMatches(l *line, want string) bool {
	if l.lex == "" {
		return false
	}
	if l.lex == want {
		return true
	}
	for _, sep := range []string{" | ", " - ", " :: ", " / "} {
		if strings.HasPrefix(want, l.lex+sep) {
			return true
		}
	}
	return false
}

// isTitleLine applies the rule "first-line": the title is the first
// substantial header line (3-25 words) that is not chrome, a label, a
// date or a byline, has no final period or colon, and starts with a
// capital, a digit or a quote. Two shapes defer to a later candidate
// within the next three lines: a three-word Title Case line (a section
// label such as "Middle East News") and a line that could be a person's
// name (a byline printed above the headline). A short Title Case headline
// ("Northern Pass Stays Closed") is still the title when no other
// candidate follows.
func (c *cleaner) isTitleLine(i int) bool {
	l := c.lines[i]
	if !isTitleShape(l) {
		return false
	}
	label := l.words == 3 && isShortLabel(l.text)
	name := isPersonName(l.text)
	if !label && !name {
		return true
	}
	for j := i + 1; j < len(c.lines) && j <= i+3; j++ {
		n := c.lines[j]
		if n.chrome != "" || n.isDate {
			continue
		}
		if isTitleShape(n) && n.words >= l.words && !isPersonName(n.text) {
			return false
		}
	}
	return true
}

// isTitleShape reports whether a line could be a headline.
func isTitleShape(l *line) bool {
	if l.words < 3 || l.words > 25 || len(l.text) > 300 || l.chrome != "" || l.isDate {
		return false
	}
	if strings.HasSuffix(l.text, ".") || strings.HasSuffix(l.text, ":") || strings.HasSuffix(l.text, "…") {
		return false
	}
	if _, ok := markerOf(l); ok {
		return false
	}
	if _, ok := parseMetaLine(l.text); ok || isOutletLine(l) {
		return false
	}
	r := firstRune(l.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘'«`, r)
}

// isOutletLine reports whether a short line is nothing but a known
// outlet's name ("Reuters", "Kelm Daily Voice").
func isOutletLine(l *line) bool {
	if l.words > 5 {
		return false
	}
	_, ok := outlet.Lookup(l.text)
	return ok
}

// repeatsEarlier reports whether line i repeats (whitespace- and
// case-normalised) an earlier line.
func (c *cleaner) repeatsEarlier(i int) bool {
	l := c.lines[i]
	if l.words < 3 {
		return false
	}
	for j := range i {
		if c.lines[j].cmp == l.cmp {
			return true
		}
	}
	return false
}

// classifyHeader decides every header line: the title stays (as the
// headline); chrome, section labels and repeats go; date, byline and
// outlet lines go into Metadata.
func (c *cleaner) classifyHeader() {
	for i := 0; i < c.bodyStart && i < len(c.lines); i++ {
		l := c.lines[i]
		switch {
		case i == c.title:
			l.headline = true
		case l.chrome != "":
			l.remove(crosscheck.RemovedChrome, l.chrome)
		case c.title >= 0 && i > c.title && l.cmp == c.lines[c.title].cmp:
			l.remove(crosscheck.RemovedRepeatedLead, "repeated-title")
		case l.isDate:
			c.ruleDateLine(l)
		case c.ruleSourceLine(l, true):
		case c.ruleMetaLine(l):
		case c.ruleBylineNearDate(i):
		case c.ruleOutletLine(l):
		case c.repeatsEarlier(i):
			l.remove(crosscheck.RemovedRepeatedLead, "repeated-line")
		case isShortLabel(l.text):
			l.remove(crosscheck.RemovedSection, "section-label")
		}
	}
	// The headline must open the text: if a header line before it was
	// kept, the page has no clear headline.
	if c.title >= 0 {
		for i := 0; i < c.title; i++ {
			if !c.lines[i].removed() {
				c.lines[c.title].headline = false
				c.title = -1
				break
			}
		}
	}
}

// ruleDateLine ("date-line") takes a header date line as the publication
// date. A date labelled "Updated" counts only when no other date is found.
func (c *cleaner) ruleDateLine(l *line) {
	l.remove(crosscheck.RemovedMetadata, "date-line")
	prio := prioByline
	if l.dateUp {
		prio = prioUpdated
	}
	c.published = append(c.published, finding{prio: prio, rule: "date-line", raw: l.text, date: l.date})
}

// byPrefix matches the "By" (or "Posted by", "Written by") that opens a
// byline.
var byPrefix = regexp.MustCompile(`^(?i:(?:posted|written|words|story|text|report|reported|reporting) by|by)\s+`)

// metaSep splits a header line into byline parts: "Jane Doe | Outlet",
// "By Jane Doe · 22 November 2022".
var metaSep = regexp.MustCompile(`\s*[|·•]\s*`)

// metaLine is what a byline-shaped header line says.
type metaLine struct {
	authors   []string
	outlet    string
	date      crosscheck.Date
	hasDate   bool
	dateUp    bool
	hasByWord bool
}

// parseMetaLine reads a byline: "By Jane Doe", "By Jane Doe and John
// Roe", "By Jane Doe, Northern Ledger", "Jane Doe | Northern Ledger",
// "By Jane Doe | 3 March 2023". Every "|"-separated part must be a "By"
// list, a person name, an outlet, a date or a read time.
func parseMetaLine(text string) (metaLine, bool) {
	var m metaLine
	if len(text) > 300 {
		return m, false
	}
	parts := metaSep.Split(strings.TrimSpace(text), -1)
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if loc := byPrefix.FindStringIndex(p); loc != nil {
			names, out := parseNames(p[loc[1]:])
			if len(names) == 0 && out == "" {
				return m, false
			}
			m.authors = append(m.authors, names...)
			if m.outlet == "" {
				m.outlet = out
			}
			m.hasByWord = true
			continue
		}
		if len(parts) == 1 {
			return m, false
		}
		if d, up, ok := parseDateLine(p); ok {
			if !m.hasDate {
				m.date, m.dateUp, m.hasDate = d, up, true
			}
			continue
		}
		if name, ok := outlet.Lookup(p); ok {
			if m.outlet == "" {
				m.outlet = name
			}
			continue
		}
		if looksLikeOutlet(p) {
			if m.outlet == "" {
				m.outlet = p
			}
			continue
		}
		if isPersonName(p) {
			m.authors = append(m.authors, p)
			continue
		}
		if chromeName(newLine(0, len(p), p)) == "read-time" {
			continue
		}
		return m, false
	}
	return m, len(m.authors) > 0 || (m.hasByWord && m.outlet != "")
}

// isMetaLineShape reports whether a line is a byline (see parseMetaLine).
func isMetaLineShape(l *line) bool {
	_, ok := parseMetaLine(l.text)
	return ok
}

// nameListSep splits a list of names.
var nameListSep = regexp.MustCompile(`\s*(?:,|;|\s&\s|\sand\s)\s*`)

// nameSuffix cuts what follows a name in a byline: "in Kelm", "for the
// Northern Ledger", "at Kelm Daily Voice".
var nameSuffix = regexp.MustCompile(`\s+(?:in|from|for|at|with)\s+.*$`)

// parseNames reads the names of a "By" list; an outlet named in it
// ("By Jane Doe, Reuters", "By Reuters") is returned too. Pieces that are
// neither ("Kelm correspondent", "Staff") are ignored.
func parseNames(s string) (names []string, outletName string) {
	for _, piece := range nameListSep.Split(strings.TrimSpace(s), -1) {
		piece = strings.TrimSpace(strings.TrimRight(piece, ".:"))
		if piece == "" {
			continue
		}
		if name, ok := outlet.Lookup(piece); ok {
			if outletName == "" {
				outletName = name
			}
			continue
		}
		cut := nameSuffix.ReplaceAllString(piece, "")
		if isPersonName(cut) {
			names = append(names, cut)
			if cut != piece {
				rest := strings.TrimSpace(piece[len(cut):])
				_, after, _ := strings.Cut(rest, " ")
				if name, ok := outlet.Lookup(after); ok && outletName == "" {
					outletName = name
				}
			}
			continue
		}
		if looksLikeOutlet(piece) && outletName == "" {
			outletName = piece
		}
	}
	return names, outletName
}

// ruleMetaLine ("byline") takes authors, and an outlet or date when the
// line names them, from a byline.
func (c *cleaner) ruleMetaLine(l *line) bool {
	m, ok := parseMetaLine(l.text)
	if !ok {
		return false
	}
	l.remove(crosscheck.RemovedMetadata, "byline")
	if len(m.authors) > 0 {
		c.authors = append(c.authors, finding{prio: prioByline, rule: "byline", raw: l.text, authors: m.authors})
	}
	if m.outlet != "" {
		c.outlets = append(c.outlets, finding{prio: prioOutletLine, rule: "byline", raw: l.text, outlet: m.outlet})
	}
	if m.hasDate {
		prio := prioNearDate
		if m.dateUp {
			prio = prioUpdated
		}
		c.published = append(c.published, finding{prio: prio, rule: "date-line", raw: l.text, date: m.date})
	}
	return true
}

// ruleBylineNearDate ("byline-near-date", "byline-near-title") takes a
// bare line of 2-4 capitalised name words as the author when it sits
// directly next to the date line or the read-time line, or directly
// under the title. A name-shaped line above the title is more often a
// kicker or section ("Spy Files") and is left to the section rule.
func (c *cleaner) ruleBylineNearDate(i int) bool {
	l := c.lines[i]
	if !isPersonName(l.text) || isOutletLine(l) || looksLikeOutlet(l.text) {
		return false
	}
	near := func(j int) bool {
		if j < 0 || j >= c.bodyStart {
			return false
		}
		n := c.lines[j]
		return n.isDate || n.chrome == "read-time" || n.chrome == "relative-time"
	}
	rule := ""
	switch {
	case near(i-1) || near(i+1):
		rule = "byline-near-date"
	case c.title >= 0 && c.followsTitle(i):
		rule = "byline-near-title"
	default:
		return false
	}
	l.remove(crosscheck.RemovedMetadata, rule)
	c.authors = append(c.authors, finding{prio: prioNearDate, rule: rule, raw: l.text, authors: []string{l.text}})
	return true
}

// followsTitle reports whether line i comes right after the title, or
// after the title and its repeated copy.
func (c *cleaner) followsTitle(i int) bool {
	if i == c.title+1 {
		return true
	}
	return i == c.title+2 && c.lines[c.title+1].cmp == c.lines[c.title].cmp
}

// ruleOutletLine ("outlet-line") takes a header line that is only a known
// outlet's name as the outlet.
func (c *cleaner) ruleOutletLine(l *line) bool {
	if !isOutletLine(l) {
		return false
	}
	name, _ := outlet.Lookup(l.text)
	l.remove(crosscheck.RemovedMetadata, "outlet-line")
	c.outlets = append(c.outlets, finding{prio: prioOutletLine, rule: "outlet-line", raw: l.text, outlet: name})
	return true
}

// sourceLine matches "Source » outlet", "Source: outlet", "Via outlet",
// "Originally published by outlet".
var sourceLine = regexp.MustCompile(`(?i)^(?:sources?|via|originally published (?:by|in|at|on)|first published (?:by|in|at|on)|this (?:article|story) (?:was )?(?:first |originally )?(?:published|appeared) (?:by|in|at|on))\s*(?:[:»>›|/\-–—]+\s*|\s)(.+?)[.]?$`)

// parseSourceLine returns the outlet a source line names. With strict
// set the outlet must be known to package outlet; otherwise a domain-like
// or capitalised brand name is accepted as written.
func parseSourceLine(text string, strict bool) (name string, ok bool) {
	if len(text) > 200 {
		return "", false
	}
	m := sourceLine.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	v := strings.TrimSpace(m[1])
	if v == "" || len(strings.Fields(v)) > 6 {
		return "", false
	}
	if n, ok := outlet.Lookup(v); ok {
		return n, true
	}
	if strict {
		return "", false
	}
	if isDomainToken(v) || looksLikeOutlet(v) {
		return v, true
	}
	if len(strings.Fields(v)) == 1 && unicode.IsUpper(firstRune(v)) && !hasDigit(v) {
		return v, true
	}
	return "", false
}

// ruleSourceLine ("source-line") takes the outlet from a "Source »
// outlet" or "Source: outlet" line. Inside the body only a known outlet
// counts (strict), so a chart's "Source: Ministry of Energy" stays.
func (c *cleaner) ruleSourceLine(l *line, lenient bool) bool {
	name, ok := parseSourceLine(l.text, !lenient)
	if !ok {
		return false
	}
	l.remove(crosscheck.RemovedMetadata, "source-line")
	c.outlets = append(c.outlets, finding{prio: prioSource, rule: "source-line", raw: l.text, outlet: name})
	return true
}
