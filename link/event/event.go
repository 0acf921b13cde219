// Package event finds event mentions in one document's language layer:
// who did what to whom, when, where and how many, as typed
// crosscheck.EventMention values with their evidence spans. The
// ontology, its PLOVER counterparts and the trigger lexicon are in
// docs/events.md; the lexicon's Go tables (lexicon.go) are checked
// against that page by a test.
//
// # Triggers
//
// A trigger is a verb or an event noun whose lemma is in the lexicon and
// whose condition, if any, holds: "seize" is an arrest only when what is
// seized is a person, "open" a diplomatic act only when what is opened is
// an embassy or consulate, "exercise" a military exercise only near a
// military word. Person nouns ("spy", "agent") never trigger; activity
// nouns ("spying", "espionage") do. Speech verbs trigger STATEMENT only
// for announce, declare, warn, deny, condemn and denounce: a plain "said"
// is attribution, which the modality layer records. An event noun used
// as a modifier ("arrest warrant", "protest note") or as the content of
// a charge ("on charges of espionage") is not an event. A noun that is
// the object of a trigger verb of the same type ("signed a deal") is
// folded into the verb's mention; a noun governed by a support verb
// ("held talks", "carried out a round of arrests", "the exercise began
// on Monday", "taking part in the drills") borrows that verb's subject,
// time, place and negation. A participle tagged as an adjective
// triggers only ARREST, ATTACK and DIPLOMACY ("the detained men", not
// "trained units" or "banned books").
//
// # Roles
//
// From the dependency parse:
//   - agent: the active subject; "by X" (obl:agent) of a passive or a
//     noun; the possessor or "of X" of a noun whose type is not
//     patient-first (MEET, AGREE, MOBILIZE…); a NORP adjective or an
//     organisation compound on a noun ("Ostravian drills", "police
//     raids"); for a verb with no subject, the subject of the verb it
//     depends on (conjunction, xcomp, advcl) or the noun a participle
//     modifies.
//   - patient: the object; the passive subject; the noun a passive
//     participle modifies ("seven people held"); "of X" and "X's" of a
//     patient-first noun (ARREST, ATTACK, DIPLOMACY, SANCTION); "with X"
//     for MEET and AGREE (the counterpart); "against X", "on X".
//   - location: an obl or nmod with in/at/near/outside/… whose phrase
//     holds a GPE, LOC or FAC mention, a gazetteer place or a place noun
//     ("port", "region"), on the trigger, its support verb or the
//     patient; "to X" for MEET; a place compound ("Osterhaven arrests").
//   - time: a DATE or TIME Timex of the layer whose head-chain reaches
//     the mention's trigger (or support verb) before any other trigger;
//     the mention's Begin and End are copied from it. With no such
//     Timex they stay empty: the publication date is not the event's
//     date.
//   - count: a cardinal Quantity of the layer inside the patient's
//     phrase or counting its head noun (for MOBILIZE and PROTEST also the
//     agent's), or a number before a trigger noun ("19 arrests").
//   - money: a money Quantity whose head-chain reaches the trigger.
//   - charge: "on charges of X", "on suspicion of X", "for X" with a
//     crime or a gerund, "over X", "accused/charged of/with X" on the
//     trigger or on the patient ("seven suspected of spying").
//   - instrument: with/using/via/through X for ATTACK, MOBILIZE and
//     ESPIONAGE; recipient: "for X" or "to X" for ESPIONAGE and AID.
//   - name (RoleName): an EVENT entity mention in a trigger noun's
//     subtree: a compound ("the Sea Breeze exercise"), an
//     apposition, a participle or a relative clause ("the drills,
//     codenamed Sea Breeze").
//
// Every argument carries its span, text and sentence; its Entity is
// at(docID, span of the entity mention at its head), or at(docID, its
// span) when no mention is there.
//
// # Negation, modality and recaps
//
// Modalities are the layer's records whose span contains the trigger.
// A mention is Negated when the trigger, its support verb or the verb
// governing its infinitive has a not/never/no dependent ("did not
// arrest", "no arrests", "has no plans to recall"), or when a negated
// record covers it whose cue is such a dependent or which names no cue.
// A negated record whose cue hangs elsewhere in the clause negates
// something else ("twelve, not seven, were taken"; "further arrests
// cannot be ruled out"), so it is copied but does not set Negated.
//
// Recap marks a mention that looks back rather than reports news: a
// past perfect trigger that is not itself reported speech ("had been
// arrested", but not "announced that it had detained"); a participle
// describing a definite group ("the 19 arrested in February", "the men
// detained last month"); an earlier/previously/formerly/before adverb;
// or a time argument that ends more than 14 days before the reference
// date, which is the publication date or, for an undated document, the
// latest date the document mentions.
package event

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Version names this extractor in every mention's Extractor.
const Version = "event/5"

