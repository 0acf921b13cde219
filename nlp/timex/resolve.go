package timex

import (
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck"
)

// anchor is the date relative expressions are resolved against.
type anchor struct {
	t   time.Time // midnight UTC of the anchor's calendar day
	at  time.Time // the anchor with its time of day, when known
	ok  bool
	src string
	// clock reports that the anchor's time of day is known.
	clock bool
}

func (a anchor) String() string {
	if !a.ok {
		return ""
	}
	return dateString(a.t)
}

// anchorOf turns a document or block date into an anchor when it is known
// to the day.
func anchorOf(d crosscheck.Date, src string) anchor {
	switch d.Precision {
	case crosscheck.PrecisionDay, crosscheck.PrecisionMinute, crosscheck.PrecisionSecond:
	default:
		return anchor{src: crosscheck.AnchorNone}
	}
	y, m, dd := d.Time.Date()
	if !inRange(y) {
		return anchor{src: crosscheck.AnchorNone}
	}
	a := anchor{t: day(y, int(m), dd), at: d.Time, ok: true, src: src}
	a.clock = d.Precision != crosscheck.PrecisionDay
	return a
}

// ref is the story's last date: what "the next day" counts from.
type ref struct {
	t  time.Time
	u  unit
	ok bool
}

// resolver normalises the expressions of one document.
type resolver struct {
	text   string
	pub    anchor
	blocks []crosscheck.Block
	banch  []anchor
	// refs holds the narrative reference of each scope: index 0 is the
	// text outside blocks, 1+i block i.
	refs []ref
}

func newResolver(text string, opt Options) *resolver {
	r := &resolver{text: text, pub: anchorOf(opt.Published, crosscheck.AnchorPublished), blocks: opt.Blocks}
	for _, b := range opt.Blocks {
		r.banch = append(r.banch, anchorOf(b.Date, crosscheck.AnchorBlock))
	}
	r.refs = make([]ref, len(opt.Blocks)+1)
	return r
}

// anchorAt returns the anchor of byte offset pos and its narrative
// scope: the innermost block that holds it, when its date is known to
// the day, else the publication date.
func (r *resolver) anchorAt(pos int) (anchor, int) {
	scope, best := 0, -1
	for i, b := range r.blocks {
		if b.Span.Start <= pos && pos < b.Span.End {
			if best < 0 || b.Span.Len() < r.blocks[best].Span.Len() {
				best = i
			}
		}
	}
	if best >= 0 {
		scope = best + 1
		if r.banch[best].ok {
			return r.banch[best], scope
		}
	}
	return r.pub, scope
}

// resolved is one expression of a sentence on its way to a Timex.
type resolved struct {
	e   expr
	tx  crosscheck.Timex
	day time.Time // the day it names, when it names one
	has bool      // day is set
	abs bool      // the day came from the text, not from the anchor
}

// sentence resolves the expressions of one sentence and appends them to
// out. Times of day without a date take the date of the nearest date of
// the sentence ("at 9:30 a.m. on Monday"), else the anchor's.
func (r *resolver) sentence(out []crosscheck.Timex, s *crosscheck.Sentence, exprs []expr) []crosscheck.Timex {
	var buf [8]resolved
	rs := buf[:0]
	for _, e := range exprs {
		sp, ok := r.span(s, e)
		if !ok {
			continue
		}
		rs = append(rs, resolved{e: e, tx: crosscheck.Timex{Span: sp, Sentence: s.Index, Text: r.text[sp.Start:sp.End]}})
	}
	for k := range rs {
		if rs[k].e.kind != kTime {
			r.resolve(&rs[k], s)
		}
	}
	for k := range rs {
		if rs[k].e.kind == kTime {
			ctx := -1
			for d := range rs {
				if (rs[d].has || rs[d].partialDay()) && rs[d].e.kind != kTime && rs[d].e.pod == "" && (ctx < 0 || absInt(d-k) < absInt(ctx-k)) {
					ctx = d
				}
			}
			r.resolveTime(&rs[k], rs, ctx)
		}
	}
	for k := range rs {
		out = append(out, rs[k].tx)
	}
	return out
}

