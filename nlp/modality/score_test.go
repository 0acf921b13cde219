package modality_test

import (
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/modality"
)

func TestScoreSelf(t *testing.T) {
	var s modality.Scores
	for _, g := range readGold(t) {
		gold := g.records(t)
		s.Add(modality.Score(gold, gold))
	}
	if len(s.Kinds) != 8 {
		t.Errorf("gold covers %d kinds, want all 8 cue kinds", len(s.Kinds))
	}
	for k, c := range s.Kinds {
		if c.Precision() != 1 || c.Recall() != 1 || c.F1() != 1 {
			t.Errorf("%s: gold against itself P %v R %v F1 %v", k, c.Precision(), c.Recall(), c.F1())
		}
	}
	if a := s.All(); a.F1() != 1 || a.SourceAccuracy() != 1 {
		t.Errorf("all: F1 %v source %v", a.F1(), a.SourceAccuracy())
	}
}

func TestScoreCounts(t *testing.T) {
	sp := func(a int) crosscheck.Span { return crosscheck.Span{Start: a, End: a + 3} }
	gold := []crosscheck.Modality{
		{Kind: crosscheck.ModAttributed, CueSpan: sp(0), Source: "The Ministry"},
		{Kind: crosscheck.ModNegated, CueSpan: sp(10)},
		{Kind: crosscheck.ModAlleged, CueSpan: sp(20)},
		{Kind: crosscheck.ModAsserted}, // not scored
	}
	pred := []crosscheck.Modality{
		{Kind: crosscheck.ModAttributed, CueSpan: sp(0), Source: "ministry"},
		{Kind: crosscheck.ModAttributed, CueSpan: sp(0), Source: "ministry"}, // the same cue on a nested clause
		{Kind: crosscheck.ModNegated, CueSpan: sp(11)},                       // wrong span
		{Kind: crosscheck.ModHypothetical, CueSpan: sp(30)},
		{Kind: crosscheck.ModAlleged, CueSpan: sp(20), Sentence: 1}, // wrong sentence
	}
	s := modality.Score(gold, pred)
	a := s.All()
	if a.TP != 1 || a.FP != 3 || a.FN != 2 || a.SourceOK != 1 || a.SourceGold != 1 {
		t.Errorf("counts %+v", a)
	}
	if c := s.Kinds[crosscheck.ModAttributed]; c.F1() != 1 {
		t.Errorf("attributed %+v", c)
	}
	if c := (modality.Counts{}); c.F1() != 0 || c.Precision() != 0 {
		t.Error("empty counts should score 0")
	}
}
