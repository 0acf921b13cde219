package parse

// projectivize makes a gold tree projective by lifting (Nivre and Nilsson
// 2005, without encoding the lift in the label): while some arc is
// non-projective, the shortest such arc's dependent is reattached to its
// head's head, keeping its relation. heads holds the head of each word,
// with len(heads) standing for the root; it must be a tree. projectivize
// returns the number of lifts. The parser cannot build non-projective arcs,
// and the dynamic oracle is exact only for projective trees, so training on
// the lifted tree teaches the nearest attachment it can build.
func projectivize(heads []int32) int {
	n := len(heads)
	lifts := 0
	for {
		best, bestLen := -1, n+2
		for d := range n {
			h := int(heads[d])
			if h == n {
				continue // arcs from the root are projective in a tree
			}
			lo, hi := min(h, d), max(h, d)
			if hi-lo >= bestLen || hi-lo < 2 {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(heads, h, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 || lifts > n*n {
			return lifts
		}
		heads[best] = heads[heads[best]]
		lifts++
	}
}

// dominates reports whether h is an ancestor of k.
func dominates(heads []int32, h, k int) bool {
	n := len(heads)
	for steps := 0; k != n && steps <= n; steps++ {
		k = int(heads[k])
		if k == h {
			return true
		}
	}
	return false
}

// validTree reports whether heads (root = len(heads)) is a tree with
// exactly one word under the root.
func validTree(heads []int32) bool {
	n := len(heads)
	roots := 0
	for d, h := range heads {
		if h < 0 || int(h) > n || int(h) == d {
			return false
		}
		if int(h) == n {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for d := range n {
		k := d
		for steps := 0; k != n; steps++ {
			if steps > n {
				return false // cycle
			}
			k = int(heads[k])
		}
	}
	return true
}
