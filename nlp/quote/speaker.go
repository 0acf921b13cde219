package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Kinds of referent, for pronouns and descriptions.
const (
	kindOther byte = iota
	kindPerson
	kindOrg
	kindGroup
)

// speaker is who a quote is attributed to.
type speaker struct {
	// name is the full name (or, for an unnamed speaker, the description
	// "Valdorian foreign ministry official"); span the words that name
	// the speaker for this quote; ent the entity mention it resolved to,
	// or -1.
	name string
	span crosscheck.Span
	ent  int
	// named: the speaker resolved to a name, directly or through a
	// pronoun or a description.
	named bool
	// first: "I" or "we" outside quotation marks, the writer's own voice.
	first bool
	kind  byte
	// head and words describe an unnamed speaker ("official";
	// "ministry", "foreign") so that "the official" can find it again.
	head  string
	words []string
}

// entry is a possible antecedent: an entity mention or an earlier
// speaker. The name of a mention's entry is filled in when used.
type entry struct {
	pos, sent int
	ent       int
	name      string
	kind      byte
	head      string
	// words are the lower-case words that can pick the entry out: its
	// name, title and the nouns describing it ("the grid operator X").
	words            []string
	subject, speaker bool
	named            bool
}

func noSpeaker() speaker { return speaker{ent: -1} }

// speakerAt names the speaker whose phrase has its head at r.
func (d *doc) speakerAt(r tokRef) speaker {
	s, h := r.s, r.t
	in := d.info(s)
	tok := &d.sents[s].Tokens[h]
	low := strings.ToLower(tok.Text)
	span := d.tokSpan(s, h)
	pos := span.Start

	// Pronouns.
	if p := pronouns[low]; p != 0 && (tok.UPOS == "PRON" || tok.UPOS == "DET" || p != pronRel) {
		sp := noSpeaker()
		switch p {
		case pronFirst:
			sp.first = true
			return sp
		case pronPerson:
			sp = d.antecedent(pos, s, kindPerson, 4)
		case pronOrg:
			sp = d.antecedent(pos, s, kindOrg, 3)
		case pronGroup:
			sp = d.antecedent(pos, s, kindGroup, 2)
			if g := d.groupSubject(pos, s, 1); g.name != "" && (sp.name == "" || g.span.Start > sp.span.Start) {
				sp = g
			}
		}
		if sp.name != "" {
			sp.span = span
		}
		return sp
	}
	if tok.UPOS == "PRON" && tok.XPOS != "NN" {
		return noSpeaker()
	}

	// A name: the mention holding the head, an apposition ("the head of
	// the service, Colonel X"), or the name the head stands in
	// apposition to ("X, a lawyer who said").
	if e := in.ent[h]; e >= 0 && speakerLabel(d.ents[e].Label) {
		return d.named(e)
	}
	for _, c := range in.children(h) {
		switch d.rel(s, c) {
		case "appos", "flat", "flat:name", "compound", "nmod:desc":
			if e := in.ent[c]; e >= 0 && (d.ents[e].Label == crosscheck.LabelPerson || d.ents[e].Label == crosscheck.LabelOrg) {
				return d.named(e)
			}
		}
	}
	for _, c := range in.children(h) {
		if d.rel(s, c) == "appos" && d.upos(s, c) == "PROPN" && d.kid(s, c, "det") < 0 {
			return d.properName(s, c)
		}
	}
	if p := in.head[h]; p >= 0 && d.rel(s, h) == "appos" {
		if e := in.ent[p]; e >= 0 && speakerLabel(d.ents[e].Label) {
			return d.named(e)
		}
		if d.upos(s, p) == "PROPN" {
			return d.properName(s, p)
		}
	}
	if j := d.nameRight(s, h); j >= 0 {
		// Title words before a name: "Defence Minister X", "forecaster X".
		if e := in.ent[j]; e >= 0 {
			return d.named(e)
		}
		return d.properName(s, j)
	}
	if tok.UPOS == "NOUN" || tok.UPOS == "NUM" || tok.UPOS == "PRON" {
		// "one of the engineers, X": a name in apposition further down.
		for t := in.lo[h]; t <= in.hi[h]; t++ {
			if t != h && d.rel(s, t) == "appos" && in.inQ[t] == 0 {
				if e := in.ent[t]; e >= 0 && d.ents[e].Label == crosscheck.LabelPerson {
					return d.named(e)
				}
			}
		}
	}
	det := d.kid(s, h, "det")
	if tok.UPOS == "PROPN" && (det < 0 || !personNouns[in.lem[h]] && !orgNouns[in.lem[h]]) {
		return d.properName(s, h)
	}
	if tok.UPOS != "NOUN" && tok.UPOS != "PROPN" && tok.UPOS != "NUM" && !(isSubj(tok.Rel) && (tok.UPOS == "ADJ" || tok.UPOS == "X")) {
		return noSpeaker()
	}
	return d.description(s, h)
}

