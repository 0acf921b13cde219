package timex

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// kind is what an expression denotes before it is resolved.
type kind uint8

const (
	kCal      kind = iota + 1 // a calendar period: day, month, quarter, season, year, decade, century; the year may be missing
	kWeekday                  // a day of the week, resolved by tense
	kWeekend                  // "the weekend", resolved by tense
	kShift                    // n units from the anchor ("last week") or the narrative reference ("the next day")
	kTime                     // a time of day only; the date comes from the sentence or the anchor
	kRef                      // PAST_REF, PRESENT_REF, FUTURE_REF
	kDuration                 // "three years"
	kSet                      // "every week"
)

// expr is a matched expression: a token range and what it denotes.
type expr struct {
	start, end int // token range [start, end)
	kind       kind
	unit       unit
	// kCal: y is 0 when the text gives no year; yShort marks a two-digit
	// year still to widen; yShift/hasYShift say "November last year";
	// this says "this November" (the anchor's year).
	y, m, d   int
	yShort    bool
	yShift    int
	hasYShift bool
	this      bool
	q         int
	season    string
	wd        int
	// Time of day: a clock time or a part of the day (MO, AF, EV, NI).
	hh, mi int
	clock  bool
	pod    string
	// kShift: n units (signed); nOK is false when the amount is vague or
	// too large to compute.
	n   int64
	nOK bool
	// kDuration, kSet: the amount as written in the value ("3", "X").
	amount string
	// dir is the direction of a year-less date, a weekday or the
	// weekend: -1 past, +1 future, 0 decided by the tense; strict
	// excludes the anchor's own period ("last Monday").
	dir    int
	strict bool
	// narrative shifts count from the last date of the story.
	narrative bool
	// deictic marks "this", "last" or "next" before a month, season or
	// weekday: without an anchor such an expression has no value.
	deictic bool
	// edge is -1 for "earlier this week", +1 for "later this week".
	edge int
	// span is -1 for "the past three years", +1 for "the next three
	// years": durations that end or start at the anchor.
	span  int
	mod   string
	value string // kRef and kSet values
	// trim is the number of bytes cut from the end of the last token.
	trim int
	// easter marks a date counted from Easter Sunday (kCal with unit
	// day): d is then the offset in days.
	easter bool
}

func (e *expr) hasTime() bool { return e.clock || e.pod != "" }

// dayLevel reports whether e names one day (so a time of day can join it).
func (e *expr) dayLevel() bool {
	switch e.kind {
	case kCal:
		return e.unit == uDay
	case kWeekday:
		return true
	case kShift:
		return e.unit == uDay
	}
	return false
}

// scanner matches expressions in one sentence.
type scanner struct {
	toks []crosscheck.Token
	f    []feat
}

func (s *scanner) w(i int) word {
	if i < 0 || i >= len(s.f) {
		return wNone
	}
	return s.f[i].lex.w
}

func (s *scanner) at(i int) *feat {
	if i < 0 || i >= len(s.f) {
		return &feat{}
	}
	return &s.f[i]
}

func (s *scanner) text(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Text
}

func (s *scanner) xpos(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].XPOS
}

func (s *scanner) isHyphen(i int) bool {
	t := s.text(i)
	return t == "-" || t == "‐" || t == "‑"
}

// scan finds the expressions of the sentence in order, longest match
// first, and joins a time of day to an adjacent date.
func (s *scanner) scan(out []expr) []expr {
	first := len(out)
	for i := 0; i < len(s.f); {
		if e, ok := s.matchAt(i); ok && e.end > i {
			out = append(out, e)
			i = e.end
			continue
		}
		i++
	}
	// "9:30 a.m. Monday", "Monday 9:30 a.m.": one TIME.
	res := out[:first]
	for k := first; k < len(out); k++ {
		e := out[k]
		if n := len(res); n > first {
			p := &res[n-1]
			if p.end == e.start && p.mod == "" && e.mod == "" {
				if p.kind == kTime && !p.dayLevel() && e.dayLevel() && !e.hasTime() {
					m := e
					m.start, m.hh, m.mi, m.clock, m.pod = p.start, p.hh, p.mi, p.clock, p.pod
					res[n-1] = m
					continue
				}
				if p.dayLevel() && !p.hasTime() && e.kind == kTime && e.clock {
					m := *p
					m.end, m.trim, m.hh, m.mi, m.clock = e.end, e.trim, e.hh, e.mi, true
					res[n-1] = m
					continue
				}
			}
		}
		res = append(res, e)
	}
	return res
}

// matchAt reads the modifiers and position words that may open an
// expression ("the", "about", "early", "the end of") and then its core.
func (s *scanner) matchAt(i int) (expr, bool) {
	f := s.at(i)
	if !f.known && f.form == fNone && !f.cap && !strings.EqualFold(s.text(i), "fiscal") {
		return expr{}, false
	}
	k := i
	the := s.w(k) == wThe
	if the {
		k++
	}
	mod, n := "", 0
	if !the {
		mod, n = s.modifier(k)
		k += n
	}
	pos, edge, pn := s.position(k)
	k += pn
	coreThe := the && pn == 0
	if pn > 0 && s.w(k) == wThe {
		coreThe = true
		k++
	}
	e, ok := s.core(k, coreThe, pn > 0)
	if !ok {
		return expr{}, false
	}
	if pn > 0 || n > 0 || (the && !coreThe) {
		e.start = i
	}
	switch {
	case pos != "":
		if e.mod != "" || !takesPosition(&e) {
			return expr{}, false
		}
		e.mod = pos
	case edge != 0:
		if e.kind != kShift || e.n != 0 || e.narrative || e.hasTime() || e.unit > uYear {
			return expr{}, false
		}
		e.edge = edge
	}
	if mod != "" {
		switch {
		case e.kind == kDuration, e.kind == kShift && e.n != 0 && !e.narrative && e.amount != "":
		case mod == "APPROX" && (e.kind == kCal || e.kind == kTime):
		default:
			return expr{}, false
		}
		if e.mod != "" {
			return expr{}, false
		}
		e.mod = mod
	}
	return e, true
}

