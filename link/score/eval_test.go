package score

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo/gold"
)

func loadGold(t testing.TB) (*Gold, *Resolved, []crosscheck.Document) {
	t.Helper()
	g, err := LoadGold(gold.FS())
	if err != nil {
		t.Fatal(err)
	}
	docs := demoCorpus(t)
	r, err := g.Resolve(docs)
	if err != nil {
		t.Fatal(err)
	}
	return g, r, docs
}

// The gold must be well-formed and place every mention in the demo
// corpus as the demo ingests it.
func TestGoldIsConsistent(t *testing.T) {
	g, r, docs := loadGold(t)
	if len(r.Docs) != len(docs) {
		t.Errorf("gold has %d articles, the demo corpus %d documents", len(r.Docs), len(docs))
	}
	if len(g.Entities) < 25 {
		t.Errorf("%d gold entities, want at least 25", len(g.Entities))
	}
	types := []string{crosscheck.LabelPerson, crosscheck.LabelOrg, crosscheck.LabelGPE, crosscheck.LabelLoc, crosscheck.LabelFac}
	kinds := []string{crosscheck.RefName, crosscheck.RefAcronym, crosscheck.RefDescription, crosscheck.RefMetonym, crosscheck.RefDemonym}
	ids := map[string]bool{}
	for _, e := range g.Entities {
		ids[e.ID] = true
	}
	seen := map[Located]string{}
	for i, e := range g.Entities {
		if !slices.Contains(types, e.Type) {
			t.Errorf("entity %s: type %q", e.ID, e.Type)
		}
		for _, rel := range e.Relations {
			if !ids[rel.Entity] || rel.Entity == e.ID {
				t.Errorf("entity %s: relation to %q", e.ID, rel.Entity)
			}
		}
		for j, m := range e.Mentions {
			if !slices.Contains(kinds, m.Kind) {
				t.Errorf("entity %s: mention %q of kind %q", e.ID, m.Text, m.Kind)
			}
			l := r.Entities[i][j]
			if other, dup := seen[l]; dup {
				t.Errorf("%s %q#%d annotated for %s and %s", m.Article, m.Text, m.Occurrence, other, e.ID)
			}
			seen[l] = e.ID
		}
	}
	eventTypes := []string{crosscheck.EventArrest, crosscheck.EventAccuse, crosscheck.EventAttack, crosscheck.EventMobilize,
		crosscheck.EventDiplomacy, crosscheck.EventMeet, crosscheck.EventAgree, crosscheck.EventProtest,
		crosscheck.EventStatement, crosscheck.EventEspionage, crosscheck.EventSanction, crosscheck.EventAid}
	inStory := map[string]int{}
	for _, s := range g.Stories {
		for _, e := range s.Events {
			inStory[e]++
		}
	}
	triggers := map[Located]string{}
	for i, e := range g.Events {
		if !slices.Contains(eventTypes, e.Type) {
			t.Errorf("event %s: type %q", e.ID, e.Type)
		}
		if (e.Begin == "") != (e.End == "") || e.Begin > e.End {
			t.Errorf("event %s: interval %q–%q", e.ID, e.Begin, e.End)
		}
		if inStory[e.ID] != 1 {
			t.Errorf("event %s is in %d stories, want 1", e.ID, inStory[e.ID])
		}
		delete(inStory, e.ID)
		for _, m := range r.Events[i] {
			tr := Located{Doc: m.Doc, Span: m.Trigger}
			if other, dup := triggers[tr]; dup {
				t.Errorf("event %s and %s share a trigger", other, e.ID)
			}
			triggers[tr] = e.ID
		}
	}
	for id := range inStory {
		t.Errorf("story names unknown event %q", id)
	}
}

