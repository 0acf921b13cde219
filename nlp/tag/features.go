package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature strings are a short template name, a space, and a value; they are
// built into one reusable byte buffer so that tagging allocates nothing per
// token (a map lookup with m[string(b)] does not copy b).

const (
	padStart = "-S-"
	padEnd   = "-E-"
	// maxWordBytes caps the word value used in features: a 10 kB "word"
	// (a URL, a run of symbols) must not make features expensive.
	maxWordBytes = 40
)

// word is what the featurizer needs to know about one token, computed once
// per sentence.
type word struct {
	lower string // lower-cased form, cut to maxWordBytes
	shape string // collapsed character classes: "Xx", "d,d", "X.X."
	amb   string // ambiguity class from the training data, "" if unknown
	flags string // cheap orthographic flags (see wordFlags)
}

// sentence holds the per-token information of one sentence, with room for
// two pads on each side so that neighbours never index out of range.
type sentence struct {
	words []word // len(tokens)+4: two pads, the tokens, two pads
}

// reset prepares the sentence for a stage: amb gives the stage's ambiguity
// classes.
func (s *sentence) reset(forms []string, amb func(string) string) {
	n := len(forms) + 4
	if cap(s.words) < n {
		s.words = make([]word, n)
	}
	s.words = s.words[:n]
	s.words[0] = word{lower: padStart + "2", shape: padStart, amb: padStart}
	s.words[1] = word{lower: padStart, shape: padStart, amb: padStart}
	s.words[n-2] = word{lower: padEnd, shape: padEnd, amb: padEnd}
	s.words[n-1] = word{lower: padEnd + "2", shape: padEnd, amb: padEnd}
	for i, f := range forms {
		l := lowerKey(f)
		s.words[i+2] = word{lower: l, shape: wordShape(f), amb: amb(l), flags: wordFlags(f, i == 0)}
	}
}

// lowerKey is the lower-cased form used for features, the tag dictionary and
// ambiguity classes; invalid UTF-8 becomes U+FFFD, long forms are cut at a
// rune boundary.
func lowerKey(f string) string {
	if !utf8.ValidString(f) {
		f = strings.ToValidUTF8(f, "\uFFFD")
	}
	l := strings.ToLower(f)
	if len(l) > maxWordBytes {
		cut := maxWordBytes
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		l = l[:cut]
	}
	return l
}

// wordShape maps letters to X/x, digits to d and keeps other characters,
// collapsing runs of the same class ("Washington" → "Xx", "1,000" → "d,d").
func wordShape(f string) string {
	var b [24]byte
	n := 0
	var last rune = -1
	runes := 0
	for _, r := range f {
		runes++
		if runes > 40 {
			break
		}
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = r
		default:
			c = '~' // other non-ASCII symbols
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = byte(c)
		n++
	}
	return string(b[:n])
}

// wordFlags encodes orthographic facts as a few letters: D has a digit,
// H has a hyphen, C starts with a capital, A is all capitals, F is the
// first word of the sentence, N is not letters at all.
func wordFlags(f string, first bool) string {
	var b [6]byte
	n := 0
	hasDigit, hasHyphen, hasLetter, allUpper := false, false, false, true
	i := 0
	initCap := false
	for _, r := range f {
		if i == 0 {
			initCap = unicode.IsUpper(r)
		}
		i++
		switch {
		case unicode.IsDigit(r):
			hasDigit = true
		case r == '-':
			hasHyphen = true
		case unicode.IsLetter(r):
			hasLetter = true
			if !unicode.IsUpper(r) {
				allUpper = false
			}
		}
	}
	if hasDigit {
		b[n] = 'D'
		n++
	}
	if hasHyphen {
		b[n] = 'H'
		n++
	}
	if initCap {
		b[n] = 'C'
		n++
	}
	if hasLetter && allUpper && i > 1 {
		b[n] = 'A'
		n++
	}
	if first {
		b[n] = 'F'
		n++
	}
	if !hasLetter {
		b[n] = 'N'
		n++
	}
	return string(b[:n])
}

// featurizer builds the feature strings of one token into buf; ends[k] is
// the end offset of feature k.
type featurizer struct {
	buf  []byte
	ends []int
}

func (fx *featurizer) clear() {
	fx.buf = fx.buf[:0]
	fx.ends = fx.ends[:0]
}

func (fx *featurizer) add(parts ...string) {
	for _, p := range parts {
		fx.buf = append(fx.buf, p...)
	}
	fx.ends = append(fx.ends, len(fx.buf))
}

// feature returns feature k of the current token.
func (fx *featurizer) feature(k int) []byte {
	start := 0
	if k > 0 {
		start = fx.ends[k-1]
	}
	return fx.buf[start:fx.ends[k]]
}

var (
	prefixNames = [5]string{"", "p1 ", "p2 ", "p3 ", "p4 "}
	suffixNames = [5]string{"", "s1 ", "s2 ", "s3 ", "s4 "}
)

// affixes appends the rune prefixes and suffixes of length 1..4 of w.
func (fx *featurizer) affixes(w string) {
	n := utf8.RuneCountInString(w)
	// prefixes
	end := 0
	for k := 1; k <= 4 && k <= n; k++ {
		_, size := utf8.DecodeRuneInString(w[end:])
		end += size
		fx.add(prefixNames[k], w[:end])
	}
	start := len(w)
	for k := 1; k <= 4 && k <= n; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:start])
		start -= size
		fx.add(suffixNames[k], w[start:])
	}
}

// static appends the features of token i (0-based) that do not depend on
// earlier predictions; training computes them once per token.
func (fx *featurizer) static(s *sentence, i int) {
	w := s.words
	c := i + 2
	cur := &w[c]
	fx.add("b")
	fx.add("w ", cur.lower)
	fx.affixes(cur.lower)
	fx.add("sh ", cur.shape)
	fx.add("f ", cur.flags)
	fx.add("a ", cur.amb)
	fx.add("w-1 ", w[c-1].lower)
	fx.add("w-2 ", w[c-2].lower)
	fx.add("w+1 ", w[c+1].lower)
	fx.add("w+2 ", w[c+2].lower)
	fx.add("ww-1 ", w[c-1].lower, " ", cur.lower)
	fx.add("ww+1 ", cur.lower, " ", w[c+1].lower)
	fx.add("s-1 ", suffix(w[c-1].lower, 3))
	fx.add("s+1 ", suffix(w[c+1].lower, 3))
	fx.add("sh-1 ", w[c-1].shape)
	fx.add("sh+1 ", w[c+1].shape)
	fx.add("a+1 ", w[c+1].amb)
	fx.add("a+2 ", w[c+2].amb)
	fx.add("aa+1 ", cur.amb, " ", w[c+1].amb)
	fx.add("a-1 ", w[c-1].amb)
}

// dynamic appends the features that read the two previous predicted tags.
func (fx *featurizer) dynamic(s *sentence, i int, p1, p2 string) {
	w := s.words
	c := i + 2
	fx.add("t-1 ", p1)
	fx.add("t-2 ", p2)
	fx.add("tt ", p2, " ", p1)
	fx.add("tw ", p1, " ", w[c].lower)
	fx.add("ta+1 ", p1, " ", w[c+1].amb)
	fx.add("tsh ", p1, " ", w[c].shape)
}

// suffix returns the last n runes of w.
func suffix(w string, n int) string {
	start := len(w)
	for k := 0; k < n && start > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:start])
		start -= size
	}
	return w[start:]
}
