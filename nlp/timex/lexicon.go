package timex

// unit is a unit of time: the granularity of a calendar period, the unit
// of a shift ("two years ago") and of a duration or set.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalf
	uSeason
	uYear
	uDecade
	uCentury
)

// granularity names a unit as Timex.Granularity does.
func (u unit) granularity() string {
	switch u {
	case uSecond:
		return "second"
	case uMinute:
		return "minute"
	case uHour:
		return "hour"
	case uDay:
		return "day"
	case uWeek, uWeekend:
		return "week"
	case uMonth:
		return "month"
	case uQuarter:
		return "quarter"
	case uHalf:
		return "half"
	case uSeason:
		return "season"
	case uYear:
		return "year"
	case uDecade:
		return "decade"
	case uCentury:
		return "century"
	}
	return ""
}

// code is the unit's letter in a TIMEX3 duration ("P3DE"), and whether it
// belongs after the "T" that starts the time part ("PT2H").
func (u unit) code() (string, bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeek:
		return "W", false
	case uWeekend:
		return "WE", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uSeason:
		return "SE", false
	case uYear:
		return "Y", false
	case uDecade:
		return "DE", false
	case uCentury:
		return "CE", false
	}
	return "", false
}

// word is the role of a function word in time expressions.
type word uint8

const (
	wNone word = iota
	wThe
	wThis
	wThat
	wLast
	wNext
	wPast
	wComing
	wPrevious
	wFollowing
	wSame
	wAgo
	wEarly
	wMid
	wLate
	wEarlier
	wLater
	wEnd
	wBeginning
	wMiddle
	wOf
	wEvery
	wEach
	wPer
	wOnce
	wTwice
	wTimes
	wApprox // about, around, roughly, approximately, some
	wMore
	wLess
	wThan
	wAt
	wLeast
	wNearly // nearly, almost
	wOver
	wUnder
	wUp
	wTo
	wRecent
	wVague // few, several, many
	wA
	wCouple
	wDozen
	wDozens // dozens, hundreds, thousands
	wFrom
	wNow
	wToday
	wYesterday
	wTomorrow
	wTonight
	wRecently
	wFuture
	wBefore
	wAfter
	wAnd
	wAM
	wPM
	wNoon
	wMidnight
	wOclock
	wZone
	wLocal
	wTime
	wNear
	wDistant
	wOther
	wJust
	wNo
	wOne
	wDay // "day" as in "the day before yesterday"
	wOvernight
)

// lex is what the lexicon knows about a lower-cased word. A word can be
// several things at once ("second" is an ordinal and a unit; "may" a
// month).
type lex struct {
	w        word
	month    int8 // 1..12
	abbr     bool // an abbreviated month or weekday ("Nov", "Nov.", "Tue")
	ambig    bool // a month name that is also a common word (May, March)
	wd       int8 // ISO weekday 1 (Monday) .. 7
	plural   bool // a plural unit or weekday ("years", "Mondays")
	unit     unit
	num      int16 // a number word's value, 0 if none
	tens     bool  // twenty .. ninety: may take "-five"
	scale    int16 // hundred, thousand: multiplies what comes before
	ord      int16 // an ordinal word's value
	pod      string
	season   string
	cue      bool // a preposition or modifier that licenses a lone month
	setUnit  unit // adverbs of frequency: daily, weekly …
	setPod   string
	hasValue bool
}

var lexicon = map[string]lex{}

func add(words []string, l lex) {
	for _, w := range words {
		e := lexicon[w]
		if l.w != wNone {
			e.w = l.w
		}
		if l.month != 0 {
			e.month, e.abbr, e.ambig = l.month, l.abbr, l.ambig
		}
		if l.wd != 0 {
			e.wd, e.abbr = l.wd, l.abbr
			e.plural = l.plural
		}
		if l.unit != uNone {
			e.unit, e.plural = l.unit, l.plural
		}
		if l.num != 0 {
			e.num, e.tens = l.num, l.tens
		}
		if l.scale != 0 {
			e.scale = l.scale
		}
		if l.ord != 0 {
			e.ord = l.ord
		}
		if l.pod != "" {
			e.pod = l.pod
		}
		if l.season != "" {
			e.season = l.season
		}
		if l.cue {
			e.cue = true
		}
		if l.setUnit != uNone || l.setPod != "" {
			e.setUnit, e.setPod = l.setUnit, l.setPod
		}
		e.hasValue = true
		lexicon[w] = e
	}
}

