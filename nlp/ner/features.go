package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// Features are hashed: a template id and its value strings go through
// FNV-1a into a 32-bit key, so extraction allocates no feature strings.

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	// maxWordBytes caps the word value used in features.
	maxWordBytes = 32
)

type hasher uint32

func newHash(tmpl byte) hasher {
	h := hasher(fnvOffset)
	h ^= hasher(tmpl)
	h *= fnvPrime
	return h
}

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h ^= hasher(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator
	h *= fnvPrime
	return h
}

// Template ids. Changing their meaning changes the model format: bump
// modelVersion.
const (
	fBias byte = iota + 1
	fWord
	fLower
	fPre2
	fPre3
	fSuf2
	fSuf3
	fSuf4
	fShape
	fShort
	fFlags
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fPrevShape
	fNextShape
	fPrevWordCur
	fCurNextWord
	fPOS
	fPrevPOS
	fNextPOS
	fPOSShape
	fGaz
	fGazPrev
	fGazNext
	fFirstCap
	fLowerSeen
	fPrevNextShape
	fDocCap
	fShapeWindow
)

// tokenInfo is what the featurizer knows about one token.
type tokenInfo struct {
	word, lower, shape, short string
	pos                       string
	flags                     string
	gaz                       []string // gazetteer class+position strings
	gazWord                   gazetteer.Class
}

// gazNames names the gazetteer classes used as features.
var gazNames = []struct {
	c    gazetteer.Class
	name string
}{
	{gazetteer.CountryName, "country"}, {gazetteer.Capital, "capital"}, {gazetteer.CityName, "city"},
	{gazetteer.BigCity, "bigcity"}, {gazetteer.State, "state"}, {gazetteer.Region, "region"},
	{gazetteer.Demonym, "demonym"}, {gazetteer.Group, "group"}, {gazetteer.OrgSuffix, "orgsuf"},
	{gazetteer.Title, "title"}, {gazetteer.FacHead, "fac"}, {gazetteer.LocHead, "lochead"},
	{gazetteer.EventHead, "event"}, {gazetteer.OrgName, "org"}, {gazetteer.Month, "month"},
}

// sentenceInfo computes the per-token information of a sentence. pos may
// be nil.
func sentenceInfo(words, pos []string) []tokenInfo {
	info := make([]tokenInfo, len(words))
	for i, w := range words {
		if len(w) > maxWordBytes {
			w = w[:maxWordBytes]
		}
		t := &info[i]
		t.word = w
		t.lower = strings.ToLower(w)
		t.shape, t.short = shapes(w)
		t.flags = wordFlags(w)
		if pos != nil && i < len(pos) {
			t.pos = pos[i]
		}
		t.gazWord = gazetteer.Lookup(w)
	}
	for _, m := range gazetteer.Find(words, false) {
		for _, g := range gazNames {
			if m.Class&g.c == 0 {
				continue
			}
			for i := m.Start; i < m.End; i++ {
				p := "I"
				switch {
				case m.End-m.Start == 1:
					p = "U"
				case i == m.Start:
					p = "B"
				case i == m.End-1:
					p = "L"
				}
				info[i].gaz = append(info[i].gaz, g.name+p)
			}
		}
	}
	return info
}

// shapes returns the word shape ("Xxxxx", "dd.dd") cut to 8 characters
// past repeats and the collapsed shape ("Xx", "d.d").
func shapes(w string) (string, string) {
	var long, short []byte
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			n++
		} else {
			n = 0
		}
		if n < 4 {
			long = append(long, c)
		}
		if c != last {
			short = append(short, c)
		}
		last = c
		if len(long) > 12 {
			break
		}
	}
	return string(long), string(short)
}

// wordFlags summarises orthography: initial capital, all caps, digits,
// hyphen, period, apostrophe, the Mc/Mac/O' patterns of names.
func wordFlags(w string) string {
	var b [8]byte
	for i := range b {
		b[i] = '0'
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		b[0] = '1'
	}
	upper, letters := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		switch {
		case unicode.IsDigit(r):
			b[2] = '1'
		case r == '-':
			b[3] = '1'
		case r == '.':
			b[4] = '1'
		case r == '\'' || r == '’':
			b[5] = '1'
		}
	}
	if letters > 1 && upper == letters {
		b[1] = '1'
	}
	if len(w) > 3 && (strings.HasPrefix(w, "Mc") || strings.HasPrefix(w, "Mac") || strings.HasPrefix(w, "O'")) {
		b[6] = '1'
	}
	if letters > 0 && upper > 1 && upper < letters {
		b[7] = '1' // camel or mixed case: "iPhone", "McDonald"
	}
	return string(b[:])
}

