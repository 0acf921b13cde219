package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
)

func fixture() *ledger.Ledger {
	five := &crosscheck.Quantity{Value: 5, Exact: true, Head: "people"}
	low := 24.0
	dozens := &crosscheck.Quantity{Value: 36, Low: &low, Vague: true, Head: "people"}
	a := crosscheck.Claim{ID: "V1/d1/count/0", Event: "V1", DocID: "d1", Outlet: "Herald", Published: "2026-03-17", Role: "count", Value: "5",
		Text: "five", Span: crosscheck.Span{Start: 10, End: 14}, Sentence: 1, SentenceText: "The SSS arrested five <script>alert(1)</script> people.",
		Quantity: five, Attribution: "outlet", Modality: crosscheck.ModAsserted}
	b := crosscheck.Claim{ID: "V1/d2/count/0", Event: "V1", DocID: "d2", Outlet: "Ledger", Published: "2026-03-18", Role: "count", Value: "≥ 24",
		Text: "dozens", Span: crosscheck.Span{Start: 30, End: 36}, Sentence: 2, SentenceText: "Dozens were allegedly held.",
		Quantity: dozens, Attribution: "State Security Service", Modality: crosscheck.ModAlleged, Cue: "allegedly"}
	c := crosscheck.Claim{ID: "V1/d2/location/0", Event: "V1", DocID: "d2", Outlet: "Ledger", Published: "2026-03-18", Role: "location", Value: "Osterhaven",
		Text: "Osterhaven", Span: crosscheck.Span{Start: 40, End: 50}, Sentence: 2, Attribution: "outlet", Modality: crosscheck.ModAsserted}
	return &ledger.Ledger{
		Story: &crosscheck.Story{ID: "T1", Title: "Spy arrests"},
		Events: []ledger.EventLedger{{
			ID: "V1", Type: "ARREST", Title: "SSS arrests people", Begin: "2026-03-16", End: "2026-03-16",
			Sources:     []ledger.Source{{DocID: "d1", Outlet: "Herald", Published: "2026-03-17", Title: "Ring smashed"}, {DocID: "d2", Outlet: "Ledger", Published: "2026-03-18", Title: "Dozens held"}},
			Claims:      []crosscheck.Claim{a, b, c},
			Comparisons: []crosscheck.Comparison{{Event: "V1", Role: "count", A: a.ID, B: b.ID, Verdict: crosscheck.VerdictConflict, Reason: "5 vs ≥ 24"}},
			Single:      []ledger.Single{{Role: "location", Value: "Osterhaven", DocID: "d2", Claims: []string{c.ID}}},
		}},
		Articles: []ledger.ArticleFraming{{DocID: "d1", Outlet: "Herald", Title: "Ring <b>smashed</b>", Stance: ledger.StanceAsserts, OwnVoice: 0.8,
			Loaded: []ledger.Match{{Term: "regime", Category: "pejorative", Text: "regime", Span: crosscheck.Span{Start: 1, End: 7}}}}},
		Outlets:   []ledger.OutletFraming{{Outlet: "Herald", Articles: 1, Stances: map[string]int{ledger.StanceAsserts: 1}, Loaded: map[string]int{"regime": 1}}},
		Extractor: "ledger/1",
	}
}

func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fixture(), "md"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	conflicts, single, agree := strings.Index(out, "## Conflicts"), strings.Index(out, "## Single-source"), strings.Index(out, "## Agreements")
	if conflicts < 0 || !(conflicts < single && single < agree) {
		t.Errorf("sections out of order (conflicts %d, single %d, agreements %d)", conflicts, single, agree)
	}
	for _, want := range []string{"**count**: conflict: 5 vs ≥ 24", "- **≥ 24**: 1 article(s): Ledger", "Herald, 2026-03-17, doc d1, sentence 1, bytes 10-14", "alleged (allegedly), according to State Security Service",
		"**location** Osterhaven", "asserts as fact", "regime"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fixture(), "html"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>smashed</b>") {
		t.Error("article text is not escaped")
	}
	for _, want := range []string{"<style>", `class="conflict"`, "5 vs ≥ 24", "bytes 30-36", "Osterhaven"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(out, "src=") || strings.Contains(out, `rel="stylesheet"`) {
		t.Error("HTML refers to outside resources")
	}
}

func TestJSONAndCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fixture(), "json"); err != nil {
		t.Fatal(err)
	}
	var back ledger.Ledger
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Events[0].Claims) != 3 || back.Events[0].Claims[1].Span.Start != 30 {
		t.Errorf("JSON round trip: %v %+v", err, back)
	}
	b.Reset()
	if err := Write(&b, fixture(), "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// header + count row + location row; columns: 4 + 2 sources.
	if len(rows) != 3 || len(rows[0]) != 6 {
		t.Fatalf("CSV shape %dx%d:\n%v", len(rows), len(rows[0]), rows)
	}
	if rows[0][4] != "Herald | 2026-03-17 | d1" || !strings.Contains(rows[1][5], "≥ 24 [alleged (allegedly)") || rows[1][3] != "conflict 1" {
		t.Errorf("CSV cells: %q", rows)
	}
	if err := Write(&b, fixture(), "pdf"); err == nil {
		t.Error("unknown format: no error")
	}
}
