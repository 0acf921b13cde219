package event

import (
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// builder collects one mention's arguments.
type builder struct {
	x *extractor
	t *tree
	s *crosscheck.Sentence
	m *crosscheck.EventMention
	// used are tokens already given a role; patients and agents the head
	// tokens of those roles, for counts, places and charges.
	used             map[int]bool
	patients, agents []int
}

func (x *extractor) mention(t *tree, s *crosscheck.Sentence, c *cand, owner map[int]*cand) crosscheck.EventMention {
	tk := t.toks[c.tok]
	m := crosscheck.EventMention{
		DocID: x.doc.ID, Sentence: s.Index, Trigger: tk.Text, TriggerSpan: tk.Span,
		Type: c.typ, Extractor: Version,
	}
	if m.Trigger == "" {
		m.Trigger = x.text(tk.Span)
	}
	m.Span = x.clause(t, c)
	if !m.Span.Valid(len(x.doc.Text)) || m.Span.Start > tk.Span.Start || m.Span.End < tk.Span.End {
		m.Span = tk.Span
	}
	b := &builder{x: x, t: t, s: s, m: &m, used: map[int]bool{c.tok: true}}
	for _, a := range c.absorbed {
		b.used[a] = true
	}
	if c.noun {
		b.nounRoles(c.tok, c.typ)
		b.supportRoles(c)
	} else {
		b.verbRoles(c.tok, c.typ)
		for _, a := range c.absorbed {
			b.nounRoles(a, c.typ)
		}
	}
	for _, k := range c.reasons {
		b.addClause(crosscheck.RoleCharge, k)
	}
	b.charges(c)
	b.counts(c)
	b.places(c, owner)
	b.owned(c, owner)
	b.fallback(c, owner)
	b.name(c)
	x.stance(t, c, &m)
	m.Recap = x.recap(t, c, &m)
	return m
}

// clause is the span of the clause that reports the event: the trigger's
// subtree, widened to the noun a participle modifies ("the 19 people
// arrested in February") or to a noun's support verb.
func (x *extractor) clause(t *tree, c *cand) crosscheck.Span {
	top := c.tok
	if c.support >= 0 {
		top = c.support
	} else if h := t.head[c.tok]; h >= 0 && !c.noun && (t.base(c.tok) == "acl" || t.base(c.tok) == "amod") {
		top = h
	}
	lo, hi := t.subtree(top)
	return t.span(lo, hi)
}

// add gives token k (its phrase) a role, once, and does the same for
// the nouns conjoined to it ("Ostravia and Talmera").
func (b *builder) add(role string, k int) {
	if k >= 0 && relPronouns[b.t.lemma[k]] && b.t.toks[k].UPOS == "PRON" {
		k = b.t.antecedent(k)
	}
	if k < 0 || b.used[k] || b.x.dateish(b.t, k) || !argWord(b.t, k, role) {
		return
	}
	b.used[k] = true
	lo, hi := b.t.phrase(k)
	b.addSpan(role, k, lo, hi)
	switch role {
	case crosscheck.RolePatient:
		b.patients = append(b.patients, k)
	case crosscheck.RoleAgent:
		b.agents = append(b.agents, k)
	}
	for _, j := range b.t.kids[k] {
		if b.t.rel(j) == "conj" && nominal(b.t, j) {
			b.add(role, j)
		}
	}
}

// addClause gives a whole subtree a role (a charge that is a clause:
// "suspected of spying for Ostravia").
func (b *builder) addClause(role string, k int) {
	if k < 0 || b.used[k] {
		return
	}
	b.used[k] = true
	lo, hi := b.t.subtree(k)
	for lo < hi && (b.t.toks[lo].UPOS == "PUNCT" || b.t.rel(lo) == "mark" || b.t.rel(lo) == "case") && b.t.head[lo] == k {
		lo++
	}
	for hi > lo && b.t.toks[hi].UPOS == "PUNCT" {
		hi--
	}
	b.addSpan(role, k, lo, hi)
}

func (b *builder) addSpan(role string, head, lo, hi int) {
	sp := b.t.span(lo, hi)
	n := len(b.x.doc.Text)
	if !sp.Valid(n) || sp.Len() == 0 {
		return // no evidence, no argument
	}
	a := crosscheck.Argument{Role: role, Span: sp, Sentence: b.s.Index, Text: b.x.text(sp)}
	if role != crosscheck.RoleCharge && b.x.at != nil {
		es := sp
		if e := b.x.entityAt(b.t.toks[head].Span); e >= 0 && b.x.layer.Entities[e].Span.Valid(n) {
			es = b.x.layer.Entities[e].Span
		} else {
			for l := lo; l <= hi; l++ {
				if e := b.x.entityAt(b.t.toks[l].Span); e >= 0 && b.x.layer.Entities[e].Label != crosscheck.LabelNORP && b.x.layer.Entities[e].Span.Valid(n) {
					es = b.x.layer.Entities[e].Span
					break
				}
			}
		}
		a.Entity = b.x.at(b.x.doc.ID, es)
	}
	b.m.Arguments = append(b.m.Arguments, a)
}

// value adds a time, count or money argument from a layer record.
func (b *builder) value(a crosscheck.Argument) bool {
	if !a.Span.Valid(len(b.x.doc.Text)) || a.Span.Len() == 0 {
		return false
	}
	a.Text = b.x.text(a.Span)
	b.m.Arguments = append(b.m.Arguments, a)
	return true
}

// argWord reports whether token k can head an argument of the role: a
// noun, name, pronoun, number or determiner ("all", "many"), never a
// verb or a function word the parser made a subject; an agent is not an
// event noun ("the new raid" spies on no one).
func argWord(t *tree, k int, role string) bool {
	switch t.toks[k].UPOS {
	case "VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PUNCT", "PART", "INTJ", "SYM":
		return false
	}
	return role != crosscheck.RoleAgent || nouns[t.lemma[k]] == nil
}

func nominal(t *tree, k int) bool {
	switch t.toks[k].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM":
		return true
	}
	return false
}

