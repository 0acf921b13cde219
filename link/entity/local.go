package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// The per-document pass: clean and analyse each named mention, find
// acronym definitions, group the mentions into local clusters (full
// names, short forms, acronyms), then link descriptions ("the service")
// and pronouns to them. Capitals acting as governments and nationality
// words are set aside for their country.

// name is the analysis of one mention's text.
type name struct {
	display string   // as written, without "the", titles and a possessive
	key     string   // comparison key of the core name
	words   []string // words of key
	full    []string // words including a qualifier, for initials
	qual    string   // country named before an organisation, or ""
	core    int      // number of words as written, without a qualifier
	akey    string   // aliasKey(display)
	acronym bool
	country bool // key is a country key
}

func (n name) coreWords() int {
	if n.core > 0 {
		return n.core
	}
	return len(n.words)
}

// ref is one mention of a cluster.
type ref struct {
	span  crosscheck.Span
	sent  int
	text  string
	kind  string
	label string // the recognizer's label, for name and acronym refs
	alias string // the name as written, for name and acronym refs
	akey  string // aliasKey(alias)
	core  int    // number of words of the name without a qualifier
}

// cluster is a group of mentions in one document that name one entity.
type cluster struct {
	doc     int
	refs    []ref
	keys    []string   // core keys of its full names
	words   [][]string // words of each key
	fulls   [][]string // words with qualifier, for initials
	qual    string
	acrs    []string // acronyms defined for it in this document
	bareAcr string   // set when it holds only an acronym defined nowhere in the document
	short   string   // set when it holds only one-word person names
	country bool
	labels  votes
	gender  byte     // 'm', 'f' or 0
	pos     []int    // starts of its name mentions
	sents   []int    // sentences of its name mentions
	titles  []string // words of the titles a person is given ("foreign", "minister")
}

func (c *cluster) addKey(n name) {
	for _, k := range c.keys {
		if k == n.key {
			return
		}
	}
	c.keys = append(c.keys, n.key)
	c.words = append(c.words, n.words)
	c.fulls = append(c.fulls, n.full)
}

func (c *cluster) orgLike() bool {
	switch c.labels.top() {
	case crosscheck.LabelOrg, crosscheck.LabelFac, crosscheck.LabelEvent:
		return true
	}
	return len(c.acrs) > 0 || c.bareAcr != ""
}

// mark records a name mention's position.
func (c *cluster) mark(m *mention) {
	c.pos = append(c.pos, m.span.Start)
	c.sents = append(c.sents, m.sent)
}

// namedSince reports whether the cluster has a name mention in sentence
// sent or later.
func (c *cluster) namedSince(sent int) bool {
	for _, s := range c.sents {
		if s >= sent {
			return true
		}
	}
	return false
}

// latestBefore returns the start of the cluster's last name mention
// before pos, or -1.
func (c *cluster) latestBefore(pos int) int {
	best := -1
	for _, p := range c.pos {
		if p < pos && p > best {
			best = p
		}
	}
	return best
}

// attachRef is a mention that belongs to a country: a capital acting as
// its government, or a nationality word.
type attachRef struct {
	doc     int
	country string
	ref     ref
}

// floatRef is a description that names a country and found no
// organisation in its article ("Ostravia's foreign ministry"); the
// cross-document pass attaches it to the organisation of that country
// with that name, if the corpus has one.
type floatRef struct {
	doc       int
	key, qual string
	ref       ref
}

// docOut is what the per-document pass hands to the cross-document pass.
type docOut struct {
	clusters []*cluster
	attach   []attachRef
	floating []floatRef
	renames  [][2]*cluster
	// countries are the countries (and other places) the document names,
	// to place bare organisation names ("the State Security Service").
	countries map[string]bool
	stats     Stats
}

type mention struct {
	span    crosscheck.Span
	sent    int
	label   string
	title   string
	raw     string
	n       name
	c       *cluster
	kind    string
	country string // for metonyms and demonyms
	skip    bool
}

type docCtx struct {
	r     *resolver
	di    int
	text  string
	sents []crosscheck.Sentence
	spos  map[int]int // sentence index → position in sents
	ms    []mention
	memo  *memo
	out   *docOut
	// noMerge holds mention pairs a rename sentence keeps apart.
	noMerge map[[2]string]bool
}

func (r *resolver) doc(di int, mm *memo) *docOut {
	in := r.docs[di]
	d := &docCtx{r: r, di: di, text: in.Doc.Text, sents: in.Layer.Sentences, spos: map[int]int{}, memo: mm,
		out: &docOut{countries: map[string]bool{}}}
	d.sents = validSentences(d.sents, len(d.text))
	for i, s := range d.sents {
		d.spos[s.Index] = i
	}
	for _, m := range in.Layer.Entities {
		if !namedLabel[m.Label] {
			continue
		}
		d.out.stats.Mentions++
		if m.Role == roleAuthor {
			d.out.stats.Authors++
			continue
		}
		if !m.Span.Valid(len(d.text)) || m.Span.Len() == 0 {
			d.out.stats.Invalid++
			continue
		}
		d.ms = append(d.ms, mention{span: m.Span, sent: m.Sentence, label: m.Label, title: m.Title, raw: d.text[m.Span.Start:m.Span.End]})
	}
	sort.SliceStable(d.ms, func(i, j int) bool { return d.ms[i].span.Start < d.ms[j].span.Start })
	d.repairSpans(in.Doc.Headline)
	d.extendPlaceNames(in.Doc.Headline)
	for i := range d.ms {
		d.analyze(&d.ms[i])
	}
	d.contextQualifiers()
	d.classify()
	d.findRenames()
	d.clusterNames()
	d.descriptions()
	d.pronouns()
	d.finish()
	return d.out
}

func (d *docCtx) fold(s string) string { return d.memo.fold(s) }

// validSentences returns the sentences with the tokens of any sentence
// whose token spans do not fit the text, or are out of order, left out:
// such a layer is damaged, and its parse cannot be trusted.
func validSentences(sents []crosscheck.Sentence, n int) []crosscheck.Sentence {
	bad := func(toks []crosscheck.Token) bool {
		end := 0
		for _, t := range toks {
			if !t.Span.Valid(n) || t.Span.Start < end {
				return true
			}
			end = t.Span.End
		}
		return false
	}
	var out []crosscheck.Sentence
	for i, s := range sents {
		if !bad(s.Tokens) {
			continue
		}
		if out == nil {
			out = append([]crosscheck.Sentence(nil), sents...)
		}
		out[i].Tokens = nil
	}
	if out == nil {
		return sents
	}
	return out
}

