package timex

import (
	"strconv"
	"strings"
)

// form is the shape of a token that carries digits.
type form uint8

const (
	fNone     form = iota
	fInt           // 14, 2022, 1,000
	fDecimal       // 1.5
	fOrdinal       // 14th, 1st
	fISO           // 2022-11-14
	fSlash         // 11/14/2022, 14/11/22
	fDecade        // 1990s, 1990's, '90s; 1800s is a century
	fYear2         // '98
	fPossYear      // 1998's: a year with a possessive clitic glued on
	fClock         // 9:30, 14:05, 9:30:15
	fQuarter       // Q3
)

// feat is what the matcher knows about one token.
type feat struct {
	lex   lex
	known bool
	form  form
	// n is the value of an fInt, fOrdinal or fQuarter, the two digits of
	// an fYear2, the first year of an fDecade; numOK reports that it fits
	// (an fInt of any length is kept, but only values up to 18 digits
	// are numbers).
	n     int64
	numOK bool
	// y, m, d are the fields of an fISO or fSlash date as written (m and
	// d as read in US order for fSlash; see slashDate).
	y, m, d int
	// hh, mi are an fClock's hours and minutes.
	hh, mi int
	// century marks an fDecade that names a century ("the 1800s"),
	// twoDigit one written with two digits ("'90s", "90s"), apos one
	// written with a leading apostrophe.
	century, twoDigit, apos bool
	// trim is the number of bytes at the token's end that are not part
	// of the expression (the "'s" of "1998's").
	trim int
	// mid marks a "mid-" prefix ("mid-November"); the other fields
	// describe the rest of the token.
	mid bool
	cap bool
}

// classify computes a token's features. It never panics and does not
// allocate for ordinary words.
func classify(w string) feat {
	var f feat
	if w == "" {
		return f
	}
	f.cap = 'A' <= w[0] && w[0] <= 'Z'
	if len(w) > 4 && hasPrefixFold(w, "mid-") {
		g := classifyPlain(w[4:])
		if g.lex.month > 0 || g.form == fInt || g.form == fDecade || g.form == fYear2 {
			g.mid = true
			g.cap = 'A' <= w[4] && w[4] <= 'Z'
			return g
		}
	}
	g := classifyPlain(w)
	g.cap = f.cap
	return g
}

