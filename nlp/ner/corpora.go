package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/nlp/conllu"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// GoldEntity is a labelled token span [Start, End) of a GoldSentence.
type GoldEntity struct {
	Start, End int
	Label      string
}

// GoldSentence is one tokenized sentence of a gold-standard file.
type GoldSentence struct {
	// Doc identifies the document the sentence belongs to (from
	// "# newdoc id", -DOCSTART- lines, or the file name).
	Doc   string
	Words []string
	// UPOS holds gold parts of speech when the format carries them.
	UPOS     []string
	Entities []GoldEntity
	// Unsure marks token ranges whose label is unknown (a mapping sent
	// them to "?"): training leaves them free, scoring ignores nothing.
	Unsure []GoldEntity
}

// GoldOptions tells ReadGold how to read and relabel a gold file.
type GoldOptions struct {
	// Format is "conll" (token and tag columns; the tag is the last
	// column), "iob2" (Universal NER: id, token, tag, …, with # comments),
	// or "" to guess from the file's first lines.
	Format string
	// Mapping renames gold labels (after the B-/I- prefix is removed). A
	// label mapped to "" is dropped (its tokens count as O); a label
	// mapped to "?" is kept as unsure. Labels absent from a non-nil
	// Mapping are dropped. Nil keeps labels as they are.
	Mapping map[string]string
}

// ReadGold reads a CoNLL or IOB2 named-entity file: one token a line with
// its tag in BIO, IOB2 or IO encoding, blank lines between sentences.
func ReadGold(path string, opt GoldOptions) ([]GoldSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	sents, err := readGold(f, filepath.Base(path), opt)
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	return sents, nil
}

func readGold(r io.Reader, name string, opt GoldOptions) ([]GoldSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []GoldSentence
	doc := name
	docN := 0
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			s := GoldSentence{Doc: doc, Words: words}
			s.Entities, s.Unsure = decodeTags(tags, opt.Mapping)
			out = append(out, s)
		}
		words, tags = nil, nil
	}
	format := opt.Format
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			docN++
			doc = fmt.Sprintf("%s#%d", name, docN)
			continue
		}
		if format == "" {
			format = "conll"
			if strings.HasPrefix(line, "#") {
				format = "iob2"
			} else if f := strings.Split(line, "\t"); len(f) >= 5 && isNumber(f[0]) {
				format = "iob2"
			}
		}
		if strings.HasPrefix(line, "#") && format == "iob2" {
			if v, ok := strings.CutPrefix(line, "# newdoc id = "); ok {
				flush()
				doc = strings.TrimSpace(v)
			}
			continue
		}
		var f []string
		if strings.Contains(line, "\t") {
			f = strings.Split(line, "\t")
		} else {
			f = strings.Fields(line)
		}
		switch format {
		case "iob2":
			if len(f) < 3 {
				return nil, fmt.Errorf("line %d: %d columns, want at least 3", n, len(f))
			}
			words = append(words, f[1])
			tags = append(tags, f[2])
		default:
			if len(f) < 2 {
				return nil, fmt.Errorf("line %d: %d columns, want at least 2", n, len(f))
			}
			words = append(words, f[0])
			tags = append(tags, f[len(f)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// decodeTags turns BIO/IOB2/IO tags into spans, relabelled by mapping.
func decodeTags(tags []string, mapping map[string]string) (ents, unsure []GoldEntity) {
	cur := GoldEntity{Start: -1}
	closeCur := func(end int) {
		if cur.Start < 0 {
			return
		}
		cur.End = end
		l := cur.Label
		if mapping != nil {
			l = mapping[l]
		}
		switch l {
		case "":
		case "?":
			unsure = append(unsure, GoldEntity{Start: cur.Start, End: cur.End, Label: "?"})
		default:
			ents = append(ents, GoldEntity{Start: cur.Start, End: cur.End, Label: l})
		}
		cur = GoldEntity{Start: -1}
	}
	for i, t := range tags {
		prefix, label, ok := strings.Cut(t, "-")
		if !ok || t == "O" || t == "_" || t == "-" {
			closeCur(i)
			continue
		}
		switch prefix {
		case "B", "U", "S":
			closeCur(i)
			cur = GoldEntity{Start: i, Label: label}
		default: // I, L, E
			if cur.Start < 0 || cur.Label != label {
				closeCur(i)
				cur = GoldEntity{Start: i, Label: label}
			}
		}
		if prefix == "L" || prefix == "E" || prefix == "U" || prefix == "S" {
			closeCur(i + 1)
		}
	}
	closeCur(len(tags))
	return ents, unsure
}

// readGUM reads GUM CoNLL-U documents and maps their Entity annotation
// to our label set (see gumEntities).
func readGUM(dir string, names []string) ([]GoldSentence, error) {
	var out []GoldSentence
	for _, name := range names {
		p := filepath.Join(dir, name+".conllu")
		sents, err := conllu.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read GUM %s: %w", name, err)
		}
		out = append(out, gumSentences(name, sents)...)
	}
	return out, nil
}

// gumList returns the documents of a GUM split list that are present in
// dir.
func gumList(dir, split string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "files."+split))
	if err != nil {
		return nil, fmt.Errorf("GUM split %s: %w", split, err)
	}
	var names []string
	for _, n := range strings.Fields(string(b)) {
		n = strings.TrimSuffix(n, ".conllu")
		if _, err := os.Stat(filepath.Join(dir, n+".conllu")); err == nil {
			names = append(names, n)
		}
	}
	return names, nil
}