// memo caches the results of string functions for one worker.
type memo struct {
	folds map[string]string
	title map[string]bool
	names map[string]name
}

func newMemo() *memo {
	return &memo{folds: map[string]string{}, title: map[string]bool{}, names: map[string]name{}}
}

// analyze is analyzeName with the memo; the returned name's slices are
// shared and must not be modified.
func (m *memo) analyze(w *world, display, label string) name {
	k := label + "\x00" + display
	if n, ok := m.names[k]; ok {
		return n
	}
	n := analyzeName(w, display, label, m.fold)
	n.akey = m.key(n.display)
	if len(m.names) < memoMax {
		m.names[k] = n
	}
	return n
}

const memoMax = 1 << 16

func (m *memo) fold(s string) string {
	if f, ok := m.folds[s]; ok {
		return f
	}
	f := fold(s)
	if len(m.folds) < memoMax {
		m.folds[s] = f
	}
	return f
}

func (m *memo) isTitle(s string) bool {
	t, ok := m.title[s]
	if !ok {
		t = isTitleWord(s)
		if len(m.title) < memoMax {
			m.title[s] = t
		}
	}
	return t
}

// key is plainKey with the memo.
func (m *memo) key(s string) string { return strings.Join(words(m.fold(s)), " ") }

// trimOffsets returns the part of a mention's text that is the name:
// without a leading "the", a final possessive, and for persons leading
// titles the recognizer left in the span.
func trimOffsets(t string, isTitle func(string) bool) (int, int) {
	s, e := 0, len(t)
	for s < e && t[s] == ' ' {
		s++
	}
	for e > s && t[e-1] == ' ' {
		e--
	}
	for _, p := range []string{"the ", "The ", "THE "} {
		if strings.HasPrefix(t[s:e], p) && e-s > len(p) {
			s += len(p)
			break
		}
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(t[s:e], suf) && e-len(suf) > s {
			e -= len(suf)
			break
		}
	}
	if isTitle != nil {
		for range 3 {
			rest := t[s:e]
			sp := strings.IndexByte(rest, ' ')
			if sp < 0 {
				break
			}
			if sp2 := strings.IndexByte(rest[sp+1:], ' '); sp2 > 0 && isTitle(rest[:sp+1+sp2]) {
				s += sp + 1 + sp2 + 1
				continue
			}
			if isTitle(rest[:sp]) {
				s += sp + 1
				continue
			}
			break
		}
	}
	return s, e
}

// trimName returns the name part of a mention's text.
func trimName(t string) string {
	s, e := trimOffsets(t, nil)
	return t[s:e]
}

func (d *docCtx) analyze(m *mention) {
	var isTitle func(string) bool
	if m.label == crosscheck.LabelPerson {
		isTitle = d.memo.isTitle
	}
	s, e := trimOffsets(m.raw, isTitle)
	m.span = crosscheck.Span{Start: m.span.Start + s, End: m.span.Start + e}
	m.raw = m.raw[s:e]
	m.n = d.memo.analyze(d.r.w, m.raw, m.label)
	if len(m.n.words) == 0 {
		m.skip = true
	}
}

// analyzeName computes the keys of a name.
func analyzeName(w *world, display, label string, foldFn func(string) string) name {
	display = strings.Join(strings.Fields(display), " ")
	n := name{display: display}
	ws := words(foldFn(display))
	if len(ws) == 0 {
		return n
	}
	plain := strings.Join(ws, " ")
	if label == crosscheck.LabelPerson {
		n.key, n.words, n.full = plain, ws, ws
		return n
	}
	if ck := w.countryKey(plain); ck != "" {
		return countryName(n, ck)
	}
	if isAcronym(strings.ReplaceAll(display, " ", "")) && !w.names[plain] {
		n.acronym = true
		n.key = acronymKey(display)
		n.words = []string{strings.ToLower(n.key)}
		n.full = n.words
		return n
	}
	if label == crosscheck.LabelGPE || label == crosscheck.LabelLoc {
		ws2 := stripPoliticalForm(ws)
		k := strings.Join(ws2, " ")
		if ck := w.countryKey(k); ck != "" {
			return countryName(n, ck)
		}
		n.key, n.words, n.full = k, ws2, ws2
		return n
	}
	if label == crosscheck.LabelNORP {
		n.key, n.words, n.full = plain, ws, ws
		return n
	}
	full := make([]string, len(ws))
	for i, x := range ws {
		x, _ = stripPossessive(x)
		full[i] = singular(x)
	}
	core := full
	for l := min(3, len(ws)-1); l >= 1; l-- {
		if q := w.qualifier(ws[:l]); q != "" {
			n.qual = q
			core = full[l:]
			break
		}
	}
	n.key, n.words, n.full = strings.Join(core, " "), core, full
	return n
}

func countryName(n name, ck string) name {
	n.key, n.words, n.full, n.country = ck, strings.Fields(ck), strings.Fields(ck), true
	n.core = len(strings.Fields(n.display))
	return n
}

