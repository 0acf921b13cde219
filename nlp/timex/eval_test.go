package timex

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// The dev and held-out test sets must stay above these floors; a change
// that drops below them is a regression. The dev set was tuned on, the
// test set was not (see the package history in the report).
func TestEvaluateFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the tagger and parser")
	}
	floors := []struct {
		dir                     string
		strict, relaxed, values float64
	}{
		{"testdata/dev", 0.97, 0.97, 0.95},
		{"testdata/test", 0.93, 0.95, 0.85},
	}
	for _, fl := range floors {
		t.Run(filepath.Base(fl.dir), func(t *testing.T) {
			r, err := Evaluate(context.Background(), fl.dir)
			if err != nil {
				t.Fatal(err)
			}
			s := r.Score
			if s.Strict.F1() < fl.strict || s.Relaxed.F1() < fl.relaxed || s.ValueAccuracy() < fl.values {
				var b strings.Builder
				r.WriteErrors(&b, 40)
				t.Errorf("below the floor (strict F1 %.2f, relaxed F1 %.2f, value accuracy %.2f):\n%s%s",
					fl.strict, fl.relaxed, fl.values, r, b.String())
			}
			if r.Gold < 90 || r.Files < 4 {
				t.Errorf("%d files, %d expressions: the set shrank", r.Files, r.Gold)
			}
			t.Logf("\n%s", r)
		})
	}
}

// The dev and test files together hold at least 320 expressions, every
// file but the undated ones has a DCT, and none is empty.
func TestDevSetShape(t *testing.T) {
	total, undated, blocks := 0, 0, 0
	for _, dir := range []string{"testdata/dev", "testdata/test"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.tml"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, p := range paths {
			doc, err := ReadTimeMLFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Gold) == 0 {
				t.Errorf("%s: no expressions", p)
			}
			if !doc.DCT.Known() {
				undated++
			}
			blocks += len(doc.Blocks)
			total += len(doc.Gold)
			for _, g := range doc.Gold {
				if !validTypes[g.Type] {
					t.Errorf("%s: %q has type %q", p, g.Text, g.Type)
				}
			}
		}
	}
	if total < 320 || undated == 0 || blocks == 0 {
		t.Errorf("%d expressions, %d undated files, %d blocks", total, undated, blocks)
	}
}

func TestEvaluateErrors(t *testing.T) {
	if _, err := Evaluate(context.Background(), t.TempDir()); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("empty dir: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.tml"), []byte("<TimeML>no text</TimeML>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Evaluate(context.Background(), dir); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("bad file: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Evaluate(ctx, "testdata/dev"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// Gold against itself scores 1.0 through the same report code.
func TestReportGoldAgainstItself(t *testing.T) {
	doc, err := ReadTimeMLFile("testdata/dev/01-pier.tml")
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	r.add("01-pier.tml", doc.Gold, doc.Gold)
	if r.Score.Strict.F1() != 1 || r.Score.ValueAccuracy() != 1 || len(r.Errors) != 0 {
		t.Fatalf("%s %+v", r, r.Errors)
	}
	var b strings.Builder
	r.add("x.tml", doc.Gold[:1], nil)
	if err := r.WriteErrors(&b, 0); err != nil || !strings.Contains(b.String(), "missed") || !strings.Contains(r.String(), "value accuracy") {
		t.Errorf("report:\n%s\n%s", r, b.String())
	}
}