// verbRoles fills agent and patient of a verb trigger from its subject,
// object and by-phrase, and the type-specific prepositional roles.
func (b *builder) verbRoles(v int, typ string) {
	t, x := b.t, b.x
	subj := x.subject(t, v, 0)
	if x.passive(t, v) || (subj >= 0 && x.headlinePassive(t, v)) {
		b.add(crosscheck.RolePatient, subj)
		b.add(crosscheck.RoleAgent, b.byAgent(v))
	} else if subj >= 0 && t.child(v, "obj") < 0 && x.surfaceGroup(t, v) {
		// "The 19 arrested in February …" misread as "the 19 arrested".
		b.add(crosscheck.RolePatient, subj)
	} else {
		b.add(crosscheck.RoleAgent, subj)
		o := t.child(v, "obj")
		if o < 0 {
			// "it detained seven" read as an unmarked oblique.
			if u := t.child(v, "obl:unmarked"); u > v && !x.dateish(t, u) && x.personish(t, u) {
				o = u
			}
		}
		if o >= 0 {
			switch l := x.entityLabel(t, o); {
			case typ == crosscheck.EventMeet && (l == crosscheck.LabelGPE || l == crosscheck.LabelLoc || l == crosscheck.LabelFac):
				b.add(crosscheck.RoleLocation, o) // "visited Berlin"
			default:
				b.add(crosscheck.RolePatient, o)
			}
		}
	}
	b.preps(v, typ, false)
}

// headlinePassive reads a bare participle with a subject and no
// auxiliary or object as a passive ("Seven held in spy probe").
func (x *extractor) headlinePassive(t *tree, v int) bool {
	if t.toks[v].XPOS != "VBN" || t.child(v, "aux", "obj", "aux:pass", "obl:unmarked") >= 0 {
		return false
	}
	s := t.child(v, "nsubj")
	return s >= 0 && t.toks[s].UPOS != "PRON" && x.personish(t, s)
}