// repairSpans extends an organisation mention over capitalised words the
// recognizer left out before it ("Islamic Revolutionary" + "Guards
// Corps"), outside the headline.
func (d *docCtx) repairSpans(headline crosscheck.Span) {
	covered := func(pos int) int {
		i := sort.Search(len(d.ms), func(i int) bool { return d.ms[i].span.End > pos })
		if i < len(d.ms) && d.ms[i].span.Start <= pos {
			return i
		}
		return -1
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.label != crosscheck.LabelOrg || (headline.Len() > 0 && m.span.Start < headline.End && m.span.End > headline.Start) {
			continue
		}
		sp, ok := d.spos[m.sent]
		if !ok {
			continue
		}
		toks := d.sents[sp].Tokens
		t := tokenAt(toks, m.span.Start)
		if t < 0 || toks[t].Span.Start != m.span.Start {
			continue
		}
		start := m.span.Start
		var absorbed []int
		for k := t - 1; k >= 0 && k >= t-3; k-- {
			tk := toks[k]
			if tk.Span.End+1 != toks[k+1].Span.Start || d.text[tk.Span.End] != ' ' {
				break
			}
			r, _ := utf8.DecodeRuneInString(tk.Text)
			if !unicode.IsUpper(r) || d.memo.isTitle(tk.Text) || gazetteer.Lookup(tk.Text)&gazetteer.Month != 0 {
				break
			}
			// A capitalised adjective opening the sentence is taken only
			// before a name made of generic words ("Foreign" + "Ministry").
			if tk.UPOS != "PROPN" && (tk.UPOS != "ADJ" || (k == 0 && !allGeneric(words(d.fold(m.raw))))) {
				break
			}
			if j := covered(tk.Span.Start); j >= 0 {
				o := d.ms[j]
				if o.label != crosscheck.LabelNORP || d.r.w.demonymOf(d.memo.key(o.raw)) != "" || d.r.w.countryKey(d.memo.key(o.raw)) != "" || o.span.Start != tk.Span.Start {
					break
				}
				absorbed = append(absorbed, j)
			}
			start = tk.Span.Start
		}
		if start == m.span.Start {
			continue
		}
		m.span.Start = start
		m.raw = d.text[m.span.Start:m.span.End]
		for _, j := range absorbed {
			d.ms[j].skip = true
		}
	}
}

// extendPlaceNames makes a place mention followed by capitalised words
// nobody recognised into the organisation they name: "Kelm" + "Daily
// Voice", outside the headline.
func (d *docCtx) extendPlaceNames(headline crosscheck.Span) {
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip || (m.label != crosscheck.LabelGPE && m.label != crosscheck.LabelLoc) || (headline.Len() > 0 && m.span.Start < headline.End && m.span.End > headline.Start) {
			continue
		}
		sp, ok := d.spos[m.sent]
		if !ok {
			continue
		}
		toks := d.sents[sp].Tokens
		t := tokenAt(toks, m.span.End-1)
		if t < 0 || toks[t].Span.End != m.span.End {
			continue
		}
		next := len(d.text)
		if i+1 < len(d.ms) {
			next = d.ms[i+1].span.Start
		}
		end := m.span.End
		for k := t + 1; k < len(toks) && k <= t+3; k++ {
			tk := toks[k]
			if tk.Span.Start != toks[k-1].Span.End+1 || tk.Span.End > next || tk.UPOS != "PROPN" {
				break
			}
			r, _ := utf8.DecodeRuneInString(tk.Text)
			if !unicode.IsUpper(r) || d.memo.isTitle(tk.Text) || isShouting(tk.Text) || gazetteer.Lookup(tk.Text)&gazetteer.Month != 0 {
				break
			}
			if k+1 < len(toks) && d.memo.isTitle(tk.Text+" "+toks[k+1].Text) {
				break
			}
			end = tk.Span.End
		}
		if end == m.span.End {
			continue
		}
		m.span.End = end
		m.raw = d.text[m.span.Start:m.span.End]
		m.label = crosscheck.LabelOrg
	}
}

// tokenAt returns the index of the token that holds byte pos, or -1.
func tokenAt(toks []crosscheck.Token, pos int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > pos })
	if i < len(toks) && toks[i].Span.Start <= pos {
		return i
	}
	return -1
}

// headToken returns the token of span whose head lies outside it.
func headToken(toks []crosscheck.Token, span crosscheck.Span) int {
	a := tokenAt(toks, span.Start)
	if a < 0 {
		return -1
	}
	b := a
	for b+1 < len(toks) && toks[b+1].Span.Start < span.End {
		b++
	}
	for j := a; j <= b; j++ {
		if h := toks[j].Head; h < a || h > b {
			return j
		}
	}
	return b
}

// contextQualifiers gives an organisation mention the country written
// just before it: "Valdoria's SSS", "the Valdorian State Security
// Service".
func (d *docCtx) contextQualifiers() {
	for i := 1; i < len(d.ms); i++ {
		m, p := &d.ms[i], &d.ms[i-1]
		if m.skip || p.skip || m.n.qual != "" || m.n.country || m.label == crosscheck.LabelPerson || m.label == crosscheck.LabelGPE || m.label == crosscheck.LabelNORP || m.label == crosscheck.LabelLoc {
			continue
		}
		if p.span.End > m.span.Start || m.span.Start-p.span.End > 4 {
			continue
		}
		between := d.text[p.span.End:m.span.Start]
		switch between {
		case " ":
			if q := d.r.w.qualifier(strings.Fields(d.memo.key(p.raw))); q != "" {
				m.n.qual = q
			}
		case "'s ", "’s ", "' ", "’ ":
			// Any place can own an organisation: "Valdoria's State
			// Security Service", "Osterhaven's port authority".
			if q := d.r.w.qualifier(strings.Fields(d.memo.key(p.raw))); q != "" {
				m.n.qual = q
			} else if p.label == crosscheck.LabelGPE || p.label == crosscheck.LabelLoc {
				m.n.qual = p.n.key
			}
		}
	}
}

// classify sets aside capitals acting as governments (metonyms) and
// nationality words (demonyms), records the countries the document
// names, and reads official forms ("the Islamic Republic") as the one
// country the document names that has such a form.
func (d *docCtx) classify() {
	w := d.r.w
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip {
			continue
		}
		if m.n.country {
			d.out.countries[m.n.key] = true
			continue
		}
		if m.label == crosscheck.LabelPerson {
			continue
		}
		if m.label == crosscheck.LabelGPE || m.label == crosscheck.LabelLoc {
			d.out.countries[m.n.key] = true
		}
		if m.label != crosscheck.LabelOrg {
			if ck := w.demonymOf(d.memo.key(m.raw)); ck != "" {
				m.kind, m.country = crosscheck.RefDemonym, ck
				d.out.countries[ck] = true
				continue
			}
		}
		if m.label == crosscheck.LabelGPE && !isShouting(m.raw) {
			if ck := w.capitalOf(m.n.key); ck != "" && ck != m.n.key && d.governs(m) {
				m.kind, m.country = crosscheck.RefMetonym, ck
			}
		}
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip || m.kind != "" || m.n.country {
			continue
		}
		var hit string
		for _, ck := range w.official[m.n.key] {
			if d.out.countries[ck] {
				if hit != "" {
					hit = ""
					break
				}
				hit = ck
			}
		}
		if hit != "" {
			m.n = countryName(m.n, hit)
		}
	}
}

