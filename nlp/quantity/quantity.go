package quantity

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Version names this code in Annotations.Extractor.
const Version = "quantity/1"

// Options tune Find.
type Options struct {
	// Exclude are spans already taken by time expressions ("two years
	// ago", "2022", "November 14"); numbers inside them are not
	// quantities.
	Exclude []crosscheck.Span
}

// Find returns the quantities in text, ordered by span. sents carry
// tokens already tagged and parsed (UPOS/XPOS/Lemma/Head/Rel). It never
// panics: tokens whose spans lie outside text are ignored and broken
// heads fall back to the words that follow.
func Find(text string, sents []crosscheck.Sentence, opt Options) []crosscheck.Quantity {
	var out []crosscheck.Quantity
	sc := scanner{text: text, excl: mergeSpans(opt.Exclude)}
	for si := range sents {
		sc.sentence(&sents[si])
		out = sc.emit(out)
	}
	if !slices.IsSortedFunc(out, cmpQuantity) {
		slices.SortStableFunc(out, cmpQuantity)
	}
	return out
}

func cmpQuantity(a, b crosscheck.Quantity) int {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start - b.Span.Start
	}
	return a.Span.End - b.Span.End
}

// scanner holds one sentence's view of the text; its buffers are reused
// from sentence to sentence.
type scanner struct {
	text string
	excl []crosscheck.Span

	sent *crosscheck.Sentence
	toks []crosscheck.Token
	low  []string
	free []bool
	n    int
	// freeEnd[i] is the end of the run of free tokens that holds i.
	freeEnd []int
	found   []cand
}

// cand is a quantity found over tokens [start, end).
type cand struct {
	start, end int
	// anchor is the token the head noun depends on (the number, the
	// vague noun or the unit).
	anchor    int
	kind      string
	value     float64
	low, high float64
	hasLow    bool
	hasHigh   bool
	exact     bool
	vague     bool
	approx    bool
	unit      string
	head      [2]int // token range of the head, or {-1,-1}
}

func (sc *scanner) sentence(s *crosscheck.Sentence) {
	sc.sent = s
	sc.toks = s.Tokens
	sc.n = len(s.Tokens)
	sc.found = sc.found[:0]
	sc.low = sc.low[:0]
	sc.free = sc.free[:0]
	sc.freeEnd = sc.freeEnd[:0]
	for _, t := range s.Tokens {
		sc.low = append(sc.low, strings.ToLower(t.Text))
		ok := t.Span.Valid(len(sc.text)) && t.Span.Len() > 0 && !sc.excluded(t.Span)
		sc.free = append(sc.free, ok)
	}
	sc.freeEnd = slices.Grow(sc.freeEnd, sc.n)[:sc.n]
	end := sc.n
	for i := sc.n - 1; i >= 0; i-- {
		if !sc.free[i] {
			end = i
		}
		sc.freeEnd[i] = end
	}
	for i := 0; i < sc.n; {
		if !sc.free[i] || !mayStart(sc.low[i]) {
			i++
			continue
		}
		i = sc.at(i)
	}
}

// excluded reports whether sp overlaps an excluded span.
func (sc *scanner) excluded(sp crosscheck.Span) bool {
	if len(sc.excl) == 0 {
		return false
	}
	// excl is sorted and merged: only the last span that starts before
	// sp ends can overlap it.
	k, _ := slices.BinarySearchFunc(sc.excl, sp.End, func(e crosscheck.Span, end int) int {
		if e.Start < end {
			return -1
		}
		return 1
	})
	return k > 0 && sc.excl[k-1].End > sp.Start
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans []crosscheck.Span) []crosscheck.Span {
	out := make([]crosscheck.Span, 0, len(spans))
	for _, s := range spans {
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b crosscheck.Span) int { return a.Start - b.Start })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// mayStart is a cheap filter for tokens that can begin a quantity: one
// map look-up for words, a byte test for digits.
func mayStart(low string) bool {
	if low == "" {
		return false
	}
	if isDigitWord(low) {
		return true
	}
	return starters[low]
}

// starters are the lower-case words that can begin a quantity, and
// modFirst and vagueFirst the first words of modifiers and vague
// quantities.
var starters, modFirst, vagueFirst = func() (map[string]bool, map[string]bool, map[string]bool) {
	st, m, v := map[string]bool{"a": true, "an": true, "half": true}, map[string]bool{}, map[string]bool{}
	for k := range modifiers {
		f, _, _ := strings.Cut(k, " ")
		m[f], st[f] = true, true
	}
	for k := range vagueWords {
		f, _, _ := strings.Cut(k, " ")
		v[f], st[f] = true, true
	}
	for k := range vaguePlural {
		v[k], st[k] = true, true
	}
	for _, words := range []map[string]float64{unitWords, teenWords, tensWords, ordinalWords} {
		for k := range words {
			st[k] = true
		}
	}
	for _, words := range []map[string]string{currencySymbols, dollarPrefixes} {
		for k := range words {
			st[strings.ToLower(k)] = true
		}
	}
	for k := range currencyCodes {
		st[strings.ToLower(k)] = true
	}
	return st, m, v
}()