// byAgent finds the by-phrase of a passive verb, on the verb itself or
// shared with a conjoined verb.
func (b *builder) byAgent(v int) int {
	t := b.t
	find := func(v int) int {
		for _, k := range t.kids[v] {
			if t.rel(k) == "obl:agent" || (t.base(k) == "obl" && t.caseOf(k) == "by") {
				return k
			}
		}
		return -1
	}
	if k := find(v); k >= 0 {
		return k
	}
	if h := t.head[v]; h >= 0 && t.rel(v) == "conj" {
		if k := find(h); k >= 0 {
			return k
		}
	}
	for _, k := range t.kids[v] {
		if t.rel(k) == "conj" && t.toks[k].UPOS == "VERB" {
			if a := find(k); a >= 0 {
				return a
			}
		}
	}
	return -1
}

// nounRoles fills the roles of an event noun from its dependents.
func (b *builder) nounRoles(n int, typ string) {
	t, x := b.t, b.x
	pf := patientFirst[typ]
	for _, k := range t.kids[n] {
		switch t.rel(k) {
		case "nmod:poss":
			if pf {
				b.add(crosscheck.RolePatient, k)
			} else {
				b.add(crosscheck.RoleAgent, k)
			}
			continue
		case "compound":
			switch l := x.entityLabel(t, k); {
			case l == crosscheck.LabelGPE && (typ == crosscheck.EventAgree || typ == crosscheck.EventMeet):
				b.add(crosscheck.RoleAgent, k) // "a Kelm-Sarest deal"
			case l == crosscheck.LabelGPE || l == crosscheck.LabelLoc || l == crosscheck.LabelFac:
				b.add(crosscheck.RoleLocation, k)
			case l == crosscheck.LabelPerson && pf:
				b.add(crosscheck.RolePatient, k)
			case l == crosscheck.LabelOrg || l == crosscheck.LabelPerson || agentNouns[t.lemma[k]]:
				b.add(crosscheck.RoleAgent, k)
			}
			continue
		case "amod":
			if x.entityLabel(t, k) == crosscheck.LabelNORP {
				b.add(crosscheck.RoleAgent, k)
			}
			continue
		}
		if t.base(k) != "nmod" {
			continue
		}
		switch t.caseOf(k) {
		case "of":
			if x.isValue(t, k) {
				continue
			}
			switch {
			case typ == crosscheck.EventAccuse:
				b.addClause(crosscheck.RoleCharge, k)
			case pf:
				b.add(crosscheck.RolePatient, k)
			case typ == crosscheck.EventStatement || typ == crosscheck.EventEspionage || typ == crosscheck.EventAgree:
			default:
				b.add(crosscheck.RoleAgent, k)
			}
		case "by":
			b.add(crosscheck.RoleAgent, k)
		case "between", "among":
			b.add(crosscheck.RoleAgent, k)
		}
	}
	b.preps(n, typ, true)
}

// supportRoles lends an event noun the subject of the verb that governs
// it ("Ostravia began the exercise", "talks were held by …").
func (b *builder) supportRoles(c *cand) {
	t, x := b.t, b.x
	if h := t.head[c.tok]; c.support < 0 && h >= 0 && suspectWords[t.lemma[h]] && t.toks[h].UPOS != "NOUN" && t.caseOf(c.tok) == "of" {
		// "seven suspected of spying": the suspects are the agents.
		b.add(crosscheck.RoleAgent, x.subject(t, h, 0))
	}
	if c.support < 0 {
		return
	}
	n := c.tok
	if h := t.head[n]; h >= 0 && h != c.support {
		n = h // through a transparent noun
	}
	switch t.base(n) {
	case "obj", "obl":
		if x.passive(t, c.support) {
			b.add(crosscheck.RoleAgent, b.byAgent(c.support))
		} else {
			b.add(crosscheck.RoleAgent, x.subject(t, c.support, 0))
		}
	case "nsubj":
		if t.rel(n) == "nsubj:pass" {
			b.add(crosscheck.RoleAgent, b.byAgent(c.support))
		}
	}
	b.preps(c.support, c.typ, false)
}

