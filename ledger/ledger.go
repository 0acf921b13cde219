// Package ledger builds the claim ledger: for each event, what each
// reporting article states about it (counts, times, places, actors,
// charges, money), with the evidence span, the attribution (the outlet's
// own voice or a named source) and the modality (asserted, alleged,
// reportedly, denied…); then how the statements of different articles
// compare, which facts only one source reports, what a source leaves out
// that most others report, who is quoted by whom, and how each article
// and outlet frames the affair.
//
// Comparison rules, per role:
//
//   - count and money: each claim is an interval from its quantity
//     (19 → [19,19]; "at least 20" → [20,∞); "dozens" → [24,∞); "up to
//     $1,000" → [0,1000]; "about 300" → its stated bounds). Equal exact
//     values agree; overlapping intervals are compatible (one is more
//     specific); disjoint intervals conflict — or are an update when the
//     later article comes from the same outlet or cites the same source
//     as the earlier one. Money in different currencies is a different
//     scope; so are counts of different things (the head nouns share no
//     word and neither is a generic word for people) and counts of a part
//     of a group ("seventeen of them").
//   - time: intervals of the time expressions at their granularity; the
//     same interval agrees, containment or overlap is compatible
//     ("March 2026" ⊃ "March 16"), disjoint intervals conflict.
//   - location: the same entity agrees; a place inside the other (by the
//     place hierarchy given in Input.Within) is compatible; different
//     places are a different scope, since reports often name several.
//   - agent, patient, recipient, instrument: the same entity agrees;
//     entities of the same type conflict; otherwise different scope.
//   - charge: the same words agree, else different scope.
package ledger

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Version names this code in every claim's Extractor.
const Version = "ledger/1"

// Input is what the ledger is built from.
type Input struct {
	Graph  *crosscheck.Graph
	Docs   map[string]*crosscheck.Document
	Layers map[string]*crosscheck.Annotations
	// Within reports whether place a lies inside place b (both canonical
	// entity names); nil means no hierarchy is known.
	Within func(a, b string) bool
	// Lexicon holds the loaded terms for framing; nil uses the built-in
	// one.
	Lexicon *Lexicon
}

// Source is an article that reports an event.
type Source struct {
	DocID     string `json:"doc_id"`
	Outlet    string `json:"outlet"`
	Published string `json:"published,omitempty"`
	Title     string `json:"title"`
}

// Single is a value only one of an event's sources states.
type Single struct {
	Role   string   `json:"role"`
	Value  string   `json:"value"`
	DocID  string   `json:"doc_id"`
	Claims []string `json:"claims"`
}

// Omission is a role most of an event's sources report and one leaves
// out.
type Omission struct {
	DocID      string   `json:"doc_id"`
	Role       string   `json:"role"`
	ReportedBy []string `json:"reported_by"`
}

// EventLedger is the ledger of one event.
type EventLedger struct {
	ID          string                  `json:"id"`
	Type        string                  `json:"type"`
	Title       string                  `json:"title"`
	Begin       string                  `json:"begin,omitempty"`
	End         string                  `json:"end,omitempty"`
	Sources     []Source                `json:"sources"`
	Claims      []crosscheck.Claim      `json:"claims"`
	Comparisons []crosscheck.Comparison `json:"comparisons"`
	Single      []Single                `json:"single_source"`
	Omissions   []Omission              `json:"omissions"`
}

// Count returns how many comparisons have the verdict.
func (e *EventLedger) Count(verdict string) int {
	n := 0
	for _, c := range e.Comparisons {
		if c.Verdict == verdict {
			n++
		}
	}
	return n
}

// Ledger is the whole ledger of a story (or of the corpus).
type Ledger struct {
	// Story is the story the ledger covers, or nil for every event.
	Story  *crosscheck.Story `json:"story,omitempty"`
	Events []EventLedger     `json:"events"`
	// Exclusive are details (names, sums of money) that only one article
	// of the story mentions.
	Exclusive []Exclusive `json:"exclusive"`
	// Quoted lists who is quoted by which article.
	Quoted    []QuoteUse       `json:"quoted"`
	Articles  []ArticleFraming `json:"articles"`
	Outlets   []OutletFraming  `json:"outlets"`
	Extractor string           `json:"extractor"`
}

