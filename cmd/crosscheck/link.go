package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link"
)

// linkSummary totals a linking run.
type linkSummary struct {
	Documents int           `json:"documents"`
	Skipped   int           `json:"skipped_unannotated"`
	Entities  int           `json:"entities"`
	Mentions  int           `json:"event_mentions"`
	Events    int           `json:"events"`
	Stories   int           `json:"stories"`
	Decisions int           `json:"decisions"`
	Extractor string        `json:"extractor"`
	Elapsed   time.Duration `json:"elapsed_ns"`
}

func (s linkSummary) line() string {
	skipped := ""
	if s.Skipped > 0 {
		skipped = fmt.Sprintf(" (%d documents without a language layer left out: run 'crosscheck annotate')", s.Skipped)
	}
	return fmt.Sprintf("linked %d documents in %.2fs: %d entities, %d event mentions in %d events, %d stories; %d user decisions applied%s",
		s.Documents, s.Elapsed.Seconds(), s.Entities, s.Mentions, s.Events, s.Stories, s.Decisions, skipped)
}

func runLink(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("link", `link

Resolves entities across all annotated documents, finds events with their
roles, merges reports of the same event and groups events into stories.
The result replaces the previous graph; entity decisions (crosscheck
entity merge|split|rename) are applied on every run.`)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := relink(ctx, m, st)
	if err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, sum)
	}
	if !m.Quiet {
		fmt.Fprintln(m.Stderr, sum.line())
	}
	return nil
}

// relink rebuilds the graph from every annotated document and stores it.
func relink(ctx context.Context, m *Main, st crosscheck.Store) (linkSummary, error) {
	start := time.Now()
	var sum linkSummary
	docs, err := st.Documents(ctx, crosscheck.DocumentFilter{})
	if err != nil {
		return sum, err
	}
	inputs := make([]link.Input, 0, len(docs))
	for _, d := range docs {
		doc, err := st.Document(ctx, d.ID)
		if err != nil {
			return sum, err
		}
		layer, err := st.Annotations(ctx, d.ID)
		if err != nil {
			if errors.Is(err, crosscheck.ErrNotFound) {
				sum.Skipped++
				continue
			}
			return sum, err
		}
		inputs = append(inputs, link.Input{Doc: doc, Layer: layer})
	}
	decisions, err := st.Decisions(ctx)
	if err != nil {
		return sum, err
	}
	places, err := m.places(ctx, st)
	if err != nil {
		return sum, err
	}
	g, err := link.Run(ctx, inputs, decisions, link.Options{Capitals: places.Capitals()})
	if err != nil {
		return sum, err
	}
	if err := st.PutGraph(ctx, g); err != nil {
		return sum, err
	}
	sum.Documents, sum.Decisions, sum.Extractor = len(inputs), len(decisions), g.Extractor
	sum.Entities, sum.Events, sum.Stories = len(g.Entities), len(g.Events), len(g.Stories)
	for _, ev := range g.Events {
		sum.Mentions += len(ev.Mentions)
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}