// preps reads the type-specific prepositional roles of token i.
func (b *builder) preps(i int, typ string, noun bool) {
	t := b.t
	for _, k := range t.kids[i] {
		switch t.base(k) {
		case "obl", "nmod", "advcl":
		default:
			continue
		}
		if noun && t.base(k) == "obl" {
			continue
		}
		c := t.caseOf(k)
		switch c {
		case "with":
			switch typ {
			case crosscheck.EventMeet, crosscheck.EventAgree:
				b.add(crosscheck.RolePatient, k)
			case crosscheck.EventMobilize:
				if troopNouns[t.lemma[k]] {
					b.add(crosscheck.RolePatient, k) // "drills with 4,000 troops"
				} else {
					b.add(crosscheck.RoleInstrument, k)
				}
			case crosscheck.EventAttack, crosscheck.EventEspionage:
				b.add(crosscheck.RoleInstrument, k)
			case crosscheck.EventAccuse:
				b.addClause(crosscheck.RoleCharge, k)
			}
		case "using", "via", "through", "by means of":
			switch typ {
			case crosscheck.EventAttack, crosscheck.EventMobilize, crosscheck.EventEspionage:
				b.add(crosscheck.RoleInstrument, k)
			}
		case "against":
			b.add(crosscheck.RolePatient, k)
		case "on":
			if typ == crosscheck.EventEspionage || typ == crosscheck.EventSanction {
				b.add(crosscheck.RolePatient, k)
			}
		case "of":
			if typ == crosscheck.EventAccuse && !noun {
				b.addClause(crosscheck.RoleCharge, k)
			}
		case "for":
			switch typ {
			case crosscheck.EventEspionage, crosscheck.EventAid:
				if !crimeNouns[t.lemma[k]] && t.toks[k].UPOS != "VERB" {
					b.add(crosscheck.RoleRecipient, k)
				}
			case crosscheck.EventArrest, crosscheck.EventAccuse, crosscheck.EventSanction:
				if crimeNouns[t.lemma[k]] || t.toks[k].XPOS == "VBG" {
					b.addClause(crosscheck.RoleCharge, k)
				}
			}
		case "to":
			switch typ {
			case crosscheck.EventEspionage, crosscheck.EventAid:
				if nominal(t, k) && (b.x.entityLabel(t, k) != "" || b.x.personish(t, k)) {
					b.add(crosscheck.RoleRecipient, k)
				}
			case crosscheck.EventMeet:
				if b.x.place(t, k) {
					b.add(crosscheck.RoleLocation, k)
				}
			}
		case "over":
			switch typ {
			case crosscheck.EventArrest, crosscheck.EventAccuse, crosscheck.EventDiplomacy, crosscheck.EventSanction,
				crosscheck.EventProtest, crosscheck.EventStatement:
				b.addClause(crosscheck.RoleCharge, k)
			}
		}
	}
}

// charges finds "on charges of X" and "suspected of X".
func (b *builder) charges(c *cand) {
	t := b.t
	for _, a := range c.anchors() {
		for _, k := range t.kids[a] {
			if (t.base(k) == "obl" || t.base(k) == "nmod") && chargeHeads[t.lemma[k]] && t.caseOf(k) != "of" {
				b.chargeOf(k)
			}
		}
	}
	if c.typ != crosscheck.EventArrest && c.typ != crosscheck.EventAccuse && c.typ != crosscheck.EventSanction {
		return
	}
	for _, p := range b.patients {
		for _, k := range t.kids[p] {
			// "individuals belonging to a spy network", "men linked to the
			// Vanguard", "people working for a foreign service": the
			// affiliation they are held for.
			if (t.base(k) == "acl" || t.base(k) == "amod") && affiliationWords[t.lemma[k]] {
				for _, j := range t.kids[k] {
					if c := t.caseOf(j); (c == "to" || c == "for" || c == "with") && (t.base(j) == "obl" || t.base(j) == "nmod") {
						b.addClause(crosscheck.RoleCharge, j)
					}
				}
			}
			if (t.base(k) == "acl" || t.base(k) == "amod") && suspectWords[t.lemma[k]] {
				for _, j := range t.kids[k] {
					if c := t.caseOf(j); (c == "of" || c == "with") && (t.base(j) == "obl" || t.base(j) == "advcl") {
						b.addClause(crosscheck.RoleCharge, j)
					}
				}
			}
		}
	}
}