// Build makes the ledger of the events of one story (storyID), or of
// every event reported by at least one article when storyID is empty.
func Build(in Input, storyID string) (*Ledger, error) {
	if in.Graph == nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "no linked graph: run 'crosscheck link' first")
	}
	if in.Lexicon == nil {
		in.Lexicon = DefaultLexicon()
	}
	l := &Ledger{Extractor: Version}
	events := in.Graph.Events
	if storyID != "" {
		var story *crosscheck.Story
		for i := range in.Graph.Stories {
			if in.Graph.Stories[i].ID == storyID {
				story = &in.Graph.Stories[i]
			}
		}
		if story == nil {
			return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no story %s", storyID)
		}
		l.Story = story
		in := map[string]bool{}
		for _, id := range story.Events {
			in[id] = true
		}
		var sel []crosscheck.Event
		for _, ev := range events {
			if in[ev.ID] {
				sel = append(sel, ev)
			}
		}
		events = sel
	}
	names := map[string]*crosscheck.Entity{}
	for i := range in.Graph.Entities {
		names[in.Graph.Entities[i].ID] = &in.Graph.Entities[i]
	}
	docSet := map[string]bool{}
	for _, ev := range events {
		el := eventLedger(in, ev, names)
		for _, s := range el.Sources {
			docSet[s.DocID] = true
		}
		l.Events = append(l.Events, el)
	}
	sort.SliceStable(l.Events, func(i, j int) bool {
		a, b := &l.Events[i], &l.Events[j]
		if ca, cb := a.Count(crosscheck.VerdictConflict), b.Count(crosscheck.VerdictConflict); ca != cb {
			return ca > cb
		}
		return len(a.Sources) > len(b.Sources)
	})
	docs := sortedKeys(docSet)
	l.Exclusive = exclusives(in, docs, names)
	l.Quoted = quoted(in, docs, names)
	l.Articles, l.Outlets = framing(in, docs, l)
	return l, nil
}

// eventLedger gathers the claims of one event and compares them.
func eventLedger(in Input, ev crosscheck.Event, names map[string]*crosscheck.Entity) EventLedger {
	el := EventLedger{ID: ev.ID, Type: ev.Type, Title: ev.Title, Begin: ev.Begin, End: ev.End,
		Claims: []crosscheck.Claim{}, Comparisons: []crosscheck.Comparison{}, Single: []Single{}, Omissions: []Omission{}}
	seenDoc := map[string]bool{}
	seenClaim := map[string]bool{}
	n := map[string]int{}
	for _, m := range ev.Mentions {
		doc := in.Docs[m.DocID]
		if doc == nil {
			continue
		}
		if !seenDoc[m.DocID] {
			seenDoc[m.DocID] = true
			el.Sources = append(el.Sources, source(doc))
		}
		attribution, modality, cue := voice(m)
		for _, a := range m.Arguments {
			value, ok := claimValue(a, names)
			if !ok {
				continue
			}
			key := m.DocID + "\x00" + a.Role + "\x00" + value
			if seenClaim[key] {
				continue
			}
			seenClaim[key] = true
			k := ev.ID + "/" + m.DocID + "/" + a.Role
			c := crosscheck.Claim{
				ID: fmt.Sprintf("%s/%d", k, n[k]), Event: ev.ID, DocID: m.DocID, Outlet: doc.Meta.Outlet,
				Role: a.Role, Value: value, Text: a.Text, Span: a.Span, Sentence: a.Sentence,
				Entity: a.Entity, Timex: a.Timex, Quantity: a.Quantity,
				Attribution: attribution, Modality: modality, Cue: cue, Extractor: Version,
			}
			n[k]++
			if c.Quantity != nil && c.Quantity.Head == "" && partitiveAfter(doc.Text, c.Quantity.Span) {
				q := *c.Quantity
				q.Head = "them"
				c.Quantity = &q
			}
			if doc.Meta.Published.Known() {
				c.Published = doc.Meta.Published.Time.Format("2006-01-02")
			}
			c.SentenceText = sentenceText(in.Layers[m.DocID], doc, a.Sentence)
			el.Claims = append(el.Claims, c)
		}
	}
	sort.SliceStable(el.Sources, func(i, j int) bool {
		if el.Sources[i].Published != el.Sources[j].Published {
			return el.Sources[i].Published < el.Sources[j].Published
		}
		return el.Sources[i].DocID < el.Sources[j].DocID
	})
	cx := scope{eventType: ev.Type, begin: ev.Begin, end: ev.End, named: map[string]map[string]bool{}}
	for _, c := range el.Claims {
		if c.Entity != "" {
			k := c.DocID + "\x00" + c.Role
			if cx.named[k] == nil {
				cx.named[k] = map[string]bool{}
			}
			cx.named[k][c.Entity] = true
		}
	}
	for i := range el.Claims {
		for j := i + 1; j < len(el.Claims); j++ {
			a, b := &el.Claims[i], &el.Claims[j]
			if a.Role != b.Role || a.DocID == b.DocID {
				continue
			}
			if a.Published > b.Published || (a.Published == b.Published && a.DocID > b.DocID) {
				a, b = b, a
			}
			verdict, reason := compare(in, *a, *b, names)
			if verdict == crosscheck.VerdictConflict {
				if v, r, ok := cx.rescope(*a, *b); ok {
					verdict, reason = v, r
				}
			}
			el.Comparisons = append(el.Comparisons, crosscheck.Comparison{Event: ev.ID, Role: a.Role, A: a.ID, B: b.ID, Verdict: verdict, Reason: reason})
		}
	}
	sort.SliceStable(el.Comparisons, func(i, j int) bool {
		return verdictRank[el.Comparisons[i].Verdict] < verdictRank[el.Comparisons[j].Verdict]
	})
	el.Single, el.Omissions = coverage(el)
	return el
}

