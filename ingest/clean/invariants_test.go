package clean

import (
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// checkInvariants asserts what every Clean result must satisfy.
func checkInvariants(t *testing.T, src string, r Result) {
	t.Helper()
	prevEnd := -1
	for _, x := range r.Removed {
		if !x.Span.Valid(len(src)) {
			t.Fatalf("removed span %v invalid for input of %d bytes", x.Span, len(src))
		}
		if src[x.Span.Start:x.Span.End] != x.Text {
			t.Fatalf("removed text %q differs from input %q", x.Text, src[x.Span.Start:x.Span.End])
		}
		if x.Span.Start < prevEnd {
			t.Fatalf("removed span %v overlaps the previous one", x.Span)
		}
		prevEnd = x.Span.End
		if x.Label == "" || x.Reason == "" {
			t.Fatalf("removed piece without label or reason: %+v", x)
		}
	}
	if !r.Headline.Valid(len(r.Text)) {
		t.Fatalf("headline %v invalid for text of %d bytes", r.Headline, len(r.Text))
	}
	if r.Headline.Len() > 0 && r.Text[r.Headline.Start:r.Headline.End] != r.Meta.Title {
		t.Fatalf("headline %q differs from title %q", r.Text[r.Headline.Start:r.Headline.End], r.Meta.Title)
	}
	for _, b := range r.Blocks {
		if !b.Span.Valid(len(r.Text)) || b.Span.Len() == 0 {
			t.Fatalf("block span %v invalid for text of %d bytes", b.Span, len(r.Text))
		}
	}
	if strings.Contains(r.Text, "\n\n\n") {
		t.Fatal("text holds three newlines in a row")
	}
	if r.Text != strings.TrimFunc(r.Text, isSpace) {
		t.Fatal("text has leading or trailing whitespace")
	}
	for field := range r.Meta.Rules {
		if !strings.HasPrefix(r.Meta.Rules[field], "text:") {
			t.Fatalf("rule %q for %s lacks the text: prefix", r.Meta.Rules[field], field)
		}
		if _, ok := r.Meta.Raw[field]; !ok {
			t.Fatalf("field %s has a rule but no raw value", field)
		}
	}
	// The clean text is exactly the input's non-blank lines that were not
	// removed, trimmed, joined by blank lines: so every non-space byte of
	// the input is either kept or accounted for in Removed.
	removedAt := map[int]bool{}
	for _, x := range r.Removed {
		removedAt[x.Span.Start] = true
	}
	var kept []string
	for _, l := range splitLines(src) {
		if !removedAt[l.start] {
			kept = append(kept, l.text)
		}
	}
	if want := strings.Join(kept, "\n\n"); r.Text != want {
		t.Fatalf("text is not the kept lines:\n got %q\nwant %q", r.Text, want)
	}
	if len(removedAt) != len(r.Removed) {
		t.Fatal("two removed pieces start at the same byte")
	}
}

// uncovered returns the first non-space byte at or after from that no
// span covers, or -1.
func uncovered(src string, from int, rs []crosscheck.Removed) int {
	covered := make([]bool, len(src))
	for _, x := range rs {
		for i := x.Span.Start; i < x.Span.End && i < len(src); i++ {
			covered[i] = true
		}
	}
	for i, r := range src[from:] {
		if !covered[from+i] && !isSpace(r) && !unicode.IsSpace(r) {
			return from + i
		}
	}
	return -1
}
