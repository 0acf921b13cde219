package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// cand is a quote being built.
type cand struct {
	kind string
	span crosscheck.Span
	// verb is the speech verb (or, after a colon, the predicate) that
	// attributes the quote; verbSpan covers it ("according to" is two
	// tokens).
	verb     tokRef
	verbSpan crosscheck.Span
	// subj is the head of the phrase naming the speaker; when the parse
	// gives no usable head, subjLo..subjHi (tokens of subj.s) is the
	// phrase itself.
	subj           tokRef
	subjLo, subjHi int
	q              *direct
	// strict: the predicate before a colon is no speech verb ("X was
	// blunt: “…”"), so only a speaker that resolves to a name counts.
	strict bool
	// weak: the verb reports speech only for a real speaker.
	weak bool
	spk  speaker
	drop bool
}

// Find returns the quotes and reported speech in text, ordered by span.
// sents carry tagged and parsed tokens; ents are the document's entity
// mentions (from NER) in order.
func Find(text string, sents []crosscheck.Sentence, ents []crosscheck.EntityMention) []crosscheck.Quote {
	d := newDoc(text, sents, ents)
	d.paras = paragraphs(text)
	d.dqs = scanQuotes(text, d.paras)
	if len(d.sents) == 0 {
		return nil
	}
	var cands []*cand
	repaired := make([]tokRef, len(d.dqs))
	for i, q := range d.dqs {
		repaired[i] = noTok
		if q.unclosed {
			repaired[i] = d.repair(q)
		}
	}
	// A repair moves a quotation's end: mark the tokens again.
	for s, in := range d.infos {
		if in != nil {
			d.markQuotes(s, in)
		}
	}
	for i, q := range d.dqs {
		cands = append(cands, d.attribute(q, repaired[i]))
	}
	for s := range d.sents {
		cands = d.reported(s, cands)
	}
	d.resolve(cands)
	d.inherit(cands)
	return d.output(cands)
}

// repair looks for the attribution inside a quotation that was never
// closed (“Crews are working, a spokesman said. He added …) and, when it
// finds one, ends the quotation at the comma before it. It returns the
// attributing verb.
func (d *doc) repair(q *direct) tokRef {
	for s := d.sentFrom(q.content.Start); s >= 0 && s < len(d.sents) && d.sents[s].Span.Start < q.content.End; s++ {
		toks := d.sents[s].Tokens
		for k := range toks {
			sp := toks[k].Span
			if sp.Start <= q.content.Start || sp.End > q.content.End || toks[k].Text != "," {
				continue
			}
			v := -1
			for j := k + 1; j < len(toks) && j <= k+8; j++ {
				if d.speechVerb(s, j) != notSpeech {
					v = j
					break
				}
				if up := d.upos(s, j); up == "VERB" || up == "AUX" || isPunct(&toks[j]) {
					break
				}
			}
			if v < 0 {
				continue
			}
			// The attribution ends the sentence: a few words, no verb.
			if len(toks)-v > 7 || hasVerb(d, s, v+1, len(toks)) {
				continue
			}
			q.content = trimContent(d.text, q.content.Start, sp.Start)
			q.close, q.closeLen = sp.Start, 0
			return tokRef{s, v}
		}
	}
	return noTok
}

func hasVerb(d *doc, s, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if d.upos(s, j) == "VERB" {
			return true
		}
	}
	return false
}

// attribute finds the verb that attributes a quotation: after it
// (“…,” she said), after a colon before it (X said: “…”), after a comma
// before it (she said, “…”), or governing it (X called it “a farce”).
func (d *doc) attribute(q *direct, repaired tokRef) *cand {
	c := &cand{kind: crosscheck.QuoteDirect, span: q.content, q: q, verb: noTok, subj: noTok, subjLo: -1}
	switch {
	case repaired.ok():
		c.verb = repaired
	case q.close >= 0 && d.postShaped(q):
		c.verb = d.postVerb(q)
	}
	if !c.verb.ok() {
		if v, ok := d.colonVerb(q); ok {
			c.verb, c.kind = v, crosscheck.QuoteColon
			c.strict = d.speechVerb(v.s, v.t) == notSpeech
		}
	}
	if !c.verb.ok() {
		c.verb = d.commaVerb(q)
	}
	if !c.verb.ok() {
		c.verb = d.ancestorVerb(q)
	}
	if c.verb.ok() {
		c.verbSpan = d.tokSpan(c.verb.s, c.verb.t)
		d.setSubject(c)
	} else if a, x, ok := d.accordingBefore(q); ok {
		// According to X, “…”
		c.verb, c.subj = a, x
		a0, a1 := d.tokSpan(a.s, a.t), d.tokSpan(a.s, a.t+1)
		c.verbSpan = crosscheck.Span{Start: a0.Start, End: a1.End}
	}
	return c
}

// accordingBefore reads "according to X," right before a quotation's
// opening mark: it returns the "according" token and the head of X.
func (d *doc) accordingBefore(q *direct) (tokRef, tokRef, bool) {
	s := d.sentAt(q.open)
	if s < 0 {
		return noTok, noTok, false
	}
	k := d.tokAt(s, q.open)
	toks := d.sents[s].Tokens
	if k <= 1 || toks[k-1].Text != "," {
		return noTok, noTok, false
	}
	for a := k - 2; a >= 0 && a >= k-10; a-- {
		if !strings.EqualFold(toks[a].Text, "according") || a+1 >= k-1 || !strings.EqualFold(toks[a+1].Text, "to") {
			continue
		}
		x := -1
		for j := a + 2; j < k-1; j++ {
			switch d.upos(s, j) {
			case "NOUN", "PROPN", "PRON":
				x = j
			}
		}
		if x < 0 || notSources[d.info(s).lem[x]] {
			return noTok, noTok, false
		}
		return tokRef{s, a}, tokRef{s, x}, true
	}
	return noTok, noTok, false
}