// scope holds what an event's comparisons need beyond the two claims.
type scope struct {
	eventType, begin, end string
	// named holds, per document and role ("doc\x00role"), the entities
	// the document names in that role.
	named map[string]map[string]bool
}

// multiParty are event types whose agents are several parties at once
// (the two signatories of a deal, the sides of a meeting).
var multiParty = map[string]bool{crosscheck.EventAgree: true, crosscheck.EventMeet: true}

// rescope turns a pairwise conflict into a different scope when the
// event's own shape explains the difference: several parties or
// detainees named in turn, or different days of an event that lasts
// several days.
func (x scope) rescope(a, b crosscheck.Claim) (string, string, bool) {
	switch a.Role {
	case crosscheck.RoleAgent, crosscheck.RolePatient, crosscheck.RoleRecipient, crosscheck.RoleInstrument:
		if multiParty[x.eventType] || a.Role != crosscheck.RoleAgent {
			return crosscheck.VerdictScope, fmt.Sprintf("%s and %s can both be %ss of one %s", a.Value, b.Value, a.Role, strings.ToLower(x.eventType)), true
		}
		if x.named[a.DocID+"\x00"+a.Role][b.Entity] || x.named[b.DocID+"\x00"+b.Role][a.Entity] {
			return crosscheck.VerdictScope, fmt.Sprintf("both articles name %s among the %ss", a.Value, a.Role), true
		}
	case crosscheck.RoleTime:
		if a.Timex != nil && b.Timex != nil && x.begin != "" && x.end > x.begin &&
			x.begin <= a.Timex.Begin && a.Timex.End <= x.end && x.begin <= b.Timex.Begin && b.Timex.End <= x.end &&
			(phase(a.SentenceText) == "" || phase(a.SentenceText) != phase(b.SentenceText)) {
			return crosscheck.VerdictScope, fmt.Sprintf("different days within the event's span %s..%s", x.begin, x.end), true
		}
	}
	return "", "", false
}

// phase tells whether a sentence dates the start or the end of an event
// ("began on Monday"), so that two different days for the same phase stay
// a conflict.
func phase(sentence string) string {
	for _, w := range strings.Fields(strings.ToLower(sentence)) {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()")
		switch w {
		case "began", "begin", "begins", "started", "start", "starts", "launched", "launch", "launches", "opened", "kicked":
			return "start"
		case "ended", "ends", "concluded", "finished", "wrapped":
			return "end"
		}
	}
	return ""
}

var verdictRank = map[string]int{
	crosscheck.VerdictConflict: 0, crosscheck.VerdictUpdate: 1, crosscheck.VerdictCompatible: 2,
	crosscheck.VerdictScope: 3, crosscheck.VerdictAgree: 4,
}