func gumSentences(doc string, sents []conllu.Sentence) []GoldSentence {
	out := make([]GoldSentence, 0, len(sents))
	for _, s := range sents {
		g := GoldSentence{Doc: doc}
		for _, t := range s.Tokens {
			g.Words = append(g.Words, t.Form)
			g.UPOS = append(g.UPOS, t.UPOS)
		}
		g.Entities, g.Unsure = gumEntities(s.Tokens)
		out = append(out, g)
	}
	return out
}

// gumSpan is one Entity bracket of a GUM sentence.
type gumSpan struct {
	start, end int // tokens, end exclusive
	typ        string
	identity   string
}

// parseGUMBrackets reads the Entity= brackets of a sentence. Brackets
// left open at the end of the sentence are dropped.
func parseGUMBrackets(toks []conllu.Token) []gumSpan {
	var spans []gumSpan
	open := map[string][]int{} // id → indexes into spans
	for i, t := range toks {
		v := t.MiscValue("Entity")
		for v != "" {
			switch {
			case v[0] == '(':
				j := strings.IndexAny(v[1:], "()")
				body := v[1:]
				rest := ""
				closed := false
				if j >= 0 {
					body = v[1 : 1+j]
					rest = v[1+j:]
					if rest[0] == ')' {
						closed = true
						rest = rest[1:]
					}
				}
				f := strings.Split(body, "-")
				sp := gumSpan{start: i, end: -1}
				if len(f) > 1 {
					sp.typ = f[1]
				}
				if len(f) > 7 {
					sp.identity = strings.Join(f[7:], "-")
				}
				if closed {
					sp.end = i + 1
				} else {
					open[f[0]] = append(open[f[0]], len(spans))
				}
				spans = append(spans, sp)
				v = rest
			default:
				j := strings.IndexByte(v, ')')
				if j < 0 {
					v = ""
					break
				}
				id := v[:j]
				if st := open[id]; len(st) > 0 {
					spans[st[len(st)-1]].end = i + 1
					open[id] = st[:len(st)-1]
				}
				v = v[j+1:]
			}
		}
	}
	kept := spans[:0]
	for _, s := range spans {
		if s.end > s.start {
			kept = append(kept, s)
		}
	}
	return kept
}