// partialDay reports a day left partly unknown for want of an anchor
// ("Friday": XXXX-WXX-5), which a time of day can still join.
func (x *resolved) partialDay() bool {
	return !x.has && x.e.dayLevel() && !x.e.hasTime() && x.tx.Value != "" && x.tx.Begin == ""
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// span computes the byte span of an expression, refusing tokens whose
// spans do not fit the text.
func (r *resolver) span(s *crosscheck.Sentence, e expr) (crosscheck.Span, bool) {
	if e.start < 0 || e.end > len(s.Tokens) || e.start >= e.end {
		return crosscheck.Span{}, false
	}
	sp := crosscheck.Span{Start: s.Tokens[e.start].Span.Start, End: s.Tokens[e.end-1].Span.End - e.trim}
	if sp.End <= sp.Start || !sp.Valid(len(r.text)) {
		return crosscheck.Span{}, false
	}
	return sp, true
}

// resolve fills in the normalisation of every kind but kTime.
func (r *resolver) resolve(x *resolved, s *crosscheck.Sentence) {
	e := &x.e
	t := &x.tx
	a, scope := r.anchorAt(t.Span.Start)
	t.Mod = e.mod
	t.Type = crosscheck.TimexDate
	if e.hasTime() {
		t.Type = crosscheck.TimexTime
	}
	relative := func(base anchor) {
		t.Relative = true
		if base.ok {
			t.Anchor, t.AnchorSource = base.String(), base.src
		} else {
			t.AnchorSource = crosscheck.AnchorNone
		}
	}
	setPeriod := func(p period) {
		t.Value = p.value()
		t.Granularity = p.u.granularity()
		b, en := p.withMod(e.mod)
		t.Begin, t.End = dateString(b), dateString(en)
		if p.u == uDay {
			x.day, x.has = p.b, true
		}
		if e.hasTime() {
			t.Value += timeSuffix(e)
			t.Granularity = timeGranularity(e)
		}
		if e.kind != kDuration {
			r.refs[scope] = ref{t: p.b, u: p.u, ok: true}
		}
	}
	switch e.kind {
	case kCal:
		r.resolveCal(x, a, s, relative, setPeriod)
	case kWeekday:
		relative(a)
		if !a.ok {
			if e.deictic {
				return
			}
			t.Value = "XXXX-WXX-" + string(rune('0'+e.wd)) + timeSuffix(e)
			t.Granularity = "day"
			if e.hasTime() {
				t.Granularity = timeGranularity(e)
			}
			return
		}
		dir := e.dir
		if !e.strict {
			tn := tense(s.Tokens, e.start, e.end)
			switch {
			case e.this && tn < 0:
				dir = -1
			case e.this:
				dir = 1
			case tn > 0:
				dir = 1
			default:
				dir = -1
			}
		}
		setPeriod(periodOf(uDay, weekday(a.t, e.wd, dir, e.strict)))
	case kWeekend:
		relative(a)
		if !a.ok {
			return
		}
		p := periodOf(uWeekend, a.t)
		if tense(s.Tokens, e.start, e.end) > 0 {
			if p.e.Before(a.t) {
				p, _ = p.shift(1)
			}
		} else if p.b.After(a.t) {
			p, _ = p.shift(-1)
		}
		setPeriod(p)
	case kShift:
		base := a
		if e.narrative {
			if rf := r.refs[scope]; rf.ok && rank(rf.u) <= rank(e.unit) {
				base = anchor{t: rf.t, ok: true, src: a.src}
				if !a.ok {
					base.src = crosscheck.AnchorNone
				}
			}
		}
		relative(base)
		if !base.ok || !e.nOK {
			if e.hasTime() {
				t.Type = crosscheck.TimexTime
			}
			return
		}
		if e.unit < uDay {
			r.resolveClockShift(x, base)
			return
		}
		p, ok := periodOf(e.unit, base.t).shift(e.n)
		if !ok {
			return
		}
		setPeriod(p)
		switch {
		case e.edge < 0 && e.unit != uDay:
			end := base.t.AddDate(0, 0, -1)
			if end.Before(p.b) {
				end = p.b
			}
			t.End = dateString(end)
		case e.edge > 0 && e.unit != uDay:
			b := base.t.AddDate(0, 0, 1)
			if b.After(p.e) {
				b = p.e
			}
			t.Begin = dateString(b)
		}
	case kRef:
		t.Value = e.value
		relative(a)
		if a.ok {
			switch e.value {
			case "PRESENT_REF":
				t.Begin, t.End = a.String(), a.String()
			case "PAST_REF":
				t.End = a.String()
			case "FUTURE_REF":
				t.Begin = a.String()
			}
		}
	case kDuration:
		t.Type = crosscheck.TimexDuration
		t.Value = durationValue(e.amount, e.unit)
		t.Granularity = e.unit.granularity()
		if e.span != 0 {
			relative(a)
			if a.ok && e.nOK {
				if b, en, ok := durationBounds(a.t, e.unit, e.n, e.span); ok {
					t.Begin, t.End = dateString(b), dateString(en)
				}
			}
		}
	case kSet:
		t.Type = crosscheck.TimexSet
		t.Value = e.value
		t.Granularity = e.unit.granularity()
	}
}

// resolveCal resolves a calendar expression. A written year is used as
// is (two-digit years widened by the pivot); a missing year comes from
// the anchor by tense and distance (see chooseYear).
func (r *resolver) resolveCal(x *resolved, a anchor, s *crosscheck.Sentence, relative func(anchor), setPeriod func(period)) {
	e := &x.e
	t := &x.tx
	t.Granularity = e.unit.granularity()
	if e.hasTime() {
		t.Granularity = timeGranularity(e)
	}
	y := e.y
	if e.yShort {
		ay := 0
		if a.ok {
			ay = a.t.Year()
		}
		y = fullYear(y, ay)
	}
	if e.unit == uDay && !e.easter && !validMonthDay(e.m, e.d) {
		// February 30: a date that no year has. Kept, not normalised.
		return
	}
	if y != 0 && !e.hasYShift {
		p, ok := calPeriod(e, y)
		if !ok {
			return
		}
		setPeriod(p)
		x.abs = true
		return
	}
	relative(a)
	if !a.ok {
		if !e.deictic && !e.hasYShift {
			// "February 22" says part of a date; "last November"
			// and "November last year" say nothing without an anchor.
			t.Value = partialValue(e)
		}
		return
	}
	if e.hasYShift || e.this {
		p, ok := calPeriod(e, a.t.Year()+e.yShift)
		if ok {
			setPeriod(p)
		}
		return
	}
	dir := e.dir
	if !e.strict && dir == 0 {
		dir = tense(s.Tokens, e.start, e.end)
	}
	if p, ok := chooseYear(e, a.t, dir, e.strict); ok {
		setPeriod(p)
	}
}

// calPeriod is the period a calendar expression names in year y.
func calPeriod(e *expr, y int) (period, bool) {
	if !inRange(y) {
		return period{}, false
	}
	switch e.unit {
	case uDay:
		if e.easter {
			return periodOf(uDay, easterSunday(y).AddDate(0, 0, e.d)), true
		}
		if !validDate(y, e.m, e.d) {
			return period{}, false
		}
		return periodOf(uDay, day(y, e.m, e.d)), true
	case uMonth:
		return periodOf(uMonth, day(y, e.m, 1)), true
	case uQuarter:
		if e.q < 1 || e.q > 4 {
			return period{}, false
		}
		return periodOf(uQuarter, day(y, 3*e.q-2, 1)), true
	case uHalf:
		if e.q < 1 || e.q > 2 {
			return period{}, false
		}
		return periodOf(uHalf, day(y, 6*e.q-5, 1)), true
	case uSeason:
		return seasonPeriod(e.season, y), true
	case uYear:
		return periodOf(uYear, day(y, 1, 1)), true
	case uDecade:
		return periodOf(uDecade, day(y, 1, 1)), true
	case uCentury:
		return periodOf(uCentury, day(y, 1, 1)), true
	}
	return period{}, false
}

// chooseYear gives a year-less date the year of the anchor, the one
// before or the one after: in the past tense the latest that does not
// start after the anchor, in the future tense the earliest that does not
// end before it, and otherwise the closest to the anchor (so a date more
// than about six months after the anchor falls in the previous year).
// "last November" and "next March" exclude the anchor's own period.
func chooseYear(e *expr, a time.Time, dir int, strict bool) (period, bool) {
	var cands []period
	for y := a.Year() - 1; y <= a.Year()+1; y++ {
		if p, ok := calPeriod(e, y); ok {
			cands = append(cands, p)
		}
	}
	if len(cands) == 0 {
		return period{}, false
	}
	switch {
	case dir < 0:
		for k := len(cands) - 1; k >= 0; k-- {
			p := cands[k]
			if (strict && p.e.Before(a)) || (!strict && !p.b.After(a)) {
				return p, true
			}
		}
	case dir > 0:
		for _, p := range cands {
			if (strict && p.b.After(a)) || (!strict && !p.e.Before(a)) {
				return p, true
			}
		}
	}
	best := cands[0]
	for _, p := range cands[1:] {
		if p.distance(a) < best.distance(a) {
			best = p
		}
	}
	return best, true
}

// partialValue is the value of a year-less expression with no anchor:
// "XXXX-02-22", "XXXX-11", "XXXX-Q3", "XXXX-SU".
func partialValue(e *expr) string {
	var v string
	switch e.unit {
	case uDay:
		if e.easter {
			return ""
		}
		v = "XXXX-" + two(e.m) + "-" + two(e.d)
	case uMonth:
		v = "XXXX-" + two(e.m)
	case uQuarter:
		v = fmt.Sprintf("XXXX-Q%d", e.q)
	case uSeason:
		v = "XXXX-" + e.season
	default:
		return ""
	}
	return v + timeSuffix(e)
}

// weekday returns the day with ISO weekday wd nearest to a in direction
// dir: on or before a (after a) unless strict.
func weekday(a time.Time, wd, dir int, strict bool) time.Time {
	cur := int(a.Weekday())
	if cur == 0 {
		cur = 7
	}
	if dir < 0 {
		back := (cur - wd + 7) % 7
		if strict && back == 0 {
			back = 7
		}
		return a.AddDate(0, 0, -back)
	}
	fwd := (wd - cur + 7) % 7
	if strict && fwd == 0 {
		fwd = 7
	}
	return a.AddDate(0, 0, fwd)
}

func rank(u unit) int {
	switch u {
	case uSecond, uMinute, uHour, uDay:
		return 1
	case uWeek, uWeekend:
		return 2
	case uMonth:
		return 3
	case uQuarter, uHalf, uSeason:
		return 4
	case uYear:
		return 5
	}
	return 6
}

func timeSuffix(e *expr) string {
	switch {
	case e.clock:
		return fmt.Sprintf("T%02d:%02d", e.hh, e.mi)
	case e.pod != "":
		return "T" + e.pod
	}
	return ""
}

func timeGranularity(e *expr) string {
	if e.clock && e.unit == uMinute {
		return "minute"
	}
	return "hour"
}

// resolveTime dates a time of day with the sentence's nearest date (ctx,
// an index into rs, or -1), else with the anchor.
func (r *resolver) resolveTime(x *resolved, rs []resolved, ctx int) {
	e := &x.e
	t := &x.tx
	t.Type = crosscheck.TimexTime
	t.Mod = e.mod
	t.Granularity = timeGranularity(e)
	a, scope := r.anchorAt(t.Span.Start)
	if ctx >= 0 && rs[ctx].partialDay() {
		c := &rs[ctx]
		t.Value = c.tx.Value + timeSuffix(e)
		t.Relative, t.AnchorSource = true, c.tx.AnchorSource
		return
	}
	if ctx >= 0 {
		c := &rs[ctx]
		t.Value = dateString(c.day) + timeSuffix(e)
		t.Begin, t.End = dateString(c.day), dateString(c.day)
		if !c.abs {
			t.Relative, t.Anchor, t.AnchorSource = true, c.tx.Anchor, c.tx.AnchorSource
		}
		return
	}
	t.Relative = true
	if !a.ok {
		t.AnchorSource = crosscheck.AnchorNone
		t.Value = "XXXX-XX-XX" + timeSuffix(e)
		return
	}
	t.Anchor, t.AnchorSource = a.String(), a.src
	t.Value = a.String() + timeSuffix(e)
	t.Begin, t.End = a.String(), a.String()
	r.refs[scope] = ref{t: a.t, u: uDay, ok: true}
}

// resolveClockShift resolves "two hours ago": to the minute when the
// anchor has a time of day, else to the anchor's day.
func (r *resolver) resolveClockShift(x *resolved, a anchor) {
	e := &x.e
	t := &x.tx
	t.Type = crosscheck.TimexTime
	if e.n > 1_000_000 || e.n < -1_000_000 {
		return
	}
	d := time.Duration(e.n)
	switch e.unit {
	case uHour:
		d *= time.Hour
	case uMinute:
		d *= time.Minute
	default:
		d *= time.Second
	}
	if a.clock {
		at := a.at.Add(d)
		t.Value = at.Format("2006-01-02T15:04")
		t.Granularity = "minute"
		y, m, dd := at.Date()
		t.Begin = dateString(day(y, int(m), dd))
		t.End = t.Begin
		return
	}
	t.Value = a.String()
	t.Granularity = "day"
	t.Begin, t.End = a.String(), a.String()
}

// durationBounds is the interval of "the past three years" (span -1) or
// "the next three years" (span +1) from anchor a.
func durationBounds(a time.Time, u unit, n int64, span int) (time.Time, time.Time, bool) {
	if n < 0 || n > 10000 {
		return time.Time{}, time.Time{}, false
	}
	k := int(n)
	if span < 0 {
		k = -k
	}
	var o time.Time
	switch u {
	case uSecond, uMinute:
		o = a
	case uHour:
		o = a.AddDate(0, 0, k/24)
	case uDay:
		o = a.AddDate(0, 0, k)
	case uWeek:
		o = a.AddDate(0, 0, 7*k)
	case uMonth:
		o = a.AddDate(0, k, 0)
	case uQuarter, uSeason:
		o = a.AddDate(0, 3*k, 0)
	case uHalf:
		o = a.AddDate(0, 6*k, 0)
	case uYear:
		o = a.AddDate(k, 0, 0)
	case uDecade:
		o = a.AddDate(10*k, 0, 0)
	case uCentury:
		o = a.AddDate(100*k, 0, 0)
	default:
		return time.Time{}, time.Time{}, false
	}
	if !inRange(o.Year()) {
		return time.Time{}, time.Time{}, false
	}
	if span < 0 {
		return o, a, true
	}
	return a, o, true
}
