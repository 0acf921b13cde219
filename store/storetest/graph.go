package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// RunGraph runs the conformance suite of the GraphStore part.
func RunGraph(t *testing.T, open func(t *testing.T) crosscheck.Store) {
	t.Run("Graph/RoundTripAndReplace", func(t *testing.T) { testGraphRoundTrip(t, open(t)) })
	t.Run("Graph/Invalid", func(t *testing.T) { testGraphInvalid(t, open(t)) })
	t.Run("Graph/Decisions", func(t *testing.T) { testDecisions(t, open(t)) })
	t.Run("Settings", func(t *testing.T) { testSettings(t, open(t)) })
}

// graph builds a small linked graph over the document annotatedDoc makes
// ("Kelm denies report\n\nOstravia denied it.").
func graph(docID string) *crosscheck.Graph {
	ref := func(s, e, sent int, text, kind string) crosscheck.EntityRef {
		return crosscheck.EntityRef{DocID: docID, Span: crosscheck.Span{Start: s, End: e}, Sentence: sent, Text: text, Kind: kind, Extractor: "entity/1"}
	}
	mention := crosscheck.EventMention{
		ID: docID + "/0", DocID: docID, Sentence: 1, Span: crosscheck.Span{Start: 20, End: 39},
		Trigger: "denied", TriggerSpan: crosscheck.Span{Start: 29, End: 35}, Type: crosscheck.EventStatement,
		Arguments: []crosscheck.Argument{{Role: crosscheck.RoleAgent, Text: "Ostravia", Span: crosscheck.Span{Start: 20, End: 28}, Sentence: 1, Entity: "E1"}},
		Begin:     "2026-03-12", End: "2026-03-12", Extractor: "event/1",
	}
	return &crosscheck.Graph{
		Entities: []crosscheck.Entity{
			{ID: "E1", Type: crosscheck.LabelGPE, Name: "Ostravia", Aliases: []crosscheck.Alias{{Name: "Ostravia", Count: 1}, {Name: "Kelm", Count: 1}},
				Mentions:  []crosscheck.EntityRef{ref(0, 4, 0, "Kelm", crosscheck.RefMetonym), ref(20, 28, 1, "Ostravia", crosscheck.RefName)},
				Relations: []crosscheck.Relation{{Kind: crosscheck.RelGovernmentOf, Entity: "E2"}}, Docs: 1, Count: 2},
			{ID: "E2", Type: crosscheck.LabelGPE, Name: "Kelm", Aliases: []crosscheck.Alias{{Name: "Kelm", Count: 0}}, Docs: 0},
		},
		Events: []crosscheck.Event{
			{ID: "V2", Type: crosscheck.EventStatement, Title: "undated statement", Mentions: []crosscheck.EventMention{mention}, Docs: []string{docID}},
			{ID: "V1", Type: crosscheck.EventStatement, Title: "Ostravia denies", Begin: "2026-03-12", End: "2026-03-12",
				Mentions: []crosscheck.EventMention{mention}, Docs: []string{docID}, Entities: []string{"E1"}},
		},
		Stories:   []crosscheck.Story{{ID: "T1", Title: "Ostravia denies", Events: []string{"V1", "V2"}, Docs: []string{docID}, Begin: "2026-03-12", End: "2026-03-12"}},
		Extractor: "link/1",
		CreatedAt: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC),
	}
}

func testGraphRoundTrip(t *testing.T, s crosscheck.Store) {
	ctx := t.Context()
	doc := annotatedDoc(t, s)
	g := graph(doc.ID)
	if err := s.PutGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entity(ctx, "E1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, g.Entities[0]) {
		t.Errorf("Entity(E1):\n got %+v\nwant %+v", *got, g.Entities[0])
	}
	list, err := s.Entities(ctx, crosscheck.EntityFilter{})
	if err != nil || len(list) != 2 || list[0].ID != "E1" || list[0].Mentions != nil || list[0].Aliases[1].Name != "Kelm" {
		t.Errorf("Entities() = %+v, %v; want E1 (without mentions) then E2", list, err)
	}
	if list, err := s.Entities(ctx, crosscheck.EntityFilter{Query: "KEL", Sort: "name"}); err != nil || len(list) != 2 || list[0].ID != "E2" {
		t.Errorf("Entities(query kel, by name) = %+v, %v", list, err)
	}
	if list, err := s.Entities(ctx, crosscheck.EntityFilter{Type: "org"}); err != nil || len(list) != 0 {
		t.Errorf("Entities(type org) = %+v, %v; want none", list, err)
	}
	if _, err := s.Entities(ctx, crosscheck.EntityFilter{Sort: "size"}); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("unknown sort: %v, want ErrInvalid", err)
	}
	evs, err := s.Events(ctx)
	if err != nil || len(evs) != 2 || evs[0].ID != "V1" || evs[1].ID != "V2" {
		t.Fatalf("Events() = %+v, %v; want dated V1 before undated V2", evs, err)
	}
	if !reflect.DeepEqual(evs[0], g.Events[1]) {
		t.Errorf("event round trip:\n got %+v\nwant %+v", evs[0], g.Events[1])
	}
	if ev, err := s.Event(ctx, "V2"); err != nil || ev.Title != "undated statement" || len(ev.Mentions[0].Arguments) != 1 {
		t.Errorf("Event(V2) = %+v, %v", ev, err)
	}
	if _, err := s.Event(ctx, "V9"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("Event(V9): %v, want ErrNotFound", err)
	}
	if _, err := s.Entity(ctx, "E9"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("Entity(E9): %v, want ErrNotFound", err)
	}
	stories, err := s.Stories(ctx)
	if err != nil || len(stories) != 1 || !reflect.DeepEqual(stories[0], g.Stories[0]) {
		t.Errorf("Stories() = %+v, %v", stories, err)
	}
	whole, err := s.Graph(ctx)
	if err != nil || whole.Extractor != "link/1" || !whole.CreatedAt.Equal(g.CreatedAt) || len(whole.Entities) != 2 || len(whole.Events) != 2 || len(whole.Stories) != 1 {
		t.Fatalf("Graph() = %+v, %v", whole, err)
	}
	if !reflect.DeepEqual(whole.Entities[0], g.Entities[0]) {
		t.Errorf("Graph() entity:\n got %+v\nwant %+v", whole.Entities[0], g.Entities[0])
	}
	// A new graph replaces the old one as a whole.
	next := graph(doc.ID)
	next.Entities = next.Entities[1:]
	next.Events, next.Stories = nil, nil
	if err := s.PutGraph(ctx, next); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Entity(ctx, "E1"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("E1 after replacement: %v, want ErrNotFound", err)
	}
	if evs, err := s.Events(ctx); err != nil || len(evs) != 0 {
		t.Errorf("events after replacement: %+v, %v", evs, err)
	}
}