// postShaped reports whether a quotation hands over to an attribution
// that follows it: its words end with a comma, a question or
// exclamation mark or a dash, or a comma or a lower-case word follows
// the closing mark.
func (d *doc) postShaped(q *direct) bool {
	inner := d.text[q.content.End:q.close]
	if strings.ContainsAny(inner, ",") {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(d.text[q.content.Start:q.content.End]); strings.ContainsRune("?!—–-…", r) {
		return true
	}
	p := d.paraOf(q.close)
	r, _ := nextRune(d.text, q.end(), p.End)
	return r == ',' || r == '—' || r == '–' || unicode.IsLower(r)
}

// postVerb returns the speech verb of an attribution that follows a
// quotation, before any other verb, quotation or sentence end.
func (d *doc) postVerb(q *direct) tokRef {
	s := d.sentAt(q.close)
	if s < 0 {
		return noTok
	}
	t := d.tokAt(s, q.close)
	if t < 0 {
		return noTok
	}
	para := d.paraOf(q.close)
	seen := 0
	for s < len(d.sents) && d.sents[s].Span.Start < para.End {
		in := d.info(s)
		toks := d.sents[s].Tokens
		for j := t + 1; j < len(toks); j++ {
			if in.inQ[j] != 0 {
				return noTok
			}
			if d.speechVerb(s, j) != notSpeech {
				return tokRef{s, j}
			}
			seen++
			if seen > 10 || strings.ContainsAny(toks[j].Text, ".;!?") {
				return noTok
			}
			// Only the speaker's phrase stands between a quotation and
			// its verb.
			switch d.upos(s, j) {
			case "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "X", "PART", "AUX", "ADV", "PUNCT", "ADP":
			default:
				if !strings.EqualFold(toks[j].Text, "as") {
					return noTok
				}
			}
		}
		// The sentence ended right after the quotation (“…?” asked X is
		// sometimes split there): look into the next one.
		s, t = s+1, -1
	}
	return noTok
}

// colonVerb returns the predicate of a clause that ends with a colon just
// before a quotation.
func (d *doc) colonVerb(q *direct) (tokRef, bool) {
	p := d.paraOf(q.open)
	r, at := prevRune(d.text, p.Start, q.open)
	if r != ':' || at < 0 {
		return noTok, false
	}
	s := d.sentAt(at)
	k := d.tokAt(s, at)
	if k <= 0 || d.info(s).inQ[k] != 0 {
		return noTok, false
	}
	v := d.clauseHead(s, k-1)
	if v < 0 {
		return noTok, false
	}
	// "X praised Y for seizing Z: “…”": the colon closes the main
	// clause, not the subordinate one that happens to end before it.
	in := d.info(s)
	for i := 0; i < 4 && d.speechVerb(s, v) == notSpeech; i++ {
		h := in.head[v]
		switch d.rel(s, v) {
		case "advcl", "acl", "xcomp":
		default:
			h = -1
		}
		if h < 0 || d.upos(s, h) != "VERB" {
			break
		}
		v = h
	}
	return tokRef{s, v}, true
}

// clauseHead climbs from token t to the head of its clause: the first
// verb, or the first word with a subject.
func (d *doc) clauseHead(s, t int) int {
	in := d.info(s)
	toks := d.sents[s].Tokens
	for t >= 0 && isPunct(&toks[t]) {
		t--
	}
	for steps := 0; t >= 0 && steps < len(toks); steps++ {
		if in.inQ[t] != 0 {
			return -1
		}
		if d.upos(s, t) == "VERB" || d.kid(s, t, "nsubj", "nsubj:pass") >= 0 {
			return t
		}
		if in.head[t] < 0 {
			return t
		}
		t = in.head[t]
	}
	return -1
}

// commaVerb returns the speech verb of an attribution that ends with a
// comma just before a quotation (she said, “…”).
func (d *doc) commaVerb(q *direct) tokRef {
	p := d.paraOf(q.open)
	r, at := prevRune(d.text, p.Start, q.open)
	if r != ',' || at < 0 {
		return noTok
	}
	s := d.sentAt(at)
	k := d.tokAt(s, at)
	if k < 0 {
		return noTok
	}
	in := d.info(s)
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if in.inQ[j] != 0 {
			return noTok
		}
		if d.speechVerb(s, j) != notSpeech {
			return tokRef{s, j}
		}
		if d.upos(s, j) == "VERB" {
			return noTok
		}
	}
	return noTok
}

// ancestorVerb returns the speech verb that governs a quotation inside a
// sentence (X said Y was “…”, X called it “…”).
func (d *doc) ancestorVerb(q *direct) tokRef {
	s := d.sentAt(q.content.Start)
	t := d.tokAt(s, q.content.Start)
	if t < 0 {
		return noTok
	}
	in := d.info(s)
	outside := 0
	for steps := 0; t >= 0 && steps < len(in.head); steps++ {
		if in.inQ[t] == 0 {
			if c := d.speechVerb(s, t); c != notSpeech && !d.negated(s, t) {
				if c == quoting && d.bestSubject(s, t) < 0 {
					// "the company took them seriously but rejected them
					// as “untrue”", reported by someone: the words are
					// the reporter's if a speech verb governs the clause.
					if outer := d.outerSpeech(s, t); outer >= 0 {
						return tokRef{s, outer}
					}
				}
				return tokRef{s, t}
			}
			if outside++; outside > 6 {
				break
			}
		}
		t = in.head[t]
	}
	return noTok
}