// rangeSpeaker names the speaker given by tokens lo..hi when the parse
// gives no usable head: a name in it, else the phrase as a description
// ("sources inside the port", "unnamed customs official").
func (d *doc) rangeSpeaker(s, lo, hi int) speaker {
	in := d.info(s)
	toks := d.sents[s].Tokens
	best := -1
	if e := in.ent[hi]; e >= 0 && speakerLabel(d.ents[e].Label) {
		best = e // the name that heads the phrase
	}
	for t := lo; t <= hi && best < 0; t++ {
		if e := in.ent[t]; e >= 0 && d.ents[e].Label == crosscheck.LabelPerson {
			best = e
		}
	}
	if best >= 0 {
		return d.named(best)
	}
	for lo < hi && (dropLeft[strings.ToLower(toks[lo].Text)] || isPunct(&toks[lo])) {
		lo++
	}
	head := -1
	for t := lo; t <= hi; t++ {
		if d.upos(s, t) == "ADP" && head >= 0 {
			break
		}
		if up := d.upos(s, t); up == "NOUN" || up == "PROPN" || up == "ADJ" && t == hi {
			head = t
		}
	}
	if head < 0 {
		return noSpeaker()
	}
	if lo == hi || lo == head && d.kid(s, head, "det") >= 0 {
		return d.speakerAt(tokRef{s, head})
	}
	a, b := d.tokSpan(s, lo), d.tokSpan(s, hi)
	span := crosscheck.Span{Start: a.Start, End: b.End}
	sp := speaker{name: d.text[span.Start:span.End], span: span, ent: -1, head: in.lem[head]}
	switch {
	case personNouns[in.lem[head]]:
		sp.kind = kindPerson
	case orgNouns[in.lem[head]]:
		sp.kind = kindOrg
	case strings.HasSuffix(toks[head].XPOS, "S"):
		sp.kind = kindGroup
	}
	return sp
}

// named returns the speaker an entity mention names.
func (d *doc) named(e int) speaker {
	m := d.ents[e]
	kind := kindOrg
	if m.Label == crosscheck.LabelPerson {
		kind = kindPerson
	}
	return speaker{name: d.canonical(e), span: m.Span, ent: e, named: true, kind: kind}
}

// properName names a speaker from a proper noun the recogniser missed:
// the noun with the names around it, completed from an earlier person
// with the same surname.
func (d *doc) properName(s, h int) speaker {
	in := d.info(s)
	lo, hi := h, h
	for _, c := range in.children(h) {
		switch d.rel(s, c) {
		case "flat", "flat:name", "compound":
			if d.upos(s, c) == "PROPN" {
				lo, hi = min(lo, c), max(hi, c)
			}
		}
	}
	a, b := d.tokSpan(s, lo), d.tokSpan(s, hi)
	span := crosscheck.Span{Start: a.Start, End: b.End}
	if span.Len() <= 0 {
		return noSpeaker()
	}
	name := d.text[span.Start:span.End]
	sp := speaker{name: name, span: span, ent: -1, named: true, kind: kindPerson}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if orgNouns[w] {
			sp.kind = kindOrg
		}
	}
	last := lastWord(name)
	for e, m := range d.ents {
		if m.Span.Start >= span.Start {
			break
		}
		if m.Label == crosscheck.LabelPerson && strings.EqualFold(lastWord(m.Text), last) {
			sp.name, sp.ent, sp.kind = d.canonical(e), e, kindPerson
		}
	}
	return sp
}