// Verbs whose subject is a place, not a government ("Kelm lies on the
// river", "Baku hosted the games").
var placeVerbs = map[string]bool{
	"be": true, "lie": true, "sit": true, "border": true, "host": true, "remain": true,
	"become": true, "stand": true, "grow": true, "house": true, "surround": true, "locate": true,
	"situate": true, "overlook": true, "experience": true, "suffer": true, "see": true,
	"flood": true, "attract": true, "welcome": true, "lose": true, "count": true, "span": true,
	"boast": true, "celebrate": true,
}

// Verbs whose object (or passive subject) is a government: "accusing
// Marenburg of hiding", "Kelm was accused of", "Ask Kelm".
var politicalObjectVerbs = map[string]bool{
	"accuse": true, "blame": true, "criticize": true, "criticise": true, "urge": true, "ask": true,
	"warn": true, "summon": true, "sanction": true, "condemn": true, "pressure": true, "invite": true,
	"praise": true, "call": true, "press": true, "expect": true, "suit": true, "thank": true,
	"support": true, "back": true, "tell": true, "inform": true, "notify": true, "persuade": true,
	"convince": true, "force": true, "allow": true, "threaten": true, "help": true, "trust": true,
	"pay": true, "fund": true, "reject": true, "recognise": true, "recognize": true, "leave": true,
	"join": true, "defy": true, "challenge": true, "oppose": true, "lobby": true, "embarrass": true,
}

// Nouns a capital modifies or possesses as a place, not as a government:
// "Kelm's streets", "Kelm residents".
var placeNouns = map[string]bool{
	"street": true, "mayor": true, "population": true, "resident": true, "inhabitant": true,
	"airport": true, "district": true, "neighbourhood": true, "neighborhood": true, "centre": true,
	"center": true, "suburb": true, "outskirt": true, "skyline": true, "square": true, "university": true,
	"port": true, "river": true, "metro": true, "subway": true, "station": true, "hospital": true,
	"city": true, "town": true, "heart": true, "edge": true, "downtown": true, "traffic": true,
	"air": true, "weather": true, "museum": true, "park": true, "zoo": true, "stadium": true,
	"club": true, "team": true, "fan": true, "council": true, "police": true, "old": true,
	"local": true, "citizen": true, "resident's": true, "school": true, "hotel": true, "market": true,
}

// Nouns of which two capitals are the parties ("relations between
// Marenburg and Kelm").
var relationNouns = map[string]bool{
	"relation": true, "tie": true, "talk": true, "dispute": true, "agreement": true, "deal": true,
	"negotiation": true, "treaty": true, "rift": true, "tension": true, "friendship": true,
}

// governs reports whether a capital mention stands for its country's
// government, from the dependency parse: the agent of a verb ("Kelm
// denied", "was paid by Kelm"), the object of a verb of dealing with a
// government ("accusing Marenburg"), the possessor or modifier of a noun
// that is not a thing of the city ("Kelm's envoy", "seven Kelm agents";
// not "Kelm's streets"), or a party to relations ("relations between
// Marenburg and Kelm"). Everything else is the city.
func (d *docCtx) governs(m *mention) bool {
	sp, ok := d.spos[m.sent]
	if !ok {
		return false
	}
	toks := d.sents[sp].Tokens
	j := headToken(toks, m.span)
	if j < 0 {
		return false
	}
	// "the Orlenian capital Brask" names the city.
	if before := strings.TrimRight(d.text[max(0, m.span.Start-9):m.span.Start], " ,"); strings.HasSuffix(strings.ToLower(before), "capital") {
		return false
	}
	// "Kelm Daily Voice" with only "Kelm" recognised is a name, not the
	// government.
	if k := tokenAt(toks, m.span.End-1); k >= 0 && k+1 < len(toks) && toks[k+1].UPOS == "PROPN" && toks[k+1].Span.Start == m.span.End+1 {
		if r, _ := utf8.DecodeRuneInString(toks[k+1].Text); unicode.IsUpper(r) {
			return false
		}
	}
	rel := toks[j].Rel
	h := toks[j].Head
	for range 2 { // "Baku and Tehran exchanged": follow conj to the first conjunct
		if rel != "conj" || h < 0 || h >= len(toks) {
			break
		}
		rel, h = toks[h].Rel, toks[h].Head
	}
	if h < 0 || h >= len(toks) {
		return false
	}
	head := toks[h]
	lemma := strings.ToLower(head.Lemma)
	if lemma == "" {
		lemma = strings.ToLower(head.Text)
	}
	noun := singular(lemma)
	switch rel {
	case "nsubj":
		return (head.UPOS == "VERB" || head.UPOS == "AUX" || head.UPOS == "ADJ") && !placeVerbs[lemma]
	case "obl:agent":
		return true
	case "nsubj:pass", "obj", "iobj":
		return head.UPOS == "VERB" && politicalObjectVerbs[lemma]
	case "nmod:poss", "compound":
		return (head.UPOS == "NOUN" || head.UPOS == "PROPN") && !placeNouns[noun] && !(head.UPOS == "PROPN" && rel == "compound")
	case "nmod":
		return relationNouns[noun]
	}
	return false
}

// Cues before a name that say an organisation had that name before or
// after another one ("X, formerly known as Y", "X was renamed Y", "it
// used to be called Y", "the ministry was folded into Y").
var renameCues = [][]string{
	{"formerly", "known", "as"}, {"formerly", "called"}, {"formerly", "named"}, {"formerly"},
	{"previously", "known", "as"}, {"previously", "called"}, {"previously", "named"}, {"once", "known", "as"},
	{"used", "to", "be", "called"}, {"used", "to", "be", "known", "as"}, {"renamed"}, {"renamed", "as"},
	{"renamed", "to"}, {"renamed", "what", "was", "left"}, {"now", "known", "as"}, {"now", "called"},
	{"now", "named"}, {"known", "until", "then", "as"}, {"successor", "to"}, {"folded", "into"},
	{"merged", "into"}, {"absorbed", "into"}, {"replaced", "by"},
}

// Words between a rename cue and the name: "folded into today's State
// Security Service".
var cueFiller = map[string]bool{"the": true, "a": true, "todays": true, "today": true, "present": true, "current": true, "new": true, "what": true, "is": true, "now": true}