// affiliationWords tie the people held to what they are held for.
var affiliationWords = map[string]bool{
	"belong": true, "link": true, "tie": true, "connect": true, "work": true, "affiliate": true,
}

// chargeOf gives the role to the "of" complement of a charge head, or
// to the head itself.
func (b *builder) chargeOf(k int) {
	for _, j := range b.t.kids[k] {
		if b.t.caseOf(j) == "of" && (b.t.base(j) == "nmod" || b.t.base(j) == "acl") {
			b.used[k] = true
			b.addClause(crosscheck.RoleCharge, j)
			return
		}
	}
	b.addClause(crosscheck.RoleCharge, k)
}

// counts attaches the number of the patients (or, for MOBILIZE and
// PROTEST, of the agents), or a number before a trigger noun.
func (b *builder) counts(c *cand) {
	heads := b.patients
	if c.typ == crosscheck.EventMobilize || c.typ == crosscheck.EventProtest {
		heads = append(append([]int{}, heads...), b.agents...)
	}
	if c.noun {
		heads = append(heads, c.tok)
	}
	for _, h := range heads {
		lo, hi := b.t.phrase(h)
		if h == c.tok {
			hi = h // only the words before the noun: "19 arrests"
		}
		if q, ok := b.x.quantityIn(b.t, lo, hi, h); ok && b.value(crosscheck.Argument{
			Role: crosscheck.RoleCount, Span: q.Span, Sentence: b.s.Index, Quantity: &q}) {
			return
		}
	}
}

// quantityIn finds a cardinal of the layer inside tokens lo..hi or
// counting token h; with no quantities in the layer at all, it reads a
// plain number in the phrase itself.
func (x *extractor) quantityIn(t *tree, lo, hi, h int) (crosscheck.Quantity, bool) {
	sp := t.span(lo, hi)
	hs := t.toks[h].Span
	for _, i := range x.quants[t.sentIndex()] {
		q := x.layer.Quantities[i]
		if q.Kind != crosscheck.QuantityCardinal {
			continue
		}
		inside := sp.Start <= q.Span.Start && q.Span.End <= sp.End
		counts := q.HeadSpan.End > q.HeadSpan.Start && q.HeadSpan.Start < hs.End && hs.Start < q.HeadSpan.End
		if inside || counts {
			return q, true
		}
	}
	if !x.noQuantities {
		return crosscheck.Quantity{}, false
	}
	for k := lo; k <= hi; k++ {
		if t.toks[k].UPOS != "NUM" || (k != h && t.rel(k) != "nummod") {
			continue
		}
		if v, ok := number(t.lower[k]); ok {
			q := crosscheck.Quantity{Span: t.toks[k].Span, Sentence: t.sentIndex(), Text: t.toks[k].Text,
				Kind: crosscheck.QuantityCardinal, Value: v, Low: &v, High: &v, Exact: true}
			if k != h {
				q.Head, q.HeadSpan = t.toks[h].Text, t.toks[h].Span
			}
			return q, true
		}
	}
	return crosscheck.Quantity{}, false
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"hundred": 100, "dozen": 12,
}

// number reads a plain number: digits with thousands commas, or a word.
func number(w string) (float64, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	return v, err == nil && v >= 0
}

// places finds the locations whose head-chain reaches the trigger (or
// its support verb) first: "in/at/near X" on the trigger, or on its
// patient ("19 people in Dunmore"), or wherever the parser hung it
// within the trigger's clause.
func (b *builder) places(c *cand, owner map[int]*cand) {
	t := b.t
	for k := range t.toks {
		if b.used[k] || (t.base(k) != "obl" && t.base(k) != "nmod") {
			continue
		}
		p := t.caseOf(k)
		ok := locPreps[p] || (c.typ == crosscheck.EventMobilize && (p == "on" || p == "along"))
		if ok && t.head[k] >= 0 && t.ownerOf(t.head[k], owner) == c && b.x.place(t, k) {
			b.add(crosscheck.RoleLocation, k)
		}
	}
}

