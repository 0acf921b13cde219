// Package gazetteer holds the name lists the entity recognizer consults:
// countries with their capitals and demonyms, cities above a population
// cut (both generated from open data packages, see the _gen.go headers),
// and hand-kept lists of US states, regions, organisation suffixes,
// person titles, religious and political group words, and head nouns of
// facilities, natural locations and events.
//
// The tables are read-only; the lookup index is built once on first use.
package gazetteer

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Class is a set of gazetteer classes a phrase belongs to.
type Class uint32

// Gazetteer classes. A phrase can belong to several ("Georgia" is a
// country and a US state; "Jordan" a country and a person's name).
const (
	CountryName Class = 1 << iota // country or territory ("Azerbaijan", "Republic of Azerbaijan")
	Capital                       // national capital ("Baku")
	CityName                      // city above the population cut
	BigCity                       // city of a million people or more
	State                         // US state or other first-level division in the list
	Region                        // continent or named region, a LOC ("Middle East", "Caucasus")
	Demonym                       // nationality word ("Azerbaijani", "Azerbaijanis")
	Group                         // religious or political group word ("Shia", "Sunni", "Kurdish")
	OrgSuffix                     // last word of organisation names ("Inc", "Ministry", "Party")
	Title                         // person title ("President", "Gen.", "Ayatollah")
	FacHead                       // last word of facility names ("Embassy", "Airport", "Base")
	LocHead                       // last word of natural-location names ("Sea", "Corridor")
	EventHead                     // last word of event names ("War", "Summit", "Olympics")
	OrgName                       // well-known organisation ("United Nations", "NATO")
	Month                         // month or weekday name
)

// GPE reports whether the class includes a geopolitical entity.
func (c Class) GPE() bool { return c&(CountryName|Capital|CityName|State) != 0 }

// NORP reports whether the class includes a nationality or group word.
func (c Class) NORP() bool { return c&(Demonym|Group) != 0 }

// Has reports whether c includes all of x.
func (c Class) Has(x Class) bool { return c&x == x }

// Countries returns the country table. The slice is shared: do not modify it.
func Countries() []Country { return countries }

// Cities returns the city table. The slice is shared: do not modify it.
func Cities() []City { return cities }

type index struct {
	classes map[string]Class
	// prefixes holds the keys of the first words of longer phrases
	// ("bosnia", "bosnia and"), so that Find stops extending a phrase
	// that no entry continues.
	prefixes map[string]bool
	pop      map[string]int
	maxLen   int // longest phrase in words
}

var (
	idxOnce sync.Once
	idx     *index
)

func get() *index {
	idxOnce.Do(func() { idx = build() })
	return idx
}

// Key normalises a phrase for lookup: words separated by single spaces,
// lower case, curly apostrophes made straight.
func Key(phrase string) string {
	if plainWord(phrase) {
		return strings.ToLower(phrase)
	}
	phrase = strings.ReplaceAll(phrase, "’", "'")
	return strings.ToLower(strings.Join(strings.Fields(phrase), " "))
}

// plainWord reports an ASCII word without spaces, whose key is its
// lower case.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c <= ' ' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (x *index) add(phrase string, c Class) {
	k := Key(phrase)
	if k == "" {
		return
	}
	x.classes[k] |= c
	ws := strings.Fields(k)
	if len(ws) > x.maxLen {
		x.maxLen = len(ws)
	}
	for i := 1; i < len(ws); i++ {
		x.prefixes[strings.Join(ws[:i], " ")] = true
	}
}

func build() *index {
	x := &index{classes: map[string]Class{}, prefixes: map[string]bool{}, pop: map[string]int{}}
	for _, c := range countries {
		x.add(c.Name, CountryName)
		x.add(c.Official, CountryName)
		for _, a := range c.Alt {
			x.add(a, CountryName)
		}
		for _, cap := range c.Capitals {
			x.add(cap, Capital)
		}
		for _, d := range c.Demonyms {
			for _, w := range strings.Split(d, ",") {
				w = strings.TrimSpace(w)
				x.add(w, Demonym)
				x.add(plural(w), Demonym)
			}
		}
	}
	for _, c := range cities {
		k := Key(c.Name)
		x.add(c.Name, CityName)
		if c.Population >= 1_000_000 {
			x.add(c.Name, BigCity)
		}
		if c.Population > x.pop[k] {
			x.pop[k] = c.Population
		}
	}
	for _, l := range []struct {
		words []string
		c     Class
	}{
		{extraCountries, CountryName},
		{states, State},
		{regions, Region},
		{extraDemonyms, Demonym},
		{groups, Group},
		{orgSuffixes, OrgSuffix},
		{titles, Title},
		{facHeads, FacHead},
		{locHeads, LocHead},
		{eventHeads, EventHead},
		{orgNames, OrgName},
		{months, Month},
	} {
		for _, w := range l.words {
			x.add(w, l.c)
		}
	}
	return x
}

// plural forms the plural of a demonym used as a noun ("Azerbaijanis",
// "Americans"); words in -ese, -ish, -ch, -sh and -ss do not take one.
func plural(w string) string {
	for _, suf := range []string{"ese", "ish", "ch", "sh", "ss", "s", "x", "z"} {
		if strings.HasSuffix(w, suf) {
			return ""
		}
	}
	return w + "s"
}

// Lookup returns the classes of a phrase (any case; words separated by
// spaces). It returns 0 for unknown phrases.
func Lookup(phrase string) Class { return get().classes[Key(phrase)] }

// Population returns the population of the most populous city of that
// name in the city table, or 0.
func Population(name string) int { return get().pop[Key(name)] }

// MaxWords is the number of words of the longest phrase in the index.
func MaxWords() int { return get().maxLen }

// Match is a gazetteer phrase found in a word sequence: words[Start:End].
type Match struct {
	Start, End int
	Class      Class
}

// Find returns the longest gazetteer phrases in words, scanning left to
// right. Only phrases whose first word starts with an upper-case letter
// or a digit are reported unless lower is set, so that "turkey" or "mobile" in
// running text do not match.
func Find(words []string, lower bool) []Match {
	x := get()
	var out []Match
	keys := make([]string, len(words)) // word keys, made when first needed
	keyAt := func(j int) string {
		if keys[j] == "" {
			keys[j] = Key(words[j])
		}
		return keys[j]
	}
	for i := 0; i < len(words); {
		if !lower && !capitalised(words[i]) {
			i++
			continue
		}
		best := Match{}
		k := ""
		for j := i; j < len(words) && j-i < x.maxLen; j++ {
			w := keyAt(j)
			if w == "" {
				break
			}
			if j > i {
				k += " " + w
			} else {
				k = w
			}
			if c := x.classes[k]; c != 0 {
				best = Match{Start: i, End: j + 1, Class: c}
			}
			if !x.prefixes[k] {
				break
			}
		}
		if best.End > 0 {
			out = append(out, best)
			i = best.End
			continue
		}
		i++
	}
	return out
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
