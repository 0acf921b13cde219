package modality_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/modality"
)

// goldLine is one line of testdata/gold.jsonl: an invented news sentence
// (a headline when Headline is set) and its cues.
type goldLine struct {
	Text     string    `json:"text"`
	Headline bool      `json:"headline,omitempty"`
	Cues     []goldCue `json:"cues"`
}

type goldCue struct {
	Cue    string `json:"cue"`
	Kind   string `json:"kind"`
	Source string `json:"source,omitempty"`
	// Nth picks the nth occurrence of Cue in the text (from 1) when the
	// first is not the one meant.
	Nth int `json:"nth,omitempty"`
}

func readGold(t *testing.T) []goldLine {
	t.Helper()
	f, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []goldLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var g goldLine
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold.jsonl:%d: %v", n, err)
		}
		lines = append(lines, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// records turns a gold line's cues into modality records; each gold text
// is one sentence.
func (g goldLine) records(t *testing.T) []crosscheck.Modality {
	var ms []crosscheck.Modality
	for _, c := range g.Cues {
		at, from := -1, 0
		for k := 0; k < max(c.Nth, 1); k++ {
			i := strings.Index(g.Text[from:], c.Cue)
			if i < 0 {
				t.Fatalf("gold %q: cue %q (occurrence %d) not in text", g.Text, c.Cue, k+1)
			}
			at, from = from+i, from+i+len(c.Cue)
		}
		ms = append(ms, crosscheck.Modality{Kind: c.Kind, Cue: c.Cue, CueSpan: crosscheck.Span{Start: at, End: at + len(c.Cue)}, Source: c.Source})
	}
	return ms
}

func (g goldLine) options() modality.Options {
	if g.Headline {
		return modality.Options{Headline: crosscheck.Span{Start: 0, End: len(g.Text)}}
	}
	return modality.Options{}
}

// goldScores runs Find over every gold sentence and scores it.
func goldScores(t *testing.T) modality.Scores {
	var total modality.Scores
	for _, g := range readGold(t) {
		sents := annotate(t, g.Text)
		pred := modality.Find(g.Text, sents, g.options())
		for i := range pred {
			pred[i].Sentence = 0 // the gold text is one sentence
		}
		s := modality.Score(g.records(t), pred)
		if a := s.All(); (a.FP > 0 || a.FN > 0) && testing.Verbose() {
			t.Logf("%q: %s", g.Text, describe(g.Text, pred))
		}
		total.Add(s)
	}
	return total
}

func describe(text string, ms []crosscheck.Modality) string {
	var b strings.Builder
	for _, m := range ms {
		if m.Kind == crosscheck.ModAsserted {
			continue
		}
		b.WriteString(m.Kind + ":" + m.Cue)
		if m.Source != "" {
			b.WriteString("=" + m.Source)
		}
		b.WriteString(" ")
	}
	return b.String()
}

// TestGoldFloor is the regression test: cue detection on the gold file
// must not fall below the figures reached when it was written.
func TestGoldFloor(t *testing.T) {
	s := goldScores(t)
	t.Logf("gold cues:\n%s", s)
	all := s.All()
	if all.TP+all.FN < 80 {
		t.Fatalf("gold has %d cues, want at least 80", all.TP+all.FN)
	}
	// Reached when written: P 1.000, R 0.984, source 87/87 on 186 cues.
	const floorP, floorR, floorSource = 0.97, 0.95, 0.95
	if all.Precision() < floorP || all.Recall() < floorR || all.SourceAccuracy() < floorSource {
		t.Errorf("P %.3f R %.3f source %.3f, floors %.2f %.2f %.2f", all.Precision(), all.Recall(), all.SourceAccuracy(), floorP, floorR, floorSource)
	}
}
