package event_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/link/event"
	"github.com/crosscheck/crosscheck/nlp"
	"github.com/crosscheck/crosscheck/store/sqlite"
)

// annotated is one demo article with its language layer.
type annotated struct {
	doc   *crosscheck.Document
	layer *crosscheck.Annotations
}

var (
	demoOnce sync.Once
	demoDocs []annotated
	demoErr  error
)

// demoCorpus ingests the embedded demo corpus into a temporary store
// and annotates every article with the demo's names list, once per test
// binary.
func demoCorpus(t testing.TB) []annotated {
	t.Helper()
	demoOnce.Do(func() { demoDocs, demoErr = loadDemo() })
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoDocs
}

func loadDemo() ([]annotated, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "event-demo")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	in, err := ingest.New(st, ingest.Options{FS: demo.Corpus(), Workers: 1})
	if err != nil {
		return nil, err
	}
	if _, err := in.Run(ctx, []string{demo.Root}, nil); err != nil {
		return nil, err
	}
	f, err := demo.Corpus().Open(demo.Root + "/names.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := nlp.ReadNames(f, "names.tsv")
	if err != nil {
		return nil, err
	}
	p, err := nlp.Default()
	if err != nil {
		return nil, err
	}
	p = p.WithNames(names)
	list, err := st.Documents(ctx, crosscheck.DocumentFilter{})
	if err != nil {
		return nil, err
	}
	var out []annotated
	for _, s := range list {
		doc, err := st.Document(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		a, err := p.Annotate(ctx, doc)
		if err != nil {
			return nil, err
		}
		out = append(out, annotated{doc, a})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].doc.Meta.Title < out[j].doc.Meta.Title })
	return out, nil
}

