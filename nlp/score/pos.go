// Package score measures the language layer against gold annotation:
// token accuracy of parts of speech and lemmas, and dependency scores.
package score

import (
	"fmt"

	"github.com/crosscheck/crosscheck"
)

// Accuracy counts correct decisions out of a total.
type Accuracy struct {
	Correct int
	Total   int
}

// Value returns Correct/Total, or 0 when nothing was scored.
func (a Accuracy) Value() float64 {
	if a.Total == 0 {
		return 0
	}
	return float64(a.Correct) / float64(a.Total)
}

// Add returns the sum of two counts, for pooling sets.
func (a Accuracy) Add(b Accuracy) Accuracy {
	return Accuracy{Correct: a.Correct + b.Correct, Total: a.Total + b.Total}
}

// String formats the accuracy as "95.21% (24000/25208)".
func (a Accuracy) String() string {
	return fmt.Sprintf("%.2f%% (%d/%d)", 100*a.Value(), a.Correct, a.Total)
}

// POS scores predicted labels (parts of speech, lemmas, any per-token
// string) against gold ones, sentence by sentence: the token accuracy.
// The two must be aligned: the same number of sentences, each with the
// same number of tokens; otherwise the error is crosscheck.ErrInvalid.
func POS(gold, pred [][]string) (Accuracy, error) {
	if len(gold) != len(pred) {
		return Accuracy{}, crosscheck.Errorf(crosscheck.ErrInvalid, "score pos: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	var a Accuracy
	for i, g := range gold {
		p := pred[i]
		if len(g) != len(p) {
			return Accuracy{}, crosscheck.Errorf(crosscheck.ErrInvalid, "score pos: sentence %d: %d gold tokens, %d predicted", i, len(g), len(p))
		}
		for j := range g {
			if g[j] == p[j] {
				a.Correct++
			}
		}
		a.Total += len(g)
	}
	return a, nil
}