func takesPosition(e *expr) bool {
	switch e.kind {
	case kCal:
		return e.unit != uDay && !e.hasTime()
	case kWeekday, kWeekend:
		return true
	case kShift:
		return e.unit >= uDay
	}
	return false
}

// modifier reads an approximator: "about", "nearly", "more than", "at
// least", "up to", "over" before a number.
func (s *scanner) modifier(k int) (string, int) {
	switch s.w(k) {
	case wApprox:
		return "APPROX", 1
	case wNearly:
		return "APPROX", 1
	case wMore:
		if s.w(k+1) == wThan {
			return "MORE_THAN", 2
		}
	case wLess:
		if s.w(k+1) == wThan {
			return "LESS_THAN", 2
		}
	case wAt:
		if s.w(k+1) == wLeast {
			return "EQUAL_OR_MORE", 2
		}
	case wUp:
		if s.w(k+1) == wTo {
			return "EQUAL_OR_LESS", 2
		}
	case wNo:
		if s.w(k+1) == wMore && s.w(k+2) == wThan {
			return "EQUAL_OR_LESS", 3
		}
	case wOver:
		if s.isAmount(k + 1) {
			return "MORE_THAN", 1
		}
	case wUnder:
		if s.isAmount(k + 1) {
			return "LESS_THAN", 1
		}
	case wJust:
		if m, n := s.modifier(k + 1); n > 0 && (s.w(k+1) == wOver || s.w(k+1) == wUnder) {
			return m, n + 1
		}
	}
	return "", 0
}

func (s *scanner) isAmount(k int) bool {
	_, _, _, end := s.amount(k)
	return end > k
}

// position reads "early", "mid", "late", "earlier", "later", "the end
// of", "the beginning of", "the middle of".
func (s *scanner) position(k int) (mod string, edge int, n int) {
	hy := 0
	if s.isHyphen(k + 1) {
		hy = 1
	}
	switch s.w(k) {
	case wEarly:
		return "START", 0, 1 + hy
	case wMid:
		return "MID", 0, 1 + hy
	case wLate:
		return "END", 0, 1 + hy
	case wEarlier:
		return "", -1, 1
	case wLater:
		return "", 1, 1
	case wEnd, wBeginning, wMiddle:
		if s.w(k+1) != wOf {
			return "", 0, 0
		}
		switch s.w(k) {
		case wEnd:
			return "END", 0, 2
		case wBeginning:
			return "START", 0, 2
		}
		return "MID", 0, 2
	}
	return "", 0, 0
}

// core tries every pattern at k and keeps the longest match. the says
// that token k-1 is "the" and may belong to the expression; pos that a
// position word ("the end of") precedes.
func (s *scanner) core(k int, the, pos bool) (expr, bool) {
	if k >= len(s.f) {
		return expr{}, false
	}
	f := s.at(k)
	if !f.known && f.form == fNone && !f.cap && !strings.EqualFold(s.text(k), "fiscal") {
		return expr{}, false
	}
	var best expr
	found := false
	try := func(e expr, ok bool) {
		if ok && (!found || e.end > best.end) {
			best, found = e, true
		}
	}
	try(s.amountCore(k, the))
	try(s.monthCore(k, the))
	try(s.dayFirstCore(k, the))
	try(s.numericCore(k, the, pos))
	try(s.weekdayCore(k, the))
	try(s.deicticCore(k, the))
	try(s.detCore(k, the, pos))
	try(s.timeCore(k, the))
	try(s.setCore(k, the))
	try(s.ordinalCore(k, the))
	try(s.seasonCore(k, the))
	try(s.podOfCore(k, the))
	try(s.holidayCore(k, the))
	try(s.fiscalCore(k, the))
	return best, found
}

func startOf(k int, the bool) int {
	if the {
		return k - 1
	}
	return k
}

// amount reads a count: digits, number words ("twenty-five", "one
// hundred"), "a", "a few", "several", "a couple of", "a dozen", "dozens
// of". text is the amount as a TIMEX3 value writes it ("X" when vague);
// n and ok its value when it is a whole number that fits.
func (s *scanner) amount(k int) (text string, n int64, ok bool, end int) {
	f := s.at(k)
	switch {
	case f.form == fInt:
		t := s.text(k)
		if strings.IndexByte(t, ',') >= 0 {
			t = strings.ReplaceAll(t, ",", "")
		}
		return t, f.n, f.numOK, k + 1
	case f.form == fDecimal:
		return s.text(k), 0, false, k + 1
	case f.lex.w == wA:
		switch s.w(k + 1) {
		case wCouple:
			if s.w(k+2) == wOf {
				return "2", 2, true, k + 3
			}
			return "2", 2, true, k + 2
		case wDozen:
			return "12", 12, true, k + 2
		case wVague:
			if strings.EqualFold(s.text(k+1), "few") {
				return "X", 0, false, k + 2
			}
		}
		return "1", 1, true, k + 1
	case f.lex.w == wVague:
		return "X", 0, false, k + 1
	case f.lex.w == wDozens:
		if s.w(k+1) == wOf {
			return "X", 0, false, k + 2
		}
	case f.lex.num > 0:
		v, j := s.wordNumber(k)
		if j > k {
			return formatAmount(v), v, true, j
		}
	default:
		if v, ok := compoundNumber(s.text(k)); ok {
			return formatAmount(v), v, true, k + 1
		}
	}
	return "", 0, false, k
}

// wordNumber reads number words: "three", "twenty - five", "one hundred
// and twenty", "two thousand". Values stay below a few million, so they
// cannot overflow.
func (s *scanner) wordNumber(k int) (int64, int) {
	var total, cur int64
	j := k
	seen, afterScale := false, false
	for j < len(s.f) {
		l := s.f[j].lex
		switch {
		case l.num > 0 && !seen:
			v := int64(l.num)
			j++
			if l.tens && s.isHyphen(j) && s.at(j+1).lex.num > 0 && s.at(j+1).lex.num < 10 {
				v += int64(s.at(j + 1).lex.num)
				j += 2
			}
			cur += v
			seen, afterScale = true, false
			continue
		case l.scale > 0 && seen:
			if l.scale == 100 {
				cur *= 100
			} else {
				total += cur * int64(l.scale)
				cur = 0
			}
			j++
			seen, afterScale = false, true
			continue
		case l.w == wAnd && afterScale && s.at(j+1).lex.num > 0:
			j++
			continue
		}
		break
	}
	return total + cur, j
}

