package timex

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/parse"
	"github.com/crosscheck/crosscheck/nlp/tag"
	"github.com/crosscheck/crosscheck/nlp/token"
)

var models = sync.OnceValues(func() (*tag.Model, *parse.Model) {
	t, err := tag.Default()
	if err != nil {
		panic(err)
	}
	p, err := parse.Default()
	if err != nil {
		panic(err)
	}
	return t, p
})

// analyse tokenizes, tags and parses text as the pipeline does.
func analyse(t testing.TB, text string) []crosscheck.Sentence {
	t.Helper()
	tg, ps := models()
	sents := token.Sentences(text)
	for i := range sents {
		annotate(tg, ps, &sents[i])
	}
	return sents
}

func date(y, m, d int) crosscheck.Date {
	return crosscheck.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionDay}
}

// find runs Find and indexes the results by text.
func find(t testing.TB, text string, opt Options) map[string]crosscheck.Timex {
	t.Helper()
	out := map[string]crosscheck.Timex{}
	for _, x := range Find(text, analyse(t, text), opt) {
		if _, dup := out[x.Text]; dup {
			t.Fatalf("%q found twice", x.Text)
		}
		out[x.Text] = x
	}
	return out
}

func must(t *testing.T, got map[string]crosscheck.Timex, text string) crosscheck.Timex {
	t.Helper()
	x, ok := got[text]
	if !ok {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		t.Fatalf("%q not found; found %q", text, keys)
	}
	return x
}

// The acceptance case: an article of 2022-11-22 quoting agency copy
// datelined Nov 2.
func TestAnchorsPublishedAndBlock(t *testing.T) {
	article := "The ferry operator cut its timetable last week. Storm damage on November 14 closed the harbour, which was rebuilt two years ago.\n\n"
	block := "Reuters\n\nNov 2\n\nLast week, the operator warned of cuts. On Tuesday, its chief executive met the port authority."
	text := article + block
	opt := Options{
		Published: date(2022, 11, 22),
		Blocks: []crosscheck.Block{{Kind: "agency", Source: "Reuters", Dateline: "Nov 2", Date: date(2022, 11, 2),
			Span: crosscheck.Span{Start: len(article), End: len(text)}}},
	}
	got := find(t, text, opt)

	lw := must(t, got, "last week")
	want := crosscheck.Timex{Type: crosscheck.TimexDate, Value: "2022-W46", Granularity: "week", Begin: "2022-11-14", End: "2022-11-20",
		Relative: true, Anchor: "2022-11-22", AnchorSource: crosscheck.AnchorPublished}
	checkTimex(t, lw, want)

	checkTimex(t, must(t, got, "November 14"), crosscheck.Timex{Type: crosscheck.TimexDate, Value: "2022-11-14", Granularity: "day",
		Begin: "2022-11-14", End: "2022-11-14", Relative: true, Anchor: "2022-11-22", AnchorSource: crosscheck.AnchorPublished})
	checkTimex(t, must(t, got, "two years ago"), crosscheck.Timex{Type: crosscheck.TimexDate, Value: "2020", Granularity: "year",
		Begin: "2020-01-01", End: "2020-12-31", Relative: true, Anchor: "2022-11-22", AnchorSource: crosscheck.AnchorPublished})

	checkTimex(t, must(t, got, "Nov 2"), crosscheck.Timex{Type: crosscheck.TimexDate, Value: "2022-11-02", Granularity: "day",
		Begin: "2022-11-02", End: "2022-11-02", Relative: true, Anchor: "2022-11-02", AnchorSource: crosscheck.AnchorBlock})
	checkTimex(t, must(t, got, "Last week"), crosscheck.Timex{Type: crosscheck.TimexDate, Value: "2022-W43", Granularity: "week",
		Begin: "2022-10-24", End: "2022-10-30", Relative: true, Anchor: "2022-11-02", AnchorSource: crosscheck.AnchorBlock})
	checkTimex(t, must(t, got, "Tuesday"), crosscheck.Timex{Type: crosscheck.TimexDate, Value: "2022-11-01", Granularity: "day",
		Begin: "2022-11-01", End: "2022-11-01", Relative: true, Anchor: "2022-11-02", AnchorSource: crosscheck.AnchorBlock})

	for _, x := range got {
		if x.Sentence < 0 || text[x.Span.Start:x.Span.End] != x.Text {
			t.Errorf("%q: span %+v sentence %d", x.Text, x.Span, x.Sentence)
		}
	}
}

