package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck"
)

func runSearch(ctx context.Context, m *Main, args []string) error {
	usage := `search [--outlet NAME] [--from DATE] [--to DATE] [--limit N] QUERY

QUERY: words must all occur; "double quotes" for a phrase; word* for a prefix;
-word to exclude; OR between two terms to accept either.`
	fs := m.flags("search", usage)
	var ff filterFlags
	ff.register(fs, 20)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageErr("give a query")
	}
	filter, err := ff.filter()
	if err != nil {
		return err
	}
	q := crosscheck.SearchQuery{Text: strings.Join(pos, " "), DocumentFilter: filter}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, q)
	if err != nil {
		return err
	}
	if m.JSON {
		if hits == nil {
			hits = []crosscheck.SearchHit{}
		}
		return writeJSON(m.Stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintf(m.Stdout, "No documents match %s.\n", q.Text)
		return nil
	}
	for i, h := range hits {
		d := h.Document
		date := "undated"
		if d.Published.Known() {
			date = d.Published.String()
		}
		fmt.Fprintf(m.Stdout, "%2d. %s\n    %s · %s · %s\n    %s\n\n", i+1, style(m.colorOut, ansiBold, orDash(d.Title)),
			style(m.colorOut, ansiCyan, shortID(d.ID)), orDash(d.Outlet), date, highlight(h, m.colorOut))
	}
	if !m.Quiet {
		fmt.Fprintf(m.Stderr, "%d matching documents\n", len(hits))
	}
	return nil
}

// highlight marks the snippet's hits: reverse video on a terminal,
// [brackets] elsewhere.
func highlight(h crosscheck.SearchHit, color bool) string {
	open, close := "[", "]"
	if color {
		open, close = ansiBold+ansiYellow, ansiReset
	}
	var b strings.Builder
	last := 0
	for _, sp := range h.Highlights {
		if sp.Start < last || !sp.Valid(len(h.Snippet)) {
			continue
		}
		b.WriteString(h.Snippet[last:sp.Start])
		b.WriteString(open + h.Snippet[sp.Start:sp.End] + close)
		last = sp.End
	}
	b.WriteString(h.Snippet[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}
