package score

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	linkscore "github.com/crosscheck/crosscheck/link/score"
)

// EventMap is how a system event was mapped to a gold event.
type EventMap struct {
	System string `json:"system"`
	Title  string `json:"title"`
	// Gold is the gold event most of its matched mentions belong to, or
	// "" when none matched.
	Gold string `json:"gold,omitempty"`
	// Matched counts its mentions matched to mentions of Gold; Mentions
	// its mentions in the gold's articles.
	Matched  int `json:"matched"`
	Mentions int `json:"mentions"`
}

// mapEvents maps each system event to the gold event that most of its
// matched mentions belong to (ties go to the gold's first event).
func mapEvents(link *linkscore.Gold, r *linkscore.Resolved, g *crosscheck.Graph) []EventMap {
	inGold := map[string]bool{}
	for _, id := range r.Docs {
		inGold[id] = true
	}
	var gold []linkscore.LocatedEvent
	var goldType []string
	var goldEvent []int
	for i, locs := range r.Events {
		for _, l := range locs {
			gold = append(gold, l)
			goldType = append(goldType, link.Events[i].Type)
			goldEvent = append(goldEvent, i)
		}
	}
	var sys []crosscheck.EventMention
	var owner []int
	out := make([]EventMap, len(g.Events))
	for i, e := range g.Events {
		out[i] = EventMap{System: e.ID, Title: e.Title}
		for _, m := range e.Mentions {
			if !inGold[m.DocID] {
				continue
			}
			if m.Type == "" {
				m.Type = e.Type
			}
			sys = append(sys, m)
			owner = append(owner, i)
			out[i].Mentions++
		}
	}
	votes := make([]map[int]int, len(g.Events))
	for s, gi := range linkscore.MatchEvents(gold, goldType, sys) {
		if gi < 0 {
			continue
		}
		e := owner[s]
		if votes[e] == nil {
			votes[e] = map[int]int{}
		}
		votes[e][goldEvent[gi]]++
	}
	for i, v := range votes {
		best, n := -1, 0
		for ge, c := range v {
			if c > n || c == n && ge < best {
				best, n = ge, c
			}
		}
		if best >= 0 {
			out[i].Gold, out[i].Matched = link.Events[best].ID, n
		}
	}
	return out
}

// entities tells whether a claim names a gold entity.
type entities struct {
	// at holds, per gold entity ID, its mentions placed in documents;
	// names its name and mention texts, lower-cased.
	at    map[string][]linkscore.Located
	names map[string][]string
}

func newEntities(link *linkscore.Gold, r *linkscore.Resolved) entities {
	x := entities{at: map[string][]linkscore.Located{}, names: map[string][]string{}}
	if link == nil {
		return x
	}
	for i, e := range link.Entities {
		ns := []string{strings.ToLower(e.Name)}
		for _, m := range e.Mentions {
			if t := strings.ToLower(m.Text); !slices.Contains(ns, t) {
				ns = append(ns, t)
			}
		}
		x.names[e.ID] = ns
		if r != nil && i < len(r.Entities) {
			x.at[e.ID] = r.Entities[i]
		}
	}
	return x
}

// match returns how well claim c names entity id: 2 by name, 1 by a
// span overlapping one of its mentions, 0 not at all.
func (x entities) match(c *crosscheck.Claim, id string) int {
	for _, n := range x.names[id] {
		if strings.EqualFold(c.Value, n) || strings.EqualFold(strings.TrimSpace(c.Text), n) {
			return 2
		}
	}
	for _, l := range x.at[id] {
		if l.Doc == c.DocID && l.Span.Start < c.Span.End && c.Span.Start < l.Span.End {
			return 1
		}
	}
	return 0
}

// valueSet holds the distinct gold values of one event and role.
type valueSet struct {
	values []Value
	index  map[string]int // Value.key → index
}

func (s *valueSet) add(v Value) int {
	if s.index == nil {
		s.index = map[string]int{}
	}
	k := v.key()
	if i, ok := s.index[k]; ok {
		return i
	}
	s.index[k] = len(s.values)
	s.values = append(s.values, v)
	return len(s.values) - 1
}

// find returns the index of the gold value claim c states (from article
// art), or -1. See the package doc for the rule.
func (s *valueSet) find(c *crosscheck.Claim, art string, ents entities) int {
	best, bestD := -1, math.Inf(1)
	for i, v := range s.values {
		if !slices.Contains(v.Articles, art) {
			continue
		}
		d, ok := distance(c, v, ents)
		if ok && d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// distance reports whether claim c can state value v and, if so, how
// far apart they are (0 for the same value).
func distance(c *crosscheck.Claim, v Value, ents entities) (float64, bool) {
	switch v.kind() {
	case "number":
		if c.Quantity == nil {
			return 0, false
		}
		q := c.Quantity
		if q.Unit != "" && v.Unit != "" && q.Unit != v.Unit {
			return 0, false
		}
		if len(v.Heads) > 0 && q.Head != "" && !shareWord(q.Head, v.Heads) {
			return 0, false
		}
		lo, hi := quantityBounds(*q)
		vlo, vhi := v.bounds()
		if lo > vhi || vlo > hi {
			return 0, false
		}
		return gap(lo, vlo) + gap(hi, vhi), true
	case "time":
		if c.Timex == nil || c.Timex.Begin == "" {
			return 0, false
		}
		b, e := c.Timex.Begin, c.Timex.End
		if e == "" {
			e = b
		}
		vb, ve := v.dates()
		if b > ve || vb > e {
			return 0, false
		}
		return float64(dayGap(b, vb) + dayGap(e, ve)), true
	case "entity":
		if m := ents.match(c, v.Entity); m > 0 {
			return float64(2 - m), true
		}
	}
	return 0, false
}

// quantityBounds is a quantity's closed interval, as the ledger reads it.
func quantityBounds(q crosscheck.Quantity) (lo, hi float64) {
	if q.Low == nil && q.High == nil {
		return q.Value, q.Value
	}
	lo, hi = 0, math.Inf(1)
	if q.Low != nil {
		lo = *q.Low
	}
	if q.High != nil {
		hi = *q.High
	}
	return lo, hi
}

// gap is a relative distance between two bounds: 0 when equal (or both
// unbounded), 1 when only one is unbounded.
func gap(a, b float64) float64 {
	switch {
	case a == b:
		return 0
	case math.IsInf(a, 0) || math.IsInf(b, 0):
		return 1
	}
	return math.Abs(a-b) / math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func dayGap(a, b string) int {
	x, err1 := day(a)
	y, err2 := day(b)
	if err1 != nil || err2 != nil {
		return 1 << 20
	}
	if x > y {
		return x - y
	}
	return y - x
}

// day parses "YYYY-MM-DD" into days since 1970-01-01.
func day(s string) (int, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, err
	}
	return int(t.Unix() / 86400), nil
}

// shareWord reports whether the counted noun head shares a word with
// one of heads (plural s ignored).
func shareWord(head string, heads []string) bool {
	norm := func(w string) string { return strings.TrimSuffix(strings.ToLower(w), "s") }
	for _, w := range strings.Fields(head) {
		for _, h := range heads {
			for _, x := range strings.Fields(h) {
				if norm(w) == norm(x) {
					return true
				}
			}
		}
	}
	return false
}