// compoundNumber reads "twenty-five" written as one token.
func compoundNumber(w string) (int64, bool) {
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		return 0, false
	}
	la, _ := lookup(a)
	lb, _ := lookup(b)
	if la.tens && lb.num > 0 && lb.num < 10 {
		return int64(la.num + lb.num), true
	}
	return 0, false
}

// unitAt reads a unit of time at k, allowing the hyphen of "two-year".
func (s *scanner) unitAt(k int) (unit, bool, int) {
	j := k
	hy := false
	if s.isHyphen(j) {
		j++
		hy = true
	}
	l := s.at(j).lex
	if l.unit == uNone {
		return uNone, false, k
	}
	if hy && l.plural {
		return uNone, false, k
	}
	return l.unit, l.plural, j + 1
}

// isAge reports "-old" after a unit: "a 10-year-old", "six years old"
// are ages, not durations of the story.
func (s *scanner) isAge(j int) bool {
	if s.isHyphen(j) {
		j++
	}
	return strings.EqualFold(s.text(j), "old")
}

// amountCore matches durations ("three years", "the past 3 decades",
// "recent weeks"), and shifts counted with "ago", "earlier", "later",
// "from now".
func (s *scanner) amountCore(k int, the bool) (expr, bool) {
	j := k
	span := 0
	recent := false
	if the {
		switch s.w(j) {
		case wPast, wLast:
			span = -1
		case wNext, wComing:
			span = 1
		default:
			return expr{}, false
		}
		j++
	} else if s.w(j) == wRecent {
		recent = true
		j++
	}
	j0 := j
	text, n, nOK, aj := s.amount(j)
	hasAmount := aj > j
	if hasAmount {
		j = aj
	}
	u, plural, uj := s.unitAt(j)
	if u == uNone || u == uWeekend || (u == uQuarter && !hasAmount) {
		return expr{}, false
	}
	if s.isAge(uj) {
		return expr{}, false
	}
	if hasAmount && s.w(j0) == wA && aj == j0+1 && !s.isShiftWord(uj) {
		// "a second inspection" is an ordinal; "$5 a year" and
		// "40,000 visitors a year" are rates (setCore).
		if u == uSecond || s.isRate(j0) {
			return expr{}, false
		}
	}
	if !hasAmount {
		switch {
		case span == 0 && !recent && plural && forLike(s.text(k-1)):
			// "for years", "within hours"
			text = "X"
		case span == 0 && !recent:
			return expr{}, false
		case recent && !plural:
			return expr{}, false
		case plural:
			text = "X"
		default:
			text, n, nOK = "1", 1, true
			// "the next day", "the last day" are dates, not durations.
			if u == uDay && (s.w(j-1) == wNext || s.w(j-1) == wLast) {
				return expr{}, false
			}
		}
	}
	if hasAmount && !plural && text != "1" && text != "X" && !s.isHyphen(j) {
		// "2 year" without a hyphen is rare; a unit after a number
		// such as "2022 year" is not a duration.
		if n != 1 {
			return expr{}, false
		}
	}
	e := expr{start: startOf(k, the), end: uj, kind: kDuration, unit: u, amount: text, n: n, nOK: nOK, span: span}
	if recent {
		e.span = -1
	}
	if span != 0 || recent {
		return e, true
	}
	switch s.w(uj) {
	case wAgo:
		e.end = uj + 1
		return shiftOf(e, -1, false), true
	case wEarlier:
		e.end = uj + 1
		return shiftOf(e, -1, true), true
	case wLater:
		e.end = uj + 1
		return shiftOf(e, 1, true), true
	case wFrom:
		if s.w(uj+1) == wNow {
			e.end = uj + 2
			return shiftOf(e, 1, false), true
		}
	}
	return e, true
}

func forLike(w string) bool {
	switch strings.ToLower(w) {
	case "for", "within":
		return true
	}
	return false
}

// isShiftWord reports "ago", "earlier", "later" at j: "118 euros a year
// ago" is a date, not a rate.
func (s *scanner) isShiftWord(j int) bool {
	switch s.w(j) {
	case wAgo, wEarlier, wLater:
		return true
	}
	return false
}

// isRate reports whether the "a" or "per" at k follows a count: "$5
// million a year", "8,500 a day", "40,000 visitors a year".
func (s *scanner) isRate(k int) bool {
	if isRateWord(s, k-1) {
		return true
	}
	if !strings.HasPrefix(s.xpos(k-1), "NN") {
		return false
	}
	for i := k - 2; i >= 0 && i >= k-4; i-- {
		if f := s.at(i); f.form == fInt || f.form == fDecimal || f.lex.num > 0 {
			return true
		}
	}
	return false
}

// isRateWord reports a number, percentage or money word before "a": the
// "a year" of "$5 million a year" is a rate, matched by setCore.
func isRateWord(s *scanner, i int) bool {
	f := s.at(i)
	if f.form == fInt || f.form == fDecimal {
		return true
	}
	t := strings.ToLower(s.text(i))
	switch t {
	case "%", "percent", "million", "billion", "dollars", "euros", "pounds", "times", "once", "twice", "m", "bn":
		return true
	}
	return false
}

// shiftOf turns a counted duration into a shift: "two years ago".
func shiftOf(e expr, sign int64, narrative bool) expr {
	e.kind = kShift
	e.narrative = narrative
	if e.amount == "X" {
		// "years ago": PAST_REF; "years later" stays unresolved.
		e.nOK = false
		if !narrative && sign < 0 {
			e.kind, e.value = kRef, "PAST_REF"
		}
		if !narrative && sign > 0 {
			e.kind, e.value = kRef, "FUTURE_REF"
		}
		return e
	}
	if !e.nOK || e.n > 1_000_000 {
		// Too large to compute ("99999999999999999999 days ago"):
		// kept, with no value.
		e.nOK = false
		return e
	}
	e.n *= sign
	return e
}