// RoleName is the role of an event's own name ("the Sea Breeze
// exercise"): an EVENT entity mention in the trigger noun's phrase.
const RoleName = "name"

// EntityAt maps a span of a document to a resolved entity ID ("" if
// none); the entity resolver provides it.
type EntityAt func(docID string, span crosscheck.Span) string

// recapDays is how far before the reference date a time argument must
// end for its mention to count as a recap.
const recapDays = 14

// Extract finds the event mentions of one document. IDs are
// "<docID>/<n>" in text order, n from 1. A nil at leaves arguments
// without entities; odd layers (bad heads, spans outside the text) give
// fewer mentions, never a panic.
func Extract(doc *crosscheck.Document, layer *crosscheck.Annotations, at EntityAt) []crosscheck.EventMention {
	if doc == nil || layer == nil || len(layer.Sentences) == 0 {
		return nil
	}
	x := newExtractor(doc, layer, at)
	var out []crosscheck.EventMention
	for i := range layer.Sentences {
		out = x.sentence(&layer.Sentences[i], out)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TriggerSpan.Start < out[j].TriggerSpan.Start })
	for i := range out {
		out[i].ID = doc.ID + "/" + strconv.Itoa(i+1)
	}
	return out
}

// extractor holds what one document's sentences share.
type extractor struct {
	doc   *crosscheck.Document
	layer *crosscheck.Annotations
	at    EntityAt
	// spy and military report cue words anywhere in the document.
	spy, military bool
	// ref is the reference date for recaps; zero when unknown.
	ref time.Time
	// Layer records by sentence index.
	ents, timexes, quants map[int][]int
	noQuantities          bool
	// curEnts are the entity mentions of the sentence at hand.
	curEnts []int
}

func newExtractor(doc *crosscheck.Document, layer *crosscheck.Annotations, at EntityAt) *extractor {
	x := &extractor{doc: doc, layer: layer, at: at,
		ents: map[int][]int{}, timexes: map[int][]int{}, quants: map[int][]int{},
		noQuantities: len(layer.Quantities) == 0}
	for _, s := range layer.Sentences {
		for _, tk := range s.Tokens {
			l := lowerLemma(tk)
			x.spy = x.spy || spyCues[l]
			x.military = x.military || militaryCues[l]
		}
	}
	for i, e := range layer.Entities {
		if e.Role != "author" {
			x.ents[e.Sentence] = append(x.ents[e.Sentence], i)
		}
	}
	for i, t := range layer.Timexes {
		x.timexes[t.Sentence] = append(x.timexes[t.Sentence], i)
	}
	for i, q := range layer.Quantities {
		x.quants[q.Sentence] = append(x.quants[q.Sentence], i)
	}
	if p := doc.Meta.Published; p.Known() && p.Precision != crosscheck.PrecisionYear && p.Precision != crosscheck.PrecisionMonth {
		x.ref = time.Date(p.Time.Year(), p.Time.Month(), p.Time.Day(), 0, 0, 0, 0, time.UTC)
	} else {
		for _, t := range layer.Timexes {
			if e, ok := day(t.End); ok && (t.Type == crosscheck.TimexDate || t.Type == crosscheck.TimexTime) && e.After(x.ref) {
				x.ref = e
			}
		}
	}
	return x
}

