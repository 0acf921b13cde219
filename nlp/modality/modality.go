package modality

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Version names this package's rules and lexicon.
const Version = "modality/1"

// Options are what Find knows of the document beyond its sentences.
type Options struct {
	// Quotes are the document's quotes with speakers (from package
	// nlp/quote): a clause inside a quote or governed by a speech verb
	// is attributed to that speaker.
	Quotes []crosscheck.Quote
	// Headline is the span of the headline paragraph (a question mark
	// there means questioned).
	Headline crosscheck.Span
}

// Find returns the modality records of every clause, ordered by span. A
// clause with no cue gets one ModAsserted record (the outlet's own voice),
// so every clause with a finite verb is covered. Noun-phrase cues ("the
// alleged spies") add records whose span is the noun phrase. Find never
// panics: heads out of range, cycles and spans outside text are tolerated.
func Find(text string, sents []crosscheck.Sentence, opt Options) []crosscheck.Modality {
	f := &finder{text: text, headline: opt.Headline}
	f.setQuotes(opt.Quotes)
	var out []crosscheck.Modality
	for i := range sents {
		out = f.sentence(out, &sents[i])
	}
	slices.SortStableFunc(out, compare)
	return out
}

// kindOrder orders records of one span.
var kindOrder = map[string]int{
	asserted: 0, attributed: 1, reportedly: 2, alleged: 3, confessed: 4,
	denied: 5, hypothetical: 6, questioned: 7, negated: 8,
}

func compare(a, b crosscheck.Modality) int {
	switch {
	case a.Span.Start != b.Span.Start:
		return a.Span.Start - b.Span.Start
	case a.Span.End != b.Span.End:
		return a.Span.End - b.Span.End
	case a.Kind != b.Kind:
		return kindOrder[a.Kind] - kindOrder[b.Kind]
	}
	return a.CueSpan.Start - b.CueSpan.Start
}

// How a clause's record passes to the clauses nested in it.
const (
	// propNone: the record holds for its clause only (negation, a
	// stance on the clause's own object: "denied the charges").
	propNone uint8 = iota
	// propComplement: to complement clauses and to conjuncts without
	// their own finite verb (modals, questions).
	propComplement
	// propAll: to every nested clause, relative clauses only for
	// attributed and reportedly (speech, "according to", "reportedly").
	propAll
)

type rec struct {
	kind, cue, source string
	cueSpan           crosscheck.Span
	prop              uint8
	// except is a clause the record does not pass to: the speech clause
	// in "The deal is dead, he said".
	except int
}

type clause struct {
	head, parent int
	lo, hi       int // own words, without punctuation
	rel          string
	relcl        bool
	recs         []rec
}

// finder holds the scratch state of one Find call; its slices are reused
// from sentence to sentence.
type finder struct {
	text     string
	headline crosscheck.Span
	quotes   []crosscheck.Quote // sorted by span start
	qmaxEnd  []int              // running maximum of quote ends
	cand     []int              // quotes touching the current sentence

	sent                     *crosscheck.Sentence
	toks                     []crosscheck.Token
	n                        int
	head, first, next        []int
	depth, order, path       []int
	subLo, subHi, owner      []int
	lower, lemmas, base, rel []string
	finite, isClause, np     []bool
	mark                     []bool
	clauses                  []clause
	nps                      []crosscheck.Modality
}

// sentence appends the records of one sentence.
func (f *finder) sentence(out []crosscheck.Modality, s *crosscheck.Sentence) []crosscheck.Modality {
	if len(s.Tokens) == 0 {
		return out
	}
	f.prepare(s)
	f.sentQuotes(s.Span)
	f.nps = f.nps[:0]
	inHeadline := f.headline.Len() > 0 && overlaps(f.headline, s.Span)
	firstQ := -1
	for i := 0; i < f.n; i++ {
		f.cue(i)
		if f.toks[i].Text == "?" {
			if firstQ < 0 {
				firstQ = i
			}
			if !inHeadline {
				f.question(i)
			}
		}
	}
	if inHeadline && firstQ >= 0 {
		for k := range f.clauses {
			f.add(k, f.tokRec(questioned, firstQ, "", propNone))
		}
	}
	f.nounContent()
	f.quoted()
	// Pass records down to nested clauses; parents come first.
	for k := range f.clauses {
		c := &f.clauses[k]
		if c.parent < 0 {
			continue
		}
		for _, r := range f.clauses[c.parent].recs {
			if f.inherits(r, k) {
				f.add(k, r)
			}
		}
	}
	for k := range f.clauses {
		c := &f.clauses[k]
		sp := f.span(c.lo, c.hi)
		if len(c.recs) == 0 {
			out = append(out, crosscheck.Modality{Span: sp, Sentence: s.Index, Kind: asserted})
			continue
		}
		for _, r := range c.recs {
			out = append(out, crosscheck.Modality{Span: sp, Sentence: s.Index, Kind: r.kind, Cue: r.cue, CueSpan: r.cueSpan, Source: r.source})
		}
	}
	return append(out, f.nps...)
}

func (f *finder) inherits(r rec, k int) bool {
	if r.except == k {
		return false
	}
	c := &f.clauses[k]
	switch r.prop {
	case propAll:
		return !c.relcl || r.kind == attributed || r.kind == reportedly
	case propComplement:
		switch c.rel {
		case "ccomp", "csubj", "xcomp":
			return true
		case "conj":
			return !f.finite[c.head]
		}
	}
	return false
}

// span covers tokens lo..hi.
func (f *finder) span(lo, hi int) crosscheck.Span {
	s, e := f.toks[lo].Span.Start, f.toks[hi].Span.End
	if e < s {
		e = s
	}
	return crosscheck.Span{Start: s, End: e}
}

func (f *finder) textOf(lo, hi int) string {
	sp := f.span(lo, hi)
	if sp.Valid(len(f.text)) {
		return f.text[sp.Start:sp.End]
	}
	var b strings.Builder
	for i := lo; i <= hi; i++ {
		if i > lo {
			b.WriteByte(' ')
		}
		b.WriteString(f.toks[i].Text)
	}
	return b.String()
}

// tokRec is a record cued by token i.
func (f *finder) tokRec(kind string, i int, source string, prop uint8) rec {
	return rec{kind: kind, cue: f.toks[i].Text, cueSpan: f.toks[i].Span, source: source, prop: prop, except: -1}
}

// add gives clause k a record, once per kind and cue.
func (f *finder) add(k int, r rec) {
	if k < 0 || k >= len(f.clauses) {
		return
	}
	c := &f.clauses[k]
	for j := range c.recs {
		o := &c.recs[j]
		if o.kind == r.kind && o.cueSpan == r.cueSpan && o.cue == r.cue {
			if o.source == "" {
				o.source = r.source
			}
			o.prop = max(o.prop, r.prop)
			return
		}
	}
	if len(c.recs) < maxRecords {
		c.recs = append(c.recs, r)
	}
}

// maxRecords bounds the records of one clause. Real clauses have a few;
// the bound keeps the output linear when a parse of a run-on sentence
// nests hundreds of clauses that each inherit their parents' records.
const maxRecords = 16
