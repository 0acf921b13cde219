package coref

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// buildEvent turns a cluster of mentions into an Event.
func buildEvent(f []feat, members []int, names map[string]string) crosscheck.Event {
	slices.SortFunc(members, func(a, b int) int {
		ma, mb := f[a].m, f[b].m
		return cmp.Or(cmp.Compare(f[a].order, f[b].order), cmp.Compare(ma.DocID, mb.DocID),
			cmp.Compare(ma.Sentence, mb.Sentence), cmp.Compare(ma.TriggerSpan.Start, mb.TriggerSpan.Start),
			cmp.Compare(ma.ID, mb.ID))
	})
	first := f[members[0]].m
	sum := sha256.Sum256([]byte(first.ID))
	ev := crosscheck.Event{ID: "V" + hex.EncodeToString(sum[:8]), Type: first.Type}

	var entities []string
	seenDoc := map[string]bool{}
	for _, i := range members {
		m := f[i].m
		ev.Mentions = append(ev.Mentions, *m)
		if !seenDoc[m.DocID] {
			seenDoc[m.DocID] = true
			ev.Docs = append(ev.Docs, m.DocID)
		}
		for _, a := range m.Arguments {
			if a.Entity != "" {
				entities = append(entities, a.Entity)
			}
		}
	}
	ev.Entities = sortUnique(entities)
	ev.Begin, ev.End = eventInterval(f, members)

	// The title comes from the most complete mention; among equals the
	// one whose count most others agree with, then the earliest.
	agree := func(i int) int {
		n := 0
		for _, j := range members {
			if ok, _, known := countsCompatible(f[i].counts, f[j].counts); ok && known && i != j {
				n++
			}
		}
		return n
	}
	main, mainC, mainA := members[0], completeness(&f[members[0]], names), agree(members[0])
	for _, i := range members[1:] {
		c := completeness(&f[i], names)
		if c < mainC {
			continue
		}
		if a := agree(i); c > mainC || a > mainA {
			main, mainC, mainA = i, c, a
		}
	}
	label := FormatInterval(ev.Begin, ev.End)
	if !stated(f, members) && ev.End != "" {
		label = "by " + ev.End
	}
	ev.Title = title(&f[main], label, names)
	return ev
}

// eventInterval bounds an event: the intersection of its stated
// intervals, or their union when they disagree; without stated times the
// first report's publication date ends it (begin 14 days earlier, or
// open when only recaps report it).
func eventInterval(f []feat, members []int) (begin, end string) {
	var iv interval
	n := 0
	agree := true
	for _, i := range members {
		w := f[i].when
		if w.basis != basisStated {
			continue
		}
		if n == 0 {
			iv = w.soft
		} else if agree {
			if x, ok := intersect(iv, w.soft); ok {
				iv = x
			} else {
				agree = false
			}
		}
		n++
	}
	if n > 0 && !agree {
		iv = interval{posInf, negInf}
		for _, i := range members {
			if w := f[i].when; w.basis == basisStated {
				iv.lo, iv.hi = min(iv.lo, w.soft.lo), max(iv.hi, w.soft.hi)
			}
		}
	}
	if n == 0 {
		news, recaps := posInf, posInf
		for _, i := range members {
			if f[i].when.basis != basisPublished {
				continue
			}
			if f[i].recap {
				recaps = min(recaps, f[i].pub)
			} else {
				news = min(news, f[i].pub)
			}
		}
		switch {
		case news < posInf:
			iv = interval{news - windowDays, news}
		case recaps < posInf:
			iv = interval{negInf, recaps}
		default:
			return "", ""
		}
	}
	if iv.lo > negInf {
		begin = formatDay(iv.lo)
	}
	if iv.hi < posInf {
		end = formatDay(iv.hi)
	}
	return begin, end
}

// stated reports whether a mention of the cluster has a stated time.
func stated(f []feat, members []int) bool {
	for _, i := range members {
		if f[i].when.basis == basisStated {
			return true
		}
	}
	return false
}

