package entity

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// aliasKey is how decisions and aliases compare names: folded words of
// the name without "the" or a possessive.
func aliasKey(s string) string { return plainKey(trimName(s)) }

type aliasInfo struct {
	key     string
	count   int
	core    int
	acronym bool
	forms   map[string]int
}

// aliases groups a group's name and acronym mentions by alias key, most
// frequent first.
func (g *group) aliases() []*aliasInfo {
	by := map[string]*aliasInfo{}
	var out []*aliasInfo
	for _, r := range g.refs {
		if r.kind != crosscheck.RefName && r.kind != crosscheck.RefAcronym {
			continue
		}
		k := r.akey
		if k == "" {
			continue
		}
		a := by[k]
		if a == nil {
			a = &aliasInfo{key: k, forms: map[string]int{}, acronym: true}
			by[k] = a
			out = append(out, a)
		}
		a.count++
		a.core = max(a.core, r.core)
		a.acronym = a.acronym && r.kind == crosscheck.RefAcronym
		a.forms[r.alias]++
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].key < out[j].key
	})
	return out
}

// form returns the spelling of an alias: the most frequent one,
// preferring mixed case over a dateline's capitals.
func (a *aliasInfo) form() string {
	best, bn := "", -1
	for f, n := range a.forms {
		score := n * 2
		if !a.acronym && isShouting(f) {
			score = n
		}
		if score > bn || (score == bn && f < best) {
			best, bn = f, score
		}
	}
	return best
}

func isShouting(s string) bool {
	lower, upper := 0, 0
	for _, r := range s {
		if unicode.IsLower(r) {
			lower++
		} else if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper > 1 && lower == 0
}

// canonical returns the fullest frequent name: for people the most
// frequent name of two words or more; for others, among the names used
// at least a quarter as often as the most frequent one, the one with
// most words (not counting a country written before it), then the more
// frequent. Acronyms name an entity only when it has no other name.
func (g *group) canonical() string {
	as := g.aliases()
	var names []*aliasInfo
	for _, a := range as {
		if !a.acronym {
			names = append(names, a)
		}
	}
	if len(names) == 0 {
		names = as
	}
	if len(names) == 0 {
		return g.fallback
	}
	if g.labels.top() == crosscheck.LabelPerson {
		for _, a := range names {
			if strings.Contains(a.key, " ") {
				return a.form()
			}
		}
		return names[0].form()
	}
	top := names[0].count
	best := names[0]
	for _, a := range names[1:] {
		if a.count*4 < top {
			continue
		}
		if a.core > best.core || (a.core == best.core && a.count > best.count) {
			best = a
		}
	}
	return best.form()
}

// entityID derives an ID from the type and the canonical name's key.
func entityID(typ, key string, salt ...string) string {
	s := typ + "|" + key
	for _, x := range salt {
		s += "|" + x
	}
	h := sha256.Sum256([]byte(s))
	return "E" + hex.EncodeToString(h[:])[:10]
}

func (r *resolver) result(groups []*group) *Result {
	res := &Result{at: map[string][]spanEntity{}, Stats: Stats{Refs: map[string]int{}}}
	type built struct {
		g   *group
		e   crosscheck.Entity
		key string
	}
	var bs []*built
	for _, g := range groups {
		if len(g.refs) == 0 {
			continue
		}
		typ := g.labels.top()
		if typ == "" {
			typ = crosscheck.LabelGPE
		}
		name := g.canonical()
		b := &built{g: g, key: aliasKey(name)}
		b.e = crosscheck.Entity{Type: typ, Name: name}
		if g.rename != "" {
			b.e.Name = g.rename
		}
		for _, a := range g.aliases() {
			b.e.Aliases = append(b.e.Aliases, crosscheck.Alias{Name: a.form(), Count: a.count})
		}
		sort.SliceStable(g.refs, func(i, j int) bool {
			a, c := g.refs[i], g.refs[j]
			da, dc := r.docs[a.doc].Doc.ID, r.docs[c.doc].Doc.ID
			if da != dc {
				return da < dc
			}
			if a.span.Start != c.span.Start {
				return a.span.Start < c.span.Start
			}
			return a.span.End < c.span.End
		})
		docs := map[int]bool{}
		for _, rf := range g.refs {
			docs[rf.doc] = true
			b.e.Mentions = append(b.e.Mentions, crosscheck.EntityRef{
				DocID: r.docs[rf.doc].Doc.ID, Span: rf.span, Sentence: rf.sent, Text: rf.text,
				Kind: rf.kind, Extractor: Version,
			})
			res.Stats.Refs[rf.kind]++
		}
		b.e.Docs = len(docs)
		bs = append(bs, b)
	}
	sort.SliceStable(bs, func(i, j int) bool {
		a, c := bs[i].e, bs[j].e
		if len(a.Mentions) != len(c.Mentions) {
			return len(a.Mentions) > len(c.Mentions)
		}
		if a.Name != c.Name {
			return a.Name < c.Name
		}
		if a.Type != c.Type {
			return a.Type < c.Type
		}
		return a.Mentions[0].DocID < c.Mentions[0].DocID || (a.Mentions[0].DocID == c.Mentions[0].DocID && a.Mentions[0].Span.Start < c.Mentions[0].Span.Start)
	})
	// IDs: from type and key; on a collision (two entities of one name
	// kept apart) the qualifier, then a sequence number, is added.
	used := map[string]bool{}
	idOf := map[*group]string{}
	for _, b := range bs {
		id := entityID(b.e.Type, b.key)
		if used[id] {
			id = entityID(b.e.Type, b.key, b.g.qual)
			for n := 2; used[id]; n++ {
				id = entityID(b.e.Type, b.key, b.g.qual, fmt.Sprint(n))
			}
		}
		used[id] = true
		b.e.ID = id
		idOf[b.g] = id
	}
	// Two entities of one type and name: name them by their country.
	same := map[string][]*built{}
	for _, b := range bs {
		k := b.e.Type + "|" + strings.ToLower(b.e.Name)
		same[k] = append(same[k], b)
	}
	for _, b := range bs {
		if len(same[b.e.Type+"|"+strings.ToLower(b.e.Name)]) > 1 && b.g.qual != "" && b.g.rename == "" {
			b.e.Name += " (" + r.w.countryName(b.g.qual) + ")"
		}
	}
	for i, b := range bs {
		for _, rel := range b.g.rels {
			if id := idOf[rel.to]; id != "" && id != b.e.ID {
				b.e.Relations = append(b.e.Relations, crosscheck.Relation{Kind: rel.kind, Entity: id})
			}
		}
		res.Entities = append(res.Entities, b.e)
		for _, m := range b.e.Mentions {
			res.at[m.DocID] = append(res.at[m.DocID], spanEntity{m.Span, i})
		}
	}
	for _, s := range res.at {
		sort.Slice(s, func(i, j int) bool { return s[i].span.Start < s[j].span.Start })
	}
	return res
}
