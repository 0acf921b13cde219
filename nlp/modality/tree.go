package modality

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// The parse as this package reads it: a sanitised, repaired copy of the
// heads, with children, depths, subtree ranges, and clauses.

// grow returns s with length n, reusing its storage when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// prepare fills the per-sentence arrays: sanitised heads without cycles,
// children, depths, subtree ranges, clause heads and owners.
func (f *finder) prepare(s *crosscheck.Sentence) {
	f.sent, f.toks, f.n = s, s.Tokens, len(s.Tokens)
	n := f.n
	f.head, f.first, f.next = grow(f.head, n), grow(f.first, n), grow(f.next, n)
	f.depth, f.order = grow(f.depth, n), grow(f.order, n)
	f.subLo, f.subHi, f.owner = grow(f.subLo, n), grow(f.subHi, n), grow(f.owner, n)
	f.lower, f.lemmas, f.base = grow(f.lower, n), grow(f.lemmas, n), grow(f.base, n)
	f.rel = grow(f.rel, n)
	f.finite, f.isClause, f.np = grow(f.finite, n), grow(f.isClause, n), grow(f.np, n)
	f.mark = grow(f.mark, n)
	for i := range n {
		t := &f.toks[i]
		h := t.Head
		if h < -1 || h >= n || h == i {
			h = -1
		}
		f.head[i], f.first[i], f.next[i], f.depth[i] = h, -1, -1, 0
		f.subLo[i], f.subHi[i] = i, i
		f.finite[i], f.isClause[i], f.np[i], f.mark[i] = false, false, false, false
		f.lower[i] = strings.ToLower(t.Text)
		l := t.Lemma
		if l == "" {
			l = f.lower[i]
		}
		f.lemmas[i] = strings.ToLower(l)
		f.setRel(i, t.Rel)
	}
	f.depths()
	f.children()
	if f.repair() {
		f.depths()
		f.children()
	}
	// Order by depth (counting sort), then subtree ranges bottom-up.
	maxD := 0
	for i := range n {
		maxD = max(maxD, f.depth[i])
	}
	cnt := grow(f.path, maxD+2)
	clear(cnt)
	for i := range n {
		cnt[f.depth[i]+1]++
	}
	for d := 1; d < len(cnt); d++ {
		cnt[d] += cnt[d-1]
	}
	for i := range n {
		d := f.depth[i]
		f.order[cnt[d]] = i
		cnt[d]++
	}
	f.path = cnt
	for k := n - 1; k >= 0; k-- {
		i := f.order[k]
		if h := f.head[i]; h >= 0 {
			f.subLo[h] = min(f.subLo[h], f.subLo[i])
			f.subHi[h] = max(f.subHi[h], f.subHi[i])
		}
	}
	for i := range n {
		f.finite[i] = f.finiteHead(i)
	}
	for i := range n {
		if c, ok := npCues[f.lower[i]]; ok {
			f.np[i] = f.isNPCue(i, c)
		}
	}
	// Clause heads and owners, top-down.
	for k := range f.clauses {
		f.clauses[k].recs = f.clauses[k].recs[:0]
	}
	f.clauses = f.clauses[:0]
	for _, i := range f.order[:n] {
		h := f.head[i]
		var is bool
		switch {
		case h < 0:
			is = true
		case f.np[i] || f.toks[i].UPOS == "PUNCT":
		case f.base[i] == "conj":
			is = f.isClause[h] && (f.finite[i] || f.toks[i].UPOS == "VERB")
		case clauseRels[f.base[i]]:
			is = f.finite[i]
		}
		f.isClause[i] = is
		if !is {
			f.owner[i] = f.owner[h]
			continue
		}
		parent := -1
		if h >= 0 {
			parent = f.owner[h]
		}
		f.owner[i] = len(f.clauses)
		c := clause{head: i, parent: parent, lo: i, hi: i, rel: f.base[i]}
		c.relcl = strings.HasPrefix(f.rel[i], "acl:relcl") || (c.rel == "acl" && f.hasRelPronoun(i))
		if k := len(f.clauses); k < cap(f.clauses) {
			c.recs = f.clauses[:k+1][k].recs[:0] // reuse the storage
		}
		f.clauses = append(f.clauses, c)
	}
	for i := range n {
		if f.toks[i].UPOS == "PUNCT" || (f.rel[i] == "cc" && f.isClause[max(f.head[i], 0)] && f.head[i] >= 0) {
			continue
		}
		c := &f.clauses[f.owner[i]]
		c.lo, c.hi = min(c.lo, i), max(c.hi, i)
	}
}

func (f *finder) setRel(i int, rel string) {
	f.rel[i] = rel
	f.base[i], _, _ = strings.Cut(rel, ":")
}

