package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/coref"
	"github.com/crosscheck/crosscheck/link/story"
)

// The commands over the linked graph: entities, events, stories and the
// timeline, and the user's entity decisions.

func runEntities(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("entities", "entities [--type LABEL] [--query TEXT] [--sort mentions|docs|name] [--limit N]")
	typ := fs.String("type", "", "only entities of this type (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT)")
	query := fs.String("query", "", "only entities with a name or alias containing this text")
	sortBy := fs.String("sort", "mentions", "order: mentions, docs or name")
	limit := fs.Int("limit", 50, "show at most this many (0: all)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ents, err := st.Entities(ctx, crosscheck.EntityFilter{Type: *typ, Query: *query, Sort: *sortBy, Limit: *limit})
	if err != nil {
		return err
	}
	if m.JSON {
		if ents == nil {
			ents = []crosscheck.Entity{}
		}
		return writeJSON(m.Stdout, ents)
	}
	if len(ents) == 0 {
		fmt.Fprintln(m.Stdout, "No entities match (run 'crosscheck link' after ingesting to build them).")
		return nil
	}
	fmt.Fprintln(m.Stdout, style(m.colorOut, ansiBold, fmt.Sprintf("%-12s %-7s %8s %5s  %-34s %s", "ID", "TYPE", "MENTIONS", "DOCS", "NAME", "ALIASES")))
	for _, e := range ents {
		fmt.Fprintf(m.Stdout, "%-12s %-7s %8d %5d  %-34s %s\n", e.ID, e.Type, e.Count, e.Docs, truncate(e.Name, 34), style(m.colorOut, ansiDim, aliasList(e, 6)))
	}
	return nil
}

// aliasList renders the aliases other than the name: "SSS ×4, the service ×2".
func aliasList(e crosscheck.Entity, max int) string {
	var parts []string
	for _, a := range e.Aliases {
		if a.Name == e.Name {
			continue
		}
		if len(parts) == max {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s ×%d", a.Name, a.Count))
	}
	return strings.Join(parts, ", ")
}

func runEntity(ctx context.Context, m *Main, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case crosscheck.DecideMerge, crosscheck.DecideSplit, crosscheck.DecideRename:
			return runDecision(ctx, m, args[0], args[1:])
		}
	}
	fs := m.flags("entity", "entity ID|NAME  |  entity merge NAME NAME  |  entity split NAME ALIAS  |  entity rename NAME NEWNAME")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("want one entity ID or name")
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	e, err := findEntity(ctx, st, pos[0])
	if err != nil {
		return err
	}
	events, err := st.Events(ctx)
	if err != nil {
		return err
	}
	var involved []crosscheck.Event
	for _, ev := range events {
		for _, id := range ev.Entities {
			if id == e.ID {
				involved = append(involved, ev)
				break
			}
		}
	}
	co, err := coOccurring(ctx, st, e)
	if err != nil {
		return err
	}
	if m.JSON {
		if involved == nil {
			involved = []crosscheck.Event{}
		}
		return writeJSON(m.Stdout, struct {
			*crosscheck.Entity
			CoOccurring []coCount          `json:"co_occurring"`
			Events      []crosscheck.Event `json:"events"`
		}{e, co, involved})
	}
	bold := func(s string) string { return style(m.colorOut, ansiBold, s) }
	dim := func(s string) string { return style(m.colorOut, ansiDim, s) }
	fmt.Fprintln(m.Stdout, bold(fmt.Sprintf("%s  %s (%s)", e.ID, e.Name, e.Type)))
	fmt.Fprintf(m.Stdout, "%d mentions in %d documents\n", len(e.Mentions), e.Docs)
	fmt.Fprintln(m.Stdout, "Aliases:   "+aliasList(*e, 50))
	for _, r := range e.Relations {
		fmt.Fprintf(m.Stdout, "Related:   %s %s\n", strings.ReplaceAll(r.Kind, "_", " "), r.Entity)
	}
	fmt.Fprintln(m.Stdout)
	fmt.Fprintln(m.Stdout, bold("Mentions"))
	docs := docCache{st: st, docs: map[string]*crosscheck.Document{}}
	for _, r := range e.Mentions {
		doc, err := docs.get(ctx, r.DocID)
		if err != nil {
			return err
		}
		sentence := ""
		if doc != nil {
			sentence = sentenceAround(doc.Text, r.Span)
		}
		fmt.Fprintf(m.Stdout, "  %s %-11s %-24s %s\n", shortID(r.DocID), r.Kind, truncate(fmt.Sprintf("%q", r.Text), 24), dim(truncate(sentence, 90)))
	}
	if len(co) > 0 {
		fmt.Fprintln(m.Stdout)
		fmt.Fprintln(m.Stdout, bold("Appears in documents with"))
		for i, c := range co {
			if i == 12 {
				break
			}
			fmt.Fprintf(m.Stdout, "  %-12s %-34s %d documents\n", c.ID, truncate(c.Name, 34), c.Docs)
		}
	}
	if len(involved) > 0 {
		fmt.Fprintln(m.Stdout)
		fmt.Fprintln(m.Stdout, bold("Events"))
		for _, ev := range involved {
			fmt.Fprintf(m.Stdout, "  %-12s %-22s %s %s\n", ev.ID, coref.FormatInterval(ev.Begin, ev.End), ev.Title, dim(fmt.Sprintf("(%d articles)", len(ev.Docs))))
		}
	}
	return nil
}

