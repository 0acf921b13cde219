// Package query parses the forgiving full-text search syntax users type
// (see crosscheck.SearchQuery) into a small tree that each store renders
// into its own engine's syntax. Parsing never fails on odd punctuation:
// anything that is not an operator is a literal word, so every input
// yields either a query or an error wrapping crosscheck.ErrInvalid.
package query

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// MaxTerms bounds the number of terms in a query. It keeps rendered
// expressions well inside the engines' depth and size limits.
const MaxTerms = 64

// Term is one word, prefix or phrase.
type Term struct {
	// Text is the term as the user wrote it, without quotes, the leading
	// "-" or the trailing "*". The engine's tokenizer splits it into
	// tokens; a Text of several tokens is matched as a phrase.
	Text string
	// Phrase is true when the user wrote the term in double quotes.
	Phrase bool
	// Prefix is true when the term ended with "*": its last token matches
	// any token that starts with it.
	Prefix bool
}

// Query is a parsed search: every element of Must has to match, and no
// term of Not may match.
type Query struct {
	// Must holds the required clauses. A clause matches when any of its
	// terms matches (the user joined them with OR); most clauses have one
	// term.
	Must [][]Term
	// Not holds the excluded terms.
	Not []Term
}

// Parse parses a user's query. It returns an error wrapping
// crosscheck.ErrInvalid when the query has no searchable term, only
// exclusions, or more than MaxTerms terms.
//
// Syntax: words are all required; "double quotes" make a phrase; a
// trailing * makes a prefix; a leading - excludes a word or phrase; OR
// (in capitals) between two terms accepts either. A quote without its
// closing partner, an OR without a term on each side and any other
// punctuation are literal text.
func Parse(s string) (*Query, error) {
	// FTS5 reads its query as a C string, so a NUL would end it early; no
	// control character is searchable text anyway.
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	var (
		q      Query
		orNext bool // the previous item was an OR joining two terms
		n      int
	)
	items := scan(s)
	for i, it := range items {
		if it.or {
			continue
		}
		if !searchable(it.term.Text) {
			// Nothing the tokenizer would index: "...", "—", a lone "-".
			orNext = false
			continue
		}
		if n++; n > MaxTerms {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "parse query: more than %d terms", MaxTerms)
		}
		if it.neg {
			q.Not = append(q.Not, it.term)
			orNext = false
			continue
		}
		if orNext && len(q.Must) > 0 {
			last := len(q.Must) - 1
			q.Must[last] = append(q.Must[last], it.term)
		} else {
			q.Must = append(q.Must, []Term{it.term})
		}
		orNext = i+1 < len(items) && items[i+1].or
	}
	if len(q.Must) == 0 {
		if len(q.Not) > 0 {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "parse query: only exclusions, nothing to search for")
		}
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "parse query: no words to search for")
	}
	return &q, nil
}

// item is a scanned piece of the query: a term (maybe excluded) or an OR
// operator.
type item struct {
	term Term
	neg  bool
	or   bool
}

// scan splits s into items. An "OR" is an operator only between two
// positive terms; everywhere else it is the literal word.
func scan(s string) []item {
	var items []item
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		var it item
		if s[i] == '-' && i+1 < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[i+1:]); !unicode.IsSpace(r) {
				it.neg = true
				i++
			}
		}
		if s[i] == '"' {
			if end := strings.IndexByte(s[i+1:], '"'); end >= 0 {
				it.term = Term{Text: s[i+1 : i+1+end], Phrase: true}
				i += end + 2
				if i < len(s) && s[i] == '*' {
					it.term.Prefix = true
					i++
				}
				items = append(items, it)
				continue
			}
			// An unbalanced quote is literal text.
		}
		end := i + wordLen(s[i:])
		word := s[i:end]
		i = end
		if !it.neg && word == "OR" {
			items = append(items, item{or: true})
			continue
		}
		if len(word) > 1 && strings.HasSuffix(word, "*") {
			word = strings.TrimRight(word, "*")
			it.term.Prefix = true
		}
		it.term.Text = word
		items = append(items, it)
	}
	// Demote ORs that do not sit between two positive terms.
	for i := range items {
		if !items[i].or {
			continue
		}
		ok := i > 0 && !items[i-1].or && !items[i-1].neg &&
			i+1 < len(items) && !items[i+1].or && !items[i+1].neg
		if !ok {
			items[i] = item{term: Term{Text: "OR"}}
		}
	}
	return items
}

// wordLen returns the length of the word at the start of s: everything up
// to the next space.
func wordLen(s string) int {
	for i, r := range s {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}

// searchable reports whether s holds a character a unicode61-style
// tokenizer indexes: a letter, a number or a private-use character.
func searchable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) {
			return true
		}
	}
	return false
}

// FTS5 renders the query for an SQLite FTS5 MATCH. Every term is a quoted
// string, so characters that are FTS5 syntax (AND, NEAR, ^, :, parentheses)
// are inert and tokenized like indexed text.
func (q *Query) FTS5() string {
	var b strings.Builder
	group := len(q.Not) > 0 && len(q.Must) > 1
	if group {
		b.WriteByte('(')
	}
	for i, clause := range q.Must {
		if i > 0 {
			b.WriteString(" AND ")
		}
		writeFTS5Clause(&b, clause)
	}
	if group {
		b.WriteByte(')')
	}
	if len(q.Not) > 0 {
		b.WriteString(" NOT ")
		writeFTS5Clause(&b, q.Not)
	}
	return b.String()
}

// writeFTS5Clause writes terms joined by OR, parenthesized when there is
// more than one.
func writeFTS5Clause(b *strings.Builder, terms []Term) {
	if len(terms) > 1 {
		b.WriteByte('(')
	}
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" OR ")
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t.Text, `"`, `""`))
		b.WriteByte('"')
		if t.Prefix {
			b.WriteString(" *")
		}
	}
	if len(terms) > 1 {
		b.WriteByte(')')
	}
}

// String renders the query in the user syntax Parse reads, normalized.
func (q *Query) String() string {
	var parts []string
	for _, clause := range q.Must {
		var alt []string
		for _, t := range clause {
			alt = append(alt, t.String())
		}
		parts = append(parts, strings.Join(alt, " OR "))
	}
	for _, t := range q.Not {
		parts = append(parts, "-"+t.String())
	}
	return strings.Join(parts, " ")
}

// String renders the term in the user syntax.
func (t Term) String() string {
	s := t.Text
	if t.Phrase {
		s = `"` + s + `"`
	}
	if t.Prefix {
		s += "*"
	}
	return s
}
