package entity_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/entity"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// A synthetic corpus for the benchmark: documents of fixed-width
// sentence slots, each filled with one of a pool of generated sentences
// (tokens with parts of speech and dependencies, and entity mentions),
// so that 10,000 documents of ~700 tokens share their token slices and
// fit in memory. Sentences name people (full names, surnames, misspelt
// surnames, pronouns), organisations (with and without acronyms and
// country qualifiers), countries, capitals acting as governments and
// nationality words, drawn from a generated world.

const (
	synthSlots = 30  // sentences per document
	synthWidth = 200 // bytes per sentence slot
	synthPool  = 300 // sentence variants per slot
)

type synthWorld struct {
	rng       *rand.Rand
	persons   []string
	orgs      []string // full names
	acrs      []string // acronym of each org
	countries []gazetteer.Country
}

func newSynthWorld(seed uint64) *synthWorld {
	w := &synthWorld{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	syl := []string{"ka", "lo", "mi", "ra", "ven", "dor", "sel", "ta", "nik", "ur", "bel", "as", "go", "rin", "zov", "hal", "mer", "ost", "pa", "lin"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(syl[w.rng.IntN(len(syl))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	surnames := make([]string, 1200)
	for i := range surnames {
		surnames[i] = word(3)
	}
	for range 2000 {
		w.persons = append(w.persons, word(2)+" "+surnames[w.rng.IntN(len(surnames))])
	}
	nouns := []string{"Energy", "Security", "Defence", "Transport", "Water", "Grain", "Media", "Mining", "Rail", "Port", "Health", "Trade"}
	suffixes := []string{"Company", "Agency", "Service", "Council", "Authority", "Corporation", "Bureau", "Front"}
	seen := map[string]bool{}
	for len(w.orgs) < 400 {
		name := word(2) + " " + nouns[w.rng.IntN(len(nouns))] + " " + suffixes[w.rng.IntN(len(suffixes))]
		if seen[name] {
			continue
		}
		seen[name] = true
		w.orgs = append(w.orgs, name)
		var acr strings.Builder
		for _, x := range strings.Fields(name) {
			acr.WriteByte(x[0])
		}
		w.acrs = append(w.acrs, acr.String())
	}
	for _, c := range gazetteer.Countries() {
		if len(c.Capitals) == 1 && len(c.Demonyms) == 1 && !strings.Contains(c.Demonyms[0], ",") && len(w.countries) < 40 && strings.IndexByte(c.Name, ' ') < 0 {
			w.countries = append(w.countries, c)
		}
	}
	return w
}

func (w *synthWorld) pick(xs []string) string { return xs[w.rng.IntN(len(xs))] }

type sentBuilder struct {
	base  int
	buf   []byte
	toks  []crosscheck.Token
	ents  []crosscheck.EntityMention
	index int
}

func (s *sentBuilder) w(text, upos, rel string, head int) int {
	if len(s.buf) > 0 {
		s.buf = append(s.buf, ' ')
	}
	start := s.base + len(s.buf)
	s.buf = append(s.buf, text...)
	s.toks = append(s.toks, crosscheck.Token{Span: crosscheck.Span{Start: start, End: start + len(text)}, Text: text, Lemma: strings.ToLower(text), UPOS: upos, Head: head, Rel: rel})
	return len(s.toks) - 1
}

// name adds a mention whose first word takes rel and head; the other
// words depend on it.
func (s *sentBuilder) name(label, text, rel string, head int) {
	first := len(s.toks)
	for i, x := range strings.Fields(text) {
		if i == 0 {
			s.w(x, "PROPN", rel, head)
		} else {
			s.w(x, "PROPN", "flat", first)
		}
	}
	sp := crosscheck.Span{Start: s.toks[first].Span.Start, End: s.toks[len(s.toks)-1].Span.End}
	s.ents = append(s.ents, crosscheck.EntityMention{Span: sp, Sentence: s.index, Label: label, Text: text})
}

func (s *sentBuilder) words(text string, head int) {
	for _, x := range strings.Fields(text) {
		s.w(x, "NOUN", "dep", head)
	}
}

// sentence makes one sentence for slot index at byte offset base.
func (w *synthWorld) sentence(index, base int) sentBuilder {
	s := sentBuilder{base: base, index: index}
	n := func(x string) int { return len(strings.Fields(x)) }
	c := w.countries[w.rng.IntN(len(w.countries))]
	switch w.rng.IntN(7) {
	case 0: // <Person> said on Monday that the service had detained 12 people in <Country> .
		p := w.pick(w.persons)
		verb := n(p)
		s.name(crosscheck.LabelPerson, p, "nsubj", verb)
		s.w("said", "VERB", "root", -1)
		s.w("on", "ADP", "case", verb+2)
		s.w("Monday", "PROPN", "obl", verb)
		s.w("that", "SCONJ", "mark", verb+7)
		s.w("the", "DET", "det", verb+5)
		s.w(w.pick([]string{"service", "agency", "ministry", "council"}), "NOUN", "nsubj", verb+7)
		s.w("had", "AUX", "aux", verb+7)
		s.w("detained", "VERB", "ccomp", verb)
		s.w("12", "NUM", "nummod", verb+9)
		s.w("people", "NOUN", "obj", verb+7)
		s.w("in", "ADP", "case", verb+11)
		s.name(crosscheck.LabelGPE, c.Name, "obl", verb+7)
	case 1: // <Surname> told reporters in <Capital> that he would not resign .
		p := w.pick(w.persons)
		sur := p[strings.LastIndexByte(p, ' ')+1:]
		if w.rng.IntN(4) == 0 { // a spelling variant
			sur = strings.Replace(sur, "a", "e", 1)
		}
		s.name(crosscheck.LabelPerson, sur, "nsubj", 1)
		s.w("told", "VERB", "root", -1)
		s.w("reporters", "NOUN", "obj", 1)
		s.w("in", "ADP", "case", 4)
		s.name(crosscheck.LabelGPE, c.Capitals[0], "obl", 1)
		at := len(s.toks)
		s.w("that", "SCONJ", "mark", at+4)
		s.w("he", "PRON", "nsubj", at+4)
		s.w("would", "AUX", "aux", at+4)
		s.w("not", "PART", "advmod", at+4)
		s.w("resign", "VERB", "ccomp", 1)
	case 2: // <Capital> denied the claims and summoned the <Demonym> ambassador .
		s.name(crosscheck.LabelGPE, c.Capitals[0], "nsubj", n(c.Capitals[0]))
		v := len(s.toks)
		s.w("denied", "VERB", "root", -1)
		s.w("the", "DET", "det", v+2)
		s.w("claims", "NOUN", "obj", v)
		s.w("and", "CCONJ", "cc", v+4)
		s.w("summoned", "VERB", "conj", v)
		s.w("the", "DET", "det", v+7)
		s.name(crosscheck.LabelNORP, c.Demonyms[0], "amod", v+7)
		s.w("ambassador", "NOUN", "obj", v+4)
	case 3: // The <Org> ( <ACR> ) announced that it had arrested 9 suspects .
		i := w.rng.IntN(len(w.orgs))
		s.w("The", "DET", "det", 1)
		if w.rng.IntN(3) == 0 {
			s.name(crosscheck.LabelNORP, c.Demonyms[0], "amod", 2)
		}
		head := len(s.toks)
		verb := head + n(w.orgs[i]) + 3
		s.name(crosscheck.LabelOrg, w.orgs[i], "nsubj", verb)
		s.w("(", "PUNCT", "punct", head+n(w.orgs[i])+1)
		s.name(crosscheck.LabelOrg, w.acrs[i], "appos", head)
		s.w(")", "PUNCT", "punct", head+n(w.orgs[i])+1)
		s.w("announced", "VERB", "root", -1)
		s.w("that", "SCONJ", "mark", verb+4)
		s.w("it", "PRON", "nsubj", verb+4)
		s.w("had", "AUX", "aux", verb+4)
		s.w("arrested", "VERB", "ccomp", verb)
		s.w("9", "NUM", "nummod", verb+6)
		s.w("suspects", "NOUN", "obj", verb+4)
	case 4: // The <ACR> said the suspects worked for the <Org> and were paid by <Demonym> officials .
		i, j := w.rng.IntN(len(w.orgs)), w.rng.IntN(len(w.orgs))
		s.w("The", "DET", "det", 1)
		s.name(crosscheck.LabelOrg, w.acrs[i], "nsubj", 2)
		s.w("said", "VERB", "root", -1)
		s.w("the", "DET", "det", 4)
		s.w("suspects", "NOUN", "nsubj", 5)
		s.w("worked", "VERB", "ccomp", 2)
		s.w("for", "ADP", "case", 8)
		s.w("the", "DET", "det", 8)
		s.name(crosscheck.LabelOrg, w.orgs[j], "obl", 5)
		at := len(s.toks)
		s.w("and", "CCONJ", "cc", at+2)
		s.w("were", "AUX", "aux:pass", at+2)
		s.w("paid", "VERB", "conj", 5)
		s.w("by", "ADP", "case", at+5)
		s.name(crosscheck.LabelNORP, c.Demonyms[0], "amod", at+5)
		s.w("officials", "NOUN", "obl", at+2)
	case 5: // <Person> met <Person> in <Capital> on Tuesday , officials said .
		p, q := w.pick(w.persons), w.pick(w.persons)
		s.name(crosscheck.LabelPerson, p, "nsubj", n(p))
		v := len(s.toks)
		s.w("met", "VERB", "root", -1)
		s.name(crosscheck.LabelPerson, q, "obj", v)
		s.w("in", "ADP", "case", len(s.toks)+1)
		s.name(crosscheck.LabelGPE, c.Capitals[0], "obl", v)
		s.w("on", "ADP", "case", len(s.toks)+1)
		s.w("Tuesday", "PROPN", "obl", v)
	default: // filler: officials said the talks would resume next week .
		s.w("Officials", "NOUN", "nsubj", 1)
		s.w("said", "VERB", "root", -1)
		s.words("the talks would resume next week after a short break in the negotiations", 1)
	}
	s.w(".", "PUNCT", "punct", 0)
	for len(s.toks) < 22 && len(s.buf) < synthWidth-12 {
		s.w("and", "CCONJ", "cc", 0)
	}
	return s
}

// synthCorpus returns n documents.
func synthCorpus(n int, seed uint64) []entity.Input {
	w := newSynthWorld(seed)
	pool := make([][]sentBuilder, synthSlots)
	for slot := range pool {
		pool[slot] = make([]sentBuilder, synthPool)
		for v := range pool[slot] {
			s := w.sentence(slot, slot*synthWidth)
			for len(s.buf) > synthWidth-1 { // cannot happen with these templates
				s = w.sentence(slot, slot*synthWidth)
			}
			pool[slot][v] = s
		}
	}
	out := make([]entity.Input, n)
	var text strings.Builder
	for i := range out {
		text.Reset()
		layer := &crosscheck.Annotations{DocID: fmt.Sprintf("d%05d", i), Sentences: make([]crosscheck.Sentence, synthSlots)}
		for slot := range synthSlots {
			s := pool[slot][w.rng.IntN(synthPool)]
			text.Write(s.buf)
			text.WriteString(strings.Repeat(" ", synthWidth-len(s.buf)-1))
			text.WriteByte('\n')
			layer.Sentences[slot] = crosscheck.Sentence{Index: slot, Span: crosscheck.Span{Start: slot * synthWidth, End: slot*synthWidth + len(s.buf)}, Tokens: s.toks}
			layer.Entities = append(layer.Entities, s.ents...)
		}
		out[i].Doc = &crosscheck.Document{ID: layer.DocID, Text: text.String()}
		out[i].Layer = layer
	}
	return out
}