func checkTimex(t *testing.T, got, want crosscheck.Timex) {
	t.Helper()
	got.Span, got.Sentence, got.Text = crosscheck.Span{}, 0, ""
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// With no publication date, relative expressions stay unresolved and
// never fall back to the clock.
func TestNoAnchor(t *testing.T) {
	text := "The ferry operator cut its timetable last week. A new one starts on February 22, and the old pier closed on Tuesday at 9:30 a.m. It was built in 1931."
	got := find(t, text, Options{})
	lw := must(t, got, "last week")
	if lw.Value != "" || lw.Begin != "" || lw.AnchorSource != crosscheck.AnchorNone || !lw.Relative || lw.Anchor != "" {
		t.Errorf("last week: %+v", lw)
	}
	if f := must(t, got, "February 22"); f.Value != "XXXX-02-22" || f.Begin != "" || f.AnchorSource != crosscheck.AnchorNone {
		t.Errorf("February 22: %+v", f)
	}
	if d := must(t, got, "Tuesday"); d.Value != "XXXX-WXX-2" {
		t.Errorf("Tuesday: %+v", d)
	}
	// The time joins the sentence's partial date.
	if d := must(t, got, "9:30 a.m."); d.Value != "XXXX-WXX-2T09:30" || d.Type != crosscheck.TimexTime {
		t.Errorf("9:30 a.m.: %+v", d)
	}

	if y := must(t, got, "1931"); y.Value != "1931" || y.Relative || y.Begin != "1931-01-01" {
		t.Errorf("1931: %+v", y)
	}
	got = find(t, "Reporters will be briefed at 9:30 a.m. Sales fell last November, and November last year.", Options{})
	if d := must(t, got, "9:30 a.m."); d.Value != "XXXX-XX-XXT09:30" {
		t.Errorf("9:30 a.m. alone: %+v", d)
	}
	for _, text := range []string{"last November", "November last year"} {
		if d := must(t, got, text); d.Value != "" || d.AnchorSource != crosscheck.AnchorNone {
			t.Errorf("%s: %+v", text, d)
		}
	}
	// A block whose dateline has no year falls back to the (unknown)
	// publication date.
	block := crosscheck.Block{Span: crosscheck.Span{Start: 0, End: len(text)}, Date: crosscheck.Date{Time: time.Date(0, 11, 2, 0, 0, 0, 0, time.UTC)}}
	got = find(t, text, Options{Blocks: []crosscheck.Block{block}})
	if lw := must(t, got, "last week"); lw.Value != "" || lw.AnchorSource != crosscheck.AnchorNone {
		t.Errorf("block without a usable date: %+v", lw)
	}
	// The same block falls back to a known publication date.
	got = find(t, text, Options{Published: date(2022, 11, 22), Blocks: []crosscheck.Block{block}})
	if lw := must(t, got, "last week"); lw.Value != "2022-W46" || lw.AnchorSource != crosscheck.AnchorPublished {
		t.Errorf("fallback to the publication date: %+v", lw)
	}
}

// Patterns, each in a sentence of its own, resolved against Tuesday
// 2022-11-22.
func TestPatterns(t *testing.T) {
	tests := []struct {
		sentence, text, typ, value, mod string
	}{
		{"The plant opened on Nov. 14, 2022, after delays.", "Nov. 14, 2022", "DATE", "2022-11-14", ""},
		{"The plant opened on 14 November 2022.", "14 November 2022", "DATE", "2022-11-14", ""},
		{"Prices peaked on the 14th of November.", "the 14th of November", "DATE", "2022-11-14", ""},
		{"Prices peaked on November 14th.", "November 14th", "DATE", "2022-11-14", ""},
		{"The file is dated 2022-11-14.", "2022-11-14", "DATE", "2022-11-14", ""},
		{"The file is dated 11/14/2022.", "11/14/2022", "DATE", "2022-11-14", ""},
		{"The file is dated 14/11/2022.", "14/11/2022", "DATE", "2022-11-14", ""},
		{"The mine closed in 2018.", "2018", "DATE", "2018", ""},
		{"The mine closed in November 2021.", "November 2021", "DATE", "2021-11", ""},
		{"Output has fallen since the early 1990s.", "the early 1990s", "DATE", "199X", "START"},
		{"Output peaked in the '80s.", "the '80s", "DATE", "198X", ""},
		{"The dam burst in '98.", "'98", "DATE", "1998", ""},
		{"The court sat at 9:30 a.m. sharp.", "9:30 a.m.", "TIME", "2022-11-22T09:30", ""},
		{"The court rose at noon.", "noon", "TIME", "2022-11-22T12:00", ""},
		{"Protesters gathered on Monday morning.", "Monday morning", "TIME", "2022-11-21TMO", ""},
		{"Talks collapsed last week.", "last week", "DATE", "2022-W46", ""},
		{"The minister resigned on Monday.", "Monday", "DATE", "2022-11-21", ""},
		{"The minister will resign on Friday.", "Friday", "DATE", "2022-11-25", ""},
		{"The minister said on Tuesday that she would stay.", "Tuesday", "DATE", "2022-11-22", ""},
		{"Snow fell in early November.", "early November", "DATE", "2022-11", "START"},
		{"Snow fell in mid-November.", "mid-November", "DATE", "2022-11", "MID"},
		{"Snow fell in late November.", "late November", "DATE", "2022-11", "END"},
		{"The vote was held early this month.", "early this month", "DATE", "2022-11", "START"},
		{"Sales fell last month.", "last month", "DATE", "2022-10", ""},
		{"Sales fell this year.", "this year", "DATE", "2022", ""},
		{"The bridge was closed two years ago.", "two years ago", "DATE", "2020", ""},
		{"The bridge was closed yesterday.", "yesterday", "DATE", "2022-11-21", ""},
		{"The bridge is closed today.", "today", "DATE", "2022-11-22", ""},
		{"The bridge was recently closed.", "recently", "DATE", "PAST_REF", ""},
		{"The bridge is now closed.", "now", "DATE", "PRESENT_REF", ""},
		{"The town shrank over the past 3 decades.", "the past 3 decades", "DURATION", "P3DE", ""},
		{"He worked there for four decades.", "four decades", "DURATION", "P4DE", ""},
		{"The strike lasted three days.", "three days", "DURATION", "P3D", ""},
		{"The board meets every week.", "every week", "SET", "P1W", ""},
		{"The report is published annually.", "annually", "SET", "P1Y", ""},
		{"Rent is due at the end of the month.", "the end of the month", "DATE", "2022-11", "END"},
		{"The fund was set up earlier this week.", "earlier this week", "DATE", "2022-W47", ""},
		{"He arrived on November 20 and left the previous day.", "the previous day", "DATE", "2022-11-19", ""},
		{"He arrived on November 20 and left the same day.", "the same day", "DATE", "2022-11-20", ""},
		{"He arrived on November 20 and left two days later.", "two days later", "DATE", "2022-11-22", ""},
		{"The plan was announced in the third quarter.", "the third quarter", "DATE", "2022-Q3", ""},
		{"Costs rose in the first half of 2022.", "the first half of 2022", "DATE", "2022-H1", ""},
		{"The dome was built in the 19th century.", "the 19th century", "DATE", "18XX", ""},
		{"Lakes froze last winter.", "last winter", "DATE", "2022-WI", ""},
		{"The camp opens next summer.", "next summer", "DATE", "2023-SU", ""},
		{"Fighting resumed over the weekend.", "the weekend", "DATE", "2022-W46-WE", ""},
		{"The shops close on Christmas Eve.", "Christmas Eve", "DATE", "2022-12-24", ""},
		{"He has not been seen since Easter.", "Easter", "DATE", "2022-04-17", ""},
		{"Police were called last night.", "last night", "TIME", "2022-11-21TNI", ""},
		{"The town has grown for more than a decade.", "more than a decade", "DURATION", "P1DE", "MORE_THAN"},
		{"It was about two years ago.", "about two years ago", "DATE", "2020", "APPROX"},
		{"Tenants pay $900 a month.", "a month", "SET", "P1M", ""},
		{"Inspectors visit twice a year.", "twice a year", "SET", "P1Y", ""},
		{"The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1", ""},
		{"The last train left at 11:45 p.m. on Friday.", "11:45 p.m.", "TIME", "2022-11-18T23:45", ""},
		{"The ceasefire began at 0600 GMT.", "0600 GMT", "TIME", "2022-11-22T06:00", ""},
		{"The vote is on the night of November 30.", "the night of November 30", "TIME", "2022-11-30TNI", ""},
		{"The deal was signed in fiscal 2021.", "fiscal 2021", "DATE", "2021", ""},
		{"NOVEMBER 14 — The council met.", "NOVEMBER 14", "DATE", "2022-11-14", ""},
		{"the council met on november 14.", "november 14", "DATE", "2022-11-14", ""},
		{"Results were posted on Monday, Nov. 21.", "Monday, Nov. 21", "DATE", "2022-11-21", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := find(t, tc.sentence, Options{Published: date(2022, 11, 22)})
			x := must(t, got, tc.text)
			if x.Type != tc.typ || x.Value != tc.value || x.Mod != tc.mod {
				t.Errorf("%q: got %s %q mod %q, want %s %q mod %q", tc.sentence, x.Type, x.Value, x.Mod, tc.typ, tc.value, tc.mod)
			}
		})
	}
}

