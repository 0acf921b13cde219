package quote_test

import (
	"context"
	"flag"
	"os"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
	"github.com/crosscheck/crosscheck/nlp/quote"
)

var showErrors = flag.String("errors", "", "list the disagreements with the gold data of a split (dev, test, all)")

var (
	pipeOnce sync.Once
	pipe     *nlp.Pipeline
	pipeErr  error
)

// pipeline is the real first part of the language layer, with the demo
// corpus's names list (the dev set draws on the demo corpus's invented
// world, which no model can know).
func pipeline(t testing.TB) *nlp.Pipeline {
	t.Helper()
	pipeOnce.Do(func() {
		var p *nlp.Pipeline
		if p, pipeErr = nlp.Default(); pipeErr != nil {
			return
		}
		f, err := os.Open("../../demo/corpus/names.tsv")
		if err != nil {
			pipeErr = err
			return
		}
		defer f.Close()
		names, err := nlp.ReadNames(f, "names.tsv")
		if err != nil {
			pipeErr = err
			return
		}
		pipe = p.WithNames(names)
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// TestDevSet scores Find on the quote dev set with the real pipeline and
// holds the figures above a floor. Run with -v to see the tables and
// -errors to list every disagreement:
//
//	go test ./nlp/quote/ -run DevSet -v -args -errors=dev
func TestDevSet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the language layer")
	}
	rep, err := quote.Evaluate(context.Background(), "testdata/dev.jsonl", pipeline(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep)
	if r := rep.Get(*showErrors); r != nil {
		for _, e := range r.Errors {
			t.Log(e)
		}
	}
	// Floors a little under the figures of quote/1 (dev F1 0.997,
	// speaker 0.980; test F1 0.949, speaker 0.923): a change that falls
	// below them has broken something.
	floors := []struct {
		split, kind string
		f1, speaker float64
	}{
		{"dev", "", 0.95, 0.93},
		{"test", "", 0.90, 0.86},
		{"all", crosscheck.QuoteDirect, 0.95, 0.90},
		{"all", crosscheck.QuoteIndirect, 0.90, 0.90},
		{"all", crosscheck.QuoteAccordingTo, 0.90, 0.85},
	}
	for _, f := range floors {
		r := rep.Get(f.split)
		if r == nil {
			t.Fatalf("no %s split", f.split)
		}
		c := r.All
		if f.kind != "" {
			c = r.Kind[f.kind]
		}
		if c.F1() < f.f1 || c.SpeakerAccuracy() < f.speaker {
			t.Errorf("%s %s: F1 %.3f (floor %.2f), speaker accuracy %.3f (floor %.2f)", f.split, f.kind, c.F1(), f.f1, c.SpeakerAccuracy(), f.speaker)
		}
	}
	if n := rep.Get("all").All.Gold; n < 150 {
		t.Errorf("%d gold quotes, want at least 150", n)
	}
}
