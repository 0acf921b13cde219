package ner

import (
	"strconv"
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
// modelFormat.
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
	fChunkFirst
	fChunkLast
	fChunkFirstGaz
	fChunkLastGaz
	fChunkLen
	fChunkBefore
	fChunkAfter
	fDocBefore
	fDocAfter
	fDocLast
	fDocLastGaz
)

// tokenInfo is what the featurizer knows about one token.
type tokenInfo struct {
	word, lower, shape, short string
	pos                       string
	flags                     string
	gaz                       []string // gazetteer class+position strings
	gazWord                   gazetteer.Class
	// chunkStart and chunkEnd delimit the capitalised run holding the
	// token (see capChunks); both are -1 outside one.
	chunkStart, chunkEnd int
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
		t.chunkStart, t.chunkEnd = -1, -1
	}
	for _, c := range capChunks(words) {
		for i := c[0]; i < c[1]; i++ {
			info[i].chunkStart, info[i].chunkEnd = c[0], c[1]
		}
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
	// docFeats are the hashed document-level context features of each
	// capitalised word (see docContext).
	docFeats map[string][]uint32
}

// newFeatureContext computes the document-level hints of a document's
// sentences.
func newFeatureContext(sents [][]string) *featureContext {
	return &featureContext{docCap: docCapitals(sents), docFeats: docContext(sents)}
}

// chunkConnectors may join the capitalised words of one name ("Ministry
// of Foreign Affairs", "Bank of the West", "Procter & Gamble").
var chunkConnectors = map[string]bool{
	"of": true, "for": true, "on": true, "&": true, "de": true, "du": true, "del": true, "della": true,
	"der": true, "von": true, "van": true, "la": true, "le": true, "al": true, "el": true, "bin": true,
	"da": true, "dos": true, "the": true,
}

