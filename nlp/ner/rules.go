package ner

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// span is a mention in token coordinates while the rules work on it.
type span struct {
	start, end int // tokens of the sentence, end exclusive
	label      string
	title      string
	titleStart int // token index of the title, -1 when none
	role       string
}

// doc is one document during recognition.
type doc struct {
	text  string
	sents []crosscheck.Sentence
	words [][]string
	spans [][]span
}

func (d *doc) setSpans(gs [][]GoldEntity) {
	d.spans = make([][]span, len(gs))
	for i, es := range gs {
		for _, e := range es {
			d.spans[i] = append(d.spans[i], span{start: e.Start, end: e.End, label: e.Label, titleStart: -1})
		}
	}
}

// namedLabels are the labels the statistical model and the consistency
// pass deal with.
var namedLabels = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true, "FAC": true, "EVENT": true}

// titleAt returns the number of tokens (1 or 2) of a title starting at
// words[i], or 0.
func titleAt(words []string, i, end int) int {
	if i+1 < end && gazetteer.Lookup(words[i]+" "+words[i+1])&gazetteer.Title != 0 {
		return 2
	}
	if i < end && gazetteer.Lookup(words[i])&gazetteer.Title != 0 {
		return 1
	}
	return 0
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "'S"
}

// lowerWord reports a word of lower-case letters and hyphens that is
// not a name particle ("al", "de", "van").
func lowerWord(w string) bool {
	if w == "" || connectors[w] || nameParticles[w] {
		return false
	}
	for _, r := range w {
		if r != '-' && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// functionWords are closed-class words that open sentences and never
// begin a name.
var functionWords = map[string]bool{
	"since": true, "in": true, "on": true, "at": true, "after": true, "before": true, "when": true,
	"while": true, "if": true, "but": true, "and": true, "as": true, "from": true, "with": true,
	"by": true, "during": true, "under": true, "although": true, "though": true, "because": true,
	"meanwhile": true, "yesterday": true, "today": true, "last": true, "then": true, "also": true,
	"according": true, "despite": true, "until": true, "unlike": true, "like": true, "so": true,
	"however": true, "whereas": true, "where": true, "why": true, "how": true, "what": true, "who": true,
	"this": true, "that": true, "these": true, "those": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "my": true, "your": true, "a": true, "an": true, "every": true, "each": true,
	"many": true, "some": true, "both": true, "all": true, "several": true, "most": true, "former": true,
}

// personTitles are titles that only people bear (not "General" of
// "General Motors" nor "King" of "King County").
var personTitles = map[string]bool{
	"Mayor": true, "President": true, "Minister": true, "Senator": true, "Sen.": true, "Rep.": true,
	"Governor": true, "Gov.": true, "Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true,
	"Dr": true, "Dr.": true, "Prof.": true, "Professor": true, "Ambassador": true, "Chancellor": true,
	"Spokesman": true, "Spokeswoman": true, "Judge": true, "Ayatollah": true, "Imam": true, "Sheikh": true,
	"Archbishop": true, "Bishop": true, "Rabbi": true, "Pastor": true, "Reverend": true, "Rev.": true,
	"Gen.": true, "Col.": true, "Lt.": true, "Capt.": true, "Sgt.": true, "Adm.": true, "Commissioner": true,
	"Congressman": true, "Congresswoman": true, "Premier": true, "Prosecutor": true, "Envoy": true,
}

// eraWords mark years, never names.
var eraWords = map[string]bool{"BC": true, "AD": true, "BCE": true, "CE": true, "B.C.": true, "A.D.": true}

// pluralTitle reports a title in the plural ("Senators", "Ministers").
func pluralTitle(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || !nameLike(w) {
		return false
	}
	return gazetteer.Lookup(w[:len(w)-1])&gazetteer.Title != 0
}

// nameParticles are lower-case words inside names that may begin or end
// them ("al-Assad" is one token, "bin Salman" is not).
var nameParticles = map[string]bool{"bin": true, "ibn": true, "bint": true, "di": true, "ben": true, "ter": true, "ten": true, "y": true}

func isPunct(w string) bool {
	if w == "" {
		return true
	}
	for _, r := range w {
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') || r > 127 {
			return false
		}
	}
	return w != "&"
}

// fixSpans trims possessives, punctuation and titles and drops spans
// that hold no name.
func (d *doc) fixSpans() {
	for si, ss := range d.spans {
		ws := d.words[si]
		kept := make([]span, 0, len(ss))
		for _, s := range ss {
			for s.end > s.start && (isPossessive(ws[s.end-1]) || isPunct(ws[s.end-1])) {
				s.end--
			}
			for s.end > s.start && isPunct(ws[s.start]) {
				s.start++
			}
			// Gold standards leave a leading article out of names ("the
			// League"), and lower-case words around a name ("now-defunct
			// … Party", "… Athletics team") are not part of it; a
			// gazetteer name keeps its article ("The Hague").
			for s.end > s.start+1 && (isArticle(ws[s.start]) || lowerWord(ws[s.start])) && gazetteer.Lookup(key(ws[s.start:s.end])) == 0 {
				s.start++
			}
			for s.end > s.start+1 && lowerWord(ws[s.end-1]) {
				s.end--
			}
			// "Since Nyrstar was promoted": a capitalised function word
			// opening the sentence is not part of the name.
			if s.end > s.start+1 && (s.start == 0 || isOpening(ws[s.start-1])) && functionWords[strings.ToLower(ws[s.start])] {
				s.start++
			}
			// "Senators will be asked": a title in the plural is no name;
			// "3000 BC" holds none either.
			if s.end == s.start+1 && (pluralTitle(ws[s.start]) || eraWords[ws[s.start]]) {
				continue
			}
			// "Isabel Ruiz of Heaven Sent Gaming": a person's name ends
			// before "of", which starts an affiliation or a place.
			if s.label == "PERSON" {
				for i := s.start + 1; i < s.end; i++ {
					if ws[i] == "of" {
						s.end = i
						break
					}
				}
			}
			// "said Mayor Ellen Park": a span that opens with a person's
			// title is a person, whatever its last word suggests, unless
			// that word ends organisation or building names ("Governor
			// Nicholls Street", "President Hotel").
			if s.label != "PERSON" && namedLabels[s.label] && personTitles[ws[s.start]] && s.end-s.start >= 2 && nameLike(ws[s.start+1]) &&
				gazetteer.Lookup(ws[s.end-1])&(gazetteer.OrgSuffix|gazetteer.FacHead) == 0 && gazetteer.Lookup(key(ws[s.start+1:s.end])) == 0 {
				s.label = "PERSON"
			}
			if s.label == "PERSON" {
				for s.end > s.start {
					n := titleAt(ws, s.start, s.end)
					if n == 0 {
						break
					}
					s.title = strings.Join(ws[s.start:s.start+n], " ")
					s.titleStart = s.start
					s.start += n
				}
				if s.title == "" {
					d.titleBefore(si, &s)
				}
				// "Governor General of Canada" holds a title, no name.
				if s.end > s.start && connectors[ws[s.start]] {
					continue
				}
			}
			if s.end <= s.start {
				continue
			}
			// "Valdoria 's State Security Service": the possessor is a
			// name of its own.
			for i := s.start + 1; i < s.end-1; i++ {
				if isPossessive(ws[i]) && s.label != "PERSON" {
					if nameLike(ws[s.start]) {
						kept = append(kept, span{start: s.start, end: i, label: gazetteerLabel(ws[s.start:i], "GPE"), titleStart: -1})
					}
					s.start = i + 1
				}
			}
			s.label = gazetteerLabel(ws[s.start:s.end], s.label)
			hasName := false
			for _, w := range ws[s.start:s.end] {
				hasName = hasName || nameLike(w)
			}
			if !hasName {
				continue
			}
			kept = append(kept, s)
		}
		d.spans[si] = kept
	}
}

// orgHeads are last words that make a capitalised run an organisation
// name on their own ("Foreign Ministry", "Muslim Unity Movement").
var orgHeads = map[string]bool{
	"Ministry": true, "Ministries": true, "Agency": true, "Commission": true, "Committee": true,
	"Council": true, "Party": true, "Company": true, "Corporation": true, "Corp.": true, "Inc.": true,
	"Ltd": true, "University": true, "Institute": true, "Foundation": true, "Association": true,
	"Federation": true, "Organization": true, "Organisation": true, "Authority": true, "Bureau": true,
	"Directorate": true, "Department": true, "Service": true, "Army": true, "Navy": true, "Police": true,
	"Guard": true, "Guards": true, "Corps": true, "Forces": true, "Court": true, "Bank": true,
	"Movement": true, "Front": true, "Brotherhood": true, "Union": true, "Parliament": true,
}

// orgRuns labels as ORG the capitalised runs of two or more words that
// end in an organisation head and that the model left untouched ("The
// Foreign Ministry said": the model saw "Foreign" start an organisation
// name too seldom). A run that is a gazetteer place ("West Bank", "Soviet
// Union") or opens with a person's title is left alone.
func (d *doc) orgRuns() {
	for si, ws := range d.words {
		for _, c := range capChunks(ws) {
			a, b := c[0], c[1]
			if b-a < 2 || !orgHeads[ws[b-1]] || d.covered(si, a, b) || titleAt(ws, a, b) > 0 {
				continue
			}
			if gazetteer.Lookup(key(ws[a:b]))&(gazetteer.CountryName|gazetteer.State|gazetteer.Capital|gazetteer.CityName|gazetteer.Region) != 0 {
				continue
			}
			d.spans[si] = append(d.spans[si], span{start: a, end: b, label: "ORG", titleStart: -1})
			sortSpans(d.spans[si])
		}
	}
}

// commonNouns drops one-word names written in lower case elsewhere in
// the document more than twice as often as they stand alone capitalised
// inside a sentence ("Iodine deficiency …" beside "dietary iodine";
// "Iodine" in "National Iodine Nutrition Study" is part of a longer
// name and does not count): they are common nouns.
func (d *doc) commonNouns() {
	var lower, caps map[string]int
	for si, ss := range d.spans {
		kept := ss[:0]
		for _, s := range ss {
			if s.end == s.start+1 && s.role == "" {
				if lower == nil {
					lower, caps = map[string]int{}, map[string]int{}
					for _, ws := range d.words {
						for _, w := range ws {
							if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
								lower[w]++
							}
						}
						for _, c := range capChunks(ws) {
							if c[1] == c[0]+1 && c[0] > 0 && !isOpening(ws[c[0]-1]) {
								caps[strings.ToLower(ws[c[0]])]++
							}
						}
					}
				}
				lw := strings.ToLower(d.words[si][s.start])
				if lower[lw] > 2*caps[lw] && gazetteer.Lookup(lw) == 0 {
					continue
				}
			}
			kept = append(kept, s)
		}
		d.spans[si] = kept
	}
}