// gumEntities maps GUM's entity brackets to flat named-entity spans:
//
//   - a bracket is named when its head token is a PROPN or it carries a
//     Wikipedia identity, and the head is part of a capitalised run;
//   - the name is the run of capitalised tokens around the head, joined
//     by connectors ("of", "for", "de", "&", "-"); determiners, lower-case
//     modifiers, possessors ("Seattle 's"), relative clauses and leading
//     "The" fall outside it;
//   - person names lose leading titles ("NASA Administrator Charles
//     Bolden" → "Charles Bolden"; "NASA" is its own bracket);
//   - types: person→PERSON, organization→ORG, place→GPE/LOC/FAC by
//     gazetteer and head noun (placeLabel), event→EVENT; any name that is
//     a nationality or group word becomes NORP; names of other types
//     (object, abstract, …) are unsure, neither trained for nor against;
//   - capitalised nationality and group words outside any name become
//     NORP ("the Azerbaijani army"), as GUM has no such type;
//   - overlaps keep the longer span.
func gumEntities(toks []conllu.Token) (ents, unsure []GoldEntity) {
	brackets := parseGUMBrackets(toks)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Form
	}
	var cands []GoldEntity
	for _, b := range brackets {
		head := gumHead(toks, b)
		if head < 0 {
			continue
		}
		if toks[head].UPOS == "PRON" || b.typ == "time" || b.typ == "quantity" {
			continue
		}
		titleHead := b.typ == "person" && gazetteer.Lookup(words[head])&gazetteer.Title != 0
		if titleHead || !nameLike(words[head]) || (toks[head].UPOS != "PROPN" && b.identity == "") {
			// "his then-girlfriend Julie Couillard": a proper-noun
			// apposition or compound of a common-noun head.
			other := inner(brackets, b)
			for i := b.start; i < b.end && b.typ == "person"; i++ {
				if other[i] || toks[i].UPOS != "PROPN" || toks[i].Head-1 != head || !nameLike(words[i]) {
					continue
				}
				if r := toks[i].DepRel; r != "appos" && r != "flat" && r != "compound" {
					continue
				}
				s, e := nameRun(words, b.start, b.end, i)
				s = stripTitles(words, s, e, other)
				if s < e && nameLike(words[s]) {
					cands = append(cands, GoldEntity{Start: s, End: e, Label: gumLabel(b.typ, words[s:e])})
					break
				}
			}
			continue
		}
		s, e := nameRun(words, b.start, b.end, head)
		if b.typ == "person" {
			s = stripTitles(words, s, e, inner(brackets, b))
		}
		for s < e && isArticle(words[s]) {
			s++
		}
		if s >= e || !nameLike(words[s]) {
			continue
		}
		cands = append(cands, GoldEntity{Start: s, End: e, Label: gumLabel(b.typ, words[s:e])})
	}
	ents, unsure = resolveOverlaps(cands)
	ents = addNORP(words, ents, unsure)
	return ents, unsure
}

// gumHead returns the token of the bracket whose head lies outside it.
func gumHead(toks []conllu.Token, b gumSpan) int {
	for i := b.start; i < b.end; i++ {
		h := toks[i].Head - 1 // 0-based; -1 for root
		if h < b.start || h >= b.end {
			if toks[i].UPOS == "PUNCT" {
				continue
			}
			return i
		}
	}
	return -1
}

func gumLabel(typ string, words []string) string {
	phrase := strings.Join(words, " ")
	c := gazetteer.Lookup(phrase)
	if c.NORP() && !c.GPE() {
		return "NORP"
	}
	switch typ {
	case "person":
		return "PERSON"
	case "organization":
		return "ORG"
	case "place":
		return placeLabel(words)
	case "event":
		return "EVENT"
	}
	return "?"
}

