package parse

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// tagNoise imitates tagger errors during training, where taggers go
// wrong: a word's tags are swapped for another analysis the same form has
// in the training data ("that" as IN, WDT or DT), and the tags of a word
// seen once (a stand-in for the unknown words of new text) for the tags
// of another such word (NN for NNP, JJ for VBN, …).
type tagNoise struct {
	alts map[string][]tagPair // lower-cased form → its analyses, by count
}

type tagPair struct {
	upos, xpos string
	count      int
}

func newTagNoise(train []conllu.Sentence) *tagNoise {
	counts := map[string]map[[2]string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			f := strings.ToLower(t.Form)
			if counts[f] == nil {
				counts[f] = map[[2]string]int{}
			}
			counts[f][[2]string{t.UPOS, t.XPOS}]++
		}
	}
	tn := &tagNoise{alts: map[string][]tagPair{}}
	rare := map[[2]string]int{}
	var hapax []string
	for f, c := range counts {
		if len(c) == 1 {
			for k, n := range c {
				if n == 1 {
					rare[k]++
					hapax = append(hapax, f)
				}
			}
			continue
		}
		tn.alts[f] = sortedPairs(c)
	}
	rareTags := sortedPairs(rare)
	for _, f := range hapax {
		tn.alts[f] = rareTags
	}
	return tn
}

// sortedPairs lists the analyses of c by decreasing count (then by name,
// so that noise is deterministic).
func sortedPairs(c map[[2]string]int) []tagPair {
	ps := make([]tagPair, 0, len(c))
	for k, n := range c {
		ps = append(ps, tagPair{upos: k[0], xpos: k[1], count: n})
	}
	slices.SortFunc(ps, func(a, b tagPair) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.upos+"\x00"+a.xpos, b.upos+"\x00"+b.xpos)
	})
	return ps
}

// apply returns, in buf, words with the tags of each ambiguous or rare
// word replaced with probability rate.
func (tn *tagNoise) apply(rng *rand.Rand, words []Word, rate float64, buf *[]Word) []Word {
	out := append((*buf)[:0], words...)
	*buf = out
	for i, w := range out {
		if rng.Float64() >= rate {
			continue
		}
		alts := tn.alts[strings.ToLower(w.Form)]
		if len(alts) == 0 {
			continue
		}
		total := 0
		for _, a := range alts {
			if a.upos != w.UPOS || a.xpos != w.XPOS {
				total += a.count
			}
		}
		if total == 0 {
			continue
		}
		r := rng.IntN(total)
		for _, a := range alts {
			if a.upos == w.UPOS && a.xpos == w.XPOS {
				continue
			}
			if r < a.count {
				out[i].UPOS, out[i].XPOS = a.upos, a.xpos
				break
			}
			r -= a.count
		}
	}
	return out
}
