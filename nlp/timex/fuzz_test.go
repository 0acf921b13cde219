package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/token"
)

var validTypes = map[string]bool{
	crosscheck.TimexDate: true, crosscheck.TimexTime: true, crosscheck.TimexDuration: true, crosscheck.TimexSet: true,
}

// checkFind asserts the invariants of Find's output.
func checkFind(t *testing.T, text string, sents []crosscheck.Sentence, opt Options) {
	t.Helper()
	got := Find(text, sents, opt)
	for i, x := range got {
		if !x.Span.Valid(len(text)) || x.Span.Start >= x.Span.End || text[x.Span.Start:x.Span.End] != x.Text {
			t.Fatalf("bad span %+v %q", x.Span, x.Text)
		}
		if i > 0 && less(x.Span, got[i-1].Span) {
			t.Fatalf("not ordered: %+v before %+v", got[i-1].Span, x.Span)
		}
		if !validTypes[x.Type] {
			t.Fatalf("%q: type %q", x.Text, x.Type)
		}
		if (x.Begin == "") != (x.End == "") && !strings.HasSuffix(x.Value, "_REF") {
			t.Fatalf("%q: half an interval %q..%q", x.Text, x.Begin, x.End)
		}
		if x.Begin != "" && x.End != "" && x.Begin > x.End {
			t.Fatalf("%q: interval %s..%s", x.Text, x.Begin, x.End)
		}
		for _, d := range []string{x.Begin, x.End, x.Anchor} {
			if d != "" {
				if _, err := time.Parse("2006-01-02", d); err != nil {
					t.Fatalf("%q: date %q", x.Text, d)
				}
			}
		}
		switch x.AnchorSource {
		case "", crosscheck.AnchorNone, crosscheck.AnchorPublished, crosscheck.AnchorBlock:
		default:
			t.Fatalf("%q: anchor source %q", x.Text, x.AnchorSource)
		}
		if !opt.Published.Known() && len(opt.Blocks) == 0 && (x.AnchorSource == crosscheck.AnchorPublished || x.AnchorSource == crosscheck.AnchorBlock) {
			t.Fatalf("%q: anchored with no anchor: %+v", x.Text, x)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Talks collapsed last week, on November 14, two years ago.",
		"On Tuesday at 9:30 a.m. Monday, the 14th of November 2022, 11/14/22, '98, the early 1990s.",
		"He was born on February 30 and lived for 10000000000000000000000 years, 99999999999999999999 days ago.",
		"every two weeks; twice a year; $5 a month; the past 3 decades; the end of the month; earlier this week",
		"the previous day, the same day, that year, a week later, the day before yesterday, last night",
		"mid-November, mid-2023, the mid-1990s, the 19th-century hall, Q3 2022, the first half of 2022",
		"Christmas Eve, New Year's Day, Easter Monday, fiscal 2022, the year 3000, 0600 GMT",
		"", "2022-13-45", "99/99/9999", "'", "’", "mid-", "the", "a.m.", "Mon.", "12:60 p.m.",
	} {
		f.Add(s, int64(0), 0)
		f.Add(s, int64(1669075200), 1)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64, mode int) {
		var opt Options
		if mode%3 != 0 {
			tm := time.Unix(unix%(400*366*86400), 0).UTC().AddDate(1600, 0, 0)
			opt.Published = crosscheck.Date{Time: tm, Precision: crosscheck.PrecisionDay}
		}
		if mode%2 == 1 && len(text) > 0 {
			half := len(text) / 2
			opt.Blocks = []crosscheck.Block{{Span: crosscheck.Span{Start: half, End: len(text)}, Date: opt.Published}}
		}
		checkFind(t, text, token.Sentences(text), opt)
	})
}

// FuzzFindTokens feeds Find tokens whose spans and texts disagree with
// the text, as a buggy caller might: it must not panic.
func FuzzFindTokens(f *testing.F) {
	f.Add("November 14 two years ago", "last week", 3, 40)
	f.Add("", "2022-11-14", -5, 1000)
	f.Fuzz(func(t *testing.T, text, word string, start, end int) {
		toks := []crosscheck.Token{}
		for _, w := range strings.Fields(word + " " + text) {
			toks = append(toks, crosscheck.Token{Text: w, Span: crosscheck.Span{Start: start, End: end}, Head: start % 7})
		}
		sents := []crosscheck.Sentence{{Index: 0, Tokens: toks}}
		got := Find(text, sents, Options{Published: date(2022, 11, 22)})
		for _, x := range got {
			if !x.Span.Valid(len(text)) || text[x.Span.Start:x.Span.End] != x.Text {
				t.Fatalf("bad span %+v", x.Span)
			}
		}
	})
}

