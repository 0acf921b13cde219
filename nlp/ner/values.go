package ner

import (
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// Value rules detect DATE, TIME, MONEY, PERCENT, ORDINAL, QUANTITY and
// CARDINAL spans over tokens not already inside a name. They only find
// spans; normalising them is the job of a later stage.

var numberWords = map[string]bool{
	"zero": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true,
	"twelve": true, "thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true,
	"seventeen": true, "eighteen": true, "nineteen": true, "twenty": true, "thirty": true,
	"forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true,
	"ninety": true, "hundred": true, "thousand": true, "million": true, "billion": true,
	"trillion": true, "dozen": true, "dozens": true, "hundreds": true, "thousands": true,
	"millions": true, "billions": true,
}

var scaleWords = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true, "mln": true, "bn": true, "m": true, "k": true}

var ordinalWords = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true,
	"seventh": true, "eighth": true, "ninth": true, "tenth": true, "eleventh": true,
	"twelfth": true, "twentieth": true, "hundredth": true, "thirtieth": true,
}

var currencyWords = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"manat": true, "manats": true, "rouble": true, "roubles": true, "ruble": true, "rubles": true,
	"yen": true, "yuan": true, "renminbi": true, "rupee": true, "rupees": true, "rial": true,
	"rials": true, "lira": true, "liras": true, "dram": true, "drams": true, "lari": true,
	"franc": true, "francs": true, "won": false, "cents": true, "pence": true, "dinar": true, "dinars": true,
	"shekel": true, "shekels": true, "hryvnia": true, "hryvnias": true, "tenge": true,
}

var currencySymbols = []string{"$", "€", "£", "¥", "₼", "₽", "₹", "US$", "USD", "EUR", "GBP", "AZN", "RUB", "C$", "A$"}

var unitWords = map[string]bool{
	"km": true, "kilometres": true, "kilometers": true, "kilometre": true, "kilometer": true,
	"miles": true, "mile": true, "metres": true, "meters": true, "metre": true, "meter": true,
	"m": false, "cm": true, "mm": true, "feet": true, "foot": true, "ft": true, "inches": true,
	"kg": true, "kilograms": true, "kilogram": true, "tons": true, "tonnes": true, "ton": true,
	"tonne": true, "pounds": false, "lb": true, "lbs": true, "grams": true, "gram": true,
	"hectares": true, "hectare": true, "acres": true, "litres": true, "liters": true,
	"barrels": true, "degrees": true, "°C": true, "°F": true, "mph": true, "km/h": true,
	"square": true, "cubic": true, "megawatts": true, "MW": true, "GW": true, "kW": true,
	"sq": true, "nautical": true, "calories": true,
}

var relDates = map[string]bool{"today": true, "yesterday": true, "tomorrow": true, "tonight": false}

var periodWords = map[string]bool{
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "decade": true, "decades": true, "century": true, "centuries": true,
	"weekend": true, "spring": true, "summer": true, "autumn": true, "fall": false, "winter": true,
	"morning": false, "quarter": true,
}

var timeWords = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true, "tonight": true, "noon": true, "midnight": true, "dawn": true}

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	digit := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digit
}

func isNum(w string) bool {
	return isDigits(w) || numberWords[strings.ToLower(w)] || isFraction(w)
}

func isFraction(w string) bool {
	a, b, ok := strings.Cut(w, "/")
	return ok && isDigits(a) && isDigits(b)
}

func isYear(w string) bool {
	if len(w) != 4 || !isDigits(w) || strings.ContainsAny(w, ",.") {
		return false
	}
	return w >= "1000" && w <= "2099"
}

func isDecade(w string) bool {
	// "1990s", "90s", "'90s"
	w = strings.TrimPrefix(strings.TrimPrefix(w, "'"), "’")
	return (len(w) == 5 || len(w) == 3) && strings.HasSuffix(w, "0s") && isDigits(w[:len(w)-1])
}

func isOrdinalToken(w string) bool {
	lw := strings.ToLower(w)
	if ordinalWords[lw] {
		return true
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(lw, suf) && isDigits(lw[:len(lw)-2]) {
			return true
		}
	}
	return false
}

func isMonth(w string) bool {
	return nameLike(w) && gazetteer.Lookup(w)&gazetteer.Month != 0
}

func isWeekday(w string) bool {
	switch strings.ToLower(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return nameLike(w)
	}
	return false
}

func isClock(w string) bool {
	h, m, ok := strings.Cut(w, ":")
	return ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && isDigits(h) && isDigits(m)
}

// values adds value spans to every sentence.
func (d *doc) values() {
	for si, ws := range d.words {
		free := make([]bool, len(ws))
		for i := range free {
			free[i] = true
		}
		for _, s := range d.spans[si] {
			for i := s.start; i < s.end; i++ {
				free[i] = false
			}
		}
		for i := 0; i < len(ws); {
			if !free[i] {
				i++
				continue
			}
			n, label := valueAt(ws, i, free)
			if n == 0 {
				i++
				continue
			}
			d.spans[si] = append(d.spans[si], span{start: i, end: i + n, label: label, titleStart: -1})
			i += n
		}
		sortSpans(d.spans[si])
	}
}

