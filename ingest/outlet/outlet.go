// Package outlet knows the names, aliases and web domains of news outlets
// and wire agencies, so that ingest code can turn "iranwire", "Iran Wire"
// or "en.iranwire.com" into one canonical outlet name and tell agency copy
// from an outlet's own reporting.
//
// The data is a hand-written table (table.go); the index built from it at
// package initialisation is never modified afterwards, so every function
// is safe for concurrent use.
package outlet

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lookup returns the canonical name for an outlet name, alias or domain as
// written ("iranwire", "Iran Wire", "iranwire.com", "israelhayom",
// "REUTERS"). Matching ignores case, spaces, punctuation, diacritics, a
// leading "the", a generic top-level domain (.com, .net, .org, .info) and a
// trailing "news" or "news agency".
func Lookup(s string) (canonical string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return "", false
	}
	if isDomainLike(s) || strings.Contains(s, "://") {
		if name, ok := FromHost(s); ok {
			return name, true
		}
	}
	ws := words(s)
	for _, k := range queryKeys(ws) {
		if i, ok := idx.keys[k]; ok {
			return table[i].name, true
		}
	}
	return "", false
}

// FromHost maps a hostname ("www.reuters.com", "en.iranwire.com") to its
// outlet. A URL or a host with a port is accepted too.
func FromHost(host string) (string, bool) {
	host = strings.TrimSpace(host)
	if strings.Contains(host, "://") {
		u, err := url.Parse(host)
		if err != nil {
			return "", false
		}
		host = u.Hostname()
	} else if h, _, found := strings.Cut(host, "/"); found {
		host = h
	}
	if h, _, found := strings.Cut(host, ":"); found {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for h := host; h != ""; {
		if i, ok := idx.hosts[h]; ok {
			return table[i].name, true
		}
		_, rest, found := strings.Cut(h, ".")
		if !found {
			break
		}
		h = rest
	}
	return "", false
}

// IsAgency reports whether the canonical outlet is a news agency (wire
// service). Other spellings are resolved with Lookup first.
func IsAgency(canonical string) bool {
	if i, ok := idx.names[canonical]; ok {
		return table[i].agency
	}
	if name, ok := Lookup(canonical); ok {
		return table[idx.names[name]].agency
	}
	return false
}

// Mentions returns the known outlets named inside a line of text, in order
// of first mention and without repeats. It is meant for short lines such as
// page chrome ("Switch to Iranwire Light?"), and it is stricter than Lookup
// so that ordinary words are not read as brands:
//   - words are matched whole, never inside a longer word ("AP" does not
//     match "apple" or "cap");
//   - a key of four letters or fewer must be written exactly as in the
//     table ("AP", "TASS", "Fars"), not "ap";
//   - a name of several words must be written with capitals ("Iran Wire",
//     not "iran wire"), or as a domain ("trend.az");
//   - a one-word name that is an ordinary word ("Trend", "Dawn",
//     "Guardian") counts only when it is the whole line or follows "The".
func Mentions(line string) []string {
	if len(line) > 2000 {
		line = line[:2000]
	}
	toks := tokenize(line)
	lineKey := strings.Join(words(line), "")
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(toks); {
		n, name := matchAt(toks, i, lineKey)
		if n == 0 {
			i++
			continue
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
		i += n
	}
	return out
}

// maxNameTokens bounds how many words a name may span in Mentions.
const maxNameTokens = 7

// matchAt returns the number of tokens of the longest acceptable outlet
// name starting at toks[i], and the outlet.
func matchAt(toks []token, i int, lineKey string) (int, string) {
	key := ""
	bestN, best := 0, ""
	for j := i; j < len(toks) && j < i+maxNameTokens; j++ {
		if j > i && !joinable(toks[j-1].sepAfter) {
			break
		}
		key += toks[j].key
		t, ok := idx.keys[key]
		if !ok || !acceptable(toks, i, j, key, lineKey) {
			continue
		}
		bestN, best = j-i+1, table[t].name
	}
	return bestN, best
}

// joinable reports whether the characters between two words allow them to
// belong to one name ("Iran Wire", "Al-Jazeera", "trend.az", "RFE/RL").
func joinable(sep string) bool {
	switch sep {
	case " ", "-", ".", "/", "'", "’", " & ", "&", "–":
		return true
	}
	return false
}

// acceptable applies Mentions' brand-context rules to toks[i..j] whose
// joined key is key.
func acceptable(toks []token, i, j int, key, lineKey string) bool {
	exactLine := key == lineKey
	if j == i {
		t := toks[i]
		if ordinary[key] {
			return exactLine || (i > 0 && toks[i-1].text == "The" && toks[i-1].sepAfter == " " && startsUpper(t.text))
		}
		if len(key) <= 4 {
			return idx.forms[key][lettersOnly(t.text)]
		}
		return true
	}
	if exactLine {
		return true
	}
	domain := true
	for k := i; k < j; k++ {
		if toks[k].sepAfter != "." {
			domain = false
			break
		}
	}
	if domain {
		return true
	}
	if len(key) <= 4 {
		var b strings.Builder
		for k := i; k <= j; k++ {
			b.WriteString(lettersOnly(toks[k].text))
		}
		return idx.forms[key][b.String()]
	}
	for k := i; k <= j; k++ {
		if !startsUpper(toks[k].text) {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// token is one alphanumeric run of a line.
type token struct {
	text     string // as written
	key      string // lower-case, folded
	sepAfter string // the characters up to the next token
}

func tokenize(s string) []token {
	var toks []token
	var ends []int
	start := -1
	flush := func(end int) {
		if len(toks) > 0 {
			toks[len(toks)-1].sepAfter = s[ends[len(ends)-1]:start]
		}
		toks = append(toks, token{text: s[start:end], key: fold(s[start:end])})
		ends = append(ends, end)
		start = -1
	}
	for pos, r := range s {
		an := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case an && start < 0:
			start = pos
		case !an && start >= 0:
			flush(pos)
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	return toks
}

// index is the lookup structure built once from table.
type index struct {
	keys  map[string]int             // name key → table row
	names map[string]int             // canonical name → table row
	hosts map[string]int             // domain → table row
	forms map[string]map[string]bool // short key → spellings as written (letters only)
	// conflicts lists keys or domains claimed by two rows; a test keeps it empty.
	conflicts []string
}

var idx = buildIndex()

func buildIndex() *index {
	x := &index{
		keys:  map[string]int{},
		names: map[string]int{},
		hosts: map[string]int{},
		forms: map[string]map[string]bool{},
	}
	for i, e := range table {
		if _, dup := x.names[e.name]; dup {
			x.conflicts = append(x.conflicts, "name "+e.name)
		}
		x.names[e.name] = i
		for _, a := range append([]string{e.name}, e.aliases...) {
			k := strings.Join(trimThe(words(a)), "")
			if k == "" {
				continue
			}
			if j, ok := x.keys[k]; ok && j != i {
				x.conflicts = append(x.conflicts, "key "+k+": "+table[j].name+" / "+e.name)
				continue
			}
			x.keys[k] = i
			if len(k) <= 4 {
				if x.forms[k] == nil {
					x.forms[k] = map[string]bool{}
				}
				x.forms[k][lettersOnly(a)] = true
			}
		}
		for _, d := range e.domains {
			d = strings.ToLower(d)
			if j, ok := x.hosts[d]; ok && j != i {
				x.conflicts = append(x.conflicts, "domain "+d+": "+table[j].name+" / "+e.name)
				continue
			}
			x.hosts[d] = i
		}
	}
	return x
}

// queryKeys returns the keys to try for a query's words: as written, then
// without a trailing "news agency", "agency" or "news".
func queryKeys(ws []string) []string {
	ws = trimThe(ws)
	if len(ws) == 0 {
		return nil
	}
	keys := []string{strings.Join(ws, "")}
	for _, suffix := range [][]string{{"news", "agency"}, {"agency"}, {"news"}} {
		if len(ws) > len(suffix) && equalWords(ws[len(ws)-len(suffix):], suffix) {
			keys = append(keys, strings.Join(ws[:len(ws)-len(suffix)], ""))
		}
	}
	return keys
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// trimThe drops a leading "the" from a name of more than one word.
func trimThe(ws []string) []string {
	if len(ws) > 1 && ws[0] == "the" {
		return ws[1:]
	}
	return ws
}

// genericTLD lists top-level domains that carry no part of a brand name.
var genericTLD = map[string]bool{"com": true, "net": true, "org": true, "info": true}

// words splits s into lower-case, diacritic-folded alphanumeric words. A
// domain-like string loses "www." and a generic top-level domain first, so
// "PanARMENIAN.Net" and "panarmenian.net" give the words of "PanARMENIAN".
func words(s string) []string {
	s = strings.TrimSpace(s)
	if isDomainLike(s) {
		labels := strings.Split(strings.ToLower(s), ".")
		if labels[0] == "www" && len(labels) > 2 {
			labels = labels[1:]
		}
		if len(labels) > 1 && genericTLD[labels[len(labels)-1]] {
			labels = labels[:len(labels)-1]
		}
		s = strings.Join(labels, ".")
	}
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, t.key)
	}
	return out
}

// isDomainLike reports whether s is a single token with dots between
// letters or digits, such as "iranwire.com" or "PanARMENIAN.Net".
func isDomainLike(s string) bool {
	if !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	prevDot := false
	for _, r := range s {
		switch {
		case r == '.':
			if prevDot {
				return false
			}
			prevDot = true
			continue
		case r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			return false
		}
		prevDot = false
	}
	return true
}

// lettersOnly keeps the letters and digits of s as written.
func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold lower-cases s and removes the diacritics of Latin letters, so that
// "Hürriyet" and "Hurriyet" give the same key.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c",
	'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ə': "e",
	'ğ': "g",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'į': "i",
	'ł': "l", 'ľ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ř': "r",
	'ś': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ț': "t", 'ţ': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
}
