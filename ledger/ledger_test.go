package ledger

import (
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func f(v float64) *float64 { return &v }

func exact(v float64, head string) *crosscheck.Quantity {
	return &crosscheck.Quantity{Kind: crosscheck.QuantityCardinal, Value: v, Exact: true, Head: head}
}

func TestCompareQuantities(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b *crosscheck.Quantity
		want string
	}{
		{"19 = nineteen", exact(19, "people"), exact(19, "people"), crosscheck.VerdictAgree},
		{"at least 20 and 22", &crosscheck.Quantity{Value: 20, Low: f(20)}, exact(22, "people"), crosscheck.VerdictCompatible},
		{"dozens and 5", &crosscheck.Quantity{Value: 36, Low: f(24), Vague: true, Head: "individuals"}, exact(5, "Azerbaijani nationals"), crosscheck.VerdictConflict},
		{"more than 1.1 billion and 1.2 billion", &crosscheck.Quantity{Kind: crosscheck.QuantityMoney, Value: 1.1e9, Low: f(1.1e9), Unit: "AZN"},
			&crosscheck.Quantity{Kind: crosscheck.QuantityMoney, Value: 1.2e9, Exact: true, Unit: "AZN"}, crosscheck.VerdictCompatible},
		{"up to 1000 and 2000", &crosscheck.Quantity{Value: 1000, Low: f(0), High: f(1000), Unit: "USD"}, &crosscheck.Quantity{Value: 2000, Exact: true, Unit: "USD"}, crosscheck.VerdictConflict},
		{"euros and dollars", &crosscheck.Quantity{Value: 1000, Unit: "EUR"}, &crosscheck.Quantity{Value: 1000, Unit: "USD"}, crosscheck.VerdictScope},
		{"counts of different things", exact(7, "ships"), exact(12, "tanks"), crosscheck.VerdictScope},
		{"a part of the group", exact(22, "people"), &crosscheck.Quantity{Value: 17, Exact: true, Text: "Seventeen", Head: "them"}, crosscheck.VerdictScope},
		{"more than a dozen and 12", &crosscheck.Quantity{Value: 12, Low: f(12), Text: "more than a dozen"}, exact(12, "people"), crosscheck.VerdictConflict},
		{"some 10,000 and several thousand", &crosscheck.Quantity{Value: 10000, Low: f(9000), High: f(11000), Approx: true, Text: "some 10,000"},
			&crosscheck.Quantity{Value: 5000, Low: f(3000), High: f(9000), Vague: true, Text: "several thousand"}, crosscheck.VerdictConflict},
		{"about 1.3 billion and nearly 1.5 billion", &crosscheck.Quantity{Kind: crosscheck.QuantityMoney, Value: 1.3e9, Low: f(1.17e9), High: f(1.43e9), Approx: true, Unit: "EUR", Text: "about 1.3 billion euros"},
			&crosscheck.Quantity{Kind: crosscheck.QuantityMoney, Value: 1.5e9, Low: f(1.35e9), High: f(1.5e9), Approx: true, Unit: "EUR", Text: "nearly 1.5 billion euros"}, crosscheck.VerdictConflict},
		{"about 1.3 billion and more than 1.2 billion", &crosscheck.Quantity{Kind: crosscheck.QuantityMoney, Value: 1.3e9, Low: f(1.17e9), High: f(1.43e9), Approx: true, Unit: "EUR", Text: "about 1.3 billion euros"},
			&crosscheck.Quantity{Kind: crosscheck.QuantityMoney, Value: 1.2e9, Low: f(1.2e9), Unit: "EUR", Text: "more than 1.2 billion euros"}, crosscheck.VerdictCompatible},
		{"as many as 10,000 and 4,000", &crosscheck.Quantity{Value: 10000, Low: f(0), High: f(10000), Text: "as many as 10,000"}, exact(4000, "personnel"), crosscheck.VerdictConflict},
		{"7 and 12 people", exact(7, "people"), exact(12, "suspects"), crosscheck.VerdictConflict},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := crosscheck.Claim{ID: "a", DocID: "d1", Outlet: "A", Published: "2026-03-17", Role: crosscheck.RoleCount, Quantity: tt.a, Attribution: crosscheck.AttributionOutlet}
			b := crosscheck.Claim{ID: "b", DocID: "d2", Outlet: "B", Published: "2026-03-18", Role: crosscheck.RoleCount, Quantity: tt.b, Attribution: crosscheck.AttributionOutlet}
			got, reason := compare(Input{}, a, b, nil)
			if got != tt.want {
				t.Errorf("compare = %s (%s), want %s", got, reason, tt.want)
			}
			// The verdict does not depend on the order.
			if back, _ := compare(Input{}, b, a, nil); back != got && got != crosscheck.VerdictUpdate {
				t.Errorf("reversed: %s, want %s", back, got)
			}
		})
	}
}