func TestIntervals(t *testing.T) {
	tests := []struct {
		sentence, text, begin, end string
	}{
		{"Snow fell in early November 2022.", "early November 2022", "2022-11-01", "2022-11-10"},
		{"Snow fell in mid-November 2022.", "mid-November 2022", "2022-11-11", "2022-11-20"},
		{"Snow fell in late November 2022.", "late November 2022", "2022-11-21", "2022-11-30"},
		{"Snow fell in late February 2024.", "late February 2024", "2024-02-21", "2024-02-29"},
		{"Talks collapsed last week.", "last week", "2022-11-14", "2022-11-20"},
		{"The fund was set up earlier this week.", "earlier this week", "2022-11-21", "2022-11-21"},
		{"A decision is due later this month.", "later this month", "2022-11-23", "2022-11-30"},
		{"The town shrank over the past 3 decades.", "the past 3 decades", "1992-11-22", "2022-11-22"},
		{"Sales fell in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31"},
		{"Sales fell in the late 1990s.", "the late 1990s", "1997-01-01", "1999-12-31"},
		{"Sales fell early last year.", "early last year", "2021-01-01", "2021-04-30"},
		{"Lakes froze last winter.", "last winter", "2021-12-01", "2022-02-28"},
		{"The plan was announced in the third quarter.", "the third quarter", "2022-07-01", "2022-09-30"},
		{"Fighting resumed over the weekend.", "the weekend", "2022-11-19", "2022-11-20"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x := must(t, find(t, tc.sentence, Options{Published: date(2022, 11, 22)}), tc.text)
			if x.Begin != tc.begin || x.End != tc.end {
				t.Errorf("got %s..%s, want %s..%s", x.Begin, x.End, tc.begin, tc.end)
			}
		})
	}
}

