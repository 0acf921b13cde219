package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// Name normalisation: keys compare names, skeletons block transliteration
// variants, and similarity decides between blocked candidates.

// letterFold spells letters that do not decompose into a base letter and
// a mark, so that "Əliyev" and "Aliyev", "Łódź" and "Lodz" share a key.
var letterFold = strings.NewReplacer(
	"ə", "e", "Ə", "e", "ı", "i", "ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae",
	"œ", "oe", "Œ", "oe", "ß", "ss", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d",
	"ð", "d", "þ", "th", "’", "'", "‘", "'", "`", "'", "ʼ", "'",
	"–", "-", "—", "-", "‐", "-",
)

// fold lower-cases s and strips diacritics. A transform.Chain is not safe
// for concurrent use, so each call makes its own (cheap) chain; callers
// keep results in a per-worker cache.
func fold(s string) string {
	s = letterFold.Replace(s)
	if isASCII(s) {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// words splits a folded name into key words: letters, digits, "&" and
// inner apostrophes; dots vanish ("U.S." → "us"), hyphens and other
// punctuation separate words.
func words(folded string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		w := strings.Trim(b.String(), "'")
		if w != "" {
			out = append(out, w)
		}
		b.Reset()
	}
	for _, r := range folded {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '\'':
			b.WriteRune(r)
		case r == '.':
		default:
			flush()
		}
	}
	flush()
	return out
}

// stripPossessive removes a final "'s" or "'" from a key word.
func stripPossessive(w string) (string, bool) {
	if s, ok := strings.CutSuffix(w, "'s"); ok && s != "" {
		return s, true
	}
	if s, ok := strings.CutSuffix(w, "'"); ok && s != "" {
		return s, true
	}
	return w, false
}

// singular makes a key word singular the cheap way ("services" →
// "service", "agencies" → "agency"), so "Guards Corps" and "Guard Corps"
// share a key. It is applied to every word of non-person names on both
// sides of a comparison, so an odd result ("corps" → "corp") is harmless.
func singular(w string) string {
	if len(w) <= 3 || !strings.HasSuffix(w, "s") {
		return w
	}
	for _, suf := range []string{"ss", "us", "is", "ys", "'s"} {
		if strings.HasSuffix(w, suf) {
			return w
		}
	}
	if s, ok := strings.CutSuffix(w, "ies"); ok && len(s) > 2 {
		return s + "y"
	}
	return w[:len(w)-1]
}

// stopWords are left out of initials and of the subset test.
var stopWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "&": true, "de": true,
	"la": true, "el": true, "al": true, "on": true, "in": true, "du": true,
}

// genericWords cannot identify an organisation on their own: the
// gazetteer's organisation suffixes and common adjectives of official
// names. A short name made only of them ("the Ministry", "Guard Corps")
// never attaches to a longer name across documents.
var genericWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"national", "state", "federal", "central", "general", "foreign", "international",
		"public", "supreme", "united", "new", "democratic", "republic", "people",
		"interior", "defence", "defense", "justice", "affair", "high", "special",
		"regional", "district", "city", "provincial", "royal", "official",
		"ministry", "service", "agency", "court", "company", "corp", "group", "office",
		"council", "committee", "commission", "authority", "bureau", "department",
		"directorate", "party", "front", "movement", "union", "network", "force",
		"army", "navy", "guard", "police", "bank", "embassy", "consulate", "government",
		"organisation", "organization", "institute", "university", "brotherhood",
	} {
		m[w] = true
	}
	for _, w := range orgSuffixWords() {
		m[w] = true
	}
	for w := range stopWords {
		m[w] = true
	}
	return m
}()

// orgSuffixWords lists the last words of organisation names (after the
// gazetteer's list) as key words.
func orgSuffixWords() []string {
	var out []string
	for _, w := range []string{
		"Inc", "Ltd", "LLC", "PLC", "Corp", "Corporation", "Co", "Company", "Group", "Holdings",
		"Bank", "Ministry", "Department", "Agency", "Service", "Services", "Office",
		"Council", "Committee", "Commission", "Authority", "Bureau", "Directorate",
		"Party", "Front", "Movement", "Alliance", "Coalition", "Union", "Federation",
		"Association", "Institute", "Institution", "Foundation", "Fund", "Trust",
		"University", "College", "Academy", "School", "Society", "Organization",
		"Organisation", "Network", "Forces", "Army", "Navy", "Guard", "Corps", "Police",
		"Court", "Parliament", "Assembly", "Congress", "Senate", "Cabinet",
	} {
		out = append(out, singular(strings.ToLower(w)))
	}
	return out
}