func day(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// text returns the document text of a span, or "" when the span does not
// fit the text.
func (x *extractor) text(sp crosscheck.Span) string {
	if !sp.Valid(len(x.doc.Text)) {
		return ""
	}
	return x.doc.Text[sp.Start:sp.End]
}

// cand is a trigger found in a sentence.
type cand struct {
	tok  int
	typ  string
	noun bool
	// support is the verb that governs an event noun and lends it its
	// clause, or -1; absorbed are same-type nouns folded into a verb.
	support  int
	absorbed []int
	// reasons are clauses folded in as the charge or reason ("summoned
	// the ambassador to protest against the drills").
	reasons []int
	dropped bool
}

func (c *cand) anchors() []int {
	a := append([]int{c.tok}, c.absorbed...)
	if c.support >= 0 {
		a = append(a, c.support)
	}
	return a
}

func (x *extractor) sentence(s *crosscheck.Sentence, out []crosscheck.EventMention) []crosscheck.EventMention {
	if len(s.Tokens) == 0 || !x.anyTrigger(s) {
		return out
	}
	t := newTree(s)
	x.curEnts = x.ents[s.Index]
	var cs []*cand
	for i := range t.toks {
		if typ, noun, ok := x.trigger(t, s, i); ok {
			cs = append(cs, &cand{tok: i, typ: typ, noun: noun, support: -1})
		}
	}
	if len(cs) == 0 {
		return out
	}
	byTok := map[int]*cand{}
	for _, c := range cs {
		byTok[c.tok] = c
	}
	for _, c := range cs {
		if c.noun {
			x.attachNoun(t, c, byTok)
			continue
		}
		// A protest made by summoning someone is the summons' reason,
		// not a street protest.
		if c.typ != crosscheck.EventProtest {
			continue
		}
		h := t.head[c.tok]
		if h >= 0 && t.rel(c.tok) == "acl" && t.base(h) == "obj" {
			h = t.head[h] // "summoned the ambassador to protest", read as the ambassador's
		}
		switch t.base(c.tok) {
		case "advcl", "xcomp", "acl":
			if d := byTok[h]; h >= 0 && d != nil && d.typ == crosscheck.EventDiplomacy {
				c.dropped = true
				d.reasons = append(d.reasons, c.tok)
			}
		}
	}
	owner := map[int]*cand{}
	for _, c := range cs {
		if c.dropped {
			continue
		}
		for _, a := range c.anchors() {
			if _, ok := owner[a]; !ok || a == c.tok {
				owner[a] = c
			}
		}
	}
	for _, c := range cs {
		if !c.dropped {
			out = append(out, x.mention(t, s, c, owner))
		}
	}
	return out
}

// anyTrigger is a cheap first pass: does any token's lemma or form
// appear in the lexicon at all?
func (x *extractor) anyTrigger(s *crosscheck.Sentence) bool {
	for _, tk := range s.Tokens {
		l := lowerLemma(tk)
		if verbs[l] != nil || nouns[l] != nil {
			return true
		}
		if tk.UPOS == "ADJ" || tk.UPOS == "NOUN" {
			if len(participleLemmas(lower(tk.Text))) > 0 || nouns[lower(tk.Text)] != nil {
				return true
			}
		}
	}
	return false
}

// trigger decides whether token i triggers an event, and of which type.
func (x *extractor) trigger(t *tree, s *crosscheck.Sentence, i int) (typ string, noun, ok bool) {
	tk := t.toks[i]
	if i < t.start || !tk.Span.Valid(len(x.doc.Text)) || tk.Span.Len() == 0 {
		return "", false, false
	}
	if i > 0 && t.toks[i-1].Text == "-" && t.toks[i-1].Span.End == tk.Span.Start {
		return "", false, false // "Ostravian-funded camps"
	}
	switch {
	case tk.UPOS == "VERB":
		for _, r := range verbs[t.lemma[i]] {
			if x.holds(t, i, r.If, false) {
				return r.Type, false, true
			}
		}
	case tk.UPOS == "ADJ" && (tk.XPOS == "VBN" || hasSuffix(t.lower[i], "ed")):
		// A participle tagged as an adjective ("the detained men") names
		// an event only for what is done to people: "trained units" or
		// "banned books" describe a state.
		for _, l := range participleLemmas(t.lower[i]) {
			for _, r := range verbs[l] {
				if adjTypes[r.Type] && x.holds(t, i, r.If, false) {
					return r.Type, false, true
				}
			}
		}
	case tk.UPOS == "NOUN":
		rs := nouns[t.lemma[i]]
		if rs == nil {
			rs = nouns[t.lower[i]]
		}
		if len(rs) == 0 || !x.eventNoun(t, i) {
			return "", false, false
		}
		for _, r := range rs {
			if x.holds(t, i, r.If, true) {
				return r.Type, true, true
			}
		}
	}
	return "", false, false
}

// eventNoun rules out nouns that name no event where they stand: a
// modifier of another noun ("arrest warrant") or the content of a charge
// ("on charges of espionage").
func (x *extractor) eventNoun(t *tree, i int) bool {
	if t.rel(i) == "compound" {
		return false
	}
	// A singular noun right before another noun modifies it, whatever
	// the parser says ("attack helicopters", "exercise area").
	if i+1 < len(t.toks) && t.toks[i].XPOS == "NN" && t.toks[i+1].UPOS == "NOUN" {
		return false
	}
	if h := t.head[i]; h >= 0 && t.base(i) == "nmod" && (chargeHeads[t.lemma[h]] || noteNouns[t.lemma[h]]) {
		return false // "on charges of espionage", "a note of protest"
	}
	return true
}

// participleLemmas guesses the verb lemma of an -ed form.
func participleLemmas(w string) []string {
	if !hasSuffix(w, "ed") || len(w) < 5 {
		return nil
	}
	var ls []string
	for _, l := range []string{w[:len(w)-1], w[:len(w)-2]} {
		if verbs[l] != nil {
			ls = append(ls, l)
		}
	}
	if n := len(w) - 2; n >= 2 && w[n-1] == w[n-2] { // netted → net
		if l := w[:n-1]; verbs[l] != nil {
			ls = append(ls, l)
		}
	}
	return ls
}

// attachNoun finds the support verb of an event noun, folds it into a
// same-type verb trigger, or drops it.
func (x *extractor) attachNoun(t *tree, c *cand, byTok map[int]*cand) {
	n := c.tok
	// Climb through a transparent noun: "a round of arrests".
	if h := t.head[n]; h >= 0 && t.base(n) == "nmod" && t.caseOf(n) == "of" && transparentNouns[t.lemma[h]] {
		n = h
	}
	g := t.head[n]
	if g < 0 {
		return
	}
	switch t.base(n) {
	case "obj", "nsubj", "obl":
	default:
		return
	}
	if v := byTok[g]; v != nil && !v.noun {
		if v.typ == c.typ {
			c.dropped = true
			v.absorbed = append(v.absorbed, c.tok)
		}
		return
	}
	// "taking part in the drills", "taken away in the arrests" lend the
	// verb; "since the attack" is an oblique of time, not what it does.
	if t.toks[g].UPOS == "VERB" && supportVerbs[t.lemma[g]] && (t.base(n) != "obl" || supportPreps[t.caseOf(n)]) {
		c.support = g
	}
}

// holds checks a trigger's condition at token i.
func (x *extractor) holds(t *tree, i int, c cond, noun bool) bool {
	switch c {
	case always:
		return true
	case person:
		p := x.patientHead(t, i)
		return p >= 0 && x.personish(t, p)
	case ring:
		p := x.patientHead(t, i)
		return p >= 0 && (ringNouns[t.lemma[p]] || x.personish(t, p))
	case diplomat:
		p := x.patientHead(t, i)
		if noun {
			p = t.child(i, "nmod", "nmod:poss")
		}
		return p >= 0 && (diplomatNouns[t.lemma[p]] || t.hasKidLemma(p, "compound", diplomatNouns))
	case post:
		p := x.patientHead(t, i)
		return p >= 0 && postNouns[t.lemma[p]]
	case fire:
		p := t.child(i, "obj")
		return p >= 0 && t.lemma[p] == "fire"
	case information:
		p := x.patientHead(t, i)
		return x.spy && p >= 0 && infoNouns[t.lemma[p]]
	case spyContext:
		return x.spy
	case agreement:
		p := x.patientHead(t, i)
		return p >= 0 && agreementNouns[t.lemma[p]]
	case troops:
		for _, k := range t.kids[i] {
			if b := t.base(k); (b == "obj" || b == "nsubj") && troopNouns[t.lemma[k]] {
				return true
			}
		}
		return false
	case military:
		return x.militaryNoun(t, i)
	case custody:
		for _, k := range t.kids[i] {
			if t.base(k) == "obl" && t.lemma[k] == "custody" {
				return true
			}
		}
		return false
	case relations:
		p := t.child(i, "obj", "nsubj:pass")
		return p >= 0 && relationNouns[t.lemma[p]]
	case accusedWith:
		if x.passive(t, i) {
			return true
		}
		for _, k := range t.kids[i] {
			if (t.base(k) == "obl" || t.base(k) == "advcl") && t.caseOf(k) == "with" {
				return true
			}
		}
		return false
	case notAccess:
		p := t.child(i, "obj")
		return p < 0 || !accessNouns[t.lemma[p]]
	case counterpart:
		p := t.child(i, "obj")
		if p < 0 {
			return true
		}
		return x.entityLabel(t, p) != "" || x.personish(t, p)
	case intransitive:
		return t.child(i, "obj", "ccomp", "xcomp") < 0
	case violent:
		p := t.child(i, "obj")
		return p >= 0 && !figurativeObjs[t.lemma[p]] && byTokNoun(t, p)
	case weapon:
		for _, k := range t.kids[i] {
			if (t.rel(k) == "compound" || t.rel(k) == "amod") && weaponMods[t.lemma[k]] {
				return true
			}
		}
		return false
	case plural:
		return t.toks[i].XPOS == "NNS" || hasSuffix(t.lower[i], "s")
	case kind:
		return t.hasKidLemma(i, "amod", aidKinds) || t.hasKidLemma(i, "compound", aidKinds)
	case toDo:
		if t.child(i, "xcomp") >= 0 {
			return true
		}
		for _, k := range t.kids[i] {
			if c := t.caseOf(k); t.base(k) == "obl" && (c == "on" || c == "to" || c == "upon") {
				return true
			}
		}
		return false
	case notOf:
		for _, k := range t.kids[i] {
			if t.base(k) == "nmod" && t.caseOf(k) == "of" {
				return false
			}
		}
		return true
	}
	return false
}

// byTokNoun reports whether token p is a noun or pronoun (an object an
// attack can hit).
func byTokNoun(t *tree, p int) bool {
	switch t.toks[p].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM":
		return true
	}
	return false
}

