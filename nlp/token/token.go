// Package token splits news text into tokens and sentences the way UD
// English (EWT, GUM) does, so that a tagger and parser trained on those
// treebanks read the same units. Every token keeps its byte span into the
// input and its text is exactly the bytes there: contractions and clitics
// are split into their syntactic words ("didn't" → "did" "n't", "Iran's" →
// "Iran" "'s"), but nothing is rewritten or normalised.
//
// The rules are hand-written and measured against UD gold; see README.md
// for the conventions, the figures and the known gaps.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Version names the tokenization rules; it changes whenever a rule
// changes what Sentences returns, so stored layers can be recognised as
// outdated.
const Version = "token/1"

// Tokens tokenizes text, a paragraph or any other stretch of text, into UD
// English tokens. Spans are byte offsets into text; Head is -1 (unparsed).
// Tokens never panics: invalid UTF-8 bytes become tokens of their own.
func Tokens(text string) []crosscheck.Token {
	// About one token per six bytes of news text.
	tk := tokenizer{text: text, toks: make([]crosscheck.Token, 0, len(text)/6+1)}
	tk.run()
	return tk.toks
}

type tokenizer struct {
	text string
	toks []crosscheck.Token
}

func (t *tokenizer) emit(start, end int) {
	if start >= end {
		return
	}
	t.toks = append(t.toks, crosscheck.Token{
		Span: crosscheck.Span{Start: start, End: end},
		Text: t.text[start:end],
		Head: -1,
	})
}

// run walks the whitespace-separated chunks of the text.
func (t *tokenizer) run() {
	s := t.text
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += w
		}
		t.chunk(i, j)
		i = j
	}
}

// chunk tokenizes s[start:end], a run without spaces, left to right.
func (t *tokenizer) chunk(start, end int) {
	s := t.text
	i := start
	for i < end {
		if j := t.special(i, start, end); j > i {
			t.emit(i, j)
			i = j
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:end])
		switch {
		case isAlnum(r):
			i = t.word(i, end)
		case isApos(r) && (i == start || !isAlnumBefore(s, i)) && t.leadingApos(i, end) > i:
			j := t.leadingApos(i, end)
			t.emit(i, j)
			i = j
		case (r == '.' || r == '+') && i+1 < end && isDigitByte(s[i+1]) && (i == start || !isAlnumBefore(s, i)):
			// ".5", "+44": the sign or point belongs to the number.
			i = t.word(i, end)
		default:
			j := i + w
			if r == utf8.RuneError && w == 1 {
				t.emit(i, j)
				i = j
				continue
			}
			switch {
			case r == '.' || r == '!' || r == '?':
				// Runs of sentence punctuation are one token ("...",
				// "?!", "!!!").
				for j < end && (s[j] == '.' || s[j] == '!' || s[j] == '?') {
					j++
				}
			case r == '(' || r == ')' || r == '[' || r == ']' || r == '{' || r == '}':
				// Brackets stay single.
			case !isAlnum(r):
				// Runs of one symbol are one token ("--", "***", "''").
				for j < end {
					r2, w2 := utf8.DecodeRuneInString(s[j:end])
					if r2 != r || (r2 == utf8.RuneError && w2 == 1) {
						break
					}
					j += w2
				}
			}
			t.emit(i, j)
			i = j
		}
	}
}

// special matches, at i, a token that ignores the ordinary rules: a URL,
// an e-mail address, a hashtag or mention, an emoticon, a fused currency
// ("US$"), or a list number at the start of a line ("1."). It returns the
// token's end, or i when none matches.
func (t *tokenizer) special(i, start, end int) int {
	s := t.text
	c := s[i]
	if j := matchURL(s, i, end); j > i {
		return j
	}
	if isAlnumByte(c) {
		if j := matchEmail(s, i, end); j > i {
			return j
		}
	}
	if (c == '#' || c == '@') && (i == start || !isAlnumBefore(s, i)) && i+1 < end {
		r, _ := utf8.DecodeRuneInString(s[i+1 : end])
		if isLetter(r) {
			j := i + 1
			for j < end {
				r, w := utf8.DecodeRuneInString(s[j:end])
				if !isAlnum(r) && r != '_' {
					break
				}
				j += w
			}
			return j
		}
	}
	for _, e := range emoticons {
		if e[0] != c {
			continue
		}
		if strings.HasPrefix(s[i:end], e) {
			j := i + len(e)
			// Alone, or at the end of a word when it has a mouth
			// that cannot be punctuation ("Amy:-)", "series:)").
			if i == start && (j == end || !alnumAt(s, j)) ||
				j == end && (strings.Contains(e, "-") || e == ":)" || e == ":(" || e == ";)") {
				return j
			}
		}
	}
	if c >= 'A' && c <= 'Z' && (i == start || !isAlnumBefore(s, i)) {
		j := i
		for j < end && j-i < 3 && s[j] >= 'A' && s[j] <= 'Z' {
			j++
		}
		if j < end && s[j] == '$' && currencyPrefixes[s[i:j]] {
			return j + 1
		}
	}
	if i == start && (strings.HasPrefix(s[i:end], "[...]") || strings.HasPrefix(s[i:end], "(...)")) {
		return i + 5
	}
	// List markers: "1." at the start of a line, "a)" or "2)" there or
	// after a colon.
	if i == start && isAlnumByte(c) {
		j := i
		for j < end && j-i < 2 && (isDigitByte(s[j]) || (j == i && isASCIILetter(s[j]))) {
			j++
		}
		if j > i && j+1 == end {
			switch {
			case s[j] == '.' && isDigitByte(c) && atLineStart(s, i):
				return end
			case s[j] == ')' && (atLineStart(s, i) || afterColon(s, i)):
				return end
			}
		}
	}
	return i
}

