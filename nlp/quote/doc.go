package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// tokRef names a token: sentence position and token position.
type tokRef struct{ s, t int }

var noTok = tokRef{-1, -1}

func (r tokRef) ok() bool { return r.s >= 0 && r.t >= 0 }

// doc holds one document while quotes are found in it.
type doc struct {
	text  string
	sents []crosscheck.Sentence
	ents  []crosscheck.EntityMention
	paras []crosscheck.Span
	dqs   []*direct
	infos []*info
	// entSent is the sentence position of each entity mention, or -1;
	// entBySent the mentions of each sentence.
	entSent   []int
	entBySent [][]int
	canon     []string
	hist      []entry
	histOK    bool
}

// info is what Find derives from one sentence's parse. Heads are checked
// so that a broken parse (a head out of range, a cycle) cannot make Find
// panic or loop.
type info struct {
	head     []int
	kidStart []int // children of t are kids[kidStart[t]:kidStart[t+1]]
	kids     []int
	lo, hi   []int // subtree bounds, inclusive
	ent      []int // entity mention per token, or -1
	inQ      []int // 1 + index in doc.dqs of the quotation holding the token, or 0
	lem      []string
}

func newDoc(text string, sents []crosscheck.Sentence, ents []crosscheck.EntityMention) *doc {
	sents = sanitize(text, sents)
	d := &doc{text: text, sents: sents, ents: ents, infos: make([]*info, len(sents))}
	d.entSent = make([]int, len(ents))
	d.canon = make([]string, len(ents))
	for i, m := range ents {
		d.entSent[i] = -1
		if !m.Span.Valid(len(text)) || m.Span.Len() == 0 {
			continue
		}
		d.entSent[i] = d.sentAt(m.Span.Start)
		if s := d.entSent[i]; s >= 0 {
			if d.entBySent == nil {
				d.entBySent = make([][]int, len(sents))
			}
			d.entBySent[s] = append(d.entBySent[s], i)
		}
	}
	return d
}

// sanitize returns the sentences unchanged when their spans and their
// tokens' spans fit the text and run in order, as the language layer
// makes them; otherwise a repaired copy: sentences in order without
// overlap, each keeping the tokens that fit inside it in order. Find
// must not panic on a broken layer.
func sanitize(text string, sents []crosscheck.Sentence) []crosscheck.Sentence {
	ok := true
	prevEnd := 0
	for _, s := range sents {
		if !s.Span.Valid(len(text)) || s.Span.Start < prevEnd {
			ok = false
			break
		}
		prevEnd = s.Span.End
		at := s.Span.Start
		for _, t := range s.Tokens {
			if t.Span.Start < at || t.Span.End < t.Span.Start || t.Span.End > s.Span.End {
				ok = false
				break
			}
			at = t.Span.End
		}
		if !ok {
			break
		}
	}
	if ok {
		return sents
	}
	out := make([]crosscheck.Sentence, 0, len(sents))
	for _, s := range sents {
		s.Span.Start, s.Span.End = max(s.Span.Start, 0), min(s.Span.End, len(text))
		if n := len(out); n > 0 {
			s.Span.Start = max(s.Span.Start, out[n-1].Span.End)
		}
		if s.Span.End <= s.Span.Start {
			continue
		}
		toks := make([]crosscheck.Token, 0, len(s.Tokens))
		at := s.Span.Start
		for _, t := range s.Tokens {
			if t.Span.Start >= at && t.Span.End >= t.Span.Start && t.Span.End <= s.Span.End {
				toks = append(toks, t)
				at = t.Span.End
			}
		}
		if len(toks) != len(s.Tokens) {
			// Heads point at positions that moved: drop the parse.
			for i := range toks {
				toks[i].Head = -1
			}
		}
		s.Tokens = toks
		out = append(out, s)
	}
	return out
}

// sentAt returns the position of the sentence holding byte pos, or -1.
func (d *doc) sentAt(pos int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Span.End > pos })
	if i < len(d.sents) && d.sents[i].Span.Start <= pos {
		return i
	}
	return -1
}

// sentFrom returns the sentence holding pos or, when pos lies between
// sentences, the next one; -1 when there is none.
func (d *doc) sentFrom(pos int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Span.End > pos })
	if i < len(d.sents) {
		return i
	}
	return -1
}

// tokAt returns the token of sentence s holding byte pos, or -1.
func (d *doc) tokAt(s, pos int) int {
	if s < 0 || s >= len(d.sents) {
		return -1
	}
	toks := d.sents[s].Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > pos })
	if i < len(toks) && toks[i].Span.Start <= pos {
		return i
	}
	return -1
}

// tokSpan returns a token's span, or the empty span when it does not
// fit the text.
func (d *doc) tokSpan(s, t int) crosscheck.Span {
	sp := d.sents[s].Tokens[t].Span
	if !sp.Valid(len(d.text)) {
		return crosscheck.Span{}
	}
	return sp
}

