package ner

import (
	"fmt"
	"strings"
	"testing"
)

// spanDoc builds a one-sentence document with the model's spans given
// as "start:end:LABEL".
func spanDoc(text string, spans ...string) *doc {
	ws := strings.Fields(text)
	d := &doc{words: [][]string{ws}, spans: [][]span{nil}}
	for _, s := range spans {
		var a, b int
		var l string
		fmt.Sscanf(strings.ReplaceAll(s, ":", " "), "%d %d %s", &a, &b, &l)
		d.spans[0] = append(d.spans[0], span{start: a, end: b, label: l, titleStart: -1})
	}
	return d
}

func spansString(d *doc) string {
	var out []string
	for si, ss := range d.spans {
		for _, s := range ss {
			x := s.label + ":" + strings.Join(d.words[si][s.start:s.end], " ")
			if s.title != "" {
				x += "/" + s.title
			}
			out = append(out, x)
		}
	}
	return strings.Join(out, ", ")
}

func TestFixSpans(t *testing.T) {
	tests := []struct {
		text  string
		spans []string
		want  string
	}{
		{"The League said so .", []string{"0:2:ORG"}, "ORG:League"},
		{"the now-defunct Valdorian National Party met", []string{"1:5:ORG"}, "ORG:Valdorian National Party"},
		{"the Osterhaven Athletics team won", []string{"1:4:ORG"}, "ORG:Osterhaven Athletics"},
		{"Since Brenmark was listed , it grew .", []string{"0:2:PERSON"}, "PERSON:Brenmark"},
		{"Senators will vote .", []string{"0:1:PERSON"}, ""},
		{"built in 3000 BC .", []string{"3:4:GPE"}, ""},
		{"Mara Vell of Heaven Sent Gaming spoke", []string{"0:6:PERSON"}, "PERSON:Mara Vell"},
		{"said Mayor Ellen Park .", []string{"1:4:LOC"}, "PERSON:Ellen Park/Mayor"},
		{"the Governor General of Valdoria arrived", []string{"1:5:PERSON"}, ""},
		{"the Municipality of Linsk was created", []string{"1:4:ORG"}, "GPE:Municipality of Linsk"},
		{"the Osterhaven Bulletin reported", []string{"1:3:GPE"}, "ORG:Osterhaven Bulletin"},
		{"the Kelm Street Bridge", []string{"1:4:ORG"}, "FAC:Kelm Street Bridge"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			d := spanDoc(tc.text, tc.spans...)
			d.fixSpans()
			if got := spansString(d); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGazetteerPlaces(t *testing.T) {
	d := spanDoc("the war in Bosnia and Herzegovina ended", "3:4:GPE", "5:6:GPE")
	d.gazetteerPlaces()
	if got := spansString(d); got != "GPE:Bosnia and Herzegovina" {
		t.Errorf("got %q", got)
	}
	// A span reaching outside the phrase keeps the pieces apart.
	d = spanDoc("the Bosnia and Herzegovina Football Federation", "1:2:GPE", "3:6:ORG")
	d.gazetteerPlaces()
	if got := spansString(d); got != "GPE:Bosnia, ORG:Herzegovina Football Federation" {
		t.Errorf("got %q", got)
	}
}

func TestCommonNouns(t *testing.T) {
	text := "Iodine deficiency is common .\nMilk is a source of iodine .\nDietary iodine fell .\nKelm sold iodine to Brenmark ."
	d := &doc{}
	for _, l := range strings.Split(text, "\n") {
		d.words = append(d.words, strings.Fields(l))
		d.spans = append(d.spans, nil)
	}
	d.spans[0] = []span{{start: 0, end: 1, label: "ORG", titleStart: -1}}
	d.spans[3] = []span{{start: 0, end: 1, label: "PERSON", titleStart: -1}, {start: 4, end: 5, label: "ORG", titleStart: -1}}
	d.commonNouns()
	if got := spansString(d); got != "PERSON:Kelm, ORG:Brenmark" {
		t.Errorf("got %q", got)
	}
}

func TestOrgRuns(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The Foreign Ministry said it would respond .", "ORG:Foreign Ministry"},
		{"A Valdorian Interior Ministry spokesman spoke .", "ORG:Valdorian Interior Ministry"},
		{"Troops left the West Bank .", ""},
		{"Foreign Minister Aurel Wendt spoke .", ""},
		{"The Ministry said so .", ""},
	}
	for _, tc := range tests {
		d := spanDoc(tc.text)
		d.orgRuns()
		if got := spansString(d); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestCapChunks(t *testing.T) {
	ws := strings.Fields("In Baku , the Ministry of Foreign Affairs of Azerbaijan and Procter & Gamble said")
	got := fmt.Sprint(capChunks(ws))
	if want := "[[1 2] [4 10] [11 14]]"; got != want {
		t.Errorf("capChunks = %s, want %s", got, want)
	}
}

func TestDocContext(t *testing.T) {
	sents := [][]string{
		strings.Fields("Kelm is a port ."),
		strings.Fields("Ships sailed to Kelm yesterday ."),
		strings.Fields("Iodine fell , and iodine rose ."),
	}
	ctx := docContext(sents)
	has := func(w string, h hasher) bool {
		for _, f := range ctx[w] {
			if f == uint32(h) {
				return true
			}
		}
		return false
	}
	if !has("Kelm", newHash(fDocBefore).str("to")) || !has("Kelm", newHash(fDocAfter).str("is")) {
		t.Error("Kelm lacks the contexts of its other occurrences")
	}
	if !has("Iodine", newHash(fLowerSeen).str("1")) || has("Kelm", newHash(fLowerSeen).str("1")) {
		t.Error("lower-case sighting feature wrong")
	}
}
