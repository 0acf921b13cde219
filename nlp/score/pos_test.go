package score

import (
	"errors"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestPOSGoldAgainstItself(t *testing.T) {
	gold := [][]string{{"PRON", "VERB", "DET", "NOUN", "PUNCT"}, {"INTJ"}}
	a, err := POS(gold, gold)
	if err != nil {
		t.Fatal(err)
	}
	if a.Value() != 1 || a.Correct != 6 || a.Total != 6 {
		t.Errorf("gold vs gold = %v, want 1.0 of 6", a)
	}
}

func TestPOS(t *testing.T) {
	gold := [][]string{{"DET", "NOUN", "VERB", "PUNCT"}, {"PROPN", "AUX", "ADJ"}}
	pred := [][]string{{"DET", "VERB", "VERB", "PUNCT"}, {"NOUN", "AUX", "ADJ"}}
	a, err := POS(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	if a.Correct != 5 || a.Total != 7 {
		t.Errorf("got %d/%d, want 5/7", a.Correct, a.Total)
	}
	if got, want := a.String(), "71.43% (5/7)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if s := a.Add(Accuracy{Correct: 1, Total: 1}); s.Correct != 6 || s.Total != 8 {
		t.Errorf("Add = %+v", s)
	}
}

func TestPOSEmpty(t *testing.T) {
	a, err := POS(nil, nil)
	if err != nil || a.Total != 0 || a.Value() != 0 {
		t.Errorf("empty: %v %v", a, err)
	}
}

func TestPOSMisaligned(t *testing.T) {
	for _, tc := range []struct {
		name       string
		gold, pred [][]string
	}{
		{"sentences", [][]string{{"X"}, {"X"}}, [][]string{{"X"}}},
		{"tokens", [][]string{{"X", "Y"}}, [][]string{{"X"}}},
		{"nil prediction", [][]string{{"X"}}, [][]string{nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := POS(tc.gold, tc.pred); !errors.Is(err, crosscheck.ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
		})
	}
}