// children links each word's dependents in order.
func (f *finder) children() {
	for i := range f.n {
		f.first[i], f.next[i] = -1, -1
	}
	for i := f.n - 1; i >= 0; i-- {
		if h := f.head[i]; h >= 0 {
			f.next[i], f.first[h] = f.first[h], i
		}
	}
}

// depths computes each word's depth, first breaking any cycle at the
// word that closes it.
func (f *finder) depths() {
	for i := range f.n {
		f.depth[i] = 0
	}
	for i := range f.n {
		if f.depth[i] > 0 {
			continue
		}
		path := f.path[:0]
		for j := i; j >= 0 && f.depth[j] == 0; j = f.head[j] {
			if f.mark[j] {
				f.head[path[len(path)-1]] = -1
				break
			}
			f.mark[j] = true
			path = append(path, j)
		}
		for k := len(path) - 1; k >= 0; k-- {
			p := path[k]
			f.mark[p] = false
			if h := f.head[p]; h >= 0 {
				f.depth[p] = f.depth[h] + 1
			} else {
				f.depth[p] = 1
			}
		}
		f.path = path
	}
}

// repair undoes frequent parser errors around speech verbs, in this
// package's own copy of the tree (which is acyclic when it is called):
//
//   - "said on Thursday that 14 patients had died", "told reporters that
//     …" with the that-clause hung on a word in between: it becomes the
//     verb's complement;
//   - "admitted that it had lied" with "that" as the object and the
//     clause under it: the clause becomes the complement, "that" its
//     marker;
//   - "said the smugglers had used …", "believe the virus mutated …"
//     with the noun as object and the verb as a relative clause or a
//     participle: the noun becomes the subject of a complement clause.
//
// It reports whether it changed the tree.
func (f *finder) repair() bool {
	changed := false
	for c := range f.n {
		o := f.head[c]
		if o < 0 || !f.finiteHead(c) && !f.bareParticiple(c) {
			continue
		}
		// a that-clause after a speech verb
		if m := f.markOf(c); m >= 0 && f.lower[m] == "that" {
			if v := f.speechBefore(m); v >= 0 && o != v && f.finiteHead(c) && !f.descends(v, c) && !f.contentNoun(o) {
				f.head[c] = v
				f.setRel(c, "ccomp")
				changed = true
				f.children()
				continue
			}
		}
		v := f.head[o]
		if v < 0 || f.base[o] != "obj" || !f.verbish(v) || verbCues[f.lemmas[v]].class == 0 || o > c {
			continue
		}
		switch {
		case f.lower[o] == "that" && (f.toks[o].UPOS == "SCONJ" || f.toks[o].XPOS == "IN") && o+1 < c && f.finiteHead(c):
			f.head[c], f.head[o] = v, c
			f.setRel(c, "ccomp")
			f.setRel(o, "mark")
		case isNominalOrPron(f.toks[o].UPOS) && (f.base[c] == "acl" || strings.HasSuffix(f.rel[c], "relcl")) && !f.hasSubjectOrRelative(c) &&
			(f.finiteHead(c) || clauseVerbs[f.lemmas[v]] && !f.finiteAfter(c)):
			f.head[c], f.head[o] = v, c
			f.setRel(c, "ccomp")
			f.setRel(o, "nsubj")
		default:
			continue
		}
		changed = true
		f.children()
	}
	return changed
}

// clauseVerbs rarely take a noun object followed by a participle, so
// "believe the virus mutated" is a complement clause even when the tagger
// reads "mutated" as a participle.
var clauseVerbs = map[string]bool{
	"say": true, "believe": true, "think": true, "suspect": true, "fear": true,
	"insist": true, "argue": true, "claim": true, "allege": true, "suggest": true,
	"hope": true, "conclude": true, "assert": true, "contend": true,
}

// contentNoun reports whether o is a noun that takes a that-clause of
// its own ("reports that", "the fact that").
func (f *finder) contentNoun(o int) bool {
	l := f.lemmas[o]
	return isNominal(f.toks[o].UPOS) && (nounCues[l] != "" || claimNouns[l] || otherContentNouns[l])
}

// bareParticiple is a past participle without auxiliary right after a
// noun: "the virus mutated".
func (f *finder) bareParticiple(c int) bool {
	return f.toks[c].XPOS == "VBN" && !f.hasChild(c, "aux") && c > 0 && isNominalOrPron(f.toks[c-1].UPOS)
}

// finiteAfter reports whether a finite verb follows c outside its subtree.
func (f *finder) finiteAfter(c int) bool {
	for j := c + 1; j < f.n; j++ {
		if finiteTag(f.toks[j].XPOS) && !f.descends(j, c) {
			return true
		}
	}
	return false
}