// militaryNoun accepts "exercise" and "drills" as military events: a
// military word in the sentence, a name before it ("Granite Shield
// exercise"), or a definite noun in a document about the military.
func (x *extractor) militaryNoun(t *tree, i int) bool {
	for j := range t.toks {
		if militaryCues[t.lemma[j]] {
			return true
		}
	}
	definite := false
	for _, k := range t.kids[i] {
		switch {
		case t.rel(k) == "compound" && t.toks[k].UPOS == "PROPN":
			return true
		case t.rel(k) == "amod" && (t.lemma[k] == "political" || t.lemma[k] == "diplomatic" || t.lemma[k] == "legal"):
			return false
		case t.rel(k) == "nmod:poss" || (t.rel(k) == "det" && (t.lemma[k] == "the" || t.lemma[k] == "this" || t.lemma[k] == "these")):
			definite = true
		}
	}
	return definite && x.military
}

// passive reports whether verb v is in the passive voice: a passive
// subject or auxiliary, a participle modifying a noun, or a bare
// participle conjoined to a passive verb ("were trained and funded").
func (x *extractor) passive(t *tree, v int) bool {
	for _, k := range t.kids[v] {
		switch t.rel(k) {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		case "nsubj", "aux", "obj":
			return false
		}
	}
	vbn := t.toks[v].XPOS == "VBN" || t.toks[v].UPOS == "ADJ"
	switch t.base(v) {
	case "acl", "amod":
		return vbn && t.rel(v) != "acl:relcl"
	case "conj":
		h := t.head[v]
		return vbn && h >= 0 && t.toks[h].UPOS != "NOUN" && x.passive(t, h)
	}
	// A headline participle with no auxiliary ("Seven held in spy ring"):
	// a VBN whose subject is missing reads as passive.
	return false
}