// ok reports whether token i exists and is free.
func (sc *scanner) ok(i int) bool { return i >= 0 && i < sc.n && sc.free[i] }

// lw returns the lower-case text of token i, or "" when it is not free.
func (sc *scanner) lw(i int) string {
	if !sc.ok(i) {
		return ""
	}
	return sc.low[i]
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (sc *scanner) adjacent(i int) bool {
	return sc.ok(i) && sc.ok(i+1) && sc.toks[i].Span.End == sc.toks[i+1].Span.Start
}

func (sc *scanner) upos(i int) string {
	if i < 0 || i >= sc.n {
		return ""
	}
	return sc.toks[i].UPOS
}

func (sc *scanner) xpos(i int) string {
	if i < 0 || i >= sc.n {
		return ""
	}
	return sc.toks[i].XPOS
}

// at tries a quantity at token i and returns where to go on.
func (sc *scanner) at(i int) int {
	if next, ok := sc.ordinal(i); ok {
		return next
	}
	mod, j := sc.modifier(i)
	// "a dispute over $5m", "talks about 300 jobs": after a noun these
	// words are prepositions, not bounds.
	if (sc.low[i] == "over" || sc.low[i] == "about") && j == i+1 && sc.upos(i-1) == "NOUN" {
		mod, j = modNone, i
	}
	a, ok := sc.amount(i, j, mod)
	if !ok {
		return i + 1
	}
	if a.skip {
		return max(a.end, i+1)
	}
	c := cand{start: i, end: a.end, anchor: a.anchor, unit: a.unit, head: [2]int{-1, -1}}
	if mod == modNone {
		c.start = j // "nearly all 300 workers": a phrase that blocks a modifier is not part of the span
	}
	switch {
	case a.money:
		c.kind = crosscheck.QuantityMoney
	case a.percent:
		c.kind = crosscheck.QuantityPercent
	case a.unit != "":
		c.kind = crosscheck.QuantityMeasure
	default:
		c.kind = crosscheck.QuantityCardinal
	}
	if a.suffix != modNone {
		mod = a.suffix
	}
	bound(&c, a, mod)
	sc.findHead(&c)
	if c.head[0] >= 0 && c.kind == crosscheck.QuantityCardinal && timeUnits[sc.low[c.head[1]-1]] {
		return max(a.end, c.head[1]) // "twenty working days": a duration
	}
	sc.elided(&c)
	sc.found = append(sc.found, c)
	return a.end
}

// elided gives a bare number the currency or percent sign of the money
// or percentage it is compared with: "rose to $4bn from 2.6 billion",
// "fell to 5% from 6.4".
func (sc *scanner) elided(c *cand) {
	if c.kind != crosscheck.QuantityCardinal || c.vague || c.head[0] >= 0 || len(sc.found) == 0 {
		return
	}
	switch sc.lw(c.start - 1) {
	case "from", "to", "than":
	default:
		return
	}
	prev := sc.found[len(sc.found)-1]
	if prev.kind == crosscheck.QuantityMoney || prev.kind == crosscheck.QuantityPercent {
		c.kind, c.unit = prev.kind, prev.unit
	}
}

// modifier matches the longest modifier phrase at i and returns it with
// the index after it; modNone and i when there is none.
func (sc *scanner) modifier(i int) (modKind, int) {
	if !modFirst[sc.low[i]] {
		return modNone, i
	}
	var b strings.Builder
	best, bestEnd := modNone, i
	for k := 0; k < maxModWords && sc.ok(i+k); k++ {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sc.low[i+k])
		if m, ok := modifiers[b.String()]; ok {
			best, bestEnd = m, i+k+1
		}
	}
	return best, bestEnd
}

