package main

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck"
)

func runDocs(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("docs", "docs [--outlet NAME] [--from DATE] [--to DATE] [--limit N]")
	var ff filterFlags
	ff.register(fs, 0)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	filter, err := ff.filter()
	if err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.Documents(ctx, filter)
	if err != nil {
		return err
	}
	if m.JSON {
		if docs == nil {
			docs = []crosscheck.DocumentSummary{}
		}
		return writeJSON(m.Stdout, docs)
	}
	if len(docs) == 0 {
		fmt.Fprintln(m.Stdout, "No documents match.")
		return nil
	}
	fmt.Fprintln(m.Stdout, style(m.colorOut, ansiBold, fmt.Sprintf("%-12s  %-10s  %-22s %6s  %s", "ID", "DATE", "OUTLET", "WORDS", "TITLE")))
	for _, d := range docs {
		line := docLine(m.colorOut, d)
		if d.DuplicateOf != "" {
			line += style(m.colorOut, ansiDim, "  (near-duplicate of "+shortID(d.DuplicateOf)+")")
		}
		fmt.Fprintln(m.Stdout, line)
	}
	if !m.Quiet {
		fmt.Fprintf(m.Stderr, "%d documents\n", len(docs))
	}
	return nil
}