func init() {
	months := [][]string{
		{"january", "jan", "jan."},
		{"february", "feb", "feb."},
		{"march", "mar", "mar."},
		{"april", "apr", "apr."},
		{"may"},
		{"june", "jun", "jun."},
		{"july", "jul", "jul."},
		{"august", "aug", "aug."},
		{"september", "sep", "sep.", "sept", "sept."},
		{"october", "oct", "oct."},
		{"november", "nov", "nov."},
		{"december", "dec", "dec."},
	}
	for i, names := range months {
		for j, n := range names {
			add([]string{n}, lex{month: int8(i + 1), abbr: j > 0, ambig: n == "may" || n == "march" || n == "june" || n == "august" || n == "mar" || n == "jan" || n == "jun"})
		}
	}
	days := [][]string{
		{"monday", "mon", "mon."},
		{"tuesday", "tue", "tue.", "tues", "tues."},
		{"wednesday", "wed", "wed."},
		{"thursday", "thu", "thu.", "thur", "thur.", "thurs", "thurs."},
		{"friday", "fri", "fri."},
		{"saturday", "sat", "sat."},
		{"sunday", "sun", "sun."},
	}
	for i, names := range days {
		for j, n := range names {
			add([]string{n}, lex{wd: int8(i + 1), abbr: j > 0})
		}
		add([]string{names[0] + "s"}, lex{wd: int8(i + 1), plural: true})
	}
	units := []struct {
		sg, pl []string
		u      unit
	}{
		{[]string{"second", "sec"}, []string{"seconds", "secs"}, uSecond},
		{[]string{"minute", "min"}, []string{"minutes", "mins"}, uMinute},
		{[]string{"hour", "hr"}, []string{"hours", "hrs"}, uHour},
		{[]string{"day"}, []string{"days"}, uDay},
		{[]string{"week"}, []string{"weeks"}, uWeek},
		{[]string{"weekend"}, []string{"weekends"}, uWeekend},
		{[]string{"month"}, []string{"months"}, uMonth},
		{[]string{"quarter"}, []string{"quarters"}, uQuarter},
		{[]string{"year", "yr"}, []string{"years", "yrs"}, uYear},
		{[]string{"decade"}, []string{"decades"}, uDecade},
		{[]string{"century"}, []string{"centuries"}, uCentury},
	}
	for _, u := range units {
		add(u.sg, lex{unit: u.u})
		add(u.pl, lex{unit: u.u, plural: true})
	}
	nums := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i := 1; i < len(nums); i++ {
		add([]string{nums[i]}, lex{num: int16(i)})
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i := 2; i < len(tens); i++ {
		add([]string{tens[i]}, lex{num: int16(10 * i), tens: true})
	}
	add([]string{"hundred"}, lex{scale: 100})
	add([]string{"thousand"}, lex{scale: 1000})
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
		"twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"}
	for i := 1; i < len(ords); i++ {
		add([]string{ords[i]}, lex{ord: int16(i)})
	}
	pods := map[string][]string{
		"MO": {"morning", "mornings"},
		"AF": {"afternoon", "afternoons"},
		"EV": {"evening", "evenings"},
		"NI": {"night", "nights"},
	}
	for p, ws := range pods {
		add(ws, lex{pod: p})
	}
	seasons := map[string][]string{"SP": {"spring"}, "SU": {"summer"}, "FA": {"autumn", "fall"}, "WI": {"winter"}}
	for s, ws := range seasons {
		add(ws, lex{season: s})
	}
	fw := []struct {
		w  word
		ws []string
	}{
		{wThe, []string{"the"}},
		{wThis, []string{"this"}},
		{wThat, []string{"that"}},
		{wLast, []string{"last"}},
		{wNext, []string{"next"}},
		{wPast, []string{"past"}},
		{wComing, []string{"coming", "upcoming"}},
		{wPrevious, []string{"previous", "preceding", "prior"}},
		{wFollowing, []string{"following", "subsequent"}},
		{wSame, []string{"same"}},
		{wAgo, []string{"ago"}},
		{wEarly, []string{"early"}},
		{wMid, []string{"mid", "mid-"}},
		{wLate, []string{"late"}},
		{wEarlier, []string{"earlier"}},
		{wLater, []string{"later"}},
		{wEnd, []string{"end", "close"}},
		{wBeginning, []string{"beginning", "start"}},
		{wMiddle, []string{"middle"}},
		{wOf, []string{"of"}},
		{wEvery, []string{"every"}},
		{wEach, []string{"each"}},
		{wPer, []string{"per"}},
		{wOnce, []string{"once"}},
		{wTwice, []string{"twice"}},
		{wTimes, []string{"times"}},
		{wApprox, []string{"about", "around", "roughly", "approximately", "some"}},
		{wNearly, []string{"nearly", "almost"}},
		{wMore, []string{"more"}},
		{wLess, []string{"less", "fewer"}},
		{wThan, []string{"than"}},
		{wAt, []string{"at"}},
		{wLeast, []string{"least"}},
		{wOver, []string{"over"}},
		{wUnder, []string{"under"}},
		{wUp, []string{"up"}},
		{wTo, []string{"to"}},
		{wRecent, []string{"recent"}},
		{wVague, []string{"few", "several", "many"}},
		{wA, []string{"a", "an", "another"}},
		{wCouple, []string{"couple"}},
		{wDozen, []string{"dozen"}},
		{wDozens, []string{"dozens", "hundreds", "thousands"}},
		{wFrom, []string{"from"}},
		{wNow, []string{"now", "currently", "nowadays"}},
		{wToday, []string{"today"}},
		{wYesterday, []string{"yesterday"}},
		{wTomorrow, []string{"tomorrow"}},
		{wTonight, []string{"tonight"}},
		{wRecently, []string{"recently", "lately"}},
		{wFuture, []string{"future"}},
		{wBefore, []string{"before"}},
		{wAfter, []string{"after"}},
		{wAnd, []string{"and"}},
		{wAM, []string{"a.m.", "am", "a.m"}},
		{wPM, []string{"p.m.", "pm", "p.m"}},
		{wNoon, []string{"noon", "midday"}},
		{wMidnight, []string{"midnight"}},
		{wOclock, []string{"o'clock", "o’clock"}},
		{wZone, []string{"gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pst", "pdt", "pt", "cst", "cdt", "msk", "eet", "eest", "ist", "jst"}},
		{wLocal, []string{"local"}},
		{wTime, []string{"time"}},
		{wNear, []string{"near"}},
		{wDistant, []string{"distant"}},
		{wOther, []string{"other"}},
		{wJust, []string{"just"}},
		{wNo, []string{"no"}},
		{wOvernight, []string{"overnight"}},
	}
	for _, f := range fw {
		add(f.ws, lex{w: f.w})
	}
	for _, c := range []string{"in", "since", "until", "till", "by", "of", "during", "from", "through", "to", "before", "after", "early", "late", "mid", "last", "next", "this", "that", "between", "and", "or", "throughout", "on", "for", "as", "into", "past", "each", "every", "around", "about", "before", "since", "late-", "early-"} {
		add([]string{c}, lex{cue: true})
	}
	sets := []struct {
		u  unit
		ws []string
	}{
		{uDay, []string{"daily"}},
		{uWeek, []string{"weekly"}},
		{uMonth, []string{"monthly"}},
		{uYear, []string{"annually", "yearly"}},
		{uHour, []string{"hourly"}},
		{uQuarter, []string{"quarterly"}},
	}
	for _, s := range sets {
		add(s.ws, lex{setUnit: s.u})
	}
	add([]string{"nightly"}, lex{setPod: "NI"})
}

// lookup returns the lexicon entry of w, compared case-insensitively. It
// does not allocate.
func lookup(w string) (lex, bool) {
	if len(w) > 24 {
		return lex{}, false
	}
	var buf [24]byte
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	l, ok := lexicon[string(b)]
	return l, ok
}
