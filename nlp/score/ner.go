package score

import (
	"fmt"
	"sort"
	"strings"
)

// NERSpan is one labelled entity span, gold or predicted. Start and End
// may count tokens or bytes, as long as gold and prediction agree; Doc
// and Sentence keep spans of different sentences apart.
type NERSpan struct {
	Doc        string
	Sentence   int
	Start, End int
	Label      string
}

// NERCounts are the true positives, false positives and false negatives
// of one label or of all labels together.
type NERCounts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), or 0 when nothing was predicted.
func (c NERCounts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 0 when there was nothing to find.
func (c NERCounts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c NERCounts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NERResult is an exact-match score, CoNLL style: a predicted span counts
// only when its boundaries and its label both equal a gold span's, so a
// boundary error or a wrong label costs one false positive and one false
// negative.
type NERResult struct {
	Micro    NERCounts
	PerLabel map[string]NERCounts
}

// Labels returns the labels of the result in alphabetical order.
func (r NERResult) Labels() []string {
	out := make([]string, 0, len(r.PerLabel))
	for l := range r.PerLabel {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// String renders a CoNLL-style table: one line per label and a micro
// average line.
func (r NERResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %6s %6s %6s %6s %6s %6s\n", "label", "P", "R", "F1", "tp", "fp", "fn")
	line := func(name string, c NERCounts) {
		fmt.Fprintf(&b, "%-10s %6.3f %6.3f %6.3f %6d %6d %6d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, l := range r.Labels() {
		line(l, r.PerLabel[l])
	}
	line("micro", r.Micro)
	return b.String()
}

// ScoreNER compares predicted spans against gold spans. Duplicate spans
// are matched one to one.
func ScoreNER(gold, pred []NERSpan) NERResult {
	res := NERResult{PerLabel: map[string]NERCounts{}}
	left := make(map[NERSpan]int, len(gold))
	for _, g := range gold {
		left[g]++
	}
	for _, p := range pred {
		c := res.PerLabel[p.Label]
		if left[p] > 0 {
			left[p]--
			c.TP++
			res.Micro.TP++
		} else {
			c.FP++
			res.Micro.FP++
		}
		res.PerLabel[p.Label] = c
	}
	for g, n := range left {
		if n == 0 {
			continue
		}
		c := res.PerLabel[g.Label]
		c.FN += n
		res.Micro.FN += n
		res.PerLabel[g.Label] = c
	}
	return res
}

// FilterNER keeps the spans whose label is in labels, renamed through
// mapping when the label is a key of it (a nil mapping keeps names).
// Spans whose label maps to "" are dropped. It is how a label set is
// projected onto a coarser gold standard (PERSON→PER, GPE/LOC/FAC→LOC).
func FilterNER(spans []NERSpan, mapping map[string]string) []NERSpan {
	out := make([]NERSpan, 0, len(spans))
	for _, s := range spans {
		if mapping != nil {
			l, ok := mapping[s.Label]
			if !ok || l == "" {
				continue
			}
			s.Label = l
		}
		out = append(out, s)
	}
	return out
}
