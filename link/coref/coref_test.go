package coref

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Builders for hand-made mentions: no language layer needed.

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

func arg(r, text, entity string) crosscheck.Argument {
	return crosscheck.Argument{Role: r, Text: text, Entity: entity}
}

func agent(text, entity string) crosscheck.Argument { return arg(crosscheck.RoleAgent, text, entity) }
func patient(text, entity string) crosscheck.Argument {
	return arg(crosscheck.RolePatient, text, entity)
}
func place(text, entity string) crosscheck.Argument {
	return arg(crosscheck.RoleLocation, text, entity)
}

func at(text, begin, end string) crosscheck.Argument {
	return crosscheck.Argument{Role: crosscheck.RoleTime, Text: text,
		Timex: &crosscheck.Timex{Text: text, Type: crosscheck.TimexDate, Value: begin, Begin: begin, End: end}}
}

// count builds a count argument; high < 0 leaves it unbounded above.
func count(text string, low, high float64) crosscheck.Argument {
	q := &crosscheck.Quantity{Text: text, Kind: crosscheck.QuantityCardinal, Value: low, Low: &low}
	if high >= 0 {
		q.High = &high
	}
	q.Exact = low == high
	return crosscheck.Argument{Role: crosscheck.RoleCount, Text: text, Quantity: q}
}

func exactly(text string, n float64) crosscheck.Argument { return count(text, n, n) }

// docs builds documents from "id=2026-03-17" pairs; "id=" is undated.
func docs(specs ...string) map[string]Doc {
	m := map[string]Doc{}
	for _, s := range specs {
		id, date, _ := strings.Cut(s, "=")
		d := Doc{ID: id}
		if date != "" {
			t, err := time.Parse("2006-01-02", date)
			if err != nil {
				panic(err)
			}
			d.Published = crosscheck.Date{Time: t.Add(9 * time.Hour), Precision: crosscheck.PrecisionMinute}
		}
		m[id] = d
	}
	return m
}

// partition renders events as "a/1 b/1 | c/1": mention IDs per event,
// events sorted.
func partition(events []crosscheck.Event) string {
	var groups []string
	for _, e := range events {
		var ids []string
		for _, m := range e.Mentions {
			ids = append(ids, m.ID)
		}
		slices.Sort(ids)
		groups = append(groups, strings.Join(ids, " "))
	}
	slices.Sort(groups)
	return strings.Join(groups, " | ")
}

const (
	sss  = "E-sss"
	mns  = "E-mns"
	baku = "E-baku"
	iran = "E-iran"
	azer = "E-azer"
)

