package score

import (
	"math"
	"strings"
	"testing"
)

func sp(doc string, sent, start, end int, label string) NERSpan {
	return NERSpan{Doc: doc, Sentence: sent, Start: start, End: end, Label: label}
}

func TestScoreNERGoldAgainstItself(t *testing.T) {
	gold := []NERSpan{
		sp("d1", 0, 0, 2, "PERSON"), sp("d1", 0, 5, 6, "GPE"), sp("d1", 1, 0, 1, "ORG"),
		sp("d2", 0, 3, 4, "NORP"), sp("d2", 0, 3, 4, "NORP"),
	}
	r := ScoreNER(gold, gold)
	if r.Micro.F1() != 1 || r.Micro.Precision() != 1 || r.Micro.Recall() != 1 {
		t.Fatalf("gold vs itself: %+v", r.Micro)
	}
	for l, c := range r.PerLabel {
		if c.F1() != 1 {
			t.Errorf("%s: F1 %v", l, c.F1())
		}
	}
}

func TestScoreNERKnownCases(t *testing.T) {
	gold := []NERSpan{sp("d", 0, 0, 2, "PERSON"), sp("d", 0, 4, 5, "GPE")}
	tests := []struct {
		name       string
		pred       []NERSpan
		tp, fp, fn int
	}{
		{"exact", gold, 2, 0, 0},
		{"boundary error", []NERSpan{sp("d", 0, 1, 2, "PERSON"), sp("d", 0, 4, 5, "GPE")}, 1, 1, 1},
		{"wrong label", []NERSpan{sp("d", 0, 0, 2, "ORG"), sp("d", 0, 4, 5, "GPE")}, 1, 1, 1},
		{"missed", []NERSpan{sp("d", 0, 0, 2, "PERSON")}, 1, 0, 1},
		{"spurious", append([]NERSpan{sp("d", 0, 7, 8, "ORG")}, gold...), 2, 1, 0},
		{"other sentence", []NERSpan{sp("d", 1, 0, 2, "PERSON"), sp("d", 0, 4, 5, "GPE")}, 1, 1, 1},
		{"nothing", nil, 0, 0, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreNER(gold, tc.pred)
			if r.Micro.TP != tc.tp || r.Micro.FP != tc.fp || r.Micro.FN != tc.fn {
				t.Fatalf("got %+v, want tp=%d fp=%d fn=%d", r.Micro, tc.tp, tc.fp, tc.fn)
			}
		})
	}
}

func TestScoreNERPerLabel(t *testing.T) {
	gold := []NERSpan{sp("d", 0, 0, 2, "PERSON"), sp("d", 0, 4, 5, "GPE")}
	pred := []NERSpan{sp("d", 0, 0, 2, "ORG"), sp("d", 0, 4, 5, "GPE")}
	r := ScoreNER(gold, pred)
	if c := r.PerLabel["PERSON"]; c != (NERCounts{FN: 1}) {
		t.Errorf("PERSON %+v", c)
	}
	if c := r.PerLabel["ORG"]; c != (NERCounts{FP: 1}) {
		t.Errorf("ORG %+v", c)
	}
	if c := r.PerLabel["GPE"]; c != (NERCounts{TP: 1}) {
		t.Errorf("GPE %+v", c)
	}
	if f := r.Micro.F1(); math.Abs(f-0.5) > 1e-9 {
		t.Errorf("micro F1 %v, want 0.5", f)
	}
	if s := r.String(); !strings.Contains(s, "micro") || !strings.Contains(s, "PERSON") {
		t.Errorf("table:\n%s", s)
	}
}

func TestNERCountsZero(t *testing.T) {
	var c NERCounts
	if c.Precision() != 0 || c.Recall() != 0 || c.F1() != 0 {
		t.Fatal("zero counts must score 0, not NaN")
	}
}

func TestFilterNER(t *testing.T) {
	in := []NERSpan{sp("d", 0, 0, 1, "PERSON"), sp("d", 0, 1, 2, "GPE"), sp("d", 0, 2, 3, "FAC"), sp("d", 0, 3, 4, "NORP")}
	m := map[string]string{"PERSON": "PER", "GPE": "LOC", "FAC": "LOC", "NORP": ""}
	out := FilterNER(in, m)
	want := []string{"PER", "LOC", "LOC"}
	if len(out) != len(want) {
		t.Fatalf("got %v", out)
	}
	for i, s := range out {
		if s.Label != want[i] {
			t.Errorf("%d: %s, want %s", i, s.Label, want[i])
		}
	}
}
