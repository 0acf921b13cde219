package main

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/report"
)

func runReport(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("report", `report [--story ID] [--format md|html|json|csv] [--out FILE] [--lexicon FILE]

Builds the claim ledger of a story (or of every event) and prints it:
conflicts first, then single-source claims, then agreements, then who
is quoted by whom and how each outlet frames the affair. Every cell
cites its article, sentence and byte span. --lexicon adds loaded terms
(term<TAB>category per line) to the built-in list.`)
	story := fs.String("story", "", "only this story (see 'crosscheck stories'); default: every event")
	format := fs.String("format", "md", "md, html, json or csv")
	out := fs.String("out", "", "write to this file instead of standard output")
	lexicon := fs.String("lexicon", "", "a file of extra loaded terms")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if m.JSON {
		*format = "json"
	}
	valid := false
	for _, f := range report.Formats {
		valid = valid || f == *format
	}
	if !valid {
		return usageErr("unknown format %q (want %s)", *format, strings.Join(report.Formats, ", "))
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := buildLedger(ctx, m, st, *story, *lexicon)
	if err != nil {
		return err
	}
	if *out == "" {
		return report.Write(m.Stdout, l, *format)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return report.Write(w, l, *format) })
}

// buildLedger loads the graph, documents and layers a ledger needs.
func buildLedger(ctx context.Context, m *Main, st crosscheck.Store, story, lexicon string) (*ledger.Ledger, error) {
	g, err := st.Graph(ctx)
	if err != nil {
		return nil, err
	}
	if g.Extractor == "" {
		return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no linked graph in %s yet: run 'crosscheck link'", m.DB)
	}
	in := ledger.Input{Graph: g, Docs: map[string]*crosscheck.Document{}, Layers: map[string]*crosscheck.Annotations{}}
	for _, ev := range g.Events {
		for _, d := range ev.Docs {
			if in.Docs[d] != nil {
				continue
			}
			doc, err := st.Document(ctx, d)
			if err != nil {
				return nil, err
			}
			layer, err := st.Annotations(ctx, d)
			if err != nil {
				return nil, err
			}
			in.Docs[d], in.Layers[d] = doc, layer
		}
	}
	places, err := m.places(ctx, st)
	if err != nil {
		return nil, err
	}
	places.AddGraph(g)
	in.Within = places.Within
	if lexicon != "" {
		lex := ledger.DefaultLexicon()
		f, err := os.Open(lexicon)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := lex.Read(f, lexicon); err != nil {
			return nil, err
		}
		in.Lexicon = lex
	}
	return ledger.Build(in, story)
}

// places reads the place hierarchy: the gazetteer's, plus the names
// list's third column (parents and capitals).
func (m *Main) places(ctx context.Context, st crosscheck.Store) (*ledger.Places, error) {
	places := ledger.NewPlaces()
	text, _, err := m.namesText(ctx, st)
	if err != nil || text == "" {
		return places, err
	}
	if err := places.ReadNames(strings.NewReader(text)); err != nil {
		return nil, err
	}
	return places, nil
}
