package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// shown is the JSON form of show: the document with its links.
type shown struct {
	*crosscheck.Document
	Links       []crosscheck.Link       `json:"links"`
	Annotations *crosscheck.Annotations `json:"annotations,omitempty"`
}

func runShow(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("show", "show [--raw] [--no-text] [--no-removed] ID")
	raw := fs.Bool("raw", false, "print the raw bytes as ingested instead")
	noText := fs.Bool("no-text", false, "leave out the clean text")
	noRemoved := fs.Bool("no-removed", false, "leave out what the cleaner removed")
	annotated := fs.Bool("annotate", false, "mark the entities in the text and list the language layer")
	pos, err := parseArgs(fs, args)
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
	var layer *crosscheck.Annotations
	if *annotated {
		if layer, err = st.Annotations(ctx, doc.ID); errors.Is(err, crosscheck.ErrNotFound) {
			return fmt.Errorf("document %s has no language layer yet: run 'crosscheck annotate %s'", doc.ID, shortID(doc.ID))
		} else if err != nil {
			return err
		}
	}
	if m.JSON {
		if links == nil {
			links = []crosscheck.Link{}
		}
		return writeJSON(m.Stdout, shown{doc, links, layer})
	}
	printDocument(m.Stdout, m.colorOut, doc, links, !*noRemoved, !*noText && layer == nil)
	if layer != nil {
		printAnnotated(m.Stdout, m.colorOut, doc, layer)
	}
	return nil
}

// labelColors gives each entity label a terminal colour.
var labelColors = map[string]string{
	crosscheck.LabelPerson: "\x1b[1;36m", crosscheck.LabelOrg: "\x1b[1;35m", crosscheck.LabelGPE: "\x1b[1;32m",
	crosscheck.LabelLoc: "\x1b[32m", crosscheck.LabelNORP: "\x1b[1;33m", crosscheck.LabelFac: "\x1b[34m", crosscheck.LabelEvent: "\x1b[1;31m",
}

// printAnnotated prints the text with every entity mention marked (in
// colour on a terminal, as [text]{LABEL} elsewhere), then the mentions
// with their sentence and span.
func printAnnotated(w io.Writer, color bool, doc *crosscheck.Document, a *crosscheck.Annotations) {
	tokens := 0
	for _, s := range a.Sentences {
		tokens += len(s.Tokens)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, style(color, ansiBold, fmt.Sprintf("Text with entities (%d sentences, %d tokens, %d mentions; %s)", len(a.Sentences), tokens, len(a.Entities), a.Extractor)))
	var b strings.Builder
	last := 0
	for _, e := range a.Entities {
		if e.Span.Start < last || !e.Span.Valid(len(doc.Text)) {
			continue
		}
		b.WriteString(doc.Text[last:e.Span.Start])
		mention := doc.Text[e.Span.Start:e.Span.End]
		if c, ok := labelColors[e.Label]; ok && color {
			b.WriteString(c + mention + ansiReset + ansiDim + "·" + e.Label + ansiReset)
		} else if color {
			b.WriteString(ansiDim + mention + ansiReset)
		} else {
			b.WriteString("[" + mention + "]{" + e.Label + "}")
		}
		last = e.Span.End
	}
	b.WriteString(doc.Text[last:])
	fmt.Fprintln(w, b.String())
	fmt.Fprintln(w)
	fmt.Fprintln(w, style(color, ansiBold, "Mentions"))
	for _, e := range a.Entities {
		extra := ""
		if e.Title != "" {
			extra += " title=" + e.Title
		}
		if e.Role != "" {
			extra += " role=" + e.Role
		}
		fmt.Fprintf(w, "  %-9s %-40s sentence %-3d bytes %d-%d%s\n", e.Label, truncate(e.Text, 40), e.Sentence, e.Span.Start, e.Span.End, extra)
	}
	printExpressions(w, color, a)
}

// printExpressions lists the second part of the layer: normalised times,
// quantities with what they count, quotes with speakers, and the clauses
// that are not in the outlet's own plain voice.
func printExpressions(w io.Writer, color bool, a *crosscheck.Annotations) {
	dim := func(s string) string { return style(color, ansiDim, s) }
	where := func(sent int, sp crosscheck.Span) string {
		return dim(fmt.Sprintf("sentence %d, bytes %d-%d", sent, sp.Start, sp.End))
	}
	if len(a.Timexes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, style(color, ansiBold, "Times"))
	}
	for _, x := range a.Timexes {
		val := x.Value
		if val == "" {
			val = style(color, ansiYellow, "unresolved")
		}
		if x.Mod != "" {
			val += " " + x.Mod
		}
		interval := ""
		if x.Begin != "" {
			interval = " = " + x.Begin
			if x.End != x.Begin {
				interval += ".." + x.End
			}
		}
		anchor := ""
		if x.Relative {
			anchor = dim(" anchor " + x.AnchorSource)
			if x.Anchor != "" {
				anchor = dim(" anchor " + x.Anchor + " (" + x.AnchorSource + ")")
			}
		}
		fmt.Fprintf(w, "  %-28s %-8s %s%s%s  %s\n", fmt.Sprintf("%q", truncate(x.Text, 26)), x.Type, val, interval, anchor, where(x.Sentence, x.Span))
	}
	if len(a.Quantities) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, style(color, ansiBold, "Quantities"))
	}
	for _, q := range a.Quantities {
		fmt.Fprintf(w, "  %-28s %-9s %s", fmt.Sprintf("%q", truncate(q.Text, 26)), q.Kind, bounds(q))
		if q.Head != "" {
			fmt.Fprintf(w, " of %q", q.Head)
		}
		fmt.Fprintf(w, "  %s\n", where(q.Sentence, q.Span))
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, style(color, ansiBold, "Quotes"))
	}
	for _, q := range a.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = style(color, ansiYellow, "speaker unknown")
		}
		verb := ""
		if q.Verb != "" {
			verb = " (" + q.Verb + ")"
		}
		fmt.Fprintf(w, "  %-12s %s%s: %s  %s\n", q.Kind, speaker, verb, dim(fmt.Sprintf("%q", truncate(q.Text, 70))), where(q.Sentence, q.Span))
	}
	framed := 0
	for _, m := range a.Modalities {
		if m.Kind != crosscheck.ModAsserted {
			framed++
		}
	}
	if framed > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, style(color, ansiBold, fmt.Sprintf("Attribution and hedging (%d of %d clause records not in the outlet's plain voice)", framed, len(a.Modalities))))
	}
	for _, m := range a.Modalities {
		if m.Kind == crosscheck.ModAsserted {
			continue
		}
		src := ""
		if m.Source != "" {
			src = " source " + m.Source
		}
		fmt.Fprintf(w, "  %-12s cue %-22s%s  %s\n", m.Kind, fmt.Sprintf("%q", m.Cue), src, where(m.Sentence, m.Span))
	}
}

// bounds renders a quantity's value and bounds: "19", "≥ 24 (vague)",
// "≤ 1000 USD", "≈ 300".
func bounds(q crosscheck.Quantity) string {
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	var s string
	switch {
	case q.Low != nil && q.High != nil && *q.Low == *q.High:
		s = num(*q.Low)
	case q.Low != nil && q.High != nil:
		s = num(*q.Low) + "–" + num(*q.High)
	case q.Low != nil:
		s = "≥ " + num(*q.Low)
	case q.High != nil:
		s = "≤ " + num(*q.High)
	default:
		s = num(q.Value)
	}
	if q.Approx {
		s = "≈ " + num(q.Value) + " (" + s + ")"
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	if q.Vague {
		s += " (vague)"
	}
	return s
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