func TestUpdateNeedsSameOutletOrSource(t *testing.T) {
	a := crosscheck.Claim{ID: "a", DocID: "d1", Outlet: "Herald", Published: "2026-03-17", Role: crosscheck.RoleCount, Quantity: exact(7, "people"), Attribution: "State Security Service"}
	b := crosscheck.Claim{ID: "b", DocID: "d2", Outlet: "Herald", Published: "2026-03-20", Role: crosscheck.RoleCount, Quantity: exact(9, "people"), Attribution: "State Security Service"}
	if got, _ := compare(Input{}, a, b, nil); got != crosscheck.VerdictUpdate {
		t.Errorf("same outlet and source, later, new figure: %s, want update", got)
	}
	b.Attribution = crosscheck.AttributionOutlet
	if got, _ := compare(Input{}, a, b, nil); got != crosscheck.VerdictConflict {
		t.Errorf("same outlet, other voice: %s, want conflict", got)
	}
	b.Attribution, b.Outlet = a.Attribution, "Ledger"
	if got, _ := compare(Input{}, a, b, nil); got != crosscheck.VerdictConflict {
		t.Errorf("same source, other outlet: %s, want conflict", got)
	}
}

func TestCompareTimesAndPlaces(t *testing.T) {
	month := &crosscheck.Timex{Value: "2022-11", Begin: "2022-11-01", End: "2022-11-30"}
	day := &crosscheck.Timex{Value: "2022-11-14", Begin: "2022-11-14", End: "2022-11-14"}
	other := &crosscheck.Timex{Value: "2020", Begin: "2020-01-01", End: "2020-12-31"}
	claim := func(id string, x *crosscheck.Timex) crosscheck.Claim {
		return crosscheck.Claim{ID: id, DocID: id, Role: crosscheck.RoleTime, Timex: x, Value: x.Value}
	}
	if got, _ := compare(Input{}, claim("a", month), claim("b", day), nil); got != crosscheck.VerdictCompatible {
		t.Errorf("November 2022 vs November 14: %s, want compatible", got)
	}
	if got, _ := compare(Input{}, claim("a", day), claim("b", day), nil); got != crosscheck.VerdictAgree {
		t.Errorf("same day: %s, want agree", got)
	}
	if got, _ := compare(Input{}, claim("a", other), claim("b", day), nil); got != crosscheck.VerdictConflict {
		t.Errorf("2020 vs 2022-11-14: %s, want conflict", got)
	}
	within := func(a, b string) bool { return a == "Feldmark" && b == "Valdoria" }
	place := func(id, name string) crosscheck.Claim {
		return crosscheck.Claim{ID: id, DocID: id, Role: crosscheck.RoleLocation, Value: name, Entity: "E" + name}
	}
	if got, _ := compare(Input{Within: within}, place("a", "Valdoria"), place("b", "Feldmark"), nil); got != crosscheck.VerdictCompatible {
		t.Errorf("Valdoria vs Feldmark: %s, want compatible", got)
	}
	if got, _ := compare(Input{Within: within}, place("a", "Osterhaven"), place("b", "Feldmark"), nil); got != crosscheck.VerdictScope {
		t.Errorf("two towns: %s, want scope", got)
	}
}