// dayAt reads a day of the month: "14", "14th".
func (s *scanner) dayAt(k int) (int, bool) {
	f := s.at(k)
	if (f.form == fInt && len(s.text(k)) <= 2) || f.form == fOrdinal {
		if f.n >= 1 && f.n <= 31 {
			return int(f.n), true
		}
	}
	return 0, false
}

// yearAt reads a year after a month or a date: "2022", "'22", ", 2022",
// "of 2022".
func (s *scanner) yearAt(k int, comma bool) (y int, short bool, end int, ok bool) {
	j := k
	if comma && s.text(j) == "," {
		j++
	}
	f := s.at(j)
	switch {
	case f.form == fInt && len(s.text(j)) == 4 && f.n >= 1000 && f.n <= 2199:
		return int(f.n), false, j + 1, true
	case f.form == fYear2:
		return int(f.n), true, j + 1, true
	}
	return 0, false, k, false
}

// monthCore matches "November 14", "Nov. 14, 2022", "November 14th",
// "November 2022", "November last year", and a lone "November" where a
// preposition or a capital shows it is a month.
func (s *scanner) monthCore(k int, the bool) (expr, bool) {
	f := s.at(k)
	m := int(f.lex.month)
	if m == 0 || the {
		return expr{}, false
	}
	e := expr{start: k, kind: kCal, m: m, unit: uMonth}
	if f.mid {
		e.mod = "MID"
	}
	if f.lex.ambig && !f.cap {
		return expr{}, false
	}
	if d, ok := s.dayAt(k + 1); ok && !f.mid {
		e.unit, e.d, e.end = uDay, d, k+2
		if y, short, end, ok := s.yearAt(k+2, true); ok {
			e.y, e.yShort, e.end = y, short, end
		}
		return e, true
	}
	j := k + 1
	if s.w(j) == wOf {
		if _, _, _, ok := s.yearAt(j+1, false); ok {
			j++
		}
	}
	if y, short, end, ok := s.yearAt(j, false); ok {
		e.y, e.yShort, e.end = y, short, end
		return e, true
	}
	if u := s.at(k + 2).lex.unit; u == uYear && !s.at(k+2).lex.plural {
		switch s.w(k + 1) {
		case wLast:
			e.hasYShift, e.yShift, e.end = true, -1, k+3
			return e, true
		case wThis:
			e.hasYShift, e.yShift, e.end = true, 0, k+3
			return e, true
		case wNext:
			e.hasYShift, e.yShift, e.end = true, 1, k+3
			return e, true
		}
	}
	// A lone month name.
	e.end = k + 1
	if f.mid {
		return e, true
	}
	if f.lex.abbr || !f.cap {
		return expr{}, false
	}
	prevCue := s.at(k - 1).lex.cue
	if f.lex.ambig && !prevCue {
		return expr{}, false
	}
	if !prevCue && k+1 < len(s.f) && s.at(k+1).cap && s.at(k+1).lex.month == 0 {
		// "April Ryan", "December Group": a name.
		return expr{}, false
	}
	return e, true
}

// dayFirstCore matches "14 November 2022", "14th November", "the 14th of
// November".
func (s *scanner) dayFirstCore(k int, the bool) (expr, bool) {
	f := s.at(k)
	d, ok := s.dayAt(k)
	word := false
	if !ok && f.lex.ord > 0 && f.lex.ord <= 31 {
		d, ok, word = int(f.lex.ord), true, true
	}
	if !ok {
		return expr{}, false
	}
	j := k + 1
	of := false
	if s.w(j) == wOf {
		of = true
		j++
	}
	mf := s.at(j)
	if mf.lex.month == 0 || mf.mid || (mf.lex.ambig && !mf.cap) {
		return expr{}, false
	}
	if (word || f.form == fInt) && the && !of {
		return expr{}, false
	}
	if word && !of {
		return expr{}, false
	}
	e := expr{start: startOf(k, the), end: j + 1, kind: kCal, unit: uDay, m: int(mf.lex.month), d: d}
	if y, short, end, ok := s.yearAt(j+1, true); ok {
		e.y, e.yShort, e.end = y, short, end
	}
	return e, true
}

// numericCore matches dates written in digits: "2022-11-14",
// "11/14/2022", years, decades ("the 1990s", "the '90s") and "Q3".
func (s *scanner) numericCore(k int, the, pos bool) (expr, bool) {
	f := s.at(k)
	e := expr{start: k, end: k + 1, kind: kCal}
	if f.mid {
		e.mod = "MID"
	}
	switch f.form {
	case fISO, fSlash:
		if the {
			return expr{}, false
		}
		e.unit, e.y, e.m, e.d = uDay, f.y, f.m, f.d
		e.yShort = f.form == fSlash && f.y < 100
		return e, true
	case fDecade:
		if f.twoDigit && !f.apos && !the && !pos && !f.mid {
			return expr{}, false
		}
		e.start = startOf(k, the)
		e.unit, e.y = uDecade, int(f.n)
		if f.twoDigit {
			e.yShort = true
		}
		if f.century {
			e.unit = uCentury
		}
		if !the && !pos && !f.mid && !f.twoDigit && strings.ContainsAny(s.text(k), "'’") {
			// "1990's" with no article is the possessive of a year.
			e.unit, e.trim = uYear, len(s.text(k))-4
		}
		return e, true
	case fYear2:
		if the {
			return expr{}, false
		}
		e.unit, e.y, e.yShort = uYear, int(f.n), true
		return e, true
	case fPossYear:
		if the {
			return expr{}, false
		}
		e.unit, e.y, e.trim = uYear, int(f.n), f.trim
		return e, true
	case fQuarter:
		if the {
			return expr{}, false
		}
		e.unit, e.q = uQuarter, int(f.n)
		if y, short, end, ok := s.yearAt(k+1, false); ok {
			e.y, e.yShort, e.end = y, short, end
		}
		return e, true
	case fInt:
		if the || !s.isYear(k) {
			return expr{}, false
		}
		e.unit, e.y = uYear, int(f.n)
		return e, true
	}
	return expr{}, false
}

