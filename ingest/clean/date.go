package clean

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// ParseDate parses a whole string that is nothing but a date, as pages
// print them: "November 22, 2022", "Nov. 22, 2022", "22 November 2022",
// "2023-04-05", "2023-04-05T09:00:00+04:00", "Tuesday, 22 November 2022
// 10:15", "November 2022", "22.11.2022", or an ISO date followed by the
// same date in words and a time with a UTC offset ("2023-04-05 5 April 2023
// 09:00 (UTC+04:00)").
//
// It never searches for a date inside a longer text: any word that is not
// part of the date makes it fail. Two-digit years, impossible days
// (February 30), ambiguous numeric dates (05/04/2023) and a date repeated
// with a different value are rejected. The result's Precision is month,
// day, minute or second; a stated UTC offset sets HasZone and the
// location, otherwise the time is in UTC.
func ParseDate(s string) (crosscheck.Date, bool) {
	if len(s) > 200 {
		return crosscheck.Date{}, false
	}
	p := &dateParser{toks: lexDate(s)}
	d, ok := p.parse()
	if !ok || p.pos != len(p.toks) {
		return crosscheck.Date{}, false
	}
	return d, true
}

// dtok is a token of a date string: a run of digits, a run of letters, or
// one other non-space character.
type dtok struct {
	s    string
	kind byte // 'n' number, 'w' word, 'p' punctuation
}

func lexDate(s string) []dtok {
	var toks []dtok
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, dtok{s[i:j], 'n'})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n
			}
			toks = append(toks, dtok{s[i:j], 'w'})
			i = j
		default:
			toks = append(toks, dtok{s[i : i+size], 'p'})
			i += size
		}
	}
	return toks
}

type dateParser struct {
	toks []dtok
	pos  int
}

func (p *dateParser) peek() (dtok, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return dtok{}, false
}

// punct consumes one punctuation token that is any of the runes in set.
func (p *dateParser) punct(set string) bool {
	t, ok := p.peek()
	if ok && t.kind == 'p' && strings.Contains(set, t.s) {
		p.pos++
		return true
	}
	return false
}

// word consumes a word token equal (ignoring case) to one of ws.
func (p *dateParser) word(ws ...string) bool {
	t, ok := p.peek()
	if !ok || t.kind != 'w' {
		return false
	}
	for _, w := range ws {
		if strings.EqualFold(t.s, w) {
			p.pos++
			return true
		}
	}
	return false
}

// num consumes a number of minDigits to maxDigits digits.
func (p *dateParser) num(minDigits, maxDigits int) (int, bool) {
	t, ok := p.peek()
	if !ok || t.kind != 'n' || len(t.s) < minDigits || len(t.s) > maxDigits {
		return 0, false
	}
	n := 0
	for _, c := range t.s {
		n = n*10 + int(c-'0')
	}
	p.pos++
	return n, true
}

// ymd is a calendar date; month 0 means month precision is missing, day 0
// means the date has month precision.
type ymd struct{ y, m, d int }

// hms is a time of day and an optional UTC offset in seconds.
type hms struct {
	h, m, s    int
	hasSeconds bool
	zone       bool
	offset     int
}

func (p *dateParser) parse() (crosscheck.Date, bool) {
	start := p.pos
	// A time may come first: "10:15 AM EST, Tue November 22, 2022".
	var tm hms
	hasTime := false
	if t, ok := p.clock(); ok {
		tm, hasTime = t, true
		p.punct(",-–—|·•")
	} else {
		p.pos = start
	}
	p.weekday()
	d, ok := p.datePart()
	if !ok {
		return crosscheck.Date{}, false
	}
	// An optional repeat of the same date in another form.
	save := p.pos
	p.punct(",/|·•(")
	p.weekday()
	if d2, ok := p.datePart(); ok {
		if d2 != d {
			return crosscheck.Date{}, false
		}
		p.punct(")")
	} else {
		p.pos = save
	}
	if !hasTime {
		save = p.pos
		p.punct(",-–—|·•@/T")
		p.word("at", "T")
		if t, ok := p.clock(); ok && d.d != 0 {
			tm, hasTime = t, true
		} else {
			p.pos = save
		}
	}
	return buildDate(d, tm, hasTime)
}