// afterColon reports whether the last non-space before i is ":" or ";".
func afterColon(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \t")
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";")
}

// leadingApos matches a clitic or a year written with an apostrophe at the
// start of a token ("'s" standing alone, "'72", "'90s"), returning its end
// or i.
func (t *tokenizer) leadingApos(i, end int) int {
	s := t.text
	_, w := utf8.DecodeRuneInString(s[i:end])
	j := i + w
	k := j
	for k < end && isDigitByte(s[k]) {
		k++
	}
	if k-j == 2 {
		if k < end && s[k] == 's' {
			k++
		}
		if k == end || !alnumAt(s[:end], k) {
			return k
		}
		return i
	}
	k = j
	for k < end && isASCIILetter(s[k]) {
		k++
	}
	if k > j && (k == end || !alnumAt(s[:end], k)) && isClitic(s[j:k]) && i > 0 && isSpaceBefore(s, i) {
		return k
	}
	return i
}

// word scans an alphanumeric word starting at i, with the connectors UD
// keeps inside a token (apostrophes, hyphens, periods, digit separators,
// "&" in acronyms), then splits it by the UD rules and emits its parts.
// It returns where scanning stopped.
func (t *tokenizer) word(i, end int) int {
	s := t.text
	j := i
	if s[j] == '.' || s[j] == '+' {
		j++
	}
	for j < end {
		r, w := utf8.DecodeRuneInString(s[j:end])
		if isAlnum(r) {
			j += w
			continue
		}
		if r == utf8.RuneError {
			break
		}
		k := j + w
		if k >= end {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[k:end])
		prev, _ := utf8.DecodeLastRuneInString(s[i:j])
		ok := false
		switch {
		case isApos(r):
			// "O'Neill", "Iran's"; "1990's" stays whole.
			ok = isLetter(next) && (isLetter(prev) || (isDigit(prev) && (next == 's' || next == 'S')))
		case isHyphen(r):
			ok = isAlnum(next)
		case r == '.':
			ok = isAlnum(next)
		case r == ',':
			// Thousands separators: a digit, then exactly three digits.
			ok = isDigit(prev) && k+3 <= end && isDigitByte(s[k]) && isDigitByte(s[k+1]) && isDigitByte(s[k+2]) &&
				(k+3 == end || !isDigitByte(s[k+3]))
		case r == ':' || r == '/':
			ok = isDigit(prev) && isDigit(next)
		case r == '&':
			ok = isUpper(prev) && isUpper(next)
		case r == '_' || r == '@':
			ok = isAlnum(next) && isAlnum(prev)
		}
		if !ok {
			break
		}
		j = k
	}
	t.splitWord(i, j, end)
	// splitWord may have taken a final period into an abbreviation.
	if n := len(t.toks); n > 0 && t.toks[n-1].Span.End > j {
		return t.toks[n-1].Span.End
	}
	return j
}

// splitWord emits s[i:j] as UD tokens: hyphens, fused units and
// contractions split off; a following period joined when the word is an
// abbreviation. end bounds the chunk.
func (t *tokenizer) splitWord(i, j, end int) {
	s := t.text
	w := s[i:j]
	if strings.ContainsAny(w, "-\u2010\u2011") && !keepHyphens(w) {
		// Split at each hyphen, except after a kept prefix at the start.
		start := i
		k := i
		for k < j {
			r, n := utf8.DecodeRuneInString(s[k:j])
			if isHyphen(r) && k > start {
				if start == i && hyphenPrefixes[strings.ToLower(s[i:k])] {
					k += n
					continue
				}
				t.piece(start, k, end, false)
				t.emit(k, k+n)
				start = k + n
			}
			k += n
		}
		t.piece(start, j, end, true)
		return
	}
	t.piece(i, j, end, true)
}