func source(doc *crosscheck.Document) Source {
	s := Source{DocID: doc.ID, Outlet: doc.Meta.Outlet, Title: doc.Meta.Title}
	if doc.Meta.Published.Known() {
		s.Published = doc.Meta.Published.Time.Format("2006-01-02")
	}
	return s
}

// voice reads a mention's attribution and modality from the language
// layer's records that cover it: the strongest hedge wins, and an
// attributed record names the source.
func voice(m crosscheck.EventMention) (attribution, modality, cue string) {
	attribution, modality = crosscheck.AttributionOutlet, crosscheck.ModAsserted
	best := 0
	for _, md := range m.Modalities {
		if md.Source != "" && attribution == crosscheck.AttributionOutlet {
			attribution = md.Source
		}
		if r := modalityRank[md.Kind]; r > best {
			best, modality, cue = r, md.Kind, md.Cue
		}
	}
	if m.Negated && best < modalityRank[crosscheck.ModNegated] {
		modality = crosscheck.ModNegated
	}
	return attribution, modality, cue
}

var modalityRank = map[string]int{
	crosscheck.ModAsserted: 0, crosscheck.ModAttributed: 1, crosscheck.ModConfessed: 2, crosscheck.ModReportedly: 3,
	crosscheck.ModAlleged: 4, crosscheck.ModHypothetical: 5, crosscheck.ModQuestioned: 6, crosscheck.ModDenied: 7, crosscheck.ModNegated: 8,
}

// claimValue normalises an argument for display and comparison.
func claimValue(a crosscheck.Argument, names map[string]*crosscheck.Entity) (string, bool) {
	switch {
	case a.Quantity != nil:
		return QuantityString(*a.Quantity), true
	case a.Timex != nil:
		if a.Timex.Value == "" || a.Timex.Begin == "" {
			return "", false // a time not placed on the calendar says nothing comparable
		}
		v := a.Timex.Value
		if a.Timex.Mod != "" {
			v += " (" + strings.ToLower(a.Timex.Mod) + ")"
		}
		return v, true
	case a.Entity != "" && names[a.Entity] != nil:
		return names[a.Entity].Name, true
	case a.Role == crosscheck.RoleLocation || a.Role == crosscheck.RoleAgent || a.Role == crosscheck.RoleRecipient:
		return "", false // "the border", "officials": only named places and actors are compared
	}
	t := strings.TrimSpace(a.Text)
	if t == "" {
		return "", false
	}
	return strings.ToLower(t), true
}