func TestCluster(t *testing.T) {
	tests := []struct {
		name     string
		mentions []crosscheck.EventMention
		docs     map[string]Doc
		want     string
	}{
		{
			name: "three outlets, counts five, dozens, five",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("the State Security Service", sss),
					patient("five people", ""), exactly("five", 5), place("Baku", baku), at("on Tuesday", "2025-11-11", "2025-11-11")),
				ment("b/1", crosscheck.EventArrest, "detains", agent("Azerbaijan's security service", sss),
					patient("dozens of spies", ""), count("dozens", 24, -1)),
				ment("c/1", crosscheck.EventArrest, "arrest", agent("the SSS", sss), patient("five suspects", ""),
					exactly("five", 5), place("in Baku", baku), at("in mid-November", "2025-11-11", "2025-11-20")),
			},
			docs: docs("a=2025-11-12", "b=2025-11-16", "c=2025-11-17"),
			want: "a/1 b/1 c/1",
		},
		{
			name: "same type one year apart, stated",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("SSS", sss), exactly("19", 19),
					place("Baku", baku), at("on March 16", "2025-03-16", "2025-03-16")),
				ment("b/1", crosscheck.EventArrest, "arrested", agent("SSS", sss), exactly("19", 19),
					place("Baku", baku), at("on March 16", "2026-03-16", "2026-03-16")),
			},
			docs: docs("a=2025-03-17", "b=2026-03-17"),
			want: "a/1 | b/1",
		},
		{
			name: "same type one year apart, from publication dates",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("SSS", sss), exactly("19", 19), place("Baku", baku)),
				ment("b/1", crosscheck.EventArrest, "arrested", agent("SSS", sss), exactly("19", 19), place("Baku", baku)),
			},
			docs: docs("a=2025-03-17", "b=2026-03-17"),
			want: "a/1 | b/1",
		},
		{
			name: "undated with other participants stays apart",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("the State Security Service", sss),
					count("more than a dozen", 13, -1), place("Baku", baku), at("on Tuesday", "2025-11-11", "2025-11-11")),
				ment("u/1", crosscheck.EventArrest, "arrested", agent("the Ministry of National Security", mns),
					exactly("22", 22), place("Baku", baku)),
			},
			docs: docs("a=2025-11-12", "u="),
			want: "a/1 | u/1",
		},
		{
			name: "undated with the same participants and a compatible count merges",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("the State Security Service", sss),
					exactly("five", 5), place("Baku", baku), at("on Tuesday", "2025-11-11", "2025-11-11")),
				ment("u/1", crosscheck.EventArrest, "arrested", agent("the SSS", sss), exactly("five", 5), place("in Baku", baku)),
			},
			docs: docs("a=2025-11-12", "u="),
			want: "a/1 u/1",
		},
		{
			name: "undated with the same participants but another count stays apart",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("the State Security Service", sss),
					exactly("19", 19), place("Baku", baku), at("on Tuesday", "2025-11-04", "2025-11-04")),
				ment("u/1", crosscheck.EventArrest, "arrested", agent("the SSS", sss), exactly("22", 22), place("in Baku", baku)),
			},
			docs: docs("a=2025-11-05", "u="),
			want: "a/1 | u/1",
		},
		{
			name: "recap links to the earlier event, not the new one",
			mentions: []crosscheck.EventMention{
				ment("d/1", crosscheck.EventArrest, "detained", agent("the SSS", sss), patient("19 people", ""),
					exactly("19", 19), at("on Monday", "2025-11-03", "2025-11-03")),
				ment("c/1", crosscheck.EventArrest, "arrested", agent("the SSS", sss), patient("five suspects", ""),
					exactly("five", 5), place("Baku", baku), at("on Monday", "2025-11-17", "2025-11-17")),
				recap(ment("c/2", crosscheck.EventArrest, "arrested", patient("the 19", ""), exactly("19", 19),
					at("early November", "2025-11-01", "2025-11-10"))),
				recap(ment("e/4", crosscheck.EventArrest, "detained", patient("the 19 people", ""), exactly("19", 19))),
				ment("e/1", crosscheck.EventArrest, "arrests", agent("the SSS", sss), exactly("five", 5), place("Baku", baku)),
			},
			docs: docs("d=2025-11-04", "c=2025-11-18", "e=2025-11-19"),
			want: "c/1 e/1 | c/2 d/1 e/4",
		},
		{
			name: "summons in opposite directions are two events",
			mentions: []crosscheck.EventMention{
				ment("i/1", crosscheck.EventDiplomacy, "summoned", agent("Iran", iran), patient("Azerbaijan's ambassador", ""),
					at("on Thursday", "2026-01-08", "2026-01-08")),
				ment("j/1", crosscheck.EventDiplomacy, "summoned", agent("Azerbaijan", azer), patient("Iran's ambassador", ""),
					at("on Friday", "2026-01-09", "2026-01-09")),
				ment("k/1", crosscheck.EventDiplomacy, "summoned", agent("Tehran", iran), patient("the Azerbaijani envoy", "")),
				ment("l/1", crosscheck.EventDiplomacy, "summoned", agent("Baku", azer), patient("the Iranian ambassador", "")),
			},
			docs: docs("i=2026-01-08", "j=2026-01-09", "k=2026-01-09", "l=2026-01-10"),
			want: "i/1 k/1 | j/1 l/1",
		},
		{
			name: "summons swapped with unresolved names",
			mentions: []crosscheck.EventMention{
				ment("i/1", crosscheck.EventDiplomacy, "summoned", agent("Iran", ""), patient("Azerbaijan's ambassador", "")),
				ment("j/1", crosscheck.EventDiplomacy, "summoned", agent("Azerbaijan", ""), patient("Iran's ambassador", "")),
			},
			docs: docs("i=2026-01-08", "j=2026-01-08"),
			want: "i/1 | j/1",
		},
		{
			name: "within-document duplicates merge",
			mentions: []crosscheck.EventMention{
				ment("w/1", crosscheck.EventArrest, "held", patient("Seven spies", ""), exactly("Seven", 7)),
				ment("w/2", crosscheck.EventArrest, "detained", agent("The SSS", sss), patient("seven people", ""),
					exactly("seven", 7), at("on Monday", "2026-03-16", "2026-03-16")),
				ment("w/3", crosscheck.EventArrest, "arrests", place("Osterhaven", "E-ost")),
			},
			docs: docs("w=2026-03-17"),
			want: "w/1 w/2 w/3",
		},
		{
			name: "types never mix",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("SSS", sss), at("", "2026-03-16", "2026-03-16")),
				ment("a/2", crosscheck.EventAccuse, "accused", agent("SSS", sss), at("", "2026-03-16", "2026-03-16")),
			},
			docs: docs("a=2026-03-17"),
			want: "a/1 | a/2",
		},
		{
			name: "agreement: counterpart order does not matter",
			mentions: []crosscheck.EventMention{
				ment("a/1", crosscheck.EventAgree, "signed", agent("Ostravia", "E-ost"),
					arg(crosscheck.RoleRecipient, "Talmera", "E-tal"), place("in Sarest", "E-sar"), at("on Friday", "2026-03-20", "2026-03-20")),
				ment("b/1", crosscheck.EventAgree, "deal", agent("Talmera", "E-tal"), arg(crosscheck.RoleRecipient, "Ostravia", "E-ost")),
			},
			docs: docs("a=2026-03-20", "b=2026-03-21"),
			want: "a/1 b/1",
		},
		{
			name: "undated article: an old sweep, a recap and news",
			mentions: []crosscheck.EventMention{
				recap(ment("s4/1", crosscheck.EventArrest, "arrests", agent("the Ministry of National Security", mns),
					exactly("22", 22), at("2019", "2019-01-01", "2019-12-31"))),
				recap(ment("s4/2", crosscheck.EventArrest, "rounds up", agent("The SSS", sss), exactly("19", 19),
					at("February 2026", "2026-02-01", "2026-02-28"))),
				ment("s4/3", crosscheck.EventArrest, "netted", patient("more than a dozen Vanguard agents", ""),
					count("more than a dozen", 13, -1), place("in and around Osterhaven", "E-ost")),
				ment("r3/1", crosscheck.EventArrest, "detained", agent("Valdoria's State Security Service", sss),
					exactly("19", 19), at("on Wednesday", "2026-02-04", "2026-02-04")),
				ment("j1/1", crosscheck.EventArrest, "detained", agent("the SSS", sss), exactly("seven", 7),
					place("Osterhaven", "E-ost"), at("on March 16", "2026-03-16", "2026-03-16")),
			},
			docs: docs("s4=", "r3=2026-02-05", "j1=2026-03-17"),
			want: "j1/1 | r3/1 s4/2 | s4/1 | s4/3",
		},
		{
			name: "two arrests weeks apart by the same agent",
			mentions: []crosscheck.EventMention{
				ment("r/1", crosscheck.EventArrest, "detained", agent("the SSS", sss), exactly("19", 19), at("on Wednesday", "2026-02-04", "2026-02-04")),
				ment("s/1", crosscheck.EventArrest, "detained", agent("the SSS", sss), exactly("seven", 7)),
			},
			docs: docs("r=2026-02-05", "s=2026-03-17"),
			want: "r/1 | s/1",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			events := Cluster(tc.mentions, tc.docs)
			if got := partition(events); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
				s := &scorer{f: make([]feat, len(tc.mentions))}
				for i := range tc.mentions {
					s.f[i] = newFeat(&tc.mentions[i], tc.docs)
				}
				for i := range s.f {
					for j := i + 1; j < len(s.f); j++ {
						sc, v := s.pair(i, j)
						t.Logf("%s ~ %s: %.2f verdict=%d", s.f[i].m.ID, s.f[j].m.ID, sc, v)
					}
				}
			}
			// Any input order gives the same events.
			rev := slices.Clone(tc.mentions)
			slices.Reverse(rev)
			if a, b := fmt.Sprint(events), fmt.Sprint(Cluster(rev, tc.docs)); a != b {
				t.Errorf("order changes the result")
			}
		})
	}
}