// description names a speaker given by a common noun: "the service",
// "a Valdorian foreign ministry official", "relatives of the detained".
// A definite description refers back to an earlier name when one fits;
// otherwise the description itself is the speaker's name.
func (d *doc) description(s, h int) speaker {
	in := d.info(s)
	toks := d.sents[s].Tokens
	head := in.lem[h]
	lo, hi := h, h
	isDefinite, geo := false, false
	var words []string
	var modifiers []int
	for _, c := range in.children(h) {
		if c > h {
			continue
		}
		r := d.rel(s, c)
		w := strings.ToLower(toks[c].Text)
		if r == "det" || r == "nmod:poss" && d.upos(s, c) == "PRON" {
			if definite[w] {
				isDefinite = true
			}
			if dropLeft[w] && r == "det" || r == "nmod:poss" {
				continue
			}
		}
		if r == "punct" || r == "case" || r == "fixed" || r == "mark" || r == "cc" {
			continue
		}
		if r == "nmod:poss" {
			isDefinite = true
		}
		if e := in.ent[c]; e >= 0 {
			if l := d.ents[e].Label; l == crosscheck.LabelGPE || l == crosscheck.LabelNORP || l == crosscheck.LabelLoc {
				geo = true
			}
		}
		lo = min(lo, in.lo[c])
		modifiers = append(modifiers, c)
		if r == "compound" || r == "amod" {
			words = append(words, in.lem[c])
		}
	}
	for _, c := range in.children(h) {
		if c < h {
			continue
		}
		r := d.rel(s, c)
		if r == "appos" || r == "acl:relcl" || r == "parataxis" || r == "punct" || r == "conj" || r == "cc" || r == "dep" || r == "advcl" {
			break
		}
		hi = max(hi, in.hi[c])
	}
	for k := h + 1; k <= hi; k++ {
		if toks[k].Text == "," || toks[k].Text == "(" || in.inQ[k] != 0 || d.upos(s, k) == "VERB" && (finite(&toks[k]) || d.speechVerb(s, k) != notSpeech) {
			hi = k - 1
			break
		}
	}
	for k := h - 1; k >= lo; k-- {
		if toks[k].Text == "," || in.inQ[k] != 0 {
			lo = k + 1
			break
		}
	}
	for lo < h && (d.rel(s, lo) == "det" && dropLeft[strings.ToLower(toks[lo].Text)] || isPunct(&toks[lo])) {
		lo++
	}
	for hi > h && isPunct(&toks[hi]) {
		hi--
	}
	a, b := d.tokSpan(s, lo), d.tokSpan(s, hi)
	span := crosscheck.Span{Start: a.Start, End: b.End}
	if span.Len() <= 0 {
		return noSpeaker()
	}
	sp := speaker{name: d.text[span.Start:span.End], span: span, ent: -1, head: head, words: words}
	switch {
	case personNouns[head]:
		sp.kind = kindPerson
	case orgNouns[head]:
		sp.kind = kindOrg
	case strings.HasSuffix(toks[h].XPOS, "S"):
		sp.kind = kindGroup
	}
	pos := span.Start

	if artifactNouns[head] {
		return d.artifact(s, h, sp, modifiers, isDefinite)
	}
	if !isDefinite || geo {
		return sp
	}
	if r := d.findDescribed(pos, head, words); r.name != "" {
		r.span = span
		return r
	}
	if len(words) == 0 {
		var r speaker
		switch {
		case fallbackPersonNouns[head]:
			r = d.lastSpeaker(pos, s, kindPerson, 4)
		case fallbackOrgNouns[head]:
			r = d.antecedent(pos, s, kindOrg, 8)
		}
		if r.name != "" {
			r.span = span
			return r
		}
	}
	return sp
}

