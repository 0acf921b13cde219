package score

import (
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo/gold"
	linkscore "github.com/crosscheck/crosscheck/link/score"
)

func f(v float64) *float64 { return &v }

func demoGold(t testing.TB) *Gold {
	t.Helper()
	g, err := LoadGold(gold.FS())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The demo's ledger gold loads, passes Check against the linking gold
// (events, articles that report them, entities, derived singles) and
// has the sizes demo/gold/README.md states.
func TestDemoGold(t *testing.T) {
	g := demoGold(t)
	t.Logf("demo ledger gold: %d conflicts, %d compatibles, %d single-source claims, %d outside the role model",
		len(g.Conflicts), len(g.Compatibles), len(g.Singles), len(g.Outside))
	if len(g.Conflicts) != 10 || len(g.Compatibles) != 22 || len(g.Singles) != 6 || len(g.Outside) != 7 {
		t.Errorf("sizes changed: update demo/gold/README.md and this test")
	}
}

// tinyLink is a linking gold of two articles reporting one event.
func tinyLink() *linkscore.Gold {
	return &linkscore.Gold{
		Articles: []linkscore.GoldArticle{{ID: "A", File: "a.txt"}, {ID: "B", File: "b.txt"}, {ID: "C", File: "c.txt"}},
		Entities: []linkscore.GoldEntity{
			{ID: "feldmark", Type: crosscheck.LabelGPE, Name: "Feldmark", Mentions: []linkscore.GoldMention{{Article: "A", Text: "Feldmark", Occurrence: 1, Kind: crosscheck.RefName}}},
		},
		Events: []linkscore.GoldEvent{{ID: "arrest", Type: crosscheck.EventArrest, Mentions: []linkscore.GoldEventMention{
			{Article: "A", Snippet: "arrested seven people", Trigger: "arrested"},
			{Article: "B", Snippet: "detained twelve people", Trigger: "detained"},
		}}},
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, json, want string
	}{
		{"valid", `{"roles":["count"],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"high":7,"articles":["A"]},"b":{"low":12,"high":12,"articles":["B"]}}],
			"singles":[{"event":"arrest","role":"count","value":{"low":7,"high":7,"articles":["A"]}},{"event":"arrest","role":"count","value":{"low":12,"high":12,"articles":["B"]}}]}`, ""},
		{"unknown field", `{"roles":[],"conflict":[]}`, "unknown field"},
		{"unknown event", `{"roles":[],"conflicts":[{"event":"x","role":"count","a":{"low":7,"high":7,"articles":["A"]},"b":{"low":12,"high":12,"articles":["B"]}}]}`, `unknown event "x"`},
		{"article not reporting", `{"roles":[],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"high":7,"articles":["C"]},"b":{"low":12,"high":12,"articles":["B"]}}]}`, "article C does not report arrest"},
		{"overlapping conflict", `{"roles":[],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"high":null,"articles":["A"]},"b":{"low":12,"high":12,"articles":["B"]}}]}`, "overlap"},
		{"disjoint compatible", `{"roles":[],"compatibles":[{"event":"arrest","role":"time","a":{"begin":"2026-03-09","articles":["A"]},"b":{"begin":"2026-03-10","articles":["B"]}}]}`, "are disjoint"},
		{"same article", `{"roles":[],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"high":7,"articles":["A"]},"b":{"low":12,"high":12,"articles":["A"]}}]}`, "no two different articles"},
		{"two shapes", `{"roles":[],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"begin":"2026-03-09","articles":["A"]},"b":{"low":12,"high":12,"articles":["B"]}}]}`, "exactly one"},
		{"dates for a count", `{"roles":[],"conflicts":[{"event":"arrest","role":"count","a":{"begin":"2026-03-09","articles":["A"]},"b":{"begin":"2026-03-10","articles":["B"]}}]}`, "dates for role count"},
		{"articles differ", `{"roles":[],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"high":7,"articles":["A"]},"b":{"low":12,"high":12,"articles":["B"]}},
			{"event":"arrest","role":"count","a":{"low":7,"high":7,"articles":["A","B"]},"b":{"low":20,"high":20,"articles":["B"]}}]}`, "stated by [A B] here and by [A] elsewhere"},
		{"single missing", `{"roles":["count"],"conflicts":[{"event":"arrest","role":"count","a":{"low":7,"high":7,"articles":["A"]},"b":{"low":12,"high":12,"articles":["B"]}}]}`, "list it in singles"},
		{"single backed", `{"roles":["time"],"compatibles":[{"event":"arrest","role":"time","a":{"begin":"2026-03-09","articles":["A"]},"b":{"begin":"2026-03-01","end":"2026-03-31","articles":["B"]}}],
			"singles":[{"event":"arrest","role":"time","value":{"begin":"2026-03-09","articles":["A"]}}]}`, "not single-source"},
		{"unknown entity", `{"roles":[],"compatibles":[{"event":"arrest","role":"location","a":{"entity":"nowhere","articles":["A"]},"b":{"entity":"feldmark","articles":["B"]}}]}`, `unknown entity "nowhere"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadGold([]byte(tc.json), tinyLink())
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want != "" && err == nil:
				t.Fatalf("no error, want %q", tc.want)
			case tc.want != "" && (!strings.Contains(err.Error(), tc.want) || !errors.Is(err, crosscheck.ErrInvalid)):
				t.Fatalf("error %v, want ErrInvalid with %q", err, tc.want)
			}
		})
	}
}
