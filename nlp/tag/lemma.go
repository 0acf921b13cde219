package tag

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// lemmatizer finds lemmas in three steps: a few context rules ('s and 'd
// read the next word), the exceptions learned from the training data
// (XPOS and form → the most frequent lemma, kept only where the rules get
// it wrong), and English suffix rules for everything else. The rules check
// candidate stems against the lemmas seen in training ("hoped" → "hope",
// not "hop").
type lemmatizer struct {
	exc   map[string]string   // lemmaKey(xpos, form) → lemma
	known map[string]struct{} // lower-cased lemmas of open-class words seen in training
}

func lemmaKey(xpos, form string) string { return xpos + " " + form }

// excKey is the exceptions key of a token: proper nouns as written, other
// words lower-cased, so that "City" at the start of a title finds the
// lemma learned from "city".
func excKey(form, upos, xpos string) string {
	if isProper(upos, xpos) {
		return lemmaKey(xpos, form)
	}
	return lemmaKey(xpos, strings.ToLower(form))
}

// lemma returns the lemma of words[i], given the tags of the whole
// sentence (the context rules read the following words).
func (l *lemmatizer) lemma(words []string, tags []Tagged, i int) string {
	lem := l.lookup(words, tags, i)
	if !utf8.ValidString(lem) {
		// Byte-level suffix rules can cut a rune of an exotic word ("ꪪed").
		lem = strings.ToValidUTF8(lem, "\uFFFD")
	}
	return lem
}

func (l *lemmatizer) lookup(words []string, tags []Tagged, i int) string {
	form := words[i]
	xpos := tags[i].XPOS
	if lem, ok := l.context(words, tags, i); ok {
		return lem
	}
	if lem, ok := l.exc[excKey(form, tags[i].UPOS, xpos)]; ok {
		return lem
	}
	return l.rule(form, tags[i].UPOS, xpos)
}

// context resolves the clitics whose lemma depends on the next words:
// 's is "be" unless "been"/"got" follows (then "have"), 'd is "have" before
// a past participle and "would" otherwise.
func (l *lemmatizer) context(words []string, tags []Tagged, i int) (string, bool) {
	if w := words[i]; len(w) > len("’s") || !strings.HasPrefix(w, "'") && !strings.HasPrefix(w, "’") {
		return "", false
	}
	form := strings.ReplaceAll(strings.ToLower(words[i]), "’", "'")
	xpos := tags[i].XPOS
	nextVBN := func(match func(string) bool) bool {
		for j := i + 1; j < len(words) && j <= i+3; j++ {
			if match != nil && match(strings.ToLower(words[j])) || match == nil && tags[j].XPOS == "VBN" {
				return true
			}
			if tags[j].UPOS != "ADV" && tags[j].UPOS != "PART" {
				return false
			}
		}
		return false
	}
	switch {
	case form == "'s" && xpos == "VBZ":
		if nextVBN(func(w string) bool { return w == "been" || w == "got" || w == "gotten" }) {
			return "have", true
		}
		return "be", true
	case form == "'s" && xpos == "POS":
		return "'s", true
	case form == "'d" && (xpos == "MD" || xpos == "VBD"):
		if nextVBN(nil) {
			return "have", true
		}
		return "would", true
	}
	return "", false
}

func isProper(upos, xpos string) bool {
	return upos == "PROPN" || xpos == "NNP" || xpos == "NNPS"
}

// rule lemmatizes a form the training data did not settle.
func (l *lemmatizer) rule(form, upos, xpos string) string {
	if form == "" {
		return ""
	}
	if !utf8.ValidString(form) {
		form = strings.ToValidUTF8(form, "\uFFFD")
	}
	if isProper(upos, xpos) {
		if xpos == "NNPS" {
			return l.noun(form)
		}
		return form
	}
	if form == "I" {
		return form
	}
	w := strings.ToLower(form)
	if xpos == "CD" && isGroupedNumber(w) {
		return strings.ReplaceAll(w, ",", "") // "12,000" → "12000", as UD English does
	}
	if !isWordy(w) {
		return w
	}
	switch xpos {
	case "NNS":
		return l.noun(w)
	case "VBZ":
		return l.verbS(w)
	case "VBD", "VBN":
		if strings.HasSuffix(w, "ed") {
			return l.stem(w, 2, "ied")
		}
		if xpos == "VBN" && len(w) > 4 && strings.HasSuffix(w, "n") {
			return l.participle(w)
		}
	case "VBG":
		if strings.HasSuffix(w, "ing") && len(w) > 4 {
			if strings.HasSuffix(w, "ying") && len(w) > 5 && !isVowel(rune(w[len(w)-5])) {
				// "dying" is in the exceptions; "studying" keeps its y
				return w[:len(w)-3]
			}
			return l.stem(w, 3, "")
		}
	case "JJR", "RBR":
		if strings.HasSuffix(w, "er") && len(w) > 4 {
			return l.stem(w, 2, "ier")
		}
	case "JJS", "RBS":
		if strings.HasSuffix(w, "est") && len(w) > 5 {
			return l.stem(w, 3, "iest")
		}
	}
	return w
}