// place reports whether the phrase headed by k names a place: a GPE,
// LOC or FAC mention, a gazetteer place, or a place noun.
func (x *extractor) place(t *tree, k int) bool {
	if nouns[t.lemma[k]] != nil {
		return false // "in a new sweep" is no place
	}
	lo, hi := t.phrase(k)
	for l := lo; l <= hi; l++ {
		if t.dominatedByPoss(l, k) {
			continue // "in Ostravia's history"
		}
		switch x.entityLabel(t, l) {
		case crosscheck.LabelGPE, crosscheck.LabelLoc, crosscheck.LabelFac:
			return true
		}
	}
	if placeNouns[t.lemma[k]] {
		return true
	}
	if t.toks[k].UPOS == "PROPN" {
		if c := gazetteer.Lookup(t.toks[k].Text); c.GPE() || c&gazetteer.Region != 0 {
			return true
		}
		// An unknown name after a place preposition ("near Tessing") is
		// a place unless the recognizer says it is someone.
		return x.anyLabel(t, k) == ""
	}
	return false
}

// anyLabel is the label of any mention of the layer (values too) that
// covers token k, or "".
func (x *extractor) anyLabel(t *tree, k int) string {
	sp := t.toks[k].Span
	for _, i := range x.curEnts {
		if e := x.layer.Entities[i]; e.Span.Start < sp.End && sp.Start < e.Span.End {
			return e.Label
		}
	}
	return ""
}

// owned attaches the time expressions and money amounts whose
// head-chain reaches this mention's trigger before any other trigger.
func (b *builder) owned(c *cand, owner map[int]*cand) {
	t, x := b.t, b.x
	si := t.sentIndex()
	for _, i := range x.timexes[si] {
		tx := x.layer.Timexes[i]
		if tx.Type != crosscheck.TimexDate && tx.Type != crosscheck.TimexTime {
			continue
		}
		if top := t.top(tx.Span); top >= 0 && t.ownerOf(top, owner) == c {
			tx := tx
			if b.value(crosscheck.Argument{Role: crosscheck.RoleTime, Span: tx.Span, Sentence: si, Timex: &tx}) &&
				b.m.Begin == "" && tx.Begin != "" {
				b.m.Begin, b.m.End = tx.Begin, tx.End
			}
		}
	}
	for _, i := range x.quants[si] {
		q := x.layer.Quantities[i]
		if q.Kind != crosscheck.QuantityMoney {
			continue
		}
		if top := t.top(q.Span); top >= 0 && t.ownerOf(top, owner) == c {
			q := q
			b.value(crosscheck.Argument{Role: crosscheck.RoleMoney, Span: q.Span, Sentence: si, Quantity: &q})
		}
	}
}

// fallbackHeads are the nouns whose number counts an event's
// participants when the parse does not tie the number to the trigger
// ("the drills involve several thousand troops").
var fallbackHeads = map[string]map[string]bool{
	crosscheck.EventMobilize: {"troops": true, "soldiers": true, "personnel": true, "servicemen": true, "reservists": true, "sailors": true, "marines": true},
	crosscheck.EventArrest: {"people": true, "persons": true, "individuals": true, "suspects": true, "nationals": true, "citizens": true,
		"members": true, "agents": true, "spies": true, "activists": true, "detainees": true, "men": true, "women": true},
	crosscheck.EventProtest: {"people": true, "protesters": true, "demonstrators": true, "protestors": true},
}

// moneyTypes are the event types whose sums of money are their value
// ("a deal worth about 1.3 billion euros").
var moneyTypes = map[string]bool{crosscheck.EventAgree: true, crosscheck.EventSanction: true, crosscheck.EventAid: true}

