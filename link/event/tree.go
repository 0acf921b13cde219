package event

import (
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// tree is one sentence's dependency tree made safe to walk: heads that
// point outside the sentence, to the token itself or into a cycle are
// treated as roots, so no walk can loop or index out of range.
type tree struct {
	index int // the sentence's index in the document
	toks  []crosscheck.Token
	head  []int   // safe head, -1 for a root
	kids  [][]int // children in token order
	lemma []string
	lower []string
	// start is the first token after a dateline, 0 when there is none.
	start int
}

// dateline returns the index of the first token after a wire dateline
// at the start of a sentence, or 0: an upper-case place with optional
// words and a parenthesised agency ("MARENBURG (RWA) - ", "DROVNY,
// Ostravia (RWA) - "), or a short run of names ("PanNews.Example - ")
// before a spaced dash.
func dateline(toks []crosscheck.Token) int {
	if len(toks) < 3 {
		return 0
	}
	caps := allCaps(toks[0].Text)
	for i := 1; i < len(toks) && i < 12; i++ {
		switch toks[i].Text {
		case "-", "–", "—":
			spaced := toks[i-1].Span.End < toks[i].Span.Start
			if caps || (spaced && i <= 4) {
				return i + 1
			}
			return 0
		}
		if toks[i].UPOS != "PROPN" && toks[i].UPOS != "PUNCT" && !allCaps(toks[i].Text) {
			return 0
		}
	}
	return 0
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z', r > 127 && unicode.IsUpper(r):
			letters++
		case r == '.' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 3
}

func newTree(s *crosscheck.Sentence) *tree {
	n := len(s.Tokens)
	t := &tree{index: s.Index, toks: s.Tokens, head: make([]int, n), kids: make([][]int, n), lemma: make([]string, n), lower: make([]string, n)}
	for i, tk := range s.Tokens {
		h := tk.Head
		if h < 0 || h >= n || h == i {
			h = -1
		}
		t.head[i] = h
		t.lower[i] = strings.ToLower(tk.Text)
		l := strings.ToLower(tk.Lemma)
		if l == "" {
			l = t.lower[i]
		}
		t.lemma[i] = l
	}
	// Break cycles: walk up from every token; a walk longer than n steps
	// is in a cycle, and the token where it was found becomes a root.
	state := make([]uint8, n) // 0 unvisited, 1 on the current path, 2 done
	for i := range n {
		var path []int
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			j = t.head[j]
		}
		if j >= 0 && state[j] == 1 {
			t.head[j] = -1 // j closes a cycle
		}
		for _, p := range path {
			state[p] = 2
		}
	}
	// A wire dateline ("MARENBURG (RWA) - ") is no part of the clause:
	// its words are cut out of the tree.
	if d := dateline(s.Tokens); d > 0 {
		for i := range n {
			if i < d || t.head[i] < d {
				t.head[i] = -1
			}
		}
		t.start = d
	}
	for i, h := range t.head {
		if h >= 0 {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

func (t *tree) sentIndex() int { return t.index }

// top returns the token of span sp whose head lies outside it (the head
// of a multi-word expression), or -1 when no token lies inside sp.
func (t *tree) top(sp crosscheck.Span) int {
	first := -1
	for i, tk := range t.toks {
		if tk.Span.Start < sp.Start || tk.Span.End > sp.End {
			continue
		}
		if first < 0 {
			first = i
		}
		if h := t.head[i]; h < 0 || t.toks[h].Span.Start < sp.Start || t.toks[h].Span.End > sp.End {
			return i
		}
	}
	return first
}

// dominates reports whether token k lies in the subtree of token i.
func (t *tree) dominates(i, k int) bool {
	for n := 0; k >= 0 && n <= len(t.toks); n++ {
		if k == i {
			return true
		}
		k = t.head[k]
	}
	return false
}

// ownerOf climbs from token i to the first token that is an anchor of a
// candidate and returns that candidate. The climb stops (nil) when it
// leaves a clause that no candidate anchors: a time or place inside a
// relative or reported clause ("people who travelled to Kelm in May")
// belongs to that clause, not to the event around it.
func (t *tree) ownerOf(i int, owner map[int]*cand) *cand {
	for j := i; j >= 0; j = t.head[j] {
		if c, ok := owner[j]; ok {
			return c
		}
		if clausal[t.toks[j].Rel] {
			return nil
		}
	}
	return nil
}

// clausal are the relations that open a clause of its own.
var clausal = map[string]bool{
	"ccomp": true, "advcl": true, "acl": true, "acl:relcl": true, "parataxis": true,
	"csubj": true, "csubj:pass": true, "list": true,
}

// antecedent is the noun a relative clause containing token k modifies
// ("the men who were arrested" → "men"), or -1.
func (t *tree) antecedent(k int) int {
	for j, n := k, 0; j >= 0 && n < 6; j, n = t.head[j], n+1 {
		if t.toks[j].Rel == "acl:relcl" {
			return t.head[j]
		}
	}
	return -1
}

// reported reports whether verb v sits in a clause that a speech verb
// governs ("said it had detained"): its past perfect is backshift, not
// a look back.
func (t *tree) reported(v int) bool {
	for j, n := t.head[v], 0; j >= 0 && n < 4; j, n = t.head[j], n+1 {
		if speechVerbs[t.lemma[j]] {
			return true
		}
	}
	return false
}

// dominatedByPoss reports whether token l lies in a possessor (nmod:poss)
// below phrase head k.
func (t *tree) dominatedByPoss(l, k int) bool {
	for j, n := l, 0; j >= 0 && j != k && n < 8; j, n = t.head[j], n+1 {
		if t.toks[j].Rel == "nmod:poss" {
			return true
		}
	}
	return false
}

func (t *tree) rel(i int) string { return t.toks[i].Rel }

// base is the relation without its subtype: "nmod:poss" → "nmod".
func (t *tree) base(i int) string {
	r := t.toks[i].Rel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// child returns the first child of i with one of the relations, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		for _, r := range rels {
			if t.toks[k].Rel == r {
				return k
			}
		}
	}
	return -1
}

// caseOf returns the lower-cased preposition or subordinator (case or
// mark child) of i, with its fixed words ("because of", "according to").
func (t *tree) caseOf(i int) string {
	var words []string
	for _, k := range t.kids[i] {
		if r := t.toks[k].Rel; r != "case" && r != "mark" {
			continue
		}
		words = append(words, t.lower[k])
		for _, f := range t.kids[k] {
			if t.toks[f].Rel == "fixed" {
				words = append(words, t.lower[f])
			}
		}
	}
	return strings.Join(words, " ")
}

// hasKidLemma reports whether i has a child with relation rel (any when
// rel is "") whose lemma is in set.
func (t *tree) hasKidLemma(i int, rel string, set map[string]bool) bool {
	for _, k := range t.kids[i] {
		if (rel == "" || t.toks[k].Rel == rel) && set[t.lemma[k]] {
			return true
		}
	}
	return false
}

// span is the byte span of tokens lo..hi inclusive.
func (t *tree) span(lo, hi int) crosscheck.Span {
	return crosscheck.Span{Start: t.toks[lo].Span.Start, End: t.toks[hi].Span.End}
}

// subtree returns the first and last token index of i's subtree.
func (t *tree) subtree(i int) (lo, hi int) {
	lo, hi = i, i
	stack := []int{i}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, j), max(hi, j)
		stack = append(stack, t.kids[j]...)
	}
	return lo, hi
}