// gazetteerPlaces joins the pieces of a place name that the gazetteer
// knows whole: "Bosnia" and "Herzegovina" inside "Bosnia and
// Herzegovina" become one GPE. Spans reaching outside the phrase
// ("Food Standards Australia") are left alone.
func (d *doc) gazetteerPlaces() {
	for si, ws := range d.words {
		// Only spans a few words apart can be pieces of one phrase.
		near := false
		for i := 1; i < len(d.spans[si]); i++ {
			near = near || d.spans[si][i].start-d.spans[si][i-1].end <= 2
		}
		if !near {
			continue
		}
		for _, m := range gazetteer.Find(ws, false) {
			if m.End-m.Start < 3 || m.Class&(gazetteer.CountryName|gazetteer.State|gazetteer.Capital|gazetteer.Region) == 0 {
				continue
			}
			inside, crossing := 0, false
			for _, s := range d.spans[si] {
				switch {
				case s.start >= m.Start && s.end <= m.End:
					inside++
				case s.start < m.End && m.Start < s.end:
					crossing = true
				}
			}
			if crossing || inside < 2 {
				continue
			}
			kept := d.spans[si][:0]
			for _, s := range d.spans[si] {
				if !(s.start >= m.Start && s.end <= m.End) {
					kept = append(kept, s)
				}
			}
			label := "GPE"
			if m.Class&(gazetteer.CountryName|gazetteer.State|gazetteer.Capital) == 0 {
				label = "LOC"
			}
			d.spans[si] = append(kept, span{start: m.Start, end: m.End, label: label, titleStart: -1})
			sortSpans(d.spans[si])
		}
	}
}