// docCache reads each document once; a document that is gone (the graph
// is older than a deletion) is nil, any other failure an error.
type docCache struct {
	st   crosscheck.Store
	docs map[string]*crosscheck.Document
}

func (c docCache) get(ctx context.Context, id string) (*crosscheck.Document, error) {
	if doc, ok := c.docs[id]; ok {
		return doc, nil
	}
	doc, err := c.st.Document(ctx, id)
	if errors.Is(err, crosscheck.ErrNotFound) {
		doc, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	c.docs[id] = doc
	return doc, nil
}

// coCount is an entity that shares documents with another.
type coCount struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Docs int    `json:"docs"`
}

// coOccurring counts, for each other entity, the documents it shares with
// e, from one read of the graph.
func coOccurring(ctx context.Context, st crosscheck.Store, e *crosscheck.Entity) ([]coCount, error) {
	docs := map[string]bool{}
	for _, r := range e.Mentions {
		docs[r.DocID] = true
	}
	g, err := st.Graph(ctx)
	if err != nil {
		return nil, err
	}
	var out []coCount
	for _, o := range g.Entities {
		if o.ID == e.ID {
			continue
		}
		seen := map[string]bool{}
		for _, r := range o.Mentions {
			if docs[r.DocID] {
				seen[r.DocID] = true
			}
		}
		if len(seen) > 0 {
			out = append(out, coCount{o.ID, o.Name, len(seen)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Docs != out[j].Docs {
			return out[i].Docs > out[j].Docs
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// findEntity looks an entity up by ID, else by a name or alias that
// matches exactly (case-insensitive) one entity.
func findEntity(ctx context.Context, st crosscheck.Store, arg string) (*crosscheck.Entity, error) {
	e, err := st.Entity(ctx, arg)
	if err == nil || !errors.Is(err, crosscheck.ErrNotFound) {
		return e, err
	}
	cands, err := st.Entities(ctx, crosscheck.EntityFilter{Query: arg})
	if err != nil {
		return nil, err
	}
	var exact []crosscheck.Entity
	for _, c := range cands {
		for _, a := range append([]crosscheck.Alias{{Name: c.Name}}, c.Aliases...) {
			if strings.EqualFold(a.Name, arg) {
				exact = append(exact, c)
				break
			}
		}
	}
	switch {
	case len(exact) == 1:
		return st.Entity(ctx, exact[0].ID)
	case len(exact) > 1:
		var ids []string
		for _, c := range exact {
			ids = append(ids, c.ID+" ("+c.Name+", "+c.Type+")")
		}
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%q names %d entities: %s; give an ID", arg, len(exact), strings.Join(ids, "; "))
	}
	return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no entity with ID or name %q (see 'crosscheck entities --query %s')", arg, arg)
}

// sentenceAround returns the line of text around a span, trimmed.
func sentenceAround(text string, sp crosscheck.Span) string {
	if !sp.Valid(len(text)) {
		return ""
	}
	start := strings.LastIndex(text[:sp.Start], "\n") + 1
	end := strings.Index(text[sp.End:], "\n")
	if end < 0 {
		end = len(text)
	} else {
		end += sp.End
	}
	line := text[start:end]
	// Keep the window near the mention on long paragraphs.
	if rel := sp.Start - start; rel > 60 {
		cut := strings.LastIndexAny(line[:rel-40], ".!?")
		if cut > 0 {
			line = strings.TrimSpace(line[cut+1:])
		}
	}
	return line
}

func runDecision(ctx context.Context, m *Main, kind string, args []string) error {
	usage := map[string]string{
		crosscheck.DecideMerge:  "entity merge [--type LABEL] [--note TEXT] NAME NAME",
		crosscheck.DecideSplit:  "entity split [--type LABEL] [--note TEXT] NAME ALIAS",
		crosscheck.DecideRename: "entity rename [--type LABEL] [--note TEXT] NAME NEWNAME",
	}[kind]
	fs := m.flags("entity "+kind, usage)
	typ := fs.String("type", "", "apply only to entities of this type")
	note := fs.String("note", "", "why (kept with the decision)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("want two names")
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	// A merge or split of names no entity has is most likely a typo.
	check := pos
	if kind == crosscheck.DecideRename {
		check = pos[:1]
	}
	for _, name := range check {
		if ents, err := st.Entities(ctx, crosscheck.EntityFilter{Query: name, Type: *typ}); err != nil {
			return err
		} else if !hasAlias(ents, name) {
			return crosscheck.Errorf(crosscheck.ErrNotFound, "no entity goes by %q (see 'crosscheck entities --query %s')", name, name)
		}
	}
	d, err := st.AddDecision(ctx, crosscheck.Decision{Kind: kind, Type: strings.ToUpper(*typ), A: pos[0], B: pos[1], Note: *note})
	if err != nil {
		return err
	}
	if !m.Quiet {
		fmt.Fprintf(m.Stderr, "decision %d recorded: %s %q %q; re-linking\n", d.Seq, d.Kind, d.A, d.B)
	}
	sum, err := relink(ctx, m, st)
	if err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, struct {
			Decision crosscheck.Decision `json:"decision"`
			Link     linkSummary         `json:"link"`
		}{d, sum})
	}
	fmt.Fprintln(m.Stdout, sum.line())
	return nil
}

func hasAlias(ents []crosscheck.Entity, name string) bool {
	for _, e := range ents {
		if strings.EqualFold(e.Name, name) {
			return true
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a.Name, name) {
				return true
			}
		}
	}
	return false
}

func runEvents(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("events", "events [--type TYPE] [--story ID]")
	typ := fs.String("type", "", "only events of this type (ARREST, DIPLOMACY, …)")
	storyID := fs.String("story", "", "only the events of this story")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	events, err := storyEvents(ctx, st, *storyID)
	if err != nil {
		return err
	}
	var out []crosscheck.Event
	for _, ev := range events {
		if *typ == "" || strings.EqualFold(ev.Type, *typ) {
			out = append(out, ev)
		}
	}
	if m.JSON {
		if out == nil {
			out = []crosscheck.Event{}
		}
		return writeJSON(m.Stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(m.Stdout, "No events match (run 'crosscheck link' after ingesting to build them).")
		return nil
	}
	fmt.Fprintln(m.Stdout, style(m.colorOut, ansiBold, fmt.Sprintf("%-12s %-10s %-22s %4s %4s  %s", "ID", "TYPE", "WHEN", "DOCS", "MENT", "TITLE")))
	for _, ev := range out {
		fmt.Fprintf(m.Stdout, "%-12s %-10s %-22s %4d %4d  %s\n", ev.ID, ev.Type, coref.FormatInterval(ev.Begin, ev.End), len(ev.Docs), len(ev.Mentions), ev.Title)
	}
	return nil
}

// storyEvents returns all events, or those of one story, in time order.
func storyEvents(ctx context.Context, st crosscheck.Store, storyID string) ([]crosscheck.Event, error) {
	events, err := st.Events(ctx)
	if err != nil || storyID == "" {
		return events, err
	}
	stories, err := st.Stories(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range stories {
		if s.ID == storyID {
			in := map[string]bool{}
			for _, id := range s.Events {
				in[id] = true
			}
			var out []crosscheck.Event
			for _, ev := range events {
				if in[ev.ID] {
					out = append(out, ev)
				}
			}
			return out, nil
		}
	}
	return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no story %s (see 'crosscheck stories')", storyID)
}

func runEvent(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("event", "event ID")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("want one event ID")
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ev, err := st.Event(ctx, pos[0])
	if err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, ev)
	}
	bold := func(s string) string { return style(m.colorOut, ansiBold, s) }
	dim := func(s string) string { return style(m.colorOut, ansiDim, s) }
	fmt.Fprintln(m.Stdout, bold(ev.ID+"  "+ev.Title))
	fmt.Fprintf(m.Stdout, "Type: %s   When: %s   Reported by %d articles (%d mentions)\n", ev.Type, coref.FormatInterval(ev.Begin, ev.End), len(ev.Docs), len(ev.Mentions))
	docs := docCache{st: st, docs: map[string]*crosscheck.Document{}}
	for _, mt := range ev.Mentions {
		doc, err := docs.get(ctx, mt.DocID)
		if err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout)
		head := shortID(mt.DocID)
		if doc != nil {
			head += "  " + orDash(doc.Meta.Outlet) + "  " + orDash(doc.Meta.Published.String()) + "  " + truncate(doc.Meta.Title, 60)
		}
		fmt.Fprintln(m.Stdout, bold(head))
		if doc != nil && mt.Span.Valid(len(doc.Text)) {
			fmt.Fprintf(m.Stdout, "  %s\n", dim(fmt.Sprintf("sentence %d: %q", mt.Sentence, truncate(doc.Text[mt.Span.Start:mt.Span.End], 200))))
		}
		flags := ""
		if mt.Negated {
			flags += " negated"
		}
		if mt.Recap {
			flags += " recap"
		}
		for _, md := range mt.Modalities {
			if md.Kind != crosscheck.ModAsserted {
				flags += " " + md.Kind
				if md.Source != "" {
					flags += "(" + md.Source + ")"
				}
			}
		}
		fmt.Fprintf(m.Stdout, "  trigger %q %s%s\n", mt.Trigger, mt.Type, flags)
		for _, a := range mt.Arguments {
			val := fmt.Sprintf("%q", a.Text)
			if a.Entity != "" {
				val += " → " + a.Entity
			}
			if a.Timex != nil && a.Timex.Value != "" {
				val += " = " + a.Timex.Value
			}
			if a.Quantity != nil {
				val += " = " + bounds(*a.Quantity)
			}
			fmt.Fprintf(m.Stdout, "    %-10s %s\n", a.Role, val)
		}
	}
	return nil
}

func runStories(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("stories", "stories")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	stories, err := st.Stories(ctx)
	if err != nil {
		return err
	}
	if m.JSON {
		if stories == nil {
			stories = []crosscheck.Story{}
		}
		return writeJSON(m.Stdout, stories)
	}
	if len(stories) == 0 {
		fmt.Fprintln(m.Stdout, "No stories yet (run 'crosscheck link' after ingesting to build them).")
		return nil
	}
	fmt.Fprintln(m.Stdout, style(m.colorOut, ansiBold, fmt.Sprintf("%-12s %-22s %6s %5s  %s", "ID", "WHEN", "EVENTS", "DOCS", "TITLE")))
	for _, s := range stories {
		fmt.Fprintf(m.Stdout, "%-12s %-22s %6d %5d  %s\n", s.ID, coref.FormatInterval(s.Begin, s.End), len(s.Events), len(s.Docs), s.Title)
	}
	return nil
}

func runTimeline(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("timeline", "timeline [--story ID]")
	storyID := fs.String("story", "", "only the events of this story")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	events, err := storyEvents(ctx, st, *storyID)
	if err != nil {
		return err
	}
	entries := story.Timeline(events)
	if m.JSON {
		if entries == nil {
			entries = []story.TimelineEntry{}
		}
		return writeJSON(m.Stdout, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(m.Stdout, "No events (run 'crosscheck link' after ingesting to build them).")
		return nil
	}
	for _, e := range entries {
		when := e.Label
		if e.Disputed {
			when += " (disputed)"
		}
		fmt.Fprintf(m.Stdout, "%-28s %-10s %s %s\n", when, e.Type, e.Title, style(m.colorOut, ansiDim, fmt.Sprintf("[%s, %d articles, time %s]", e.Event, e.Docs, e.Basis)))
	}
	return nil
}
