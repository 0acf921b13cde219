package story

import (
	"cmp"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/coref"
)

// Bases of an event's interval.
const (
	// BasisStated: a report gives the time ("on Monday", "in mid-March").
	BasisStated = "stated"
	// BasisPublished: no report gives a time; the interval comes from
	// publication dates (on or before the first report).
	BasisPublished = "published"
	// BasisUndated: nothing places the event in time.
	BasisUndated = "undated"
)

// TimelineEntry is one event on a timeline.
type TimelineEntry struct {
	Event string `json:"event"`
	Type  string `json:"type"`
	Title string `json:"title"`
	// Begin and End are the event's interval (inclusive dates, either
	// may be empty).
	Begin string `json:"begin,omitempty"`
	End   string `json:"end,omitempty"`
	// Label renders the interval at its granularity: "2026-03-16",
	// "2026-03", "2026-03-01..2026-03-10", "by 2026-03-17" (on or before),
	// "undated".
	Label string `json:"label"`
	// Basis is one of the Basis* constants.
	Basis string `json:"basis"`
	// Disputed reports that the times the reports state do not overlap:
	// the interval is their union (outlets disagree on the day).
	Disputed bool `json:"disputed,omitempty"`
	Docs     int  `json:"docs"`
	Mentions int  `json:"mentions"`
}

// Timeline orders events by time: events with a stated time by Begin,
// then End; events known only from publication dates, or only bounded
// above, by End (the date they happened by); undated events last, by
// title. Ties go by ID.
func Timeline(events []crosscheck.Event) []TimelineEntry {
	out := make([]TimelineEntry, 0, len(events))
	for i := range events {
		out = append(out, entry(&events[i]))
	}
	slices.SortFunc(out, func(a, b TimelineEntry) int {
		ka, kb := timelineKey(a), timelineKey(b)
		if (ka == "") != (kb == "") {
			if ka == "" {
				return 1
			}
			return -1
		}
		if ka == "" {
			return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.Event, b.Event))
		}
		return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(a.End, b.End), cmp.Compare(a.Event, b.Event))
	})
	return out
}

func timelineKey(e TimelineEntry) string {
	if e.Basis == BasisStated && e.Begin != "" {
		return e.Begin
	}
	return e.End
}

func entry(e *crosscheck.Event) TimelineEntry {
	t := TimelineEntry{Event: e.ID, Type: e.Type, Title: e.Title, Begin: e.Begin, End: e.End,
		Docs: len(e.Docs), Mentions: len(e.Mentions)}
	var stated [][2]int32
	for i := range e.Mentions {
		if lo, hi, ok := mentionSpan(&e.Mentions[i]); ok {
			stated = append(stated, [2]int32{lo, hi})
		}
	}
	switch {
	case e.Begin == "" && e.End == "":
		t.Basis, t.Label = BasisUndated, "undated"
	case len(stated) > 0:
		t.Basis, t.Label = BasisStated, coref.FormatInterval(e.Begin, e.End)
		lo, hi := stated[0][0], stated[0][1]
		for _, s := range stated[1:] {
			lo, hi = max(lo, s[0]), min(hi, s[1])
		}
		t.Disputed = lo > hi
	default:
		t.Basis, t.Label = BasisPublished, "by "+e.End
	}
	return t
}

// mentionSpan returns a mention's stated interval in days: its
// Begin/End, else its time argument's.
func mentionSpan(m *crosscheck.EventMention) (lo, hi int32, ok bool) {
	if lo, hi, ok = span(m.Begin, m.End); ok {
		return lo, hi, true
	}
	for _, a := range m.Arguments {
		if a.Role == crosscheck.RoleTime && a.Timex != nil {
			if lo, hi, ok = span(a.Timex.Begin, a.Timex.End); ok {
				return lo, hi, true
			}
		}
	}
	return 0, 0, false
}

// Open ends of an interval, in days.
const (
	negInf int32 = -1 << 28
	posInf int32 = 1 << 28
)

// span reads inclusive bounds into days since 1970-01-01; a missing side
// is open (or, for a lone partial date, its own end); ok is false when
// neither side parses.
func span(begin, end string) (lo, hi int32, ok bool) {
	lo, okb := day(begin, false)
	hi, oke := day(end, true)
	switch {
	case okb && oke:
		return lo, hi, true
	case okb && end == "":
		hi, _ = day(begin, true)
		return lo, hi, true
	case okb:
		return lo, posInf, true
	case oke:
		return negInf, hi, true
	}
	return 0, 0, false
}

// day parses "YYYY-MM-DD", "YYYY-MM" or "YYYY": the first day, or the
// last when last is set.
func day(s string, last bool) (int32, bool) {
	var t time.Time
	var err error
	switch len(s) {
	case 10:
		t, err = time.Parse("2006-01-02", s)
	case 7:
		if t, err = time.Parse("2006-01", s); last {
			t = t.AddDate(0, 1, -1)
		}
	case 4:
		if t, err = time.Parse("2006", s); last {
			t = t.AddDate(1, 0, -1)
		}
	default:
		return 0, false
	}
	if err != nil {
		return 0, false
	}
	return int32(t.Unix() / 86400), true
}