// outerSpeech returns a clausal speech verb that governs token t within
// a few steps, or -1.
func (d *doc) outerSpeech(s, t int) int {
	in := d.info(s)
	for steps := 0; steps < 4; steps++ {
		t = in.head[t]
		if t < 0 {
			return -1
		}
		if d.speechVerb(s, t) == clausal && in.inQ[t] == 0 {
			return t
		}
	}
	return -1
}

// setSubject finds the phrase naming who speaks through c's verb.
func (d *doc) setSubject(c *cand) {
	c.subj, c.subjLo, c.subjHi = noTok, -1, -1
	s, v := c.verb.s, c.verb.t
	if lo, hi, ok := d.asSaying(s, v); ok {
		c.subj, c.subjLo, c.subjHi = tokRef{s, hi}, lo, hi
		return
	}
	c.subj = d.subjectOf(c.verb)
	if c.subj.ok() && d.rel(s, c.subj.t) != "nsubj" && d.rel(s, c.subj.t) != "nsubj:pass" && c.subj.t == d.adjacentNP(s, v) {
		c.subjLo, c.subjHi = d.npStart(s, c.subj.t), c.subj.t
	}
}

// asSaying reads "quoted an unnamed official as saying": the speaker is
// the phrase between "quoted" and "as".
func (d *doc) asSaying(s, v int) (int, int, bool) {
	toks := d.sents[s].Tokens
	in := d.info(s)
	if v < 2 || in.lem[v] != "say" || !strings.EqualFold(toks[v-1].Text, "as") {
		return 0, 0, false
	}
	for j := v - 2; j >= 0 && j >= v-10; j-- {
		if in.lem[j] == "quote" && d.upos(s, j) == "VERB" {
			if j+1 <= v-2 && d.upos(s, j+1) != "ADP" {
				return j + 1, v - 2, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// adjacentNP returns the last token of a noun phrase that ends right
// before verb v (across auxiliaries and adverbs), or -1.
func (d *doc) adjacentNP(s, v int) int {
	j := v - 1
	for j >= 0 && (d.upos(s, j) == "AUX" || d.upos(s, j) == "ADV") {
		j--
	}
	if j >= 0 && (d.upos(s, j) == "PROPN" || d.upos(s, j) == "NOUN") && d.info(s).inQ[j] == 0 {
		return j
	}
	return -1
}

// npStart returns the first token of the noun phrase ending at t,
// leftwards over nouns, adjectives, determiners and prepositional
// phrases, stopping at punctuation and verbs.
func (d *doc) npStart(s, t int) int {
	toks := d.sents[s].Tokens
	in := d.info(s)
	j := t
	for j > 0 && in.inQ[j-1] == 0 && !isPunct(&toks[j-1]) {
		switch d.upos(s, j-1) {
		case "DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "X":
			j--
			continue
		case "PRON":
			if toks[j-1].XPOS == "PRP$" {
				j--
			}
		}
		break
	}
	for j < t && d.upos(s, j) == "ADP" {
		j++
	}
	return j
}

// subjectOf returns the head of the phrase naming who speaks through
// verb v: its subject, the subject of the verb it depends on ("keeps
// saying", "and said", "warning that"), or the object of "quoted X as
// saying".
func (d *doc) subjectOf(v tokRef) tokRef {
	s, x := v.s, v.t
	in := d.info(s)
	for steps := 0; x >= 0 && steps < 6; steps++ {
		if steps > 0 && in.lem[x] == "quote" {
			if o := d.kid(s, x, "obj"); o >= 0 {
				return tokRef{s, o}
			}
		}
		if verbs[in.lem[x]] != notSpeech && in.lem[x] != "quote" && d.passive(s, x) {
			// "was called a farce by critics": the agent speaks; without
			// one nobody does.
			if a := d.agent(s, x); a >= 0 {
				return tokRef{s, a}
			}
			return noTok
		}
		if sb := d.bestSubject(s, x); sb >= 0 {
			if pronouns[strings.ToLower(d.sents[s].Tokens[sb].Text)] == pronRel {
				// "a lawyer who said": the speaker is the noun the
				// relative clause describes.
				if strings.HasPrefix(d.rel(s, x), "acl") && in.head[x] >= 0 {
					return tokRef{s, in.head[x]}
				}
				return noTok
			}
			return tokRef{s, sb}
		}
		if steps == 0 {
			if p := d.participleHost(s, x); p >= 0 {
				x = p
				continue
			}
		}
		switch r := d.rel(s, x); {
		case (r == "xcomp" || r == "advcl" || r == "conj") && !d.subordinate(s, x):
			x = in.head[x]
		case strings.HasPrefix(r, "acl") && in.head[x] >= 0 && strings.HasSuffix(d.sents[s].Tokens[x].XPOS, "G"):
			// "…, saying that" attached to the noun before it.
			x = in.head[x]
		default:
			x = -1
		}
	}
	// A parse without a subject: a name right after the verb (said X).
	toks := d.sents[s].Tokens
	for j := v.t + 1; j < len(toks) && j <= v.t+3; j++ {
		if in.ent[j] >= 0 && speakerLabel(d.ents[in.ent[j]].Label) {
			return tokRef{s, j}
		}
		if isPunct(&toks[j]) {
			break
		}
	}
	return noTok
}

// passive reports whether verb v is in the passive voice.
func (d *doc) passive(s, v int) bool {
	return d.kid(s, v, "aux:pass", "nsubj:pass") >= 0 && d.sents[s].Tokens[v].XPOS == "VBN"
}

// agent returns the "by" phrase of passive verb v, or -1.
func (d *doc) agent(s, v int) int {
	if a := d.kid(s, v, "obl:agent"); a >= 0 {
		return a
	}
	in := d.info(s)
	for t := v + 1; t <= in.hi[v]; t++ {
		if in.inQ[t] != 0 || !nominal(d.upos(s, t)) {
			continue
		}
		if c := d.kid(s, t, "case"); c >= 0 && in.lem[c] == "by" {
			return t
		}
	}
	return -1
}

// bestSubject returns the subject of verb v. A noisy parse may give a
// verb several subjects ("Defence Minister X said" as two): the one
// holding a name wins, then the one nearest the verb. With no subject,
// a noun phrase right before the verb stands in ("after the Service
// said", parsed as an oblique).
func (d *doc) bestSubject(s, v int) int {
	in := d.info(s)
	best, bestScore := -1, -1
	for _, c := range in.children(v) {
		if !isSubj(d.rel(s, c)) || in.inQ[c] != 0 || timeNouns[in.lem[c]] {
			continue
		}
		if c > v && !d.namesSomeone(s, c) && !d.attributionShape(s, v) {
			continue
		}
		score := 100 - abs(v-c)
		if d.namesSomeone(s, c) {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	if best >= 0 || d.upos(s, v) != "VERB" {
		return best
	}
	if j := d.adjacentNP(s, v); j >= 0 {
		return j
	}
	// "A man who answered …, and who declined …, said": the parser made
	// the relative clause the verb's complement and its noun that
	// clause's subject.
	for _, c := range in.children(v) {
		if c > v || in.lo[c] > 3 {
			continue
		}
		for _, n := range in.children(c) {
			if isSubj(d.rel(s, n)) && n < c && in.lo[n] <= 3 && in.inQ[n] == 0 && pronouns[strings.ToLower(d.sents[s].Tokens[n].Text)] != pronRel {
				return n
			}
		}
	}
	return -1
}

// attributionShape reports whether verb v opens its clause right after a
// quotation or a comma (“…,” said X), where the subject may follow it.
func (d *doc) attributionShape(s, v int) bool {
	if v == 0 {
		return true
	}
	t := d.sents[s].Tokens[v-1].Text
	return t == "," || closing(t) || d.info(s).inQ[v-1] != 0
}

// namesSomeone reports whether the phrase headed by t holds or is next
// to a name.
func (d *doc) namesSomeone(s, t int) bool {
	in := d.info(s)
	if e := in.ent[t]; e >= 0 && speakerLabel(d.ents[e].Label) {
		return true
	}
	return d.nameRight(s, t) >= 0
}

// nameRight returns the token of a name that follows t within its noun
// phrase (the title words before a name: "Defence Minister X",
// "forecaster X"), or -1.
func (d *doc) nameRight(s, t int) int {
	in := d.info(s)
	toks := d.sents[s].Tokens
	for j := t + 1; j < len(toks) && j <= t+4; j++ {
		up := d.upos(s, j)
		if e := in.ent[j]; e >= 0 {
			if speakerLabel(d.ents[e].Label) {
				return j
			}
			return -1
		}
		if up != "PROPN" && up != "NOUN" && up != "X" {
			return -1
		}
		if up == "PROPN" && j+1 < len(toks) && d.upos(s, j+1) == "PROPN" && in.ent[j+1] < 0 && isCapital(toks[j].Text) && isCapital(toks[j+1].Text) {
			return j
		}
	}
	return -1
}

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// subordinate reports whether a clause is introduced by a conjunction
// that makes it another event ("after X said"), whose subject is not
// the main clause's.
func (d *doc) subordinate(s, x int) bool {
	in := d.info(s)
	for _, c := range in.children(x) {
		if d.rel(s, c) == "mark" {
			switch in.lem[c] {
			case "as", "to", "that", "by", "while":
				continue
			}
			return true
		}
	}
	return false
}

// participleHost returns, for a participle after a comma ("…, saying
// that", "…, warning that"), the verb of the clause before it, whose
// subject speaks; -1 otherwise.
func (d *doc) participleHost(s, v int) int {
	toks := d.sents[s].Tokens
	if !strings.HasSuffix(strings.ToLower(toks[v].Text), "ing") || v == 0 || toks[v-1].Text != "," {
		return -1
	}
	in := d.info(s)
	for j := v - 2; j >= 0; j-- {
		if in.inQ[j] == 0 && d.upos(s, j) == "VERB" && d.mainClause(s, j) && d.bestSubject(s, j) >= 0 {
			return j
		}
	}
	return -1
}

// mainClause reports whether verb t heads the sentence or a clause
// coordinated with its head.
func (d *doc) mainClause(s, t int) bool {
	in := d.info(s)
	for steps := 0; t >= 0 && steps < 8; steps++ {
		if in.head[t] < 0 {
			return true
		}
		switch d.rel(s, t) {
		case "conj", "parataxis":
			t = in.head[t]
		default:
			return false
		}
	}
	return false
}

// finite reports whether a token is a finite verb; auxiliaries count by
// their form, whatever the tagger made of them.
func finite(t *crosscheck.Token) bool {
	switch t.XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return t.UPOS == "AUX" && finiteAux[strings.ToLower(t.Text)]
}

var finiteAux = set("is", "are", "was", "were", "has", "have", "had", "do", "does", "did",
	"will", "would", "can", "could", "may", "might", "must", "shall", "should", "'s", "'re", "'ve", "'d", "'ll")

func speakerLabel(l string) bool {
	return l == crosscheck.LabelPerson || l == crosscheck.LabelOrg || l == crosscheck.LabelGPE
}

// reported finds the reported speech of sentence s: clauses of speech
// verbs, "according to" and speech introduced by a colon.
func (d *doc) reported(s int, cands []*cand) []*cand {
	toks := d.sents[s].Tokens
	if len(toks) == 0 {
		return cands
	}
	in := d.info(s)
	for t := range toks {
		if in.inQ[t] != 0 {
			continue
		}
		if in.lem[t] == "according" || strings.EqualFold(toks[t].Text, "according") {
			if c := d.accordingTo(s, t); c != nil {
				cands = append(cands, c)
			}
			continue
		}
		if toks[t].Text == ":" {
			if c := d.colonSpeech(s, t); c != nil {
				cands = append(cands, c)
			}
			continue
		}
		if d.speechVerb(s, t) != clausal {
			continue
		}
		if c := d.indirect(s, t); c != nil {
			cands = append(cands, c)
		}
	}
	return cands
}

// indirect returns the clause reported by speech verb v, or nil. The
// clause is the verb's ccomp when the parse has one after the verb; the
// words before "…, X said" (the attribution after the clause); the whole
// sentence for "…, X said, …"; or else the words after the verb ("X
// said (that) …", "X told reporters (that) …") when they hold a finite
// verb: the parser often hangs such clauses elsewhere.
func (d *doc) indirect(s, v int) *cand {
	in := d.info(s)
	toks := d.sents[s].Tokens
	if d.negated(s, v) || v > 0 && negators[strings.ToLower(toks[v-1].Text)] {
		return nil
	}
	if h := in.head[v]; h >= 0 && d.rel(s, v) == "xcomp" && (blockers[in.lem[h]] || d.negated(s, h)) {
		return nil
	}
	if toks[v].XPOS == "VBN" && strings.HasPrefix(d.rel(s, v), "acl") && d.kid(s, v, "aux", "aux:pass") < 0 {
		return nil // "the arrests announced last week": no speech reported
	}
	lo, hi := -1, -1
	after := -1
	for _, c := range in.children(v) {
		if d.rel(s, c) == "ccomp" && c > v {
			after = c
			break
		}
	}
	sLo, sHi := d.clauseAfter(s, v)
	if lo, hi = d.inverted(s, v); lo >= 0 {
		// "…, the ministry said."
	} else if sLo >= 0 && (after < 0 || in.lo[after] > sLo) {
		// The parse's complement starts later than the clause that
		// follows the verb: the parse is wrong about where it starts.
		lo, hi = sLo, sHi
		if after >= 0 {
			hi = max(hi, in.hi[after])
		}
	} else if after >= 0 {
		lo, hi = in.lo[after], in.hi[after]
		// "said Ostravia “does not …”": the clause's subject parsed as
		// the verb's object.
		for k := lo - 1; k > v && nominal(d.upos(s, k)) && in.inQ[k] == 0 && !strings.EqualFold(toks[k].Text, "that"); k-- {
			lo = k
		}
	} else if c := d.kid(s, v, "ccomp"); c >= 0 {
		lo, hi = in.lo[c], in.hi[c]
	}
	if lo < 0 {
		return nil
	}
	hi = d.cutAtBut(s, lo, hi)
	span, ok := d.clauseSpan(s, lo, hi)
	if !ok {
		return nil
	}
	c := &cand{kind: crosscheck.QuoteIndirect, span: span, verb: tokRef{s, v}, verbSpan: d.tokSpan(s, v)}
	d.setSubject(c)
	c.weak = weakVerbs[in.lem[v]]
	return c
}

// inverted reads an attribution that follows its clause: "…, the
// service said (in a statement)." returns the clause before the comma;
// "…, relatives say, …" (a parenthetical) the whole sentence.
func (d *doc) inverted(s, v int) (int, int) {
	toks := d.sents[s].Tokens
	in := d.info(s)
	sb := d.bestSubject(s, v)
	if sb < 0 || sb > v {
		return -1, -1
	}
	// The subject's phrase, leftwards to the comma before it: words that
	// hang on the subject or the verb.
	j := sb
	// The verb's object is not part of it: "charges Ostravia denied" is
	// a relative clause.
	for j > 0 && !isPunct(&toks[j-1]) && in.inQ[j-1] == 0 && d.attachesTo(s, j-1, sb, v) && !(in.head[j-1] == v && d.rel(s, j-1) == "obj") {
		switch d.upos(s, j-1) {
		case "DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PRON", "X":
			j--
			continue
		}
		break
	}
	if j < 2 || toks[j-1].Text != "," {
		return -1, -1
	}
	// After the verb: only a short adverbial before a comma or the end.
	rest, tail := 0, -1
	for k := v + 1; k < len(toks); k++ {
		if toks[k].Text == "," {
			tail = k
			break
		}
		if isPunct(&toks[k]) {
			continue
		}
		if d.upos(s, k) == "VERB" || d.upos(s, k) == "SCONJ" || strings.EqualFold(toks[k].Text, "that") {
			return -1, -1
		}
		rest++
	}
	if rest > 5 {
		return -1, -1
	}
	// The words before the comma make a clause: a finite verb, or (for a
	// tagger that missed it) six words or more, outside quotation marks.
	clauseBefore, words := false, 0
	for k := 0; k < j-1; k++ {
		if in.inQ[k] != 0 || isPunct(&toks[k]) {
			continue
		}
		words++
		if finite(&toks[k]) {
			clauseBefore = true
		}
	}
	clauseBefore = clauseBefore || words >= 6
	clauseAfter := false
	for k := tail + 1; tail >= 0 && k < len(toks); k++ {
		if finite(&toks[k]) && in.inQ[k] == 0 {
			clauseAfter = true
		}
	}
	if tail >= 0 && tail+1 < len(toks) && strings.HasSuffix(strings.ToLower(toks[tail+1].Text), "ing") {
		// "…, the institute said, warning that …": a participle, not the
		// rest of the sentence.
		clauseAfter = false
	}
	switch {
	case clauseAfter:
		// "Most of them, relatives say, attended …": what follows.
		return tail + 1, len(toks) - 1
	case clauseBefore:
		return 0, j - 2
	}
	return -1, -1
}

// attachesTo reports whether token t depends, within a few steps, on a
// or b.
func (d *doc) attachesTo(s, t, a, b int) bool {
	in := d.info(s)
	for steps := 0; t >= 0 && steps < 4; steps++ {
		if t == a || t == b {
			return true
		}
		t = in.head[t]
	}
	return false
}

// clauseAfter returns the clause after verb v: past "that", a short
// adverbial ("on Tuesday", "in a statement") and, after "tell", the
// hearer, a noun phrase followed by a finite verb.
func (d *doc) clauseAfter(s, v int) (int, int) {
	toks := d.sents[s].Tokens
	in := d.info(s)
	n := len(toks)
	j := v + 1
	if tellLike[in.lem[v]] {
		for j < n && j <= v+4 && !strings.EqualFold(toks[j].Text, "that") && nominal(d.upos(s, j)) {
			j++
		}
	}
	// Adverbials: prepositional phrases, adverbs, dates.
	for j < n {
		k := j
		switch {
		case d.upos(s, k) == "ADV" && !strings.EqualFold(toks[k].Text, "that"):
			k++
		case d.upos(s, k) == "ADP":
			k++
			for k < n && (nominal(d.upos(s, k)) || d.upos(s, k) == "NUM") {
				k++
			}
		case in.ent[k] >= 0 && (d.ents[in.ent[k]].Label == crosscheck.LabelDate || d.ents[in.ent[k]].Label == crosscheck.LabelTime):
			for k < n && in.ent[k] == in.ent[j] {
				k++
			}
		}
		if k == j {
			break
		}
		j = k
	}
	if j < n && strings.EqualFold(toks[j].Text, "that") && j+1 < n && !isPunct(&toks[j+1]) {
		j++
	}
	start := j
	// The clause: a subject phrase, then a finite verb.
	subj := 0
	for j < n && j <= start+10 {
		up := d.upos(s, j)
		modifier := up == "VERB" && (toks[j].XPOS == "VBG" || toks[j].XPOS == "VBN") && j+1 < n && d.upos(s, j+1) == "NOUN"
		if nominal(up) || up == "NUM" || modifier || up == "ADP" && subj > 0 || opening(toks[j].Text) || closing(toks[j].Text) && subj > 0 {
			if up != "PUNCT" {
				subj++
			}
			j++
			continue
		}
		break
	}
	for j < n && (d.upos(s, j) == "ADV" || d.upos(s, j) == "PART" && !strings.EqualFold(toks[j].Text, "to")) {
		j++
	}
	if subj == 0 || j >= n {
		return -1, -1
	}
	// A headline's "X says seven held": a participle will do after a
	// verb in the present.
	if !finite(&toks[j]) && !(toks[v].XPOS == "VBZ" && toks[j].XPOS == "VBN") {
		return -1, -1
	}
	return start, n - 1
}

func nominal(up string) bool {
	switch up {
	case "DET", "ADJ", "NOUN", "PROPN", "PRON", "PART", "X":
		return true
	}
	return false
}

// tellLike verbs take the hearer as object before the clause.
var tellLike = set("tell", "inform", "assure", "brief", "remind", "notify", "warn", "promise", "convince")

// cutAtBut ends a clause before ", but" or ";", where the sentence goes on
// with something else ("said X, but stressed that Y").
func (d *doc) cutAtBut(s, lo, hi int) int {
	toks := d.sents[s].Tokens
	in := d.info(s)
	for k := lo + 1; k < hi; k++ {
		if in.inQ[k] != 0 {
			continue
		}
		if toks[k].Text == ";" || toks[k].Text == "," && k+1 <= hi && (strings.EqualFold(toks[k+1].Text, "but") || d.speechVerb(s, k+1) != notSpeech) {
			return k - 1
		}
		if (strings.EqualFold(toks[k].Text, "but") || strings.EqualFold(toks[k].Text, "and")) && k+1 <= hi && d.speechVerb(s, k+1) != notSpeech {
			return k - 1
		}
	}
	return hi
}

// clauseSpan trims tokens lo..hi of sentence s to a quote span: without
// a leading "that" or conjunction and without punctuation at the edges.
// It fails when the clause is too short or is a quotation already.
func (d *doc) clauseSpan(s, lo, hi int) (crosscheck.Span, bool) {
	toks := d.sents[s].Tokens
	in := d.info(s)
	for lo <= hi {
		r := d.rel(s, lo)
		if r == "mark" && (in.lem[lo] == "that") || r == "cc" || (isPunct(&toks[lo]) && !opening(toks[lo].Text)) {
			lo++
			continue
		}
		break
	}
	for hi >= lo && isPunct(&toks[hi]) && !closing(toks[hi].Text) {
		hi--
	}
	if hi-lo < 1 {
		return crosscheck.Span{}, false
	}
	a, b := d.tokSpan(s, lo), d.tokSpan(s, hi)
	span := crosscheck.Span{Start: a.Start, End: b.End}
	if span.Len() <= 0 {
		return crosscheck.Span{}, false
	}
	// A clause that is (nearly) all quotation is that quotation's
	// attribution, not reported speech of its own.
	covered := 0
	for qi := sort.Search(len(d.dqs), func(i int) bool { return d.dqs[i].end() > span.Start }); qi < len(d.dqs) && d.dqs[qi].open < span.End; qi++ {
		q := d.dqs[qi]
		lo, hi := max(q.open, span.Start), min(q.end(), span.End)
		if hi > lo {
			covered += hi - lo
		}
	}
	if covered*10 >= span.Len()*9 {
		return crosscheck.Span{}, false
	}
	// "X said on social media: “…”" is a quotation after a colon, not a
	// reported clause.
	for k := lo; k < hi; k++ {
		if toks[k].Text == ":" && in.inQ[k] == 0 && in.inQ[k+1] != 0 {
			return crosscheck.Span{}, false
		}
	}
	return span, true
}

func opening(s string) bool {
	switch s {
	case "“", "„", "«", "\"", "‘", "``":
		return true
	}
	return false
}

func closing(s string) bool {
	switch s {
	case "”", "»", "\"", "’", "''":
		return true
	}
	return false
}

// accordingTo reads "according to X, …" and "…, according to X".
func (d *doc) accordingTo(s, a int) *cand {
	toks := d.sents[s].Tokens
	in := d.info(s)
	if a+1 >= len(toks) || !strings.EqualFold(toks[a+1].Text, "to") {
		return nil
	}
	x := -1
	if h := in.head[a]; h > a+1 && d.rel(s, a) == "case" {
		x = h
	} else {
		// Without the parse: the last noun of the run after "to".
		for j := a + 2; j < len(toks); j++ {
			up := d.upos(s, j)
			if up == "NOUN" || up == "PROPN" || up == "PRON" {
				x = j
				continue
			}
			if x >= 0 || isPunct(&toks[j]) || up == "VERB" {
				break
			}
		}
	}
	if x < 0 || notSources[in.lem[x]] {
		return nil
	}
	// The phrase, to the comma after it, and the clause it attaches to.
	pLo, pHi := a, max(x, a+1)
	for j := pHi + 1; j < len(toks) && j <= in.hi[x] && toks[j].Text != ","; j++ {
		pHi = j
	}
	cLo, cHi := 0, len(toks)-1
	if h := in.head[x]; h >= 0 && (h < pLo || h > pHi) && (in.lo[h] <= pLo && in.hi[h] >= pHi) {
		cLo, cHi = in.lo[h], in.hi[h]
	}
	lo, hi := cLo, cHi
	switch {
	case onlyPunctOrConj(d, s, cLo, pLo-1):
		lo = pHi + 1
	case onlyPunctOrConj(d, s, pHi+1, cHi):
		hi = pLo - 1
	}
	span, ok := d.clauseSpan(s, lo, hi)
	if !ok {
		return nil
	}
	c := &cand{kind: crosscheck.QuoteAccordingTo, span: span, verb: tokRef{s, a}, subj: tokRef{s, x}, subjLo: -1}
	a0, a1 := d.tokSpan(s, a), d.tokSpan(s, a+1)
	c.verbSpan = crosscheck.Span{Start: a0.Start, End: a1.End}
	return c
}

func onlyPunctOrConj(d *doc, s, lo, hi int) bool {
	toks := d.sents[s].Tokens
	for j := lo; j <= hi; j++ {
		if !isPunct(&toks[j]) && d.upos(s, j) != "CCONJ" {
			return false
		}
	}
	return true
}

// colonSpeech reads "X said: …" without quotation marks; the quote runs
// to the end of the sentence.
func (d *doc) colonSpeech(s, k int) *cand {
	toks := d.sents[s].Tokens
	if k == 0 || k+1 >= len(toks) {
		return nil
	}
	if r, _ := nextRune(d.text, toks[k].Span.End, d.sents[s].Span.End); opening(string(r)) || r == '”' || r == '»' {
		return nil // a quotation follows: attribute handles it
	}
	v := d.clauseHead(s, k-1)
	if v < 0 || d.speechVerb(s, v) != clausal || d.negated(s, v) {
		return nil
	}
	span, ok := d.clauseSpan(s, k+1, len(toks)-1)
	if !ok {
		return nil
	}
	c := &cand{kind: crosscheck.QuoteColon, span: span, verb: tokRef{s, v}, verbSpan: d.tokSpan(s, v)}
	d.setSubject(c)
	return c
}

// resolve names the speakers, in text order so that a pronoun can refer
// to an earlier speaker.
func (d *doc) resolve(cands []*cand) {
	order := make([]*cand, len(cands))
	copy(order, cands)
	key := func(c *cand) int {
		if c.verb.ok() {
			return d.tokSpan(c.verb.s, c.verb.t).Start
		}
		return c.span.Start
	}
	sort.SliceStable(order, func(i, j int) bool { return key(order[i]) < key(order[j]) })
	for _, c := range order {
		if !c.subj.ok() {
			continue
		}
		var sp speaker
		if c.subjLo >= 0 {
			sp = d.rangeSpeaker(c.subj.s, c.subjLo, c.subjHi)
		} else {
			sp = d.speakerAt(c.subj)
		}
		switch {
		case sp.first:
			// The writer's own voice ("we said it before: …").
			if c.q == nil {
				c.drop = true
			}
			continue
		case c.weak && !sp.named:
			c.drop = true
			continue
		case c.strict && !sp.named:
			// "The message was clear: “…”" names no speaker.
			c.verb, c.kind, c.verbSpan = noTok, crosscheck.QuoteDirect, crosscheck.Span{}
			continue
		}
		c.spk = sp
		if sp.name != "" {
			d.remember(sp, c.subj)
		}
	}
}

// inherit gives unattributed quotations the speaker of the quotation
// they continue: the previous piece of a multi-paragraph quotation,
// another quotation of the same paragraph, or, for a paragraph that is
// nothing but a quotation, the last quotation of the paragraph before.
// Short quoted phrases never inherit: they are scare quotes or titles
// more often than speech.
func (d *doc) inherit(cands []*cand) {
	var direct []*cand
	for _, c := range cands {
		if c.q != nil {
			direct = append(direct, c)
		}
	}
	has := func(c *cand) bool { return c.spk.name != "" }
	for i, c := range direct {
		if has(c) || c.verb.ok() || !d.full(c) {
			continue
		}
		var from *cand
		switch {
		case c.q.contPrev && i > 0:
			from = direct[i-1]
		default:
			for j := i - 1; j >= 0 && direct[j].q.para == c.q.para; j-- {
				if has(direct[j]) {
					from = direct[j]
					break
				}
			}
			for j := i + 1; from == nil && j < len(direct) && direct[j].q.para == c.q.para; j++ {
				if has(direct[j]) {
					from = direct[j]
				}
			}
			if from == nil && i > 0 && d.onlyQuote(c.q) && direct[i-1].q.para == c.q.para-1 && d.endsWithQuote(direct[i-1]) {
				from = direct[i-1]
			}
		}
		if from != nil && has(from) {
			c.spk = from.spk
		}
	}
	// A multi-paragraph quotation attributed in a later piece.
	for i := len(direct) - 2; i >= 0; i-- {
		c, next := direct[i], direct[i+1]
		if !has(c) && !c.verb.ok() && c.q.contNext && next.q.contPrev && has(next) {
			c.spk = next.spk
		}
	}
}

// full reports whether a quotation looks like speech rather than a scare
// quote: four words or more, or a sentence.
func (d *doc) full(c *cand) bool {
	s := d.text[c.span.Start:c.span.End]
	if strings.ContainsAny(s, ".?!") {
		return true
	}
	return len(strings.Fields(s)) >= 4
}

// onlyQuote reports whether a quotation fills its paragraph.
func (d *doc) onlyQuote(q *direct) bool {
	p := d.paras[q.para]
	for i, r := range d.text[p.Start:p.End] {
		pos := p.Start + i
		if pos >= q.open && pos < q.end() {
			continue
		}
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

// endsWithQuote reports whether a paragraph's last words are a
// quotation or its attribution, so the next paragraph can carry on.
func (d *doc) endsWithQuote(c *cand) bool {
	p := d.paras[c.q.para]
	rest := d.text[c.q.end():p.End]
	return !strings.ContainsAny(strings.TrimRight(rest, " .\t"), ".!?")
}

// nameLike reports whether quoted words are a name or a title (“Southern
// Energy Corridor”): every word capitalised, no sentence punctuation.
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || strings.ContainsAny(s, ".?!,;:") {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case len(w) <= 3 || w == "and" || w == "the" || w == "for":
			// small words inside titles
		default:
			return false
		}
	}
	return caps > 0
}

// output turns the candidates into quotes, ordered by span.
func (d *doc) output(cands []*cand) []crosscheck.Quote {
	out := make([]crosscheck.Quote, 0, len(cands))
	for _, c := range cands {
		if c.drop || c.span.Len() <= 0 || !c.span.Valid(len(d.text)) {
			continue
		}
		text := d.text[c.span.Start:c.span.End]
		if c.q != nil {
			if nameLike(text) {
				continue
			}
			if !c.verb.ok() && c.spk.name == "" && !d.full(c) {
				continue
			}
		}
		q := crosscheck.Quote{Span: c.span, Text: text, Kind: c.kind, SpeakerEntity: -1}
		if s := d.sentFrom(c.span.Start); s >= 0 {
			q.Sentence = d.sents[s].Index
		}
		if c.spk.name != "" {
			q.Speaker, q.SpeakerSpan, q.SpeakerEntity = c.spk.name, c.spk.span, c.spk.ent
		}
		if c.verb.ok() && c.verbSpan.Len() > 0 {
			q.Verb, q.VerbSpan = d.text[c.verbSpan.Start:c.verbSpan.End], c.verbSpan
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Span.Start != out[j].Span.Start {
			return out[i].Span.Start < out[j].Span.Start
		}
		return out[i].Span.End > out[j].Span.End
	})
	// One record per span: a direct quotation wins over the same words
	// read as reported speech.
	k := 0
	for i := range out {
		if k > 0 && out[k-1].Span == out[i].Span {
			if rank(out[i].Kind) < rank(out[k-1].Kind) {
				out[k-1] = out[i]
			}
			continue
		}
		out[k] = out[i]
		k++
	}
	return out[:k]
}

func rank(kind string) int {
	switch kind {
	case crosscheck.QuoteDirect:
		return 0
	case crosscheck.QuoteColon:
		return 1
	case crosscheck.QuoteAccordingTo:
		return 2
	}
	return 3
}