// patientHead is the token a trigger verb acts on, for conditions: its
// object, passive subject, the noun it modifies as a participle, or for
// a noun its "of" phrase.
func (x *extractor) patientHead(t *tree, i int) int {
	if t.toks[i].UPOS == "NOUN" {
		for _, k := range t.kids[i] {
			if t.base(k) == "nmod" && t.caseOf(k) == "of" {
				return k
			}
		}
		return -1
	}
	if x.passive(t, i) {
		if s := x.subject(t, i, 0); s >= 0 {
			return s
		}
		return -1
	}
	if p := t.child(i, "obj"); p >= 0 {
		return p
	}
	// "held" with its subject read as active by the parser in headlines
	// ("Seven held in spy probe"): a VBN/VBD with no object and no
	// auxiliary, whose subject is a person.
	if s := t.child(i, "nsubj"); s >= 0 && t.child(i, "aux") < 0 && t.toks[i].XPOS == "VBN" {
		return s
	}
	return -1
}

// subject finds the understood subject of verb v: its own subject (not
// a date misread as one), the noun it modifies as a participle or
// relative clause, the object of the verb it depends on through xcomp
// ("prompting Valdoria to summon"), or the subject of the verb it
// depends on through a conjunction, xcomp or advcl.
func (x *extractor) subject(t *tree, v, depth int) int {
	if depth > 4 || v < 0 {
		return -1
	}
	for _, s := range t.kids[v] {
		switch t.rel(s) {
		case "nsubj", "nsubj:pass", "nsubj:outer":
		default:
			continue
		}
		if x.dateish(t, s) {
			continue
		}
		if relPronouns[t.lemma[s]] {
			return t.antecedent(v)
		}
		return s
	}
	h := t.head[v]
	if h < 0 {
		return -1
	}
	switch t.base(v) {
	case "acl", "amod":
		if t.rel(v) == "acl" && t.hasKidLemma(v, "mark", toMark) {
			return -1 // "a pretext to summon": the noun is no subject
		}
		return h
	case "xcomp":
		if o := t.child(h, "obj"); o >= 0 && nominal(t, o) && (x.personish(t, o) || x.entityLabel(t, o) != "") {
			return o
		}
		fallthrough
	case "conj", "advcl":
		if t.toks[h].UPOS == "NOUN" || t.toks[h].UPOS == "PROPN" {
			return -1
		}
		return x.subject(t, h, depth+1)
	}
	return -1
}