// artifact names who speaks through a document: "the SSS statement",
// "a survey published by the institute", "the statement" (the last
// organisation or person that spoke).
func (d *doc) artifact(s, h int, sp speaker, modifiers []int, isDefinite bool) speaker {
	in := d.info(s)
	for _, c := range modifiers {
		if e := in.ent[c]; e >= 0 && speakerLabel(d.ents[e].Label) {
			r := d.named(e)
			r.span = sp.span
			return r
		}
	}
	for _, c := range modifiers {
		if d.rel(s, c) == "compound" && d.upos(s, c) == "NOUN" {
			if r := d.findDescribed(sp.span.Start, in.lem[c], nil); r.name != "" {
				r.span = sp.span
				return r
			}
			return sp
		}
	}
	// "published by the institute"
	for _, c := range in.children(h) {
		if !strings.HasPrefix(d.rel(s, c), "acl") {
			continue
		}
		for _, o := range in.children(c) {
			if strings.HasPrefix(d.rel(s, o), "obl") && d.kid(s, o, "case") >= 0 && in.lem[d.kid(s, o, "case")] == "by" {
				r := d.speakerAt(tokRef{s, o})
				if r.name != "" {
					return r
				}
			}
		}
	}
	if isDefinite && len(modifiers) == 0 {
		// Statements are mostly organisations': the last organisation
		// that spoke, else the last person.
		for _, kind := range []byte{kindOrg, kindPerson} {
			for i := len(d.hist) - 1; i >= 0; i-- {
				e := &d.hist[i]
				if e.speaker && e.named && e.pos < sp.span.Start && e.kind == kind {
					r := d.speakerOf(e)
					r.span = sp.span
					return r
				}
			}
		}
	}
	return sp
}

// speakerOf returns the speaker an entry stands for.
func (d *doc) speakerOf(e *entry) speaker {
	name := e.name
	if name == "" && e.ent >= 0 {
		name = d.canonical(e.ent)
	}
	return speaker{name: name, ent: e.ent, named: e.named, kind: e.kind, head: e.head, words: e.words}
}

// maxLookBack bounds how many earlier entries a description searches.
const maxLookBack = 500

// findDescribed returns the latest earlier entry a description fits: a
// name containing the noun ("the service" → State Security Service), a
// title ("the judge" → Judge X), a describing noun ("the operator" → the
// grid operator X), or an earlier unnamed speaker with the same noun.
func (d *doc) findDescribed(pos int, head string, words []string) speaker {
	d.history()
	for i, seen := len(d.hist)-1, 0; i >= 0 && seen < maxLookBack; i-- {
		e := &d.hist[i]
		if e.pos >= pos {
			continue
		}
		seen++
		if e.head == head || contains(e.words, head) {
			ok := true
			for _, w := range words {
				if !contains(e.words, w) {
					ok = false
					break
				}
			}
			if ok {
				return d.speakerOf(e)
			}
		}
	}
	return noSpeaker()
}

// antecedent returns the latest subject or speaker of a kind within the
// last few sentences.
func (d *doc) antecedent(pos, s int, kind byte, window int) speaker {
	d.history()
	for i := len(d.hist) - 1; i >= 0; i-- {
		e := &d.hist[i]
		if e.pos >= pos {
			continue
		}
		if e.sent < s-window {
			break
		}
		if e.kind != kind || !(e.subject || e.speaker) {
			continue
		}
		return d.speakerOf(e)
	}
	return noSpeaker()
}