// isYear decides whether a four-digit number is a year: 1000..2199 with
// no money sign before it and no percent or unit after it, and not a
// count ("about 2000 troops").
func (s *scanner) isYear(k int) bool {
	f := s.at(k)
	t := s.text(k)
	if f.mid && len(t) > 4 {
		t = t[4:]
	}
	if len(t) != 4 || !f.numOK || f.n < 1000 || f.n > 2199 {
		return false
	}
	prev := s.text(k - 1)
	switch prev {
	case "$", "€", "£", "¥", "#", "No.", "no.", "US$", "number", "No", "Flight", "flight", "Route", "route", "Room", "room", "page", "Highway", "Article", "article", "Resolution", "resolution":
		return false
	}
	next := strings.ToLower(s.text(k + 1))
	switch next {
	case "%", "percent", "per", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "kg", "tonnes", "tons", "hectares", "barrels", "people", "troops", "soldiers", "residents", "members", "jobs", "times", "more", "others", "votes", "cases", "deaths", "homes", "units", "pages", "words", "hours", "days", "years":
		return false
	}
	if w := s.w(k - 1); (w == wApprox || w == wNearly || w == wThan || w == wOver || w == wLeast || w == wUnder) && strings.HasPrefix(s.xpos(k+1), "NNS") {
		return false
	}
	if s.text(k-1) == "," && s.at(k-2).form == fInt && !s.isYear(k-2) {
		// A list of numbers.
		return false
	}
	return true
}

// weekdayCore matches "Monday", "Monday morning", "Monday, Nov. 21" and
// the plural "Mondays" (a set).
func (s *scanner) weekdayCore(k int, the bool) (expr, bool) {
	f := s.at(k)
	if f.lex.wd == 0 || the {
		return expr{}, false
	}
	wd := int(f.lex.wd)
	if f.lex.plural {
		return expr{start: k, end: k + 1, kind: kSet, unit: uWeek, wd: wd, value: "XXXX-WXX-" + string(rune('0'+wd))}, true
	}
	// "Monday, Nov. 21": the written date decides.
	j := k + 1
	if s.text(j) == "," {
		j++
	}
	if d, ok := s.monthCore(j, false); ok && d.unit == uDay {
		d.start = k
		return d, true
	}
	if d, ok := s.dayFirstCore(j, false); ok {
		d.start = k
		return d, true
	}
	if f.lex.abbr {
		return expr{}, false
	}
	if t := s.text(k); t == "SUN" || t == "SAT" {
		return expr{}, false
	}
	e := expr{start: k, end: k + 1, kind: kWeekday, wd: wd, unit: uDay}
	if p := s.at(k + 1).lex.pod; p != "" && !s.at(k+1).lex.plural {
		e.pod, e.end = p, k+2
	}
	return e, true
}

// deicticCore matches "today", "yesterday morning", "tonight", "now",
// "recently", "the day before yesterday", "the past", "the future".
func (s *scanner) deicticCore(k int, the bool) (expr, bool) {
	e := expr{start: k, end: k + 1, unit: uDay, kind: kShift, nOK: true}
	switch s.w(k) {
	case wToday, wYesterday, wTomorrow:
		if the {
			return expr{}, false
		}
		switch s.w(k) {
		case wYesterday:
			e.n = -1
		case wTomorrow:
			e.n = 1
		}
		if p := s.at(k + 1).lex.pod; p != "" && !s.at(k+1).lex.plural {
			e.pod, e.end = p, k+2
		}
		return e, true
	case wTonight:
		if the {
			return expr{}, false
		}
		e.pod = "NI"
		return e, true
	case wNow:
		if the {
			return expr{}, false
		}
		return expr{start: k, end: k + 1, kind: kRef, value: "PRESENT_REF"}, true
	case wRecently:
		if the {
			return expr{}, false
		}
		return expr{start: k, end: k + 1, kind: kRef, value: "PAST_REF"}, true
	case wPast, wFuture, wNear, wDistant:
		if !the {
			return expr{}, false
		}
		j := k
		if w := s.w(j); w == wNear || w == wDistant {
			j++
		}
		if nx := s.at(j + 1); s.w(j+1) == wOf || strings.HasPrefix(s.xpos(j+1), "NN") || s.isAmount(j+1) ||
			nx.lex.unit != uNone || nx.lex.wd != 0 || nx.lex.month != 0 || nx.lex.pod != "" {
			// "the future of the plant", "the past president", "the
			// past week": not a reference to the past or future.
			return expr{}, false
		}
		switch s.w(j) {
		case wPast:
			return expr{start: k - 1, end: j + 1, kind: kRef, value: "PAST_REF"}, true
		case wFuture:
			return expr{start: k - 1, end: j + 1, kind: kRef, value: "FUTURE_REF"}, true
		}
	}
	if the && s.at(k).lex.unit == uDay && !s.at(k).lex.plural {
		switch s.w(k + 1) {
		case wBefore:
			if s.w(k+2) == wYesterday {
				return expr{start: k - 1, end: k + 3, kind: kShift, unit: uDay, n: -2, nOK: true}, true
			}
		case wAfter:
			if s.w(k+2) == wTomorrow {
				return expr{start: k - 1, end: k + 3, kind: kShift, unit: uDay, n: 2, nOK: true}, true
			}
		}
	}
	return expr{}, false
}