// isAcronym reports whether s is written like an acronym: 2–8 letters or
// digits, at least two capitals, no lower-case letter ("SSS", "IRGC",
// "U.N.", "G7").
func isAcronym(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	s = strings.ReplaceAll(s, "&", "")
	n, caps := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r):
		default:
			return false
		}
		n++
	}
	return n >= 2 && n <= 8 && caps >= 2
}

// initials returns the first letters of the words that are not stop
// words, upper-cased ("revolutionary vanguard corp" → "RVC").
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if stopWords[w] || w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// acronymKey is the comparable form of an acronym: upper case, no dots.
func acronymKey(s string) string {
	return strings.ToUpper(strings.ReplaceAll(fold(s), ".", ""))
}

// skeleton is a consonant skeleton for blocking transliteration variants:
// common digraphs are folded ("sh" → s, "ph" → f, "dzh" → j), "kh", "ch"
// and "h" vanish (Khoryev and Horyev, Khazrani and Chazrani), vowels and
// y are dropped and doubled letters collapsed. "Huseyniyyun" and
// "Huseiniyyun" share "sn"; "Iran" (rn) and "Iraq" (rk) do not.
func skeleton(key string) string {
	s := key
	for _, p := range [][2]string{
		{"dzh", "j"}, {"kh", ""}, {"ch", ""}, {"ck", "k"}, {"sh", "s"}, {"zh", "j"},
		{"dj", "j"}, {"ph", "f"}, {"th", "t"}, {"gh", "g"}, {"q", "k"}, {"c", "k"},
		{"w", "v"}, {"x", "ks"},
	} {
		s = strings.ReplaceAll(s, p[0], p[1])
	}
	var b strings.Builder
	var last rune
	for _, r := range s {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h', '\'', '-':
			continue
		case ' ':
			if last != ' ' && b.Len() > 0 {
				b.WriteRune(r)
			}
			last = r
			continue
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return strings.TrimSpace(b.String())
}

// jaroWinkler returns the Jaro–Winkler similarity of a and b in [0, 1].
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	la, lb := len(ra), len(rb)
	if la == 0 || lb == 0 {
		return 0
	}
	window := max(la, lb)/2 - 1
	if window < 0 {
		window = 0
	}
	ma := make([]bool, la)
	mb := make([]bool, lb)
	matches := 0
	for i := range ra {
		lo, hi := max(0, i-window), min(lb, i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && ra[i] == rb[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	trans, j := 0, 0
	for i := range ra {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if ra[i] != rb[j] {
			trans++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(la) + m/float64(lb) + (m-float64(trans)/2)/m) / 3
	prefix := 0
	for i := 0; i < min(4, la, lb) && ra[i] == rb[i]; i++ {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// similarNames reports whether two keys with the same skeleton are
// spelling variants of one name: close in length, a high Jaro–Winkler
// similarity and few edits, and words of four letters or fewer spelled
// alike ("Jon Smith" and "Jan Smith" are two people).
func similarNames(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if min(la, lb) < 6 || float64(min(la, lb))/float64(max(la, lb)) < 0.8 {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if wa[i] != wb[i] && (len(wa[i]) <= 4 || len(wb[i]) <= 4) {
			return false
		}
	}
	if jaroWinkler(a, b) < 0.85 {
		return false
	}
	return editDistance(a, b) <= max(1, max(la, lb)/4)
}

// titleWords are honorifics and offices that may lead a person mention
// when the recognizer kept them in the span.
func isTitleWord(w string) bool {
	return gazetteer.Lookup(w)&gazetteer.Title != 0
}

// containsInOrder reports whether every word of short occurs in long, in
// order, ignoring stop words of short.
func containsInOrder(short, long []string) bool {
	j := 0
	for _, w := range short {
		if stopWords[w] {
			continue
		}
		for j < len(long) && long[j] != w {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
	}
	return true
}

// allGeneric reports whether every word of ws is generic.
func allGeneric(ws []string) bool {
	for _, w := range ws {
		if !genericWords[w] && !genericWords[singular(w)] {
			return false
		}
	}
	return true
}