// valueAt returns the length and label of a value starting at ws[i].
func valueAt(ws []string, i int, free []bool) (int, string) {
	ok := func(j int) bool { return j < len(ws) && free[j] }
	lw := func(j int) string {
		if !ok(j) {
			return ""
		}
		return strings.ToLower(ws[j])
	}
	// number run: "3", "3.5 million", "twenty - five", "1,200"
	numRun := func(j int) int {
		k := j
		for ok(k) && (isNum(ws[k]) || (k > j && scaleWords[lw(k)] && !unitWords[ws[k]]) || (k > j && (ws[k] == "-" || lw(k) == "and") && ok(k+1) && isNum(ws[k+1]))) {
			k++
		}
		return k - j
	}
	w := ws[i]
	l := lw(i)

	// MONEY: "$ 5 million", "US$5", "5 million dollars", "$5bn"
	for _, sym := range currencySymbols {
		if w == sym {
			if n := numRun(i + 1); n > 0 {
				return 1 + n, "MONEY"
			}
		}
		if strings.HasPrefix(w, sym) && isDigits(strings.TrimRight(w[len(sym):], "mbnkMBNK")) && len(w) > len(sym) {
			return 1 + numRun(i+1), "MONEY"
		}
	}
	// TIME: "10:30 a.m.", "5 pm", "this morning"
	if isClock(w) {
		n := 1
		if ok(i+1) && (strings.HasPrefix(lw(i+1), "a.m") || strings.HasPrefix(lw(i+1), "p.m") || lw(i+1) == "am" || lw(i+1) == "pm") {
			n++
		}
		if ok(i+n) && (ws[i+n] == "GMT" || ws[i+n] == "UTC" || strings.HasSuffix(ws[i+n], "T") && len(ws[i+n]) <= 4 && nameLike(ws[i+n]) && strings.ToUpper(ws[i+n]) == ws[i+n]) {
			n++
		}
		return n, "TIME"
	}
	if isDigits(w) && len(w) <= 2 && ok(i+1) && (strings.HasPrefix(lw(i+1), "a.m") || strings.HasPrefix(lw(i+1), "p.m") || lw(i+1) == "am" || lw(i+1) == "pm") {
		return 2, "TIME"
	}
	if (l == "this" || l == "last" || l == "yesterday" || l == "tomorrow") && ok(i+1) && timeWords[lw(i+1)] {
		return 2, "TIME"
	}
	if l == "tonight" {
		return 1, "TIME"
	}
	// DATE
	if isMonth(w) && ((ok(i+1) && isDigits(ws[i+1])) || (i > 0 && isDigits(ws[i-1])) || (w != "May" && w != "March")) {
		n := 1
		if ok(i+n) && isDigits(ws[i+n]) && len(ws[i+n]) <= 2 {
			n++
			if ok(i+n) && ws[i+n] == "," && ok(i+n+1) && isYear(ws[i+n+1]) {
				n += 2
			}
		}
		if ok(i+n) && isYear(ws[i+n]) {
			n++
		}
		return n, "DATE"
	}
	if isDigits(w) && len(w) <= 2 && ok(i+1) && isMonth(ws[i+1]) {
		n := 2
		if ok(i+2) && isYear(ws[i+2]) {
			n++
		}
		return n, "DATE"
	}
	if isWeekday(w) || relDates[l] {
		return 1, "DATE"
	}
	if (l == "last" || l == "next" || l == "this" || l == "past" || l == "previous" || l == "coming") && ok(i+1) && periodWords[lw(i+1)] {
		return 2, "DATE"
	}
	if isYear(w) && i > 0 && !isCurrencyBefore(ws, i) {
		switch strings.ToLower(ws[i-1]) {
		case "in", "since", "by", "of", "until", "from", "to", "before", "after", "during", "early", "late", "mid", "-", "–", "between", "and", "year", ",":
			return 1, "DATE"
		}
	}
	if isDecade(w) {
		return 1, "DATE"
	}
	if isNum(w) && ok(i+1) && periodWords[strings.TrimSuffix(lw(i+1), "s")+"s"] && (lw(i+2) == "ago" || lw(i+2) == "old" || lw(i+2) == "later" || lw(i+2) == "earlier") {
		return 2 + boolInt(ok(i+2)), "DATE"
	}
	// PERCENT: "12 %", "12%", "12 percent"
	if strings.HasSuffix(w, "%") && isDigits(strings.TrimSuffix(w, "%")) {
		return 1, "PERCENT"
	}
	if n := numRun(i); n > 0 {
		next := lw(i + n)
		switch {
		case ws[min(i+n, len(ws)-1)] == "%" && ok(i+n), next == "percent", next == "per" && lw(i+n+1) == "cent":
			if next == "per" {
				return n + 2, "PERCENT"
			}
			return n + 1, "PERCENT"
		case currencyWords[next]:
			return n + 1, "MONEY"
		case unitWords[next] || (ok(i+n) && unitWords[ws[i+n]]):
			m := n + 1
			if (next == "square" || next == "cubic" || next == "nautical" || next == "sq") && ok(i+m) && unitWords[lw(i+m)] {
				m++
			}
			return m, "QUANTITY"
		}
		if n == 1 && isYear(w) {
			return 0, ""
		}
		if l == "one" && n == 1 {
			return 0, "" // mostly a pronoun: "one of the…"
		}
		return n, "CARDINAL"
	}
	if isOrdinalToken(w) {
		return 1, "ORDINAL"
	}
	return 0, ""
}

func isCurrencyBefore(ws []string, i int) bool {
	if i == 0 {
		return false
	}
	for _, s := range currencySymbols {
		if ws[i-1] == s {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
