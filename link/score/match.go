package score

import "sort"

// Match pairs system mentions with gold mentions of the same document by
// the overlap of their spans, one to one. A pair qualifies when the spans
// share at least half of the shorter one (so "SSS" matches "SSS secret
// police" and "Valdoria’s" matches "Valdoria", but a name does not match a
// long description that merely contains it when a closer gold mention
// exists). Pairs are taken greedily: exact matches first, then by
// decreasing Jaccard overlap, then by position. The result gives, for
// each system mention, the index of its gold mention or -1.
func Match(gold, sys []Located) []int {
	type pair struct {
		g, s    int
		exact   bool
		jaccard float64
	}
	byDoc := map[string][]int{}
	for i, g := range gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], i)
	}
	var pairs []pair
	for s, m := range sys {
		for _, g := range byDoc[m.Doc] {
			gs, ss := gold[g].Span, m.Span
			inter := min(gs.End, ss.End) - max(gs.Start, ss.Start)
			if inter <= 0 || 2*inter < min(gs.Len(), ss.Len()) {
				continue
			}
			union := max(gs.End, ss.End) - min(gs.Start, ss.Start)
			pairs = append(pairs, pair{g: g, s: s, exact: gs == ss, jaccard: float64(inter) / float64(union)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.exact != b.exact {
			return a.exact
		}
		if a.jaccard != b.jaccard {
			return a.jaccard > b.jaccard
		}
		if a.g != b.g {
			return a.g < b.g
		}
		return a.s < b.s
	})
	out := make([]int, len(sys))
	for i := range out {
		out[i] = -1
	}
	taken := make([]bool, len(gold))
	for _, p := range pairs {
		if out[p.s] < 0 && !taken[p.g] {
			out[p.s], taken[p.g] = p.g, true
		}
	}
	return out
}
