package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/outlet"
)

// classifyBody removes chrome inside the body, marker lines that did not
// start the tail ("Related" in the middle of an article) and source lines
// naming a known outlet. Everything else in the body stays.
func (c *cleaner) classifyBody() {
	end := c.tailStart
	if c.lastPara >= 0 {
		end = c.lastPara + 1
	}
	for i := c.bodyStart; i < end; i++ {
		l := c.lines[i]
		if l.chrome != "" {
			l.remove(crosscheck.RemovedChrome, l.chrome)
			continue
		}
		if _, ok := markerOf(l); ok {
			l.remove(crosscheck.RemovedChrome, "in-body-marker")
			continue
		}
		c.ruleSourceLine(l, false)
	}
}

// removeRepeats ("repeated-line") removes a body line that repeats the
// line right before it: scrapers duplicate standfirsts and captions.
func (c *cleaner) removeRepeats() {
	for i := max(c.bodyStart, 1); i < len(c.lines); i++ {
		l, prev := c.lines[i], c.lines[i-1]
		if l.removed() || prev.removed() || prev.headline || l.words < 3 {
			continue
		}
		if l.cmp == prev.cmp {
			l.remove(crosscheck.RemovedRepeatedLead, "repeated-line")
		}
	}
}

// leadZone is how many kept lines at the top of the body can be a
// repeated standfirst.
const leadZone = 6

// removeLeadInBody ("lead-in-body") removes the standfirst copies at the
// top of the page whose text a later paragraph holds in full: pages print
// the lead as separate lines ("A did B" / "C did D") and again as the first
// paragraph ("A did B. C did D. More."). Only lines of eight words or more
// are compared, so short common phrases never match. A lead-zone line that
// repeats an earlier lead-zone line is removed too.
func (c *cleaner) removeLeadInBody() {
	var zone []int
	for i, l := range c.lines {
		if i >= c.tailStart || len(zone) == leadZone {
			break
		}
		if !l.removed() && !l.headline {
			zone = append(zone, i)
		}
	}
	for zi, i := range zone {
		l := c.lines[i]
		if l.words < 8 {
			continue
		}
		for _, j := range zone[:zi] {
			if !c.lines[j].removed() && c.lines[j].cmp == l.cmp {
				l.remove(crosscheck.RemovedRepeatedLead, "repeated-line")
				break
			}
		}
		if l.removed() {
			continue
		}
		for j := i + 1; j < c.tailStart; j++ {
			o := c.lines[j]
			if o.removed() || len(o.cmp) <= len(l.cmp) {
				continue
			}
			if strings.Contains(o.cmp, l.cmp) {
				l.remove(crosscheck.RemovedRepeatedLead, "lead-in-body")
				break
			}
		}
	}
}

// datelineDash finds the dash that ends a dateline prefix.
var datelineDash = regexp.MustCompile(` (?:-|–|—|--|―) `)

// parseDatelinePrefix reads an outlet from the dateline that opens a
// paragraph: "PanDaily.Net - Officials said…" or "KELM, March 3 (Regional
// Wire) - …". A parenthesised name at the end of the prefix is the agency;
// otherwise the whole prefix must be a known outlet, a domain-like token or
// a capitalised brand name of at most five words. A bare place dateline
// ("KELM -") names no outlet.
func parseDatelinePrefix(text string) (name, raw string, ok bool) {
	loc := datelineDash.FindStringIndex(text)
	if loc == nil || loc[0] > 80 || loc[0] == 0 {
		return "", "", false
	}
	prefix := strings.TrimSpace(text[:loc[0]])
	rest := strings.TrimSpace(text[loc[1]:])
	r := firstRune(rest)
	if rest == "" || !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘'«`, r)) {
		return "", "", false
	}
	if len(strings.Fields(prefix)) > 8 {
		return "", "", false
	}
	if strings.HasSuffix(prefix, ")") {
		if open := strings.LastIndex(prefix, "("); open >= 0 {
			inner := strings.TrimSpace(prefix[open+1 : len(prefix)-1])
			if n, ok := outlet.Lookup(inner); ok {
				return n, prefix, true
			}
			if isDomainToken(inner) || looksLikeOutlet(inner) || isCapitalised(inner, 5) {
				return inner, prefix, true
			}
			return "", "", false
		}
	}
	if strings.ContainsAny(prefix, ",;:()") {
		return "", "", false
	}
	if n, ok := outlet.Lookup(prefix); ok {
		return n, prefix, true
	}
	if isDomainToken(prefix) || looksLikeOutlet(prefix) {
		return prefix, prefix, true
	}
	return "", "", false
}