// titleBefore records a title written just before a person's name,
// allowing a nationality or organisation word between them
// ("Azerbaijani President", "NASA Administrator" are the title's own
// context; the title is the word next to the name).
func (d *doc) titleBefore(si int, s *span) {
	ws := d.words[si]
	for n := 2; n >= 1; n-- {
		i := s.start - n
		if i >= 0 && titleAt(ws, i, s.start) == n {
			s.title = strings.Join(ws[i:s.start], " ")
			s.titleStart = i
			return
		}
	}
}

// key is the lookup form of a token sequence.
func key(ws []string) string { return strings.Join(ws, " ") }

// covered reports whether tokens [a, b) of sentence si overlap a span.
func (d *doc) covered(si, a, b int) bool {
	for _, s := range d.spans[si] {
		if a < s.end && s.start < b {
			return true
		}
	}
	return false
}

// acronyms labels an acronym defined in parentheses right after a name
// ("State Security Service (SSS)", "Islamic Revolutionary Guard Corps
// (IRGC)") with the name's label, replacing whatever the model said of
// it. The initials need not match: news often defines acronyms of another
// language ("State Security Service (DTX)"). The consistency pass then
// carries the label to the acronym's later mentions.
func (d *doc) acronyms() {
	for si, ss := range d.spans {
		ws := d.words[si]
		var add []span
		for _, s := range ss {
			if !namedLabels[s.label] || s.label == "PERSON" || s.end+2 >= len(ws) {
				continue
			}
			if ws[s.end] != "(" || ws[s.end+2] != ")" || !isAcronym(ws[s.end+1]) {
				continue
			}
			add = append(add, span{start: s.end + 1, end: s.end + 2, label: s.label, titleStart: -1})
		}
		for _, a := range add {
			kept := d.spans[si][:0]
			for _, s := range d.spans[si] {
				if !(s.start < a.end && a.start < s.end) {
					kept = append(kept, s)
				}
			}
			d.spans[si] = append(kept, a)
		}
		if len(add) > 0 {
			sortSpans(d.spans[si])
		}
	}
}