// fallback fills a missing count or money role from the trigger's
// sentence when the parse did not tie one to the trigger: the nearest
// cardinal counting a participant noun of the type (troops for an
// exercise, people for an arrest), or for deals the nearest sum of money.
// Numbers another event of the sentence owns are left to it.
func (b *builder) fallback(c *cand, owner map[int]*cand) {
	t, x := b.t, b.x
	has := func(role string) bool {
		for _, a := range b.m.Arguments {
			if a.Role == role {
				return true
			}
		}
		return false
	}
	heads := fallbackHeads[c.typ]
	wantCount := heads != nil && !has(crosscheck.RoleCount)
	wantMoney := moneyTypes[c.typ] && !has(crosscheck.RoleMoney)
	if !wantCount && !wantMoney {
		return
	}
	trig := t.toks[c.tok].Span.Start
	best, bestDist := -1, 0
	for _, i := range x.quants[t.sentIndex()] {
		q := x.layer.Quantities[i]
		if top := t.top(q.Span); top >= 0 {
			if o := t.ownerOf(top, owner); o != nil && o != c {
				continue
			}
		}
		ok := false
		switch {
		case wantMoney && q.Kind == crosscheck.QuantityMoney:
			ok = true
		case wantCount && q.Kind == crosscheck.QuantityCardinal && q.Head != "":
			words := strings.Fields(strings.ToLower(q.Head))
			ok = heads[words[len(words)-1]]
		}
		if !ok {
			continue
		}
		d := q.Span.Start - trig
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return
	}
	q := x.layer.Quantities[best]
	role := crosscheck.RoleCount
	if q.Kind == crosscheck.QuantityMoney {
		role = crosscheck.RoleMoney
	}
	b.value(crosscheck.Argument{Role: role, Span: q.Span, Sentence: t.sentIndex(), Quantity: &q})
}

// name attaches the event's own name: an EVENT mention inside the
// trigger noun's subtree ("the Sea Breeze exercise", "the drills,
// codenamed Sea Breeze", "the exercise, known as Sea Breeze"). Reports that name it are about one event whatever else they
// leave out.
func (b *builder) name(c *cand) {
	t, x := b.t, b.x
	if !c.noun {
		return
	}
	for _, i := range x.curEnts {
		e := x.layer.Entities[i]
		if e.Label != crosscheck.LabelEvent {
			continue
		}
		k := t.top(e.Span)
		if k < 0 || b.used[k] || !t.dominates(c.tok, k) {
			continue
		}
		b.used[k] = true
		lo, hi := k, k
		for l := range t.toks {
			if sp := t.toks[l].Span; sp.Start >= e.Span.Start && sp.End <= e.Span.End {
				lo, hi = min(lo, l), max(hi, l)
			}
		}
		b.addSpan(RoleName, k, lo, hi)
		return
	}
}

// isValue reports whether the phrase at k is a time or an amount.
func (x *extractor) isValue(t *tree, k int) bool {
	sp := t.toks[k].Span
	for _, i := range x.timexes[t.sentIndex()] {
		if s := x.layer.Timexes[i].Span; s.Start <= sp.Start && sp.End <= s.End {
			return true
		}
	}
	for _, i := range x.quants[t.sentIndex()] {
		if q := x.layer.Quantities[i]; q.Kind == crosscheck.QuantityMoney && q.Span.Start <= sp.Start && sp.End <= q.Span.End {
			return true
		}
	}
	return false
}

// stance sets Negated and copies the modalities that cover the trigger.
func (x *extractor) stance(t *tree, c *cand, m *crosscheck.EventMention) {
	heads := []int{c.tok, c.support}
	// An infinitive takes the negation of what governs it: "did not
	// plan to recall", "has no plans to recall".
	if h := t.head[c.tok]; h >= 0 && t.hasKidLemma(c.tok, "mark", toMark) {
		heads = append(heads, h)
		if t.toks[h].UPOS == "NOUN" {
			heads = append(heads, t.head[h])
		} else if o := t.child(h, "obj"); o >= 0 && o < c.tok {
			heads = append(heads, o)
		}
	}
	for _, a := range heads {
		if a < 0 {
			continue
		}
		for _, k := range t.kids[a] {
			switch t.rel(k) {
			case "advmod", "neg", "det", "cc:preconj":
				if negWords[t.lemma[k]] || negWords[t.lower[k]] {
					m.Negated = true
				}
			}
		}
	}
	ts := m.TriggerSpan
	for _, md := range x.layer.Modalities {
		if md.Span.Start <= ts.Start && ts.End <= md.Span.End {
			m.Modalities = append(m.Modalities, md)
			if md.Kind == crosscheck.ModNegated && negates(t, md.CueSpan, heads) {
				m.Negated = true
			}
		}
	}
}