// phraseRels are the relations kept inside an argument's phrase: the
// words that make up a noun phrase, not the clauses and prepositional
// phrases that hang off it (those can be roles of their own).
var phraseRels = map[string]bool{
	"det": true, "amod": true, "compound": true, "nummod": true, "nmod:poss": true,
	"flat": true, "flat:name": true, "fixed": true, "case": true, "advmod": true,
	"det:predet": true, "nmod:npmod": true, "compound:prt": true, "goeswith": true,
	"punct": true, "obl:npmod": true,
}

// phrase returns the token range of the noun phrase headed by i: its
// determiners, modifiers, compounds and "of" phrase ("seven of them",
// "members of the Brotherhood", "the port city of Harlow"), cut at a
// comma, colon, semicolon or dash (an apposition or a headline's
// "now: …"), without the preposition that introduces it.
func (t *tree) phrase(i int) (lo, hi int) {
	lo, hi = i, i
	var walk func(j int, depth int)
	walk = func(j, depth int) {
		if depth > 8 {
			return
		}
		for _, k := range t.kids[j] {
			r := t.toks[k].Rel
			keep := phraseRels[r] || (r == "nmod" && t.caseOf(k) == "of")
			if (r == "case" && j == i) || t.toks[k].UPOS == "PUNCT" {
				keep = false
			}
			if !keep {
				continue
			}
			lo, hi = min(lo, k), max(hi, k)
			walk(k, depth+1)
		}
	}
	walk(i, 0)
	for k := i - 1; k >= lo; k-- {
		if t.separator(k) {
			lo = k + 1
			break
		}
	}
	for k := i + 1; k <= hi; k++ {
		if t.separator(k) {
			hi = k - 1
			break
		}
	}
	return t.trim(lo, hi)
}

// separator reports whether token k separates phrases: a comma, colon,
// semicolon or dash, but not the hyphen inside "so-called".
func (t *tree) separator(k int) bool {
	switch t.toks[k].Text {
	case ",", ":", ";", "–", "—":
		return true
	case "-":
		glued := k > 0 && k+1 < len(t.toks) &&
			t.toks[k-1].Span.End == t.toks[k].Span.Start && t.toks[k].Span.End == t.toks[k+1].Span.Start
		return !glued
	}
	return false
}

// trim drops punctuation at the edges of lo..hi, keeping a closing
// bracket or quote whose opener is inside.
func (t *tree) trim(lo, hi int) (int, int) {
	for lo < hi && t.toks[lo].UPOS == "PUNCT" && !opens(t.toks[lo].Text) {
		lo++
	}
	for hi > lo && t.toks[hi].UPOS == "PUNCT" {
		if c := t.toks[hi].Text; closes(c) {
			opened := false
			for k := lo; k < hi; k++ {
				if opens(t.toks[k].Text) {
					opened = true
				}
			}
			if opened {
				break
			}
		}
		hi--
	}
	for lo < hi && t.toks[lo].UPOS == "PUNCT" {
		// an opener whose closer fell outside
		closed := false
		for k := lo + 1; k <= hi; k++ {
			if closes(t.toks[k].Text) {
				closed = true
			}
		}
		if closed {
			break
		}
		lo++
	}
	return lo, hi
}

func opens(w string) bool {
	switch w {
	case "(", "[", "“", "‘", "\"", "'":
		return true
	}
	return false
}

func closes(w string) bool {
	switch w {
	case ")", "]", "”", "’", "\"", "'":
		return true
	}
	return false
}