// piece emits one hyphen-free part of a word; last says it ends the word,
// so it may take a following period as an abbreviation.
func (t *tokenizer) piece(i, j, end int, last bool) {
	s := t.text
	if i >= j {
		return
	}
	// "said.The": a missing space after a full stop.
	if k := strings.IndexByte(s[i:j], '.'); k >= 2 && k+2 < j-i && allLower(s[i:i+k]) && isTitleWord(s[i+k+1:j]) {
		t.piece(i, i+k, end, false)
		t.emit(i+k, i+k+1)
		t.piece(i+k+1, j, end, last)
		return
	}
	if last && j < end && s[j] == '.' && (j+1 == end || s[j+1] != '.') && isAbbrev(s[i:j], s[j+1:]) != notAbbrev {
		j++
	}
	w := s[i:j]
	// "10am", "5km": a number fused with a unit.
	if isDigitByte(w[0]) {
		k := 0
		for k < len(w) && (isDigitByte(w[k]) || ((w[k] == '.' || w[k] == ',' || w[k] == ':') && k+1 < len(w) && isDigitByte(w[k+1]))) {
			k++
		}
		if k < len(w) && k > 0 && (units[strings.ToLower(w[k:])] || len(w)-k >= 3 && allUpper(w[k:])) {
			t.emit(i, i+k)
			t.emit(i+k, j)
			return
		}
	}
	if len(w) <= 8 {
		if parts, ok := splitForms[strings.ToLower(w)]; ok && sum(parts) == len(w) {
			k := i
			for _, n := range parts {
				t.emit(k, k+n)
				k += n
			}
			return
		}
	}
	if k := cliticStart(w); k > 0 {
		t.emit(i, i+k)
		t.emit(i+k, j)
		return
	}
	t.emit(i, j)
}

// cliticStart returns where a clitic begins in w ("did|n't", "Iran|'s",
// "I|'m"), or 0 when w has none.
func cliticStart(w string) int {
	// n't, n’t, n`t
	if len(w) >= 4 {
		r, n := utf8.DecodeLastRuneInString(w)
		if r == 't' || r == 'T' {
			rest := w[:len(w)-n]
			a, an := utf8.DecodeLastRuneInString(rest)
			if isApos(a) {
				rest = rest[:len(rest)-an]
				if strings.HasSuffix(rest, "n") || strings.HasSuffix(rest, "N") {
					if k := len(rest) - 1; k > 0 {
						return k
					}
				}
			}
		}
	}
	// 's, 'm, 'd, 'll, 're, 've after a letter.
	for k := len(w) - 1; k > 0 && len(w)-k <= 6; k-- {
		a, an := utf8.DecodeRuneInString(w[k:])
		if a == utf8.RuneError || !isApos(a) {
			continue
		}
		if isClitic(w[k+an:]) {
			prev, _ := utf8.DecodeLastRuneInString(w[:k])
			if isLetter(prev) {
				return k
			}
		}
		break
	}
	return 0
}

func isClitic(s string) bool {
	switch strings.ToLower(s) {
	case "s", "m", "d", "ll", "re", "ve":
		return true
	}
	return false
}

// keepHyphens reports whether a hyphenated word is one token in UD: dates,
// phone numbers and postal codes ("2022-11-22", "853-7906", "20006-3700").
func keepHyphens(w string) bool {
	parts := strings.Split(w, "-")
	for _, p := range parts {
		if p == "" || !allDigits(p) {
			return false
		}
	}
	if len(parts) >= 3 {
		return true
	}
	a, b := len(parts[0]), len(parts[1])
	return (a == 3 || a == 5) && b == 4
}

// isAbbrev says whether w followed by a period is an abbreviation, and
// which kind; after is the text following the period.
func isAbbrev(w, after string) abbrevKind {
	if k, ok := abbrevExact[w]; ok {
		return k
	}
	if k, ok := abbrevFolded[strings.ToLower(w)]; ok {
		return k
	}
	if abbrevBeforeNumber[strings.ToLower(w)] {
		a := strings.TrimLeft(after, " \t\u00a0")
		if a != "" && isDigitByte(a[0]) {
			return other
		}
	}
	// Initials: "J."; but not a lone lower-case letter.
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return other
	}
	// Dotted abbreviations: "U.S", "a.m", "Ph.D", "e.g".
	if strings.IndexByte(w, '.') > 0 && dotted(w) {
		return other
	}
	// "10a.m." after a number.
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "a.m") || strings.HasSuffix(lw, "p.m") {
		return other
	}
	return notAbbrev
}

// dotted reports whether w is letter groups of one or two letters joined by
// periods ("U.S", "Ph.D", "a.k.a").
func dotted(w string) bool {
	n := 0
	for _, p := range strings.Split(w, ".") {
		if len(p) == 0 || len(p) > 2 {
			return false
		}
		for i := 0; i < len(p); i++ {
			if !isASCIILetter(p[i]) {
				return false
			}
		}
		n++
	}
	return n >= 2
}