func classifyPlain(w string) feat {
	var f feat
	f.lex, f.known = lookup(w)
	c := w[0]
	if !isDigit(c) && c != '\'' && !strings.HasPrefix(w, "’") && c != 'Q' {
		return f
	}
	switch {
	case allDigits(w):
		f.form = fInt
		f.n, f.numOK = atoi(w)
		return f
	case isGroupedInt(w):
		f.form = fInt
		f.n, f.numOK = atoi(strings.ReplaceAll(w, ",", ""))
		return f
	}
	if c == 'Q' {
		if len(w) == 2 && '1' <= w[1] && w[1] <= '4' {
			f.form, f.n, f.numOK = fQuarter, int64(w[1]-'0'), true
		}
		return f
	}
	// Apostrophe forms: '98, ’98, '90s, ’90s.
	rest, apos := w, false
	if c == '\'' {
		rest, apos = w[1:], true
	} else if strings.HasPrefix(w, "’") {
		rest, apos = w[len("’"):], true
	}
	if apos {
		if len(rest) == 2 && allDigits(rest) {
			f.form, f.n, f.numOK = fYear2, int64(atoi2(rest)), true
			return f
		}
		if len(rest) == 3 && rest[2] == 's' && allDigits(rest[:2]) && rest[1] == '0' {
			f.form, f.n, f.numOK, f.twoDigit, f.apos = fDecade, int64(atoi2(rest[:2])), true, true, true
			return f
		}
		return f
	}
	// Decades and possessive years: 1990s, 1990's, 1990’s, 90s, 1998's.
	if digits, poss := cutPossessive(w); poss || strings.HasSuffix(w, "s") {
		if !poss {
			digits = w[:len(w)-1]
		}
		if allDigits(digits) {
			switch {
			case len(digits) == 4 && digits[3] == '0':
				n, _ := atoi(digits)
				f.form, f.n, f.numOK = fDecade, n, true
				if digits[2] == '0' && digits[1] != '0' {
					f.century = true
				}
				return f
			case len(digits) == 2 && digits[1] == '0' && !poss:
				f.form, f.n, f.numOK, f.twoDigit = fDecade, int64(atoi2(digits)), true, true
				return f
			case len(digits) == 4 && poss:
				n, _ := atoi(digits)
				f.form, f.n, f.numOK = fPossYear, n, true
				f.trim = len(w) - 4
				return f
			}
		}
	}
	if n, ok := ordinalNumber(w); ok {
		f.form, f.n, f.numOK = fOrdinal, n, true
		return f
	}
	if y, m, d, ok := isoDate(w); ok {
		f.form, f.y, f.m, f.d = fISO, y, m, d
		return f
	}
	if y, m, d, ok := slashDate(w); ok {
		f.form, f.y, f.m, f.d = fSlash, y, m, d
		return f
	}
	if hh, mi, ok := clock(w); ok {
		f.form, f.hh, f.mi = fClock, hh, mi
		return f
	}
	if a, b, ok := strings.Cut(w, "."); ok && allDigits(a) && allDigits(b) {
		f.form = fDecimal
		return f
	}
	return f
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isGroupedInt reports a number with thousands separators: 1,000 or
// 12,500,000.
func isGroupedInt(s string) bool {
	parts := strings.Split(s, ",")
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}

// atoi reads a string of ASCII digits; ok is false when it has more than
// 18 digits, so the value always fits an int64 with room to compute.
func atoi(s string) (int64, bool) {
	if !allDigits(s) || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n, true
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// cutPossessive strips a trailing 's or ’s.
func cutPossessive(w string) (string, bool) {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}

// ordinalNumber reads "14th", "1st", "22nd", "3RD".
func ordinalNumber(w string) (int64, bool) {
	if len(w) < 3 || len(w) > 20 {
		return 0, false
	}
	digits, suf := w[:len(w)-2], strings.ToLower(w[len(w)-2:])
	if !allDigits(digits) {
		return 0, false
	}
	n, ok := atoi(digits)
	if !ok {
		return 0, false
	}
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return n, suf == want
}

// isoDate reads "2022-11-14". The fields are returned as written; whether
// they make a real date is checked later.
func isoDate(w string) (y, m, d int, ok bool) {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' || !allDigits(w[:4]) || !allDigits(w[5:7]) || !allDigits(w[8:]) {
		return 0, 0, 0, false
	}
	yy, _ := atoi(w[:4])
	return int(yy), atoi2(w[5:7]), atoi2(w[8:]), true
}

// slashDate reads a numeric date with slashes: month/day/year in US
// order, the default of US agency copy; day/month/year only when the
// first number cannot be a month (14/11/2022). The year has two or four
// digits; two-digit years are returned below 100 and widened later by the
// pivot rule. ok is false when neither order gives a month and a day in
// range, so "13/45/2022" is not a date at all.
func slashDate(w string) (y, m, d int, ok bool) {
	a, rest, ok1 := strings.Cut(w, "/")
	b, c, ok2 := strings.Cut(rest, "/")
	if !ok1 || !ok2 || len(a) == 0 || len(a) > 2 || len(b) == 0 || len(b) > 2 || (len(c) != 2 && len(c) != 4) ||
		!allDigits(a) || !allDigits(b) || !allDigits(c) {
		return 0, 0, 0, false
	}
	x, _ := atoi(a)
	z, _ := atoi(b)
	yy, _ := atoi(c)
	switch {
	case 1 <= x && x <= 12 && 1 <= z && z <= 31:
		return int(yy), int(x), int(z), true
	case 1 <= z && z <= 12 && 1 <= x && x <= 31:
		return int(yy), int(z), int(x), true
	}
	return 0, 0, 0, false
}

// clock reads "9:30", "14:05" or "9:30:15".
func clock(w string) (hh, mi int, ok bool) {
	h, rest, found := strings.Cut(w, ":")
	if !found || len(h) == 0 || len(h) > 2 || !allDigits(h) {
		return 0, 0, false
	}
	m, s, hasSec := strings.Cut(rest, ":")
	if len(m) != 2 || !allDigits(m) || (hasSec && (len(s) != 2 || !allDigits(s))) {
		return 0, 0, false
	}
	hv, _ := atoi(h)
	if hv > 24 || atoi2(m) > 59 {
		return 0, 0, false
	}
	return int(hv), atoi2(m), true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// fullYear widens a two-digit year by a pivot: with an anchor year A the
// year is put in the hundred years (A-80, A+20], so in 2022 '98 is 1998
// and '25 is 2025; without an anchor 00-29 are 20xx and 30-99 19xx (the
// window of an anchor in 2009). Years given with two digits
// in news are overwhelmingly recent, which is what the window says.
func fullYear(yy int, anchorYear int) int {
	if anchorYear <= 0 {
		if yy < 30 {
			return 2000 + yy
		}
		return 1900 + yy
	}
	c := anchorYear + 20
	y := c - ((c-yy)%100+100)%100
	return y
}

// formatAmount renders a duration amount: digits without separators.
func formatAmount(n int64) string { return strconv.FormatInt(n, 10) }