func TestEventFields(t *testing.T) {
	mentions := []crosscheck.EventMention{
		ment("b/1", crosscheck.EventArrest, "detained", agent("Azerbaijan's security service", sss),
			patient("dozens of spies", ""), count("dozens", 24, -1)),
		ment("a/1", crosscheck.EventArrest, "arrested", agent("the State Security Service", sss),
			patient("five people", ""), exactly("five", 5), place("Baku", baku), at("on Tuesday", "2025-11-11", "2025-11-11")),
		ment("c/1", crosscheck.EventArrest, "arrest", agent("the SSS", sss), patient("five suspects", ""),
			exactly("five", 5), place("in Baku", baku), at("in mid-November", "2025-11-11", "2025-11-20")),
		ment("a/2", crosscheck.EventArrest, "arrests", place("Baku", baku)),
	}
	events := Cluster(mentions, docs("a=2025-11-12", "b=2025-11-16", "c=2025-11-17"))
	if len(events) != 1 {
		t.Fatalf("got %d events: %s", len(events), partition(events))
	}
	e := events[0]
	if e.Begin != "2025-11-11" || e.End != "2025-11-11" {
		t.Errorf("interval %s..%s, want the intersection 2025-11-11", e.Begin, e.End)
	}
	if want := "ARREST: The State Security Service arrests five people in Baku (2025-11-11)"; e.Title != want {
		t.Errorf("title %q, want %q", e.Title, want)
	}
	if want := []string{"a", "b", "c"}; !slices.Equal(e.Docs, want) {
		t.Errorf("docs %v, want %v", e.Docs, want)
	}
	if want := []string{baku, sss}; !slices.Equal(e.Entities, want) {
		t.Errorf("entities %v, want %v", e.Entities, want)
	}
	if e.Mentions[0].ID != "a/1" || e.Mentions[1].ID != "a/2" {
		t.Errorf("mentions not in report order: %s", partition(events))
	}
	if !strings.HasPrefix(e.ID, "V") || len(e.ID) != 17 {
		t.Errorf("ID %q", e.ID)
	}
	if again := Cluster(mentions, docs("a=2025-11-12", "b=2025-11-16", "c=2025-11-17")); again[0].ID != e.ID {
		t.Errorf("ID not stable")
	}
}

