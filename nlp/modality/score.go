package modality

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Counts are cue-detection counts for one kind.
type Counts struct {
	// TP counts predicted cues that match a gold cue of the same kind
	// with the same cue span in the same sentence; FP the other
	// predicted cues, FN the other gold cues.
	TP, FP, FN int
	// SourceGold counts matched cues whose gold record names a source,
	// SourceOK those whose predicted source is the same (ignoring case
	// and a leading "the").
	SourceGold, SourceOK int
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there is no gold cue.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SourceAccuracy is SourceOK/SourceGold.
func (c Counts) SourceAccuracy() float64 { return ratio(c.SourceOK, c.SourceGold) }

func (c *Counts) add(o Counts) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.SourceGold += o.SourceGold
	c.SourceOK += o.SourceOK
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are cue-detection counts by kind. ModAsserted records carry no
// cue and are not scored.
type Scores struct {
	Kinds map[string]Counts
}

// All sums the counts of every kind (micro average).
func (s Scores) All() Counts {
	var c Counts
	for _, k := range s.Kinds {
		c.add(k)
	}
	return c
}

// Add accumulates o into s, for scoring several documents together.
func (s *Scores) Add(o Scores) {
	if s.Kinds == nil {
		s.Kinds = map[string]Counts{}
	}
	for k, c := range o.Kinds {
		sc := s.Kinds[k]
		sc.add(c)
		s.Kinds[k] = sc
	}
}

// String formats one line per kind and a micro-averaged total.
func (s Scores) String() string {
	kinds := make([]string, 0, len(s.Kinds))
	for k := range s.Kinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var b strings.Builder
	line := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-13s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
		if c.SourceGold > 0 {
			fmt.Fprintf(&b, " source %d/%d", c.SourceOK, c.SourceGold)
		}
		b.WriteByte('\n')
	}
	for _, k := range kinds {
		line(k, s.Kinds[k])
	}
	line("all", s.All())
	return b.String()
}

type cueKey struct {
	sentence int
	kind     string
	cue      crosscheck.Span
}

// Score compares predicted modality records with gold ones by cue: a
// predicted cue is right when a gold record has the same sentence, kind
// and cue span. Records repeated for several clauses (a cue passed down
// to nested clauses) count once.
func Score(gold, pred []crosscheck.Modality) Scores {
	g := cueSet(gold)
	p := cueSet(pred)
	s := Scores{Kinds: map[string]Counts{}}
	for k, gs := range g {
		c := s.Kinds[k.kind]
		if ps, ok := p[k]; ok {
			c.TP++
			if gs != "" {
				c.SourceGold++
				if normSource(gs) == normSource(ps) {
					c.SourceOK++
				}
			}
		} else {
			c.FN++
		}
		s.Kinds[k.kind] = c
	}
	for k := range p {
		if _, ok := g[k]; !ok {
			c := s.Kinds[k.kind]
			c.FP++
			s.Kinds[k.kind] = c
		}
	}
	return s
}

// cueSet maps each cue to its source (the first non-empty one).
func cueSet(ms []crosscheck.Modality) map[cueKey]string {
	set := make(map[cueKey]string, len(ms))
	for _, m := range ms {
		if m.Kind == crosscheck.ModAsserted {
			continue
		}
		k := cueKey{m.Sentence, m.Kind, m.CueSpan}
		if set[k] == "" {
			set[k] = m.Source
		}
	}
	return set
}

func normSource(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimPrefix(s, "the ")
}
