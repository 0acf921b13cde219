package score

import (
	"math"
	"strings"
	"testing"
)

func tx(doc string, start, end int, typ, value string) TimexSpan {
	return TimexSpan{Doc: doc, Start: start, End: end, Type: typ, Value: value}
}

func TestScoreTimexGoldAgainstItself(t *testing.T) {
	gold := []TimexSpan{
		tx("a", 0, 9, "DATE", "2022-W46"), tx("a", 20, 31, "DATE", "2022-11-14"),
		tx("a", 40, 53, "DURATION", "P3DE"), tx("b", 0, 5, "DATE", ""), tx("b", 10, 15, "SET", "P1W"),
	}
	r := ScoreTimex(gold, gold)
	for name, c := range map[string]NERCounts{"strict": r.Strict, "relaxed": r.Relaxed} {
		if c.F1() != 1 || c.Precision() != 1 || c.Recall() != 1 {
			t.Errorf("%s: %+v", name, c)
		}
	}
	if r.ValueAccuracy() != 1 || r.TypeAccuracy() != 1 || r.ValueF1() != 1 {
		t.Errorf("accuracy: value %v type %v valueF1 %v", r.ValueAccuracy(), r.TypeAccuracy(), r.ValueF1())
	}
}

func TestScoreTimexKnownCases(t *testing.T) {
	gold := []TimexSpan{tx("d", 10, 19, "DATE", "2022-W46"), tx("d", 30, 43, "DATE", "2020")}
	tests := []struct {
		name                   string
		pred                   []TimexSpan
		strict, relaxed        NERCounts
		matched, types, values int
	}{
		{"exact", gold, NERCounts{2, 0, 0}, NERCounts{2, 0, 0}, 2, 2, 2},
		{"longer span", []TimexSpan{tx("d", 7, 19, "DATE", "2022-W46"), gold[1]}, NERCounts{1, 1, 1}, NERCounts{2, 0, 0}, 2, 2, 2},
		{"wrong value", []TimexSpan{gold[0], tx("d", 30, 43, "DATE", "2019")}, NERCounts{2, 0, 0}, NERCounts{2, 0, 0}, 2, 2, 1},
		{"wrong type", []TimexSpan{gold[0], tx("d", 30, 43, "DURATION", "2020")}, NERCounts{2, 0, 0}, NERCounts{2, 0, 0}, 2, 1, 2},
		{"missed", []TimexSpan{gold[0]}, NERCounts{1, 0, 1}, NERCounts{1, 0, 1}, 1, 1, 1},
		{"spurious", append([]TimexSpan{tx("d", 50, 55, "DATE", "PRESENT_REF")}, gold...), NERCounts{2, 1, 0}, NERCounts{2, 1, 0}, 2, 2, 2},
		{"other doc", []TimexSpan{tx("e", 10, 19, "DATE", "2022-W46"), gold[1]}, NERCounts{1, 1, 1}, NERCounts{1, 1, 1}, 1, 1, 1},
		{"touching is not overlap", []TimexSpan{tx("d", 19, 25, "DATE", "2022-W46"), gold[1]}, NERCounts{1, 1, 1}, NERCounts{1, 1, 1}, 1, 1, 1},
		{"nothing", nil, NERCounts{0, 0, 2}, NERCounts{0, 0, 2}, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreTimex(gold, tc.pred)
			if r.Strict != tc.strict || r.Relaxed != tc.relaxed {
				t.Errorf("strict %+v relaxed %+v, want %+v %+v", r.Strict, r.Relaxed, tc.strict, tc.relaxed)
			}
			if r.Matched != tc.matched || r.TypeCorrect != tc.types || r.ValueCorrect != tc.values {
				t.Errorf("matched %d types %d values %d, want %d %d %d", r.Matched, r.TypeCorrect, r.ValueCorrect, tc.matched, tc.types, tc.values)
			}
		})
	}
}

// One long prediction overlapping two gold expressions matches only one
// of them.
func TestAlignTimexOneToOne(t *testing.T) {
	gold := []TimexSpan{tx("d", 0, 5, "DATE", "a"), tx("d", 6, 10, "DATE", "b")}
	pred := []TimexSpan{tx("d", 0, 10, "DATE", "b")}
	r := ScoreTimex(gold, pred)
	if r.Relaxed != (NERCounts{TP: 1, FN: 1}) || r.Matched != 1 {
		t.Fatalf("%+v", r)
	}
	// The larger overlap wins: gold[0] overlaps by 5 bytes, gold[1] by 4.
	if pairs := AlignTimex(gold, pred); pairs[0] != (TimexPair{G: 0, P: 0}) {
		t.Fatalf("pairs %+v", pairs)
	}
}

func TestScoreTimexValueF1(t *testing.T) {
	gold := []TimexSpan{tx("d", 0, 5, "DATE", "2020"), tx("d", 10, 15, "DATE", "2021")}
	pred := []TimexSpan{tx("d", 0, 5, "DATE", "2020"), tx("d", 10, 15, "DATE", "1999"), tx("d", 20, 25, "DATE", "2000")}
	r := ScoreTimex(gold, pred)
	// One correct value: P = 1/3, R = 1/2, F1 = 0.4.
	if f := r.ValueF1(); math.Abs(f-0.4) > 1e-9 {
		t.Errorf("value F1 %v, want 0.4", f)
	}
	if a := r.ValueAccuracy(); a != 0.5 {
		t.Errorf("value accuracy %v, want 0.5", a)
	}
	s := r.String()
	for _, want := range []string{"strict", "relaxed", "value accuracy", "0.500"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
}

func TestSameTimexValue(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"199X", "199", true},
		{"19XX", "19", true},
		{"2022-w46", "2022-W46", true},
		{"", "", true},
		{"2022", "2021", false},
		{"XXXX", "XX", false},
		{"199X", "19", false},
	} {
		if got := SameTimexValue(c.a, c.b); got != c.same {
			t.Errorf("SameTimexValue(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestTimexResultAdd(t *testing.T) {
	a := ScoreTimex([]TimexSpan{tx("d", 0, 5, "DATE", "2020")}, []TimexSpan{tx("d", 0, 5, "DATE", "2020")})
	b := ScoreTimex([]TimexSpan{tx("e", 0, 5, "DATE", "2020")}, nil)
	s := a.Add(b)
	if s.Relaxed != (NERCounts{TP: 1, FN: 1}) || s.Matched != 1 || s.ValueCorrect != 1 {
		t.Fatalf("%+v", s)
	}
}

func TestTimexResultZero(t *testing.T) {
	var r TimexResult
	if r.ValueAccuracy() != 0 || r.TypeAccuracy() != 0 || r.ValueF1() != 0 {
		t.Fatal("an empty result must score 0, not NaN")
	}
}
