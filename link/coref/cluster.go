package coref

import (
	"cmp"
	"slices"

	"github.com/crosscheck/crosscheck"
)

// Doc is what clustering needs to know of a document.
type Doc struct {
	ID        string
	Published crosscheck.Date
	// Outlet names the publisher; it is carried for callers and does not
	// change the clustering.
	Outlet string
}

// Docs indexes document summaries by ID.
func Docs(summaries []crosscheck.DocumentSummary) map[string]Doc {
	m := make(map[string]Doc, len(summaries))
	for _, s := range summaries {
		m[s.ID] = Doc{ID: s.ID, Published: s.Published, Outlet: s.Outlet}
	}
	return m
}

// Option changes how Cluster works.
type Option func(*config)

type config struct {
	up    map[string][]string
	names map[string]string
}

// WithEntities lets Cluster use the resolver's entities: an entity and
// the entity it is part of or the government of ("State Security
// Service" and "Valdoria", "Osterhaven" and "Valdoria") count as a
// partial match of a role instead of a conflict, and titles name an actor
// by its canonical name where the report has a pronoun or description
// ("it", "the service").
func WithEntities(entities []crosscheck.Entity) Option {
	return func(c *config) {
		if c.up == nil {
			c.up, c.names = map[string][]string{}, map[string]string{}
		}
		for _, e := range entities {
			if e.Name != "" {
				c.names[e.ID] = e.Name
			}
			for _, r := range e.Relations {
				if r.Kind == crosscheck.RelPartOf || r.Kind == crosscheck.RelGovernmentOf {
					c.up[e.ID] = append(c.up[e.ID], r.Entity)
				}
			}
		}
	}
}

// Blocking limits: a key with more mentions than maxFull is not expanded
// to all pairs; each mention is paired with its next window neighbours
// in time order instead.
const (
	maxFull = 48
	window  = 24
)

// Cluster merges event mentions that report the same real-world event
// into events. docs gives the publication dates; a mention whose document
// is missing from docs counts as from an undated document. Every mention
// ends up in exactly one event. The result is the same for any order of
// the input; events come in time order (undated last).
func Cluster(mentions []crosscheck.EventMention, docs map[string]Doc, opts ...Option) []crosscheck.Event {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	ms := slices.Clone(mentions)
	slices.SortFunc(ms, func(a, b crosscheck.EventMention) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.DocID, b.DocID),
			cmp.Compare(a.Sentence, b.Sentence), cmp.Compare(a.TriggerSpan.Start, b.TriggerSpan.Start))
	})
	s := &scorer{f: make([]feat, len(ms)), up: cfg.up}
	for i := range ms {
		s.f[i] = newFeat(&ms[i], docs)
	}
	orderFeats(s.f)
	s.specE, s.specT = spreads(s.f)

	roots := agglomerate(s, candidates(s.f))
	groups := map[int][]int{}
	for i := range s.f {
		r := roots[i]
		groups[r] = append(groups[r], i)
	}
	events := make([]crosscheck.Event, 0, len(groups))
	for _, members := range groups {
		events = append(events, buildEvent(s.f, members, cfg.names))
	}
	SortEvents(events)
	return events
}

// orderFeats numbers mentions by publication (known first), then ID.
func orderFeats(f []feat) {
	idx := make([]int, len(f))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		pa, pb := f[a].pub, f[b].pub
		if pa == negInf {
			pa = posInf
		}
		if pb == negInf {
			pb = posInf
		}
		return cmp.Compare(pa, pb)
	})
	for rank, i := range idx {
		f[i].order = rank
	}
}

// week returns the week a placed mention most likely falls in.
func (f *feat) week() (int32, bool) {
	mid, ok := f.mid()
	return mid / 7, ok
}

// mid returns the middle day of a mention's most likely interval.
func (f *feat) mid() (int32, bool) {
	c := f.when.core
	switch {
	case f.when.basis == basisUnplaced:
		return 0, false
	case c.lo <= negInf && c.hi >= posInf:
		return 0, false
	case c.lo <= negInf:
		return c.hi, true
	case c.hi >= posInf:
		return c.lo, true
	}
	return c.lo + (c.hi-c.lo)/2, true
}

