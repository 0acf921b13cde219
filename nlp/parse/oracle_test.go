package parse

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// TestDynamicOracle checks that the oracle's costs are exact on projective
// trees: from any configuration some legal transition costs nothing, and
// the costs of the transitions taken add up to the number of words whose
// head or relation ends up wrong, whatever the transitions were.
func TestDynamicOracle(t *testing.T) {
	sents := readTiny(t)
	if s, err := conllu.ReadFile(filepath.Join(corporaDir, "ud", "en_ewt-ud-dev.conllu")); err == nil {
		sents = append(sents, s[:300]...)
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	labels := labelSet(sents)
	labelID := map[string]int16{}
	for i, l := range labels {
		labelID[l] = int16(i)
	}
	nclass := 1 + 2*len(labels)
	costs := make([]int, nclass)
	rng := rand.New(rand.NewPCG(5, 5))
	var st state
	for _, s := range sents {
		gh, ok := goldHeads(s)
		if !ok {
			t.Fatalf("%q: bad gold tree", s.Text())
		}
		projectivize(gh)
		gl := make([]int16, len(gh))
		for i, tok := range s.Tokens {
			gl[i] = labelID[tok.DepRel]
		}
		for _, pRandom := range []float64{0, 0.2, 0.7} {
			st.reset(len(gh))
			sum := 0
			for !st.terminal() {
				labelledCosts(&st, gh, gl, costs)
				var zero, legal []int
				for c, k := range costs {
					if k == 0 {
						zero = append(zero, c)
					}
					if k >= 0 {
						legal = append(legal, c)
					}
				}
				if len(zero) == 0 {
					t.Fatalf("%q: no zero-cost transition (costs %v)", s.Text(), costs)
				}
				next := zero[rng.IntN(len(zero))]
				if rng.Float64() < pRandom {
					next = legal[rng.IntN(len(legal))]
				}
				sum += costs[next]
				st.apply(next)
			}
			wrong := 0
			for i := range gh {
				if st.head[i] != gh[i] || st.label[i] != gl[i] {
					wrong++
				}
			}
			if wrong != sum {
				t.Fatalf("%q (random %.1f): %d wrong arcs, costs add up to %d", s.Text(), pRandom, wrong, sum)
			}
		}
	}
}
