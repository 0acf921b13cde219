package quantity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Record is a quantity as a gold file states it: its sentence, the text
// of its span and what Find should say about it. Low and High are nil
// when unbounded, as in crosscheck.Quantity.
type Record struct {
	Sentence string   `json:"sentence"`
	Span     string   `json:"span"`
	Kind     string   `json:"kind"`
	Value    float64  `json:"value"`
	Low      *float64 `json:"low,omitempty"`
	High     *float64 `json:"high,omitempty"`
	Head     string   `json:"head,omitempty"`
	Unit     string   `json:"unit,omitempty"`
}

// RecordOf turns a found quantity into a Record of the given sentence.
func RecordOf(sentence string, q crosscheck.Quantity) Record {
	return Record{Sentence: sentence, Span: q.Text, Kind: q.Kind, Value: q.Value, Low: q.Low, High: q.High, Head: q.Head, Unit: q.Unit}
}

// ReadGold reads a gold file: one JSON Record per line; blank lines and
// lines starting with # are skipped.
func ReadGold(r io.Reader) ([]Record, error) {
	var out []Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var rec Record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "gold line %d: %w", n, err)
		}
		if rec.Sentence == "" || rec.Span == "" || !strings.Contains(rec.Sentence, rec.Span) {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "gold line %d: span %q is not in its sentence", n, rec.Span)
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}

// Scores rate found quantities against gold. Quantities match when they
// are in the same sentence with the same span text; Precision, Recall and
// F1 count matches, and the accuracies are over matched pairs.
type Scores struct {
	Gold, Found, Matched  int
	Precision, Recall, F1 float64
	// Kind, Value, Bounds, Head and Unit are the share of matches with
	// the same kind, value (to a relative 1e-6), both bounds, head text
	// and unit.
	Kind, Value, Bounds, Head, Unit float64
}

// String renders the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("gold %d found %d matched %d  P %.3f R %.3f F1 %.3f  kind %.3f value %.3f bounds %.3f head %.3f unit %.3f",
		s.Gold, s.Found, s.Matched, s.Precision, s.Recall, s.F1, s.Kind, s.Value, s.Bounds, s.Head, s.Unit)
}

// Score matches found against gold. Each gold record matches at most one
// found record, so a span text that occurs twice in a sentence needs two
// records on each side.
func Score(gold, found []Record) Scores {
	s := Scores{Gold: len(gold), Found: len(found)}
	type key struct{ sentence, span string }
	pool := map[key][]Record{}
	for _, f := range found {
		k := key{f.Sentence, f.Span}
		pool[k] = append(pool[k], f)
	}
	var kind, value, bounds, head, unit int
	for _, g := range gold {
		k := key{g.Sentence, g.Span}
		fs := pool[k]
		if len(fs) == 0 {
			continue
		}
		f := fs[0]
		pool[k] = fs[1:]
		s.Matched++
		if f.Kind == g.Kind {
			kind++
		}
		if near(f.Value, g.Value) {
			value++
		}
		if nearPtr(f.Low, g.Low) && nearPtr(f.High, g.High) {
			bounds++
		}
		if f.Head == g.Head {
			head++
		}
		if f.Unit == g.Unit {
			unit++
		}
	}
	s.Precision = ratio(s.Matched, s.Found)
	s.Recall = ratio(s.Matched, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Kind = ratio(kind, s.Matched)
	s.Value = ratio(value, s.Matched)
	s.Bounds = ratio(bounds, s.Matched)
	s.Head = ratio(head, s.Matched)
	s.Unit = ratio(unit, s.Matched)
	return s
}

// ratio is a/b, and 1 for 0/0: nothing to find and nothing found is
// perfect.
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

func nearPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return near(*a, *b)
}
