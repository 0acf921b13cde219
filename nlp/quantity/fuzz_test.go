package quantity_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/quantity"
	"github.com/crosscheck/crosscheck/nlp/token"
)

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"19", 19, true}, {"1,000", 1000, true}, {"1,234,567.5", 1234567.5, true}, {"3.5", 3.5, true},
		{".5", 0.5, true}, {"0.25", 0.25, true}, {"nineteen", 19, true}, {"twenty-two", 22, true},
		{"twenty two", 22, true}, {"one hundred and five", 105, true}, {"a hundred", 100, true},
		{"two dozen", 24, true}, {"a dozen", 12, true}, {"half a million", 500000, true},
		{"1.1 billion", 1.1e9, true}, {"3.5m", 3.5e6, true}, {"20bn", 2e10, true},
		{"two and a half million", 2.5e6, true}, {"three thousand four hundred", 3400, true},
		{"999999999999999999999999", 1e24, true},
		{"1e400", 0, false}, {"1e5", 0, false}, {"-5", 0, false}, {"+44", 0, false}, {"1,00", 0, false},
		{"0958", 0, false}, {"1.2.3", 0, false}, {"1/2", 0, false}, {"", 0, false}, {"one two", 0, false},
		{"million", 0, false}, {"hundred", 0, false}, {"and", 0, false}, {strings.Repeat("9", 400), 0, false},
	} {
		got, ok := quantity.ParseNumber(tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1e400", "999999999999999999999999", "1,000", "3.5m", "twenty-two", "half a million",
		"one hundred and five", "two and a half billion", strings.Repeat("9", 300), "1,000,000,000,000,000", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := quantity.ParseNumber(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"More than 1.1 billion manats, up to $1,000, 1e400 and 999999999999999999999999 birds.",
		"Between 10 and 15 - 20 or 30 percent of dozens of the 22nd, twenty-first; half a dozen.",
		"$ € £ - – 5 - 3 in 2022, No. 5, COVID-19, +44 20 7946 0958, 10 am.",
		"a a a hundred of of thousands of tens of millions of dollars in",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		a := annotate(t, text)
		checkFind(t, text, a.Sentences)
		// Broken parses and untagged tokens must not break Find either.
		scrambled := make([]crosscheck.Sentence, len(a.Sentences))
		for i, s := range a.Sentences {
			s.Tokens = append([]crosscheck.Token(nil), s.Tokens...)
			for j := range s.Tokens {
				s.Tokens[j].Head = (j*7+len(text))%(len(s.Tokens)+3) - 2
				if j%3 == 0 {
					s.Tokens[j].UPOS, s.Tokens[j].XPOS = "", ""
				}
			}
			scrambled[i] = s
		}
		checkFind(t, text, scrambled)
		checkFind(t, text, token.Sentences(text))
		// Tokens out of order, with spans past the end of the text.
		for _, s := range scrambled {
			slices.Reverse(s.Tokens)
			for j := range s.Tokens {
				if j%4 == 1 {
					s.Tokens[j].Span.End += len(text)
				}
			}
			quantity.Find(text, []crosscheck.Sentence{s}, quantity.Options{})
		}
	})
}

func checkFind(t *testing.T, text string, sents []crosscheck.Sentence) {
	t.Helper()
	if qs := quantity.Find(text, sents, quantity.Options{Exclude: []crosscheck.Span{{Start: -5, End: 1 << 30}}}); len(qs) > 0 {
		t.Fatalf("found %q although the whole text is excluded", qs[0].Text)
	}
	qs := quantity.Find(text, sents, quantity.Options{Exclude: []crosscheck.Span{{Start: 3, End: 9}}})
	prev := -1
	for _, q := range qs {
		checkEvidence(t, text, q)
		if q.Span.Start < prev {
			t.Fatalf("quantities overlap or are out of order at %v", q.Span)
		}
		prev = q.Span.End
		for _, v := range []*float64{&q.Value, q.Low, q.High} {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				t.Fatalf("%q: bad number %v", q.Text, *v)
			}
		}
		if q.Low != nil && q.High != nil && *q.Low > *q.High {
			t.Fatalf("%q: low %v above high %v", q.Text, *q.Low, *q.High)
		}
		if q.Span.Start < 9 && q.Span.End > 3 {
			t.Fatalf("%q overlaps the excluded span", q.Text)
		}
	}
}