// isAcronym reports a token of 2 to 8 capital letters or digits, at
// least two of them letters ("SSS", "IRGC", "G7" is too short).
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9', r == '&', r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// userNames gives every occurrence of a user-supplied name its label,
// replacing overlapping spans. Names are tried longest first at each
// token, and must start and end on token boundaries.
func (d *doc) userNames(names map[string]string) {
	if len(names) == 0 {
		return
	}
	byLen := make([]string, 0, len(names))
	for n := range names {
		if strings.TrimSpace(n) != "" {
			byLen = append(byLen, n)
		}
	}
	sort.Slice(byLen, func(i, j int) bool {
		if len(byLen[i]) != len(byLen[j]) {
			return len(byLen[i]) > len(byLen[j])
		}
		return byLen[i] < byLen[j]
	})
	for si, sent := range d.sents {
		toks := sent.Tokens
		var add []span
		for i := 0; i < len(toks); i++ {
			start := toks[i].Span.Start
			matched := false
			for _, n := range byLen {
				if !strings.HasPrefix(d.text[start:], n) {
					continue
				}
				end := start + len(n)
				for j := i; j < len(toks) && toks[j].Span.Start < end; j++ {
					if toks[j].Span.End == end {
						add = append(add, span{start: i, end: j + 1, label: names[n], titleStart: -1})
						i, matched = j, true
						break
					}
				}
				if matched {
					break
				}
			}
		}
		for _, a := range add {
			kept := d.spans[si][:0]
			for _, s := range d.spans[si] {
				if !(s.start < a.end && a.start < s.end) {
					kept = append(kept, s)
				}
			}
			d.spans[si] = append(kept, a)
		}
		if len(add) > 0 {
			sortSpans(d.spans[si])
		}
	}
}

