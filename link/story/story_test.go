package story

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/coref"
)

func ment(id, typ, trigger string, args ...crosscheck.Argument) crosscheck.EventMention {
	doc, _, _ := strings.Cut(id, "/")
	m := crosscheck.EventMention{ID: id, DocID: doc, Type: typ, Trigger: trigger}
	for _, a := range args {
		if a.Role == crosscheck.RoleTime && a.Timex != nil {
			m.Begin, m.End = a.Timex.Begin, a.Timex.End
		}
		m.Arguments = append(m.Arguments, a)
	}
	return m
}

func recap(m crosscheck.EventMention) crosscheck.EventMention { m.Recap = true; return m }

func arg(role, text, entity string) crosscheck.Argument {
	return crosscheck.Argument{Role: role, Text: text, Entity: entity}
}

func on(date string) crosscheck.Argument {
	return crosscheck.Argument{Role: crosscheck.RoleTime, Text: date,
		Timex: &crosscheck.Timex{Type: crosscheck.TimexDate, Value: date, Begin: date, End: date}}
}

func count(n float64) crosscheck.Argument {
	return crosscheck.Argument{Role: crosscheck.RoleCount, Text: "seven",
		Quantity: &crosscheck.Quantity{Kind: crosscheck.QuantityCardinal, Value: n, Low: &n, High: &n, Exact: true}}
}

func docs(specs ...string) map[string]coref.Doc {
	m := map[string]coref.Doc{}
	for _, s := range specs {
		id, date, _ := strings.Cut(s, "=")
		d := coref.Doc{ID: id}
		if date != "" {
			t, _ := time.Parse("2006-01-02", date)
			d.Published = crosscheck.Date{Time: t.Add(8 * time.Hour), Precision: crosscheck.PrecisionMinute}
		}
		m[id] = d
	}
	return m
}

const (
	agent   = crosscheck.RoleAgent
	patient = crosscheck.RolePatient
	place   = crosscheck.RoleLocation
	charge  = crosscheck.RoleCharge
	recip   = crosscheck.RoleRecipient
)

