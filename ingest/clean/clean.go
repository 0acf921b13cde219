// Package clean turns scraped article text (or the text an HTML extractor
// produced) into clean article text plus the metadata the page chrome
// carried: it removes user-interface strings, section labels, repeated
// leads and trailing teasers, moves title, date, byline and source lines
// into Metadata, and marks embedded agency copy.
//
// Every decision is made by a small named rule; the rule's name is the
// Reason of each Removed piece and, prefixed with "text:", the Rules entry
// of each Metadata field, so a user can see why a line went and how a
// field was found. Removed spans point into the input; Headline and Blocks
// point into the clean text. The cleaner only deletes whole lines and
// trims their ends: the clean text's paragraphs are the kept lines,
// byte for byte.
//
// The page is read in three regions:
//
//	header  the lines before the body starts: chrome, section labels, the
//	        title, date and byline lines, a standfirst.
//	body    from the first line that is neither of those to the last real
//	        paragraph, then an "end zone" of short lines (signature,
//	        source line, promo boxes).
//	tail    from a marker such as "Top stories", "Related" or "comments",
//	        or from a teaser card (title / date / author / read time), to
//	        the end: other articles, never this one's text or metadata.
package clean

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Options carries what the caller knows about the page from elsewhere.
type Options struct {
	// Title known from elsewhere (HTML metadata, feed item); a leading
	// line equal to it is removed as metadata.
	//
	// More precisely: a header line equal to it (ignoring case, quotes and
	// trailing punctuation, or equal to it without a " | Site" suffix)
	// becomes the headline with rule "text:known-title". Like any headline
	// it stays in Text as the first paragraph and is recorded in Headline
	// and Meta.Title.
	Title string
	// Published known from elsewhere; used to give a year to year-less
	// block datelines ("Nov 2"): the latest year that does not put the date
	// after Published. When it is unknown the date the cleaner found in
	// the text is used; when neither is known such a date keeps
	// PrecisionUnknown and only the Dateline string.
	Published crosscheck.Date
}

// Result is the cleaned article.
type Result struct {
	// Text is the clean text: the headline (if found) as first paragraph,
	// then body paragraphs, joined by "\n\n", with no leading or trailing
	// whitespace.
	Text string
	// Headline is the span of the headline in Text (zero if none).
	Headline crosscheck.Span
	// Meta holds the fields found in the text (Title, Authors, Outlet,
	// Published), each with Meta.Rules[field] = "text:<rule-name>" and
	// Meta.Raw[field] = the line as written.
	Meta crosscheck.Metadata
	// Removed lists every removed line: Label (crosscheck.Removed*
	// constants), Reason (the rule name), Span into the input and Text.
	// Whitespace between lines is not listed.
	Removed []crosscheck.Removed
	// Blocks marks embedded copy from another source (spans into Text).
	Blocks []crosscheck.Block
}

// Clean cleans src, which must use "\n" line endings. It never panics and
// is deterministic.
func Clean(src string, opt Options) Result {
	c := &cleaner{src: src, opt: opt, lines: splitLines(src), title: -1}
	c.run()
	return c.result()
}

// cleaner holds the lines and the findings of one Clean call.
type cleaner struct {
	src   string
	opt   Options
	lines []*line

	title     int    // index of the headline line, or -1
	titleRule string // "known-title" or "first-line"
	bodyStart int    // first line of the body
	tailStart int    // first line of the tail (len(lines) if none)
	tailKind  string // "marker" or "card"
	lastPara  int    // last real paragraph of the body, or -1
	preTitle  int    // lines removed by the pre-title rule

	published []finding
	authors   []finding
	outlets   []finding
}

// finding is a metadata value found by a rule. Lower prio wins.
type finding struct {
	prio    int
	rule    string
	raw     string
	date    crosscheck.Date
	authors []string
	outlet  string
}

// Rule priorities: an explicit statement beats an inference.
const (
	prioSource = iota
	prioByline
	prioNearDate
	prioSignature
	prioDateline
	prioOutletLine
	prioCredit
	prioUpdated
	prioChrome
)

func (c *cleaner) run() {
	for _, l := range c.lines {
		l.chrome = chromeName(l)
		if l.words <= 16 {
			l.date, l.dateUp, l.isDate = parseDateLine(l.text)
		}
	}
	c.scanHeader()
	c.findTail()
	c.findLastParagraph()
	c.classifyHeader()
	c.classifyBody()
	c.classifyEndZone()
	c.classifyTail()
	c.removeRepeats()
	c.removeLeadInBody()
	c.findDatelinePrefix()
	c.findOutletInChrome()
}

// result assembles the clean text, spans and metadata.
func (c *cleaner) result() Result {
	var r Result
	var b strings.Builder
	textStart := make([]int, len(c.lines))
	first := true
	for i, l := range c.lines {
		textStart[i] = -1
		if l.removed() {
			r.Removed = append(r.Removed, crosscheck.Removed{
				Label:  l.label,
				Reason: l.reason,
				Span:   crosscheck.Span{Start: l.start, End: l.end},
				Text:   l.text,
			})
			continue
		}
		if !first {
			b.WriteString("\n\n")
		}
		first = false
		textStart[i] = b.Len()
		b.WriteString(l.text)
	}
	r.Text = b.String()

	if c.title >= 0 && textStart[c.title] == 0 {
		t := c.lines[c.title]
		r.Headline = crosscheck.Span{Start: 0, End: len(t.text)}
		r.Meta.Title = t.text
		c.setRule(&r.Meta, "title", c.titleRule, t.text)
	}
	if f, ok := best(c.published); ok {
		r.Meta.Published = f.date
		c.setRule(&r.Meta, "published", f.rule, f.raw)
	}
	if f, ok := best(c.authors); ok {
		r.Meta.Authors = f.authors
		c.setRule(&r.Meta, "authors", f.rule, f.raw)
	}
	if f, ok := best(c.outlets); ok {
		r.Meta.Outlet = f.outlet
		c.setRule(&r.Meta, "outlet", f.rule, f.raw)
	}
	r.Blocks = c.agencyBlocks(textStart, r.Meta.Published)
	return r
}

func (c *cleaner) setRule(m *crosscheck.Metadata, field, rule, raw string) {
	m.SetRule(field, "text:"+rule)
	if m.Raw == nil {
		m.Raw = map[string]string{}
	}
	m.Raw[field] = raw
}

// best returns the finding with the lowest prio, the earliest on ties.
func best(fs []finding) (finding, bool) {
	if len(fs) == 0 {
		return finding{}, false
	}
	b := fs[0]
	for _, f := range fs[1:] {
		if f.prio < b.prio {
			b = f
		}
	}
	return b, true
}

// isParagraph reports whether a line reads as a real paragraph of prose:
// it ends like a sentence and is not chrome, a date or a tail marker.
func isParagraph(l *line, minWords int) bool {
	if l.chrome != "" || l.isDate || l.words < minWords || !terminated(l.text) {
		return false
	}
	_, isMarker := markerOf(l)
	return !isMarker
}

// firstParagraph returns the first line at or after from that is a real
// paragraph of at least eight words, or len(lines).
func (c *cleaner) firstParagraph(from int) int {
	for i := max(from, 0); i < len(c.lines); i++ {
		if isParagraph(c.lines[i], 8) {
			return i
		}
	}
	return len(c.lines)
}
