package coref

import (
	"sort"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/event"
)

// Time bases of a mention.
const (
	basisUnplaced  = iota // no stated time, undated document
	basisPublished        // no stated time: the publication date bounds it
	basisStated           // a time expression places it
)

// Windows around a publication date P, in days: a news report's event is
// most likely in [P-coreDays, P] and probably in [P-windowDays, P].
const (
	coreDays   = 3
	windowDays = 14
	// newsDays: a news report (not a recap) is about something that
	// happened at most this many days before publication; beyond, it
	// would not be news. This is the certain lower bound.
	newsDays = 90
	// derivedDays: a Begin/End with no time argument that lies within this
	// many days before P is taken for a copy of the publication date.
	derivedDays = 31
)

// interval is an inclusive range of days; open ends use negInf/posInf.
type interval struct{ lo, hi int32 }

func (a interval) width() int32 {
	if a.lo <= negInf || a.hi >= posInf {
		return posInf
	}
	return a.hi - a.lo + 1
}

// gap returns the number of days between two intervals, 0 when they
// overlap.
func gap(a, b interval) int32 {
	switch {
	case a.hi < b.lo:
		return b.lo - a.hi
	case b.hi < a.lo:
		return a.lo - b.hi
	}
	return 0
}

func intersect(a, b interval) (interval, bool) {
	r := interval{max(a.lo, b.lo), min(a.hi, b.hi)}
	return r, r.lo <= r.hi
}

// when places a mention in time.
type when struct {
	basis int
	hard  interval // certain bounds, for the hard rules
	soft  interval // probable bounds
	core  interval // most likely bounds
}

// role groups a mention's arguments of some roles.
type role struct {
	ents []string   // entity IDs, sorted, unique
	toks []string   // name words of the arguments, sorted, unique
	args [][]string // name words per argument
	n    int        // number of arguments
	// resolved reports whether every argument has an entity.
	resolved bool
}

func (r *role) add(a *crosscheck.Argument) {
	if r.n == 0 {
		r.resolved = true
	}
	r.n++
	if a.Entity != "" {
		r.ents = append(r.ents, a.Entity)
	} else {
		r.resolved = false
	}
	t := tokens(a.Text)
	r.args = append(r.args, t)
	r.toks = append(r.toks, t...)
}

func (r *role) finish() {
	r.ents = sortUnique(r.ents)
	r.toks = sortUnique(r.toks)
}

// feat holds what scoring needs of one mention.
type feat struct {
	m      *crosscheck.EventMention
	doc    string
	pub    int32 // publication day, or negInf when unknown
	when   when
	agent  role
	pat    role // patient and recipient
	place  role
	name   role // the event's own name (event.RoleName)
	all    role // agent, patient and recipient, for symmetric types
	counts []interval64
	lemma  string
	group  string
	words  []string // stemmed argument words, sorted, unique
	recap  bool
	// timeArg reports a resolved time argument.
	timeArg bool
	// order sorts mentions: publication day, then ID.
	order int
}

// symmetric types have no direction between agent and counterpart:
// "A signs with B" and "B signs with A" are the same act.
func symmetric(typ string) bool {
	return typ == crosscheck.EventMeet || typ == crosscheck.EventAgree
}

// pubBounds returns the first and last day a publication date allows.
func pubBounds(d crosscheck.Date) (interval, bool) {
	if !d.Known() || d.Time.IsZero() {
		return interval{}, false
	}
	y, m, _ := d.Time.Date()
	switch d.Precision {
	case crosscheck.PrecisionYear:
		return interval{dayOf(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), dayOf(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))}, true
	case crosscheck.PrecisionMonth:
		return interval{dayOf(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)), dayOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC))}, true
	}
	d0 := dayOf(d.Time)
	return interval{d0, d0}, true
}

// statedInterval returns the mention's own interval: Begin/End, else the
// first resolved time argument's.
func statedInterval(m *crosscheck.EventMention) (iv interval, fromArg, ok bool) {
	for i := range m.Arguments {
		a := &m.Arguments[i]
		if a.Role == crosscheck.RoleTime && a.Timex != nil && (a.Timex.Begin != "" || a.Timex.End != "") {
			fromArg = true
			if m.Begin == "" && m.End == "" {
				iv, ok = parseInterval(a.Timex.Begin, a.Timex.End)
				return iv, true, ok
			}
			break
		}
	}
	if m.Begin == "" && m.End == "" {
		return interval{}, fromArg, false
	}
	iv, ok = parseInterval(m.Begin, m.End)
	return iv, fromArg, ok
}

