package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// world is what the resolver knows about countries: their names and
// aliases, demonyms, capitals and official forms. The base comes from the
// gazetteer and a few news spellings it lacks; each run adds what the
// corpus and the caller teach it (demonyms of invented countries,
// capitals stated in the text or given with WithCapitals).
type world struct {
	*base
	// Overlays for one run; looked up before the base.
	demonyms map[string]string // demonym key → country key
	capitals map[string]string // capital key → country key ("" when ambiguous)
	display  map[string]string // country key → display name
	// countryLike holds corpus place keys known to name countries because
	// a demonym or a capital points to them.
	countryLike map[string]bool
	// places holds the keys of every GPE and LOC mention of the corpus.
	places map[string]bool
	// names holds the keys of mentions written in mixed case, so that an
	// all-caps dateline word ("SAREST") is read as a name, not an acronym.
	names map[string]bool
}

type base struct {
	country  map[string]string   // key of a country name or alias → country key
	display  map[string]string   // country key → display name
	demonym  map[string]string   // demonym key (and plural) → country key ("" when ambiguous)
	capital  map[string]string   // capital key → country key ("" when ambiguous)
	official map[string][]string // official form without "of X" ("islamic republic") → country keys
}

// plainKey is the key of a place or demonym: folded words, no
// singularisation.
func plainKey(s string) string { return strings.Join(words(fold(s)), " ") }

var (
	baseOnce sync.Once
	baseVal  *base
)

// Extra spellings common in news that the country table spells otherwise.
var (
	extraCountryAliases = map[string]string{
		"US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
		"America": "United States", "United States of America": "United States",
		"UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
		"Turkey": "Türkiye", "Czech Republic": "Czechia", "Burma": "Myanmar",
		"Holland": "Netherlands", "Vatican": "Vatican City", "USSR": "Soviet Union",
		"DPRK": "North Korea", "DRC": "DR Congo",
	}
	extraDemonyms = map[string]string{
		"Azeri": "Azerbaijan", "Briton": "United Kingdom", "English": "United Kingdom",
		"Persian": "Iran", "Turk": "Türkiye", "Saudi": "Saudi Arabia", "Soviet": "Soviet Union",
		"Emirati": "United Arab Emirates", "Kosovar": "Kosovo", "Taiwanese": "Taiwan",
	}
	extraCapitals = map[string]string{"Washington": "United States"}
)

func loadBase() *base {
	baseOnce.Do(func() {
		b := &base{country: map[string]string{}, display: map[string]string{}, demonym: map[string]string{}, capital: map[string]string{}, official: map[string][]string{}}
		setOnce := func(m map[string]string, k, v string) {
			if k == "" {
				return
			}
			if old, ok := m[k]; ok && old != v {
				m[k] = "" // ambiguous: "Congolese", "Oranjestad"
				return
			}
			m[k] = v
		}
		for _, c := range gazetteer.Countries() {
			ck := plainKey(c.Name)
			b.display[ck] = c.Name
			b.country[ck] = ck
			for _, n := range append([]string{c.Official}, c.Alt...) {
				if k := plainKey(n); k != "" {
					if _, ok := b.country[k]; !ok {
						b.country[k] = ck
					}
				}
			}
			if f, _, ok := strings.Cut(plainKey(c.Official), " of "); ok && strings.Contains(f, " ") {
				b.official[f] = append(b.official[f], ck)
			}
			for _, cap := range c.Capitals {
				setOnce(b.capital, plainKey(cap), ck)
			}
			for _, d := range c.Demonyms {
				for _, w := range strings.Split(d, ",") {
					k := plainKey(w)
					setOnce(b.demonym, k, ck)
					if !strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ese") && !strings.HasSuffix(k, "ish") && !strings.HasSuffix(k, "ch") {
						setOnce(b.demonym, k+"s", ck)
					}
				}
			}
		}
		for a, n := range extraCountryAliases {
			ck := plainKey(n)
			if _, ok := b.display[ck]; !ok {
				b.display[ck] = n
				b.country[ck] = ck
			}
			b.country[plainKey(a)] = ck
		}
		for d, n := range extraDemonyms {
			ck := b.country[plainKey(n)]
			setOnce(b.demonym, plainKey(d), ck)
			setOnce(b.demonym, plainKey(d)+"s", ck)
		}
		for c, n := range extraCapitals {
			setOnce(b.capital, plainKey(c), b.country[plainKey(n)])
		}
		baseVal = b
	})
	return baseVal
}