func TestEventInterval(t *testing.T) {
	tests := []struct {
		name       string
		mentions   []crosscheck.EventMention
		docs       map[string]Doc
		begin, end string
	}{
		{"outlets disagree on the day: union",
			[]crosscheck.EventMention{
				ment("a/1", crosscheck.EventMobilize, "began", agent("Ostravia", "E-o"), at("on Monday", "2026-03-09", "2026-03-09")),
				ment("b/1", crosscheck.EventMobilize, "began", agent("Ostravia", "E-o"), at("on Tuesday", "2026-03-10", "2026-03-10")),
			}, docs("a=2026-03-09", "b=2026-03-12"), "2026-03-09", "2026-03-10"},
		{"only publication dates: first report, two weeks back",
			[]crosscheck.EventMention{
				ment("a/1", crosscheck.EventArrest, "arrested", agent("SSS", sss)),
				ment("b/1", crosscheck.EventArrest, "arrested", agent("SSS", sss)),
			}, docs("a=2026-03-17", "b=2026-03-18"), "2026-03-03", "2026-03-17"},
		{"only a recap: on or before",
			[]crosscheck.EventMention{recap(ment("a/1", crosscheck.EventArrest, "arrested", agent("SSS", sss)))},
			docs("a=2026-03-17"), "", "2026-03-17"},
		{"undated", []crosscheck.EventMention{ment("a/1", crosscheck.EventArrest, "arrested")}, docs("a="), "", ""},
		{"copied publication date is not a stated time",
			[]crosscheck.EventMention{{ID: "a/1", DocID: "a", Type: crosscheck.EventArrest, Trigger: "arrested",
				Begin: "2026-03-17", End: "2026-03-17"}},
			docs("a=2026-03-17"), "2026-03-03", "2026-03-17"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			events := Cluster(tc.mentions, tc.docs)
			if len(events) != 1 {
				t.Fatalf("got %d events: %s", len(events), partition(events))
			}
			if events[0].Begin != tc.begin || events[0].End != tc.end {
				t.Errorf("got %q..%q, want %q..%q", events[0].Begin, events[0].End, tc.begin, tc.end)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		m    crosscheck.EventMention
		want string
	}{
		{ment("a/1", crosscheck.EventArrest, "arrested", agent("State Security Service", sss), exactly("7", 7),
			place("Osterhaven", ""), at("", "2026-03-16", "2026-03-16")),
			"ARREST: State Security Service arrests 7 in Osterhaven (2026-03-16)"},
		{ment("a/1", crosscheck.EventArrest, "detained", patient("seven people", ""), place("near the border", "")),
			"ARREST: Seven people detained near the border (by 2026-03-17)"},
		{ment("a/1", crosscheck.EventAgree, "signed", agent("Ostravia and Talmera", ""), patient("a gas corridor deal", ""),
			at("", "2026-03-20", "2026-03-20")),
			"AGREE: Ostravia and Talmera sign a gas corridor deal (2026-03-20)"},
		{ment("a/1", crosscheck.EventDiplomacy, "summoned", agent("Valdoria", ""), patient("Ostravia's ambassador", ""),
			at("", "2026-03-12", "2026-03-12")),
			"DIPLOMACY: Valdoria summons Ostravia's ambassador (2026-03-12)"},
		{ment("a/1", crosscheck.EventMeet, "talks", agent("Korvel", ""), at("", "2026-03", "")),
			"MEET: Korvel holds talks (2026-03)"},
		{ment("a/1", crosscheck.EventArrest, "operation", agent("police", "")),
			"ARREST: Operation by police (by 2026-03-17)"},
		{ment("a/1", crosscheck.EventArrest, "detained", agent("it", sss), patient("seven people", "")),
			"ARREST: State Security Service detains seven people (by 2026-03-17)"},
		{ment("a/1", crosscheck.EventArrest, "detained", agent("it", ""), patient("seven people", "")),
			"ARREST: Seven people detained (by 2026-03-17)"},
		{ment("a/1", crosscheck.EventArrest, "arrested", agent("Valdoria's secret police", ""), exactly("19", 19)),
			"ARREST: Valdoria's secret police arrest 19 (by 2026-03-17)"},
		{ment("a/1", crosscheck.EventEspionage, "spying", agent("Seven agents", ""), arg(crosscheck.RoleRecipient, "Ostravia", "")),
			"ESPIONAGE: Seven agents spy for Ostravia (by 2026-03-17)"},
	}
	names := WithEntities([]crosscheck.Entity{{ID: sss, Name: "State Security Service"}})
	for _, tc := range tests {
		events := Cluster([]crosscheck.EventMention{tc.m}, docs("a=2026-03-17"), names)
		if got := events[0].Title; got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

func TestLemma(t *testing.T) {
	for in, want := range map[string]string{
		"arrested": "arrest", "arrests": "arrest", "arrest": "arrest", "detained": "detain", "detention": "detain",
		"seized": "seize", "charged": "charge", "accused": "accuse", "summoned": "summon", "summons": "summon",
		"banned": "ban", "stated": "state", "rallied": "rally", "signing": "sign", "held": "hold",
		"sentenced": "sentence", "killed": "kill", "rounded up": "round", "expelled": "expel", "Deployed": "deploy",
	} {
		if got := Lemma(in); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatInterval(t *testing.T) {
	for _, tc := range []struct{ b, e, want string }{
		{"2026-03-16", "2026-03-16", "2026-03-16"},
		{"2026-03-01", "2026-03-10", "2026-03-01..2026-03-10"},
		{"2026-03-01", "2026-03-31", "2026-03"},
		{"2026-02-01", "2026-03-31", "2026-02..2026-03"},
		{"2019-01-01", "2019-12-31", "2019"},
		{"", "2026-03-17", "by 2026-03-17"},
		{"2026-03-17", "", "from 2026-03-17"},
		{"", "", "undated"},
		{"garbage", "", "undated"},
	} {
		if got := FormatInterval(tc.b, tc.e); got != tc.want {
			t.Errorf("FormatInterval(%q, %q) = %q, want %q", tc.b, tc.e, got, tc.want)
		}
	}
}

func TestWithEntities(t *testing.T) {
	// "Valdoria" and its security service as agents: a conflict without
	// relations, a partial match with them.
	mentions := []crosscheck.EventMention{
		ment("a/1", crosscheck.EventArrest, "detained", agent("Valdoria", "E-v"), exactly("19", 19), at("", "2026-02-04", "2026-02-04")),
		ment("b/1", crosscheck.EventArrest, "detained", agent("the SSS", sss), exactly("19", 19), at("", "2026-02-04", "2026-02-04")),
	}
	d := docs("a=2026-02-05", "b=2026-02-05")
	entities := []crosscheck.Entity{{ID: sss, Relations: []crosscheck.Relation{{Kind: crosscheck.RelPartOf, Entity: "E-v"}}}}
	if got := partition(Cluster(mentions, d, WithEntities(entities))); got != "a/1 b/1" {
		t.Errorf("with relations: %s", got)
	}
}

func TestClusterEmpty(t *testing.T) {
	if got := Cluster(nil, nil); len(got) != 0 {
		t.Errorf("got %v", got)
	}
	// A mention of a document missing from docs is kept, undated.
	got := Cluster([]crosscheck.EventMention{ment("x/1", crosscheck.EventArrest, "arrested")}, nil)
	if len(got) != 1 || got[0].Begin != "" || got[0].End != "" {
		t.Errorf("got %+v", got)
	}
}

func FuzzFormatInterval(f *testing.F) {
	for _, s := range []string{"2026-03-16", "2026-03", "2026", "", "2026-13-45", "20x6-01-01", "9999-12-31"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, begin, end string) {
		if FormatInterval(begin, end) == "" {
			t.Errorf("empty label for %q, %q", begin, end)
		}
	})
}

func FuzzLemma(f *testing.F) {
	for _, s := range []string{"arrested", "rounded up", "ied", "sses", "’s", "détenu", "ss"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Lemma(s)
		tokens(s)
		m := crosscheck.EventMention{ID: "a/1", DocID: "a", Type: crosscheck.EventArrest, Trigger: s,
			Arguments: []crosscheck.Argument{{Role: crosscheck.RoleAgent, Text: s}, {Role: crosscheck.RolePatient, Text: s}}}
		Cluster([]crosscheck.EventMention{m, m}, nil)
	})
}
