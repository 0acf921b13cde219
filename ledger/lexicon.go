package ledger

import (
	"bufio"
	_ "embed"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

//go:embed lexicon.tsv
var builtinLexicon string

// Lexicon is a list of loaded terms with their categories.
type Lexicon struct {
	// terms maps a term's first word (lower case) to the terms starting
	// with it, longest first.
	terms map[string][]lexTerm
	n     int
}

type lexTerm struct {
	words    []string
	prefix   bool // the last word matches any ending
	category string
	text     string
}

// Len returns the number of terms.
func (l *Lexicon) Len() int { return l.n }

// DefaultLexicon returns the built-in lexicon.
func DefaultLexicon() *Lexicon {
	l := &Lexicon{terms: map[string][]lexTerm{}}
	if err := l.Read(strings.NewReader(builtinLexicon), "lexicon.tsv"); err != nil {
		panic("ledger: the built-in lexicon is broken: " + err.Error()) // a build defect, caught by the tests
	}
	return l
}

// Read adds the terms of a lexicon file: term<TAB>category[<TAB>note]
// per line, # comments and blank lines allowed.
func (l *Lexicon) Read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: want a term, a tab and a category", name, line)
		}
		term := strings.ToLower(strings.TrimSpace(f[0]))
		t := lexTerm{category: strings.TrimSpace(f[1]), text: term}
		if strings.HasSuffix(term, "*") {
			t.prefix = true
			term = strings.TrimSuffix(term, "*")
		}
		t.words = words(term)
		if len(t.words) == 0 {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: term %q has no words", name, line, f[0])
		}
		l.terms[t.words[0]] = append(l.terms[t.words[0]], t)
		sort.SliceStable(l.terms[t.words[0]], func(i, j int) bool {
			return len(l.terms[t.words[0]][i].words) > len(l.terms[t.words[0]][j].words)
		})
		l.n++
	}
	return sc.Err()
}

// words splits lower-case text into words (letters, digits, inner
// hyphens and apostrophes).
func words(s string) []string {
	var out []string
	for _, w := range wordSpans(s) {
		out = append(out, s[w.Start:w.End])
	}
	return out
}

func wordSpans(s string) []crosscheck.Span {
	var out []crosscheck.Span
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '-' || r == '\'' || r == '’') && start >= 0)
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			out = append(out, crosscheck.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, crosscheck.Span{Start: start, End: len(s)})
	}
	// Trailing hyphens or apostrophes are not part of a word.
	for i := range out {
		for out[i].End > out[i].Start {
			r, n := utf8.DecodeLastRuneInString(s[out[i].Start:out[i].End])
			if r != '-' && r != '\'' && r != '’' {
				break
			}
			out[i].End -= n
		}
	}
	return out
}

// Match is a lexicon term found in a text.
type Match struct {
	Term     string          `json:"term"`
	Category string          `json:"category"`
	Text     string          `json:"text"`
	Span     crosscheck.Span `json:"span"`
}

// Find returns the terms in text, leftmost-longest, without overlaps.
func (l *Lexicon) Find(text string) []Match {
	spans := wordSpans(text)
	lower := make([]string, len(spans))
	for i, sp := range spans {
		w := strings.ToLower(text[sp.Start:sp.End])
		// A possessive matches its noun: "regime's" is "regime".
		for _, suf := range []string{"'s", "’s"} {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
			}
		}
		lower[i] = w
	}
	var out []Match
	for i := 0; i < len(spans); i++ {
		for _, t := range l.terms[lower[i]] {
			if matchAt(t, lower, i) {
				end := spans[i+len(t.words)-1].End
				out = append(out, Match{Term: t.text, Category: t.category, Text: text[spans[i].Start:end], Span: crosscheck.Span{Start: spans[i].Start, End: end}})
				i += len(t.words) - 1
				break
			}
		}
		if len(l.terms[lower[i]]) == 0 {
			// prefix terms are indexed by their first word; a one-word
			// prefix term may match a longer word.
			for _, t := range l.prefixOnly(lower[i]) {
				out = append(out, Match{Term: t.text, Category: t.category, Text: text[spans[i].Start:spans[i].End], Span: spans[i]})
				break
			}
		}
	}
	return out
}

// prefixOnly returns the one-word prefix terms that w starts with.
func (l *Lexicon) prefixOnly(w string) []lexTerm {
	var out []lexTerm
	for i := len(w) - 1; i >= 3; i-- {
		for _, t := range l.terms[w[:i]] {
			if t.prefix && len(t.words) == 1 {
				out = append(out, t)
			}
		}
	}
	return out
}

func matchAt(t lexTerm, lower []string, i int) bool {
	if i+len(t.words) > len(lower) {
		return false
	}
	for j, w := range t.words {
		last := j == len(t.words)-1
		if lower[i+j] == w || (last && t.prefix && strings.HasPrefix(lower[i+j], w)) {
			continue
		}
		return false
	}
	return true
}
