package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// ANSI styles, used only on terminals.
const (
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiReset  = "\x1b[0m"
)

func style(on bool, code, s string) string {
	if !on || s == "" {
		return s
	}
	return code + s + ansiReset
}

// truncate shortens s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// shortID is the prefix of a document ID shown in listings; show accepts it.
func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// parseDateFlag reads YYYY, YYYY-MM or YYYY-MM-DD. With end set it
// returns the last day of the period, so --to 2022-11 includes all of
// November.
func parseDateFlag(s string, end bool) (time.Time, error) {
	for _, l := range []struct {
		layout string
		add    func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end {
				t = l.add(t)
			}
			return t, nil
		}
	}
	return time.Time{}, usageErr("date %q: use YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// filterFlags registers the listing filters shared by docs and search.
type filterFlags struct {
	outlet, from, to string
	limit            int
}

func (f *filterFlags) register(fs interface {
	StringVar(*string, string, string, string)
	IntVar(*int, string, int, string)
}, limit int) {
	fs.StringVar(&f.outlet, "outlet", "", "only documents from this outlet (case-insensitive)")
	fs.StringVar(&f.from, "from", "", "only documents published on or after this date (YYYY[-MM[-DD]])")
	fs.StringVar(&f.to, "to", "", "only documents published on or before this date (YYYY[-MM[-DD]])")
	fs.IntVar(&f.limit, "limit", limit, "at most this many results (0: all)")
}

func (f *filterFlags) filter() (crosscheck.DocumentFilter, error) {
	df := crosscheck.DocumentFilter{Outlet: f.outlet, Limit: f.limit}
	if f.limit < 0 {
		return df, usageErr("--limit must not be negative")
	}
	var err error
	if f.from != "" {
		if df.From, err = parseDateFlag(f.from, false); err != nil {
			return df, err
		}
	}
	if f.to != "" {
		if df.To, err = parseDateFlag(f.to, true); err != nil {
			return df, err
		}
	}
	if !df.From.IsZero() && !df.To.IsZero() && df.To.Before(df.From) {
		return df, usageErr("--to %s is before --from %s", f.to, f.from)
	}
	return df, nil
}

// docLine renders a document summary as one listing line.
func docLine(color bool, d crosscheck.DocumentSummary) string {
	date := d.Published.String()
	if !d.Published.Known() {
		date = "undated"
	}
	if len(date) > 10 {
		date = date[:10]
	}
	return fmt.Sprintf("%s  %-10s  %-22s %6d  %s", style(color, ansiCyan, shortID(d.ID)), date, truncate(orDash(d.Outlet), 22), d.Words, truncate(orDash(d.Title), 70))
}