// consistency gives every occurrence of a name the label most often
// given to it in the document, labels unlabelled occurrences of names
// found elsewhere, and labels a person's surname mentioned alone as
// PERSON ("Aliyev" after "Ilham Aliyev").
func (d *doc) consistency() {
	votes := map[string]map[string]int{}
	surnames := map[string]bool{}
	for si, ss := range d.spans {
		for _, s := range ss {
			if !namedLabels[s.label] {
				continue
			}
			k := key(d.words[si][s.start:s.end])
			if votes[k] == nil {
				votes[k] = map[string]int{}
			}
			votes[k][s.label]++
			if s.label == "PERSON" && s.end-s.start >= 2 {
				last := d.words[si][s.end-1]
				if nameLike(last) && len(last) > 1 && gazetteer.Lookup(last)&(gazetteer.CountryName|gazetteer.Demonym|gazetteer.Title) == 0 {
					surnames[last] = true
				}
			}
		}
	}
	best := map[string]string{}
	for k, v := range votes {
		bl, bn := "", 0
		for _, l := range []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"} {
			if v[l] > bn {
				bl, bn = l, v[l]
			}
		}
		best[k] = bl
	}
	for k := range surnames {
		best[k] = "PERSON"
	}
	for si, ss := range d.spans {
		for i := range ss {
			k := key(d.words[si][ss[i].start:ss[i].end])
			if l, ok := best[k]; ok && namedLabels[ss[i].label] {
				ss[i].label = l
			}
		}
	}
	// Unlabelled occurrences, longest names first.
	keys := make([]string, 0, len(best))
	for k := range best {
		if addable(k) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		ni, nj := strings.Count(keys[i], " "), strings.Count(keys[j], " ")
		if ni != nj {
			return ni > nj
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		kw := strings.Split(k, " ")
		for si, ws := range d.words {
			for i := 0; i+len(kw) <= len(ws); i++ {
				if !equalWords(ws[i:i+len(kw)], kw) || d.covered(si, i, i+len(kw)) {
					continue
				}
				// "Georgia" after a name must not grow "… Smith Georgia".
				if i+len(kw) < len(ws) && nameLike(ws[i+len(kw)]) && !isPossessive(ws[i+len(kw)]) {
					continue
				}
				if i > 0 && nameLike(ws[i-1]) && i-1 != 0 {
					continue
				}
				s := span{start: i, end: i + len(kw), label: best[k], titleStart: -1}
				if s.label == "PERSON" {
					d.titleBefore(si, &s)
				}
				d.spans[si] = append(d.spans[si], s)
			}
		}
	}
	for si := range d.spans {
		sortSpans(d.spans[si])
	}
}