// completeness ranks mentions for the title: news over recap, asserted
// over negated, then the more roles filled (a pronoun without an entity
// name fills nothing).
func completeness(f *feat, names map[string]string) int {
	c := 0
	if !f.recap {
		c += 16
	}
	if !f.m.Negated {
		c += 8
	}
	var agent, obj, place bool
	for i := range f.m.Arguments {
		a := &f.m.Arguments[i]
		if actorText(a, names) == "" {
			continue
		}
		switch a.Role {
		case crosscheck.RoleAgent:
			agent = true
		case crosscheck.RolePatient, crosscheck.RoleCount:
			obj = true
		case crosscheck.RoleLocation:
			place = true
		}
	}
	if agent {
		c += 4
	}
	if obj {
		c += 2
	}
	if len(f.counts) > 0 {
		c++
	}
	if place {
		c++
	}
	if f.timeArg {
		c++
	}
	return c
}

// pronouns stand for an actor without naming it.
var pronouns = map[string]bool{
	"it": true, "its": true, "they": true, "them": true, "he": true, "him": true, "she": true, "her": true,
	"we": true, "us": true, "you": true, "i": true, "this": true, "that": true, "these": true, "those": true,
	"which": true, "who": true, "whom": true, "what": true, "one": true, "some": true, "others": true,
}

// actorText is how a title names an argument: an agent or recipient by
// its entity's canonical name when known (neutral, whatever the outlet's
// wording: "the SSS secret police", "it"), anything else by its text, or
// by its entity's name when the text is a pronoun or a lower-case
// description ("the service"); "" for a pronoun without an entity name.
func actorText(a *crosscheck.Argument, names map[string]string) string {
	text := clip(a.Text, 8)
	if text == "" {
		return ""
	}
	name := names[a.Entity]
	if name != "" && (a.Role == crosscheck.RoleAgent || a.Role == crosscheck.RoleRecipient) {
		return name
	}
	first, _, _ := strings.Cut(text, " ")
	if pronouns[strings.ToLower(first)] && !strings.Contains(text, " ") {
		return name
	}
	if name != "" && strings.HasPrefix(text, "the ") {
		return name
	}
	return text
}

// plural reports whether an agent phrase takes a plural verb: "Ostravia
// and Talmera", "the police", "these people", "Her clients".
func plural(agent string) bool {
	words := strings.Fields(strings.ToLower(agent))
	if len(words) == 0 {
		return false
	}
	if slices.Contains(words, "and") {
		return true
	}
	last := words[len(words)-1]
	switch last {
	case "people", "police", "they", "we", "you", "men", "women", "children", "troops", "forces":
		return true
	}
	orig := strings.Fields(agent)
	if unicode.IsUpper([]rune(orig[len(orig)-1])[0]) {
		return false // a name: "Reuters", "Athens"
	}
	return strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "us") &&
		!strings.HasSuffix(last, "is")
}

// verb holds the forms of a verb used in titles.
type verb struct{ base, third, past string }

var verbTable = map[string]verb{
	"hold":      {"hold", "holds", "held"},
	"meet":      {"meet", "meets", "met"},
	"strike":    {"strike", "strikes", "struck"},
	"shoot":     {"shoot", "shoots", "shot"},
	"send":      {"send", "sends", "sent"},
	"give":      {"give", "gives", "given"},
	"say":       {"say", "says", "said"},
	"catch":     {"catch", "catches", "caught"},
	"hit":       {"hit", "hits", "hit"},
	"spy":       {"spy", "spies", "spied"},
	"ban":       {"ban", "bans", "banned"},
	"expel":     {"expel", "expels", "expelled"},
	"net":       {"net", "nets", "netted"},
	"nab":       {"nab", "nabs", "nabbed"},
	"round":     {"round up", "rounds up", "rounded up"},
	"call":      {"call in", "calls in", "called in"},
	"talk":      {"hold talks with", "holds talks with", "held talks with"},
	"deal":      {"sign a deal with", "signs a deal with", "agreed a deal with"},
	"sweep":     {"carry out a sweep against", "carries out a sweep against", "swept up"},
	"crackdown": {"crack down on", "cracks down on", "cracked down on"},
	"exercise":  {"hold an exercise with", "holds an exercise with", "drilled"},
	"drill":     {"hold drills with", "holds drills with", "drilled"},
	"free":      {"free", "frees", "freed"},
}

