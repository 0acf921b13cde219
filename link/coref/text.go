package coref

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// lemmaExceptions maps inflected and nominal trigger forms to the verb
// lemma; the rest goes through suffix rules.
var lemmaExceptions = map[string]string{
	"held": "hold", "met": "meet", "struck": "strike", "shot": "shoot", "sent": "send",
	"gave": "give", "given": "give", "said": "say", "says": "say", "caught": "catch",
	"detention": "detain", "detentions": "detain", "custody": "detain",
	"arrests": "arrest", "summons": "summon", "expulsion": "expel", "expulsions": "expel",
	"accusation": "accuse", "accusations": "accuse", "allegation": "allege", "allegations": "allege",
	"imprisonment": "imprison", "sentencing": "sentence", "conviction": "convict",
	"bombing": "bomb", "bombings": "bomb", "killing": "kill", "killings": "kill",
	"deployment": "deploy", "mobilisation": "mobilize", "mobilization": "mobilize",
	"mobilise": "mobilize", "mobilised": "mobilize", "mobilises": "mobilize",
	"exercise": "exercise", "exercises": "exercise", "drills": "drill",
	"meeting": "meet", "meetings": "meet", "talks": "talk", "visits": "visit",
	"agreement": "agree", "agreements": "agree", "deals": "deal",
	"protests": "protest", "demonstration": "demonstrate", "demonstrations": "demonstrate",
	"statement": "state", "stated": "state", "states": "state", "announcement": "announce",
	"warning": "warn", "denial": "deny", "claims": "claim",
	"espionage": "spy", "spying": "spy", "spies": "spy", "spied": "spy", "recruitment": "recruit",
	"sanctions": "sanction", "restrictions": "restrict", "restriction": "restrict",
	"support": "support", "assistance": "aid", "closure": "close", "recalled": "recall",
	"raids": "raid", "attacks": "attack", "strikes": "strike",
	"remanded": "remand", "remands": "remand", "charges": "charge", "sweep": "sweep",
	"crackdown": "crackdown", "expelled": "expel", "expelling": "expel",
}

// lemmaGroups puts synonymous triggers together: the same group counts
// as agreement, two different groups as a hint of different events (an
// arrest is not its later sentencing).
var lemmaGroups = map[string]string{
	"arrest": "arrest", "detain": "arrest", "hold": "arrest", "seize": "arrest", "nab": "arrest",
	"net": "arrest", "round": "arrest", "apprehend": "arrest", "capture": "arrest",
	"catch": "arrest", "bust": "arrest", "sweep": "arrest", "raid": "arrest", "crackdown": "arrest",
	"jail": "sentence", "imprison": "sentence", "sentence": "sentence", "convict": "sentence",
	"remand":  "remand",
	"release": "release", "free": "release",
	"summon": "summon", "call": "summon",
	"expel": "expel", "deport": "expel",
	"recall": "recall", "close": "close", "open": "open",
	"accuse": "accuse", "blame": "accuse", "allege": "accuse", "charge": "accuse",
	"attack": "attack", "strike": "attack", "bomb": "attack", "shell": "attack", "hit": "attack",
	"kill": "kill", "shoot": "kill",
	"mobilize": "mobilize", "deploy": "mobilize", "mass": "mobilize", "exercise": "mobilize", "drill": "mobilize",
	"meet": "meet", "talk": "meet", "visit": "meet", "host": "meet",
	"agree": "agree", "sign": "agree", "deal": "agree", "conclude": "agree", "ink": "agree",
	"protest": "protest", "demonstrate": "protest", "rally": "protest", "march": "protest",
	"state": "state", "announce": "state", "say": "state", "claim": "state",
	"warn": "warn", "deny": "deny", "reject": "deny",
	"spy": "spy", "recruit": "spy",
	"sanction": "sanction", "ban": "sanction", "restrict": "sanction",
	"aid": "aid", "support": "aid", "supply": "aid", "give": "aid", "send": "aid",
}

