// Package machinedate parses dates as machines write them in page
// metadata and feeds: ISO 8601 / RFC 3339 (with or without seconds and
// offset, date only) and RFC 822 / RFC 1123 with named or numeric zones.
// It keeps the precision and whether a UTC offset was stated. Dates in
// prose ("November 22, 2022") are the text cleaner's business.
package machinedate

import (
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Parse reads a machine-written date: ISO 8601 / RFC 3339 (date only,
// or with minutes, seconds and fractions, with or without a UTC offset) and
// RFC 822 / RFC 1123 as used in feeds and HTTP ("Tue, 05 Mar 2024 09:30:00
// +0200", "5 March 2024 09:30 GMT", "Mar 5, 2024 9:30 PM EST"). It keeps the
// stated offset (HasZone) and the precision as written; it never guesses a
// missing year or day. Zone abbreviations other than UT/UTC/GMT/Z and the
// North American ones of RFC 822 are ambiguous (IST, BST, CST in China), so
// they leave HasZone false rather than pick an offset.
func Parse(s string) (crosscheck.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 64 {
		return crosscheck.Date{}, false
	}
	if d, ok := parseISO(s); ok {
		return d, true
	}
	return parseRFC822(s)
}

// dateParts is a parsed date before validation.
type dateParts struct {
	year, month, day  int
	hour, minute, sec int
	nsec              int
	precision         crosscheck.Precision
	hasZone           bool
	offset            int // seconds east of UTC
}

func (p dateParts) date() (crosscheck.Date, bool) {
	if p.year < 1 || p.year > 9999 || p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 {
		return crosscheck.Date{}, false
	}
	if p.hour > 23 || p.minute > 59 || p.sec > 60 || p.hour < 0 || p.minute < 0 || p.sec < 0 {
		return crosscheck.Date{}, false
	}
	if p.sec == 60 { // a leap second as written; Go cannot hold it
		p.sec = 59
	}
	if p.offset < -14*3600 || p.offset > 14*3600 {
		return crosscheck.Date{}, false
	}
	loc := time.UTC
	if p.hasZone && p.offset != 0 {
		loc = time.FixedZone("", p.offset)
	}
	if p.precision == crosscheck.PrecisionDay {
		p.hour, p.minute, p.sec, p.nsec = 0, 0, 0, 0
	}
	if p.precision == crosscheck.PrecisionMinute {
		p.sec, p.nsec = 0, 0
	}
	t := time.Date(p.year, time.Month(p.month), p.day, p.hour, p.minute, p.sec, p.nsec, loc)
	if t.Day() != p.day { // 31 April and the like
		return crosscheck.Date{}, false
	}
	return crosscheck.Date{Time: t, Precision: p.precision, HasZone: p.hasZone}, true
}

// digits reads exactly n ASCII digits at the start of s.
func digits(s string, n int) (int, bool) {
	if len(s) < n {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func parseISO(s string) (crosscheck.Date, bool) {
	var p dateParts
	var ok1, ok2, ok3 bool
	p.year, ok1 = digits(s, 4)
	if !ok1 || len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return crosscheck.Date{}, false
	}
	p.month, ok2 = digits(s[5:], 2)
	p.day, ok3 = digits(s[8:], 2)
	if !ok2 || !ok3 {
		return crosscheck.Date{}, false
	}
	rest := s[10:]
	p.precision = crosscheck.PrecisionDay
	if rest == "" {
		return p.date()
	}
	if c := rest[0]; c != 'T' && c != 't' && c != ' ' {
		return crosscheck.Date{}, false
	}
	rest = rest[1:]
	var okH, okM bool
	p.hour, okH = digits(rest, 2)
	if !okH || len(rest) < 5 || rest[2] != ':' {
		return crosscheck.Date{}, false
	}
	p.minute, okM = digits(rest[3:], 2)
	if !okM {
		return crosscheck.Date{}, false
	}
	p.precision = crosscheck.PrecisionMinute
	rest = rest[5:]
	if len(rest) >= 3 && rest[0] == ':' {
		sec, ok := digits(rest[1:], 2)
		if !ok {
			return crosscheck.Date{}, false
		}
		p.sec = sec
		p.precision = crosscheck.PrecisionSecond
		rest = rest[3:]
		if len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') {
			n := 1
			for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n == 1 {
				return crosscheck.Date{}, false
			}
			frac := rest[1:n]
			if len(frac) > 9 {
				frac = frac[:9]
			}
			v, _ := strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			p.nsec = v
			rest = rest[n:]
		}
	}
	if !parseZone(strings.TrimSpace(rest), &p) {
		return crosscheck.Date{}, false
	}
	return p.date()
}

// parseZone reads what follows the time of day: nothing, Z, UTC/GMT, a
// numeric offset (+02:00, +0200, +02, GMT+0200), or an abbreviation,
// optionally followed by a parenthesised or bare zone name ("-0500 (EST)").
func parseZone(z string, p *dateParts) bool {
	if z == "" {
		return true
	}
	fields := strings.Fields(z)
	first := fields[0]
	if len(fields) > 2 {
		return false
	}
	if len(fields) == 2 && !isZoneComment(fields[1]) {
		return false
	}
	up := strings.ToUpper(first)
	if rest, ok := strings.CutPrefix(up, "GMT"); ok && rest != "" {
		first, up = rest, rest
	} else if rest, ok := strings.CutPrefix(up, "UTC"); ok && rest != "" {
		first, up = rest, rest
	}
	if first[0] == '+' || first[0] == '-' {
		off, ok := numericOffset(first[1:])
		if !ok {
			return false
		}
		if first[0] == '-' {
			off = -off
		}
		p.hasZone, p.offset = true, off
		return true
	}
	if off, ok := zoneNames[up]; ok {
		p.hasZone, p.offset = true, off
		return true
	}
	// A name we cannot resolve: keep the wall time, state no zone.
	for _, r := range up {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return len(up) >= 2 && len(up) <= 5
}

func isZoneComment(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	if len(s) < 1 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}

// numericOffset reads "02:00", "0200" or "02" as seconds.
func numericOffset(s string) (int, bool) {
	h, ok := digits(s, 2)
	if !ok {
		return 0, false
	}
	var m int
	switch {
	case len(s) == 2:
	case len(s) == 4:
		m, ok = digits(s[2:], 2)
	case len(s) == 5 && s[2] == ':':
		m, ok = digits(s[3:], 2)
	default:
		ok = false
	}
	if !ok || h > 14 || m > 59 {
		return 0, false
	}
	return h*3600 + m*60, true
}

// zoneNames are the zone names RFC 822 defines (military letters aside,
// whose sign was famously inverted in practice) plus UTC.
var zoneNames = map[string]int{
	"Z": 0, "UT": 0, "UTC": 0, "GMT": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayNames = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true,
	"thursday": true, "fri": true, "friday": true, "sat": true, "saturday": true,
	"sun": true, "sunday": true,
}

// parseRFC822 reads "[Weekday,] D Month YYYY [hh:mm[:ss] [AM|PM]] [zone]"
// and "[Weekday,] Month D, YYYY [...]".
func parseRFC822(s string) (crosscheck.Date, bool) {
	toks := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(toks) < 3 {
		return crosscheck.Date{}, false
	}
	if weekdayNames[strings.ToLower(strings.TrimSuffix(toks[0], "."))] {
		toks = toks[1:]
	}
	if len(toks) < 3 {
		return crosscheck.Date{}, false
	}
	var p dateParts
	month := func(t string) (int, bool) {
		m, ok := monthNames[strings.ToLower(strings.TrimSuffix(t, "."))]
		return m, ok
	}
	day := func(t string) (int, bool) {
		if len(t) < 1 || len(t) > 2 {
			return 0, false
		}
		d, err := strconv.Atoi(t)
		return d, err == nil
	}
	var ok1, ok2 bool
	if p.day, ok1 = day(toks[0]); ok1 {
		p.month, ok2 = month(toks[1])
	} else if p.month, ok1 = month(toks[0]); ok1 {
		p.day, ok2 = day(toks[1])
	}
	if !ok1 || !ok2 {
		return crosscheck.Date{}, false
	}
	y := toks[2]
	switch len(y) {
	case 4:
		v, ok := digits(y, 4)
		if !ok {
			return crosscheck.Date{}, false
		}
		p.year = v
	case 2: // RFC 822 two-digit years
		v, ok := digits(y, 2)
		if !ok {
			return crosscheck.Date{}, false
		}
		if v < 50 {
			p.year = 2000 + v
		} else {
			p.year = 1900 + v
		}
	default:
		return crosscheck.Date{}, false
	}
	toks = toks[3:]
	p.precision = crosscheck.PrecisionDay
	if len(toks) == 0 {
		return p.date()
	}
	if !parseClock(toks[0], &p) {
		return crosscheck.Date{}, false
	}
	toks = toks[1:]
	if len(toks) > 0 {
		switch strings.ToUpper(toks[0]) {
		case "AM", "PM", "A.M.", "P.M.":
			if !meridiem(strings.ToUpper(toks[0])[0] == 'P', &p) {
				return crosscheck.Date{}, false
			}
			toks = toks[1:]
		}
	}
	if !parseZone(strings.Join(toks, " "), &p) {
		return crosscheck.Date{}, false
	}
	return p.date()
}

// parseClock reads "9:30", "09:30:00" or "9:30pm".
func parseClock(t string, p *dateParts) bool {
	lower := strings.ToLower(t)
	pm, am := strings.HasSuffix(lower, "pm"), strings.HasSuffix(lower, "am")
	if pm || am {
		t = t[:len(t)-2]
	}
	parts := strings.Split(t, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, part := range parts {
		if len(part) < 1 || len(part) > 2 || (i > 0 && len(part) != 2) {
			return false
		}
		v, ok := digits(part, len(part))
		if !ok {
			return false
		}
		switch i {
		case 0:
			p.hour = v
		case 1:
			p.minute = v
		case 2:
			p.sec = v
		}
	}
	p.precision = crosscheck.PrecisionMinute
	if len(parts) == 3 {
		p.precision = crosscheck.PrecisionSecond
	}
	if pm || am {
		return meridiem(pm, p)
	}
	return true
}

func meridiem(pm bool, p *dateParts) bool {
	if p.hour < 1 || p.hour > 12 {
		return false
	}
	if p.hour == 12 {
		p.hour = 0
	}
	if pm {
		p.hour += 12
	}
	return true
}
