package event_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/event"
	"github.com/crosscheck/crosscheck/nlp"
)

var (
	pipeOnce sync.Once
	pipe     *nlp.Pipeline
	pipeErr  error
)

func pipeline(t testing.TB) *nlp.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = nlp.Default() })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// published is the date of every test article: Thursday 19 March 2026.
var published = crosscheck.Date{Time: time.Date(2026, 3, 19, 9, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionMinute}

// annotate runs the real language layer over an invented article.
func annotate(t testing.TB, text string) (*crosscheck.Document, *crosscheck.Annotations) {
	t.Helper()
	doc := &crosscheck.Document{ID: "doc", Text: text, Meta: crosscheck.Metadata{Published: published}}
	a, err := pipeline(t).Annotate(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, a
}

// role is a wanted argument: its role and its text.
type role struct{ role, text string }

// want is a wanted mention: its type, its trigger and some arguments.
type want struct {
	typ, trigger string
	args         []role
	count        float64 // the count argument's value, when not 0
	negated      bool
	recap        bool
}

// find returns the mention with the type and trigger, or nil.
func find(ms []crosscheck.EventMention, typ, trigger string) *crosscheck.EventMention {
	for i := range ms {
		if ms[i].Type == typ && ms[i].Trigger == trigger {
			return &ms[i]
		}
	}
	return nil
}

func arg(m *crosscheck.EventMention, r string) *crosscheck.Argument {
	for i := range m.Arguments {
		if m.Arguments[i].Role == r {
			return &m.Arguments[i]
		}
	}
	return nil
}

func hasArg(m *crosscheck.EventMention, r, text string) bool {
	for _, a := range m.Arguments {
		if a.Role == r && a.Text == text {
			return true
		}
	}
	return false
}

func show(ms []crosscheck.EventMention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "\n  %s %q neg=%v recap=%v", m.Type, m.Trigger, m.Negated, m.Recap)
		for _, a := range m.Arguments {
			fmt.Fprintf(&b, " %s=%q", a.Role, a.Text)
		}
	}
	return b.String()
}

