package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Sentences splits text into sentences of tokens. Spans are byte offsets
// into text; Sentence.Index counts from 0; Token.Head is -1 (unparsed).
//
// A sentence never crosses a blank line (a paragraph boundary). Within a
// paragraph, each line is its own sentence (headlines, datelines, list
// items) unless the paragraph is hard-wrapped, which shows as a line that
// starts in lower case; then only list items start new sentences. Inside
// a line, a sentence ends at ".", "?", "!" or an ellipsis, together with
// any closing quotes and brackets, when the next token can start a
// sentence. Abbreviations and initials end one only before a likely
// sentence opener ("in the U.S. The next day"); they keep their period,
// as in GUM.
func Sentences(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	for _, seg := range segments(text) {
		toks := Tokens(text[seg.Start:seg.End])
		for k := range toks {
			toks[k].Span.Start += seg.Start
			toks[k].Span.End += seg.Start
		}
		out = appendSentences(out, text, toks)
	}
	for k := range out {
		out[k].Index = k
	}
	return out
}

// segments cuts text into stretches no sentence crosses: paragraphs, and
// lines within paragraphs that are not hard-wrapped. Spans are trimmed
// of surrounding space.
func segments(text string) []crosscheck.Span {
	type line struct{ start, end int }
	var segs []crosscheck.Span
	var para []line
	flush := func() {
		if len(para) == 0 {
			return
		}
		wrapped := false
		for _, l := range para[1:] {
			r, _ := utf8.DecodeRuneInString(text[l.start:l.end])
			if unicode.IsLower(r) {
				wrapped = true
				break
			}
		}
		cur := para[0]
		for _, l := range para[1:] {
			if wrapped && !isListItem(text[l.start:l.end]) {
				cur.end = l.end
				continue
			}
			segs = append(segs, crosscheck.Span{Start: cur.start, End: cur.end})
			cur = l
		}
		segs = append(segs, crosscheck.Span{Start: cur.start, End: cur.end})
		para = para[:0]
	}
	i := 0
	for i <= len(text) {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		s, e := trimSpace(text, i, j)
		if s == e {
			flush()
		} else {
			para = append(para, line{s, e})
		}
		i = j + 1
	}
	flush()
	return segs
}

// trimSpace narrows [i, j) of text to its non-space part.
func trimSpace(text string, i, j int) (int, int) {
	for i < j {
		r, w := utf8.DecodeRuneInString(text[i:j])
		if !isSpace(r) {
			break
		}
		i += w
	}
	for j > i {
		r, w := utf8.DecodeLastRuneInString(text[i:j])
		if !isSpace(r) {
			break
		}
		j -= w
	}
	return i, j
}

// isListItem reports a line that starts with a bullet or a list number.
func isListItem(line string) bool {
	r, w := utf8.DecodeRuneInString(line)
	switch r {
	case '•', '·', '▪', '‣', '◦', '○', '●', '■', '□', '➢', '►', '*', '-', '–', '—':
		return w < len(line) && (line[w] == ' ' || line[w] == '\t')
	}
	k := 0
	for k < len(line) && k < 3 && (isDigitByte(line[k]) || (k == 0 && isASCIILetter(line[k]))) {
		k++
	}
	return k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' '
}

// stop kinds of a token that may end a sentence.
const (
	noStop = iota
	fullStop
	strongStop // "?", "!", "?!"
	ellipsis
	abbrevStop // an abbreviation or initial with its period
)

func stopKind(tok string) int {
	switch tok {
	case "":
		return noStop
	case "[...]", "(...)":
		return ellipsis
	}
	if strings.Trim(tok, ".!?…") == "" {
		switch {
		case strings.ContainsAny(tok, "!?"):
			return strongStop
		case tok == ".":
			return fullStop
		default:
			return ellipsis
		}
	}
	if len(tok) > 1 && tok[len(tok)-1] == '.' {
		r, _ := utf8.DecodeRuneInString(tok)
		if isLetter(r) && isAbbrev(tok[:len(tok)-1], "") == other {
			return abbrevStop
		}
	}
	return noStop
}