// spreads counts in how many distinct weeks each participant entity and
// name word appears, and turns that into specificity weights.
func spreads(f []feat) (ents, toks map[string]float64) {
	type kw struct {
		key  string
		week int32
	}
	seenE, seenT := map[kw]struct{}{}, map[kw]struct{}{}
	nE, nT := map[string]int{}, map[string]int{}
	for i := range f {
		w, ok := f[i].week()
		if !ok {
			continue
		}
		for _, r := range []*role{&f[i].agent, &f[i].pat, &f[i].place} {
			for _, e := range r.ents {
				if _, dup := seenE[kw{e, w}]; !dup {
					seenE[kw{e, w}] = struct{}{}
					nE[e]++
				}
			}
			for _, t := range r.toks {
				if _, dup := seenT[kw{t, w}]; !dup {
					seenT[kw{t, w}] = struct{}{}
					nT[t]++
				}
			}
		}
	}
	ents, toks = map[string]float64{}, map[string]float64{}
	for k, n := range nE {
		if n > genericWeeks {
			ents[k] = specificity(n)
		}
	}
	for k, n := range nT {
		if n > genericWeeks {
			toks[k] = specificity(n)
		}
	}
	return ents, toks
}

// candidates returns the pairs (i<j, as i<<32|j) worth scoring: same type
// and a shared key.
func candidates(f []feat) []uint64 {
	byType := map[string]map[string][]int{}
	add := func(typ, key string, i int) {
		m := byType[typ]
		if m == nil {
			m = map[string][]int{}
			byType[typ] = m
		}
		m[key] = append(m[key], i)
	}
	for i := range f {
		t := f[i].m.Type
		add(t, "d\x00"+f[i].doc, i)
		if f[i].group != "" {
			add(t, "g\x00"+f[i].group, i)
		} else if f[i].lemma != "" {
			add(t, "l\x00"+f[i].lemma, i)
		}
		for _, r := range []*role{&f[i].agent, &f[i].pat, &f[i].place, &f[i].name} {
			for _, e := range r.ents {
				add(t, "e\x00"+e, i)
			}
			if !r.resolved {
				for _, w := range r.toks {
					add(t, "t\x00"+w, i)
				}
			}
		}
	}
	var pairs []uint64
	emit := func(a, b int) {
		if a > b {
			a, b = b, a
		}
		pairs = append(pairs, uint64(a)<<32|uint64(b))
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		for _, list := range byType[t] {
			if len(list) <= maxFull {
				for x := range list {
					for y := x + 1; y < len(list); y++ {
						emit(list[x], list[y])
					}
				}
				continue
			}
			// Sorted neighbourhood: mentions in time order (unplaced last),
			// each paired with the next window ones.
			slices.SortFunc(list, func(a, b int) int {
				ma, oka := f[a].mid()
				mb, okb := f[b].mid()
				if oka != okb {
					if oka {
						return -1
					}
					return 1
				}
				return cmp.Or(cmp.Compare(ma, mb), cmp.Compare(a, b))
			})
			for x := range list {
				for y := x + 1; y < len(list) && y <= x+window; y++ {
					emit(list[x], list[y])
				}
			}
		}
	}
	slices.Sort(pairs)
	return slices.Compact(pairs)
}

// maxSide bounds the mentions of each cluster compared when two clusters
// are merged; a larger cluster is sampled evenly.
const maxSide = 64

// agglomerate merges mentions best pair first and returns each mention's
// cluster root.
func agglomerate(s *scorer, pairs []uint64) []int {
	type prop struct {
		i, j  int32
		score float64
	}
	var props []prop
	for _, p := range pairs {
		i, j := int(p>>32), int(uint32(p))
		sc, v := s.pair(i, j)
		if v == canLink && sc >= linkScore {
			props = append(props, prop{int32(i), int32(j), sc})
		}
	}
	slices.SortFunc(props, func(a, b prop) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})

	n := len(s.f)
	parent := make([]int, n)
	members := make([][]int, n)
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	type tried struct{ a, b, na, nb int }
	rejected := map[tried]bool{}
	for _, p := range props {
		ra, rb := find(int(p.i)), find(int(p.j))
		if ra == rb {
			continue
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		key := tried{ra, rb, len(members[ra]), len(members[rb])}
		if rejected[key] {
			continue
		}
		if !s.compatible(members[ra], members[rb]) {
			rejected[key] = true
			continue
		}
		parent[rb] = ra
		members[ra] = append(members[ra], members[rb]...)
		members[rb] = nil
	}
	s.attach(members, parent, find)
	roots := make([]int, n)
	for i := range roots {
		roots[i] = find(i)
	}
	return roots
}

