package quote

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestScoreGoldAgainstItself(t *testing.T) {
	docs, err := ReadGold("testdata/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	total := Result{}
	for _, d := range docs {
		var pred []crosscheck.Quote
		for _, g := range d.Quotes {
			pred = append(pred, crosscheck.Quote{Span: g.Span, Text: g.Text, Kind: g.Kind, Speaker: strings.Split(g.Speaker, "|")[0], SpeakerEntity: -1})
		}
		total.Add(Score(d.ID, d.Quotes, pred))
	}
	c := total.All
	if c.Gold < 150 || c.Precision() != 1 || c.Recall() != 1 || c.F1() != 1 || c.SpeakerAccuracy() != 1 || c.KindOK != c.Gold || len(total.Errors) != 0 {
		t.Errorf("gold against itself: %+v, errors %v", c, total.Errors)
	}
}

func TestScore(t *testing.T) {
	text := "“Yes,” said Ann Lee. Officials said the plan was dead. Bob said nothing new."
	span := func(s string) crosscheck.Span {
		i := strings.Index(text, s)
		return crosscheck.Span{Start: i, End: i + len(s)}
	}
	gold := []GoldQuote{
		{Text: "Yes", Kind: crosscheck.QuoteDirect, Speaker: "Ann Lee", Span: span("Yes")},
		{Text: "the plan was dead", Kind: crosscheck.QuoteIndirect, Speaker: "officials", Span: span("the plan was dead")},
	}
	pred := []crosscheck.Quote{
		{Span: span("Yes"), Kind: crosscheck.QuoteDirect, Speaker: "Lee"},              // found, wrong speaker
		{Span: span("plan was"), Kind: crosscheck.QuoteColon, Speaker: "Officials"},    // overlap is enough; kind wrong
		{Span: span("nothing new"), Kind: crosscheck.QuoteIndirect, Speaker: "Bob"},    // spurious
		{Span: span("the plan"), Kind: crosscheck.QuoteIndirect, Speaker: "Officials"}, // second match of one gold: spurious
	}
	r := Score("d", gold, pred)
	c := r.All
	if c.Gold != 2 || c.Pred != 4 || c.MatchedGold != 2 || c.MatchedPred != 2 || c.SpeakerOK != 1 || c.KindOK != 2 {
		t.Fatalf("counts %+v", c)
	}
	if p, rc, f := c.Precision(), c.Recall(), c.F1(); p != 0.5 || rc != 1 || math.Abs(f-2.0/3) > 1e-9 {
		t.Errorf("P %v R %v F1 %v", p, rc, f)
	}
	// "plan was" and "the plan" overlap the indirect gold by as many
	// bytes; the prediction of the same kind wins the tie.
	if k := r.Kind[crosscheck.QuoteIndirect]; k.MatchedPred != 1 || k.Pred != 2 {
		t.Errorf("indirect row %+v", k)
	}
	if k := r.Kind[crosscheck.QuoteColon]; k.Pred != 1 || k.MatchedPred != 0 {
		t.Errorf("colon row %+v", k)
	}
	if got := c.SpeakerAccuracy(); got != 0.5 {
		t.Errorf("speaker accuracy %v", got)
	}
	if len(r.Errors) != 3 {
		t.Errorf("errors %v", r.Errors)
	}
}

func TestSameSpeaker(t *testing.T) {
	for _, tt := range []struct {
		gold, pred string
		want       bool
	}{
		{"State Security Service", "state security service", true},
		{"Ostravia’s defence ministry", "Ostravia's defence ministry", true},
		{"sources inside the port", "Our sources inside the port", true},
		{"person familiar with the case", "a person familiar with the case", true},
		{"A|B", "B", true},
		{"Elnur Enveroglu", "Enveroglu", false},
		{"", "", true},
		{"", "someone", false},
	} {
		if got := SameSpeaker(tt.gold, tt.pred); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v", tt.gold, tt.pred, got)
		}
	}
}

func TestReadGoldErrors(t *testing.T) {
	for name, line := range map[string]string{
		"missing text":   `{"id":"a","text":"He said hi.","quotes":[{"text":"bye","kind":"direct","speaker":""}]}`,
		"ambiguous":      `{"id":"a","text":"hi and hi","quotes":[{"text":"hi","kind":"direct","speaker":""}]}`,
		"unknown kind":   `{"id":"a","text":"hi","quotes":[{"text":"hi","kind":"shout","speaker":""}]}`,
		"no id":          `{"text":"hi","quotes":[]}`,
		"not json":       `{`,
		"bad occurrence": `{"id":"a","text":"hi and hi","quotes":[{"text":"hi","occurrence":2,"kind":"direct","speaker":""}]}`,
	} {
		if _, err := readGold(strings.NewReader(line), "x"); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("%s: err %v, want ErrInvalid", name, err)
		}
	}
	docs, err := readGold(strings.NewReader(`{"id":"a","text":"hi and hi","quotes":[{"text":"hi","occurrence":1,"kind":"direct","speaker":""}]}`+"\n\n"), "x")
	if err != nil || len(docs) != 1 || docs[0].Quotes[0].Span.Start != 7 {
		t.Errorf("occurrence: %v %+v", err, docs)
	}
}
