package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/link/coref"
	"github.com/crosscheck/crosscheck/report"
)

// DemoDB is the database the demo recreates when --db is not given.
const DemoDB = "crosscheck-demo.db"

func runDemo(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("demo", `demo [--db FILE]

Ingests the built-in demo corpus (invented outlets and affairs, in text,
HTML, feed, WARC and JSON lines form) into a fresh database, then shows
what crosscheck found. Without --db it recreates ./crosscheck-demo.db.`)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	m.demo = true
	if !m.dbSet {
		m.DB = DemoDB
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(m.DB + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("recreate %s: %w", m.DB, err)
			}
		}
	} else if _, err := os.Stat(m.DB); err == nil {
		return fmt.Errorf("%s exists: the demo needs a fresh database (remove it, or leave out --db to use ./%s)", m.DB, DemoDB)
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := ingest.New(st, ingest.Options{FS: demo.Corpus()})
	if err != nil {
		return err
	}
	if !m.Quiet && !m.JSON {
		fmt.Fprintf(m.Stdout, "%s\n\n", style(m.colorOut, ansiBold, "crosscheck demo: ingesting the built-in corpus into "+m.DB))
	}
	sum, err := runBatch(ctx, m, in, []string{demo.Root})
	if err != nil {
		return err
	}
	if err := annotateNew(ctx, m, st); err != nil {
		return err
	}
	if err := linkAll(ctx, m, st); err != nil {
		return err
	}
	if m.JSON {
		if sum.Failed > 0 {
			return exitError{1}
		}
		return nil
	}
	if err := tour(ctx, m, st, sum); err != nil {
		return err
	}
	if err := demoReport(ctx, m, st); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}

// tour prints what the demo corpus holds once ingested.
func tour(ctx context.Context, m *Main, st crosscheck.Store, sum ingest.Summary) error {
	w, c := m.Stdout, m.colorOut
	head := func(s string) { fmt.Fprintf(w, "\n%s\n", style(c, ansiBold, s)) }

	docs, err := st.Documents(ctx, crosscheck.DocumentFilter{})
	if err != nil {
		return err
	}
	head(fmt.Sprintf("Documents (%d), newest first; undated last", len(docs)))
	for _, d := range docs {
		fmt.Fprintln(w, "  "+docLine(c, d))
	}

	head("Formats and how each document's date was found")
	formats := map[string]int{}
	rules := map[string]int{}
	removed := map[string]int{}
	var dups, blocks []string
	for _, d := range docs {
		doc, err := st.Document(ctx, d.ID)
		if err != nil {
			return err
		}
		formats[doc.Source.Format]++
		rule := doc.Meta.Rules["published"]
		if rule == "" {
			rule = "no date stated (left unknown)"
		}
		rules[rule]++
		for _, r := range doc.Removed {
			removed[r.Label]++
		}
		for _, b := range doc.Blocks {
			blocks = append(blocks, fmt.Sprintf("%s: %s copy from %s under the dateline %q", shortID(doc.ID), b.Kind, b.Source, b.Dateline))
		}
		if d.DuplicateOf != "" {
			links, err := st.Links(ctx, d.ID)
			if err != nil {
				return err
			}
			for _, l := range links {
				if l.From == d.ID {
					dups = append(dups, fmt.Sprintf("%s %s\n      is a near-duplicate (similarity %.2f) of %s", shortID(d.ID), truncate(d.Title, 60), l.Similarity, shortID(l.To)))
				}
			}
		}
	}
	fmt.Fprintf(w, "  formats: %s\n", counts(formats))
	fmt.Fprintf(w, "  date rules: %s\n", counts(rules))
	head("Page chrome the cleaner removed and recorded (pieces by label)")
	fmt.Fprintf(w, "  %s\n", counts(removed))
	if len(blocks) > 0 {
		head("Embedded copy from other sources")
		for _, b := range blocks {
			fmt.Fprintln(w, "  "+b)
		}
	}
	if len(dups) > 0 {
		head("Near-duplicates (the same story on two sites)")
		for _, d := range dups {
			fmt.Fprintln(w, "  "+d)
		}
	}

	if err := topEntities(ctx, m, st, docs); err != nil {
		return err
	}
	if err := graphTour(ctx, m, st); err != nil {
		return err
	}

	const query = `"security service" arrested`
	hits, err := st.Search(ctx, crosscheck.SearchQuery{Text: query, DocumentFilter: crosscheck.DocumentFilter{Limit: 3}})
	if err != nil {
		return err
	}
	head(fmt.Sprintf("Search: %s (top %d)", query, len(hits)))
	for _, h := range hits {
		fmt.Fprintf(w, "  %s %s — %s\n    %s\n", style(c, ansiCyan, shortID(h.Document.ID)), truncate(h.Document.Title, 60), orDash(h.Document.Outlet), highlight(h, c))
	}
	head("Next")
	id := "ID"
	if len(docs) > 0 {
		id = shortID(docs[0].ID)
	}
	fmt.Fprintf(w, "  crosscheck --db %s docs\n  crosscheck --db %s show --annotate %s\n  crosscheck --db %s search 'border exercise' --outlet \"Northern Ledger\"\n",
		m.DB, m.DB, id, m.DB)
	fmt.Fprintf(w, "  crosscheck --db %s entities\n  crosscheck --db %s stories\n  crosscheck --db %s timeline\n  crosscheck --db %s report --format html --out report.html\n", m.DB, m.DB, m.DB, m.DB)
	return nil
}