// detCore matches a determiner and a unit, day, month, season or part of
// the day: "last week", "this year", "next Monday", "last November",
// "this summer", "this morning", "last night", and the narrative "the
// next day", "the previous week", "the same day", "that year", "the day
// before". After a position word it also takes "the month" ("the end of
// the month").
func (s *scanner) detCore(k int, the, pos bool) (expr, bool) {
	det := s.w(k)
	j := k + 1
	if det == wThis && s.w(j) == wPast {
		// "this past weekend": the last one.
		det = wLast
		j++
	}
	nf := s.at(j)
	e := expr{start: startOf(k, the), end: j + 1, nOK: true}
	if the && pos && det == wNone && s.at(k).lex.unit != uNone {
		// "the end of the month"
		u := s.at(k).lex.unit
		if s.at(k).lex.plural || u < uWeek || u == uQuarter {
			return expr{}, false
		}
		e.kind, e.unit, e.end = kShift, u, k+1
		return e, true
	}
	if the && s.at(k).lex.unit == uWeekend && !s.at(k).lex.plural && s.w(k+1) != wBefore && s.w(k+1) != wAfter {
		// "over the weekend": the nearest weekend, by tense.
		e.kind, e.unit, e.end = kWeekend, uWeekend, k+1
		return e, true
	}
	if the && s.at(k).lex.unit == uYear && !s.at(k).lex.plural && s.at(k+1).form == fInt && len(s.text(k+1)) == 4 && s.at(k+1).n >= 1000 {
		// "the year 2099", "the year 3000"
		e.kind, e.unit, e.y, e.end = kCal, uYear, int(s.at(k+1).n), k+2
		return e, true
	}
	if the && s.at(k).lex.unit != uNone && !s.at(k).lex.plural {
		// "the day before", "the week after": narrative.
		u := s.at(k).lex.unit
		if u == uDay || u == uWeek || u == uMonth || u == uYear {
			switch s.w(k + 1) {
			case wBefore:
				e.kind, e.unit, e.n, e.narrative, e.end = kShift, u, -1, true, k+2
				return e, true
			case wAfter:
				e.kind, e.unit, e.n, e.narrative, e.end = kShift, u, 1, true, k+2
				return e, true
			}
		}
		return expr{}, false
	}
	switch det {
	case wThis, wLast, wNext:
		if the {
			if det == wNext && (nf.lex.unit == uDay || nf.lex.pod != "") && !nf.lex.plural {
				// "the next day", "the next morning"
				return s.narrative(e, j, 1)
			}
			return expr{}, false
		}
		shift := int64(0)
		switch det {
		case wLast:
			shift = -1
		case wNext:
			shift = 1
		}
		switch {
		case nf.lex.unit != uNone && !nf.lex.plural:
			if nf.lex.unit < uDay {
				return expr{}, false
			}
			if nf.lex.unit == uDay {
				if det == wNext {
					// "next day": the day after the story's date.
					return s.narrative(e, j, 1)
				}
				return expr{}, false
			}
			e.kind, e.unit, e.n = kShift, nf.lex.unit, shift
			return e, true
		case nf.lex.wd != 0 && !nf.lex.plural:
			e.kind, e.unit, e.wd, e.deictic = kWeekday, uDay, int(nf.lex.wd), true
			switch det {
			case wLast:
				e.dir, e.strict = -1, true
			case wNext:
				e.dir, e.strict = 1, true
			default:
				e.this = true
			}
			if p := s.at(j + 1).lex.pod; p != "" && !s.at(j+1).lex.plural {
				e.pod, e.end = p, j+2
			}
			return e, true
		case nf.lex.month != 0 && !nf.mid && (nf.cap || !nf.lex.ambig):
			e.kind, e.unit, e.m, e.deictic = kCal, uMonth, int(nf.lex.month), true
			e.dir, e.strict, e.this = int(shift), shift != 0, shift == 0
			return e, true
		case nf.lex.season != "":
			e.kind, e.unit, e.season, e.deictic = kCal, uSeason, nf.lex.season, true
			e.dir, e.strict = int(shift), shift != 0
			return e, true
		case nf.lex.pod != "" && !nf.lex.plural:
			e.kind, e.unit, e.pod = kShift, uDay, nf.lex.pod
			switch {
			case det == wThis && nf.lex.pod != "NI":
				e.n = 0
			case det == wLast && (nf.lex.pod == "NI" || nf.lex.pod == "EV"):
				e.n = -1
			default:
				return expr{}, false
			}
			return e, true
		}
	case wThat:
		if the || s.isHyphen(j+1) {
			// "said that year-end bonuses …"
			return expr{}, false
		}
		if (nf.lex.unit != uNone && nf.lex.unit >= uDay && nf.lex.unit != uQuarter && !nf.lex.plural) || (nf.lex.pod != "" && !nf.lex.plural) {
			return s.narrative(e, j, 0)
		}
	case wPrevious, wFollowing, wSame:
		if !the {
			return expr{}, false
		}
		n := int64(0)
		switch det {
		case wPrevious:
			n = -1
		case wFollowing:
			n = 1
		}
		if (nf.lex.unit != uNone && nf.lex.unit >= uDay && nf.lex.unit != uQuarter && !nf.lex.plural) || (nf.lex.pod != "" && !nf.lex.plural) {
			return s.narrative(e, j, n)
		}
	}
	return expr{}, false
}

// narrative builds a shift from the story's last date: the unit or part
// of the day is at j.
func (s *scanner) narrative(e expr, j int, n int64) (expr, bool) {
	nf := s.at(j)
	e.kind, e.narrative, e.n, e.end = kShift, true, n, j+1
	if nf.lex.pod != "" {
		e.unit, e.pod = uDay, nf.lex.pod
		return e, true
	}
	e.unit = nf.lex.unit
	if e.unit == uNone {
		return expr{}, false
	}
	return e, true
}