// info returns the parse of sentence s, built on first use.
func (d *doc) info(s int) *info {
	if in := d.infos[s]; in != nil {
		return in
	}
	toks := d.sents[s].Tokens
	n := len(toks)
	in := &info{
		head: make([]int, n), kidStart: make([]int, n+1), kids: make([]int, 0, n),
		lo: make([]int, n), hi: make([]int, n), ent: make([]int, n), inQ: make([]int, n),
		lem: make([]string, n),
	}
	for t := range toks {
		h := toks[t].Head
		if h < 0 || h >= n || h == t {
			h = -1
		}
		in.head[t] = h
		in.ent[t] = -1
		in.lo[t], in.hi[t] = t, t
		in.lem[t] = lower(toks[t].Lemma, toks[t].Text)
	}
	// Children, in order, as one flat list.
	count := make([]int, n+1)
	for _, h := range in.head {
		if h >= 0 {
			count[h+1]++
		}
	}
	for t := 0; t < n; t++ {
		count[t+1] += count[t]
	}
	copy(in.kidStart, count)
	in.kids = in.kids[:count[n]]
	fill := make([]int, n)
	for t, h := range in.head {
		if h >= 0 {
			in.kids[count[h]+fill[h]] = t
			fill[h]++
		}
	}
	// Subtree bounds, children before heads, in linear time: a breadth-
	// first order from the roots, walked backwards. Tokens on a cycle are
	// not reached and keep themselves as their subtree.
	order := fill[:0]
	for t, h := range in.head {
		if h < 0 {
			order = append(order, t)
		}
	}
	for i := 0; i < len(order); i++ {
		order = append(order, in.children(order[i])...)
	}
	for i := len(order) - 1; i >= 0; i-- {
		t := order[i]
		if h := in.head[t]; h >= 0 {
			in.lo[h] = min(in.lo[h], in.lo[t])
			in.hi[h] = max(in.hi[h], in.hi[t])
		}
	}
	// Entity mentions by token.
	var mine []int
	if d.entBySent != nil {
		mine = d.entBySent[s]
	}
	for _, e := range mine {
		m := d.ents[e]
		for t := range toks {
			sp := toks[t].Span
			if sp.Start >= m.Span.Start && sp.End <= m.Span.End && in.ent[t] < 0 {
				in.ent[t] = e
			}
		}
	}
	d.infos[s] = in
	d.markQuotes(s, in)
	return in
}

// markQuotes records which tokens of sentence s lie inside a quotation,
// marks included.
func (d *doc) markQuotes(s int, in *info) {
	toks := d.sents[s].Tokens
	for t := range in.inQ {
		in.inQ[t] = 0
	}
	ss := d.sents[s].Span
	for qi, q := range d.dqs {
		lo, hi := q.open, q.end()
		if hi <= ss.Start || lo >= ss.End {
			continue
		}
		for t := range toks {
			if sp := toks[t].Span; sp.Start >= lo && sp.Start < hi && in.inQ[t] == 0 {
				in.inQ[t] = qi + 1
			}
		}
	}
}

func (in *info) children(t int) []int { return in.kids[in.kidStart[t]:in.kidStart[t+1]] }

func (d *doc) rel(s, t int) string { return d.sents[s].Tokens[t].Rel }

func (d *doc) upos(s, t int) string { return d.sents[s].Tokens[t].UPOS }

// kid returns the first child of t whose relation is one of rels, or -1.
func (d *doc) kid(s, t int, rels ...string) int {
	in := d.info(s)
	for _, c := range in.children(t) {
		r := d.rel(s, c)
		for _, want := range rels {
			if r == want {
				return c
			}
		}
	}
	return -1
}

func isSubj(rel string) bool {
	return rel == "nsubj" || rel == "nsubj:pass" || rel == "nsubj:outer" || rel == "csubj"
}

// speechVerb returns the class of token t as a speech verb. A participle
// after a comma counts even when the tagger took it for a noun ("…,
// warning that").
func (d *doc) speechVerb(s, t int) verbClass {
	tok := &d.sents[s].Tokens[t]
	if tok.UPOS == "VERB" {
		return verbs[d.info(s).lem[t]]
	}
	if t > 0 && d.sents[s].Tokens[t-1].Text == "," && strings.HasSuffix(tok.Text, "ing") {
		return participle(strings.ToLower(tok.Text))
	}
	return notSpeech
}

// participle returns the class of the verb of an -ing form.
func participle(w string) verbClass {
	stem := strings.TrimSuffix(w, "ing")
	if c := verbs[stem]; c != notSpeech {
		return c
	}
	if c := verbs[stem+"e"]; c != notSpeech {
		return c
	}
	if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
		return verbs[stem[:n-1]]
	}
	return notSpeech
}

func (d *doc) negated(s, t int) bool {
	in := d.info(s)
	for _, c := range in.children(t) {
		if negators[in.lem[c]] || negators[strings.ToLower(d.sents[s].Tokens[c].Text)] {
			return true
		}
	}
	return false
}

// lower returns the lemma in lower case, falling back to the word.
func lower(lemma, text string) string {
	w := lemma
	if w == "" || w == "_" {
		w = text
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// isPunct reports whether a token is punctuation only.
func isPunct(tok *crosscheck.Token) bool {
	if tok.UPOS == "PUNCT" {
		return true
	}
	for _, r := range tok.Text {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return tok.Text != ""
}

// prevRune returns the last non-space rune before i within [lo, i) and
// its offset, or -1.
func prevRune(text string, lo, i int) (rune, int) {
	for i > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:i])
		i -= n
		if !unicode.IsSpace(r) {
			return r, i
		}
	}
	return 0, -1
}

// nextRune returns the first non-space rune at or after i within [i, hi)
// and its offset, or -1.
func nextRune(text string, i, hi int) (rune, int) {
	for i < hi {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		if !unicode.IsSpace(r) {
			return r, i
		}
		i += n
	}
	return 0, -1
}

// paraOf returns the paragraph holding pos.
func (d *doc) paraOf(pos int) crosscheck.Span {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].End > pos })
	if i < len(d.paras) {
		return d.paras[i]
	}
	return crosscheck.Span{Start: pos, End: pos}
}