// matchURL matches a URL at i ("https://…", "www.…"), trimming trailing
// punctuation that belongs to the sentence. It returns the end or i.
func matchURL(s string, i, end int) int {
	rest := s[i:end]
	if rest == "" || !isASCIILetter(rest[0]) {
		return i
	}
	switch {
	case hasPrefixFold(rest, "http://"), hasPrefixFold(rest, "https://"),
		hasPrefixFold(rest, "ftp://"), hasPrefixFold(rest, "mailto:"):
	case hasPrefixFold(rest, "www.") && len(rest) > 5 && isAlnumByte(rest[4]):
	default:
		// A bare domain with a path: "example.com/news".
		return matchDomain(s, i, end)
	}
	return i + trimURL(rest)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// matchDomain matches "name.tld" or "name.tld/path" in lower case letters
// when a path follows or the TLD is a common one.
func matchDomain(s string, i, chunkEnd int) int {
	end := chunkEnd
	if end-i > maxHost {
		end = i + maxHost
	}
	j := i
	dots := 0
	for j < end && (isAlnumByte(s[j]) || s[j] == '-' || (s[j] == '.' && j+1 < end && isAlnumByte(s[j+1]))) {
		if s[j] == '.' {
			dots++
		}
		j++
	}
	if dots == 0 || j == i {
		return i
	}
	dom := s[i:j]
	tld := dom[strings.LastIndexByte(dom, '.')+1:]
	if j < end && s[j] == '/' {
		if !commonTLD[strings.ToLower(tld)] {
			return i
		}
		return i + trimURL(s[i:chunkEnd])
	}
	return i
}

// maxHost bounds the scans for host names and e-mail addresses, which
// keeps tokenizing linear on long runs without spaces.
const maxHost = 255

var commonTLD = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true,
	"uk": true, "de": true, "fr": true, "io": true, "info": true,
	"int": true, "eu": true, "ru": true, "cn": true, "au": true,
}

// trimURL returns how much of rest is the URL: up to the end, minus
// trailing punctuation and unbalanced closing brackets.
func trimURL(rest string) int {
	parens := strings.Count(rest, "(") - strings.Count(rest, ")")
	brackets := strings.Count(rest, "[") - strings.Count(rest, "]")
	n := len(rest)
	for n > 0 {
		switch rest[n-1] {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '>':
			n--
			continue
		case ')':
			if parens < 0 {
				parens++
				n--
				continue
			}
		case ']':
			if brackets < 0 {
				brackets++
				n--
				continue
			}
		}
		if r, w := utf8.DecodeLastRuneInString(rest[:n]); isQuoteRune(r) {
			n -= w
			continue
		}
		break
	}
	return n
}

// matchEmail matches local@domain.tld at i and returns its end or i.
func matchEmail(s string, i, end int) int {
	if end-i > 2*maxHost {
		end = i + 2*maxHost
	}
	j := i
	for j < end && j-i < maxHost && (isAlnumByte(s[j]) || strings.IndexByte("._%+-", s[j]) >= 0) {
		j++
	}
	if j == i || j >= end || s[j] != '@' {
		return i
	}
	k := j + 1
	dot := -1
	for k < end && (isAlnumByte(s[k]) || s[k] == '-' || (s[k] == '.' && k+1 < end && isAlnumByte(s[k+1]))) {
		if s[k] == '.' {
			dot = k
		}
		k++
	}
	if dot < 0 || k-dot-1 < 2 {
		return i
	}
	return k
}

func atLineStart(s string, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch s[k] {
		case '\n':
			return true
		case ' ', '\t', '\r':
			continue
		}
		return false
	}
	return true
}

func isSpaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isSpace(r)
}

func isAlnumBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isAlnum(r)
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

func isDigit(r rune) bool { return unicode.IsDigit(r) }

func isAlnum(r rune) bool { return r != utf8.RuneError && (isLetter(r) || isDigit(r)) }

func isUpper(r rune) bool { return unicode.IsUpper(r) }

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// isAlnumByte reports an ASCII letter or digit.
func isAlnumByte(c byte) bool { return isDigitByte(c) || isASCIILetter(c) }

// alnumAt reports whether the rune at s[i:] is a letter or digit.
func alnumAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isAlnum(r)
}

// isApos reports apostrophes that join clitics: ' ’ ` ´ ʼ.
func isApos(r rune) bool {
	return r == '\'' || r == '’' || r == '`' || r == '´' || r == 'ʼ'
}

// isHyphen reports hyphens (not dashes).
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '`':
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func allLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// isTitleWord reports an ASCII word with one capital then lower case
// letters ("The").
func isTitleWord(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	return allLower(s[1:])
}