// QuantityString renders a quantity's value: "19", "≥ 24", "≤ 1,000 USD",
// "1.25 billion–1.35 billion EUR".
func QuantityString(q crosscheck.Quantity) string {
	lo, hi := bounds(q)
	num := humanNumber
	var s string
	switch {
	case lo == hi:
		s = num(lo)
	case math.IsInf(hi, 1) && lo > 0:
		s = "≥ " + num(lo)
	case math.IsInf(hi, 1):
		s = "any"
	case lo <= 0:
		s = "≤ " + num(hi)
	default:
		s = num(lo) + "–" + num(hi)
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}

// humanNumber writes a number for people: 19, 4,000, 1.25 billion.
func humanNumber(f float64) string {
	for _, u := range []struct {
		v    float64
		name string
	}{{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}} {
		if math.Abs(f) >= u.v {
			return strconv.FormatFloat(f/u.v, 'f', -1, 64) + u.name
		}
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// bounds returns a quantity's closed interval. The language layer keeps
// a strict bound's number ("more than a dozen": Low 12) with the
// modifier in the text; for whole counts the ledger tightens it ("more
// than a dozen" is at least 13). "As many as N" in a report claims about
// N, not anything up to N: it is read as [0.8N, N].
func bounds(q crosscheck.Quantity) (lo, hi float64) {
	lo, hi = q.Value, q.Value
	if q.Low != nil || q.High != nil {
		lo, hi = 0, math.Inf(1)
		if q.Low != nil {
			lo = *q.Low
		}
		if q.High != nil {
			hi = *q.High
		}
	}
	text := strings.ToLower(q.Text)
	if q.Approx && q.Value > 0 {
		if l, h, ok := approxBounds(text, q.Value); ok {
			lo, hi = l, h
		}
	}
	whole := q.Kind == crosscheck.QuantityCardinal || q.Kind == ""
	for _, m := range strictMore {
		if strings.HasPrefix(text, m) && whole && lo == math.Trunc(lo) && math.IsInf(hi, 1) {
			lo++
			break
		}
	}
	for _, m := range strictLess {
		if strings.HasPrefix(text, m) && whole && hi == math.Trunc(hi) && hi >= 1 {
			hi--
			break
		}
	}
	for _, m := range []string{"as many as ", "as much as "} {
		if strings.HasPrefix(text, m) && lo == 0 && !math.IsInf(hi, 1) {
			lo = 0.8 * hi
		}
	}
	return lo, hi
}

// approxBounds reads an approximate figure at the precision its digits
// state, capped at 10 %: "about 1.3 billion" is 1.25–1.35 billion,
// "some 10,000" 9,000–11,000, "nearly 1.5 billion" 1.4–1.5 billion.
func approxBounds(text string, v float64) (lo, hi float64, ok bool) {
	unit := statedUnit(text, v)
	if unit <= 0 {
		return 0, 0, false
	}
	for _, p := range []string{"nearly ", "almost ", "close to ", "just under ", "just shy of "} {
		if strings.HasPrefix(text, p) {
			return v - math.Min(0.1*v, unit), v, true
		}
	}
	for _, p := range []string{"just over ", "slightly more than "} {
		if strings.HasPrefix(text, p) {
			return v, v + math.Min(0.1*v, unit), true
		}
	}
	half := math.Min(0.1*v, unit/2)
	return v - half, v + half, true
}

// statedUnit is the value of one unit of the last significant digit of
// the number written in text ("1.3 billion" → 0.1 billion, "10,000" →
// 10,000, "4,000" → 1,000), given the number's value v.
func statedUnit(text string, v float64) float64 {
	start := strings.IndexFunc(text, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return 0
	}
	end := start
	for end < len(text) && (text[end] >= '0' && text[end] <= '9' || text[end] == ',' || text[end] == '.') {
		end++
	}
	digits := strings.TrimRight(strings.ReplaceAll(text[start:end], ",", ""), ".")
	written, err := strconv.ParseFloat(digits, 64)
	if err != nil || written <= 0 {
		return 0
	}
	scale := v / written
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return math.Pow(10, -float64(len(digits)-i-1)) * scale
	}
	trailing := len(digits) - len(strings.TrimRight(digits, "0"))
	return math.Pow(10, float64(trailing)) * scale
}

var (
	strictMore = []string{"more than ", "over ", "above ", "in excess of ", "upwards of ", "well over "}
	strictLess = []string{"fewer than ", "less than ", "under ", "below "}
)

// compare labels two claims about the same role; a is the earlier.
func compare(in Input, a, b crosscheck.Claim, ents map[string]*crosscheck.Entity) (verdict, reason string) {
	switch {
	case a.Quantity != nil && b.Quantity != nil:
		return compareQuantities(a, b)
	case a.Timex != nil && b.Timex != nil:
		return compareTimes(*a.Timex, *b.Timex)
	}
	if a.Value == b.Value || (a.Entity != "" && a.Entity == b.Entity) {
		return crosscheck.VerdictAgree, "same " + roleNoun(a.Role)
	}
	switch a.Role {
	case crosscheck.RoleLocation:
		if in.Within != nil && in.Within(a.Value, b.Value) {
			return crosscheck.VerdictCompatible, fmt.Sprintf("%s lies in %s", a.Value, b.Value)
		}
		if in.Within != nil && in.Within(b.Value, a.Value) {
			return crosscheck.VerdictCompatible, fmt.Sprintf("%s lies in %s", b.Value, a.Value)
		}
		return crosscheck.VerdictScope, "different places named; reports often name several"
	case crosscheck.RoleAgent, crosscheck.RolePatient, crosscheck.RoleRecipient, crosscheck.RoleInstrument:
		ea, eb := ents[a.Entity], ents[b.Entity]
		if ea != nil && eb != nil && ea.Type == eb.Type {
			for _, r := range ea.Relations {
				if r.Entity == eb.ID {
					return crosscheck.VerdictCompatible, fmt.Sprintf("%s and %s are related (%s)", ea.Name, eb.Name, r.Kind)
				}
			}
			for _, r := range eb.Relations {
				if r.Entity == ea.ID {
					return crosscheck.VerdictCompatible, fmt.Sprintf("%s and %s are related (%s)", ea.Name, eb.Name, r.Kind)
				}
			}
			return crosscheck.VerdictConflict, fmt.Sprintf("different %s named as %s: %s vs %s", strings.ToLower(ea.Type), a.Role, ea.Name, eb.Name)
		}
		return crosscheck.VerdictScope, "different kinds of " + a.Role + " named"
	}
	return crosscheck.VerdictScope, "different " + roleNoun(a.Role) + " named"
}

func roleNoun(role string) string {
	switch role {
	case crosscheck.RoleCount:
		return "count"
	case crosscheck.RoleTime:
		return "time"
	case crosscheck.RoleLocation:
		return "place"
	}
	return role
}

// genericHeads are words for people that count the same thing in news
// ("19 people", "19 suspects", "19 individuals"; "10,000 troops", "4,000
// personnel").
var genericHeads = map[string]bool{
	"people": true, "persons": true, "person": true, "individuals": true, "individual": true, "suspects": true,
	"men": true, "women": true, "nationals": true, "citizens": true, "members": true, "agents": true, "spies": true,
	"others": true, "detainees": true, "residents": true, "civilians": true,
	"troops": true, "soldiers": true, "personnel": true, "servicemen": true, "fighters": true, "forces": true,
}

func compareQuantities(a, b crosscheck.Claim) (string, string) {
	qa, qb := *a.Quantity, *b.Quantity
	if qa.Unit != qb.Unit && qa.Unit != "" && qb.Unit != "" {
		return crosscheck.VerdictScope, fmt.Sprintf("different units (%s vs %s)", qa.Unit, qb.Unit)
	}
	if partOf(qa) || partOf(qb) {
		return crosscheck.VerdictScope, fmt.Sprintf("%q counts a part of the group", partText(qa, qb))
	}
	if !sameThing(qa.Head, qb.Head) {
		return crosscheck.VerdictScope, fmt.Sprintf("counts of different things (%q vs %q)", qa.Head, qb.Head)
	}
	la, ha := bounds(qa)
	lb, hb := bounds(qb)
	va, vb := QuantityString(qa), QuantityString(qb)
	switch {
	case la == lb && ha == hb:
		return crosscheck.VerdictAgree, fmt.Sprintf("both %s", va)
	case overlap(la, ha, lb, hb, qa.Approx || qb.Approx):
		return crosscheck.VerdictCompatible, fmt.Sprintf("%s and %s overlap", va, vb)
	}
	// A later article of the same outlet, in the same voice, revising its
	// figure is an update; anything else is a conflict.
	if a.DocID != b.DocID && a.Published != "" && b.Published > a.Published &&
		a.Outlet != "" && a.Outlet == b.Outlet && a.Attribution == b.Attribution {
		return crosscheck.VerdictUpdate, fmt.Sprintf("%s on %s, %s on %s from the same outlet", va, a.Published, vb, b.Published)
	}
	return crosscheck.VerdictConflict, fmt.Sprintf("%s vs %s", va, vb)
}

// overlap reports whether two intervals share values; when either is
// approximate, merely touching ends (9,000 and "some 10,000" read as
// 9,000–11,000) do not count.
func overlap(la, ha, lb, hb float64, approx bool) bool {
	if approx {
		return la < hb && lb < ha
	}
	return la <= hb && lb <= ha
}

// partOf reports whether a count is of a part of a group named before:
// "seventeen of them", "three of those".
func partOf(q crosscheck.Quantity) bool {
	switch strings.ToLower(strings.TrimSpace(q.Head)) {
	case "them", "those", "these", "whom", "which", "us":
		return true
	}
	t := strings.ToLower(q.Text)
	return strings.HasSuffix(t, " of them") || strings.HasSuffix(t, " of those") || strings.HasSuffix(t, " of these")
}

// partitiveAfter reports whether the words after a number make it a part
// of a group: "Seventeen of them were convicted".
func partitiveAfter(text string, sp crosscheck.Span) bool {
	if !sp.Valid(len(text)) {
		return false
	}
	rest := strings.ToLower(text[sp.End:min(len(text), sp.End+12)])
	for _, p := range []string{" of them", " of those", " of these", " of whom"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func partText(a, b crosscheck.Quantity) string {
	if partOf(a) {
		return strings.TrimSpace(a.Text + " " + a.Head)
	}
	return strings.TrimSpace(b.Text + " " + b.Head)
}

// sameThing reports whether two counted head nouns can count the same
// thing.
func sameThing(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == "" || b == "" || a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if genericHeads[wa[len(wa)-1]] || genericHeads[wb[len(wb)-1]] {
		return true
	}
	for _, x := range wa {
		for _, y := range wb {
			if x == y || strings.TrimSuffix(x, "s") == strings.TrimSuffix(y, "s") {
				return true
			}
		}
	}
	return false
}

func compareTimes(a, b crosscheck.Timex) (string, string) {
	if a.Begin == "" || b.Begin == "" {
		if a.Value == b.Value {
			return crosscheck.VerdictAgree, "same time " + a.Value
		}
		return crosscheck.VerdictScope, "times that cannot be placed on the calendar"
	}
	switch {
	case a.Begin == b.Begin && a.End == b.End:
		return crosscheck.VerdictAgree, "same time " + interval(a)
	case a.Begin <= b.Begin && b.End <= a.End:
		return crosscheck.VerdictCompatible, fmt.Sprintf("%s contains %s", interval(a), interval(b))
	case b.Begin <= a.Begin && a.End <= b.End:
		return crosscheck.VerdictCompatible, fmt.Sprintf("%s contains %s", interval(b), interval(a))
	case a.Begin <= b.End && b.Begin <= a.End:
		return crosscheck.VerdictCompatible, fmt.Sprintf("%s and %s overlap", interval(a), interval(b))
	}
	return crosscheck.VerdictConflict, fmt.Sprintf("%s vs %s", interval(a), interval(b))
}

func interval(t crosscheck.Timex) string {
	if t.Begin == t.End {
		return t.Begin
	}
	return t.Begin + ".." + t.End
}

// coverage finds the values only one source states and the roles a
// source leaves out that most others report.
func coverage(el EventLedger) ([]Single, []Omission) {
	single, omissions := []Single{}, []Omission{}
	if len(el.Sources) < 2 {
		return single, omissions
	}
	// A value counts as stated by another source when a comparison says
	// the two agree or are compatible.
	backed := map[string]bool{}
	for _, c := range el.Comparisons {
		if c.Verdict == crosscheck.VerdictAgree || c.Verdict == crosscheck.VerdictCompatible {
			backed[c.A], backed[c.B] = true, true
		}
	}
	byKey := map[string]*Single{}
	var order []string
	roleDocs := map[string]map[string]bool{}
	for _, c := range el.Claims {
		if roleDocs[c.Role] == nil {
			roleDocs[c.Role] = map[string]bool{}
		}
		roleDocs[c.Role][c.DocID] = true
		if backed[c.ID] {
			continue
		}
		k := c.Role + "\x00" + c.Value + "\x00" + c.DocID
		if byKey[k] == nil {
			byKey[k] = &Single{Role: c.Role, Value: c.Value, DocID: c.DocID}
			order = append(order, k)
		}
		byKey[k].Claims = append(byKey[k].Claims, c.ID)
	}
	for _, k := range order {
		single = append(single, *byKey[k])
	}
	for _, role := range sortedKeys(setOf(roleDocs)) {
		docs := roleDocs[role]
		if len(docs) < 2 || 2*len(docs) <= len(el.Sources) {
			continue
		}
		for _, s := range el.Sources {
			if !docs[s.DocID] {
				omissions = append(omissions, Omission{DocID: s.DocID, Role: role, ReportedBy: sortedKeys(docs)})
			}
		}
	}
	return single, omissions
}

func setOf[V any](m map[string]V) map[string]bool {
	s := make(map[string]bool, len(m))
	for k := range m {
		s[k] = true
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sentenceText returns a sentence of a document, or "".
func sentenceText(layer *crosscheck.Annotations, doc *crosscheck.Document, i int) string {
	if layer == nil || i < 0 || i >= len(layer.Sentences) {
		return ""
	}
	sp := layer.Sentences[i].Span
	if !sp.Valid(len(doc.Text)) {
		return ""
	}
	return doc.Text[sp.Start:sp.End]
}