// Lemma returns a verb lemma for an event trigger ("arrested", "arrests",
// "detention" → "arrest", "arrest", "detain"). It is a small rule set for
// the triggers of news events, not a general lemmatizer; what matters is
// that the forms of one verb meet.
func Lemma(trigger string) string {
	w := strings.ToLower(strings.TrimSpace(trigger))
	if i := strings.IndexAny(w, " \t\n"); i > 0 {
		w = w[:i] // "rounded up" → "rounded"
	}
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if w == "" {
		return ""
	}
	if l, ok := lemmaExceptions[w]; ok {
		return l
	}
	if _, ok := lemmaGroups[w]; ok {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return restoreStem(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return restoreStem(w[:len(w)-3])
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// restoreStem undoes the spelling changes of -ed and -ing: a doubled final
// consonant ("banned") and a dropped e ("seized", "charged").
func restoreStem(s string) string {
	if _, ok := lemmaGroups[s]; ok {
		return s
	}
	if _, ok := lemmaGroups[s+"e"]; ok {
		return s + "e"
	}
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouslfz", rune(s[n-1])) {
		return s[:n-1]
	}
	last := s[n-1]
	if strings.ContainsRune("cgvz", rune(last)) || (last == 's' && n >= 2 && !strings.ContainsRune("su", rune(s[n-2]))) {
		return s + "e"
	}
	if strings.HasSuffix(s, "at") && n >= 3 && !isVowel(s[n-3]) {
		return s + "e" // stated, negotiated
	}
	return s
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// lemmaGroup returns the synonym group of a lemma, or "" when unknown.
func lemmaGroup(lemma string) string { return lemmaGroups[lemma] }

// stopwords are left out of name and vocabulary tokens: function words
// and the nouns that every report of a kind uses.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "from": true, "by": true, "with": true, "and": true, "or": true, "its": true,
	"their": true, "his": true, "her": true, "our": true, "who": true, "which": true, "that": true,
	"this": true, "these": true, "those": true, "it": true, "they": true, "them": true, "he": true,
	"she": true, "we": true, "as": true, "into": true, "over": true, "than": true, "more": true,
	"least": true, "some": true, "about": true, "up": true, "out": true, "other": true,
	"people": true, "person": true, "persons": true, "men": true, "women": true, "man": true,
	"woman": true, "member": true, "members": true, "s": true, "mr": true, "ms": true, "mrs": true,
	"several": true, "dozens": true, "dozen": true, "hundreds": true, "thousands": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "nineteen": true,
	"twenty": true, "said": true, "says": true, "so-called": true, "alleged": true, "suspected": true,
}

// tokens splits text into lower-case words without possessive endings,
// leaving out stopwords and numbers.
func tokens(text string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(text[start:end])
		start = -1
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, "'’-")
		if w == "" || stopwords[w] || !hasLetter(w) {
			return
		}
		out = append(out, w)
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || (r == '-' && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// stem reduces a vocabulary word so that "spies", "spying" and "spy" meet.
func stem(w string) string {
	if l, ok := lemmaExceptions[w]; ok {
		return l
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// Days are calendar days counted from 1970-01-01; open interval ends use
// these sentinels.
const (
	negInf int32 = -1 << 28
	posInf int32 = 1 << 28
)

func dayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func formatDay(d int32) string { return dayTime(d).Format("2006-01-02") }

// parseDay reads "YYYY-MM-DD", "YYYY-MM" or "YYYY"; for a partial date it
// returns the first day, or the last one when last is set.
func parseDay(s string, last bool) (int32, bool) {
	s = strings.TrimSpace(s)
	var y, m, d int
	var ok bool
	switch len(s) {
	case 10:
		y, ok = atoi(s[0:4])
		if !ok || s[4] != '-' || s[7] != '-' {
			return 0, false
		}
		if m, ok = atoi(s[5:7]); !ok {
			return 0, false
		}
		if d, ok = atoi(s[8:10]); !ok {
			return 0, false
		}
	case 7:
		y, ok = atoi(s[0:4])
		if !ok || s[4] != '-' {
			return 0, false
		}
		if m, ok = atoi(s[5:7]); !ok {
			return 0, false
		}
		d = 1
		if last {
			m, d = m+1, 0 // day 0 of the next month is the last of this one
		}
	case 4:
		if y, ok = atoi(s); !ok {
			return 0, false
		}
		m, d = 1, 1
		if last {
			m, d = 12, 31
		}
	default:
		return 0, false
	}
	if m < 1 || m > 13 || d < 0 || d > 31 {
		return 0, false
	}
	return dayOf(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)), true
}

func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}

// FormatInterval renders an inclusive interval of dates at the
// granularity it spans: "2026-03-16", "2026-03" (a whole month), "2026" (a
// whole year), "2026-03-01..2026-03-10", "by 2026-03-17" (no begin: on or
// before), "from 2026-03-16" (no end), or "undated".
func FormatInterval(begin, end string) string {
	b, okb := parseDay(begin, false)
	e, oke := parseDay(end, true)
	switch {
	case !okb && !oke:
		return "undated"
	case !okb:
		return "by " + formatDay(e)
	case !oke:
		return "from " + formatDay(b)
	case b == e:
		return formatDay(b)
	}
	bt, et := dayTime(b), dayTime(e)
	wholeYears := bt.YearDay() == 1 && et.Month() == 12 && et.Day() == 31
	wholeMonths := bt.Day() == 1 && et.AddDate(0, 0, 1).Day() == 1
	switch {
	case wholeYears && bt.Year() == et.Year():
		return bt.Format("2006")
	case wholeYears:
		return bt.Format("2006") + ".." + et.Format("2006")
	case wholeMonths && bt.Year() == et.Year() && bt.Month() == et.Month():
		return bt.Format("2006-01")
	case wholeMonths:
		return bt.Format("2006-01") + ".." + et.Format("2006-01")
	}
	return formatDay(b) + ".." + formatDay(e)
}

// clip shortens text to at most n words, collapsing white space.
func clip(text string, n int) string {
	f := strings.Fields(text)
	if len(f) > n {
		f = f[:n]
	}
	s := strings.Join(f, " ")
	return strings.TrimRight(s, ",;:.-–—")
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
