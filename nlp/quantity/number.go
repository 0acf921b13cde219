package quantity

import (
	"math"
	"strconv"
	"strings"
)

// maxDigits bounds the numerals we read: longer digit strings are
// identifiers or junk, and float64 ends at about 1.8e308 anyway.
const maxDigits = 64

// ParseNumber reads a cardinal numeral: digits with optional thousands
// commas and a decimal point ("19", "1,000", "3.5", ".5"), optionally
// followed by a scale ("1.1 billion", "3.5m", "20bn"), or number words
// ("nineteen", "twenty-two", "one hundred and five", "a hundred", "two
// dozen", "half a million"). It reports false for anything else,
// including signs, exponents ("1e400"), fractions, malformed comma
// groups ("1,00"), digit strings longer than 64 characters and values
// that do not fit a finite float64. Values above 2^53 are rounded to the
// nearest float64.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 256 {
		return 0, false
	}
	// "3.5m", "20bn": digits with a scale written against them.
	if c := s[0]; c >= '0' && c <= '9' || c == '.' {
		end := 0
		for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == ',' || s[end] == '.') {
			end++
		}
		v, ok := parseDigits(s[:end])
		if !ok {
			return 0, false
		}
		rest := strings.ToLower(strings.TrimSpace(s[end:]))
		if rest == "" {
			return v, true
		}
		if m, ok := scaleAbbrevs[rest]; ok && end == len(s)-len(rest) {
			return finite(v * m)
		}
	}
	words := splitWords(strings.ToLower(s))
	v, n, _ := readNumber(words)
	if n != len(words) {
		return 0, false
	}
	return finite(v)
}