// graphTour shows what linking found: the most mentioned actors, the
// stories and the timeline.
func graphTour(ctx context.Context, m *Main, st crosscheck.Store) error {
	w, c := m.Stdout, m.colorOut
	head := func(s string) { fmt.Fprintf(w, "\n%s\n", style(c, ansiBold, s)) }
	ents, err := st.Entities(ctx, crosscheck.EntityFilter{Limit: 12})
	if err != nil {
		return err
	}
	head("Actors across articles (linked entities, most mentioned first)")
	for _, e := range ents {
		fmt.Fprintf(w, "  %-12s %-7s %4d mentions in %2d docs  %s %s\n", e.ID, e.Type, e.Count, e.Docs, e.Name, style(c, ansiDim, aliasList(e, 4)))
	}
	stories, err := st.Stories(ctx)
	if err != nil {
		return err
	}
	head(fmt.Sprintf("Stories (%d): related events and the articles that report them", len(stories)))
	for i, s := range stories {
		if i == 8 {
			fmt.Fprintf(w, "  … and %d more ('crosscheck stories')\n", len(stories)-i)
			break
		}
		fmt.Fprintf(w, "  %-12s %-22s %2d events %2d docs  %s\n", s.ID, coref.FormatInterval(s.Begin, s.End), len(s.Events), len(s.Docs), s.Title)
	}
	events, err := st.Events(ctx)
	if err != nil {
		return err
	}
	head("Events reported by the most articles")
	sorted := append([]crosscheck.Event(nil), events...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i].Docs) > len(sorted[j].Docs) })
	for i, ev := range sorted {
		if i == 8 {
			break
		}
		fmt.Fprintf(w, "  %-12s %-22s %2d docs  %s\n", ev.ID, coref.FormatInterval(ev.Begin, ev.End), len(ev.Docs), ev.Title)
	}
	return nil
}

// demoReport ends the demo with the claim ledger: the Markdown report on
// the terminal and the HTML one in a file beside the database.
func demoReport(ctx context.Context, m *Main, st crosscheck.Store) error {
	l, err := buildLedger(ctx, m, st, "", "")
	if err != nil {
		return err
	}
	html := filepath.Join(filepath.Dir(m.DB), "crosscheck-report.html")
	if err := writeFileAtomic(html, func(w io.Writer) error { return report.Write(w, l, "html") }); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\n%s\n\n", style(m.colorOut, ansiBold, "The claim ledger (also written to "+html+")"))
	return report.Write(m.Stdout, l, "md")
}

// counts renders a count map as "a 3, b 1", largest first.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// topEntities lists the names mentioned in most documents, with their
// labels: what the language layer found across the corpus.
func topEntities(ctx context.Context, m *Main, st crosscheck.Store, docs []crosscheck.DocumentSummary) error {
	type count struct {
		docs, mentions int
		labels         map[string]int
	}
	counts := map[string]*count{}
	for _, d := range docs {
		a, err := st.Annotations(ctx, d.ID)
		if errors.Is(err, crosscheck.ErrNotFound) {
			continue
		} else if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, e := range a.Entities {
			switch e.Label {
			case crosscheck.LabelPerson, crosscheck.LabelOrg, crosscheck.LabelGPE, crosscheck.LabelLoc, crosscheck.LabelNORP, crosscheck.LabelFac, crosscheck.LabelEvent:
			default:
				continue
			}
			if e.Role == "author" {
				continue
			}
			c := counts[e.Text]
			if c == nil {
				c = &count{labels: map[string]int{}}
				counts[e.Text] = c
			}
			c.mentions++
			c.labels[e.Label]++
			if !seen[e.Text] {
				seen[e.Text] = true
				c.docs++
			}
		}
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := counts[names[i]], counts[names[j]]
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		if a.mentions != b.mentions {
			return a.mentions > b.mentions
		}
		return names[i] < names[j]
	})
	if len(names) > 15 {
		names = names[:15]
	}
	fmt.Fprintf(m.Stdout, "\n%s\n", style(m.colorOut, ansiBold, "Names mentioned in most documents (language layer, with the corpus's names list for its invented places; linking across spellings comes next)"))
	for _, n := range names {
		c := counts[n]
		fmt.Fprintf(m.Stdout, "  %-34s %-14s %2d documents, %3d mentions\n", truncate(n, 34), counts2labels(c.labels), c.docs, c.mentions)
	}
	return nil
}

// counts2labels renders the label distribution of a name, most used first.
func counts2labels(m map[string]int) string {
	best, n := "", 0
	for l, c := range m {
		if c > n || (c == n && l < best) {
			best, n = l, c
		}
	}
	if len(m) > 1 {
		best += "+"
	}
	return best
}