func (f *finder) markOf(c int) int {
	for d := f.first[c]; d >= 0 && d < c; d = f.next[d] {
		if f.base[d] == "mark" {
			return d
		}
	}
	return -1
}

// speechBefore is the speech verb governing every word between it and
// the complementiser at m ("told reporters that"), or -1.
func (f *finder) speechBefore(m int) int {
	for v := m - 1; v >= 0 && v >= m-8; v-- {
		if f.verbish(v) && verbCues[f.lemmas[v]].class != 0 {
			for j := v + 1; j < m; j++ {
				if !f.descends(j, v) {
					return -1
				}
			}
			return v
		}
	}
	return -1
}

// descends reports whether j is v or lies under it.
func (f *finder) descends(j, v int) bool {
	for k, steps := j, 0; k >= 0 && steps <= f.n; k, steps = f.head[k], steps+1 {
		if k == v {
			return true
		}
	}
	return false
}

// verbish reports whether token v is used as a verb: tagged so, or a
// "noun" with a subject and no determiner ("groups dispute that …").
func (f *finder) verbish(v int) bool {
	switch f.toks[v].UPOS {
	case "VERB":
		return true
	case "NOUN":
		if f.hasChild(v, "nsubj") && !f.hasChild(v, "det") && !f.hasChild(v, "cop") && !f.hasChild(v, "case") {
			return true
		}
		return f.verbAsNoun(v)
	}
	return false
}

// verbAsNoun reports whether v, tagged as a plural noun, is rather a
// present-tense speech verb after its subject: "The mayor denies that …",
// a headline "Police chief denies cover-up". It must follow a noun or
// adjective that depends on it, not a determiner, and either introduce
// a that-clause or stand in a sentence with no finite verb.
func (f *finder) verbAsNoun(v int) bool {
	if f.toks[v].XPOS != "NNS" || v == 0 || !strings.HasSuffix(f.lower[v], "s") || verbCues[f.lemmas[v]].class == 0 {
		return false
	}
	p := v - 1
	if u := f.toks[p].UPOS; !(isNominal(u) || u == "ADJ") || f.head[p] != v {
		return false
	}
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if c > v && f.markedThatTok(c) {
			return true
		}
	}
	for j := range f.n {
		if finiteTag(f.toks[j].XPOS) {
			return false
		}
	}
	return true
}

// markedThatTok reports whether token c heads a finite clause opening
// with "that".
func (f *finder) markedThatTok(c int) bool {
	m := f.markOf(c)
	return m >= 0 && f.lower[m] == "that" && f.finiteHead(c)
}

// finiteHead reports whether c has a finite verb of its own.
func (f *finder) finiteHead(c int) bool {
	if finiteTag(f.toks[c].XPOS) {
		return true
	}
	aux, subj := false, false
	for d := f.first[c]; d >= 0; d = f.next[d] {
		if f.base[d] == "aux" || f.base[d] == "cop" {
			if finiteTag(f.toks[d].XPOS) {
				return true
			}
			aux = true
		}
		subj = subj || f.rel[d] == "nsubj"
	}
	// a past tense the tagger read as a participle: "workers pulled"
	return f.toks[c].XPOS == "VBN" && subj && !aux
}

func (f *finder) hasSubjectOrRelative(c int) bool {
	for d := f.first[c]; d >= 0; d = f.next[d] {
		if x := f.toks[d].XPOS; f.base[d] == "nsubj" || f.base[d] == "expl" || f.base[d] == "mark" || x == "WDT" || x == "WP" || x == "WP$" || x == "WRB" {
			return true
		}
	}
	return false
}

var clauseRels = map[string]bool{
	"ccomp": true, "advcl": true, "acl": true, "parataxis": true, "csubj": true,
	"xcomp": true, "list": true,
}

func finiteTag(x string) bool { return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" }

func (f *finder) hasRelPronoun(h int) bool {
	for c := f.first[h]; c >= 0; c = f.next[c] {
		if x := f.toks[c].XPOS; x == "WDT" || x == "WP" || x == "WP$" {
			return true
		}
	}
	return false
}

func isNominal(u string) bool { return u == "NOUN" || u == "PROPN" }

func (f *finder) hasChild(h int, rel string) bool {
	for c := f.first[h]; c >= 0; c = f.next[c] {
		if f.base[c] == rel {
			return true
		}
	}
	return false
}

func (f *finder) child(h int, rel string) int {
	for c := f.first[h]; c >= 0; c = f.next[c] {
		if f.rel[c] == rel {
			return c
		}
	}
	return -1
}

func isNominalOrPron(u string) bool { return u == "NOUN" || u == "PROPN" || u == "PRON" }
