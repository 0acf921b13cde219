package entity

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// The cross-document pass joins the documents' clusters with a
// union-find. Every rule looks candidates up in an index (by key,
// skeleton, surname, acronym, initials or word), never by comparing all
// pairs. Each union checks that the two sides may be one: qualifiers
// must not name different countries, and names a text says were renamed
// stay apart.

type linker struct {
	w      *world
	outs   []*docOut
	nodes  []*cluster
	parent []int
	labels []votes
	qual   []string
	forbid map[int][]int
	// exact maps key+"|"+qualifier to a node.
	exact map[string]int
	// entries and post index organisation names by word (indexNames).
	entries []nameEntry
	post    map[string][]int
}

func (l *linker) find(i int) int {
	for l.parent[i] != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = l.parent[i]
	}
	return i
}

// union joins the sets of a and b unless that is forbidden; it reports
// whether they are one set afterwards.
func (l *linker) union(a, b int) bool {
	ra, rb := l.find(a), l.find(b)
	if ra == rb {
		return true
	}
	if !compatible(l.qual[ra], l.qual[rb]) {
		return false
	}
	for _, x := range l.forbid[ra] {
		if l.find(x) == rb {
			return false
		}
	}
	for _, x := range l.forbid[rb] {
		if l.find(x) == ra {
			return false
		}
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	l.parent[rb] = ra
	l.labels[ra].add(l.labels[rb])
	if l.qual[ra] == "" {
		l.qual[ra] = l.qual[rb]
	}
	if f := l.forbid[rb]; len(f) > 0 {
		l.forbid[ra] = append(l.forbid[ra], f...)
		delete(l.forbid, rb)
	}
	return true
}

func (l *linker) typeOf(i int) string { return l.labels[l.find(i)].top() }

// group is one entity in the making.
type group struct {
	refs   []docRef
	labels votes
	qual   string
	rels   []groupRel
	// country is the country key of a group that is a country; capital
	// the country key whose capital the group is.
	country, capital string
	// fallback is the name of a group that has no name mention (a
	// country known only from demonyms or metonyms).
	fallback string
	rename   string
}

type docRef struct {
	doc int
	ref
}

type groupRel struct {
	kind string
	to   *group
}

func (r *resolver) link(outs []*docOut) []*group {
	l := &linker{w: r.w, outs: outs, forbid: map[int][]int{}, exact: map[string]int{}}
	idx := map[*cluster]int{}
	for _, o := range outs {
		for _, c := range o.clusters {
			idx[c] = len(l.nodes)
			l.nodes = append(l.nodes, c)
			l.parent = append(l.parent, len(l.parent))
			l.labels = append(l.labels, c.labels)
			l.qual = append(l.qual, c.qual)
		}
	}
	var renames [][2]int
	for _, o := range outs {
		for _, p := range o.renames {
			a, b := idx[p[0]], idx[p[1]]
			l.forbid[a] = append(l.forbid[a], b)
			l.forbid[b] = append(l.forbid[b], a)
			renames = append(renames, [2]int{a, b})
		}
	}
	l.exactNames()
	l.fuzzy()
	l.surnames()
	l.acronyms()
	l.subsets()
	return l.groups(renames)
}

// exactNames joins clusters that share a key. A qualified key joins its
// own qualifier; a bare key joins the one qualifier the corpus gives it,
// or, when there are several, the one whose country the document names.
func (l *linker) exactNames() {
	quals := map[string][]string{}
	reg := func(k string, i int) {
		if j, ok := l.exact[k]; ok {
			l.union(j, i)
			return
		}
		l.exact[k] = i
	}
	for i, c := range l.nodes {
		if c.short != "" || c.bareAcr != "" || c.qual == "" {
			continue
		}
		for _, k := range c.keys {
			if !contains(quals[k], c.qual) {
				quals[k] = append(quals[k], c.qual)
			}
			reg(k+"|"+c.qual, i)
		}
	}
	for i, c := range l.nodes {
		if c.short != "" || c.bareAcr != "" || c.qual != "" {
			continue
		}
		for _, k := range c.keys {
			q := ""
			switch qs := quals[k]; len(qs) {
			case 0:
			case 1:
				q = qs[0]
			default:
				for _, x := range qs {
					if l.outs[c.doc].countries[x] {
						if q != "" {
							q = ""
							break
						}
						q = x
					}
				}
			}
			reg(k+"|"+q, i)
		}
	}
}

// fuzzy joins spelling and transliteration variants: keys that share a
// consonant skeleton, have the same type and pass similarNames, unless
// the gazetteer knows both as different places.
func (l *linker) fuzzy() {
	type entry struct {
		key string
		i   int
	}
	buckets := map[string][]entry{}
	seen := map[string]bool{}
	for i, c := range l.nodes {
		if c.bareAcr != "" {
			continue
		}
		for _, k := range c.keys {
			kq := k + "|" + c.qual
			if seen[kq] || len(k) < 6 {
				continue
			}
			seen[kq] = true
			sk := skeleton(k)
			buckets[sk] = append(buckets[sk], entry{k, i})
		}
	}
	sks := make([]string, 0, len(buckets))
	for sk, b := range buckets {
		if len(b) > 1 {
			sks = append(sks, sk)
		}
	}
	sort.Strings(sks)
	for _, sk := range sks {
		b := buckets[sk]
		// A large bucket (a short skeleton) is compared in key order,
		// each key with its next neighbours only.
		window := len(b)
		if len(b) > 64 {
			sort.Slice(b, func(i, j int) bool { return b[i].key < b[j].key })
			window = 8
		}
		for x := range b {
			for y := x + 1; y < len(b) && y <= x+window; y++ {
				a, c := b[x], b[y]
				if a.key == c.key || l.find(a.i) == l.find(c.i) || l.typeOf(a.i) != l.typeOf(c.i) {
					continue
				}
				if l.knownApart(a.key, c.key) || !similarNames(a.key, c.key) {
					continue
				}
				l.union(a.i, c.i)
			}
		}
	}
}

// knownApart reports whether the gazetteer knows two different keys as
// names of places or countries ("Iran" and "Iraq"; "Austria" and
// "Australia").
func (l *linker) knownApart(a, b string) bool {
	ka := l.w.country[a] != "" || l.w.countryLike[a] || gazetteer.Lookup(a) != 0
	kb := l.w.country[b] != "" || l.w.countryLike[b] || gazetteer.Lookup(b) != 0
	return ka && kb
}

// surnames joins "George W. Bush" to "George Bush" when that is the only
// such name, and one-word person names to the one full name in the
// corpus that ends with them. A surname shared by several full names
// stays an entity of its own.
func (l *linker) surnames() {
	isPerson := func(i int) bool { return l.typeOf(i) == crosscheck.LabelPerson }
	two := map[string][]int{}
	for i, c := range l.nodes {
		if c.short != "" || !isPerson(i) {
			continue
		}
		for _, ws := range c.words {
			if len(ws) == 2 {
				two[ws[0]+" "+ws[1]] = append(two[ws[0]+" "+ws[1]], i)
			}
		}
	}
	for i, c := range l.nodes {
		if c.short != "" || !isPerson(i) {
			continue
		}
		for _, ws := range c.words {
			if len(ws) < 3 {
				continue
			}
			if j, ok := l.unique(two[ws[0]+" "+ws[len(ws)-1]]); ok {
				l.union(j, i)
			}
		}
	}
	last := map[string][]int{}
	for i, c := range l.nodes {
		if c.short != "" || !isPerson(i) {
			continue
		}
		for _, ws := range c.words {
			if len(ws) >= 2 {
				last[ws[len(ws)-1]] = append(last[ws[len(ws)-1]], i)
			}
		}
	}
	shorts := map[string][]int{}
	var order []string
	for i, c := range l.nodes {
		if c.short != "" {
			if _, ok := shorts[c.short]; !ok {
				order = append(order, c.short)
			}
			shorts[c.short] = append(shorts[c.short], i)
		}
	}
	for _, s := range order {
		ns := shorts[s]
		for _, i := range ns[1:] {
			l.union(ns[0], i)
		}
		if j, ok := l.unique(last[s]); ok {
			l.union(j, ns[0])
			continue
		}
		if len(last[s]) > 0 {
			continue
		}
		if j, ok := l.exact[s+"|"]; ok && gazetteer.Lookup(s)&(gazetteer.CountryName|gazetteer.Capital|gazetteer.CityName|gazetteer.State|gazetteer.Region) == 0 {
			l.union(j, ns[0])
		}
	}
}

// unique returns the one set among the nodes, if there is exactly one.
func (l *linker) unique(ns []int) (int, bool) {
	if len(ns) == 0 {
		return 0, false
	}
	r := l.find(ns[0])
	for _, n := range ns[1:] {
		if l.find(n) != r {
			return 0, false
		}
	}
	return ns[0], true
}

// acronyms joins the expansions of one acronym when they are variants of
// one name ("Islamic Revolutionary Guard Corps (IRGC)" and "Iranian
// Revolutionary Guard Corps (IRGC)"), then bare uses of an acronym to
// the one entity it is defined for anywhere in the corpus, or, when it
// is defined nowhere, to the one organisation whose initials it spells.
func (l *linker) acronyms() {
	defs := map[string][]int{}
	var acrs []string
	for i, c := range l.nodes {
		for _, a := range c.acrs {
			if _, ok := defs[a]; !ok {
				acrs = append(acrs, a)
			}
			defs[a] = append(defs[a], i)
		}
	}
	sort.Strings(acrs)
	for _, a := range acrs {
		// One node per distinct set: the same expansion in many
		// documents was joined by exactNames already.
		var reps []int
		seen := map[int]bool{}
		for _, n := range defs[a] {
			if r := l.find(n); !seen[r] {
				seen[r] = true
				reps = append(reps, n)
			}
		}
		for x := range reps {
			for y := x + 1; y < len(reps) && y < 64; y++ {
				if l.find(reps[x]) != l.find(reps[y]) && expansionsAlike(l.nodes[reps[x]], l.nodes[reps[y]]) {
					l.union(reps[x], reps[y])
				}
			}
		}
	}
	var inits map[string][]int
	bare := map[string][]int{}
	var bareKeys []string
	for i, c := range l.nodes {
		if c.bareAcr == "" {
			continue
		}
		if _, ok := bare[c.bareAcr]; !ok {
			bareKeys = append(bareKeys, c.bareAcr)
		}
		bare[c.bareAcr] = append(bare[c.bareAcr], i)
	}
	sort.Strings(bareKeys)
	for _, a := range bareKeys {
		ns := bare[a]
		target, ok := l.unique(defs[a])
		if !ok && len(defs[a]) == 0 {
			if inits == nil {
				inits = l.initialsIndex()
			}
			target, ok = l.unique(inits[a])
		}
		for _, i := range ns {
			if ok && l.union(target, i) {
				continue
			}
			// Bare uses of one acronym are one entity unless their
			// qualifiers differ.
			for _, j := range ns {
				if j == i {
					break
				}
				if l.union(j, i) {
					break
				}
			}
		}
	}
}

// expansionsAlike reports whether two expansions of one acronym share
// at least half their words.
func expansionsAlike(a, b *cluster) bool {
	if !compatible(a.qual, b.qual) {
		return false
	}
	for _, x := range a.words {
		for _, y := range b.words {
			if jaccard(x, y) >= 0.5 {
				return true
			}
		}
	}
	return false
}

func jaccard(a, b []string) float64 {
	set := map[string]bool{}
	for _, w := range a {
		set[w] = true
	}
	inter, union := 0, len(set)
	for _, w := range b {
		if set[w] {
			inter++
			delete(set, w)
		} else {
			union++
		}
	}
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// initialsIndex maps the initials of organisation names to their nodes.
func (l *linker) initialsIndex() map[string][]int {
	m := map[string][]int{}
	for i, c := range l.nodes {
		if c.bareAcr != "" || c.short != "" || c.country {
			continue
		}
		switch l.typeOf(i) {
		case crosscheck.LabelOrg, crosscheck.LabelFac, crosscheck.LabelEvent:
		default:
			continue
		}
		for k := range c.words {
			for _, ws := range [][]string{c.words[k], c.fulls[k]} {
				if len(ws) >= 2 {
					a := initials(ws)
					m[a] = append(m[a], i)
				}
			}
		}
	}
	return m
}

// nameEntry is an organisation name of two words or more, for lookups
// by word.
type nameEntry struct {
	words []string
	i     int
}

// indexNames indexes the organisation names of two words or more by
// their distinctive (not generic) words.
func (l *linker) indexNames() {
	l.post = map[string][]int{}
	for i, c := range l.nodes {
		switch l.typeOf(i) {
		case crosscheck.LabelOrg, crosscheck.LabelFac, crosscheck.LabelEvent:
		default:
			continue
		}
		if c.bareAcr != "" || c.country {
			continue
		}
		for _, ws := range c.words {
			if len(ws) < 2 {
				continue
			}
			e := len(l.entries)
			l.entries = append(l.entries, nameEntry{ws, i})
			seen := map[string]bool{}
			for _, w := range ws {
				if !genericWords[w] && !seen[w] {
					seen[w] = true
					l.post[w] = append(l.post[w], e)
				}
			}
		}
	}
}

// containing returns the one set that has a longer name holding all of
// ws in order, other than self, and allowed by ok; found is false when
// there is none or more than one.
func (l *linker) containing(ws []string, self int, ok func(root int) bool) (root int, found bool) {
	// The rarest distinctive word's postings are the candidates.
	var best []int
	for _, w := range ws {
		if genericWords[w] || stopWords[w] {
			continue
		}
		p, in := l.post[w]
		if !in {
			return 0, false
		}
		if best == nil || len(p) < len(best) {
			best = p
		}
	}
	root = -1
	for _, e := range best {
		en := l.entries[e]
		if len(en.words) <= len(ws) || !containsInOrder(ws, en.words) {
			continue
		}
		ri := l.find(en.i)
		if ri == self || !ok(ri) {
			continue
		}
		if root >= 0 && root != ri {
			return 0, false
		}
		root = ri
	}
	return root, root >= 0
}

// subsets joins a shorter organisation name to the one longer name in
// the corpus that holds all its words in order ("Revolutionary Guard"
// and "Islamic Revolutionary Guard Corps"; "the Vanguard" and
// "Revolutionary Vanguard Corps"). Names made only of generic words
// ("the Ministry") and place names never join this way.
func (l *linker) subsets() {
	l.indexNames()
	for i, c := range l.nodes {
		if c.bareAcr != "" || c.country || len(c.acrs) > 0 {
			continue
		}
		if t := l.typeOf(i); t == crosscheck.LabelGPE || t == crosscheck.LabelLoc || t == crosscheck.LabelNORP || (t == crosscheck.LabelPerson && c.short == "") {
			continue
		}
		for _, ws := range c.words {
			k := strings.Join(ws, " ")
			// A one-word core of a qualified name ("Russian Revolution" →
			// "revolution") says too little to join another name.
			if allGeneric(ws) || l.w.places[k] || gazetteer.Lookup(k).GPE() || (c.qual != "" && len(ws) < 2) {
				continue
			}
			self := l.find(i)
			if root, ok := l.containing(ws, self, func(r int) bool { return compatible(l.qual[r], l.qual[self]) }); ok {
				l.union(root, i)
			}
		}
	}
}

// groups turns the sets into groups, adds the mentions that belong to
// countries (demonyms, capitals acting as governments) and the
// relations between groups.
func (l *linker) groups(renames [][2]int) []*group {
	byRoot := map[int]*group{}
	var out []*group
	get := func(i int) *group {
		r := l.find(i)
		g := byRoot[r]
		if g == nil {
			g = &group{labels: l.labels[r], qual: l.qual[r]}
			byRoot[r] = g
			out = append(out, g)
		}
		return g
	}
	for i, c := range l.nodes {
		g := get(i)
		for _, rf := range c.refs {
			g.refs = append(g.refs, docRef{c.doc, rf})
		}
		if c.country && len(c.keys) > 0 {
			g.country = c.keys[0]
		}
	}
	countries := map[string]*group{}
	for _, g := range out {
		if g.country != "" {
			if _, ok := countries[g.country]; !ok {
				countries[g.country] = g
			}
		}
	}
	// Invented countries have no country flag: find them by key.
	country := func(ck string) *group {
		if g := countries[ck]; g != nil {
			return g
		}
		if i, ok := l.exact[ck+"|"]; ok {
			g := get(i)
			countries[ck] = g
			return g
		}
		g := &group{country: ck, fallback: l.w.countryName(ck)}
		g.labels[labelIndex(crosscheck.LabelGPE)] = 1
		out = append(out, g)
		countries[ck] = g
		return g
	}
	for _, o := range l.outs {
		for _, a := range o.attach {
			g := country(a.country)
			g.refs = append(g.refs, docRef{a.doc, a.ref})
		}
		for _, f := range o.floating {
			i, ok := l.exact[f.key+"|"+f.qual]
			if !ok && !allGeneric(strings.Fields(f.key)) {
				i, ok = l.containing(strings.Fields(f.key), -1, func(r int) bool { return l.qual[r] == f.qual })
			}
			if ok {
				g := get(i)
				g.refs = append(g.refs, docRef{f.doc, f.ref})
			}
		}
	}
	for i, c := range l.nodes {
		if c.country || len(c.keys) == 0 {
			continue
		}
		g := get(i)
		if g.capital != "" || g.labels.top() != crosscheck.LabelGPE {
			continue
		}
		for _, k := range c.keys {
			if ck := l.w.capitalOf(k); ck != "" && ck != k {
				if cg := countries[ck]; cg != nil && cg != g {
					g.capital = ck
					g.rels = append(g.rels, groupRel{crosscheck.RelGovernmentOf, cg})
				}
				break
			}
		}
	}
	for _, p := range renames {
		a, b := get(p[0]), get(p[1])
		if a != b && !hasRel(a, crosscheck.RelRenamed, b) {
			a.rels = append(a.rels, groupRel{crosscheck.RelRenamed, b})
			b.rels = append(b.rels, groupRel{crosscheck.RelRenamed, a})
		}
	}
	return out
}

func hasRel(g *group, kind string, to *group) bool {
	for _, r := range g.rels {
		if r.kind == kind && r.to == to {
			return true
		}
	}
	return false
}