// groupSubject returns the latest plural noun that is the subject of a
// main clause before pos, within the last few sentences: what "they"
// most often refers to ("families … have compiled a list of people who,
// they say, …").
func (d *doc) groupSubject(pos, s, window int) speaker {
	for si := s; si >= 0 && si >= s-window; si-- {
		in := d.info(si)
		toks := d.sents[si].Tokens
		for t := len(toks) - 1; t >= 0; t-- {
			if toks[t].Span.Start >= pos || in.inQ[t] != 0 || !isSubj(toks[t].Rel) || toks[t].UPOS != "NOUN" || !strings.HasSuffix(toks[t].XPOS, "S") {
				continue
			}
			if h := in.head[t]; h >= 0 && d.mainClause(si, h) {
				sp := d.description(si, t)
				sp.span = crosscheck.Span{}
				sp.span.Start = toks[t].Span.Start
				return sp
			}
		}
	}
	return noSpeaker()
}

// lastSpeaker returns the latest speaker of a kind within the last few
// sentences.
func (d *doc) lastSpeaker(pos, s int, kind byte, window int) speaker {
	d.history()
	for i := len(d.hist) - 1; i >= 0; i-- {
		e := &d.hist[i]
		if e.pos >= pos {
			continue
		}
		if e.sent < s-window {
			break
		}
		if e.kind != kind || !e.speaker {
			continue
		}
		return d.speakerOf(e)
	}
	return noSpeaker()
}

// remember adds a resolved speaker to the history, in text order.
func (d *doc) remember(sp speaker, at tokRef) {
	d.history()
	pos := sp.span.Start
	e := entry{pos: pos, sent: at.s, ent: sp.ent, name: sp.name, kind: sp.kind, head: sp.head,
		words: sp.words, speaker: true, subject: true, named: sp.named}
	if sp.ent >= 0 {
		e.words = d.entWords(sp.ent)
	}
	i := len(d.hist)
	for i > 0 && d.hist[i-1].pos > pos {
		i--
	}
	d.hist = append(d.hist, entry{})
	copy(d.hist[i+1:], d.hist[i:])
	d.hist[i] = e
}

// history builds the entries of the entity mentions, once.
func (d *doc) history() {
	if d.histOK {
		return
	}
	d.histOK = true
	for e, m := range d.ents {
		s := d.entSent[e]
		if s < 0 || !speakerLabel(m.Label) {
			continue
		}
		kind := kindOrg
		if m.Label == crosscheck.LabelPerson {
			kind = kindPerson
		}
		subj := d.entIsSubject(e)
		if m.Role == "author" && !subj {
			continue
		}
		d.hist = append(d.hist, entry{pos: m.Span.Start, sent: s, ent: e, kind: kind,
			words: d.entWords(e), subject: subj, named: true})
	}
}

// entHead returns the token that heads an entity mention, or -1.
func (d *doc) entHead(e int) int {
	s := d.entSent[e]
	if s < 0 {
		return -1
	}
	in := d.info(s)
	first := -1
	for t := range in.ent {
		if in.ent[t] != e {
			continue
		}
		if first < 0 {
			first = t
		}
		if h := in.head[t]; h < 0 || in.ent[h] != e {
			return t
		}
	}
	return first
}

// entIsSubject reports whether a mention is the subject of its clause,
// alone or in apposition ("the minister, X, said").
func (d *doc) entIsSubject(e int) bool {
	s, t := d.entSent[e], d.entHead(e)
	if t < 0 {
		return false
	}
	in := d.info(s)
	switch d.rel(s, t) {
	case "appos", "flat", "compound", "nmod:desc", "flat:name":
		if p := in.head[t]; p >= 0 {
			t = p
		}
	}
	if !isSubj(d.rel(s, t)) || in.inQ[t] != 0 {
		return false
	}
	// The subject of a main clause, not of a reported one ("X said Y
	// would …" makes X, not Y, the one a later "he" refers to).
	return in.head[t] >= 0 && d.mainClause(s, in.head[t])
}

