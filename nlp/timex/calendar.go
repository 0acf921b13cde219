package timex

import (
	"fmt"
	"time"
)

// period is a calendar period of one unit, with its first and last day
// (inclusive, midnight UTC).
type period struct {
	u    unit
	b, e time.Time
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDate reports whether y-m-d exists: February 30 does not.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := day(y, m, d)
	return t.Day() == d && int(t.Month()) == m
}

// validMonthDay reports whether m-d exists in some year (February 29
// does, in leap years).
func validMonthDay(m, d int) bool { return validDate(2000, m, d) }

func inRange(y int) bool { return 1 <= y && y <= 9999 }

// periodOf returns the period of unit u that holds t.
func periodOf(u unit, t time.Time) period {
	y, mo, _ := t.Date()
	m := int(mo)
	switch u {
	case uWeek, uWeekend:
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		mon := t.AddDate(0, 0, 1-wd)
		if u == uWeekend {
			sat := mon.AddDate(0, 0, 5)
			return period{u, sat, sat.AddDate(0, 0, 1)}
		}
		return period{u, mon, mon.AddDate(0, 0, 6)}
	case uMonth:
		b := day(y, m, 1)
		return period{u, b, b.AddDate(0, 1, -1)}
	case uQuarter:
		b := day(y, (m-1)/3*3+1, 1)
		return period{u, b, b.AddDate(0, 3, -1)}
	case uHalf:
		b := day(y, (m-1)/6*6+1, 1)
		return period{u, b, b.AddDate(0, 6, -1)}
	case uSeason:
		// Meteorological seasons: winter is December to February and
		// belongs to the year of its January.
		var b time.Time
		switch {
		case m == 12:
			b = day(y, 12, 1)
		case m <= 2:
			b = day(y-1, 12, 1)
		default:
			b = day(y, m/3*3, 1)
		}
		return period{u, b, b.AddDate(0, 3, -1)}
	case uYear:
		return period{u, day(y, 1, 1), day(y, 12, 31)}
	case uDecade:
		dy := y - y%10
		return period{u, day(dy, 1, 1), day(dy+9, 12, 31)}
	case uCentury:
		cy := y - y%100
		return period{u, day(cy, 1, 1), day(cy+99, 12, 31)}
	}
	d := day(y, m, t.Day())
	return period{uDay, d, d}
}

// seasonPeriod is the season code ("SU") of year y: winter y runs from
// December y-1 to February y.
func seasonPeriod(code string, y int) period {
	switch code {
	case "SP":
		return periodOf(uSeason, day(y, 4, 1))
	case "SU":
		return periodOf(uSeason, day(y, 7, 1))
	case "FA":
		return periodOf(uSeason, day(y, 10, 1))
	}
	return periodOf(uSeason, day(y, 1, 1))
}

// maxShift bounds shifts so that dates stay within years 1..9999.
const maxShift = 4_000_000

// shift moves a period by n units.
func (p period) shift(n int64) (period, bool) {
	if n > maxShift || n < -maxShift {
		return period{}, false
	}
	k := int(n)
	var t time.Time
	switch p.u {
	case uDay:
		t = p.b.AddDate(0, 0, k)
	case uWeek, uWeekend:
		t = p.b.AddDate(0, 0, 7*k)
	case uMonth:
		t = p.b.AddDate(0, k, 0)
	case uQuarter, uSeason:
		t = p.b.AddDate(0, 3*k, 0)
	case uHalf:
		t = p.b.AddDate(0, 6*k, 0)
	case uYear:
		t = p.b.AddDate(k, 0, 0)
	case uDecade:
		t = p.b.AddDate(10*k, 0, 0)
	case uCentury:
		t = p.b.AddDate(100*k, 0, 0)
	default:
		return period{}, false
	}
	q := periodOf(p.u, t)
	if !inRange(q.b.Year()) || !inRange(q.e.Year()) {
		return period{}, false
	}
	return q, true
}

// value renders the period as a TIMEX3 value.
func (p period) value() string {
	y := p.b.Year()
	switch p.u {
	case uDay:
		return p.b.Format("2006-01-02")
	case uWeek:
		iy, iw := p.b.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", iy, iw)
	case uWeekend:
		iy, iw := p.b.ISOWeek()
		return fmt.Sprintf("%04d-W%02d-WE", iy, iw)
	case uMonth:
		return p.b.Format("2006-01")
	case uQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(p.b.Month())-1)/3+1)
	case uHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(p.b.Month())-1)/6+1)
	case uSeason:
		switch p.b.Month() {
		case 3:
			return fmt.Sprintf("%04d-SP", y)
		case 6:
			return fmt.Sprintf("%04d-SU", y)
		case 9:
			return fmt.Sprintf("%04d-FA", y)
		}
		return fmt.Sprintf("%04d-WI", p.e.Year())
	case uYear:
		return fmt.Sprintf("%04d", y)
	case uDecade:
		return fmt.Sprintf("%03dX", y/10)
	case uCentury:
		return fmt.Sprintf("%02dXX", y/100)
	}
	return ""
}

// withMod narrows a period to the part a START, MID or END modifier
// names: thirds of a month (1-10, 11-20, 21-end), of a year (January-April,
// May-August, September-December), of a week (Monday-Tuesday,
// Wednesday-Thursday, Friday-Sunday), of a decade (0-3, 4-6, 7-9), of a
// century (00-32, 33-65, 66-99), and the months of a quarter or season.
func (p period) withMod(mod string) (time.Time, time.Time) {
	part := 0
	switch mod {
	case "START":
		part = 1
	case "MID":
		part = 2
	case "END":
		part = 3
	default:
		return p.b, p.e
	}
	y, m := p.b.Year(), int(p.b.Month())
	switch p.u {
	case uMonth:
		switch part {
		case 1:
			return p.b, day(y, m, 10)
		case 2:
			return day(y, m, 11), day(y, m, 20)
		}
		return day(y, m, 21), p.e
	case uYear:
		b := day(y, 4*(part-1)+1, 1)
		return b, b.AddDate(0, 4, -1)
	case uWeek:
		switch part {
		case 1:
			return p.b, p.b.AddDate(0, 0, 1)
		case 2:
			return p.b.AddDate(0, 0, 2), p.b.AddDate(0, 0, 3)
		}
		return p.b.AddDate(0, 0, 4), p.e
	case uQuarter, uSeason:
		b := p.b.AddDate(0, part-1, 0)
		return b, b.AddDate(0, 1, -1)
	case uHalf:
		b := p.b.AddDate(0, 2*(part-1), 0)
		return b, b.AddDate(0, 2, -1)
	case uDecade:
		from := [4]int{0, 0, 4, 7}[part]
		to := [4]int{0, 3, 6, 9}[part]
		return day(y+from, 1, 1), day(y+to, 12, 31)
	case uCentury:
		from := [4]int{0, 0, 33, 66}[part]
		to := [4]int{0, 32, 65, 99}[part]
		return day(y+from, 1, 1), day(y+to, 12, 31)
	}
	return p.b, p.e
}

func dateString(t time.Time) string { return t.Format("2006-01-02") }

// daysBetween is the distance in days from a to the period: 0 when the
// period holds a.
func (p period) distance(a time.Time) int64 {
	switch {
	case a.Before(p.b):
		return int64(p.b.Sub(a).Hours() / 24)
	case a.After(p.e):
		return int64(a.Sub(p.e).Hours() / 24)
	}
	return 0
}

// easterSunday computes the date of Easter Sunday in the Gregorian
// calendar (the anonymous Gregorian algorithm).
func easterSunday(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, month, dd)
}