// parseInterval reads inclusive bounds; a missing bound is open unless
// the other is a partial date ("2026-03" alone spans the month).
func parseInterval(begin, end string) (interval, bool) {
	lo, okb := parseDay(begin, false)
	hi, oke := parseDay(end, true)
	switch {
	case okb && oke:
		if hi < lo {
			lo, hi = hi, lo
		}
		return interval{lo, hi}, true
	case okb:
		if end == "" {
			hi, _ = parseDay(begin, true)
			return interval{lo, hi}, true
		}
		return interval{lo, posInf}, true
	case oke:
		return interval{negInf, hi}, true
	}
	return interval{}, false
}

func placeMention(m *crosscheck.EventMention, pub interval, hasPub bool) (w when, timeArg bool) {
	iv, fromArg, ok := statedInterval(m)
	if ok && !fromArg && hasPub && iv.lo >= pub.lo-derivedDays && iv.hi <= pub.hi {
		ok = false // a copy of the publication date, not a stated time
	}
	if ok {
		return when{basisStated, iv, iv, iv}, fromArg
	}
	if !hasPub {
		return when{basis: basisUnplaced}, false
	}
	open := interval{negInf, pub.hi}
	if m.Recap {
		return when{basisPublished, open, open, open}, false
	}
	return when{
		basis: basisPublished,
		hard:  interval{pub.lo - newsDays, pub.hi},
		soft:  interval{pub.lo - windowDays, pub.hi},
		core:  interval{pub.lo - coreDays, pub.hi},
	}, false
}

// countBounds returns the bounds a quantity states.
func countBounds(q *crosscheck.Quantity) (interval64, bool) {
	if q == nil {
		return interval64{}, false
	}
	switch q.Kind {
	case "", crosscheck.QuantityCardinal:
	default:
		return interval64{}, false
	}
	lo, hi := q.Value, q.Value
	switch {
	case q.Low != nil || q.High != nil:
		lo, hi = 0, 1e18
		if q.Low != nil {
			lo = *q.Low
		}
		if q.High != nil {
			hi = *q.High
		}
	case q.Vague:
		lo, hi = q.Value/2, q.Value*2
	case q.Approx:
		lo, hi = q.Value*0.9, q.Value*1.1
	}
	if lo > hi || (lo == 0 && hi == 0) {
		return interval64{}, false
	}
	return interval64{lo, hi, q.Vague}, true
}

// interval64 bounds a count; vague marks words such as "dozens" or
// "several", which say little about which group was counted.
type interval64 struct {
	lo, hi float64
	vague  bool
}

// newFeat extracts the features of a mention.
func newFeat(m *crosscheck.EventMention, docs map[string]Doc) feat {
	f := feat{m: m, doc: m.DocID, pub: negInf, recap: m.Recap}
	d, known := docs[m.DocID]
	pub, hasPub := pubBounds(d.Published)
	if !known {
		hasPub = false
	}
	if hasPub {
		f.pub = pub.hi
	}
	f.when, f.timeArg = placeMention(m, pub, hasPub)
	f.lemma = Lemma(m.Trigger)
	f.group = lemmaGroup(f.lemma)
	for i := range m.Arguments {
		a := &m.Arguments[i]
		switch a.Role {
		case crosscheck.RoleAgent:
			f.agent.add(a)
			f.all.add(a)
		case crosscheck.RolePatient, crosscheck.RoleRecipient:
			f.pat.add(a)
			f.all.add(a)
		case crosscheck.RoleLocation:
			f.place.add(a)
		case event.RoleName:
			f.name.add(a)
		}
		switch a.Role {
		case crosscheck.RoleCount, crosscheck.RolePatient:
			if c, ok := countBounds(a.Quantity); ok {
				f.counts = append(f.counts, c)
			}
		}
	}
	f.agent.finish()
	f.pat.finish()
	f.place.finish()
	f.name.finish()
	f.all.finish()
	f.words = terms(m, false)
	return f
}

// Terms returns the vocabulary of a mention: the stemmed words of its
// arguments other than time, count and money, without stopwords, sorted
// and unique.
func Terms(m *crosscheck.EventMention) []string { return terms(m, true) }

// terms returns the vocabulary of a mention, with or without its agent
// and place.
func terms(m *crosscheck.EventMention, actors bool) []string {
	var words []string
	for i := range m.Arguments {
		a := &m.Arguments[i]
		switch a.Role {
		case crosscheck.RoleTime, crosscheck.RoleCount, crosscheck.RoleMoney:
			continue
		case crosscheck.RoleAgent, crosscheck.RoleLocation, event.RoleName:
			if !actors {
				continue
			}
		}
		for _, t := range tokens(a.Text) {
			words = append(words, stem(t))
		}
	}
	return sortUnique(words)
}

func sortUnique(s []string) []string {
	if len(s) < 2 {
		return s
	}
	sort.Strings(s)
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// intersects reports whether two sorted slices share an element.
func intersects(a, b []string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// common counts the elements two sorted slices share and returns the
// first shared one.
func common(a, b []string) (n int, first string) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			if n == 0 {
				first = a[i]
			}
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n, first
}