// timeCore matches clock times ("9:30 a.m.", "10 pm", "14:00 GMT", "0630
// GMT", "9 o'clock") and "noon", "midnight".
func (s *scanner) timeCore(k int, the bool) (expr, bool) {
	if the {
		return expr{}, false
	}
	f := s.at(k)
	e := expr{start: k, kind: kTime, clock: true, unit: uMinute}
	j := k + 1
	ampm := 0
	switch s.w(j) {
	case wAM:
		ampm = 1
	case wPM:
		ampm = 2
	}
	zone := func(j int) int {
		if s.w(j) == wZone && !strings.EqualFold(s.text(j), "et") || s.text(j) == "ET" {
			return j + 1
		}
		if s.w(j) == wLocal && s.w(j+1) == wTime {
			return j + 2
		}
		return j
	}
	switch {
	case f.form == fClock:
		e.hh, e.mi = f.hh, f.mi
		end := j
		if ampm > 0 {
			end = j + 1
		}
		zj := zone(end)
		if ampm == 0 && zj == end {
			switch strings.ToLower(s.text(k - 1)) {
			case "at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "to", "between", "and":
			default:
				return expr{}, false
			}
		}
		e.end = zj
	case f.form == fDecimal && ampm > 0:
		h, m, _ := strings.Cut(s.text(k), ".")
		hv, _ := atoi(h)
		if len(m) != 2 || hv > 12 || atoi2(m) > 59 {
			return expr{}, false
		}
		e.hh, e.mi, e.end = int(hv), atoi2(m), zone(j+1)
	case f.form == fInt && ampm > 0 && f.n >= 1 && f.n <= 12 && len(s.text(k)) <= 2:
		e.hh, e.unit, e.end = int(f.n), uHour, zone(j+1)
	case f.form == fInt && s.w(j) == wOclock && f.n >= 1 && f.n <= 12:
		e.hh, e.unit, e.end = int(f.n), uHour, j+1
	case f.form == fInt && len(s.text(k)) == 4 && s.w(j) == wZone:
		h, m := int(f.n/100), int(f.n%100)
		if h > 24 || m > 59 {
			return expr{}, false
		}
		e.hh, e.mi, e.end = h, m, j+1
	case f.lex.w == wNoon:
		e.hh, e.end = 12, zone(j)
	case f.lex.w == wMidnight:
		e.hh, e.end = 24, zone(j)
	default:
		return expr{}, false
	}
	switch {
	case ampm == 1 && e.hh == 12:
		e.hh = 0
	case ampm == 2 && e.hh < 12:
		e.hh += 12
	case ampm > 0 && e.hh > 12:
		return expr{}, false
	}
	return e, true
}

// setCore matches "every week", "every two years", "each Monday",
// "annually", "twice a year", "three times a week" and rates ("$5 a
// year").
func (s *scanner) setCore(k int, the bool) (expr, bool) {
	if the {
		return expr{}, false
	}
	f := s.at(k)
	e := expr{start: k, kind: kSet}
	switch {
	case f.lex.w == wEvery || f.lex.w == wEach:
		j := k + 1
		amount := "1"
		if s.w(j) == wOther {
			amount = "2"
			j++
		} else if t, _, _, aj := s.amount(j); aj > j && s.w(j) != wA && f.lex.w == wEvery {
			amount = t
			j = aj
		}
		nf := s.at(j)
		switch {
		case nf.lex.unit != uNone && nf.lex.unit != uWeekend:
			e.unit = nf.lex.unit
			e.value = durationValue(amount, nf.lex.unit)
		case nf.lex.unit == uWeekend:
			e.unit, e.value = uWeek, "XXXX-WXX-WE"
		case nf.lex.wd != 0 && amount == "1":
			e.unit, e.value = uWeek, "XXXX-WXX-"+string(rune('0'+nf.lex.wd))
		case nf.lex.pod != "" && amount == "1":
			e.unit, e.value = uDay, "XXXX-XX-XXT"+nf.lex.pod
		case nf.lex.month != 0 && amount == "1" && nf.cap:
			e.unit, e.value = uYear, "XXXX-"+two(int(nf.lex.month))
		case nf.lex.season != "" && amount == "1":
			e.unit, e.value = uYear, "XXXX-"+nf.lex.season
		default:
			return expr{}, false
		}
		e.end = j + 1
		return e, true
	case f.lex.setUnit != uNone || f.lex.setPod != "":
		if x := s.xpos(k); x == "JJ" && strings.HasPrefix(s.xpos(k+1), "NN") {
			// "the daily newspaper": an adjective, not a frequency.
			return expr{}, false
		}
		e.end = k + 1
		if f.lex.setPod != "" {
			e.unit, e.value = uDay, "XXXX-XX-XXT"+f.lex.setPod
			return e, true
		}
		e.unit, e.value = f.lex.setUnit, durationValue("1", f.lex.setUnit)
		if f.lex.setUnit == uQuarter {
			e.value = "P3M"
		}
		return e, true
	case f.lex.w == wOnce || f.lex.w == wTwice || f.form == fInt || f.lex.num > 0:
		j := k + 1
		if f.lex.w != wOnce && f.lex.w != wTwice {
			_, _, _, aj := s.amount(k)
			if aj <= k || s.w(aj) != wTimes {
				return expr{}, false
			}
			j = aj + 1
		}
		if sf := s.at(j); sf.lex.setUnit != uNone && (f.lex.w == wOnce || f.lex.w == wTwice || s.w(j-1) == wTimes) {
			e.unit, e.value, e.end = sf.lex.setUnit, durationValue("1", sf.lex.setUnit), j+1
			return e, true
		}
		switch s.w(j) {
		case wA, wPer, wEvery, wEach:
		default:
			return expr{}, false
		}
		u := s.at(j + 1).lex.unit
		if u == uNone || u == uWeekend || s.at(j+1).lex.plural {
			return expr{}, false
		}
		e.unit, e.value, e.end = u, durationValue("1", u), j+2
		return e, true
	case f.lex.w == wA || f.lex.w == wPer:
		u := s.at(k + 1).lex.unit
		if u == uNone || u == uWeekend || s.at(k+1).lex.plural || s.isShiftWord(k+2) || (f.lex.w == wA && !s.isRate(k)) {
			return expr{}, false
		}
		e.unit, e.value, e.end = u, durationValue("1", u), k+2
		return e, true
	}
	return expr{}, false
}

// durationValue renders "P3D", "PT2H", "PXY".
func durationValue(amount string, u unit) string {
	c, t := u.code()
	if t {
		return "PT" + amount + c
	}
	return "P" + amount + c
}

