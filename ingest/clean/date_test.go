package clean

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // Date.String(); "" means not a date
		zone bool
	}{
		{"November 22, 2022", "2022-11-22", false},
		{"Nov. 22, 2022", "2022-11-22", false},
		{"Nov 22 2022", "2022-11-22", false},
		{"Sept. 3, 2021", "2021-09-03", false},
		{"22 November 2022", "2022-11-22", false},
		{"22nd of November, 2022", "2022-11-22", false},
		{"March 3rd, 2023", "2023-03-03", false},
		{"2023-04-05", "2023-04-05", false},
		{"2023/04/05", "2023-04-05", false},
		{"22.11.2022", "2022-11-22", false},
		{"11/22/2022", "2022-11-22", false},
		{"22/11/2022", "2022-11-22", false},
		{"November 2022", "2022-11", false},
		{"Tuesday, 22 November 2022 10:15", "2022-11-22 10:15", false},
		{"Tue, Nov 22, 2022, 10:15 AM", "2022-11-22 10:15", false},
		{"November 22, 2022 at 7:05 p.m.", "2022-11-22 19:05", false},
		{"November 22, 2022 12:30 am", "2022-11-22 00:30", false},
		{"2023-04-05T09:00:00+04:00", "2023-04-05 09:00:00 +04:00", true},
		{"2023-04-05T09:00:00Z", "2023-04-05 09:00:00 +00:00", true},
		{"2023-04-05 09:00", "2023-04-05 09:00", false},
		{"2023-04-05 5 April 2023 09:00 (UTC+04:00)", "2023-04-05 09:00 +04:00", true},
		{"22 November 2022 10:15 GMT", "2022-11-22 10:15 +00:00", true},
		{"22 November 2022 10:15 GMT+3", "2022-11-22 10:15 +03:00", true},
		{"22 November 2022 10:15 EST", "2022-11-22 10:15 -05:00", true},
		{"22 November 2022, 10:15 +0330", "2022-11-22 10:15 +03:30", true},
		{"10:15 AM EST, Tue November 22, 2022", "2022-11-22 10:15 -05:00", true},
		{"February 29, 2024", "2024-02-29", false},

		// Not dates.
		{"February 30, 2023", "", false},
		{"February 29, 2023", "", false},
		{"2023-13-01", "", false},
		{"Nov 22, 22", "", false},
		{"22/11/22", "", false},
		{"05/04/2023", "", false},
		{"2023-04-05 6 April 2023", "", false},
		{"Nov 2", "", false},
		{"2022", "", false},
		{"On November 22, 2022, officials met", "", false},
		{"November 22, 2022 officials met", "", false},
		{"22 November 2022 25:00", "", false},
		{"22 November 2022 13:15 pm", "", false},
		{"November 2022 10:15", "", false},
		{"Politics", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := ParseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("ParseDate(%q) = %s, want not a date", tt.in, d)
				}
				return
			}
			if !ok {
				t.Fatalf("ParseDate(%q) failed, want %s", tt.in, tt.want)
			}
			if got := d.String(); got != tt.want || d.HasZone != tt.zone {
				t.Errorf("ParseDate(%q) = %s (zone %v), want %s (zone %v)", tt.in, got, d.HasZone, tt.want, tt.zone)
			}
		})
	}
}

func TestParseDatePrecision(t *testing.T) {
	d, ok := ParseDate("date 2023-04-05 5 April 2023 09:00 (UTC+04:00)"[5:])
	if !ok || d.Precision != crosscheck.PrecisionMinute || !d.HasZone {
		t.Fatalf("got %+v, %v", d, ok)
	}
	if _, off := d.Time.Zone(); off != 4*3600 {
		t.Errorf("offset %d", off)
	}
	if !d.Time.Equal(time.Date(2023, 4, 5, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("instant %s", d.Time.UTC())
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		updated bool
	}{
		{"Published November 22, 2022", "2022-11-22", false},
		{"Published: 22 November 2022", "2022-11-22", false},
		{"Posted on Nov. 22, 2022", "2022-11-22", false},
		{"date 2023-04-05 5 April 2023 09:00 (UTC+04:00)", "2023-04-05 09:00 +04:00", false},
		{"Updated 23 November 2022", "2022-11-23", true},
		{"Published 22 November 2022 | Updated 23 November 2022", "2022-11-22", false},
		{"Updated 23 November 2022 | Published 22 November 2022", "2022-11-22", false},
		{"Published by Jane Doe", "", false},
		{"22 November 2022 | Jane Doe", "", false},
	}
	for _, tt := range tests {
		d, up, ok := parseDateLine(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDateLine(%q) = %s, want none", tt.in, d)
			}
			continue
		}
		if !ok || d.String() != tt.want || up != tt.updated {
			t.Errorf("parseDateLine(%q) = %s, %v, %v; want %s, %v", tt.in, d, up, ok, tt.want, tt.updated)
		}
	}
}

func TestResolveYear(t *testing.T) {
	day := func(s string) crosscheck.Date {
		d, ok := ParseDate(s)
		if !ok {
			t.Fatalf("bad test date %q", s)
		}
		return d
	}
	tests := []struct {
		month, day int
		ref        crosscheck.Date
		want       string
	}{
		{11, 2, day("November 22, 2022"), "2022-11-02"},
		{11, 22, day("November 22, 2022"), "2022-11-22"},
		{12, 5, day("November 22, 2022"), "2021-12-05"},
		{2, 29, day("March 1, 2023"), "2020-02-29"},
		{3, 3, day("2023-03-03T23:30:00-05:00"), "2023-03-03"},
		{11, 2, day("November 2022"), "2022-11-02"},
		{12, 2, day("November 2022"), "2021-12-02"},
		{11, 2, crosscheck.Date{}, "unknown"},
	}
	for _, tt := range tests {
		if got := resolveYear(tt.month, tt.day, tt.ref).String(); got != tt.want {
			t.Errorf("resolveYear(%d, %d, %s) = %s, want %s", tt.month, tt.day, tt.ref, got, tt.want)
		}
	}
}

func TestParseMonthDay(t *testing.T) {
	for in, want := range map[string][2]int{
		"Nov 2":       {11, 2},
		"March 3rd":   {3, 3},
		"2 November":  {11, 2},
		"Feb. 29":     {2, 29},
		"Feb 30":      {0, 0},
		"Nov 2 2022":  {0, 0},
		"Bloomberg":   {0, 0},
		"2 Nov, said": {0, 0},
	} {
		m, d, ok := parseMonthDay(in)
		if ok != (want[0] != 0) || m != want[0] || d != want[1] {
			t.Errorf("parseMonthDay(%q) = %d, %d, %v; want %v", in, m, d, ok, want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"November 22, 2022", "2023-04-05T09:00:00+04:00", "2023-04-05 5 April 2023 09:00 (UTC+04:00)",
		"Tuesday, 22 November 2022 10:15", "22.11.2022", "10:15 AM EST, Tue November 22, 2022", "Nov 2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			if d.Known() {
				t.Fatalf("failed parse returned a known date %+v", d)
			}
			return
		}
		if !d.Known() {
			t.Fatalf("ParseDate(%q) ok with unknown precision", s)
		}
		if y := d.Time.Year(); y < 1800 || y > 2199 {
			t.Fatalf("ParseDate(%q) year %d out of range", s, y)
		}
		if d.HasZone != (d.Precision == crosscheck.PrecisionMinute || d.Precision == crosscheck.PrecisionSecond) && d.HasZone {
			t.Fatalf("ParseDate(%q): zone without a time", s)
		}
		parseMonthDay(s)
		parseDateLine(s)
	})
}