// appendSentences splits one segment's tokens into sentences.
func appendSentences(out []crosscheck.Sentence, text string, toks []crosscheck.Token) []crosscheck.Sentence {
	n := len(toks)
	if n == 0 {
		return out
	}
	start := 0
	finish := func(end int) {
		if end <= start {
			return
		}
		ts := toks[start:end:end]
		out = append(out, crosscheck.Sentence{
			Span:   crosscheck.Span{Start: ts[0].Span.Start, End: ts[len(ts)-1].Span.End},
			Tokens: ts,
		})
		start = end
	}
	for i := 0; i < n; i++ {
		kind := stopKind(toks[i].Text)
		if kind == noStop {
			continue
		}
		if kind == fullStop && i > 0 && toks[i-1].Text == "." {
			kind = ellipsis // ". . ."
		}
		j := i + 1
		for j < n {
			if closes(text, toks, j) {
				j++
				continue
			}
			// A reference mark: "rose.[1] Officials".
			if j+2 < n && toks[j].Text == "[" && toks[j].Span.Start == toks[j-1].Span.End &&
				allDigits(toks[j+1].Text) && toks[j+2].Text == "]" {
				j += 3
				continue
			}
			break
		}
		if j < n && opensSentence(kind, toks, j) {
			finish(j)
		}
		i = j - 1
	}
	finish(n)
	return out
}

// opensSentence reports whether toks[j] starts a new sentence after a stop
// of the given kind.
func opensSentence(kind int, toks []crosscheck.Token, j int) bool {
	next := toks[j].Text
	r, _ := utf8.DecodeRuneInString(next)
	if stopKind(next) != noStop && stopKind(next) != abbrevStop {
		return false // ". . ."
	}
	// A full stop that the tokenizer did not take into an abbreviation, or
	// a bare "?" or "!", ends a sentence even before lower case ("… to
	// bed. i was tired"); after a closing quote it does not ("“Why?” she
	// asked").
	if unicode.IsLower(r) && (kind == fullStop || kind == strongStop) && stopKind(toks[j-1].Text) == kind {
		return true
	}
	if unicode.IsLower(r) || strings.ContainsRune(",;:)]}%", r) {
		return false
	}
	switch kind {
	case fullStop, strongStop:
		return true
	case ellipsis:
		return unicode.IsUpper(r) && next != "I" || isOpener(next)
	case abbrevStop:
		if isOpener(next) && j+1 < len(toks) {
			r2, _ := utf8.DecodeRuneInString(toks[j+1].Text)
			return unicode.IsUpper(r2)
		}
		return unicode.IsUpper(r) && sentenceOpeners[strings.ToLower(next)] && !strings.HasSuffix(next, ".")
	}
	return false
}

// isOpener reports an opening quote or bracket.
func isOpener(tok string) bool {
	switch tok {
	case "“", "\"", "‘", "«", "„", "(", "[", "``", "'":
		return true
	}
	return false
}

// isCloser reports a closing quote or bracket.
func isCloser(tok string) bool {
	switch tok {
	case "”", "\"", "’", "»", ")", "]", "}", "''", "’’", "'", "›":
		return true
	}
	return false
}

// isAmbiguousQuote reports quotes that open as well as close: they close a
// sentence only when attached to it.
func isAmbiguousQuote(tok string) bool {
	switch tok {
	case "\"", "'", "''", "’", "’’":
		return true
	}
	return false
}

// closes reports whether toks[j] still belongs to the sentence that a stop
// before it ends: a closing quote or bracket, or more final punctuation
// attached to it ("ended.”", "(see below.)", "“Stop!”.").
func closes(text string, toks []crosscheck.Token, j int) bool {
	t := toks[j]
	attached := t.Span.Start == toks[j-1].Span.End
	if isCloser(t.Text) && (attached || !isAmbiguousQuote(t.Text)) {
		return true
	}
	if !attached {
		return false
	}
	if k := stopKind(t.Text); k != noStop && k != abbrevStop {
		return true
	}
	// A quote mark typed the wrong way round ("decision.“ However"): it
	// closes when a space or the end follows it.
	if r, _ := utf8.DecodeRuneInString(t.Text); isQuoteRune(r) {
		if t.Span.End == len(text) {
			return true
		}
		r2, _ := utf8.DecodeRuneInString(text[t.Span.End:])
		return isSpace(r2)
	}
	return false
}