// demoEvents clusters hand-built mentions modelled on the demo corpus:
// the spy arrests, their court remand, the gas deal, the exercise and
// the summons.
func demoEvents(t *testing.T) ([]crosscheck.Event, map[string]coref.Doc) {
	t.Helper()
	d := docs("j1=2026-03-17", "r2=2026-03-17", "s1=2026-03-17", "w1=2026-03-19", "s6=2026-03-24",
		"j3=2026-03-20", "r1=2026-03-21", "h3=2026-03-21", "h2=2026-03-09", "j2=2026-03-12", "h4=2026-03-12")
	mentions := []crosscheck.EventMention{
		// The arrests, announced 2026-03-16.
		ment("j1/1", crosscheck.EventArrest, "detained", arg(agent, "Valdoria's State Security Service", "sss"),
			arg(patient, "seven people", ""), count(7), arg(charge, "spying for Ostravia's Revolutionary Vanguard Corps", "rvc"), on("2026-03-16")),
		ment("r2/1", crosscheck.EventArrest, "detained", arg(agent, "the SSS", "sss"), count(7),
			arg(place, "Osterhaven", "osterhaven"), on("2026-03-16")),
		ment("s1/1", crosscheck.EventArrest, "arresting", arg(agent, "the security service", "sss"),
			arg(patient, "seven agents", ""), count(7), arg(place, "in Osterhaven", "osterhaven"), arg(charge, "the Vanguard", "rvc")),
		recap(ment("w1/2", crosscheck.EventArrest, "detained", arg(patient, "the seven", ""), count(7), arg(agent, "the SSS", "sss"))),
		recap(ment("h3/2", crosscheck.EventArrest, "revealed", arg(patient, "a spy ring", ""),
			arg(place, "Osterhaven", "osterhaven"), on("2026-03-16"))),
		// The remand, 2026-03-18.
		ment("w1/1", crosscheck.EventArrest, "remanded", arg(agent, "Marenburg District Court", "court"),
			arg(patient, "the seven members of the Vanguard spy ring", "rvc"), count(7), arg(charge, "high treason", ""), on("2026-03-18")),
		ment("s6/1", crosscheck.EventArrest, "remanded", arg(agent, "the court", "court"), arg(patient, "the seven", ""),
			count(7), arg(charge, "high treason", ""), on("2026-03-18")),
		// The gas corridor deal, 2026-03-20.
		ment("j3/1", crosscheck.EventAgree, "signed", arg(agent, "Ostravia", "ostravia"), arg(recip, "Talmera", "talmera"),
			arg(place, "in Sarest", "sarest"), arg(patient, "a gas corridor deal", ""), on("2026-03-20")),
		ment("r1/1", crosscheck.EventAgree, "signed", arg(agent, "Ostravia", "ostravia"), arg(agent, "Talmera", "talmera"),
			arg(patient, "gas corridor deal", ""), on("2026-03-20")),
		ment("h3/1", crosscheck.EventAgree, "deal", arg(agent, "Kelm", "ostravia"), arg(recip, "Sarest", "talmera"), on("2026-03-20")),
		// The exercise from 2026-03-09 and the summons over it on 2026-03-12.
		ment("h2/1", crosscheck.EventMobilize, "exercise", arg(agent, "Ostravia", "ostravia"),
			arg(place, "in the Drovny region", "drovny"), on("2026-03-09")),
		ment("j2/2", crosscheck.EventMobilize, "drills", arg(place, "in the Drovny area", "drovny"), on("2026-03-09")),
		ment("j2/1", crosscheck.EventDiplomacy, "summoned", arg(agent, "Valdoria", "valdoria"),
			arg(patient, "Ostravia's ambassador", "lusnik"), arg(charge, "over border drills", ""), on("2026-03-12")),
		ment("h4/1", crosscheck.EventDiplomacy, "summons", arg(agent, "Brannholt", "brannholt"),
			arg(patient, "Ostravian ambassador Pavel Lusnik", "lusnik"), on("2026-03-12")),
	}
	return coref.Cluster(mentions, d), d
}

func TestBuild(t *testing.T) {
	events, d := demoEvents(t)
	byMention := map[string]string{} // mention → event ID
	for _, e := range events {
		for _, m := range e.Mentions {
			byMention[m.ID] = e.ID
		}
	}
	if byMention["w1/1"] == byMention["j1/1"] || byMention["j1/1"] != byMention["r2/1"] || byMention["w1/2"] != byMention["j1/1"] {
		t.Fatalf("coref precondition: arrest and remand should be two events")
	}
	stories := Build(events, d)
	storyOf := map[string]int{} // event ID → story index
	for i, s := range stories {
		for _, e := range s.Events {
			if _, dup := storyOf[e]; dup {
				t.Errorf("event %s in two stories", e)
			}
			storyOf[e] = i
		}
		t.Logf("story %s %q events %d docs %v %s..%s", s.ID, s.Title, len(s.Events), s.Docs, s.Begin, s.End)
	}
	if len(storyOf) != len(events) {
		t.Errorf("%d events in stories, want %d", len(storyOf), len(events))
	}
	arrest, remand, deal := storyOf[byMention["j1/1"]], storyOf[byMention["w1/1"]], storyOf[byMention["j3/1"]]
	if arrest != remand {
		t.Errorf("arrest and remand in different stories")
	}
	if deal == arrest {
		t.Errorf("gas deal in the arrest story")
	}
	s := stories[arrest]
	if !strings.Contains(s.Title, "SSS") && !strings.Contains(s.Title, "Security Service") {
		t.Errorf("arrest story title %q", s.Title)
	}
	if s.Begin != "2026-03-16" || s.End != "2026-03-18" {
		t.Errorf("arrest story %s..%s", s.Begin, s.End)
	}
	// H3 reports the deal and recaps the arrests: it belongs to both.
	if !slices.Contains(s.Docs, "h3") || !slices.Contains(stories[deal].Docs, "h3") {
		t.Errorf("h3 should be in both stories: %v / %v", s.Docs, stories[deal].Docs)
	}
	if s.Docs[0] != "j1" && s.Docs[0] != "r2" && s.Docs[0] != "s1" {
		t.Errorf("docs not in publication order: %v", s.Docs)
	}
	// Same input, same stories.
	rev := slices.Clone(events)
	slices.Reverse(rev)
	again := Build(rev, d)
	if len(again) != len(stories) || again[arrest].ID != s.ID {
		t.Errorf("stories depend on input order")
	}
}