// entWords returns the lower-case words that can describe a mention: its
// name, its title and the nouns around it.
func (d *doc) entWords(e int) []string {
	m := d.ents[e]
	words := strings.Fields(strings.ToLower(m.Text + " " + m.Title))
	s, t := d.entSent[e], d.entHead(e)
	if t < 0 {
		return words
	}
	in := d.info(s)
	addNouns := func(x int) {
		if d.upos(s, x) == "NOUN" {
			words = append(words, in.lem[x])
		}
		for _, c := range in.children(x) {
			if in.ent[c] != e && (d.rel(s, c) == "compound" || d.rel(s, c) == "nmod:desc") && d.upos(s, c) == "NOUN" {
				words = append(words, in.lem[c])
			}
		}
	}
	addNouns(t)
	switch d.rel(s, t) {
	case "appos", "flat", "compound", "nmod:desc", "flat:name":
		if p := in.head[t]; p >= 0 && in.ent[p] != e {
			addNouns(p)
		}
	}
	for _, c := range in.children(t) {
		if d.rel(s, c) == "appos" && in.ent[c] != e {
			addNouns(c)
		}
	}
	return words
}

// canonical returns the full name of an entity mention: for a person the
// longest earlier mention with the same surname ("Enveroglu" → "Elnur
// Enveroglu"); for an organisation's acronym the name it abbreviates
// ("SSS" → "State Security Service"); for a shortened organisation name
// the longer one it is part of ("Vanguard" → "Revolutionary Vanguard
// Corps").
func (d *doc) canonical(e int) string {
	if d.canon[e] != "" {
		return d.canon[e]
	}
	m := d.ents[e]
	name := strings.TrimSpace(m.Text)
	switch m.Label {
	case crosscheck.LabelPerson:
		name = personName(name)
		last := lastWord(name)
		for i := 0; i < len(d.ents) && d.ents[i].Span.Start <= m.Span.Start; i++ {
			o := d.ents[i]
			if o.Label != crosscheck.LabelPerson || o.Role != m.Role || len(o.Text) <= len(name) {
				continue
			}
			other := personName(o.Text)
			if len(other) > len(name) && strings.EqualFold(lastWord(other), last) {
				name = other
			}
		}
	case crosscheck.LabelOrg:
		if isAcronym(name) {
			if full := d.expand(name); full != "" {
				name = full
			}
			break
		}
		if generic(name) {
			break
		}
		for i := 0; i < len(d.ents) && d.ents[i].Span.Start < m.Span.Start; i++ {
			o := d.ents[i]
			if o.Label == crosscheck.LabelOrg && len(o.Text) > len(name) && containsWords(o.Text, name) {
				name = strings.TrimSpace(o.Text)
			}
		}
	}
	d.canon[e] = name
	return name
}

// expand returns the organisation an acronym abbreviates: a name
// followed by the acronym in parentheses, or one whose initials spell it.
func (d *doc) expand(acr string) string {
	for _, o := range d.ents {
		if o.Label != crosscheck.LabelOrg || isAcronym(o.Text) || !o.Span.Valid(len(d.text)) {
			continue
		}
		rest := strings.TrimLeft(d.text[o.Span.End:], " ")
		if strings.HasPrefix(rest, "("+acr+")") {
			return o.Text
		}
	}
	for _, o := range d.ents {
		if o.Label == crosscheck.LabelOrg && !isAcronym(o.Text) && initials(o.Text) == acr {
			return o.Text
		}
	}
	return ""
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '-' && r != '.' && r != '&' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// generic reports whether an organisation's name is only generic words
// ("Ministry", "Foreign Ministry") that must not be completed from
// another organisation's name.
func generic(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if !orgNouns[w] && !personNouns[w] && w != "foreign" && w != "defence" && w != "defense" && w != "interior" && w != "state" && w != "national" {
			return false
		}
	}
	return true
}

// personName trims what the recogniser may take into a person's name
// after it ("Priya Menon of Halbrook Securities").
func personName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, " of "); i > 0 {
		s = s[:i]
	}
	return s
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// containsWords reports whether the words of short appear in long, in
// order and next to each other.
func containsWords(long, short string) bool {
	l, s := strings.Fields(strings.ToLower(long)), strings.Fields(strings.ToLower(short))
	if len(s) == 0 {
		return false
	}
	for i := 0; i+len(s) <= len(l); i++ {
		ok := true
		for j := range s {
			if l[i+j] != s[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