// dump writes a mention in one line plus one per argument.
func dump(w *strings.Builder, doc *crosscheck.Document, m crosscheck.EventMention) {
	flags := ""
	if m.Negated {
		flags += " NEG"
	}
	if m.Recap {
		flags += " RECAP"
	}
	for _, md := range m.Modalities {
		flags += " " + md.Kind
	}
	fmt.Fprintf(w, "  %-9s %-12q %s..%s%s | %s\n", m.Type, m.Trigger, m.Begin, m.End, flags, oneLine(doc.Text[m.Span.Start:m.Span.End]))
	for _, a := range m.Arguments {
		extra := ""
		if a.Quantity != nil {
			extra = fmt.Sprintf(" =%g", a.Quantity.Value)
		}
		if a.Timex != nil {
			extra = " =" + a.Timex.Value
		}
		fmt.Fprintf(w, "      %-10s %q%s\n", a.Role, a.Text, extra)
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 140 {
		s = s[:140] + "…"
	}
	return s
}

// byTitle returns the demo article whose title starts with prefix.
func byTitle(t *testing.T, docs []annotated, prefix string) annotated {
	t.Helper()
	for _, d := range docs {
		if strings.HasPrefix(d.doc.Meta.Title, prefix) {
			return d
		}
	}
	t.Fatalf("no demo article titled %q…", prefix)
	return annotated{}
}

// countOf returns the value of a mention's count argument, or 0.
func countOf(m crosscheck.EventMention) float64 {
	for _, a := range m.Arguments {
		if a.Role == crosscheck.RoleCount && a.Quantity != nil {
			return a.Quantity.Value
		}
	}
	return 0
}

// TestDemoCorpus runs the extractor over the demo corpus, logs a summary
// (mentions per type; every mention with EVENT_DUMP=1 and -v) and checks
// facts that demo/corpus/README.md states.
func TestDemoCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates the demo corpus")
	}
	docs := demoCorpus(t)
	perType := map[string]int{}
	extracted := map[string][]crosscheck.EventMention{}
	var b strings.Builder
	for _, d := range docs {
		ms := event.Extract(d.doc, d.layer, nil)
		extracted[d.doc.ID] = ms
		fmt.Fprintf(&b, "\n== %s (%s)\n", d.doc.Meta.Title, d.doc.Meta.Published)
		for _, m := range ms {
			perType[m.Type]++
			dump(&b, d.doc, m)
		}
		if ms := event.Extract(d.doc, d.layer, nil); len(ms) != len(extracted[d.doc.ID]) {
			t.Errorf("%s: Extract is not deterministic", d.doc.Meta.Title)
		}
	}
	if os.Getenv("EVENT_DUMP") != "" {
		t.Log(b.String())
	}
	types := make([]string, 0, len(perType))
	for k := range perType {
		types = append(types, k)
	}
	sort.Strings(types)
	var sum []string
	for _, k := range types {
		sum = append(sum, fmt.Sprintf("%s %d", k, perType[k]))
	}
	t.Logf("%d documents; mentions per type: %s", len(docs), strings.Join(sum, ", "))

	// The seven arrested in the Osterhaven sweep: ARREST with count 7 in
	// the articles that report the SSS figure (S1, R2, J1, H1).
	for _, title := range []string{
		"Osterhaven spy ring smashed", "Valdoria says seven held", "Valdoria says it detained seven", "Valdoria claims seven",
	} {
		d := byTitle(t, docs, title)
		found := false
		for _, m := range extracted[d.doc.ID] {
			if m.Type == crosscheck.EventArrest && countOf(m) == 7 && !m.Recap {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no ARREST of 7", title)
		}
	}
	// The 19 of February: news in R3, a recap in S1 (published six weeks later).
	for _, c := range []struct {
		title string
		recap bool
	}{{"Valdoria detains 19", false}, {"Osterhaven spy ring smashed", true}} {
		d := byTitle(t, docs, c.title)
		found := false
		for _, m := range extracted[d.doc.ID] {
			if m.Type == crosscheck.EventArrest && countOf(m) == 19 && m.Recap == c.recap {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no ARREST of 19 with recap %v", c.title, c.recap)
		}
	}
	// The summons of the Ostravian ambassador (J2, H4), on Thursday 12 March
	// once the layer has time expressions.
	for _, title := range []string{"Valdoria summons Ostravian ambassador over border drills", "Valdoria summons Ostravian ambassador over border exercise"} {
		d := byTitle(t, docs, title)
		found := false
		for _, m := range extracted[d.doc.ID] {
			if m.Type != crosscheck.EventDiplomacy || m.Trigger != "summoned" {
				continue
			}
			for _, a := range m.Arguments {
				if a.Role == crosscheck.RoleAgent && a.Text == "Valdoria" {
					found = true
					if len(d.layer.Timexes) > 0 && m.Begin != "2026-03-12" {
						t.Errorf("%s: summons dated %q, want 2026-03-12", title, m.Begin)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no DIPLOMACY by Valdoria", title)
		}
	}
	// The gas corridor deal: AGREE with both parties (J3 body, R1).
	for _, title := range []string{"Ostravia, Talmera sign", "Ostravia and Talmera sign"} {
		d := byTitle(t, docs, title)
		found := false
		for _, m := range extracted[d.doc.ID] {
			var parties []string
			for _, a := range m.Arguments {
				if a.Role == crosscheck.RoleAgent {
					parties = append(parties, a.Text)
				}
			}
			if m.Type == crosscheck.EventAgree && strings.Join(parties, "+") == "Ostravia+Talmera" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no AGREE between Ostravia and Talmera", title)
		}
	}
	// The exercise (H2) and no person noun as a trigger anywhere.
	if h2 := byTitle(t, docs, "Ostravia begins military exercise"); perTypeIn(extracted[h2.doc.ID], crosscheck.EventMobilize) == 0 {
		t.Error("H2: no MOBILIZE")
	}
	for id, ms := range extracted {
		for _, m := range ms {
			if tr := strings.ToLower(m.Trigger); tr == "spy" || tr == "agents" || (tr == "spies" && m.Type != crosscheck.EventEspionage) {
				t.Errorf("%s: person noun %q as a trigger", id, m.Trigger)
			}
		}
	}
}

func perTypeIn(ms []crosscheck.EventMention, typ string) int {
	n := 0
	for _, m := range ms {
		if m.Type == typ {
			n++
		}
	}
	return n
}

// BenchmarkExtract runs Extract over the demo corpus's stored layers (the
// language layer is made once, outside the timing) and reports docs/s.
func BenchmarkExtract(b *testing.B) {
	docs := demoCorpus(b)
	n, runs := 0, 0
	for b.Loop() {
		for _, d := range docs {
			n += len(event.Extract(d.doc, d.layer, func(string, crosscheck.Span) string { return "" }))
		}
		runs++
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(docs)*runs)/secs, "docs/s")
	b.ReportMetric(float64(n)/float64(len(docs)*runs), "mentions/doc")
}