// The gold covers each linking rule the resolver must handle.
func TestGoldExercisesLinkingRules(t *testing.T) {
	g, _, _ := loadGold(t)
	entity := func(id string) GoldEntity {
		for _, e := range g.Entities {
			if e.ID == id {
				return e
			}
		}
		t.Fatalf("no entity %s", id)
		return GoldEntity{}
	}
	has := func(id, article, text, kind string) {
		t.Helper()
		for _, m := range entity(id).Mentions {
			if (article == "" || m.Article == article) && m.Text == text && m.Kind == kind {
				return
			}
		}
		t.Errorf("entity %s has no %s mention %q in %s", id, kind, text, article)
	}
	// Aliases of one organisation.
	for _, s := range []string{"State Security Service", "the security service", "the service", "the agency", "our security service"} {
		kind := crosscheck.RefDescription
		if s == "State Security Service" {
			kind = crosscheck.RefName
		}
		has("sss", "", s, kind)
	}
	// An acronym defined in one article (J3) and used bare in another (S10).
	has("tnec", "J3", "Talmeran National Energy Company", crosscheck.RefName)
	has("tnec", "S10", "TNEC", crosscheck.RefAcronym)
	has("sss", "S5", "SSS", crosscheck.RefAcronym) // S5 never spells it out
	// Transliterations.
	has("khoryev", "S8", "Arseny Khoryev", crosscheck.RefName)
	has("khoryev", "S7", "Arseni Horyev", crosscheck.RefName)
	has("brotherhood", "S1", "Khazrani Brotherhood", crosscheck.RefName)
	has("brotherhood", "S3", "Chazrani Brotherhood", crosscheck.RefName)
	// A capital standing for its government, and the capital itself.
	has("ostravia", "S1", "Kelm", crosscheck.RefMetonym)
	has("kelm", "S3", "Kelm", crosscheck.RefName)
	has("talmera", "H3", "Sarest", crosscheck.RefMetonym)
	// An unnamed ambassador in A2 and H4 who is named in S7–S9.
	has("vesterholt", "A2", "our own ambassador", crosscheck.RefDescription)
	has("vesterholt", "S9", "Joran Vesterholt", crosscheck.RefName)
	// A renamed organisation stays a separate entity with a relation.
	if rel := entity("mns").Relations; !slices.Contains(rel, crosscheck.Relation{Kind: crosscheck.RelRenamed, Entity: "sss"}) {
		t.Errorf("mns relations %v lack renamed→sss", rel)
	}
	// Recaps sit under the earlier event; same-type events of other years
	// stay apart.
	events := map[string]GoldEvent{}
	for _, e := range g.Events {
		events[e.ID] = e
	}
	recaps := 0
	for _, m := range events["arrest-2026-02-lanthia"].Mentions {
		if m.Recap {
			recaps++
		}
	}
	if recaps < 10 {
		t.Errorf("%d recaps of the February arrests", recaps)
	}
	for _, id := range []string{"arrest-2019-ministry", "arrest-2023-dolan", "exercise-2025-granite-shield", "summons-2026-03-25-vesterholt"} {
		e, ok := events[id]
		if !ok || len(e.Mentions) == 0 {
			t.Errorf("no event %s", id)
		}
	}
	undated := false
	for _, m := range events["arrest-2023-dolan"].Mentions {
		undated = undated || m.Article == "S10"
	}
	if !undated {
		t.Error("the 2023 arrest is not reported by the undated S10")
	}
}

// graphFromGold builds the graph a perfect linker would produce.
func graphFromGold(g *Gold, r *Resolved, docs []crosscheck.Document) *crosscheck.Graph {
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	var graph crosscheck.Graph
	for i, e := range g.Entities {
		ent := crosscheck.Entity{ID: e.ID, Type: e.Type, Name: e.Name}
		for j, l := range r.Entities[i] {
			ent.Mentions = append(ent.Mentions, crosscheck.EntityRef{DocID: l.Doc, Span: l.Span,
				Text: text[l.Doc][l.Span.Start:l.Span.End], Kind: e.Mentions[j].Kind})
		}
		graph.Entities = append(graph.Entities, ent)
	}
	for i, e := range g.Events {
		ev := crosscheck.Event{ID: e.ID, Type: e.Type, Title: e.Title}
		for j, l := range r.Events[i] {
			ev.Mentions = append(ev.Mentions, crosscheck.EventMention{DocID: l.Doc, Span: l.Span, TriggerSpan: l.Trigger,
				Trigger: e.Mentions[j].Trigger, Type: e.Type, Recap: e.Mentions[j].Recap})
		}
		graph.Events = append(graph.Events, ev)
	}
	return &graph
}

func checkPerfect(t *testing.T, name string, ev Evaluation, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	for metric, s := range map[string]PRF{"MUC": ev.MUC, "B3": ev.B3, "CEAFe": ev.CEAFe, "mentions": ev.Mentions} {
		checkPRF(t, name+" "+metric, s, PRF{1, 1, 1})
	}
	if !near(ev.CoNLL, 1) || ev.Matched != ev.GoldMentions {
		t.Errorf("%s: %v", name, ev)
	}
}

func TestEvaluateGoldAgainstItself(t *testing.T) {
	g, r, docs := loadGold(t)
	graph := graphFromGold(g, r, docs)
	ev, err := EvaluateEntities(g, graph, docs)
	checkPerfect(t, "entities", ev, err)
	t.Logf("entities: %v", ev)
	ev, err = EvaluateEvents(g, graph, docs)
	checkPerfect(t, "events", ev, err)
	t.Logf("events: %v", ev)
}

// Spans a little off (two bytes longer, as with a possessive 's),
// pronouns, and entities the gold does not list do not change the scores.
func TestEvaluateTolerates(t *testing.T) {
	g, r, docs := loadGold(t)
	graph := graphFromGold(g, r, docs)
	for i := range graph.Entities {
		for j := range graph.Entities[i].Mentions {
			graph.Entities[i].Mentions[j].Span.End += 2
		}
	}
	// A pronoun, a mention outside the corpus, and an entity the gold
	// does not list ("merchant ships" in S1).
	s1 := docs[slices.IndexFunc(docs, func(d crosscheck.Document) bool { return d.ID == r.Docs["S1"] })]
	graph.Entities[0].Mentions = append(graph.Entities[0].Mentions,
		crosscheck.EntityRef{DocID: s1.ID, Span: crosscheck.Span{Start: 0, End: 2}, Kind: crosscheck.RefPronoun})
	at := strings.Index(s1.Text, "merchant ships")
	graph.Entities = append(graph.Entities,
		crosscheck.Entity{ID: "elsewhere", Mentions: []crosscheck.EntityRef{{DocID: "elsewhere", Span: crosscheck.Span{Start: 0, End: 4}}}},
		crosscheck.Entity{ID: "ships", Mentions: []crosscheck.EntityRef{{DocID: s1.ID, Span: crosscheck.Span{Start: at, End: at + 14}}}})
	ev, err := EvaluateEntities(g, graph, docs)
	checkPerfect(t, "jittered", ev, err)
	if ev.Dropped != 1 {
		t.Errorf("dropped %d clusters, want 1 (the ships)", ev.Dropped)
	}

	// A system trigger next to the gold one, inside the same snippet and
	// of the same type, still matches: "the" for "detained" in S1's "the
	// 19 people detained in early February".
	graph = graphFromGold(g, r, docs)
	m := &graph.Events[0].Mentions[0]
	if g.Events[0].Mentions[0].Snippet != "the 19 people detained in early February" {
		t.Fatalf("first mention of %s changed: %+v", g.Events[0].ID, g.Events[0].Mentions[0])
	}
	m.TriggerSpan = crosscheck.Span{Start: m.Span.Start, End: m.Span.Start + 3}
	ev, err = EvaluateEvents(g, graph, docs)
	checkPerfect(t, "moved trigger", ev, err)
}

// A system that merges or splits entities scores what the metrics give
// for the corresponding clusterings, and less than 1.
func TestEvaluatePerturbed(t *testing.T) {
	g, r, docs := loadGold(t)
	index := map[string]int{}
	for i, e := range g.Entities {
		index[e.ID] = i
	}
	graph := graphFromGold(g, r, docs)
	ents := graph.Entities
	// Merge the city of Kelm into Ostravia (literal and metonymic uses
	// confused), and split the SSS into its names and its descriptions.
	ost, kelm, sss := index["ostravia"], index["kelm"], index["sss"]
	ents[ost].Mentions = append(ents[ost].Mentions, ents[kelm].Mentions...)
	ents[kelm].Mentions = nil
	var names, descs []crosscheck.EntityRef
	for _, m := range ents[sss].Mentions {
		if m.Kind == crosscheck.RefDescription {
			descs = append(descs, m)
		} else {
			names = append(names, m)
		}
	}
	ents[sss].Mentions = names
	graph.Entities = append(ents, crosscheck.Entity{ID: "sss-descriptions", Mentions: descs})

	// The same in terms of gold keys.
	var key, resp Clustering
	n := 0
	for _, locs := range r.Entities {
		var cl []Mention
		for range locs {
			cl = append(cl, goldKey(n))
			n++
		}
		key = append(key, cl)
	}
	for i, cl := range key {
		switch i {
		case ost:
			resp = append(resp, append(slices.Clone(cl), key[kelm]...))
		case kelm:
		case sss:
			var a, b []Mention
			for j, m := range cl {
				if g.Entities[sss].Mentions[j].Kind == crosscheck.RefDescription {
					b = append(b, m)
				} else {
					a = append(a, m)
				}
			}
			resp = append(resp, a, b)
		default:
			resp = append(resp, cl)
		}
	}
	want := Score(key, resp)
	ev, err := EvaluateEntities(g, graph, docs)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Scores != want {
		t.Errorf("evaluation %v\nwant %v", ev.Scores, want)
	}
	if ev.CoNLL >= 1 || ev.MUC.P >= 1 || ev.MUC.R >= 1 || ev.Mentions.F1 != 1 {
		t.Errorf("perturbed graph scores %v", ev)
	}
	t.Logf("perturbed entities: %v", ev)

	// Events: merging the two summonses (same type, two weeks and two
	// directions apart) lowers precision only; dropping a recap lowers
	// recall only.
	graph = graphFromGold(g, r, docs)
	evIndex := map[string]int{}
	for i, e := range g.Events {
		evIndex[e.ID] = i
	}
	a, b := evIndex["summons-2026-03-12-lusnik"], evIndex["summons-2026-03-25-vesterholt"]
	graph.Events[a].Mentions = append(graph.Events[a].Mentions, graph.Events[b].Mentions...)
	graph.Events[b].Mentions = nil
	ev, err = EvaluateEvents(g, graph, docs)
	if err != nil {
		t.Fatal(err)
	}
	if ev.MUC.R != 1 || ev.MUC.P >= 1 || ev.B3.R != 1 || ev.B3.P >= 1 || ev.CoNLL >= 1 {
		t.Errorf("merged summonses: %v", ev)
	}
	graph = graphFromGold(g, r, docs)
	feb := evIndex["arrest-2026-02-lanthia"]
	graph.Events[feb].Mentions = graph.Events[feb].Mentions[1:]
	ev, err = EvaluateEvents(g, graph, docs)
	if err != nil {
		t.Fatal(err)
	}
	if ev.B3.P != 1 || ev.B3.R >= 1 || ev.Mentions.R >= 1 || ev.Mentions.P != 1 {
		t.Errorf("dropped mention: %v", ev)
	}
}

func TestResolveErrors(t *testing.T) {
	docs := []crosscheck.Document{
		{ID: "d1", Source: crosscheck.Source{Locator: "corpus/a.txt"}, Text: "Kelm said Kelm's Kelmish envoy met Kelm."},
		{ID: "d2", Source: crosscheck.Source{Locator: "corpus/feed.rss", Item: "item 1"}, Text: "x"},
		{ID: "d3", Source: crosscheck.Source{Locator: "corpus/feed.rss", Item: "item 2"}, Text: "x"},
	}
	g := &Gold{
		Articles: []GoldArticle{{ID: "A", File: "a.txt"}, {ID: "F", File: "feed.rss"}, {ID: "M", File: "missing.txt"}},
		Entities: []GoldEntity{{ID: "kelm", Mentions: []GoldMention{{Article: "A", Text: "Kelm", Occurrence: 4}}}},
		Events:   []GoldEvent{{ID: "e", Mentions: []GoldEventMention{{Article: "A", Snippet: "Kelm", Trigger: "Kelm"}}}},
	}
	_, err := g.Resolve(docs)
	if !errors.Is(err, crosscheck.ErrInvalid) {
		t.Fatalf("Resolve = %v, want ErrInvalid", err)
	}
	for _, want := range []string{"article F (feed.rss): 2 documents", "article M (missing.txt): no document",
		`A has 3 whole-word occurrences of "Kelm", not 4`, `snippet "Kelm" occurs 4 times`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	g.Articles, g.Events = g.Articles[:1], nil
	g.Entities[0].Mentions[0].Occurrence = 3
	r, err := g.Resolve(docs)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Entities[0][0].Span; docs[0].Text[got.Start:got.End] != "Kelm" || got.Start != 35 {
		t.Errorf("3rd whole-word Kelm at %v", got)
	}
}

func TestWordOccurrences(t *testing.T) {
	for _, tt := range []struct {
		text, s string
		want    []int
	}{
		{"Kelm, Kelm’s and Kelmish", "Kelm", []int{0, 6}},
		{"SSS SSSS SSS", "SSS", []int{0, 9}},
		{"the service’s service", "service", []int{4, 16}},
		{"ÄKelm Kelm", "Kelm", []int{7}},
		{"", "x", nil},
		{"abc", "", nil},
	} {
		if got := wordOccurrences(tt.text, tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("wordOccurrences(%q, %q) = %v, want %v", tt.text, tt.s, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	at := func(doc string, start, end int) Located {
		return Located{Doc: doc, Span: crosscheck.Span{Start: start, End: end}}
	}
	// Gold: "Valdoria" [0,8) and "the Valdorian foreign ministry" [10,40)
	// with "Valdorian" [14,23) nested in it.
	gold := []Located{at("d", 0, 8), at("d", 10, 40), at("d", 14, 23), at("e", 0, 3)}
	sys := []Located{
		at("d", 14, 23), // exact: the demonym
		at("d", 0, 10),  // "Valdoria’s": overlaps 8 of 8
		at("d", 14, 40), // "Valdorian foreign ministry": the description
		at("e", 0, 17),  // "SSS secret police" vs "SSS"
		at("e", 5, 6),   // nothing there
		at("f", 0, 3),   // another document
	}
	if got, want := Match(gold, sys), []int{2, 0, 1, 3, -1, -1}; !slices.Equal(got, want) {
		t.Errorf("Match = %v, want %v", got, want)
	}
	// Too little overlap: 2 bytes of a 10-byte gold and 10-byte system span.
	if got := Match([]Located{at("d", 0, 10)}, []Located{at("d", 8, 18)}); got[0] != -1 {
		t.Errorf("weak overlap matched: %v", got)
	}
}

func TestLoadGoldRejectsUnknownFields(t *testing.T) {
	fsys := fstest.MapFS{
		ArticlesFile: {Data: []byte(`{"articles":[{"id":"A","file":"a.txt","itme":"x"}]}`)},
		EntitiesFile: {Data: []byte(`{"entities":[]}`)},
		EventsFile:   {Data: []byte(`{"events":[]}`)},
		StoriesFile:  {Data: []byte(`{"stories":[]}`)},
	}
	if _, err := LoadGold(fsys); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("LoadGold = %v, want ErrInvalid", err)
	}
	delete(fsys, StoriesFile)
	if _, err := LoadGold(fsys); err == nil {
		t.Error("LoadGold without stories.json succeeded")
	}
}