// Year-less dates take the anchor's year, the one before or the one after,
// by tense and then by distance.
func TestYearlessDates(t *testing.T) {
	pub := Options{Published: date(2022, 11, 22)}
	tests := []struct {
		sentence, text, value string
	}{
		{"The contract was signed on February 22.", "February 22", "2022-02-22"},
		{"The contract will be signed on February 22.", "February 22", "2023-02-22"},
		{"The contract expires February 22.", "February 22", "2023-02-22"}, // closest
		{"The contract expires June 10.", "June 10", "2022-06-10"},         // closest: five months back
		{"Prices rose in December.", "December", "2021-12"},
		{"Prices will rise in December.", "December", "2022-12"},
		{"Prices rose last November.", "last November", "2021-11"},
		{"Prices will rise next March.", "next March", "2023-03"},
		{"Prices rose this March.", "this March", "2022-03"},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			if x := must(t, find(t, tc.sentence, pub), tc.text); x.Value != tc.value {
				t.Errorf("got %q, want %q", x.Value, tc.value)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	pub := Options{Published: date(2022, 11, 22)}
	got := find(t, "He gave his birthday as February 30 and his wedding as April 31, 2019. The code 13/45/2022 is not a date. A lease ran for 10000000000000000000000 years and was signed 99999999999999999999 days ago. Forms dated 11/14/22 and '98 were filed, and one from Feb. 29, 2021.", pub)
	for _, text := range []string{"February 30", "April 31, 2019", "Feb. 29, 2021"} {
		x := must(t, got, text)
		if x.Value != "" || x.Begin != "" || x.Type != crosscheck.TimexDate {
			t.Errorf("%q: impossible date normalised: %+v", text, x)
		}
	}
	if _, ok := got["13/45/2022"]; ok {
		t.Error("13/45/2022 read as a date")
	}
	if x := must(t, got, "10000000000000000000000 years"); x.Value != "P10000000000000000000000Y" || x.Type != crosscheck.TimexDuration {
		t.Errorf("long duration: %+v", x)
	}
	if x := must(t, got, "99999999999999999999 days ago"); x.Value != "" {
		t.Errorf("huge shift resolved: %+v", x)
	}
	if x := must(t, got, "11/14/22"); x.Value != "2022-11-14" {
		t.Errorf("two-digit year: %+v", x)
	}
	if x := must(t, got, "'98"); x.Value != "1998" {
		t.Errorf("'98: %+v", x)
	}
}

// Find must work on bare tokens (no tagger or parser), and a
// publication date known only to the month gives no anchor.
func TestUntaggedAndCoarseAnchor(t *testing.T) {
	text := "The mill closed last week, on Monday."
	sents := token.Sentences(text)
	got := Find(text, sents, Options{Published: date(2022, 11, 22)})
	if len(got) != 2 || got[0].Value != "2022-W46" || got[1].Value != "2022-11-21" {
		t.Errorf("untagged: %+v", got)
	}
	month := crosscheck.Date{Time: time.Date(2022, 11, 1, 0, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionMonth}
	got = Find(text, sents, Options{Published: month})
	if len(got) != 2 || got[0].Value != "" || got[0].AnchorSource != crosscheck.AnchorNone {
		t.Errorf("month-precision anchor: %+v", got)
	}
}

// A publication time with a zone anchors on the publisher's own day.
func TestAnchorTimeZone(t *testing.T) {
	loc := time.FixedZone("+04", 4*3600)
	pub := crosscheck.Date{Time: time.Date(2022, 11, 22, 1, 30, 0, 0, loc), Precision: crosscheck.PrecisionMinute, HasZone: true}
	x := must(t, find(t, "The plant closed yesterday.", Options{Published: pub}), "yesterday")
	if x.Value != "2022-11-21" || x.Anchor != "2022-11-22" {
		t.Errorf("%+v", x)
	}
}

func TestFindOrderAndSpans(t *testing.T) {
	text := "On Monday, Nov. 21, at 9:30 a.m. Monday the council met.\n\nIt meets every week and last met two weeks ago, in early November."
	sents := analyse(t, text)
	got := Find(text, sents, Options{Published: date(2022, 11, 22)})
	if len(got) == 0 {
		t.Fatal("nothing found")
	}
	for i, x := range got {
		if !x.Span.Valid(len(text)) || text[x.Span.Start:x.Span.End] != x.Text {
			t.Errorf("%d: bad span %+v %q", i, x.Span, x.Text)
		}
		if i > 0 && got[i-1].Span.End > x.Span.Start {
			t.Errorf("%q overlaps %q", got[i-1].Text, x.Text)
		}
		if x.Sentence < 0 || x.Sentence >= len(sents) || x.Span.Start < sents[x.Sentence].Span.Start || x.Span.End > sents[x.Sentence].Span.End {
			t.Errorf("%q: sentence %d", x.Text, x.Sentence)
		}
	}
	var texts []string
	for _, x := range got {
		texts = append(texts, x.Text)
	}
	want := "Monday, Nov. 21|9:30 a.m. Monday|every week|two weeks ago|early November"
	if strings.Join(texts, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(texts, "|"), want)
	}
}