func newWorld() *world {
	return &world{base: loadBase(), demonyms: map[string]string{}, capitals: map[string]string{},
		display: map[string]string{}, countryLike: map[string]bool{}, places: map[string]bool{}, names: map[string]bool{}}
}

// countryKey returns the country a place key names, or "".
func (w *world) countryKey(k string) string {
	if ck := w.country[k]; ck != "" {
		return ck
	}
	if w.countryLike[k] {
		return k
	}
	return ""
}

// demonymOf returns the country a demonym key points to, or "".
func (w *world) demonymOf(k string) string {
	if ck, ok := w.demonyms[k]; ok {
		return ck
	}
	if ck := w.demonym[k]; ck != "" {
		return ck
	}
	if s, ok := strings.CutSuffix(k, "s"); ok {
		if ck, ok := w.demonyms[s]; ok {
			return ck
		}
	}
	return ""
}

// capitalOf returns the country whose capital a place key names, or "".
func (w *world) capitalOf(k string) string {
	if ck, ok := w.capitals[k]; ok {
		return ck
	}
	return w.capital[k]
}

// countryName returns a country's display name.
func (w *world) countryName(ck string) string {
	if n := w.display[ck]; n != "" {
		return n
	}
	if n := w.base.display[ck]; n != "" {
		return n
	}
	return titleCase(ck)
}

// qualifier returns the country named by words used before an
// organisation's name ("Azerbaijan", "Iranian", "Valdoria's"), or "".
func (w *world) qualifier(ws []string) string {
	k := strings.Join(ws, " ")
	if k2, ok := stripPossessive(k); ok {
		k = k2
	}
	if ck := w.countryKey(k); ck != "" {
		return ck
	}
	return w.demonymOf(k)
}

// deriveDemonym guesses the place a nationality word is formed from
// ("ostravian" → "ostravia", "talmeran" → "talmera", "iraqi" → "iraq"):
// candidates are returned for the caller to check against known places.
func deriveDemonym(k string) []string {
	if strings.Contains(k, " ") || len(k) < 5 {
		return nil
	}
	var out []string
	if s, ok := strings.CutSuffix(k, "s"); ok && !strings.HasSuffix(s, "s") {
		out = append(out, deriveDemonym(s)...)
	}
	if s, ok := strings.CutSuffix(k, "ian"); ok {
		out = append(out, s+"ia", s, s+"y")
	}
	if s, ok := strings.CutSuffix(k, "an"); ok {
		out = append(out, s+"a", s)
	}
	if s, ok := strings.CutSuffix(k, "i"); ok {
		out = append(out, s)
	}
	if s, ok := strings.CutSuffix(k, "ese"); ok {
		out = append(out, s, s+"a")
	}
	return out
}

// politicalForm words open long country names ("Republic of Valdoria").
var politicalForm = map[string]bool{
	"republic": true, "kingdom": true, "state": true, "islamic": true, "federal": true,
	"people's": true, "democratic": true, "united": true, "principality": true,
	"commonwealth": true, "sultanate": true, "emirate": true, "socialist": true, "arab": true,
	"grand": true, "duchy": true, "federation": true, "the": true,
}

// stripPoliticalForm removes "republic of" and the like from a place's
// words; it returns ws unchanged when nothing is left.
func stripPoliticalForm(ws []string) []string {
	for i, w := range ws {
		if w == "of" {
			if i == 0 || i == len(ws)-1 {
				return ws
			}
			return ws[i+1:]
		}
		if !politicalForm[w] || i > 3 {
			return ws
		}
	}
	return ws
}

func titleCase(k string) string {
	ws := strings.Fields(k)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}