// FuzzClassify covers the parsers of numbers and dates in one token.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"14th", "2022-11-14", "11/14/2022", "14/11/22", "9:30", "24:00", "9:30:15", "1990s", "1990's", "'90s",
		"’98", "1998's", "1800s", "Q3", "mid-November", "mid-2023", "1,000,000", "1.5", "99999999999999999999", "twenty-five", "mid-mid-2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		c := classify(w)
		switch c.form {
		case fSlash:
			if c.m < 1 || c.m > 12 || c.d < 1 || c.d > 31 {
				t.Fatalf("%q: month %d day %d", w, c.m, c.d)
			}
		case fClock:
			if c.hh < 0 || c.hh > 24 || c.mi < 0 || c.mi > 59 {
				t.Fatalf("%q: clock %d:%d", w, c.hh, c.mi)
			}
		case fInt, fOrdinal:
			if c.numOK && c.n < 0 {
				t.Fatalf("%q: negative %d", w, c.n)
			}
		}
		if n, ok := atoi(w); ok && (n < 0 || len(w) > 18) {
			t.Fatalf("atoi(%q) = %d", w, n)
		}
		if n, ok := compoundNumber(w); ok && (n < 21 || n > 99) {
			t.Fatalf("compoundNumber(%q) = %d", w, n)
		}
		if n, ok := ordinalNumber(w); ok && n < 0 {
			t.Fatalf("ordinalNumber(%q) = %d", w, n)
		}
		if h, m, ok := clock(w); ok && (h > 24 || m > 59) {
			t.Fatalf("clock(%q) = %d:%d", w, h, m)
		}
		if _, m, d, ok := isoDate(w); ok && (m > 99 || d > 99) {
			t.Fatalf("isoDate(%q)", w)
		}
		if _, m, d, ok := slashDate(w); ok && (m < 1 || m > 12 || d < 1 || d > 31) {
			t.Fatalf("slashDate(%q) = %d/%d", w, m, d)
		}
		if d, ok := parseDCT(w); ok && !d.Known() {
			t.Fatalf("parseDCT(%q) known but unknown", w)
		}
	})
}

// FuzzFullYear checks the pivot window for any two-digit year and anchor.
func FuzzFullYear(f *testing.F) {
	f.Add(98, 2022)
	f.Add(25, 0)
	f.Fuzz(func(t *testing.T, yy, anchor int) {
		yy = ((yy % 100) + 100) % 100
		anchor = ((anchor % 9000) + 9000) % 9000
		y := fullYear(yy, anchor)
		if ((y%100)+100)%100 != yy {
			t.Fatalf("fullYear(%d, %d) = %d", yy, anchor, y)
		}
		if anchor > 0 && (y <= anchor-80 || y > anchor+20) {
			t.Fatalf("fullYear(%d, %d) = %d outside the window", yy, anchor, y)
		}
	})
}

func FuzzReadTimeML(f *testing.F) {
	f.Add(`<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2022-11-22" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="2022-W46">last week</TIMEX3>.</TEXT></TimeML>`)
	f.Add(`<TimeML><TEXT><BLOCK date="2022-11-02">a <TIMEX3 type="DATE"><TIMEX3>x</TIMEX3></TIMEX3></BLOCK></TEXT></TimeML>`)
	f.Add(`<TEXT>&amp; &nbsp; <EVENT>x</EVENT></TEXT>`)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := ReadTimeML(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, g := range doc.Gold {
			if !g.Span.Valid(len(doc.Text)) || doc.Text[g.Span.Start:g.Span.End] != g.Text {
				t.Fatalf("bad gold span %+v", g.Span)
			}
		}
		for _, b := range doc.Blocks {
			if !b.Span.Valid(len(doc.Text)) {
				t.Fatalf("bad block span %+v", b.Span)
			}
		}
	})
}