// verbOf returns the title forms for a lemma, or false when the trigger
// is a noun the table does not know.
func verbOf(lemma, trigger string) (verb, bool) {
	if v, ok := verbTable[lemma]; ok {
		return v, true
	}
	t := strings.ToLower(trigger)
	if _, known := lemmaGroups[lemma]; !known && !strings.HasSuffix(t, "ed") && !strings.HasSuffix(t, "ing") {
		return verb{}, false
	}
	v := verb{base: lemma}
	n := len(lemma)
	switch {
	case n == 0:
		return verb{}, false
	case strings.HasSuffix(lemma, "y") && n > 1 && !isVowel(lemma[n-2]):
		v.third, v.past = lemma[:n-1]+"ies", lemma[:n-1]+"ied"
	case strings.HasSuffix(lemma, "e"):
		v.third, v.past = lemma+"s", lemma+"d"
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z") ||
		strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh"):
		v.third, v.past = lemma+"es", lemma+"ed"
	default:
		v.third, v.past = lemma+"s", lemma+"ed"
	}
	return v, true
}

// prepositions that may open a location argument's text.
var prepositions = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "on": true,
	"across": true, "around": true, "off": true, "along": true, "from": true, "to": true,
}

// title writes "TYPE: Agent verbs patient to/with counterpart in Place
// (interval)".
func title(f *feat, label string, names map[string]string) string {
	m := f.m
	var agents []string
	var obj, other, place, count string
	for i := range m.Arguments {
		a := &m.Arguments[i]
		text := actorText(a, names)
		if text == "" {
			continue
		}
		switch a.Role {
		case crosscheck.RoleAgent:
			if len(agents) < 2 && !slices.Contains(agents, text) && (len(agents) == 0 || symmetric(m.Type)) {
				agents = append(agents, text)
			}
		case crosscheck.RolePatient:
			if obj == "" {
				obj = text
			}
		case crosscheck.RoleRecipient:
			if other == "" {
				other = text
			}
		case crosscheck.RoleLocation:
			if place == "" {
				place = clip(a.Text, 5)
			}
		case crosscheck.RoleCount:
			if count == "" {
				count = text
				if q := a.Quantity; q != nil && q.Head != "" && !strings.Contains(text, q.Head) {
					count += " " + q.Head
				}
			}
		}
	}
	agent := strings.Join(agents, " and ")
	if obj == "" {
		obj = count
	}
	if obj != "" && strings.Contains(strings.ToLower(agent), strings.ToLower(obj)) {
		obj = ""
	}
	var s string
	v, isVerb := verbOf(f.lemma, m.Trigger)
	switch {
	case !isVerb:
		s = capitalize(clip(m.Trigger, 3))
		if agent != "" {
			s += " by " + agent
		}
		if obj != "" {
			s += " of " + obj
		}
	case agent != "":
		form := v.third
		if plural(agent) {
			form = v.base
		}
		s = capitalize(agent) + " " + form
		if obj != "" {
			s += " " + obj
		}
	case obj != "":
		s = capitalize(obj) + " " + v.past
	default:
		s = capitalize(f.lemma)
	}
	if other != "" {
		switch {
		case strings.HasSuffix(s, " with"):
			s += " " + other
		case symmetric(m.Type):
			s += " with " + other
		case m.Type == crosscheck.EventEspionage:
			s += " for " + other
		default:
			s += " to " + other
		}
	}
	s = trimPreposition(s)
	if place != "" && !strings.Contains(s, place) {
		if w, _, _ := strings.Cut(place, " "); prepositions[strings.ToLower(w)] {
			s += " " + place
		} else {
			s += " in " + place
		}
	}
	if label != "undated" {
		s += " (" + label + ")"
	}
	return m.Type + ": " + s
}

// trimPreposition drops a dangling final preposition ("signs a deal
// with").
func trimPreposition(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if i > 0 {
		switch s[i+1:] {
		case "with", "on", "against", "in":
			return s[:i]
		}
	}
	return s
}

// SortEvents orders events by time: by Begin (an open begin sorts by its
// End), then End, then ID; undated events last.
func SortEvents(events []crosscheck.Event) {
	slices.SortFunc(events, func(a, b crosscheck.Event) int {
		ka, kb := sortKey(a), sortKey(b)
		if (ka == "") != (kb == "") {
			if ka == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(a.End, b.End), cmp.Compare(a.ID, b.ID))
	})
}

func sortKey(e crosscheck.Event) string {
	if e.Begin != "" {
		return e.Begin
	}
	return e.End
}