// endsWithCue reports whether the text before a name ends with a rename
// cue.
func endsWithCue(before string) bool {
	ws := strings.Fields(cueText(before))
	for len(ws) > 0 && cueFiller[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	for _, c := range renameCues {
		if len(ws) >= len(c) && slices.Equal(ws[len(ws)-len(c):], c) {
			return true
		}
	}
	return false
}

// findRenames finds rename cues between two consecutive names in a
// sentence before clustering, so that "X, formerly known as Y" is never
// merged as a short form.
func (d *docCtx) findRenames() {
	for i := 0; i+1 < len(d.ms); i++ {
		a, b := &d.ms[i], &d.ms[i+1]
		if a.skip || b.skip || a.kind != "" || b.kind != "" || a.sent != b.sent || a.label == crosscheck.LabelPerson || b.label == crosscheck.LabelPerson || b.span.Start-a.span.End > 40 || a.span.End > b.span.Start {
			continue
		}
		if endsWithCue(d.text[a.span.End:b.span.Start]) {
			if d.noMerge == nil {
				d.noMerge = map[[2]string]bool{}
			}
			d.noMerge[[2]string{a.n.key, b.n.key}] = true
			d.noMerge[[2]string{b.n.key, a.n.key}] = true
		}
	}
}

// renamePairs finds, after clustering, the organisation named right
// after a rename cue and the organisation mentioned last before it (by
// name, acronym or description) in the same or the previous sentence.
func (d *docCtx) renamePairs() {
	type item struct {
		start, end, sent int
		c                *cluster
	}
	var items []item
	for _, c := range d.out.clusters {
		if !c.orgLike() {
			continue
		}
		for _, r := range c.refs {
			items = append(items, item{r.span.Start, r.span.End, r.sent, c})
		}
	}
	if len(items) < 2 {
		return
	}
	sort.Slice(items, func(i, j int) bool { return items[i].start < items[j].start })
	seen := map[[2]*cluster]bool{}
	for j := 1; j < len(items); j++ {
		b := items[j]
		from := max(0, b.start-60)
		if sp, ok := d.spos[b.sent]; ok {
			from = max(from, min(d.sents[sp].Span.Start, b.start))
		}
		if !endsWithCue(d.text[from:b.start]) {
			continue
		}
		for i := j - 1; i >= 0; i-- {
			a := items[i]
			if a.sent < b.sent-1 {
				break
			}
			if a.c == b.c || a.end > b.start {
				continue
			}
			if !seen[[2]*cluster{a.c, b.c}] {
				seen[[2]*cluster{a.c, b.c}] = true
				seen[[2]*cluster{b.c, a.c}] = true
				d.out.renames = append(d.out.renames, [2]*cluster{a.c, b.c})
			}
			break
		}
	}
}

// cueText normalises the words between two names: lower case, no
// punctuation, without leading "which was", "was", "the".
func cueText(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || r == ' ' {
			return r
		}
		if r == '\'' || r == '’' {
			return -1
		}
		return ' '
	}, s)
	ws := strings.Fields(s)
	for len(ws) > 0 {
		switch ws[0] {
		case "which", "that", "was", "is", "has", "had", "been", "the", "it", "and":
			ws = ws[1:]
			continue
		}
		break
	}
	for len(ws) > 0 && (ws[len(ws)-1] == "the" || ws[len(ws)-1] == "a") {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// clusterNames groups the document's name mentions.
func (d *docCtx) clusterNames() {
	byKey := map[string][]*cluster{}
	newCluster := func(m *mention) *cluster {
		c := &cluster{doc: d.di}
		if m.n.qual != "" {
			c.qual = m.n.qual
		}
		c.country = m.n.country
		d.out.clusters = append(d.out.clusters, c)
		return c
	}
	join := func(m *mention, c *cluster, kind string) {
		m.c, m.kind = c, kind
		if kind == crosscheck.RefName && m.n.qual != "" && c.qual == "" {
			c.qual = m.n.qual
		}
	}

	// Acronym definitions: "State Security Service (SSS)" and "SSS (State
	// Security Service)".
	defs := map[string]*mention{}
	type synth struct {
		def  *mention
		span crosscheck.Span
	}
	var synths []synth
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip || m.kind != "" || m.label == crosscheck.LabelPerson || m.n.country {
			continue
		}
		inner, span, ok := parenthesised(d.text, m.span.End)
		if !ok {
			continue
		}
		var next *mention
		if i+1 < len(d.ms) && d.ms[i+1].span.Start >= span.Start && d.ms[i+1].span.End <= span.End && !d.ms[i+1].skip {
			next = &d.ms[i+1]
		}
		switch {
		case !m.n.acronym && isAcronym(inner):
			acr := acronymKey(inner)
			// An acronym that does not spell the name (a translation's, as
			// "State Security Service (DTX)") is taken only after a name of
			// an organisation in several words, not after a dateline
			// ("MARENBURG (RWA)").
			if initials(m.n.full) != acr && initials(m.n.words) != acr && (m.label != crosscheck.LabelOrg || len(acr) > 6 || len(m.n.full) < 2 || isShouting(m.raw)) {
				continue
			}
			if _, dup := defs[acr]; dup {
				continue
			}
			defs[acr] = m
			if next != nil && next.n.acronym && next.n.key == acr {
				next.kind = "def:" + acr
			} else if next == nil {
				synths = append(synths, synth{m, span})
			}
		case m.n.acronym && next != nil && !next.n.acronym && (initials(next.n.full) == m.n.key || initials(next.n.words) == m.n.key):
			if _, dup := defs[m.n.key]; !dup {
				defs[m.n.key] = next
			}
		}
	}

	// Apposition: "the State Security Service, or SSS,", "the DTX, the
	// State Security Service,".
	for i := 0; i+1 < len(d.ms); i++ {
		a, b := &d.ms[i], &d.ms[i+1]
		if a.skip || b.skip || a.kind != "" || b.kind != "" || a.sent != b.sent || a.span.End > b.span.Start || b.span.Start-a.span.End > 20 {
			continue
		}
		between := strings.ToLower(d.text[a.span.End:b.span.Start])
		switch {
		case !a.n.acronym && b.n.acronym && a.label != crosscheck.LabelPerson && !a.n.country && appositionCues[between]:
			acr := b.n.key
			spelled := initials(a.n.full) == acr || initials(a.n.words) == acr
			if _, dup := defs[acr]; dup || !(spelled || (strings.Contains(between, "known as") && a.label == crosscheck.LabelOrg && len(a.n.full) >= 2)) {
				continue
			}
			defs[acr] = a
			b.kind = "def:" + acr
		case a.n.acronym && !b.n.acronym && b.label != crosscheck.LabelPerson && (between == ", the " || between == " – the " || between == ", or the "):
			if _, dup := defs[a.n.key]; !dup && (initials(b.n.full) == a.n.key || initials(b.n.words) == a.n.key) {
				defs[a.n.key] = b
				a.kind = "def:" + a.n.key
			}
		}
	}

	// Full names.
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip || m.kind != "" || m.n.acronym || (m.label == crosscheck.LabelPerson && len(m.n.words) < 2) {
			continue
		}
		cs := byKey[m.n.key]
		var c *cluster
		switch {
		case m.n.qual != "":
			for _, x := range cs {
				if x.qual == m.n.qual {
					c = x
				}
			}
			if c == nil {
				for _, x := range cs {
					if x.qual == "" {
						c = x
					}
				}
			}
		case len(cs) == 1:
			c = cs[0]
		case len(cs) > 1:
			c = latest(cs, m.span.Start)
		}
		if c == nil {
			c = newCluster(m)
			byKey[m.n.key] = append(byKey[m.n.key], c)
		}
		c.addKey(m.n)
		join(m, c, crosscheck.RefName)
		c.mark(m)
	}
	for acr, m := range defs {
		if m.c != nil {
			m.c.acrs = append(m.c.acrs, acr)
		}
	}
	for _, s := range synths {
		if s.def.c != nil {
			s.def.c.refs = append(s.def.c.refs, ref{span: s.span, sent: s.def.sent, text: d.text[s.span.Start:s.span.End], kind: crosscheck.RefAcronym, alias: d.text[s.span.Start:s.span.End], akey: d.memo.key(d.text[s.span.Start:s.span.End])})
		}
	}

	// Acronyms: defined in the document, or bare.
	bare := map[string]*cluster{}
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip || !(m.n.acronym && (m.kind == "" || strings.HasPrefix(m.kind, "def:"))) {
			continue
		}
		if def := defs[m.n.key]; def != nil && def.c != nil && compatible(def.c.qual, m.n.qual) {
			join(m, def.c, crosscheck.RefAcronym)
			def.c.mark(m)
			continue
		}
		c := bare[m.n.key+"|"+m.n.qual]
		if c == nil {
			c = newCluster(m)
			c.bareAcr = m.n.key
			bare[m.n.key+"|"+m.n.qual] = c
		}
		join(m, c, crosscheck.RefAcronym)
		c.mark(m)
	}

	// One-word person names: the surname (or, failing that, the first
	// name) of exactly one full name in the document.
	var persons []*cluster
	for i := range d.ms {
		m := &d.ms[i]
		if m.c != nil && m.label == crosscheck.LabelPerson && len(m.n.words) >= 2 && !containsCluster(persons, m.c) {
			persons = append(persons, m.c)
		}
	}
	shorts := map[string]*cluster{}
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip || m.kind != "" || m.label != crosscheck.LabelPerson || len(m.n.words) != 1 {
			continue
		}
		w := m.n.words[0]
		var last, first []*cluster
		for _, p := range persons {
			for _, ws := range p.words {
				if ws[len(ws)-1] == w && !containsCluster(last, p) {
					last = append(last, p)
				}
				if ws[0] == w && !containsCluster(first, p) {
					first = append(first, p)
				}
			}
		}
		var c *cluster
		switch {
		case len(last) == 1:
			c = last[0]
		case len(last) == 0 && len(first) == 1:
			c = first[0]
		}
		if c == nil {
			c = shorts[w]
			if c == nil {
				c = newCluster(m)
				c.short = w
				shorts[w] = c
			}
			c.addKey(m.n)
		}
		join(m, c, crosscheck.RefName)
		c.mark(m)
	}
	d.count()

	// Short organisation names: "the Vanguard" after "Revolutionary
	// Vanguard Corps", "the Brotherhood" after "Khazrani Brotherhood".
	cands := make([]*cluster, 0, len(d.out.clusters))
	for _, c := range d.out.clusters {
		if c.orgLike() && len(c.keys) > 0 {
			cands = append(cands, c)
		}
	}
	moved := false
	for i := range d.ms {
		m := &d.ms[i]
		if m.c == nil || m.kind != crosscheck.RefName || m.n.country || m.label == crosscheck.LabelGPE || m.label == crosscheck.LabelLoc || m.label == crosscheck.LabelNORP || d.r.w.places[m.n.key] || len(m.c.acrs) > 0 {
			continue
		}
		if m.label == crosscheck.LabelPerson && m.c.short == "" {
			continue
		}
		var hits []*cluster
		for _, l := range cands {
			if l == m.c || !compatible(l.qual, m.n.qual) {
				continue
			}
			for _, ws := range l.words {
				if len(ws) > len(m.n.words) && containsInOrder(m.n.words, ws) && !d.noMerge[[2]string{m.n.key, strings.Join(ws, " ")}] {
					hits = append(hits, l)
					break
				}
			}
		}
		var to *cluster
		switch {
		case len(hits) == 1:
			to = hits[0]
		case len(hits) > 1 && allGeneric(m.n.words):
			to = latest(hits, m.span.Start)
		}
		if to == nil || to.latestBefore(m.span.Start) < 0 && len(hits) > 1 {
			continue
		}
		m.c = to
		to.mark(m)
		moved = true
	}
	if moved {
		d.rebuild()
	}
}