func finite(v float64) (float64, bool) {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// splitWords splits at spaces and keeps hyphens as words of their own,
// as the tokenizer does.
func splitWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for {
			i := strings.IndexAny(f, "-–")
			if i < 0 {
				break
			}
			if i > 0 {
				out = append(out, f[:i])
			}
			w := 1
			if f[i] != '-' {
				w = len("–")
			}
			out = append(out, f[i:i+w])
			f = f[i+w:]
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseDigits reads "19", "1,000", "3.5", ".5". Commas must group three
// digits; a leading zero is only allowed before the decimal point
// ("0.5", not "0958", which is an identifier).
func parseDigits(s string) (float64, bool) {
	if s == "" || len(s) > maxDigits {
		return 0, false
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || strings.ContainsAny(frac, ".,")) {
		return 0, false
	}
	if !allDigits(frac) {
		return 0, false
	}
	if intPart == "" && !hasDot {
		return 0, false
	}
	if len(intPart) > 1 && intPart[0] == '0' {
		return 0, false
	}
	clean := intPart
	if strings.IndexByte(intPart, ',') >= 0 {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		clean = strings.Join(groups, "")
	}
	if !allDigits(clean) {
		return 0, false
	}
	if hasDot {
		clean += "." + frac
	}
	if clean[0] == '.' {
		clean = "0" + clean
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, false
	}
	return finite(v)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDigitWord reports whether w starts like a numeral in digits.
func isDigitWord(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || w[0] == '.' && len(w) > 1 && w[1] >= '0' && w[1] <= '9')
}

// readNumber reads the longest spelled-out or digit number at the start
// of ws (lower-case words, hyphens as words): "twenty - two", "one
// hundred and five", "1.1 billion", "a hundred", "half a million", "two
// dozen". It returns the value, the number of words read (0 when there
// is no number) and whether the number ends in a scale word.
func readNumber(ws []string) (v float64, n int, scaled bool) {
	var total, cur float64
	last := classNone
	lastScale := math.Inf(1)
	i := 0
	seen := false
	if len(ws) >= 2 && (ws[0] == "a" || ws[0] == "an") {
		if _, ok := scaleWords[ws[1]]; ok || ws[1] == "hundred" || ws[1] == "dozen" {
			cur, last, i, seen = 1, classUnit, 1, true
		}
	}
	// "half a million", "half a dozen"
	if len(ws) >= 3 && ws[0] == "half" && (ws[1] == "a" || ws[1] == "an") {
		if m, ok := scaleWords[ws[2]]; ok {
			return m / 2, 3, true
		}
		if ws[2] == "dozen" {
			return 6, 3, false
		}
		if ws[2] == "hundred" {
			return 50, 3, true
		}
	}
	if i == 0 && len(ws) > 0 && isDigitWord(ws[0]) {
		d, ok := parseDigits(ws[0])
		if !ok {
			return 0, 0, false
		}
		cur, last, i, seen = d, classDigits, 1, true
	}
	for ; i < len(ws); i++ {
		w := ws[i]
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		if u, ok := unitWords[w]; ok {
			if last != classNone && last != classTens && last != classHundred && last != classScale && last != classAnd {
				break
			}
			cur += u
			last = classUnit
			seen = true
			continue
		}
		if t, ok := teenWords[w]; ok {
			if last != classNone && last != classHundred && last != classScale && last != classAnd {
				break
			}
			cur += t
			last = classTeen
			seen = true
			continue
		}
		if t, ok := tensWords[w]; ok {
			if last != classNone && last != classHundred && last != classScale && last != classAnd {
				break
			}
			cur += t
			last = classTens
			seen = true
			continue
		}
		switch {
		case (w == "-" || w == "–") && last == classTens:
			if u, ok := unitWords[next]; ok && u > 0 {
				continue
			}
		case w == "hundred":
			if cur == 0 || cur >= 100 || (last != classUnit && last != classTeen && last != classTens && last != classDigits) {
				break
			}
			cur *= 100
			last = classHundred
			continue
		case w == "dozen":
			if cur == 0 || (last != classUnit && last != classDigits && last != classTeen && last != classTens) {
				break
			}
			cur *= 12
			last = classDozen
			continue
		case w == "and":
			if last == classHundred || last == classScale {
				if _, ok := unitWords[next]; ok {
					last = classAnd
					continue
				}
				if _, ok := teenWords[next]; ok {
					last = classAnd
					continue
				}
				if _, ok := tensWords[next]; ok {
					last = classAnd
					continue
				}
			}
			// "two and a half million"
			if (last == classUnit || last == classDigits || last == classTeen || last == classTens) && i+3 < len(ws) && ws[i+1] == "a" && ws[i+2] == "half" {
				if m, ok := scaleWords[ws[i+3]]; ok && m < lastScale {
					total += (cur + 0.5) * m
					cur = 0
					i += 3
					last = classScale
					lastScale = m
					continue
				}
			}
		default:
			if m, ok := scaleWords[w]; ok && cur > 0 && m < lastScale && last != classAnd {
				total += cur * m
				cur = 0
				last = classScale
				lastScale = m
				continue
			}
		}
		break
	}
	if !seen {
		return 0, 0, false
	}
	// A trailing connective was not part of the number.
	for i > 0 && (ws[i-1] == "and" || ws[i-1] == "-" || ws[i-1] == "–") {
		i--
	}
	return total + cur, i, last == classScale || last == classHundred
}

// ordinalValue reads "first", "22nd", "twenty-first" (as one string).
func ordinalValue(w string) (float64, bool) {
	if v, ok := ordinalWords[w]; ok {
		return v, true
	}
	if len(w) < 3 || len(w) > 12 {
		return 0, false
	}
	suf := w[len(w)-2:]
	num := w[:len(w)-2]
	if !allDigits(num) || num == "" || len(num) > 1 && num[0] == '0' {
		return 0, false
	}
	v, err := strconv.Atoi(num)
	if err != nil {
		return 0, false
	}
	want := "th"
	if v%100 < 11 || v%100 > 13 {
		switch v % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	if suf != want {
		return 0, false
	}
	return float64(v), true
}
