// Package score rates coreference: how well a system's clusters of
// mentions (entities, events) match a gold clustering. It implements the
// metrics of the CoNLL shared tasks: MUC, B³, entity-based CEAF (φ4) and
// their mean, the CoNLL F1, following the reference scorer described by
// Pradhan et al. (2014), "Scoring coreference partitions of predicted
// mentions: a reference implementation".
//
// Mentions are opaque keys. When a system finds mentions the gold does not
// have, or misses some, the two clusterings cover different mention sets
// ("twinless" mentions). Like the reference scorer, the metrics then use
// the clusterings as they are, without adding or removing mentions:
//
//   - MUC: a key mention absent from the response is a partition of its
//     own (it cannot have been linked), and likewise for precision.
//   - B³: a key mention absent from the response contributes 0 to recall;
//     a response mention absent from the key contributes 0 to precision.
//     Both still count in the denominators (all key mentions for recall,
//     all response mentions for precision).
//   - CEAF-e: twinless mentions only enlarge the clusters that hold them
//     (lowering φ4); the denominators are the numbers of key and response
//     clusters.
//
// Any quotient whose denominator is zero is 0, as in the reference
// scorer; so MUC gives 0 on clusterings made only of singletons, and
// every metric gives 0 on empty input.
package score

import (
	"fmt"
	"sort"

	"github.com/crosscheck/crosscheck"
)

// Mention is any stable key for a mention, such as "S1#Kelm#3" or a
// document ID and byte span.
type Mention string

// Clustering is a partition of mentions: each inner slice is one entity
// (or event). A mention should appear in at most one cluster; see Check.
type Clustering [][]Mention

// PRF is precision, recall and their harmonic mean.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// String renders the scores as percentages.
func (s PRF) String() string {
	return fmt.Sprintf("P %.2f R %.2f F1 %.2f", 100*s.P, 100*s.R, 100*s.F1)
}