// appositionCues join a name to its acronym: "the State Security
// Service, or SSS".
var appositionCues = map[string]bool{
	", or ": true, " or ": true, ", known as ": true, ", also known as ": true, " known as ": true,
	" – ": true, ", ": true,
}

// parenthesised returns the text inside parentheses right after pos:
// " (SSS)".
func parenthesised(text string, pos int) (string, crosscheck.Span, bool) {
	i := pos
	for i < len(text) && text[i] == ' ' && i-pos < 2 {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return "", crosscheck.Span{}, false
	}
	j := strings.IndexByte(text[i+1:min(len(text), i+20)], ')')
	if j <= 0 {
		return "", crosscheck.Span{}, false
	}
	inner := text[i+1 : i+1+j]
	s := crosscheck.Span{Start: i + 1, End: i + 1 + j}
	t := strings.TrimSpace(inner)
	if t != inner {
		s.Start += strings.Index(inner, t)
		s.End = s.Start + len(t)
	}
	return t, s, true
}

// compatible reports whether two qualifiers allow one entity.
func compatible(a, b string) bool { return a == "" || b == "" || a == b }

func containsCluster(cs []*cluster, c *cluster) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// latest returns the cluster with the latest name mention before pos,
// else the first.
func latest(cs []*cluster, pos int) *cluster {
	best, bp := cs[0], -1
	for _, c := range cs {
		if p := c.latestBefore(pos); p > bp {
			best, bp = c, p
		}
	}
	return best
}

