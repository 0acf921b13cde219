package score

import (
	"fmt"
	"sort"
	"strings"
)

// TimexSpan is one time expression, gold or predicted: a byte span of a
// document with its TIMEX3 type and value. Doc keeps documents apart.
type TimexSpan struct {
	Doc        string
	Start, End int
	Type       string
	Value      string
}

// TimexPair is one alignment of gold and predicted expressions: G and P
// index the gold and predicted slices, -1 when the expression has no
// partner (a miss or a spurious prediction).
type TimexPair struct {
	G, P int
}

// TimexResult scores time expressions the TempEval-3 way: detection with
// strict (same span) and relaxed (overlapping spans) matching, and the
// type and value of the relaxed matches.
type TimexResult struct {
	Strict, Relaxed NERCounts
	// Matched counts relaxed matches; TypeCorrect and ValueCorrect those
	// of them whose type, respectively value, equals the gold's (values
	// compared by SameTimexValue).
	Matched, TypeCorrect, ValueCorrect int
}

// TypeAccuracy is the share of relaxed matches with the gold type.
func (r TimexResult) TypeAccuracy() float64 { return ratio(r.TypeCorrect, r.Matched) }

// ValueAccuracy is the share of relaxed matches with the gold value.
func (r TimexResult) ValueAccuracy() float64 { return ratio(r.ValueCorrect, r.Matched) }

// ValueF1 is TempEval-3's value score: an expression counts when it is
// found (relaxed) and has the gold value, so precision is over the
// predictions and recall over the gold.
func (r TimexResult) ValueF1() float64 {
	c := NERCounts{TP: r.ValueCorrect, FP: r.Relaxed.TP + r.Relaxed.FP - r.ValueCorrect, FN: r.Relaxed.TP + r.Relaxed.FN - r.ValueCorrect}
	return c.F1()
}

// String renders the figures as a small table.
func (r TimexResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %6s %6s %6s %6s %6s %6s\n", "match", "P", "R", "F1", "tp", "fp", "fn")
	line := func(name string, c NERCounts) {
		fmt.Fprintf(&b, "%-10s %6.3f %6.3f %6.3f %6d %6d %6d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	line("strict", r.Strict)
	line("relaxed", r.Relaxed)
	fmt.Fprintf(&b, "type accuracy  %.3f (%d/%d relaxed matches)\n", r.TypeAccuracy(), r.TypeCorrect, r.Matched)
	fmt.Fprintf(&b, "value accuracy %.3f (%d/%d relaxed matches)\n", r.ValueAccuracy(), r.ValueCorrect, r.Matched)
	fmt.Fprintf(&b, "value F1       %.3f\n", r.ValueF1())
	return b.String()
}

// SameTimexValue compares two TIMEX3 values, ignoring case and the two
// spellings of decades and centuries ("199" and "199X", "19" and "19XX").
func SameTimexValue(a, b string) bool {
	return canonicalValue(a) == canonicalValue(b)
}

func canonicalValue(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	switch {
	case len(v) == 4 && v[3] == 'X' && digits(v[:3]):
		return v[:3]
	case len(v) == 4 && v[2:] == "XX" && digits(v[:2]):
		return v[:2]
	}
	return v
}

// AlignTimex pairs gold and predicted expressions one to one: first the
// pairs with the same span, then, among overlapping spans of the same
// document, the pairs with the largest overlap. Every gold and every
// prediction appears in exactly one pair.
func AlignTimex(gold, pred []TimexSpan) []TimexPair {
	type cand struct{ g, p, overlap int }
	byDoc := map[string][]int{}
	for i, g := range gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], i)
	}
	var cands []cand
	for j, p := range pred {
		for _, i := range byDoc[p.Doc] {
			g := gold[i]
			lo, hi := max(g.Start, p.Start), min(g.End, p.End)
			if lo < hi || (g.Start == p.Start && g.End == p.End) {
				ov := hi - lo
				if g.Start == p.Start && g.End == p.End {
					ov = 1 << 40 // exact matches first
				}
				cands = append(cands, cand{i, j, ov})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].overlap != cands[b].overlap {
			return cands[a].overlap > cands[b].overlap
		}
		if cands[a].g != cands[b].g {
			return cands[a].g < cands[b].g
		}
		return cands[a].p < cands[b].p
	})
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(pred))
	var pairs []TimexPair
	for _, c := range cands {
		if gUsed[c.g] || pUsed[c.p] {
			continue
		}
		gUsed[c.g], pUsed[c.p] = true, true
		pairs = append(pairs, TimexPair{G: c.g, P: c.p})
	}
	for i, u := range gUsed {
		if !u {
			pairs = append(pairs, TimexPair{G: i, P: -1})
		}
	}
	for j, u := range pUsed {
		if !u {
			pairs = append(pairs, TimexPair{G: -1, P: j})
		}
	}
	return pairs
}

// ScoreTimex compares predicted time expressions against gold ones.
func ScoreTimex(gold, pred []TimexSpan) TimexResult {
	var r TimexResult
	for _, pr := range AlignTimex(gold, pred) {
		switch {
		case pr.P < 0:
			r.Relaxed.FN++
			r.Strict.FN++
		case pr.G < 0:
			r.Relaxed.FP++
			r.Strict.FP++
		default:
			g, p := gold[pr.G], pred[pr.P]
			r.Relaxed.TP++
			r.Matched++
			if g.Start == p.Start && g.End == p.End {
				r.Strict.TP++
			} else {
				r.Strict.FP++
				r.Strict.FN++
			}
			if strings.EqualFold(g.Type, p.Type) {
				r.TypeCorrect++
			}
			if SameTimexValue(g.Value, p.Value) {
				r.ValueCorrect++
			}
		}
	}
	return r
}

// Add sums two results, as when scoring documents one at a time.
func (r TimexResult) Add(o TimexResult) TimexResult {
	add := func(a, b NERCounts) NERCounts { return NERCounts{a.TP + b.TP, a.FP + b.FP, a.FN + b.FN} }
	return TimexResult{
		Strict: add(r.Strict, o.Strict), Relaxed: add(r.Relaxed, o.Relaxed),
		Matched: r.Matched + o.Matched, TypeCorrect: r.TypeCorrect + o.TypeCorrect, ValueCorrect: r.ValueCorrect + o.ValueCorrect,
	}
}