// attach merges a cluster made only of news mentions of one document
// (a headline and body lines without participants, say) into the cluster
// that holds the document's other news mentions of the type, when their
// mean score with those mentions reaches linkScore, none of them gives an
// incompatible count, and no pair across the two clusters breaks a hard
// rule or the veto. Cross-document pairs are
// what kept them apart; within the article the link is clear.
func (s *scorer) attach(members [][]int, parent []int, find func(int) int) {
	// Clusters holding news mentions, by document and type.
	type docType struct{ doc, typ string }
	holders := map[docType][]int{}
	for r, ms := range members {
		for _, i := range ms {
			if f := &s.f[i]; !f.recap {
				k := docType{f.doc, f.m.Type}
				if h := holders[k]; len(h) == 0 || h[len(h)-1] != r {
					holders[k] = append(holders[k], r)
				}
			}
		}
	}
	for r := range members {
		ms := members[r]
		if len(ms) == 0 || parent[r] != r {
			continue
		}
		first := &s.f[ms[0]]
		single := true
		for _, i := range ms {
			if s.f[i].doc != first.doc || s.f[i].recap {
				single = false
				break
			}
		}
		if !single {
			continue
		}
		best, bestScore := -1, 0.0
		for _, k := range holders[docType{first.doc, first.m.Type}] {
			k = find(k)
			if k == r || len(members[k]) == 0 {
				continue
			}
			if !s.compatibleWith(ms, members[k], vetoScore) {
				continue
			}
			var sum float64
			var n int
			for _, i := range ms {
				for _, j := range members[k] {
					if s.f[j].doc == first.doc && !s.f[j].recap {
						if ok, _, _ := countsCompatible(s.f[i].counts, s.f[j].counts); !ok {
							n = -1 // one article giving two counts: two events
							break
						}
						sc, _ := s.pair(i, j)
						sum += sc
						n++
					}
				}
				if n < 0 {
					break
				}
			}
			if n > 0 && sum/float64(n) >= linkScore && (best < 0 || sum/float64(n) > bestScore) {
				best, bestScore = k, sum/float64(n)
			}
		}
		if best >= 0 {
			parent[r] = best
			members[best] = append(members[best], ms...)
			members[r] = nil
		}
	}
}

// compatibleWith reports whether no pair across two clusters breaks a
// hard rule or scores at or below veto (sampled like compatible).
func (s *scorer) compatibleWith(a, b []int, veto float64) bool {
	sa, sb := (len(a)+maxSide-1)/maxSide, (len(b)+maxSide-1)/maxSide
	for x := 0; x < len(a); x += sa {
		for y := 0; y < len(b); y += sb {
			if sc, v := s.pair(a[x], b[y]); v == blocked || sc <= veto {
				return false
			}
		}
	}
	return true
}

// compatible reports whether two clusters may merge: no hard rule and no
// pair at or below vetoScore between their mentions, and a mean pair
// score of at least meanScore. Pairs with an unplaced mention lack the
// time score and count in the mean only when there are no others.
func (s *scorer) compatible(a, b []int) bool {
	sa, sb := (len(a)+maxSide-1)/maxSide, (len(b)+maxSide-1)/maxSide
	var sum, usum float64
	var n, un int
	for x := 0; x < len(a); x += sa {
		for y := 0; y < len(b); y += sb {
			sc, v := s.pair(a[x], b[y])
			if v == blocked || sc <= vetoScore {
				return false
			}
			if s.f[a[x]].when.basis == basisUnplaced || s.f[b[y]].when.basis == basisUnplaced {
				usum += sc // no time to score: these pairs run low
				un++
				continue
			}
			sum += sc
			n++
		}
	}
	if n == 0 {
		return usum/float64(un) >= meanScore
	}
	return sum/float64(n) >= meanScore
}
