package entity

import (
	"github.com/crosscheck/crosscheck"
)

// A user's decisions are applied, in order, to the groups the automatic
// resolver made. They name entities by any of their names (canonical or
// alias, compared by aliasKey), so they apply again after re-processing.

// hasName reports whether the group goes by the name with key k.
func (g *group) hasName(k string) bool {
	if k == "" {
		return false
	}
	if aliasKey(g.canonical()) == k || (g.rename != "" && aliasKey(g.rename) == k) {
		return true
	}
	for _, r := range g.refs {
		if (r.kind == crosscheck.RefName || r.kind == crosscheck.RefAcronym) && r.akey == k {
			return true
		}
	}
	return false
}

func (g *group) hasType(t string) bool { return t == "" || g.labels.top() == t }

// decide applies one decision and reports whether it changed anything.
func decide(groups []*group, d crosscheck.Decision) ([]*group, bool) {
	ka, kb := aliasKey(d.A), aliasKey(d.B)
	switch d.Kind {
	case crosscheck.DecideMerge:
		var hit []*group
		for _, g := range groups {
			if g.hasType(d.Type) && (g.hasName(ka) || g.hasName(kb)) {
				hit = append(hit, g)
			}
		}
		if len(hit) < 2 {
			return groups, false
		}
		into := hit[0]
		gone := map[*group]bool{}
		for _, g := range hit[1:] {
			into.refs = append(into.refs, g.refs...)
			into.labels.add(g.labels)
			into.rels = append(into.rels, g.rels...)
			if into.qual == "" {
				into.qual = g.qual
			}
			if into.rename == "" {
				into.rename = g.rename
			}
			gone[g] = true
		}
		kept := groups[:0]
		for _, g := range groups {
			if gone[g] {
				continue
			}
			rels := g.rels[:0]
			for _, r := range g.rels {
				if gone[r.to] {
					r.to = into
				}
				if r.to != g && !hasRel(&group{rels: rels}, r.kind, r.to) {
					rels = append(rels, r)
				}
			}
			g.rels = rels
			kept = append(kept, g)
		}
		return kept, true
	case crosscheck.DecideSplit:
		changed := false
		var added []*group
		for _, g := range groups {
			if !g.hasType(d.Type) || !g.hasName(ka) || ka == kb {
				continue
			}
			ng := &group{qual: g.qual}
			keep := g.refs[:0]
			for _, r := range g.refs {
				if (r.kind == crosscheck.RefName || r.kind == crosscheck.RefAcronym) && r.akey == kb {
					ng.refs = append(ng.refs, r)
					if li := labelIndex(r.label); li >= 0 {
						ng.labels[li]++
						g.labels[li]--
					}
					continue
				}
				keep = append(keep, r)
			}
			g.refs = keep
			if len(ng.refs) > 0 {
				if ng.labels.top() == "" {
					ng.labels = g.labels
				}
				added = append(added, ng)
				changed = true
			}
		}
		return append(groups, added...), changed
	case crosscheck.DecideRename:
		changed := false
		for _, g := range groups {
			if g.hasType(d.Type) && g.hasName(ka) && d.B != "" {
				g.rename = d.B
				changed = true
			}
		}
		return groups, changed
	}
	return groups, false
}