func testGraphInvalid(t *testing.T, s crosscheck.Store) {
	ctx := t.Context()
	if g, err := s.Graph(ctx); err != nil || g.Extractor != "" || len(g.Entities) != 0 {
		t.Errorf("Graph() before any linking = %+v, %v; want empty", g, err)
	}
	doc := annotatedDoc(t, s)
	if err := s.PutGraph(ctx, graph(doc.ID)); err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func(g *crosscheck.Graph){
		"unknown document": func(g *crosscheck.Graph) { g.Entities[0].Mentions[0].DocID = "ffffffffffffffff" },
		"duplicate entity": func(g *crosscheck.Graph) { g.Entities[1].ID = "E1" },
		"no event ID":      func(g *crosscheck.Graph) { g.Events[0].ID = "" },
		"bad span":         func(g *crosscheck.Graph) { g.Entities[0].Mentions[1].Span = crosscheck.Span{Start: 9, End: 2} },
	} {
		g := graph(doc.ID)
		spoil(g)
		if err := s.PutGraph(ctx, g); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if e, err := s.Entity(ctx, "E1"); err != nil || len(e.Mentions) != 2 {
		t.Errorf("a rejected graph changed the stored one: %+v, %v", e, err)
	}
}

func testDecisions(t *testing.T, s crosscheck.Store) {
	ctx := t.Context()
	a, err := s.AddDecision(ctx, crosscheck.Decision{Kind: crosscheck.DecideMerge, A: "SSS", B: "State Security Service", Note: "same agency"})
	if err != nil || a.Seq == 0 || a.CreatedAt.IsZero() {
		t.Fatalf("AddDecision = %+v, %v", a, err)
	}
	b, err := s.AddDecision(ctx, crosscheck.Decision{Kind: crosscheck.DecideRename, Type: crosscheck.LabelOrg, A: "SSS", B: "Valdorian State Security Service"})
	if err != nil || b.Seq <= a.Seq {
		t.Fatalf("second AddDecision = %+v, %v", b, err)
	}
	for _, bad := range []crosscheck.Decision{{Kind: "delete", A: "x", B: "y"}, {Kind: crosscheck.DecideMerge, A: "x", B: " "}} {
		if _, err := s.AddDecision(ctx, bad); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("AddDecision(%+v): %v, want ErrInvalid", bad, err)
		}
	}
	// Decisions survive a new graph.
	doc := annotatedDoc(t, s)
	if err := s.PutGraph(ctx, graph(doc.ID)); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Decisions(ctx)
	if err != nil || len(ds) != 2 || ds[0].Seq != a.Seq || ds[1].B != "Valdorian State Security Service" || ds[1].Type != crosscheck.LabelOrg || !ds[0].CreatedAt.Equal(a.CreatedAt) {
		t.Errorf("Decisions() = %+v, %v", ds, err)
	}
}

func testSettings(t *testing.T, s crosscheck.Store) {
	ctx := t.Context()
	if _, err := s.Setting(ctx, "names"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("missing setting: %v, want ErrNotFound", err)
	}
	for _, v := range []string{"Kelm\tGPE\n", "Kelm\tGPE\tcapital of Ostravia\n"} {
		if err := s.PutSetting(ctx, "names", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting(ctx, "names"); err != nil || got != v {
			t.Errorf("Setting(names) = %q, %v; want %q", got, err, v)
		}
	}
}