func TestBuildHubs(t *testing.T) {
	// Twelve unrelated events that all name one country: the country is a
	// hub and links nothing.
	var events []crosscheck.Event
	for i := range 12 {
		id := string(rune('a' + i))
		events = append(events, crosscheck.Event{ID: id, Type: crosscheck.EventStatement, Title: id,
			Begin: "2026-03-1" + string(rune('0'+i%10)), End: "2026-03-1" + string(rune('0'+i%10)),
			Entities: []string{"country", "person-" + id}, Docs: []string{"doc-" + id},
			Mentions: []crosscheck.EventMention{{ID: "doc-" + id + "/1", DocID: "doc-" + id, Trigger: "warned"}}})
	}
	if got := Build(events, nil); len(got) != 12 {
		t.Errorf("got %d stories, want 12", len(got))
	}
	if Build(nil, nil) != nil {
		t.Errorf("no events should give no stories")
	}
}

func TestTimeline(t *testing.T) {
	events, _ := demoEvents(t)
	events = append(events,
		crosscheck.Event{ID: "Vundated", Type: crosscheck.EventArrest, Title: "ARREST: 22 arrested",
			Mentions: []crosscheck.EventMention{{ID: "s4/1"}}, Docs: []string{"s4"}},
		crosscheck.Event{ID: "Vpub", Type: crosscheck.EventArrest, Title: "ARREST: raid", Begin: "2026-03-03", End: "2026-03-17",
			Mentions: []crosscheck.EventMention{{ID: "x/1"}}, Docs: []string{"x"}},
		crosscheck.Event{ID: "Vdisputed", Type: crosscheck.EventMobilize, Title: "MOBILIZE: exercise begins", Begin: "2026-03-09", End: "2026-03-10",
			Mentions: []crosscheck.EventMention{{ID: "a/1", Begin: "2026-03-09", End: "2026-03-09"}, {ID: "b/1", Begin: "2026-03-10", End: "2026-03-10"}},
			Docs:     []string{"a", "b"}},
	)
	tl := Timeline(events)
	if len(tl) != len(events) {
		t.Fatalf("%d entries for %d events", len(tl), len(events))
	}
	var order []string
	for _, e := range tl {
		order = append(order, e.Label+" "+e.Basis)
		t.Logf("%-24s %-9s %-5v %s", e.Label, e.Basis, e.Disputed, e.Title)
	}
	if last := tl[len(tl)-1]; last.Event != "Vundated" || last.Label != "undated" || last.Basis != BasisUndated {
		t.Errorf("undated event not last: %+v", last)
	}
	for i := 1; i < len(tl); i++ {
		if a, b := timelineKey(tl[i-1]), timelineKey(tl[i]); b != "" && a > b {
			t.Errorf("out of order: %v", order)
		}
	}
	for _, e := range tl {
		switch e.Event {
		case "Vpub":
			if e.Label != "by 2026-03-17" || e.Basis != BasisPublished {
				t.Errorf("publication-dated entry %+v", e)
			}
		case "Vdisputed":
			if e.Label != "2026-03-09..2026-03-10" || !e.Disputed {
				t.Errorf("disputed entry %+v", e)
			}
		}
	}
	if tl[0].Label != "2026-03-09" {
		t.Errorf("first entry %+v", tl[0])
	}
}