// prf builds a PRF from numerators and denominators, 0 where a
// denominator is 0.
func prf(pNum, pDen, rNum, rDen float64) PRF {
	var s PRF
	if pDen > 0 {
		s.P = pNum / pDen
	}
	if rDen > 0 {
		s.R = rNum / rDen
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Check reports a clustering that is not a partition: an empty mention
// key, or a mention in two clusters (or twice in one). The metrics accept
// such input without failing; they keep each mention's first cluster and
// drop empty clusters.
func (c Clustering) Check() error {
	seen := map[Mention]int{}
	for i, cl := range c {
		for _, m := range cl {
			if m == "" {
				return crosscheck.Errorf(crosscheck.ErrInvalid, "cluster %d: empty mention", i)
			}
			if j, ok := seen[m]; ok {
				return crosscheck.Errorf(crosscheck.ErrInvalid, "mention %q in clusters %d and %d", m, j, i)
			}
			seen[m] = i
		}
	}
	return nil
}

// partition is a clustering normalised for scoring: clusters as mention
// sets, and each mention's cluster index.
type partition struct {
	clusters [][]Mention
	of       map[Mention]int
	mentions int
}

func normalize(c Clustering) partition {
	p := partition{of: map[Mention]int{}}
	for _, cl := range c {
		var out []Mention
		for _, m := range cl {
			if _, dup := p.of[m]; dup || m == "" {
				continue
			}
			p.of[m] = len(p.clusters)
			out = append(out, m)
		}
		if len(out) > 0 {
			p.clusters = append(p.clusters, out)
			p.mentions += len(out)
		}
	}
	return p
}

// MUC is the link-based metric of Vilain et al. (1995). Recall is
// Σ(|K|−|p(K)|) / Σ(|K|−1) over key clusters K, where p(K) partitions K by
// the response clusters (a mention the response lacks is a part of its
// own); precision swaps key and response. Singletons carry no links and
// do not count.
func MUC(key, resp Clustering) PRF { return muc(normalize(key), normalize(resp)) }

func muc(k, r partition) PRF {
	rNum, rDen := mucLinks(k, r)
	pNum, pDen := mucLinks(r, k)
	return prf(pNum, pDen, rNum, rDen)
}

// mucLinks returns the links of a found in b, and all links of a.
func mucLinks(a, b partition) (num, den float64) {
	for _, cl := range a.clusters {
		parts := map[int]bool{}
		missing := 0
		for _, m := range cl {
			if j, ok := b.of[m]; ok {
				parts[j] = true
			} else {
				missing++
			}
		}
		num += float64(len(cl) - len(parts) - missing)
		den += float64(len(cl) - 1)
	}
	return num, den
}

// B3 is the mention-based metric of Bagga and Baldwin (1998): recall
// averages |K(m)∩R(m)|/|K(m)| over key mentions m, precision averages
// |K(m)∩R(m)|/|R(m)| over response mentions, where K(m) and R(m) are the
// key and response clusters holding m (empty when m has no twin).
func B3(key, resp Clustering) PRF { return b3(normalize(key), normalize(resp)) }

func b3(k, r partition) PRF {
	rNum := b3Sum(k, r)
	pNum := b3Sum(r, k)
	return prf(pNum, float64(r.mentions), rNum, float64(k.mentions))
}

// b3Sum is Σ over clusters A of a, Σ over clusters B of b, |A∩B|²/|A|.
func b3Sum(a, b partition) float64 {
	var sum float64
	for _, cl := range a.clusters {
		overlap := map[int]int{}
		for _, m := range cl {
			if j, ok := b.of[m]; ok {
				overlap[j]++
			}
		}
		for _, n := range overlap {
			sum += float64(n*n) / float64(len(cl))
		}
	}
	return sum
}

// CEAFe is the entity-based CEAF of Luo (2005) with the φ4 similarity
// 2|K∩R|/(|K|+|R|): the key and response clusters are aligned one to one
// so that the total similarity Φ is largest (Kuhn–Munkres), and recall is
// Φ/|key clusters|, precision Φ/|response clusters|.
func CEAFe(key, resp Clustering) PRF { return ceafe(normalize(key), normalize(resp)) }

func ceafe(k, r partition) PRF {
	phi := ceafAlign(k, r)
	return prf(phi, float64(len(r.clusters)), phi, float64(len(k.clusters)))
}

// ceafAlign returns the largest total φ4 of a one-to-one alignment.
// Clusters that share no mention have φ4 = 0, so the optimal alignment
// is found separately in each connected component of the overlap graph,
// which keeps the assignment problems small.
func ceafAlign(k, r partition) float64 {
	// overlaps[i][j] = |K_i ∩ R_j| for the response clusters j that K_i meets.
	overlaps := make([]map[int]int, len(k.clusters))
	rToK := make([][]int, len(r.clusters))
	for i, cl := range k.clusters {
		overlaps[i] = map[int]int{}
		for _, m := range cl {
			if j, ok := r.of[m]; ok {
				if overlaps[i][j] == 0 {
					rToK[j] = append(rToK[j], i)
				}
				overlaps[i][j]++
			}
		}
	}
	seenK := make([]bool, len(k.clusters))
	seenR := make([]bool, len(r.clusters))
	var total float64
	for start := range k.clusters {
		if seenK[start] || len(overlaps[start]) == 0 {
			continue
		}
		// Breadth-first over the bipartite overlap graph.
		var ks, rs []int
		seenK[start] = true
		queue := []int{start}
		for len(queue) > 0 {
			i := queue[0]
			queue = queue[1:]
			ks = append(ks, i)
			for j := range overlaps[i] {
				if seenR[j] {
					continue
				}
				seenR[j] = true
				rs = append(rs, j)
				for _, i2 := range rToK[j] {
					if !seenK[i2] {
						seenK[i2] = true
						queue = append(queue, i2)
					}
				}
			}
		}
		sort.Ints(rs)
		sim := make([][]float64, len(ks))
		for a, i := range ks {
			sim[a] = make([]float64, len(rs))
			for b, j := range rs {
				if n := overlaps[i][j]; n > 0 {
					sim[a][b] = 2 * float64(n) / float64(len(k.clusters[i])+len(r.clusters[j]))
				}
			}
		}
		total += maxAssignment(sim)
	}
	return total
}

// CoNLL returns MUC, B³ and CEAF-e and the CoNLL F1, the mean of their
// three F1 scores.
func CoNLL(key, resp Clustering) (mucS, b3S, ceafeS PRF, f1 float64) {
	k, r := normalize(key), normalize(resp)
	mucS, b3S, ceafeS = muc(k, r), b3(k, r), ceafe(k, r)
	return mucS, b3S, ceafeS, (mucS.F1 + b3S.F1 + ceafeS.F1) / 3
}

// Scores gathers the metrics of one comparison.
type Scores struct {
	MUC   PRF     `json:"muc"`
	B3    PRF     `json:"b3"`
	CEAFe PRF     `json:"ceafe"`
	CoNLL float64 `json:"conll_f1"`
}

// Score computes all metrics for a key and a response.
func Score(key, resp Clustering) Scores {
	var s Scores
	s.MUC, s.B3, s.CEAFe, s.CoNLL = CoNLL(key, resp)
	return s
}

// String renders all metrics on one line, as percentages.
func (s Scores) String() string {
	return fmt.Sprintf("MUC %v | B³ %v | CEAF-e %v | CoNLL F1 %.2f", s.MUC, s.B3, s.CEAFe, 100*s.CoNLL)
}
