package score

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
)

const depsGold = `# text = Officials denied the report.
1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	denied	deny	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	report	report	NOUN	NN	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

`

func readDeps(t *testing.T, s string) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(s), "test")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func TestDepsGoldAgainstItself(t *testing.T) {
	gold := readDeps(t, depsGold)
	r, err := Deps(gold, gold)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]float64{
		"UAS": r.All.UAS(), "LAS": r.All.LAS(), "UDLAS": r.All.UDLAS(),
		"UAS-nopunct": r.NoPunct.UAS(), "LAS-nopunct": r.NoPunct.LAS(),
	} {
		if v != 1 {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
	if r.All.Words != 5 || r.NoPunct.Words != 4 || r.Sentences != 1 {
		t.Errorf("counts %+v", r)
	}
}

func TestDepsKnownCase(t *testing.T) {
	gold := readDeps(t, depsGold)
	pred := readDeps(t, depsGold)
	// Wrong head for "the" (3 → 2) and wrong label for "report".
	pred[0].Tokens[2].Head = 2
	pred[0].Tokens[3].DepRel = "obl"
	// Right head, subtype differs: counts for the UD LAS only.
	pred[0].Tokens[0].DepRel = "nsubj:pass"
	r, err := Deps(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		{"UAS", r.All.UAS(), 4.0 / 5},
		{"LAS", r.All.LAS(), 2.0 / 5},
		{"UDLAS", r.All.UDLAS(), 3.0 / 5},
		{"UAS no punct", r.NoPunct.UAS(), 3.0 / 4},
		{"LAS no punct", r.NoPunct.LAS(), 1.0 / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if math.Abs(tt.got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	// Three of four heads right, one of those with a wrong label.
	gold4 := readDeps(t, depsGold)
	gold4[0].Tokens = gold4[0].Tokens[:4]
	pred4 := readDeps(t, depsGold)
	pred4[0].Tokens = pred4[0].Tokens[:4]
	pred4[0].Tokens[2].Head = 2
	pred4[0].Tokens[3].DepRel = "obl"
	r, err = Deps(gold4, pred4)
	if err != nil {
		t.Fatal(err)
	}
	if r.All.UAS() != 0.75 || r.All.LAS() != 0.5 {
		t.Errorf("UAS %v LAS %v, want 0.75 0.5", r.All.UAS(), r.All.LAS())
	}
	if !strings.Contains(r.String(), "UAS 75.00 LAS 50.00") {
		t.Errorf("String() = %q", r.String())
	}
}

func TestDepsMisaligned(t *testing.T) {
	gold := readDeps(t, depsGold)
	tests := []struct {
		name string
		pred func() []conllu.Sentence
	}{
		{"sentence count", func() []conllu.Sentence { return nil }},
		{"word count", func() []conllu.Sentence {
			p := readDeps(t, depsGold)
			p[0].Tokens = p[0].Tokens[:3]
			return p
		}},
		{"form", func() []conllu.Sentence {
			p := readDeps(t, depsGold)
			p[0].Tokens[1].Form = "confirmed"
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Deps(gold, tt.pred())
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestDepsResultAdd(t *testing.T) {
	gold := readDeps(t, depsGold)
	r, _ := Deps(gold, gold)
	var sum DepsResult
	sum.Add(r)
	sum.Add(r)
	if sum.All.Words != 10 || sum.Sentences != 2 || sum.All.UAS() != 1 {
		t.Errorf("sum %+v", sum)
	}
	var empty DepsCount
	if empty.UAS() != 0 {
		t.Error("empty UAS not 0")
	}
}