// count recomputes the label votes of the clusters from their mentions.
func (d *docCtx) count() {
	for _, c := range d.out.clusters {
		c.labels = votes{}
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.c != nil {
			if li := labelIndex(m.label); li >= 0 {
				m.c.labels[li]++
			}
		}
	}
}

// rebuild recomputes the clusters' keys and positions after mentions
// moved, dropping clusters left empty.
func (d *docCtx) rebuild() {
	for _, c := range d.out.clusters {
		c.keys, c.words, c.fulls, c.pos, c.sents = nil, nil, nil, nil, nil
	}
	used := map[*cluster]bool{}
	for i := range d.ms {
		m := &d.ms[i]
		if m.c == nil {
			continue
		}
		used[m.c] = true
		m.c.mark(m)
		if m.kind == crosscheck.RefName {
			m.c.addKey(m.n)
		}
	}
	kept := d.out.clusters[:0]
	for _, c := range d.out.clusters {
		if used[c] {
			if c.short != "" && !(len(c.words) == 1 && len(c.words[0]) == 1) {
				c.short = ""
			}
			kept = append(kept, c)
		}
	}
	d.out.clusters = kept
	d.count()
}

// Head nouns of descriptions that refer back to an organisation.
var descHeads = map[string]bool{
	"service": true, "ministry": true, "agency": true, "court": true, "company": true, "corps": true,
	"brotherhood": true, "group": true, "organisation": true, "organization": true, "movement": true,
	"party": true, "council": true, "committee": true, "commission": true, "authority": true,
	"bureau": true, "directorate": true, "department": true, "university": true, "network": true,
	"union": true, "alliance": true, "front": true, "army": true, "navy": true, "police": true,
	"guard": true, "bank": true, "fund": true, "foundation": true, "institute": true, "tribunal": true,
	"parliament": true, "assembly": true, "embassy": true, "consulate": true, "office": true,
}