// graphFixture is three articles reporting one arrest, with a count
// conflict, a single-source sum of money and an omission.
func graphFixture() Input {
	text := map[string]string{
		"d1": "Regime smashes spy ring\n\nThe SSS arrested five people on March 16, the service said.",
		"d2": "Security service says it detained dozens\n\nThe service allegedly detained dozens of people in March, paid up to $1,000 each.",
		"d3": "Five held\n\nFive people were held on March 16.",
	}
	docs := map[string]*crosscheck.Document{}
	layers := map[string]*crosscheck.Annotations{}
	for id, tx := range text {
		head := strings.Index(tx, "\n")
		docs[id] = &crosscheck.Document{ID: id, Text: tx, Headline: crosscheck.Span{Start: 0, End: head},
			Meta: crosscheck.Metadata{Outlet: "Outlet " + id, Title: tx[:head], Published: crosscheck.Date{Precision: crosscheck.PrecisionDay}}}
		layers[id] = &crosscheck.Annotations{DocID: id, Sentences: []crosscheck.Sentence{{Index: 0, Span: crosscheck.Span{Start: 0, End: head}}, {Index: 1, Span: crosscheck.Span{Start: head + 2, End: len(tx)}}}}
	}
	layers["d2"].Quantities = []crosscheck.Quantity{{Span: span(text["d2"], "up to $1,000"), Sentence: 1, Text: "up to $1,000", Kind: crosscheck.QuantityMoney, Value: 1000, Low: f(0), High: f(1000), Unit: "USD"}}
	layers["d2"].Modalities = []crosscheck.Modality{{Span: crosscheck.Span{Start: 42, End: len(text["d2"])}, Sentence: 1, Kind: crosscheck.ModAlleged, Cue: "allegedly", CueSpan: span(text["d2"], "allegedly")}}
	day := &crosscheck.Timex{Value: "2026-03-16", Begin: "2026-03-16", End: "2026-03-16"}
	mention := func(doc, trigger string, q *crosscheck.Quantity, qtext string, x *crosscheck.Timex, xtext string) crosscheck.EventMention {
		tx := text[doc]
		m := crosscheck.EventMention{ID: doc + "/0", DocID: doc, Sentence: 1, Trigger: trigger, TriggerSpan: span(tx, trigger), Type: crosscheck.EventArrest,
			Arguments: []crosscheck.Argument{{Role: crosscheck.RoleCount, Text: qtext, Span: span(tx, qtext), Sentence: 1, Quantity: q}}}
		if x != nil {
			m.Arguments = append(m.Arguments, crosscheck.Argument{Role: crosscheck.RoleTime, Text: xtext, Span: span(tx, xtext), Sentence: 1, Timex: x})
		}
		return m
	}
	m1 := mention("d1", "arrested", exact(5, "people"), "five", day, "March 16")
	m2 := mention("d2", "detained", &crosscheck.Quantity{Value: 36, Low: f(24), Vague: true, Head: "people"}, "dozens", &crosscheck.Timex{Value: "2026-03", Begin: "2026-03-01", End: "2026-03-31"}, "March")
	m2.Modalities = layers["d2"].Modalities
	m3 := mention("d3", "held", exact(5, "people"), "Five", day, "March 16")
	g := &crosscheck.Graph{
		Events:  []crosscheck.Event{{ID: "V1", Type: crosscheck.EventArrest, Title: "arrest", Mentions: []crosscheck.EventMention{m1, m2, m3}, Docs: []string{"d1", "d2", "d3"}}},
		Stories: []crosscheck.Story{{ID: "T1", Title: "arrest", Events: []string{"V1"}, Docs: []string{"d1", "d2", "d3"}}},
	}
	return Input{Graph: g, Docs: docs, Layers: layers}
}

func span(text, sub string) crosscheck.Span {
	i := strings.Index(text, sub)
	return crosscheck.Span{Start: i, End: i + len(sub)}
}