// featureContext holds document-level hints for one sentence: whether
// each lower-cased word appears capitalised away from the sentence start
// elsewhere in the document.
type featureContext struct {
	docCap map[string]bool
}

// features appends the hashed features of token i to dst.
func features(dst []uint32, info []tokenInfo, i int, ctx *featureContext) []uint32 {
	t := &info[i]
	add := func(h hasher) { dst = append(dst, uint32(h)) }
	at := func(j int) *tokenInfo {
		if j < 0 || j >= len(info) {
			return nil
		}
		return &info[j]
	}
	lowerAt := func(j int) string {
		if x := at(j); x != nil {
			return x.lower
		}
		if j < 0 {
			return "<s>"
		}
		return "</s>"
	}
	shapeAt := func(j int) string {
		if x := at(j); x != nil {
			return x.short
		}
		if j < 0 {
			return "<s>"
		}
		return "</s>"
	}
	add(newHash(fBias))
	add(newHash(fWord).str(t.word))
	add(newHash(fLower).str(t.lower))
	if len(t.lower) > 3 {
		add(newHash(fPre2).str(t.lower[:2]))
		add(newHash(fPre3).str(t.lower[:3]))
	}
	if len(t.lower) > 2 {
		add(newHash(fSuf2).str(t.lower[len(t.lower)-2:]))
		add(newHash(fSuf3).str(t.lower[len(t.lower)-3:]))
	}
	if len(t.lower) > 4 {
		add(newHash(fSuf4).str(t.lower[len(t.lower)-4:]))
	}
	add(newHash(fShape).str(t.shape))
	add(newHash(fShort).str(t.short))
	add(newHash(fFlags).str(t.flags))
	if i == 0 {
		add(newHash(fFirstCap).str(t.flags[:2]))
	}
	add(newHash(fPrevLower).str(lowerAt(i - 1)))
	add(newHash(fNextLower).str(lowerAt(i + 1)))
	add(newHash(fPrev2Lower).str(lowerAt(i - 2)))
	add(newHash(fNext2Lower).str(lowerAt(i + 2)))
	add(newHash(fPrevShape).str(shapeAt(i - 1)))
	add(newHash(fNextShape).str(shapeAt(i + 1)))
	add(newHash(fPrevNextShape).str(shapeAt(i - 1)).str(shapeAt(i + 1)))
	add(newHash(fShapeWindow).str(shapeAt(i - 1)).str(t.short).str(shapeAt(i + 1)))
	add(newHash(fPrevWordCur).str(lowerAt(i - 1)).str(t.lower))
	add(newHash(fCurNextWord).str(t.lower).str(lowerAt(i + 1)))
	if t.pos != "" {
		add(newHash(fPOS).str(t.pos))
		add(newHash(fPOSShape).str(t.pos).str(t.short))
		if p := at(i - 1); p != nil && p.pos != "" {
			add(newHash(fPrevPOS).str(p.pos))
		}
		if n := at(i + 1); n != nil && n.pos != "" {
			add(newHash(fNextPOS).str(n.pos))
		}
	}
	for _, g := range t.gaz {
		add(newHash(fGaz).str(g))
	}
	for _, g := range gazNames {
		if p := at(i - 1); p != nil && p.gazWord&g.c != 0 {
			add(newHash(fGazPrev).str(g.name))
		}
		if n := at(i + 1); n != nil && n.gazWord&g.c != 0 {
			add(newHash(fGazNext).str(g.name))
		}
	}
	if ctx != nil && ctx.docCap != nil && t.flags[0] == '1' && i == 0 {
		if ctx.docCap[t.lower] {
			add(newHash(fDocCap).str("1"))
		} else {
			add(newHash(fDocCap).str("0"))
		}
	}
	return dst
}

// docCapitals returns the lower-cased words that appear capitalised not
// at the start of a sentence anywhere in the document.
func docCapitals(sents [][]string) map[string]bool {
	m := map[string]bool{}
	for _, ws := range sents {
		for i := 1; i < len(ws); i++ {
			if nameLike(ws[i]) && !isNumber(ws[i]) && !(i > 0 && isOpening(ws[i-1])) {
				m[strings.ToLower(ws[i])] = true
			}
		}
	}
	return m
}

func isOpening(w string) bool {
	switch w {
	case "\"", "“", "‘", "(", "'", ":", "-", "—", "–":
		return true
	}
	return false
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }
