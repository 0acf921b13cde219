package ner

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHeldOut scores the embedded model on the held-out sets and checks
// floors a little under the figures in MODEL.md, so that a regression
// shows. It skips when shared/corpora is absent.
func TestHeldOut(t *testing.T) {
	dir := corporaDir()
	if _, err := os.Stat(filepath.Join(dir, "ner", "uner-pud")); err != nil {
		t.Skip("corpora not found: ", dir)
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	c, err := LoadCorpora(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	m := defaultModel(t)
	floors := map[string]float64{
		"news-dev":         0.85,
		"news-test":        0.76,
		"gum-dev":          0.80,
		"gum-test":         0.77,
		"wikigold-heldout": 0.76,
		"uner-pud":         0.66,
		"uner-ewt-test":    0.62,
	}
	for _, s := range EvaluateHeldOut(m, c) {
		t.Logf("== %s (%s)\n%s", s.Name, s.Note, s.Result)
		if f, ok := floors[s.Name]; ok && s.Result.Micro.F1() < f {
			t.Errorf("%s: micro F1 %.3f below %.2f", s.Name, s.Result.Micro.F1(), f)
		}
	}
}