// ordinal reads "first", "22nd", "twenty-first".
func (sc *scanner) ordinal(i int) (int, bool) {
	w := sc.low[i]
	v, ok := ordinalValue(w)
	end := i + 1
	if !ok {
		t, isTens := tensWords[w]
		if !isTens || sc.lw(i+1) != "-" {
			return 0, false
		}
		u, ok := ordinalWords[sc.lw(i+2)]
		if !ok || u >= 10 {
			return 0, false
		}
		v, end = t+u, i+3
	}
	digits := isDigitWord(w)
	last := end - 1
	switch {
	case isMonth(sc.toksText(i-1)) || isMonth(sc.toksText(end)):
		return end, true // "November 22nd", "22nd November"
	case sc.lw(end) == "of" && isMonth(sc.toksText(end+1)):
		return end + 2, true
	case isCapital(sc.toks[i].Text) && sc.upos(end) == "PROPN":
		return end, true // a name: "the Second Karabakh War", "First Deputy Minister"
	case !digits && len(w) > 1 && sc.toks[i].Text == strings.ToUpper(sc.toks[i].Text):
		return end, true // an acronym: "FIRST"

	case !digits:
		u := sc.upos(last)
		if u == "ADV" {
			switch sc.toks[max(i-1, 0)].Lemma {
			case "finish", "come", "rank", "place", "end":
			default:
				return end, true
			}
		}
		if u == "VERB" || u == "AUX" || w == "second" && u == "NOUN" && sc.lw(i-1) != "the" {
			return end, true
		}
		if p := sc.lw(i - 1); p == "at" && sc.upos(end) != "NOUN" {
			return end, true // "at first"
		}
		if w == "first" && (sc.lw(end) == "of" && sc.lw(end+1) == "all" || sc.lw(end) == "-") {
			return end, true
		}
	}
	c := cand{start: i, end: end, anchor: last, kind: crosscheck.QuantityOrdinal, value: v, head: [2]int{-1, -1}}
	c.low, c.high, c.hasLow, c.hasHigh, c.exact = v, v, true, true, true
	sc.findHead(&c)
	sc.found = append(sc.found, c)
	return end, true
}

// bound sets value, bounds and flags from the amount and its modifier.
func bound(c *cand, a amt, mod modKind) {
	switch {
	case a.vague != nil:
		v := a.vague
		c.value, c.vague = v.value, true
		c.low, c.hasLow = v.low, true
		c.high, c.hasHigh = v.high, v.high >= 0
		switch mod {
		case modOver, modMin, modJustOver:
			c.hasHigh = false
		case modMax, modUnder:
			c.low, c.high, c.hasHigh = 0, v.low, true
		}
		return
	case a.isRange:
		c.value = a.value
		c.low, c.high, c.hasLow, c.hasHigh = a.lo, a.hi, true, true
		c.approx = mod == modApprox || mod == modNearly
		return
	}
	v := a.value
	c.value = v
	switch mod {
	case modApprox:
		c.approx = true
		c.low, c.high = tenthLess(v), tenthMore(v)
		c.hasLow, c.hasHigh = true, true
	case modNearly:
		c.approx = true
		c.low, c.high = tenthLess(v), v
		c.hasLow, c.hasHigh = true, true
	case modJustOver:
		c.approx = true
		c.low, c.high = v, tenthMore(v)
		c.hasLow, c.hasHigh = true, true
	case modMin, modOver:
		c.low, c.hasLow = v, true
	case modMax, modUnder:
		c.low, c.high = 0, v
		c.hasLow, c.hasHigh = true, true
	default:
		c.exact = true
		c.low, c.high = v, v
		c.hasLow, c.hasHigh = true, true
	}
}

// tenthLess and tenthMore are v∓10 %; multiplying before dividing keeps
// round numbers round (1800 → 1620, not 1620.0000000000002).
func tenthLess(v float64) float64 { return v * 9 / 10 }
func tenthMore(v float64) float64 { return v * 11 / 10 }

// emit turns the sentence's candidates into quantities.
func (sc *scanner) emit(out []crosscheck.Quantity) []crosscheck.Quantity {
	for _, c := range sc.found {
		sp := crosscheck.Span{Start: sc.toks[c.start].Span.Start, End: sc.toks[c.end-1].Span.End}
		if sp.Start > sp.End {
			continue // tokens out of order: not from the tokenizer
		}
		q := crosscheck.Quantity{
			Span: sp, Sentence: sc.sent.Index, Text: sc.text[sp.Start:sp.End], Kind: c.kind,
			Value: c.value, Exact: c.exact, Vague: c.vague, Approx: c.approx, Unit: c.unit,
		}
		if c.hasLow {
			l := c.low
			q.Low = &l
		}
		if c.hasHigh {
			h := c.high
			q.High = &h
		}
		if c.head[0] >= 0 {
			hs := crosscheck.Span{Start: sc.toks[c.head[0]].Span.Start, End: sc.toks[c.head[1]-1].Span.End}
			if hs.Start <= hs.End {
				q.Head, q.HeadSpan = sc.text[hs.Start:hs.End], hs
			}
		}
		out = append(out, q)
	}
	return out
}