// negates reports whether a negation cue negates the event: when the
// cue is a dependent of the trigger (or its support verb, or the verb
// governing its infinitive), or when the record names no cue. A cue
// elsewhere in the clause negates something else: "twelve people, not
// seven, were taken", "further arrests cannot be ruled out", "not long
// ago, police arrested…".
func negates(t *tree, cue crosscheck.Span, heads []int) bool {
	if cue.Len() <= 0 {
		return true
	}
	k := t.top(cue)
	if k < 0 {
		return true // the cue is outside this sentence's tokens
	}
	for _, h := range heads {
		if h >= 0 && (k == h || t.head[k] == h) {
			return true
		}
	}
	return false
}

// recap applies the rules in the package comment.
func (x *extractor) recap(t *tree, c *cand, m *crosscheck.EventMention) bool {
	for _, a := range c.anchors() {
		if t.toks[a].UPOS != "VERB" {
			continue
		}
		if pastPerfect(t, a) && !t.reported(a) {
			return true
		}
		if t.hasKidLemma(a, "advmod", recapAdvs) {
			return true
		}
		// "The raid comes after 19 others were arrested in November": an
		// event the article's news follows.
		if t.hasKidLemma(a, "mark", afterMarks) && t.head[a] >= 0 && t.toks[t.head[a]].UPOS == "VERB" {
			return true
		}
	}
	if !c.noun && x.definiteGroup(t, c.tok) {
		return true
	}
	if !x.ref.IsZero() {
		limit := x.ref.AddDate(0, 0, -recapDays)
		for _, a := range m.Arguments {
			if a.Role != crosscheck.RoleTime || a.Timex == nil {
				continue
			}
			if e, ok := day(a.Timex.End); ok && e.Before(limit) {
				return true
			}
		}
	}
	return false
}

// afterMarks introduce a clause about an earlier event.
var afterMarks = map[string]bool{"after": true}

func pastPerfect(t *tree, v int) bool {
	for _, k := range t.kids[v] {
		if (t.rel(k) == "aux") && t.lower[k] == "had" {
			return true
		}
	}
	return false
}

// definiteGroup recognises a participle describing a definite group of
// people: "the 19 arrested in February", "the men detained last month".
// It reads the parse (a participle modifying a noun with "the") and,
// since parsers often take such a participle for a main verb, the
// surface: "the" + number or person noun right before a bare
// participle with no object.
func (x *extractor) definiteGroup(t *tree, v int) bool {
	part := t.toks[v].XPOS == "VBN" || t.toks[v].XPOS == "VBD" || t.toks[v].UPOS == "ADJ"
	if !part || t.child(v, "aux", "aux:pass", "obj") >= 0 {
		return false
	}
	if h := t.head[v]; h >= 0 && (t.base(v) == "acl" || t.base(v) == "amod") && h < v {
		return definite(t, h) && x.personish(t, h)
	}
	return x.surfaceGroup(t, v)
}

// surfaceGroup matches "the" + number or plural person noun right before
// a bare participle: "the 19 arrested", "those men detained".
func (x *extractor) surfaceGroup(t *tree, v int) bool {
	switch t.toks[v].XPOS {
	case "VBN", "VBD":
	default:
		return false
	}
	p := v - 1
	if p < 1 || !(t.toks[p].UPOS == "NUM" || (personNouns[t.lemma[p]] && t.toks[p].XPOS == "NNS")) {
		return false
	}
	for q := p - 1; q >= 0 && q >= p-3; q-- {
		switch t.lower[q] {
		case "the", "these", "those":
			return true
		}
		if t.toks[q].UPOS != "ADJ" && t.toks[q].UPOS != "NUM" {
			return false
		}
	}
	return false
}

func definite(t *tree, n int) bool {
	for _, k := range t.kids[n] {
		if t.rel(k) == "nmod:poss" {
			return true
		}
		if t.rel(k) == "det" {
			switch t.lower[k] {
			case "the", "these", "those":
				return true
			}
		}
	}
	return false
}