// capChunks returns the runs of capitalised tokens ([start, end) pairs),
// joined by connectors when a capitalised token follows them; a run
// never starts with an article or function word. A run is
// the candidate name around a token; its first and last words (the head
// of "Ministry of Foreign Affairs", the suffix of "Azerbaijan Airlines")
// and the words around it are features of every token in it, however
// long the name.
func capChunks(words []string) [][2]int {
	var out [][2]int
	for i := 0; i < len(words); {
		// A capitalised article or function word opening a sentence
		// ("The", "In") does not start a name.
		if !nameLike(words[i]) || functionWords[strings.ToLower(words[i])] || words[i] == "The" {
			i++
			continue
		}
		j := i + 1
		for j < len(words) {
			if nameLike(words[j]) {
				j++
				continue
			}
			k := j
			for k < len(words) && k-j < 2 && chunkConnectors[words[k]] {
				k++
			}
			if k > j && k < len(words) && nameLike(words[k]) {
				j = k
				continue
			}
			break
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// chunkPos is the BILU position of token i in its run.
func chunkPos(t *tokenInfo, i int) string {
	switch {
	case t.chunkEnd-t.chunkStart == 1:
		return "U"
	case i == t.chunkStart:
		return "B"
	case i == t.chunkEnd-1:
		return "L"
	}
	return "I"
}

// chunkFeatures adds the features of token i's capitalised run: its
// length, first and last words and their gazetteer classes, and the
// words around it, each with the token's position in the run.
func chunkFeatures(dst []uint32, info []tokenInfo, i int) []uint32 {
	t := &info[i]
	pos := chunkPos(t, i)
	n := t.chunkEnd - t.chunkStart
	dst = append(dst, uint32(newHash(fChunkLen).str(strconv.Itoa(min(n, 6))).str(pos)))
	if n == 1 {
		return dst
	}
	first, last := &info[t.chunkStart], &info[t.chunkEnd-1]
	dst = append(dst, uint32(newHash(fChunkFirst).str(first.lower).str(pos)))
	dst = append(dst, uint32(newHash(fChunkLast).str(last.lower).str(pos)))
	for _, g := range gazNames {
		if first.gazWord&g.c != 0 {
			dst = append(dst, uint32(newHash(fChunkFirstGaz).str(g.name).str(pos)))
		}
		if last.gazWord&g.c != 0 {
			dst = append(dst, uint32(newHash(fChunkLastGaz).str(g.name).str(pos)))
		}
	}
	before, after := "<s>", "</s>"
	if t.chunkStart > 0 {
		before = info[t.chunkStart-1].lower
	}
	if t.chunkEnd < len(info) {
		after = info[t.chunkEnd].lower
	}
	dst = append(dst, uint32(newHash(fChunkBefore).str(before).str(pos)))
	dst = append(dst, uint32(newHash(fChunkAfter).str(after).str(pos)))
	return dst
}

// maxDocContext caps the distinct context words kept per word and side.
const maxDocContext = 8

// docContext aggregates, for each capitalised word of a document, the
// lower-case words seen just before and after the runs holding it, and
// the last words of longer runs holding it, over all its occurrences,
// and whether the word also appears in lower case.
// They are features of every occurrence, so that "Coron" at the start of
// a sentence knows that it was "in Coron" elsewhere.
func docContext(sents [][]string) map[string][]uint32 {
	type agg struct{ before, after, last []string }
	m := map[string]*agg{}
	lower := map[string]bool{}
	for _, ws := range sents {
		for _, w := range ws {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				lower[w] = true
			}
		}
	}
	addTo := func(l *[]string, w string) {
		if len(*l) >= maxDocContext {
			return
		}
		for _, x := range *l {
			if x == w {
				return
			}
		}
		*l = append(*l, w)
	}
	word := func(w string) (string, bool) {
		if w == "" || nameLike(w) || !isWordy(w) {
			return "", false
		}
		if len(w) > maxWordBytes {
			w = w[:maxWordBytes]
		}
		return strings.ToLower(w), true
	}
	for _, ws := range sents {
		for _, c := range capChunks(ws) {
			var b, a string
			var okB, okA bool
			if c[0] > 0 {
				b, okB = word(ws[c[0]-1])
			}
			if c[1] < len(ws) {
				a, okA = word(ws[c[1]])
			}
			last := strings.ToLower(ws[c[1]-1])
			for i := c[0]; i < c[1]; i++ {
				w := ws[i]
				if !nameLike(w) || isNumber(w) {
					continue
				}
				if len(w) > maxWordBytes {
					w = w[:maxWordBytes]
				}
				g := m[w]
				if g == nil {
					g = &agg{}
					m[w] = g
				}
				if okB {
					addTo(&g.before, b)
				}
				if okA {
					addTo(&g.after, a)
				}
				if i < c[1]-1 && len(last) <= maxWordBytes {
					addTo(&g.last, last)
				}
			}
		}
	}
	out := make(map[string][]uint32, len(m))
	for w, g := range m {
		fs := make([]uint32, 0, len(g.before)+len(g.after)+len(g.last)+1)
		if lower[strings.ToLower(w)] {
			// "iodine" elsewhere: "Iodine" is a common noun.
			fs = append(fs, uint32(newHash(fLowerSeen).str("1")))
		}
		for _, x := range g.before {
			fs = append(fs, uint32(newHash(fDocBefore).str(x)))
		}
		for _, x := range g.after {
			fs = append(fs, uint32(newHash(fDocAfter).str(x)))
		}
		var gz gazetteer.Class
		for _, x := range g.last {
			fs = append(fs, uint32(newHash(fDocLast).str(x)))
			gz |= gazetteer.Lookup(x)
		}
		for _, c := range gazNames {
			if gz&c.c != 0 {
				fs = append(fs, uint32(newHash(fDocLastGaz).str(c.name)))
			}
		}
		out[w] = fs
	}
	return out
}

// isWordy reports whether w holds a letter.
func isWordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
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
	if t.chunkStart >= 0 {
		dst = chunkFeatures(dst, info, i)
	}
	if ctx != nil && ctx.docFeats != nil {
		dst = append(dst, ctx.docFeats[t.word]...)
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