// isCapitalised reports whether s is 1..maxWords words that each start with
// a capital letter.
func isCapitalised(s string, maxWords int) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > maxWords {
		return false
	}
	for _, w := range ws {
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return true
}

// findDatelinePrefix ("dateline-prefix") records the outlet named by the
// dateline prefix of the first body paragraph. The prefix stays in the
// text: it is part of the paragraph.
func (c *cleaner) findDatelinePrefix() {
	for i := c.bodyStart; i < c.tailStart; i++ {
		l := c.lines[i]
		if l.removed() || l.headline {
			continue
		}
		if name, raw, ok := parseDatelinePrefix(l.text); ok {
			c.outlets = append(c.outlets, finding{prio: prioDateline, rule: "dateline-prefix", raw: raw, outlet: name})
		}
		return
	}
}

// findOutletInChrome ("outlet-in-chrome") names the outlet from its brand
// in removed page chrome ("Switch to Iranwire Light?"), when nothing else
// named it. Chrome lines are read before teaser lines, which may name
// other outlets.
func (c *cleaner) findOutletInChrome() {
	if len(c.outlets) > 0 {
		return
	}
	for _, labels := range [][]string{
		{crosscheck.RemovedChrome},
		{crosscheck.RemovedSection, crosscheck.RemovedTeaser},
	} {
		for _, l := range c.lines {
			if !containsString(labels, l.label) {
				continue
			}
			if names := outlet.Mentions(l.text); len(names) > 0 {
				c.outlets = append(c.outlets, finding{prio: prioChrome, rule: "outlet-in-chrome", raw: l.text, outlet: names[0]})
				return
			}
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// agencyBlocks finds embedded agency copy: a kept body line that is only
// a known outlet's name ("Bloomberg"), followed (at most one blank line
// apart) by a short date line ("Nov 2", "March 3, 2023"). The block runs
// from the outlet line to the end of the body, or to the next block. Both
// lines stay in the text: they are what the page printed, and they show
// the reader where the outlet's own text ends. A year-less dateline takes
// its year from Options.Published, else from the date found in the text.
func (c *cleaner) agencyBlocks(textStart []int, found crosscheck.Date) []crosscheck.Block {
	ref := c.opt.Published
	if !ref.Known() {
		ref = found
	}
	type start struct {
		line  int
		block crosscheck.Block
	}
	var starts []start
	for i := c.bodyStart; i+1 < c.tailStart; i++ {
		l, d := c.lines[i], c.lines[i+1]
		if l.removed() || d.removed() || l.headline || !isOutletLine(l) || d.words > 6 {
			continue
		}
		if strings.Count(c.src[l.end:d.start], "\n") > 2 {
			continue
		}
		b := crosscheck.Block{Kind: "agency", Dateline: d.text}
		b.Source, _ = outlet.Lookup(l.text)
		if d.isDate {
			b.Date = d.date
		} else if m, day, ok := parseMonthDay(d.text); ok {
			b.Date = resolveYear(m, day, ref)
		} else {
			continue
		}
		starts = append(starts, start{line: i, block: b})
	}
	// endBefore[j] is the end in Text of the last kept line before line j.
	endBefore := make([]int, len(c.lines)+1)
	for j := range c.lines {
		endBefore[j+1] = endBefore[j]
		if textStart[j] >= 0 {
			endBefore[j+1] = textStart[j] + len(c.lines[j].text)
		}
	}
	var blocks []crosscheck.Block
	for k, s := range starts {
		stop := c.tailStart
		if k+1 < len(starts) {
			stop = starts[k+1].line
		}
		b := s.block
		b.Span = crosscheck.Span{Start: textStart[s.line], End: endBefore[stop]}
		blocks = append(blocks, b)
	}
	return blocks
}