// descriptions links "the service", "the security service", "its
// foreign ministry" to the latest organisation mentioned before whose
// name has that head noun (and the other words), and "the ambassador",
// "the foreign minister" to the latest person whose title ends so.
func (d *docCtx) descriptions() {
	w := d.r.w
	var orgs []*cluster
	titled := map[string][]*cluster{} // title head → people with that title
	for _, c := range d.out.clusters {
		if t := c.labels.top(); (len(c.keys) > 0 || c.bareAcr != "") && (t == crosscheck.LabelOrg || t == crosscheck.LabelFac || len(c.acrs) > 0) {
			orgs = append(orgs, c)
		}
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.c == nil || m.title == "" || m.c.labels.top() != crosscheck.LabelPerson {
			continue
		}
		tw := words(d.fold(m.title))
		if len(tw) == 0 {
			continue
		}
		head := tw[len(tw)-1]
		if !containsCluster(titled[head], m.c) {
			titled[head] = append(titled[head], m.c)
		}
		m.c.titles = append(m.c.titles, tw...)
	}
	mi := 0
	for si := range d.sents {
		toks := d.sents[si].Tokens
		for h := range toks {
			t := toks[h]
			if len(t.Text) < 4 || len(t.Text) > 14 {
				continue
			}
			word := strings.ToLower(t.Text)
			people := titled[word]
			if !descHeads[word] && people == nil {
				continue
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			if (!unicode.IsLower(r) && people == nil) || (t.UPOS != "" && t.UPOS != "NOUN" && t.UPOS != "PROPN") {
				continue
			}
			// The head ends the noun phrase; "the consulate of Armenia" names
			// another one.
			if h+1 < len(toks) && (toks[h+1].UPOS == "NOUN" || toks[h+1].UPOS == "PROPN" || strings.EqualFold(toks[h+1].Text, "of")) {
				continue
			}
			for mi < len(d.ms) && d.ms[mi].span.End <= t.Span.Start {
				mi++
			}
			if mi < len(d.ms) && d.ms[mi].span.Start <= t.Span.Start {
				continue // part of a name
			}
			// Walk left over modifiers to the determiner.
			var mods []string
			qual := ""
			start := -1
		walk:
			for k := h - 1; k >= 0 && k >= h-4; k-- {
				tk := toks[k]
				lw := strings.ToLower(tk.Text)
				switch {
				case lw == "the" || lw == "its" || lw == "their" || lw == "our":
					start = tk.Span.Start
					break walk
				case lw == "'s" || lw == "’s":
					if k > 0 {
						if q := w.qualifier([]string{d.memo.key(toks[k-1].Text)}); q != "" {
							qual, start = q, toks[k].Span.End+1
						}
					}
					break walk
				case tk.UPOS == "ADJ" || tk.UPOS == "NOUN" || tk.UPOS == "PROPN":
					if q := w.demonymOf(d.memo.key(tk.Text)); q != "" {
						qual = q
						continue
					}
					if r, _ := utf8.DecodeRuneInString(tk.Text); !unicode.IsLower(r) && people == nil {
						break walk
					}
					mods = append(mods, singular(d.fold(tk.Text)))
				default:
					break walk
				}
			}
			if start < 0 || start > t.Span.Start {
				continue
			}
			var best *cluster
			bestPos := -1
			if people != nil {
				for _, c := range people {
					if p := c.latestBefore(t.Span.Start); p > bestPos && containsAll(c.titles, mods) {
						best, bestPos = c, p
					}
				}
			} else {
				head := singular(word)
				for _, c := range orgs {
					// A description naming a country ("Ostravia's defence
					// ministry") takes an organisation of that country, or
					// one of unknown country named in the last three
					// sentences.
					if !compatible(c.qual, qual) || (qual != "" && c.qual == "" && !c.namedSince(d.sents[si].Index-3)) {
						continue
					}
					p := c.latestBefore(start)
					if p <= bestPos || !hasWords(c, head, mods) {
						continue
					}
					best, bestPos = c, p
				}
			}
			span := crosscheck.Span{Start: start, End: t.Span.End}
			desc := ref{span: span, sent: d.sents[si].Index, text: d.text[span.Start:span.End], kind: crosscheck.RefDescription}
			if best == nil {
				// "Ostravia's foreign ministry" with no such name in the
				// article may still name one the corpus knows.
				if people == nil && qual != "" && len(mods) > 0 {
					slices.Reverse(mods)
					d.out.floating = append(d.out.floating, floatRef{doc: d.di, key: strings.Join(append(mods, singular(word)), " "), qual: qual, ref: desc})
				}
				continue
			}
			best.refs = append(best.refs, desc)
		}
	}
}

func containsAll(ws, of []string) bool {
	for _, x := range of {
		if !contains(ws, x) {
			return false
		}
	}
	return true
}

// hasWords reports whether one of the cluster's names holds head and
// every modifier.
func hasWords(c *cluster, head string, mods []string) bool {
	// "the security service" and the SSS: the acronym ends with the
	// initials of the description.
	if len(c.acrs) > 0 || c.bareAcr != "" {
		ws := append(slices.Clone(mods), head)
		slices.Reverse(ws[:len(ws)-1])
		in := initials(ws)
		for _, a := range append([]string{c.bareAcr}, c.acrs...) {
			if a != "" && strings.HasSuffix(a, in) {
				return true
			}
		}
	}
	for _, ws := range c.words {
		ok := contains(ws, head)
		for _, m := range mods {
			ok = ok && contains(ws, m)
		}
		if ok {
			return true
		}
	}
	return false
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// gender guesses a person's gender from the title the text gives.
func titleGender(title string) byte {
	t := strings.ToLower(title)
	for _, f := range []string{"woman", "mrs", "ms", "miss", "madam", "queen", "princess", "duchess", "lady", "baroness", "dame"} {
		if strings.Contains(t, f) {
			return 'f'
		}
	}
	for _, m := range []string{"man", "mr", "king", "prince", "sir", "lord", "duke", "baron"} {
		if strings.Contains(t, m) {
			return 'm'
		}
	}
	return 0
}

var pronounGender = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "she": 'f', "her": 'f'}

// pronouns links he/him/his and she/her outside quotations to the last
// person who was the subject of a clause in the last three sentences,
// skipping people of the other gender as far as titles and earlier
// pronouns tell it.
func (d *docCtx) pronouns() {
	type subject struct {
		pos, sent int
		c         *cluster
	}
	var subjects []subject
	for i := range d.ms {
		m := &d.ms[i]
		if m.c == nil || m.label != crosscheck.LabelPerson {
			continue
		}
		if g := titleGender(m.title); g != 0 && m.c.gender == 0 {
			m.c.gender = g
		}
		sp, ok := d.spos[m.sent]
		if !ok {
			continue
		}
		toks := d.sents[sp].Tokens
		if j := headToken(toks, m.span); j >= 0 && (toks[j].Rel == "nsubj" || toks[j].Rel == "nsubj:pass") {
			subjects = append(subjects, subject{m.span.Start, m.sent, m.c})
		}
	}
	if len(subjects) == 0 {
		return
	}
	var quoted []crosscheck.Span
	scanned := false
	for si := range d.sents {
		s := d.sents[si]
		for _, t := range s.Tokens {
			if len(t.Text) < 2 || len(t.Text) > 3 {
				continue
			}
			g, ok := pronounGender[strings.ToLower(t.Text)]
			if !ok || (t.UPOS != "" && t.UPOS != "PRON" && t.UPOS != "DET") {
				continue
			}
			if !scanned {
				quoted, scanned = quoteSpans(d.text), true
			}
			if inSpans(quoted, t.Span.Start) {
				continue
			}
			// "Brannholt handed him a note": an object is not the subject
			// of its own sentence.
			object := t.Rel == "obj" || t.Rel == "iobj" || t.Rel == "obl"
			for k := len(subjects) - 1; k >= 0; k-- {
				sb := subjects[k]
				if sb.pos >= t.Span.Start {
					continue
				}
				if sb.sent < s.Index-3 {
					break
				}
				if (sb.c.gender != 0 && sb.c.gender != g) || (object && sb.sent == s.Index) {
					continue
				}
				sb.c.gender = g
				sb.c.refs = append(sb.c.refs, ref{span: t.Span, sent: s.Index, text: d.text[t.Span.Start:t.Span.End], kind: crosscheck.RefPronoun})
				break
			}
		}
	}
}

// quoteSpans returns the quoted stretches of text: between curly double
// quotes, or pairs of straight ones, within a paragraph.
func quoteSpans(text string) []crosscheck.Span {
	var out []crosscheck.Span
	open := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '“' || (r == '"' && open < 0) || r == '«':
			open = i
		case (r == '”' || r == '"' || r == '»') && open >= 0:
			out = append(out, crosscheck.Span{Start: open, End: i + n})
			open = -1
		case r == '\n' && i+1 < len(text) && text[i+1] == '\n':
			open = -1
		}
		i += n
	}
	return out
}

func inSpans(spans []crosscheck.Span, pos int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > pos })
	return i < len(spans) && spans[i].Start <= pos
}

// finish turns assigned mentions into refs and collects the attachments
// and renames.
func (d *docCtx) finish() {
	d.count()
	for i := range d.ms {
		m := &d.ms[i]
		if m.skip {
			continue
		}
		r := ref{span: m.span, sent: m.sent, text: m.raw, kind: m.kind, label: m.label, alias: m.n.display, akey: m.n.akey, core: m.n.coreWords()}
		switch m.kind {
		case crosscheck.RefMetonym, crosscheck.RefDemonym:
			r.label, r.alias, r.akey = "", "", ""
			d.out.attach = append(d.out.attach, attachRef{doc: d.di, country: m.country, ref: r})
			continue
		}
		if m.c == nil {
			continue
		}
		m.c.refs = append(m.c.refs, r)
	}
	for _, c := range d.out.clusters {
		sort.SliceStable(c.refs, func(i, j int) bool { return c.refs[i].span.Start < c.refs[j].span.Start })
	}
	d.renamePairs()
}