// placeLabel decides GPE, LOC or FAC for a place name: gazetteer first,
// then the head noun, else GPE (most unlisted places in news are towns,
// districts and provinces).
func placeLabel(words []string) string {
	if len(words) == 0 {
		return "GPE"
	}
	phrase := strings.Join(words, " ")
	c := gazetteer.Lookup(phrase)
	switch {
	case c&gazetteer.Region != 0:
		return "LOC"
	case c&(gazetteer.CountryName|gazetteer.Capital|gazetteer.State) != 0:
		return "GPE"
	case c&gazetteer.FacHead != 0 && len(words) == 1:
		return "FAC" // "Pentagon", "Kremlin"
	}
	for i := 0; i+1 < len(words); i++ {
		if words[i+1] == "of" && gazetteer.Lookup(words[i])&gazetteer.FacHead != 0 {
			return "FAC" // "Museum of Flight", "National Museum of the U.S. Air Force"
		}
	}
	last := gazetteer.Lookup(words[len(words)-1])
	if len(words) > 1 {
		if last2 := gazetteer.Lookup(strings.Join(words[len(words)-2:], " ")); last2&(gazetteer.FacHead|gazetteer.LocHead) != 0 {
			last = last2
		}
		// "Mount Everest", "Lake Sevan", "Gulf of Mexico"
		if first := gazetteer.Lookup(words[0]); first&gazetteer.LocHead != 0 {
			return "LOC"
		}
	}
	switch {
	case len(words) > 1 && last&gazetteer.FacHead != 0:
		return "FAC"
	case len(words) > 1 && last&gazetteer.LocHead != 0:
		return "LOC"
	case c&gazetteer.CityName != 0:
		return "GPE"
	}
	return "GPE"
}

// nameLike reports whether a token can be part of a name: it starts
// with an upper-case letter or a digit.
func nameLike(w string) bool {
	for _, r := range w {
		return ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') || (r > 127 && isUpperRune(r))
	}
	return false
}

func isArticle(w string) bool { return w == "The" || w == "the" || w == "A" || w == "An" }

var connectors = map[string]bool{
	"of": true, "for": true, "de": true, "del": true, "du": true, "la": true, "le": true,
	"&": true, "-": true, "van": true, "von": true, "der": true, "den": true, "bin": true,
	"al": true, "el": true, "and": false, "on": true, "the": true, "'s": false, "da": true, "do": true, "dos": true,
}

// nameRun extends from head over name-like tokens and connectors inside
// [start, end), never ending on a connector.
func nameRun(words []string, start, end, head int) (int, int) {
	s := head
	for s > start {
		w := words[s-1]
		if nameLike(w) {
			s--
			continue
		}
		if (connectors[w] || w == "and") && s-2 >= start && (nameLike(words[s-2]) || connectors[words[s-2]]) {
			s--
			continue
		}
		break
	}
	for s < head && !nameLike(words[s]) {
		s++
	}
	e := head + 1
	for e < end {
		w := words[e]
		if nameLike(w) {
			e++
			continue
		}
		if connectors[w] && e+1 < end && (nameLike(words[e+1]) || (connectors[words[e+1]] && e+2 < end && nameLike(words[e+2]))) {
			e++
			continue
		}
		break
	}
	for e > head+1 && !nameLike(words[e-1]) {
		e--
	}
	return s, e
}

// stripTitles moves start past the last title word before the name
// ("Azerbaijani President Ilham Aliyev" → "Ilham Aliyev"), then past
// connectors and tokens of other brackets ("Governor of Washington Chris
// Gregoire" → "Chris Gregoire"). A span ending in a title holds no name
// ("Ottawa New Democrat MP"): it returns e.
func stripTitles(words []string, s, e int, other []bool) int {
	if e > s && gazetteer.Lookup(words[e-1])&gazetteer.Title != 0 {
		return e
	}
	last := -1
	for i := s; i < e-1; i++ {
		if gazetteer.Lookup(words[i])&gazetteer.Title != 0 {
			last = i
		}
	}
	if last >= 0 {
		s = last + 1
	}
	for s < e && (connectors[words[s]] || other[s] || isArticle(words[s])) {
		s++
	}
	return s
}