func buildDate(d ymd, tm hms, hasTime bool) (crosscheck.Date, bool) {
	if d.d == 0 {
		if hasTime {
			return crosscheck.Date{}, false
		}
		return crosscheck.Date{
			Time:      time.Date(d.y, time.Month(d.m), 1, 0, 0, 0, 0, time.UTC),
			Precision: crosscheck.PrecisionMonth,
		}, true
	}
	if !hasTime {
		return crosscheck.Date{
			Time:      time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC),
			Precision: crosscheck.PrecisionDay,
		}, true
	}
	loc := time.UTC
	if tm.zone && tm.offset != 0 {
		loc = time.FixedZone("", tm.offset)
	}
	out := crosscheck.Date{
		Time:      time.Date(d.y, time.Month(d.m), d.d, tm.h, tm.m, tm.s, 0, loc),
		Precision: crosscheck.PrecisionMinute,
		HasZone:   tm.zone,
	}
	if tm.hasSeconds {
		out.Precision = crosscheck.PrecisionSecond
	}
	return out, true
}

var weekdays = []string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}

// weekday consumes an optional weekday name with its dot and comma.
func (p *dateParser) weekday() {
	if p.word(weekdays...) {
		p.punct(".")
		p.punct(",")
	}
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// month consumes a month name (full or abbreviated, with an optional dot).
func (p *dateParser) month() (int, bool) {
	t, ok := p.peek()
	if !ok || t.kind != 'w' {
		return 0, false
	}
	m, ok := monthNames[strings.ToLower(t.s)]
	if !ok {
		return 0, false
	}
	p.pos++
	p.punct(".")
	return m, true
}

// day consumes a day of the month with an optional ordinal suffix.
func (p *dateParser) day() (int, bool) {
	d, ok := p.num(1, 2)
	if !ok || d < 1 || d > 31 {
		return 0, false
	}
	p.word("st", "nd", "rd", "th")
	return d, true
}

// year consumes a four-digit year in a plausible range for news.
func (p *dateParser) year() (int, bool) {
	y, ok := p.num(4, 4)
	if !ok || y < 1800 || y > 2199 {
		return 0, false
	}
	return y, true
}

// datePart parses one calendar date in any supported form and validates it.
func (p *dateParser) datePart() (ymd, bool) {
	start := p.pos
	for _, form := range []func() (ymd, bool){p.isoDate, p.numericDate, p.monthFirst, p.dayFirst, p.monthYear} {
		p.pos = start
		if d, ok := form(); ok && validDate(d) {
			return d, true
		}
	}
	p.pos = start
	return ymd{}, false
}

func validDate(d ymd) bool {
	if d.m < 1 || d.m > 12 {
		return false
	}
	if d.d == 0 {
		return true
	}
	return d.d <= daysIn(d.m, d.y)
}

// daysIn returns the length of a month; year 0 stands for a leap year.
func daysIn(m, y int) int {
	if y == 0 {
		y = 2000
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// isoDate: 2023-04-05 or 2023/04/05.
func (p *dateParser) isoDate() (ymd, bool) {
	y, ok := p.year()
	if !ok {
		return ymd{}, false
	}
	sep, ok := p.peek()
	if !ok || sep.kind != 'p' || (sep.s != "-" && sep.s != "/" && sep.s != ".") {
		return ymd{}, false
	}
	p.pos++
	m, ok := p.num(1, 2)
	if !ok || !p.punct(sep.s) {
		return ymd{}, false
	}
	d, ok := p.num(1, 2)
	if !ok {
		return ymd{}, false
	}
	return ymd{y, m, d}, true
}

// numericDate: 22.11.2022 (day first), or 11/22/2022 and 22-11-2022 when
// only one reading is possible.
func (p *dateParser) numericDate() (ymd, bool) {
	a, ok := p.num(1, 2)
	if !ok {
		return ymd{}, false
	}
	sep, ok := p.peek()
	if !ok || sep.kind != 'p' || (sep.s != "." && sep.s != "/" && sep.s != "-") {
		return ymd{}, false
	}
	p.pos++
	b, ok := p.num(1, 2)
	if !ok || !p.punct(sep.s) {
		return ymd{}, false
	}
	y, ok := p.year()
	if !ok {
		return ymd{}, false
	}
	switch {
	case sep.s == ".":
		return ymd{y, b, a}, true
	case a > 12 && b <= 12:
		return ymd{y, b, a}, true
	case b > 12 && a <= 12:
		return ymd{y, a, b}, true
	case a == b:
		return ymd{y, a, b}, true
	}
	return ymd{}, false
}

// monthFirst: November 22, 2022 / Nov. 22 2022 / Nov 22nd, 2022.
func (p *dateParser) monthFirst() (ymd, bool) {
	m, ok := p.month()
	if !ok {
		return ymd{}, false
	}
	d, ok := p.day()
	if !ok {
		return ymd{}, false
	}
	p.punct(",")
	y, ok := p.year()
	if !ok {
		return ymd{}, false
	}
	return ymd{y, m, d}, true
}

// dayFirst: 22 November 2022 / 22nd of Nov. 2022 / 22 November, 2022.
func (p *dateParser) dayFirst() (ymd, bool) {
	d, ok := p.day()
	if !ok {
		return ymd{}, false
	}
	p.word("of")
	m, ok := p.month()
	if !ok {
		return ymd{}, false
	}
	p.punct(",")
	y, ok := p.year()
	if !ok {
		return ymd{}, false
	}
	return ymd{y, m, d}, true
}

// monthYear: November 2022.
func (p *dateParser) monthYear() (ymd, bool) {
	m, ok := p.month()
	if !ok {
		return ymd{}, false
	}
	p.punct(",")
	y, ok := p.year()
	if !ok {
		return ymd{}, false
	}
	return ymd{y, m, 0}, true
}

// clock parses a time of day with optional seconds, am/pm and zone:
// "09:00", "10:15:30", "10:15 AM", "9:05 p.m. EST", "09:00 (UTC+04:00)",
// "09:00:00+04:00", "09:00Z".
func (p *dateParser) clock() (hms, bool) {
	h, ok := p.num(1, 2)
	if !ok || !p.punct(":") {
		return hms{}, false
	}
	m, ok := p.num(2, 2)
	if !ok || m > 59 {
		return hms{}, false
	}
	t := hms{h: h, m: m}
	save := p.pos
	if p.punct(":") {
		s, ok := p.num(2, 2)
		if !ok || s > 60 {
			p.pos = save
		} else {
			t.s, t.hasSeconds = min(s, 59), true
			save = p.pos
			if p.punct(".,") {
				if _, ok := p.num(1, 9); !ok {
					p.pos = save
				}
			}
		}
	}
	if pm, ok := p.meridiem(); ok {
		if t.h < 1 || t.h > 12 {
			return hms{}, false
		}
		t.h %= 12
		if pm {
			t.h += 12
		}
	}
	if t.h > 23 {
		return hms{}, false
	}
	if off, ok := p.zone(); ok {
		t.zone, t.offset = true, off
	}
	return t, true
}

// meridiem consumes "am", "pm", "a.m." or "p.m." and reports whether it
// was pm.
func (p *dateParser) meridiem() (pm bool, ok bool) {
	save := p.pos
	switch {
	case p.word("am", "pm"):
		pm = strings.EqualFold(p.toks[p.pos-1].s, "pm")
		return pm, true
	case p.word("a", "p"):
		pm = strings.EqualFold(p.toks[p.pos-1].s, "p")
		if p.punct(".") && p.word("m") {
			p.punct(".")
			return pm, true
		}
	}
	p.pos = save
	return false, false
}

// zoneAbbrev maps unambiguous time-zone abbreviations to UTC offsets in
// hours. Ambiguous ones (IST, BST, AST, CST in Asia) are left out.
var zoneAbbrev = map[string]float64{
	"utc": 0, "gmt": 0, "z": 0,
	"est": -5, "edt": -4, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
	"cet": 1, "cest": 2, "eet": 2, "eest": 3, "wet": 0, "west": 1, "msk": 3,
	"irst": 3.5, "azt": 4, "trt": 3,
}

// zone consumes a UTC offset: "+04:00", "+0400", "-5", "Z", "UTC",
// "UTC+04:00", "GMT+4", "(UTC+04:00)", "EST". It returns the offset in
// seconds.
func (p *dateParser) zone() (int, bool) {
	save := p.pos
	paren := p.punct("(")
	off, ok := 0, false
	if t, isTok := p.peek(); isTok && t.kind == 'w' {
		if h, known := zoneAbbrev[strings.ToLower(t.s)]; known {
			p.pos++
			off, ok = int(h*3600), true
			if strings.EqualFold(t.s, "utc") || strings.EqualFold(t.s, "gmt") {
				if o, signed := p.signedOffset(); signed {
					off = o
				}
			}
		}
	} else if o, signed := p.signedOffset(); signed {
		off, ok = o, true
	}
	if !ok || (paren && !p.punct(")")) {
		p.pos = save
		return 0, false
	}
	return off, true
}

// signedOffset consumes "+04:00", "+0400", "+4", "−03:30" or "-5".
func (p *dateParser) signedOffset() (int, bool) {
	save := p.pos
	sign := 0
	switch {
	case p.punct("+"):
		sign = 1
	case p.punct("-−"):
		sign = -1
	default:
		return 0, false
	}
	t, ok := p.peek()
	if !ok || t.kind != 'n' {
		p.pos = save
		return 0, false
	}
	var h, m int
	switch len(t.s) {
	case 1, 2:
		h, _ = p.num(1, 2)
		if p.punct(":") {
			var ok bool
			if m, ok = p.num(2, 2); !ok {
				p.pos = save
				return 0, false
			}
		}
	case 4:
		v, _ := p.num(4, 4)
		h, m = v/100, v%100
	default:
		p.pos = save
		return 0, false
	}
	if h > 14 || m > 59 {
		p.pos = save
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// parseMonthDay parses a year-less date such as "Nov 2", "March 3rd" or
// "2 November", as agency datelines print them. February 29 is allowed.
func parseMonthDay(s string) (month, day int, ok bool) {
	if len(s) > 40 {
		return 0, 0, false
	}
	p := &dateParser{toks: lexDate(s)}
	p.weekday()
	start := p.pos
	if m, ok := p.month(); ok {
		if d, ok := p.day(); ok && p.pos == len(p.toks) && d <= daysIn(m, 0) {
			return m, d, true
		}
	}
	p.pos = start
	if d, ok := p.day(); ok {
		p.word("of")
		if m, ok := p.month(); ok && p.pos == len(p.toks) && d <= daysIn(m, 0) {
			return m, d, true
		}
	}
	return 0, 0, false
}

// resolveYear gives a year-less month and day the latest year that does
// not put it after ref (the document's date). It returns the zero Date when
// ref is unknown.
func resolveYear(month, day int, ref crosscheck.Date) crosscheck.Date {
	if !ref.Known() {
		return crosscheck.Date{}
	}
	rt := ref.Time
	refDay := time.Date(rt.Year(), rt.Month(), rt.Day(), 0, 0, 0, 0, time.UTC)
	for y := rt.Year(); y > rt.Year()-8; y-- {
		if day > daysIn(month, y) {
			continue
		}
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if ref.Precision == crosscheck.PrecisionYear {
			return crosscheck.Date{Time: t, Precision: crosscheck.PrecisionDay}
		}
		if ref.Precision == crosscheck.PrecisionMonth && t.Year() == rt.Year() && t.Month() <= rt.Month() {
			return crosscheck.Date{Time: t, Precision: crosscheck.PrecisionDay}
		}
		if !t.After(refDay) {
			return crosscheck.Date{Time: t, Precision: crosscheck.PrecisionDay}
		}
	}
	return crosscheck.Date{}
}
