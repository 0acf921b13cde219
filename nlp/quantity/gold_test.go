package quantity_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/nlp/quantity"
)

func readGold(t *testing.T) []quantity.Record {
	t.Helper()
	f, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := quantity.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

// findGold runs the pipeline and Find over every gold sentence.
func findGold(t *testing.T, gold []quantity.Record) []quantity.Record {
	t.Helper()
	var found []quantity.Record
	seen := map[string]bool{}
	for _, g := range gold {
		if seen[g.Sentence] {
			continue
		}
		seen[g.Sentence] = true
		a := annotate(t, g.Sentence)
		for _, q := range quantity.Find(g.Sentence, a.Sentences, quantity.Options{}) {
			found = append(found, quantity.RecordOf(g.Sentence, q))
		}
	}
	return found
}

func TestScoreGoldAgainstItself(t *testing.T) {
	gold := readGold(t)
	if len(gold) < 100 {
		t.Fatalf("gold has %d quantities, want at least 100", len(gold))
	}
	s := quantity.Score(gold, gold)
	for name, v := range map[string]float64{"P": s.Precision, "R": s.Recall, "F1": s.F1, "kind": s.Kind, "value": s.Value, "bounds": s.Bounds, "head": s.Head, "unit": s.Unit} {
		if v != 1 {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
}

// TestGold is the regression test: the rules over the gold sentences,
// through the real part-1 pipeline, must stay above these floors.
// Run with -v to see the figures and every disagreement.
func TestGold(t *testing.T) {
	gold := readGold(t)
	found := findGold(t, gold)
	s := quantity.Score(gold, found)
	t.Logf("%v", s)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"precision", s.Precision, 0.95}, {"recall", s.Recall, 0.95},
		{"kind", s.Kind, 0.95}, {"value", s.Value, 0.95}, {"bounds", s.Bounds, 0.95},
		{"head", s.Head, 0.90}, {"unit", s.Unit, 0.95},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.3f is below the floor %.2f", f.name, f.got, f.floor)
		}
	}
	logDisagreements(t, gold, found)
}

// logDisagreements logs, per sentence, the records only one side has.
func logDisagreements(t *testing.T, gold, found []quantity.Record) {
	str := func(r quantity.Record) string {
		b := func(x *float64) string {
			if x == nil {
				return "-"
			}
			return fmt.Sprint(*x)
		}
		return fmt.Sprintf("%q %s %v [%s,%s] head=%q unit=%q", r.Span, r.Kind, r.Value, b(r.Low), b(r.High), r.Head, r.Unit)
	}
	bySentence := func(rs []quantity.Record) (map[string]map[string]int, []string) {
		m := map[string]map[string]int{}
		var order []string
		for _, r := range rs {
			if m[r.Sentence] == nil {
				m[r.Sentence] = map[string]int{}
				order = append(order, r.Sentence)
			}
			m[r.Sentence][str(r)]++
		}
		return m, order
	}
	g, order := bySentence(gold)
	f, _ := bySentence(found)
	for _, sent := range order {
		var lines []string
		for r, n := range g[sent] {
			if f[sent][r] < n {
				lines = append(lines, "  gold  "+r)
			}
		}
		for r, n := range f[sent] {
			if g[sent][r] < n {
				lines = append(lines, "  found "+r)
			}
		}
		if len(lines) > 0 {
			sort.Strings(lines)
			t.Logf("%s\n%s", sent, strings.Join(lines, "\n"))
		}
	}
}