// isGroupedNumber reports whether w is digits in comma-separated groups of
// three ("1,250,000"), optionally with decimals.
func isGroupedNumber(w string) bool {
	intPart, _, _ := strings.Cut(w, ".")
	groups := strings.Split(intPart, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 {
			return false
		}
		for _, r := range g {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

// isWordy reports whether w has a letter; symbols and numbers are their own
// lemma.
func isWordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

func (l *lemmatizer) isKnown(w string) bool {
	_, ok := l.known[strings.ToLower(w)]
	return ok
}

// noun singularizes a plural noun, keeping its case.
func (l *lemmatizer) noun(w string) string {
	lw := strings.ToLower(w)
	cands := func(c ...string) (string, bool) {
		for _, s := range c {
			if s != "" && l.isKnown(s) {
				return s, true
			}
		}
		return "", false
	}
	n := len(w)
	if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
		// a possessive written on the plural ("area's")
		_, size := utf8.DecodeLastRuneInString(w[:n-1])
		return w[:n-1-size]
	}
	switch {
	case n > 4 && strings.HasSuffix(lw, "men"):
		return w[:n-3] + w[n-3:n-2] + "an" // "horsemen", keeping the case of the m
	case n <= 3 || !strings.HasSuffix(lw, "s"):
		return w
	case strings.HasSuffix(lw, "ss") || strings.HasSuffix(lw, "us") || strings.HasSuffix(lw, "is"):
		return w
	case strings.HasSuffix(lw, "ies") && n > 4:
		if s, ok := cands(w[:n-1]); ok { // "movies"
			return s
		}
		return w[:n-3] + "y"
	case strings.HasSuffix(lw, "ves") && n > 4:
		if s, ok := cands(w[:n-1], w[:n-3]+"f", w[:n-3]+"fe"); ok {
			return s
		}
		return w[:n-1]
	case strings.HasSuffix(lw, "es") && n > 4:
		if s, ok := cands(w[:n-1], w[:n-2]); ok {
			return s
		}
		for _, suf := range []string{"sses", "xes", "ches", "shes", "zzes"} {
			if strings.HasSuffix(lw, suf) {
				return w[:n-2]
			}
		}
		return w[:n-1]
	}
	return w[:n-1]
}

// verbS lemmatizes a third-person singular verb.
func (l *lemmatizer) verbS(w string) string {
	n := len(w)
	switch {
	case n <= 2 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "es") && n > 3:
		if l.isKnown(w[:n-1]) {
			return w[:n-1]
		}
		if l.isKnown(w[:n-2]) {
			return w[:n-2]
		}
		for _, suf := range []string{"sses", "xes", "ches", "shes", "zzes", "oes"} {
			if strings.HasSuffix(w, suf) {
				return w[:n-2]
			}
		}
	}
	return w[:n-1]
}

// stem strips a suffix of cut bytes (-ed, -ing, -er, -est) and repairs the
// stem: y-restoration when the word ends in iSuffix ("tried", "happier"),
// then known lemmas (stem, stem+e, undoubled), then spelling heuristics.
func (l *lemmatizer) stem(w string, cut int, iSuffix string) string {
	if iSuffix != "" && strings.HasSuffix(w, iSuffix) && len(w) > len(iSuffix)+1 {
		s := w[:len(w)-len(iSuffix)] + "y"
		if l.isKnown(s) || !l.isKnown(w[:len(w)-cut]) {
			return s
		}
	}
	s := w[:len(w)-cut]
	n := len(s)
	if n < 2 {
		return w
	}
	doubled := s[n-1] == s[n-2] && !isVowel(rune(s[n-1]))
	// A stem ending in one vowel and one consonant would have doubled the
	// consonant ("hopped"), so "hoped" is "hope" even though "hop" is a word.
	cvc := !isVowel(rune(s[n-1])) && !strings.ContainsRune("wxy", rune(s[n-1])) &&
		isVowel(rune(s[n-2])) && (n < 3 || !isVowel(rune(s[n-3])))
	switch {
	case cvc && l.isKnown(s+"e"):
		return s + "e"
	case l.isKnown(s) && !(doubled && l.isKnown(s[:n-1]) && !strings.ContainsRune("lsfz", rune(s[n-1]))):
		return s
	case l.isKnown(s + "e"):
		return s + "e"
	case doubled && l.isKnown(s[:n-1]):
		return s[:n-1]
	}
	// Unknown stem: the usual English spelling patterns.
	last := s[n-1]
	prev := s[n-2]
	switch {
	case doubled && !strings.ContainsRune("lsfz", rune(last)):
		return s[:n-1] // "stopped", "bigger"
	case strings.ContainsRune("vz", rune(last)) || last == 'u' && prev != 'o':
		return s + "e" // "moved", "organized", "continued"
	case last == 'c' || (last == 'g' && prev != 'n' && prev != 'g'):
		return s + "e" // "danced", "judged"
	case last == 's' && isVowel(rune(prev)) && n > 3 && !isVowel(rune(s[n-3])) && prev != 'u':
		return s + "e" // "raised", "closed"
	case last == 'l' && strings.ContainsRune("bcdfgkptz", rune(prev)):
		return s + "e" // "settled", "cycled"
	case last == 't' && prev == 'a' && n > 4 && s[n-3] != 'e' && !isVowel(rune(s[n-3])) || strings.HasSuffix(s, "iat") || strings.HasSuffix(s, "uat"):
		return s + "e" // "escalated", "negotiated", "evaluated"
	case n >= 3 && !isVowel(rune(last)) && last != 'w' && last != 'x' && last != 'y' &&
		isVowel(rune(prev)) && !isVowel(rune(s[n-3])) && syllables(s) == 1:
		return s + "e" // "hoped", "timed": one short syllable, consonant-vowel-consonant
	}
	return s
}

// participle lemmatizes an irregular past participle in -n or -en when a
// known lemma confirms it: "risen" → "rise", "fallen" → "fall", "written"
// → "write", "shown" → "show"; otherwise the form stays.
func (l *lemmatizer) participle(w string) string {
	n := len(w)
	cands := []string{w[:n-1]}
	if strings.HasSuffix(w, "en") {
		cands = append(cands, w[:n-2])
		if n > 5 && w[n-3] == w[n-4] {
			cands = append(cands, w[:n-3]+"e", w[:n-3])
		}
	}
	for _, c := range cands {
		if l.isKnown(c) {
			return c
		}
	}
	return w
}

// syllables counts vowel groups, a rough syllable count.
func syllables(s string) int {
	n := 0
	in := false
	for _, r := range s {
		v := isVowel(r) || r == 'y'
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// learnLemmas builds the lemmatizer from gold sentences.
func learnLemmas(sents []conllu.Sentence) *lemmatizer {
	l := &lemmatizer{exc: map[string]string{}, known: map[string]struct{}{}}
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if t.Lemma == "" || t.Lemma == "_" {
				continue
			}
			switch t.UPOS {
			case "NOUN", "VERB", "ADJ", "ADV", "AUX":
				l.known[strings.ToLower(t.Lemma)] = struct{}{}
			}
			k := excKey(t.Form, t.UPOS, t.XPOS)
			m := counts[k]
			if m == nil {
				m = map[string]int{}
				counts[k] = m
			}
			m[t.Lemma]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		best, bestN := "", 0
		for lem, n := range counts[k] {
			if n > bestN || n == bestN && lem < best {
				best, bestN = lem, n
			}
		}
		xpos, form, _ := strings.Cut(k, " ")
		// The context rules and the tag's rule do not depend on the UPOS
		// except for proper nouns, which the XPOS also marks.
		upos := ""
		if xpos == "NNP" || xpos == "NNPS" {
			upos = "PROPN"
		}
		if l.rule(form, upos, xpos) != best {
			l.exc[k] = best
		}
	}
	return l
}
