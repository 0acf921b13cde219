package score

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// DepsCount holds attachment counts over a set of syntactic words.
type DepsCount struct {
	// Words is the number of words scored.
	Words int
	// Heads counts words whose predicted head is the gold head.
	Heads int
	// Labels counts words with the gold head and the gold relation,
	// subtype included (nsubj:pass must match nsubj:pass).
	Labels int
	// UDLabels counts words with the gold head and the gold universal
	// relation (the part before ':'), which is what the CoNLL 2018
	// scorer's LAS compares.
	UDLabels int
}

// UAS is the unlabelled attachment score, Heads/Words (0 when empty).
func (c DepsCount) UAS() float64 { return depsRatio(c.Heads, c.Words) }

// LAS is the labelled attachment score with full relations, Labels/Words.
func (c DepsCount) LAS() float64 { return depsRatio(c.Labels, c.Words) }

// UDLAS is the labelled attachment score on universal relations
// (subtypes dropped), UDLabels/Words: the CoNLL 2018 LAS.
func (c DepsCount) UDLAS() float64 { return depsRatio(c.UDLabels, c.Words) }

func (c *DepsCount) add(o DepsCount) {
	c.Words += o.Words
	c.Heads += o.Heads
	c.Labels += o.Labels
	c.UDLabels += o.UDLabels
}

func depsRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// DepsResult is the outcome of Deps: counts with punctuation included
// (as the CoNLL 2018 scorer counts) and with punctuation left out.
type DepsResult struct {
	Sentences int
	// All counts every syntactic word.
	All DepsCount
	// NoPunct leaves out words whose gold UPOS is PUNCT.
	NoPunct DepsCount
}

// Add accumulates o into r, for scoring several files together.
func (r *DepsResult) Add(o DepsResult) {
	r.Sentences += o.Sentences
	r.All.add(o.All)
	r.NoPunct.add(o.NoPunct)
}

// String formats the scores as percentages with their counts.
func (r DepsResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "UAS %.2f LAS %.2f (UD LAS %.2f) on %d words; without punctuation UAS %.2f LAS %.2f on %d words; %d sentences",
		100*r.All.UAS(), 100*r.All.LAS(), 100*r.All.UDLAS(), r.All.Words,
		100*r.NoPunct.UAS(), 100*r.NoPunct.LAS(), r.NoPunct.Words, r.Sentences)
	return b.String()
}

// Deps scores predicted dependency trees against gold ones, word by word
// over syntactic words, as the CoNLL 2018 scorer does when tokenization is
// gold. The two slices must hold the same sentences with the same words
// (forms compared); otherwise Deps returns an error of kind
// crosscheck.ErrInvalid naming the first misaligned sentence.
func Deps(gold, pred []conllu.Sentence) (DepsResult, error) {
	var r DepsResult
	if len(gold) != len(pred) {
		return r, crosscheck.Errorf(crosscheck.ErrInvalid, "score deps: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	for i := range gold {
		g, p := gold[i].Tokens, pred[i].Tokens
		if len(g) != len(p) {
			return r, crosscheck.Errorf(crosscheck.ErrInvalid, "score deps: sentence %d (line %d): %d gold words, %d predicted", i+1, gold[i].Line, len(g), len(p))
		}
		for j := range g {
			if g[j].Form != p[j].Form {
				return r, crosscheck.Errorf(crosscheck.ErrInvalid, "score deps: sentence %d (line %d) word %d: gold %q, predicted %q", i+1, gold[i].Line, j+1, g[j].Form, p[j].Form)
			}
		}
		r.Sentences++
		for j := range g {
			var c DepsCount
			c.Words = 1
			if g[j].Head == p[j].Head {
				c.Heads = 1
				if g[j].DepRel == p[j].DepRel {
					c.Labels = 1
				}
				if depsUniversal(g[j].DepRel) == depsUniversal(p[j].DepRel) {
					c.UDLabels = 1
				}
			}
			r.All.add(c)
			if g[j].UPOS != "PUNCT" {
				r.NoPunct.add(c)
			}
		}
	}
	return r, nil
}

// depsUniversal strips a relation's subtype: "nsubj:pass" → "nsubj".
func depsUniversal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