// The sentences are invented for these tests.
func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
		// none lists types that must not be found.
		none []string
	}{
		{name: "active", text: "Police in Carvale arrested 14 protesters after the match.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrested",
				args: []role{{"agent", "Police"}, {"patient", "14 protesters"}}, count: 14}}},
		{name: "passive with by", text: "Three journalists were detained by border guards near Tessing.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "detained",
				args: []role{{"patient", "Three journalists"}, {"agent", "border guards"}, {"location", "Tessing"}}, count: 3}}},
		{name: "nominalisation", text: "The arrest of 12 activists in Port Kessel drew criticism.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrest",
				args: []role{{"patient", "12 activists"}, {"location", "Port Kessel"}}, count: 12}}},
		{name: "location on the patient", text: "Police arrested 19 people in Dunmore.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrested",
				args: []role{{"agent", "Police"}, {"patient", "19 people"}, {"location", "Dunmore"}}, count: 19}}},
		{name: "charge", text: "Five foreign nationals were arrested by the security service on charges of espionage.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrested",
				args: []role{{"patient", "Five foreign nationals"}, {"agent", "the security service"}, {"charge", "espionage"}}, count: 5}},
			none: []string{crosscheck.EventEspionage}},
		{name: "suspected of spying", text: "Rivania says it detained seven suspected of spying for Tessaly.",
			want: []want{
				{typ: crosscheck.EventArrest, trigger: "detained", args: []role{{"charge", "spying for Tessaly"}}, count: 7},
				{typ: crosscheck.EventEspionage, trigger: "spying", args: []role{{"recipient", "Tessaly"}}},
			}},
		{name: "negation", text: "The ministry did not arrest anyone.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrest", args: []role{{"agent", "The ministry"}}, negated: true}}},
		{name: "spy as a person", text: "The spy was seen in the capital. A former spy wrote a memoir about the spy ring.",
			none: []string{crosscheck.EventEspionage, crosscheck.EventArrest}},
		{name: "said is no statement", text: "The minister said the weather was fine.",
			none: []string{crosscheck.EventStatement}},
		{name: "summons with reason", text: "The foreign ministry summoned the Rivanian ambassador over the border drills.",
			want: []want{{typ: crosscheck.EventDiplomacy, trigger: "summoned",
				args: []role{{"agent", "The foreign ministry"}, {"patient", "the Rivanian ambassador"}, {"charge", "the border drills"}}}}},
		{name: "agreement with two parties", text: "Rivania and Tessaly signed a trade deal in Orlen.",
			want: []want{{typ: crosscheck.EventAgree, trigger: "signed",
				args: []role{{"agent", "Rivania"}, {"agent", "Tessaly"}, {"location", "Orlen"}}}}},
		{name: "support verb", text: "Tessaly has carried out a new round of arrests of opposition activists.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrests",
				args: []role{{"agent", "Tessaly"}, {"patient", "opposition activists"}}}}},
		{name: "exercise near a military word", text: "The army held joint drills near the border with 4,000 troops.",
			want: []want{{typ: crosscheck.EventMobilize, trigger: "drills",
				args: []role{{"agent", "The army"}, {"location", "the border"}}, count: 4000}}},
		{name: "exercise without one", text: "The exercise was a waste of time, the coach said.",
			none: []string{crosscheck.EventMobilize}},
		{name: "dateline", text: "KESSEL (Wire) - Police detained five people.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "detained", args: []role{{"agent", "Police"}}, count: 5}}},
		{name: "recap: definite group", text: "The 19 arrested in February had been recruited online.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "arrested", args: []role{{"patient", "The 19"}}, recap: true}}},
		{name: "recap: after clause", text: "The raid comes after 19 others were detained in November.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "detained", recap: true}}},
		{name: "recap: adverb", text: "Police had previously detained the suspect.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "detained", recap: true}}},
		{name: "reported past perfect is news", text: "The security service said it had detained seven people.",
			want: []want{{typ: crosscheck.EventArrest, trigger: "detained", count: 7}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, a := annotate(t, tt.text)
			ms := event.Extract(doc, a, nil)
			for _, w := range tt.want {
				m := find(ms, w.typ, w.trigger)
				if m == nil {
					t.Fatalf("no %s %q in:%s", w.typ, w.trigger, show(ms))
				}
				for _, r := range w.args {
					if !hasArg(m, r.role, r.text) {
						t.Errorf("%s %q: no %s %q in:%s", w.typ, w.trigger, r.role, r.text, show(ms))
					}
				}
				if w.count != 0 {
					c := arg(m, crosscheck.RoleCount)
					if c == nil || c.Quantity == nil || c.Quantity.Value != w.count {
						t.Errorf("%s %q: count %v, want %g:%s", w.typ, w.trigger, c, w.count, show(ms))
					}
				}
				if m.Negated != w.negated || m.Recap != w.recap {
					t.Errorf("%s %q: negated %v recap %v, want %v %v", w.typ, w.trigger, m.Negated, m.Recap, w.negated, w.recap)
				}
				if m.Begin != "" && arg(m, crosscheck.RoleTime) == nil {
					t.Errorf("%s %q dated %s without a time argument", w.typ, w.trigger, m.Begin)
				}
			}
			for _, typ := range tt.none {
				for _, m := range ms {
					if m.Type == typ {
						t.Errorf("unwanted %s %q:%s", typ, m.Trigger, show(ms))
					}
				}
			}
			checkEvidence(t, doc, ms)
		})
	}
}

// checkEvidence checks what every mention must carry: ID, document,
// valid spans that hold their text, the extractor.
func checkEvidence(t *testing.T, doc *crosscheck.Document, ms []crosscheck.EventMention) {
	t.Helper()
	for i, m := range ms {
		if want := fmt.Sprintf("%s/%d", doc.ID, i+1); m.ID != want || m.DocID != doc.ID || m.Extractor != event.Version {
			t.Errorf("mention %d: ID %q doc %q extractor %q", i, m.ID, m.DocID, m.Extractor)
		}
		if i > 0 && m.TriggerSpan.Start < ms[i-1].TriggerSpan.Start {
			t.Errorf("mentions out of text order at %d", i)
		}
		n := len(doc.Text)
		if !m.Span.Valid(n) || !m.TriggerSpan.Valid(n) || doc.Text[m.TriggerSpan.Start:m.TriggerSpan.End] != m.Trigger ||
			m.TriggerSpan.Start < m.Span.Start || m.TriggerSpan.End > m.Span.End {
			t.Errorf("mention %s: bad spans %v %v", m.ID, m.Span, m.TriggerSpan)
		}
		for _, a := range m.Arguments {
			if !a.Span.Valid(n) || doc.Text[a.Span.Start:a.Span.End] != a.Text || a.Text == "" || a.Sentence != m.Sentence {
				t.Errorf("mention %s: bad %s argument %+v", m.ID, a.Role, a)
			}
		}
	}
}

// withTimex adds a resolved DATE for the first occurrence of text when
// the layer has none there (before the time stage is wired into the
// pipeline, and to pin the value the test expects).
func withTimex(doc *crosscheck.Document, a *crosscheck.Annotations, text, value, begin, end string) {
	i := strings.Index(doc.Text, text)
	sp := crosscheck.Span{Start: i, End: i + len(text)}
	for _, tx := range a.Timexes {
		if tx.Span.Start < sp.End && sp.Start < tx.Span.End {
			return
		}
	}
	a.Timexes = append(a.Timexes, crosscheck.Timex{Span: sp, Text: text, Type: crosscheck.TimexDate,
		Value: value, Begin: begin, End: end, Granularity: "day"})
}

func TestTime(t *testing.T) {
	t.Run("time argument dates the mention", func(t *testing.T) {
		doc, a := annotate(t, "Police arrested 19 people in Dunmore on Tuesday.")
		withTimex(doc, a, "Tuesday", "2026-03-17", "2026-03-17", "2026-03-17")
		m := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested")
		if m == nil || m.Begin != "2026-03-17" || m.End != "2026-03-17" || m.Recap {
			t.Fatalf("got %+v", m)
		}
		if ta := arg(m, crosscheck.RoleTime); ta == nil || ta.Timex == nil || ta.Text != "Tuesday" {
			t.Errorf("time argument %+v", ta)
		}
	})
	t.Run("no time, no date", func(t *testing.T) {
		doc, a := annotate(t, "Police arrested 19 people in Dunmore.")
		m := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested")
		if m == nil || m.Begin != "" || m.End != "" {
			t.Fatalf("got %+v: the publication date is not the event's date", m)
		}
	})
	t.Run("the announcement's date is not the detention's", func(t *testing.T) {
		doc, a := annotate(t, "The service announced on Monday that it had detained seven people.")
		withTimex(doc, a, "Monday", "2026-03-16", "2026-03-16", "2026-03-16")
		ms := event.Extract(doc, a, nil)
		ann, det := find(ms, crosscheck.EventStatement, "announced"), find(ms, crosscheck.EventArrest, "detained")
		if ann == nil || det == nil || ann.Begin != "2026-03-16" || det.Begin != "" || det.Recap {
			t.Fatalf("got:%s", show(ms))
		}
	})
	t.Run("old time makes a recap", func(t *testing.T) {
		doc, a := annotate(t, "Police arrested 22 people in Dunmore in 2019.")
		withTimex(doc, a, "2019", "2019", "2019-01-01", "2019-12-31")
		m := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested")
		if m == nil || !m.Recap || m.Begin != "2019-01-01" {
			t.Fatalf("got %+v", m)
		}
	})
}

func TestModalities(t *testing.T) {
	doc, a := annotate(t, "Police arrested 19 people in Dunmore.")
	m0 := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested")
	if m0 == nil {
		t.Fatal("no arrest")
	}
	a.Modalities = []crosscheck.Modality{
		{Span: m0.Span, Sentence: 0, Kind: crosscheck.ModAlleged, Cue: "allegedly"},
		{Span: crosscheck.Span{Start: 0, End: 6}, Sentence: 0, Kind: crosscheck.ModNegated}, // does not cover the trigger
	}
	m := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested")
	if len(m.Modalities) != 1 || m.Modalities[0].Kind != crosscheck.ModAlleged || m.Negated {
		t.Errorf("modalities %+v negated %v", m.Modalities, m.Negated)
	}
	// A negation whose cue is elsewhere in the clause ("19", as in "19,
	// not seven") does not negate the arrest; one with no cue does.
	i := strings.Index(doc.Text, "19")
	a.Modalities = append(a.Modalities, crosscheck.Modality{Span: m0.Span, Kind: crosscheck.ModNegated, Cue: "19",
		CueSpan: crosscheck.Span{Start: i, End: i + 2}})
	if m := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested"); m.Negated {
		t.Error("a negation cue on the patient negates the mention")
	}
	a.Modalities = append(a.Modalities, crosscheck.Modality{Span: m0.Span, Kind: crosscheck.ModNegated})
	if m := find(event.Extract(doc, a, nil), crosscheck.EventArrest, "arrested"); !m.Negated {
		t.Error("a negated modality over the trigger does not negate the mention")
	}
}

func TestEntityAt(t *testing.T) {
	doc, a := annotate(t, "Police arrested 19 people in Dunmore.")
	var asked []string
	at := func(docID string, sp crosscheck.Span) string {
		asked = append(asked, doc.Text[sp.Start:sp.End])
		if docID == doc.ID && doc.Text[sp.Start:sp.End] == "Dunmore" {
			return "gpe:dunmore"
		}
		return ""
	}
	m := find(event.Extract(doc, a, at), crosscheck.EventArrest, "arrested")
	if l := arg(m, crosscheck.RoleLocation); l == nil || l.Entity != "gpe:dunmore" {
		t.Errorf("location %+v (asked %q)", l, asked)
	}
	if p := arg(m, crosscheck.RolePatient); p == nil || p.Entity != "" {
		t.Errorf("patient %+v", p)
	}
}