func TestBuild(t *testing.T) {
	l, err := Build(graphFixture(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Events) != 1 {
		t.Fatalf("events: %d", len(l.Events))
	}
	ev := l.Events[0]
	if len(ev.Sources) != 3 || len(ev.Claims) != 6 {
		t.Errorf("sources %d, claims %d: want 3 and 6", len(ev.Sources), len(ev.Claims))
	}
	verdicts := map[string]int{}
	for _, c := range ev.Comparisons {
		verdicts[c.Role+" "+c.Verdict]++
	}
	want := map[string]int{"count conflict": 2, "count agree": 1, "time compatible": 2, "time agree": 1}
	for k, n := range want {
		if verdicts[k] != n {
			t.Errorf("%s: %d, want %d (all: %v)", k, verdicts[k], n, verdicts)
		}
	}
	if ev.Comparisons[0].Verdict != crosscheck.VerdictConflict {
		t.Errorf("conflicts are not listed first: %+v", ev.Comparisons[0])
	}
	// The hedged article carries its modality on its claims.
	for _, c := range ev.Claims {
		if c.DocID == "d2" && (c.Modality != crosscheck.ModAlleged || c.Cue != "allegedly") {
			t.Errorf("d2 claim %s: modality %s cue %q, want alleged/allegedly", c.ID, c.Modality, c.Cue)
		}
		if c.SentenceText == "" {
			t.Errorf("claim %s has no sentence text", c.ID)
		}
	}
	// "dozens" is only in d2: a single-source count.
	if len(ev.Single) != 1 || ev.Single[0].DocID != "d2" || ev.Single[0].Role != crosscheck.RoleCount {
		t.Errorf("single-source: %+v", ev.Single)
	}
	var money bool
	for _, x := range l.Exclusive {
		if x.Kind == "money" && x.DocID == "d2" && x.Text == "up to $1,000" {
			money = true
		}
	}
	if !money {
		t.Errorf("the $1,000 payments are not listed as exclusive: %+v", l.Exclusive)
	}
	stance := map[string]string{}
	for _, a := range l.Articles {
		stance[a.DocID] = a.Stance
	}
	if stance["d2"] != StanceHedged {
		t.Errorf("d2 stance %q, want hedged", stance["d2"])
	}
	var regime bool
	for _, a := range l.Articles {
		for _, m := range a.Loaded {
			if a.DocID == "d1" && m.Term == "regime" && m.Category == "pejorative" {
				regime = true
			}
		}
	}
	if !regime {
		t.Errorf("the loaded term in d1's headline was not found: %+v", l.Articles)
	}
	if _, err := Build(graphFixture(), "T9"); err == nil {
		t.Error("unknown story: no error")
	}
}

func TestLexicon(t *testing.T) {
	lex := DefaultLexicon()
	if lex.Len() < 50 {
		t.Errorf("built-in lexicon has %d terms", lex.Len())
	}
	got := lex.Find("The so-called Regime's secret police, tens of thousands strong, were BUSTED.")
	var terms []string
	for _, m := range got {
		terms = append(terms, m.Term+"="+m.Text)
	}
	want := "so-called=so-called regime=Regime's secret police=secret police tens of thousands=tens of thousands busted=BUSTED"
	if strings.Join(terms, " ") != want {
		t.Errorf("Find = %v\nwant %s", terms, want)
	}
	user := DefaultLexicon()
	if err := user.Read(strings.NewReader("# mine\nwarlord*\tpejorative\n"), "mine.tsv"); err != nil {
		t.Fatal(err)
	}
	if m := user.Find("the warlords of the north"); len(m) != 1 || m[0].Text != "warlords" {
		t.Errorf("prefix term: %+v", m)
	}
	if err := user.Read(strings.NewReader("no category here\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("bad line: %v", err)
	}
}

func TestScareQuotes(t *testing.T) {
	got := scareQuotes(`Valdoria's 'spy' sweep: “spies” and ‘agents’ in Kelm’s camp`)
	if strings.Join(got, "|") != "spy|spies|agents" {
		t.Errorf("scareQuotes = %q", got)
	}
}

func TestPlaces(t *testing.T) {
	p := NewPlaces()
	if !p.Within("Paris", "France") || p.Within("France", "Paris") {
		t.Error("gazetteer hierarchy: Paris should lie in France and not the reverse")
	}
	if err := p.ReadNames(strings.NewReader("# demo\nFeldmark\tGPE\tLanthia\nLanthia\tLOC\tValdoria\nKelm\tGPE\tcapital of Ostravia\n")); err != nil {
		t.Fatal(err)
	}
	if !p.Within("Feldmark", "Valdoria") || !p.Within("feldmark", "lanthia") || p.Within("Kelm", "Valdoria") || !p.Within("Kelm", "Ostravia") {
		t.Error("names-list hierarchy: Feldmark lies in Lanthia in Valdoria; Kelm in Ostravia")
	}
	if c := p.Capitals(); len(c) != 1 || c["Kelm"] != "Ostravia" {
		t.Errorf("Capitals() = %v", c)
	}
}

func TestRescope(t *testing.T) {
	x := scope{eventType: crosscheck.EventAgree, begin: "2026-03-09", end: "2026-03-20", named: map[string]map[string]bool{}}
	a := crosscheck.Claim{DocID: "d1", Role: crosscheck.RoleAgent, Value: "Ostravia", Entity: "E1"}
	b := crosscheck.Claim{DocID: "d2", Role: crosscheck.RoleAgent, Value: "Talmera", Entity: "E2"}
	if v, _, ok := x.rescope(a, b); !ok || v != crosscheck.VerdictScope {
		t.Errorf("two signatories: %s %v, want scope", v, ok)
	}
	x.eventType = crosscheck.EventArrest
	if _, _, ok := x.rescope(a, b); ok {
		t.Error("different single agents of an arrest should stay a conflict")
	}
	day := func(d string) *crosscheck.Timex { return &crosscheck.Timex{Value: d, Begin: d, End: d} }
	ta := crosscheck.Claim{Role: crosscheck.RoleTime, Timex: day("2026-03-09")}
	tb := crosscheck.Claim{Role: crosscheck.RoleTime, Timex: day("2026-03-12")}
	if v, _, ok := x.rescope(ta, tb); !ok || v != crosscheck.VerdictScope {
		t.Errorf("two days of a multi-day event: %s %v, want scope", v, ok)
	}
	ta.SentenceText, tb.SentenceText = "The drills began on Monday.", "The exercise began on Tuesday."
	if _, _, ok := x.rescope(ta, tb); ok {
		t.Error("two start days of one event should stay a conflict")
	}
}

func TestStance(t *testing.T) {
	for _, tt := range []struct {
		hedged, clauses int
		own             float64
		want            string
	}{
		{8, 90, 0.6, StanceHedged},
		{2, 30, 0.7, StanceHedged},
		{1, 60, 0.8, StanceAsserts},
		{2, 80, 0.8, StanceAsserts},
		{0, 40, 0.4, StanceAttributes},
	} {
		if got := stance(tt.hedged, tt.clauses, tt.own); got != tt.want {
			t.Errorf("stance(%d hedged of %d, own %.1f) = %s, want %s", tt.hedged, tt.clauses, tt.own, got, tt.want)
		}
	}
}

func TestStatedUnit(t *testing.T) {
	for _, tt := range []struct {
		text string
		v    float64
		want float64
	}{
		{"about 1.3 billion euros", 1.3e9, 1e8},
		{"some 10,000", 10000, 10000},
		{"about 4,000", 4000, 1000},
		{"nearly 1.5 billion", 1.5e9, 1e8},
		{"about 250", 250, 10},
		{"roughly half", 50, 0},
	} {
		if got := statedUnit(tt.text, tt.v); math.Abs(got-tt.want) > 1e-6*tt.want {
			t.Errorf("statedUnit(%q) = %g, want %g", tt.text, got, tt.want)
		}
	}
}

func TestQuantityString(t *testing.T) {
	for _, tt := range []struct {
		q    crosscheck.Quantity
		want string
	}{
		{crosscheck.Quantity{Value: 19, Exact: true}, "19"},
		{crosscheck.Quantity{Value: 36, Low: f(24)}, "≥ 24"},
		{crosscheck.Quantity{Value: 1000, Low: f(0), High: f(1000), Unit: "USD"}, "≤ 1,000 USD"},
		{crosscheck.Quantity{Value: 1.3e9, Low: f(1.17e9), High: f(1.43e9), Approx: true, Unit: "EUR", Text: "about 1.3 billion euros"}, "1.25 billion–1.35 billion EUR"},
		{crosscheck.Quantity{Value: 4000, Low: f(3600), High: f(4400), Approx: true, Text: "about 4,000"}, "3,600–4,400"},
	} {
		if got := QuantityString(tt.q); got != tt.want {
			t.Errorf("QuantityString(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
