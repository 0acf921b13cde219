package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// shown is the JSON form of show: the document with its links.
type shown struct {
	*crosscheck.Document
	Links []crosscheck.Link `json:"links"`
}

func runShow(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("show", "show [--raw] [--no-text] [--no-removed] ID")
	raw := fs.Bool("raw", false, "print the raw bytes as ingested instead")
	noText := fs.Bool("no-text", false, "leave out the clean text")
	noRemoved := fs.Bool("no-removed", false, "leave out what the cleaner removed")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("give one document ID (or a unique prefix of at least 4 characters)")
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	doc, err := st.Document(ctx, pos[0])
	if err != nil {
		return err
	}
	if *raw {
		b, err := st.Raw(ctx, doc.RawHash)
		if err != nil {
			return err
		}
		_, err = m.Stdout.Write(b)
		return err
	}
	links, err := st.Links(ctx, doc.ID)
	if err != nil {
		return err
	}
	if m.JSON {
		if links == nil {
			links = []crosscheck.Link{}
		}
		return writeJSON(m.Stdout, shown{doc, links})
	}
	printDocument(m.Stdout, m.colorOut, doc, links, !*noRemoved, !*noText)
	return nil
}

func printDocument(w io.Writer, color bool, doc *crosscheck.Document, links []crosscheck.Link, removed, text bool) {
	meta := doc.Meta
	field := func(label, name, value string) {
		if value == "" {
			value = style(color, ansiDim, "unknown")
		}
		line := fmt.Sprintf("%-11s %s", label+":", value)
		if r := meta.Rules[name]; r != "" {
			line += style(color, ansiDim, "   ["+r+"]")
		}
		if raw := meta.Raw[name]; raw != "" && raw != value {
			line += style(color, ansiDim, fmt.Sprintf("   as written: %q", truncate(raw, 60)))
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w, style(color, ansiBold, "Document "+doc.ID))
	field("Title", "title", meta.Title)
	field("Outlet", "outlet", meta.Outlet)
	field("Authors", "authors", strings.Join(meta.Authors, "; "))
	published := ""
	if meta.Published.Known() {
		published = meta.Published.String()
	}
	field("Published", "published", published)
	field("URL", "url", meta.URL)
	field("Language", "language", meta.Language)
	fmt.Fprintf(w, "%-11s %s (%s, %s)\n", "Source:", doc.Source.String(), doc.Source.Format, doc.Source.Kind)
	fmt.Fprintf(w, "%-11s sha256 %s, %d bytes\n", "Raw:", doc.RawHash, doc.RawSize)
	fmt.Fprintf(w, "%-11s %s\n", "Extractor:", doc.Extractor)
	fmt.Fprintf(w, "%-11s %s\n", "Ingested:", doc.IngestedAt.Format("2006-01-02 15:04:05 MST"))
	fmt.Fprintf(w, "%-11s %d\n", "Words:", doc.Words)
	for _, l := range links {
		other, dir := l.To, "near-duplicate of"
		if l.To == doc.ID {
			other, dir = l.From, "has near-duplicate"
		}
		fmt.Fprintf(w, "%-11s %s %s (similarity %.2f, %s)\n", "Link:", dir, other, l.Similarity, l.Method)
	}
	for _, wmsg := range doc.Warnings {
		fmt.Fprintf(w, "%-11s %s\n", "Warning:", style(color, ansiYellow, wmsg))
	}
	for _, b := range doc.Blocks {
		date := b.Date.String()
		if !b.Date.Known() {
			date = "date unknown"
		}
		fmt.Fprintf(w, "%-11s %s copy from %s, dateline %q (%s), text bytes %d-%d\n", "Embedded:", b.Kind, b.Source, b.Dateline, date, b.Span.Start, b.Span.End)
	}
	if removed {
		fmt.Fprintln(w)
		fmt.Fprintln(w, style(color, ansiBold, fmt.Sprintf("Removed (%d pieces; spans are byte offsets into the %s)", len(doc.Removed), sourceName(doc))))
		for _, r := range doc.Removed {
			fmt.Fprintf(w, "  %-13s %-26s %6d-%-6d %s\n", r.Label, truncate(r.Reason, 26), r.Span.Start, r.Span.End, style(color, ansiDim, fmt.Sprintf("%q", truncate(r.Text, 70))))
		}
	}
	if text {
		fmt.Fprintln(w)
		fmt.Fprintln(w, style(color, ansiBold, "Text"))
		if doc.Headline.End > 0 {
			fmt.Fprintln(w, style(color, ansiBold, doc.Text[doc.Headline.Start:doc.Headline.End])+doc.Text[doc.Headline.End:])
		} else {
			fmt.Fprintln(w, doc.Text)
		}
	}
}

func sourceName(doc *crosscheck.Document) string {
	if doc.Source.Format == "html" || strings.Contains(doc.Extractor, "trafilatura") {
		return "extracted text (boilerplate: the page's visible text)"
	}
	return "source text"
}