var toMark = set("to")

// dateish reports whether token k is (part of) a date or time: the
// parser sometimes takes "Last Wednesday" for a subject.
func (x *extractor) dateish(t *tree, k int) bool {
	sp := t.toks[k].Span
	for _, i := range x.timexes[t.sentIndex()] {
		if s := x.layer.Timexes[i].Span; s.Start <= sp.Start && sp.End <= s.End {
			return true
		}
	}
	for _, i := range x.curEnts {
		e := x.layer.Entities[i]
		if (e.Label == crosscheck.LabelDate || e.Label == crosscheck.LabelTime) && e.Span.Start <= sp.Start && sp.End <= e.Span.End {
			return true
		}
	}
	return false
}

// personish reports whether token p names a person or a group of
// people: a person noun, a PERSON or NORP mention, a number or a
// pronoun.
// ringNouns are the groups a security service busts or dismantles.
var ringNouns = map[string]bool{
	"network": true, "ring": true, "cell": true, "gang": true, "group": true, "syndicate": true, "cartel": true, "plot": true,
}

func (x *extractor) personish(t *tree, p int) bool {
	if personNouns[t.lemma[p]] || personNouns[t.lower[p]] || t.toks[p].UPOS == "NUM" {
		return true
	}
	switch x.entityLabel(t, p) {
	case crosscheck.LabelPerson, crosscheck.LabelNORP:
		return true
	}
	return false
}

// entityLabel is the label of the layer's named mention that covers
// token p, or "".
func (x *extractor) entityLabel(t *tree, p int) string {
	if e := x.entityAt(t.toks[p].Span); e >= 0 {
		return x.layer.Entities[e].Label
	}
	return ""
}

// entityAt returns the index of a named mention (not a value) of the
// current sentence that overlaps sp, or -1.
func (x *extractor) entityAt(sp crosscheck.Span) int {
	for _, i := range x.curEnts {
		e := x.layer.Entities[i]
		if e.Span.Start < sp.End && sp.Start < e.Span.End && named(e.Label) {
			return i
		}
	}
	return -1
}

func named(label string) bool {
	switch label {
	case crosscheck.LabelPerson, crosscheck.LabelOrg, crosscheck.LabelGPE, crosscheck.LabelLoc,
		crosscheck.LabelNORP, crosscheck.LabelFac, crosscheck.LabelEvent:
		return true
	}
	return false
}

func lowerLemma(tk crosscheck.Token) string {
	if tk.Lemma != "" {
		return lower(tk.Lemma)
	}
	return lower(tk.Text)
}

func lower(s string) string { return strings.ToLower(s) }

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }
