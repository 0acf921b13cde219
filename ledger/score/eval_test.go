package score

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
	linkscore "github.com/crosscheck/crosscheck/link/score"
)

// fromGold builds the ledger the gold describes: per gold event one
// system event ("sys-<id>"), per value and article one claim from
// document "doc-<article>", one comparison per gold pair and one single
// per gold single. It returns the ledger, the event map and the article
// of each document.
func fromGold(g *Gold) (*ledger.Ledger, map[string]string, map[string]string) {
	names := map[string]string{}
	if g.Link != nil {
		for _, e := range g.Link.Entities {
			names[e.ID] = e.Name
		}
	}
	byEvent := map[string]*ledger.EventLedger{}
	var order []string
	eventOf, article := map[string]string{}, map[string]string{}
	el := func(event string) *ledger.EventLedger {
		if byEvent[event] == nil {
			byEvent[event] = &ledger.EventLedger{ID: "sys-" + event}
			order = append(order, event)
			eventOf["sys-"+event] = event
		}
		return byEvent[event]
	}
	claimIDs := map[string]string{} // event, role, value key, article → claim ID
	claim := func(event, role string, v Value, art string) string {
		k := strings.Join([]string{event, role, v.key(), art}, "\x00")
		if id, ok := claimIDs[k]; ok {
			return id
		}
		e := el(event)
		doc := "doc-" + art
		article[doc] = art
		c := crosscheck.Claim{ID: fmt.Sprintf("%s/%s/%s/%d", e.ID, doc, role, len(e.Claims)), Event: e.ID, DocID: doc, Role: role}
		switch v.kind() {
		case "number":
			q := &crosscheck.Quantity{Low: v.Low, High: v.High, Unit: v.Unit}
			if len(v.Heads) > 0 {
				q.Head = v.Heads[0]
			}
			c.Quantity, c.Value = q, ledger.QuantityString(*q)
		case "time":
			b, en := v.dates()
			c.Timex, c.Value = &crosscheck.Timex{Value: b, Begin: b, End: en}, b
		default:
			c.Value, c.Entity = names[v.Entity], v.Entity
		}
		e.Claims = append(e.Claims, c)
		claimIDs[k] = c.ID
		return c.ID
	}
	// Every value of every article becomes a claim, so that pairs can use
	// any article.
	for _, p := range append(append([]Pair{}, g.Conflicts...), g.Compatibles...) {
		for _, v := range []Value{p.A, p.B} {
			for _, a := range v.Articles {
				claim(p.Event, p.Role, v, a)
			}
		}
	}
	pair := func(p Pair, verdict string) {
		for _, x := range p.A.Articles {
			for _, y := range p.B.Articles {
				if x == y {
					continue
				}
				e := el(p.Event)
				e.Comparisons = append(e.Comparisons, crosscheck.Comparison{Event: e.ID, Role: p.Role,
					A: claim(p.Event, p.Role, p.A, x), B: claim(p.Event, p.Role, p.B, y), Verdict: verdict})
			}
		}
	}
	for _, p := range g.Conflicts {
		pair(p, crosscheck.VerdictConflict)
	}
	for _, p := range g.Compatibles {
		pair(p, crosscheck.VerdictCompatible)
	}
	for _, s := range g.Singles {
		id := claim(s.Event, s.Role, s.Value, s.Value.Articles[0])
		e := el(s.Event)
		e.Single = append(e.Single, ledger.Single{Role: s.Role, Value: s.Value.String(), DocID: "doc-" + s.Value.Articles[0], Claims: []string{id}})
	}
	l := &ledger.Ledger{}
	for _, ev := range order {
		l.Events = append(l.Events, *byEvent[ev])
	}
	return l, eventOf, article
}

// The demo gold rates itself at 1.0: a ledger that reports exactly the
// gold's items, every pair once per pair of articles, is perfect.
func TestGoldAgainstItself(t *testing.T) {
	g := demoGold(t)
	l, eventOf, article := fromGold(g)
	res := rate(g, l, eventOf, article, newEntities(g.Link, nil))
	for name, m := range map[string]Measure{"conflicts": res.Conflicts, "compatibles": res.Compatibles, "singles": res.Singles} {
		if m.P != 1 || m.R != 1 || m.F1 != 1 || len(m.Misses) > 0 || len(m.FalseAlarms) > 0 {
			t.Errorf("%s: %+v, want 1.0", name, m)
		}
	}
	if res.Conflicts.Gold != len(g.Conflicts) || res.Conflicts.System != len(g.Conflicts) {
		t.Errorf("conflicts: gold %d, system %d, want %d distinct pairs", res.Conflicts.Gold, res.Conflicts.System, len(g.Conflicts))
	}
	if len(res.Updates) > 0 || res.Unjudged > 0 {
		t.Errorf("updates %v, unjudged %d", res.Updates, res.Unjudged)
	}
}

// quantity is an exact count with a head noun.
func quantity(lo, hi *float64, head string) *crosscheck.Quantity {
	q := &crosscheck.Quantity{Low: lo, High: hi, Head: head}
	if lo != nil && hi != nil && *lo == *hi {
		q.Value, q.Low, q.High, q.Exact = *lo, nil, nil, true
	}
	return q
}

// A small case by hand: the gold has two conflicts (7 vs 12, and the
// start date) and one compatible pair; the ledger finds the count
// conflict twice (two articles say 7), misses the date, calls two
// detainees' names a conflict and reports one compatible pair right.
// Conflicts: 2 distinct system pairs, 1 hit: P 1/2; 2 gold, 1 found:
// R 1/2. Compatibles: P 1, R 1.
func TestOneMissOneFalseAlarm(t *testing.T) {
	g, err := ReadGold([]byte(`{"roles": ["time"],
		"conflicts": [
			{"event": "arrest", "role": "count", "a": {"low": 7, "high": 7, "articles": ["A", "C"]}, "b": {"low": 12, "high": 12, "articles": ["B"]}},
			{"event": "arrest", "role": "time", "a": {"begin": "2026-03-09", "articles": ["A"]}, "b": {"begin": "2026-03-10", "articles": ["B"]}}
		],
		"compatibles": [
			{"event": "arrest", "role": "time", "a": {"begin": "2026-03-09", "articles": ["A"]}, "b": {"begin": "2026-03-09", "end": "2026-03-15", "articles": ["C"]}}
		],
		"singles": [{"event": "arrest", "role": "time", "value": {"begin": "2026-03-10", "articles": ["B"]}}]}`), threeArticles())
	if err != nil {
		t.Fatal(err)
	}
	c := func(id, doc, role string) crosscheck.Claim {
		return crosscheck.Claim{ID: id, Event: "e1", DocID: doc, Role: role}
	}
	a7, b12, c7 := c("a7", "dA", "count"), c("b12", "dB", "count"), c("c7", "dC", "count")
	a7.Quantity, b12.Quantity, c7.Quantity = quantity(f(7), f(7), "people"), quantity(f(12), f(12), "people"), quantity(f(7), f(7), "agents")
	a7.Value, b12.Value, c7.Value = "7", "12", "7"
	at, bt, ct := c("at", "dA", "time"), c("bt", "dB", "time"), c("ct", "dC", "time")
	at.Timex = &crosscheck.Timex{Value: "2026-03-09", Begin: "2026-03-09", End: "2026-03-09"}
	bt.Timex = &crosscheck.Timex{Value: "2026-03-10", Begin: "2026-03-10", End: "2026-03-10"}
	ct.Timex = &crosscheck.Timex{Value: "2026-W11", Begin: "2026-03-09", End: "2026-03-15"}
	ap, bp := c("ap", "dA", "patient"), c("bp", "dB", "patient")
	ap.Value, bp.Value = "Jonas Feldt", "Emil Matusz"
	l := &ledger.Ledger{Events: []ledger.EventLedger{{
		ID:     "e1",
		Claims: []crosscheck.Claim{a7, b12, c7, at, bt, ct, ap, bp},
		Comparisons: []crosscheck.Comparison{
			{Role: "count", A: "a7", B: "b12", Verdict: crosscheck.VerdictConflict},
			{Role: "count", A: "c7", B: "b12", Verdict: crosscheck.VerdictConflict},
			{Role: "count", A: "a7", B: "c7", Verdict: crosscheck.VerdictAgree},
			{Role: "time", A: "at", B: "bt", Verdict: crosscheck.VerdictCompatible}, // wrong verdict: neither a conflict found nor a compatible
			{Role: "time", A: "at", B: "ct", Verdict: crosscheck.VerdictCompatible},
			{Role: "patient", A: "ap", B: "bp", Verdict: crosscheck.VerdictConflict},
		},
	}}}
	res := rate(g, l, map[string]string{"e1": "arrest"}, map[string]string{"dA": "A", "dB": "B", "dC": "C"}, newEntities(g.Link, nil))
	want := func(name string, m Measure, p, r float64, gold, system, hits int) {
		t.Helper()
		if math.Abs(m.P-p) > 1e-9 || math.Abs(m.R-r) > 1e-9 || m.Gold != gold || m.System != system || m.Hits != hits {
			t.Errorf("%s: P %.3f R %.3f gold %d system %d hits %d, want P %.3f R %.3f gold %d system %d hits %d",
				name, m.P, m.R, m.Gold, m.System, m.Hits, p, r, gold, system, hits)
		}
	}
	want("conflicts", res.Conflicts, 0.5, 0.5, 2, 2, 1)
	if math.Abs(res.Conflicts.F1-0.5) > 1e-9 {
		t.Errorf("conflict F1 %.3f, want 0.5", res.Conflicts.F1)
	}
	// The wrong compatible (9 vs 10 March) is a false alarm the gold
	// calls a conflict.
	want("compatibles", res.Compatibles, 0.5, 1, 1, 2, 1)
	if len(res.Conflicts.Misses) != 1 || res.Conflicts.Misses[0].Role != "time" {
		t.Errorf("conflict misses %+v, want the start date", res.Conflicts.Misses)
	}
	if len(res.Conflicts.FalseAlarms) != 1 || res.Conflicts.FalseAlarms[0].Role != "patient" {
		t.Errorf("false conflicts %+v, want the detainees' names", res.Conflicts.FalseAlarms)
	}
	if fa := res.Compatibles.FalseAlarms; len(fa) != 1 || !strings.Contains(fa[0].Why, "conflict") {
		t.Errorf("false compatibles %+v, want 9 vs 10 March, a gold conflict", fa)
	}
	out := res.String()
	for _, s := range []string{"conflicts    P 0.50 R 0.50", "missed conflicts (1)", "false conflicts (1)", "Jonas Feldt [A]"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
}

func threeArticles() *linkscore.Gold {
	g := tinyLink()
	g.Events[0].Mentions = append(g.Events[0].Mentions, linkscore.GoldEventMention{Article: "C", Snippet: "held seven", Trigger: "held"})
	return g
}

// Claims match gold values by interval intersection, restricted to the
// values their article states, nearest first.
func TestValueMatching(t *testing.T) {
	link := tinyLink()
	r := &linkscore.Resolved{Entities: [][]linkscore.Located{{{Doc: "dA", Span: crosscheck.Span{Start: 30, End: 38}}}}}
	ents := newEntities(link, r)
	var counts, money, heads, times, places valueSet
	for _, v := range []Value{
		{Low: f(7), High: f(7), Articles: []string{"S1", "S6"}},
		{Low: f(12), High: f(12), Articles: []string{"S3", "S6"}},
		{Low: f(13), Articles: []string{"A1", "S6"}},
	} {
		counts.add(v)
	}
	money.add(Value{Low: f(1.235e9), High: f(1.365e9), Unit: "EUR", Articles: []string{"J3"}})
	heads.add(Value{Low: f(9500), High: f(10500), Heads: []string{"troops", "soldiers"}, Articles: []string{"S2"}})
	heads.add(Value{Low: f(200), Heads: []string{"tanks"}, Articles: []string{"S2"}})
	times.add(Value{Begin: "2026-03-16", End: "2026-03-22", Articles: []string{"S3"}})
	times.add(Value{Begin: "2026-03-09", Articles: []string{"S3"}})
	places.add(Value{Entity: "feldmark", Articles: []string{"A"}})

	q := func(lo, hi *float64, unit, head string) *crosscheck.Claim {
		qq := quantity(lo, hi, head)
		qq.Unit = unit
		return &crosscheck.Claim{Quantity: qq}
	}
	tx := func(b, e string) *crosscheck.Claim {
		return &crosscheck.Claim{Timex: &crosscheck.Timex{Begin: b, End: e}}
	}
	for _, tc := range []struct {
		name string
		set  *valueSet
		c    *crosscheck.Claim
		art  string
		want int
	}{
		{"exact", &counts, q(f(7), f(7), "", "people"), "S6", 0},
		{"approximate seven", &counts, q(f(6.3), f(7.7), "", ""), "S1", 0},
		{"article does not state it", &counts, q(f(12), f(12), "", ""), "S1", -1},
		{"no intersection", &counts, q(f(10), f(11), "", ""), "S3", -1},
		{"at least 12 is nearest to more than a dozen", &counts, q(f(12), nil, "", ""), "S6", 2},
		{"twelve, not more than a dozen", &counts, q(f(12), f(12), "", ""), "S6", 1},
		{"dozens", &counts, q(f(24), nil, "", ""), "A1", 2},
		{"other currency", &money, q(f(1.3e9), f(1.3e9), "USD", ""), "J3", -1},
		{"no currency", &money, q(f(1.3e9), f(1.3e9), "", ""), "J3", 0},
		{"more than 1.2 billion", &money, q(f(1.2e9), nil, "EUR", ""), "J3", 0},
		{"troops by head", &heads, q(f(10000), f(10000), "", "Ostravian troops"), "S2", 0},
		{"tanks are not troops", &heads, q(f(10000), f(10000), "", "tanks"), "S2", 1},
		{"no head", &heads, q(f(10000), f(10000), "", ""), "S2", 0},
		{"a day in the week", &times, tx("2026-03-16", "2026-03-16"), "S3", 0},
		{"a month holds both, the nearer wins", &times, tx("2026-03-01", "2026-03-20"), "S3", 0},
		{"the day itself", &times, tx("2026-03-09", ""), "S3", 1},
		{"a day outside", &times, tx("2026-03-23", "2026-03-23"), "S3", -1},
		{"unresolved", &times, tx("", ""), "S3", -1},
		{"a place by name", &places, &crosscheck.Claim{Value: "feldmark", DocID: "dB"}, "A", 0},
		{"a place by span", &places, &crosscheck.Claim{Value: "the town", DocID: "dA", Span: crosscheck.Span{Start: 20, End: 38}}, "A", 0},
		{"another place", &places, &crosscheck.Claim{Value: "Lanthia", DocID: "dA", Span: crosscheck.Span{Start: 0, End: 7}}, "A", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.set.find(tc.c, tc.art, ents); got != tc.want {
				t.Errorf("find = %d, want %d", got, tc.want)
			}
		})
	}
}

// Evaluate maps system events to gold events through their mentions and
// claims to articles through the documents.
func TestEvaluate(t *testing.T) {
	docs := []*crosscheck.Document{
		{ID: "d1", Text: "Police arrested seven people in Feldmark.", Source: crosscheck.Source{Locator: "corpus/a.txt"}},
		{ID: "d2", Text: "Officials detained twelve people.", Source: crosscheck.Source{Locator: "corpus/b.txt"}},
		{ID: "d3", Text: "Seven were held.", Source: crosscheck.Source{Locator: "corpus/c.txt"}},
	}
	link := threeArticles()
	link.Events[0].Mentions[2].Snippet, link.Events[0].Mentions[2].Trigger = "Seven were held", "held"
	g, err := ReadGold([]byte(`{"roles": [],
		"conflicts": [{"event": "arrest", "role": "count", "a": {"low": 7, "high": 7, "articles": ["A", "C"]}, "b": {"low": 12, "high": 12, "articles": ["B"]}}]}`), link)
	if err != nil {
		t.Fatal(err)
	}
	span := func(doc *crosscheck.Document, s string) crosscheck.Span {
		i := strings.Index(doc.Text, s)
		return crosscheck.Span{Start: i, End: i + len(s)}
	}
	graph := &crosscheck.Graph{Events: []crosscheck.Event{
		{ID: "ev1", Type: crosscheck.EventArrest, Mentions: []crosscheck.EventMention{
			{DocID: "d1", Type: crosscheck.EventArrest, TriggerSpan: span(docs[0], "arrested")},
			{DocID: "d2", Type: crosscheck.EventArrest, TriggerSpan: span(docs[1], "detained")},
		}},
		{ID: "ev2", Type: crosscheck.EventStatement, Mentions: []crosscheck.EventMention{
			{DocID: "d3", Type: crosscheck.EventStatement, TriggerSpan: span(docs[2], "Seven")},
		}},
	}}
	claim := func(id, ev, doc string, n float64) crosscheck.Claim {
		return crosscheck.Claim{ID: id, Event: ev, DocID: doc, Role: "count", Value: fmt.Sprint(n), Quantity: quantity(f(n), f(n), "people")}
	}
	l := &ledger.Ledger{Events: []ledger.EventLedger{
		{ID: "ev1", Claims: []crosscheck.Claim{claim("x", "ev1", "d1", 7), claim("y", "ev1", "d2", 12)},
			Comparisons: []crosscheck.Comparison{{Role: "count", A: "x", B: "y", Verdict: crosscheck.VerdictUpdate}}},
		{ID: "ev2", Claims: []crosscheck.Claim{claim("z", "ev2", "d3", 7), claim("w", "ev2", "d2", 12)},
			Comparisons: []crosscheck.Comparison{{Role: "count", A: "z", B: "w", Verdict: crosscheck.VerdictConflict}}},
	}}
	res, err := Evaluate(g, l, graph, docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 2 || res.Events[0].Gold != "arrest" || res.Events[0].Matched != 2 || res.Events[1].Gold != "" {
		t.Errorf("events %+v, want ev1 → arrest (2 mentions), ev2 unmapped", res.Events)
	}
	// ev1 calls the gold conflict an update; ev2 is outside the gold.
	if res.Conflicts.System != 0 || res.Conflicts.R != 0 || res.Unjudged != 1 {
		t.Errorf("conflicts %+v, unjudged %d", res.Conflicts, res.Unjudged)
	}
	if len(res.Updates) != 1 || !strings.Contains(res.Updates[0].Why, "conflict") {
		t.Errorf("updates %+v, want one that the gold calls a conflict", res.Updates)
	}
	if _, err := Evaluate(g, l, graph, docs[:1]); err == nil {
		t.Error("Evaluate with a gold article missing: no error")
	}
}