// ordinalCore matches "the third quarter (of 2022)", "the 20th
// century".
func (s *scanner) ordinalCore(k int, the bool) (expr, bool) {
	f := s.at(k)
	n := int(f.lex.ord)
	if f.form == fOrdinal && f.numOK && f.n < 100 {
		n = int(f.n)
	}
	if n == 0 {
		return expr{}, false
	}
	j := k + 1
	if s.isHyphen(j) {
		j++
	}
	uf := s.at(j)
	if uf.lex.plural {
		return expr{}, false
	}
	e := expr{start: startOf(k, the), end: j + 1, kind: kCal}
	if (n == 1 || n == 2) && strings.EqualFold(s.text(j), "half") && s.w(j+1) == wOf {
		// "the first half of 2022", "the second half of the year"
		e.unit, e.q = uHalf, n
		if ye, ok := s.yearOf(j+2, &e); ok {
			return ye, true
		}
		return expr{}, false
	}
	if j > k+1 {
		// "the 19th-century hall": the article belongs to the noun.
		e.start = k
	}
	switch uf.lex.unit {
	case uQuarter:
		if n > 4 {
			return expr{}, false
		}
		e.unit, e.q = uQuarter, n
		if s.w(j+1) == wOf {
			if y, short, end, ok := s.yearAt(j+2, false); ok {
				e.y, e.yShort, e.end = y, short, end
			} else if s.at(j+3).lex.unit == uYear {
				switch s.w(j + 2) {
				case wLast:
					e.hasYShift, e.yShift, e.end = true, -1, j+4
				case wThis:
					e.hasYShift, e.yShift, e.end = true, 0, j+4
				case wNext:
					e.hasYShift, e.yShift, e.end = true, 1, j+4
				}
			}
		}
		return e, true
	case uCentury:
		if n > 30 {
			return expr{}, false
		}
		e.unit, e.y = uCentury, (n-1)*100
		return e, true
	}
	return expr{}, false
}

// yearOf reads the year after "of" at k: "2022", "'22", "the year",
// "this year", "last year", "next year"; it completes e.
func (s *scanner) yearOf(k int, e *expr) (expr, bool) {
	if y, short, end, ok := s.yearAt(k, false); ok {
		e.y, e.yShort, e.end = y, short, end
		return *e, true
	}
	if s.at(k+1).lex.unit != uYear || s.at(k+1).lex.plural {
		return expr{}, false
	}
	switch s.w(k) {
	case wLast:
		e.yShift = -1
	case wThis, wThe:
		e.yShift = 0
	case wNext:
		e.yShift = 1
	default:
		return expr{}, false
	}
	e.hasYShift, e.end = true, k+2
	return *e, true
}

// holiday is a named day: a fixed date, or an offset from Easter
// Sunday.
type holiday struct {
	words  []string
	m, d   int
	easter bool
}

// holidays are matched longest first, capitalised as written.
var holidays = []holiday{
	{words: []string{"New", "Year", "'s", "Eve"}, m: 12, d: 31},
	{words: []string{"New", "Year", "'s", "Day"}, m: 1, d: 1},
	{words: []string{"Christmas", "Eve"}, m: 12, d: 24},
	{words: []string{"Christmas", "Day"}, m: 12, d: 25},
	{words: []string{"Boxing", "Day"}, m: 12, d: 26},
	{words: []string{"Valentine", "'s", "Day"}, m: 2, d: 14},
	{words: []string{"Easter", "Sunday"}, easter: true},
	{words: []string{"Easter", "Monday"}, d: 1, easter: true},
	{words: []string{"Good", "Friday"}, d: -2, easter: true},
	{words: []string{"New", "Year"}, m: 1, d: 1},
	{words: []string{"Christmas"}, m: 12, d: 25},
	{words: []string{"Halloween"}, m: 10, d: 31},
	{words: []string{"Easter"}, easter: true},
}

// holidayCore matches named days: "Christmas", "New Year's Eve",
// "Easter Monday", optionally with a year ("Christmas 2021").
func (s *scanner) holidayCore(k int, the bool) (expr, bool) {
	t := s.text(k)
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return expr{}, false
	}
next:
	for _, h := range holidays {
		for i, w := range h.words {
			tw := s.text(k + i)
			if tw != w && !(w == "'s" && tw == "’s") {
				continue next
			}
		}
		e := expr{start: startOf(k, the), end: k + len(h.words), kind: kCal, unit: uDay, m: h.m, d: h.d, easter: h.easter}
		if y, short, end, ok := s.yearAt(e.end, false); ok {
			e.y, e.yShort, e.end = y, short, end
		}
		return e, true
	}
	return expr{}, false
}

// fiscalCore matches "fiscal 2022", "fiscal year 2022".
func (s *scanner) fiscalCore(k int, the bool) (expr, bool) {
	if !strings.EqualFold(s.text(k), "fiscal") {
		return expr{}, false
	}
	j := k + 1
	if s.at(j).lex.unit == uYear && !s.at(j).lex.plural {
		j++
	}
	y, short, end, ok := s.yearAt(j, false)
	if !ok {
		return expr{}, false
	}
	return expr{start: startOf(k, the), end: end, kind: kCal, unit: uYear, y: y, yShort: short}, true
}

// seasonCore matches "summer 2021", "the summer of 2021", and "the
// summer", "in spring" (resolved by tense).
func (s *scanner) seasonCore(k int, the bool) (expr, bool) {
	f := s.at(k)
	if f.lex.season == "" {
		return expr{}, false
	}
	e := expr{start: startOf(k, the), end: k + 1, kind: kCal, unit: uSeason, season: f.lex.season}
	j := k + 1
	if s.w(j) == wOf {
		j++
	}
	if y, short, end, ok := s.yearAt(j, false); ok {
		e.y, e.yShort, e.end = y, short, end
		return e, true
	}
	if s.w(k+1) == wOf {
		// "the fall of Kabul"
		return expr{}, false
	}
	if the {
		return e, true
	}
	if strings.EqualFold(s.text(k), "fall") {
		return expr{}, false
	}
	switch strings.ToLower(s.text(k - 1)) {
	case "in", "during", "since", "by", "until", "through", "over", "early", "late", "mid", "this", "before", "after":
		return e, true
	}
	return expr{}, false
}

// podOfCore matches "the morning of November 14".
func (s *scanner) podOfCore(k int, the bool) (expr, bool) {
	f := s.at(k)
	if !the || f.lex.pod == "" || f.lex.plural || s.w(k+1) != wOf {
		return expr{}, false
	}
	d, ok := s.core(k+2, false, false)
	if !ok || !d.dayLevel() || d.hasTime() {
		return expr{}, false
	}
	d.start, d.pod = k-1, f.lex.pod
	return d, true
}

func two(n int) string {
	if n < 0 || n > 99 {
		return "XX"
	}
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