// addable reports whether a name may be added where the model did not
// find it: it must look like a name and not be a common capitalised word.
func addable(k string) bool {
	if len(k) < 2 || !nameLike(k) {
		return false
	}
	c := gazetteer.Lookup(k)
	if c&(gazetteer.Month|gazetteer.Title) != 0 {
		return false
	}
	switch k {
	case "The", "A", "An", "I", "He", "She", "It", "We", "They", "This", "That", "In", "On", "But", "And":
		return false
	}
	return true
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sortSpans(ss []span) {
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
}

// authors marks the byline authors' names: full names anywhere become
// PERSON mentions with Role "author" (replacing overlapping spans), and
// PERSON mentions of an author's surname get the role too.
func (d *doc) authors(names []string) {
	for _, name := range names {
		nw := strings.Fields(name)
		if len(nw) == 0 {
			continue
		}
		for si, ws := range d.words {
			for i := 0; i+len(nw) <= len(ws); i++ {
				if !equalFold(ws[i:i+len(nw)], nw) {
					continue
				}
				kept := d.spans[si][:0]
				for _, s := range d.spans[si] {
					if s.start < i+len(nw) && i < s.end {
						continue
					}
					kept = append(kept, s)
				}
				s := span{start: i, end: i + len(nw), label: "PERSON", role: "author", titleStart: -1}
				d.titleBefore(si, &s)
				d.spans[si] = append(kept, s)
				sortSpans(d.spans[si])
			}
		}
		if len(nw) < 2 {
			continue
		}
		last := nw[len(nw)-1]
		for si, ss := range d.spans {
			for i := range ss {
				if ss[i].label == "PERSON" && ss[i].end-ss[i].start == 1 && strings.EqualFold(d.words[si][ss[i].start], last) {
					ss[i].role = "author"
				}
			}
		}
	}
}

func equalFold(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// tokenSpan returns the byte span of tokens [a, b) of sentence si.
func (d *doc) tokenSpan(si, a, b int) (crosscheck.Span, bool) {
	toks := d.sents[si].Tokens
	if a < 0 || b > len(toks) || a >= b {
		return crosscheck.Span{}, false
	}
	sp := crosscheck.Span{Start: toks[a].Span.Start, End: toks[b-1].Span.End}
	if !sp.Valid(len(d.text)) || sp.Start >= sp.End {
		return crosscheck.Span{}, false
	}
	return sp, true
}

// mentions converts the token spans into byte-span mentions, cutting a
// possessive left inside the last token ("Valdoria's" as one token).
func (d *doc) mentions() []Mention {
	var out []Mention
	for si, ss := range d.spans {
		for _, s := range ss {
			sp, ok := d.tokenSpan(si, s.start, s.end)
			if !ok {
				continue
			}
			t := d.text[sp.Start:sp.End]
			for _, suf := range []string{"'s", "’s", "'S"} {
				if strings.HasSuffix(t, suf) && len(t) > len(suf) {
					sp.End -= len(suf)
					t = t[:len(t)-len(suf)]
					break
				}
			}
			if len(t) > 2 && (strings.HasSuffix(t, "s'") || strings.HasSuffix(t, "s’")) {
				cut := len("'")
				if strings.HasSuffix(t, "’") {
					cut = len("’")
				}
				sp.End -= cut
				t = t[:len(t)-cut]
			}
			m := Mention{Span: sp, Sentence: d.sents[si].Index, Label: s.label, Text: t, Title: s.title, Role: s.role}
			if s.title != "" && s.titleStart >= 0 {
				n := len(strings.Fields(s.title))
				if ts, ok := d.tokenSpan(si, s.titleStart, s.titleStart+n); ok {
					m.TitleSpan = ts
				}
			}
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// facLast are last words that make a name a facility whatever the model
// says ("Kennedy Space Center", "Dulles International Airport").
var facLast = map[string]bool{
	"Airport": true, "Museum": true, "Center": true, "Centre": true, "Base": true, "Embassy": true,
	"Consulate": true, "Stadium": true, "Bridge": true, "Hospital": true, "Prison": true, "Hotel": true,
	"Station": true, "Tower": true, "Palace": true, "Square": true, "Road": true, "Street": true,
	"Avenue": true, "Highway": true, "Complex": true, "Planetarium": true, "Airbase": true, "Checkpoint": true,
}

// gpeHeads name administrative divisions ("Province of …", "… County").
var gpeHeads = map[string]bool{
	"Municipality": true, "Province": true, "County": true, "District": true, "Prefecture": true,
	"Oblast": true, "Governorate": true, "Township": true, "Parish": true, "Rayon": true, "Raion": true,
	"Borough": true, "Canton": true, "Emirate": true, "Voivodeship": true, "Krai": true,
}

// gazetteerLabel corrects the model's label where the gazetteer is sure:
// a whole span that is a country, state or capital is a GPE; a span that
// is only a nationality or group word is NORP; a name ending in a
// facility noun is a FAC, and "State of Texas" is a GPE.
func gazetteerLabel(ws []string, label string) string {
	if !namedLabels[label] {
		return label
	}
	phrase := strings.Join(ws, " ")
	c := gazetteer.Lookup(phrase)
	switch {
	case c&(gazetteer.CountryName|gazetteer.State|gazetteer.Capital) != 0 && c&gazetteer.OrgName == 0 && label != "PERSON":
		return "GPE"
	case c&gazetteer.Region != 0:
		return "LOC"
	case c.NORP() && !c.GPE() && c&gazetteer.OrgName == 0:
		return "NORP"
	}
	if len(ws) > 1 && (label == "GPE" || label == "LOC" || label == "ORG") && c == 0 {
		// "Municipality of Linapacan", "Lachin District": divisions.
		// ("Seattle School District" stays an organisation).
		if gpeHeads[ws[0]] && ws[1] == "of" || gpeHeads[ws[len(ws)-1]] && label != "ORG" {
			return "GPE"
		}
		// "San Francisco Bulletin", "Tehran Times": a place name followed
		// by an organisation word names the organisation.
		if label != "ORG" && gazetteer.Lookup(ws[len(ws)-1])&gazetteer.OrgSuffix != 0 && gazetteer.Lookup(ws[len(ws)-1])&gazetteer.FacHead == 0 {
			return "ORG"
		}
	}
	if len(ws) > 1 && facLast[ws[len(ws)-1]] && label != "PERSON" {
		return "FAC"
	}
	if len(ws) == 3 && ws[0] == "State" && ws[1] == "of" && gazetteer.Lookup(ws[2])&gazetteer.State != 0 {
		return "GPE"
	}
	return label
}