// inner marks the tokens covered by brackets nested inside b.
func inner(all []gumSpan, b gumSpan) []bool {
	n := 0
	for _, x := range all {
		n = max(n, x.end)
	}
	out := make([]bool, n)
	for _, x := range all {
		if x.start >= b.start && x.end <= b.end && (x.end-x.start) < (b.end-b.start) && x.typ != "person" {
			for i := x.start; i < x.end; i++ {
				out[i] = true
			}
		}
	}
	return out
}

// resolveOverlaps keeps the longest of overlapping candidates (earliest
// first on ties). Unsure candidates ("?") are returned separately.
func resolveOverlaps(cands []GoldEntity) (ents, unsure []GoldEntity) {
	// stable selection sort by length, few candidates per sentence
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0; j-- {
			a, b := cands[order[j-1]], cands[order[j]]
			if b.End-b.Start > a.End-a.Start {
				order[j-1], order[j] = order[j], order[j-1]
			}
		}
	}
	var kept []GoldEntity
	for _, i := range order {
		c := cands[i]
		ok := true
		for _, k := range kept {
			if c.Start < k.End && k.Start < c.End {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, c)
		}
	}
	sortEntities(kept)
	for _, k := range kept {
		if k.Label == "?" {
			unsure = append(unsure, k)
		} else {
			ents = append(ents, k)
		}
	}
	return ents, unsure
}

func sortEntities(es []GoldEntity) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Start < es[j-1].Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// addNORP labels capitalised nationality and group words outside any
// span as NORP.
func addNORP(words []string, ents, unsure []GoldEntity) []GoldEntity {
	covered := make([]bool, len(words))
	for _, l := range [][]GoldEntity{ents, unsure} {
		for _, e := range l {
			for i := e.Start; i < e.End; i++ {
				covered[i] = true
			}
		}
	}
	for _, m := range gazetteer.Find(words, false) {
		if !m.Class.NORP() || m.Class.GPE() {
			continue
		}
		free := true
		for i := m.Start; i < m.End; i++ {
			free = free && !covered[i]
		}
		if free && nameLike(words[m.Start]) {
			ents = append(ents, GoldEntity{Start: m.Start, End: m.End, Label: "NORP"})
		}
	}
	sortEntities(ents)
	return ents
}

// relabelCoarse maps the PER/ORG/LOC/MISC spans of wikigold, BTC, WNUT17
// and Universal NER to our labels:
//
//	PER, person                 → PERSON
//	ORG, corporation, group     → ORG
//	LOC, location               → GPE, LOC or FAC by placeLabel
//	MISC                        → NORP (nationality/group word), EVENT (name
//	                              ending in an event noun), else unsure
//	product, creative-work      → unsure
//
// then labels nationality and group words outside spans NORP (addNORP).
func relabelCoarse(s *GoldSentence) {
	var ents, unsure []GoldEntity
	unsure = append(unsure, s.Unsure...)
	for _, e := range s.Entities {
		words := s.Words[e.Start:e.End]
		switch e.Label {
		case "PER", "person":
			e.Label = "PERSON"
		case "ORG", "corporation", "group":
			e.Label = "ORG"
			if c := gazetteer.Lookup(strings.Join(words, " ")); c.NORP() && !c.GPE() {
				e.Label = "NORP"
			}
		case "LOC", "location":
			e.Label = placeLabel(words)
			if c := gazetteer.Lookup(strings.Join(words, " ")); c.NORP() && !c.GPE() {
				e.Label = "NORP"
			}
		case "MISC":
			phrase := strings.Join(words, " ")
			c := gazetteer.Lookup(phrase)
			switch {
			case c.NORP():
				e.Label = "NORP"
			case len(words) > 1 && gazetteer.Lookup(words[len(words)-1])&gazetteer.EventHead != 0:
				e.Label = "EVENT"
			default:
				e.Label = "?"
			}
		default:
			e.Label = "?"
		}
		if e.Label == "?" {
			unsure = append(unsure, e)
		} else {
			ents = append(ents, e)
		}
	}
	s.Entities = addNORP(s.Words, ents, unsure)
	s.Unsure = unsure
}
