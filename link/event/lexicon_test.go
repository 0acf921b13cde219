package event

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The trigger tables of docs/events.md must be the Go tables: every
// "| verbs |" and "| nouns |" row under a "### TYPE" heading lists the
// lemmas of that type, each with its condition in parentheses.
func TestLexiconMatchesDocs(t *testing.T) {
	b, err := os.ReadFile("../../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	entry := regexp.MustCompile("`([^`]+)`(?: \\(([a-z-]+)\\))?")
	doc := map[string]bool{}
	typ := ""
	for _, line := range strings.Split(string(b), "\n") {
		if h, ok := strings.CutPrefix(line, "### "); ok {
			typ = strings.TrimSpace(h)
			continue
		}
		for _, kind := range []string{"verbs", "nouns"} {
			if row, ok := strings.CutPrefix(line, "| "+kind+" |"); ok {
				for _, m := range entry.FindAllStringSubmatch(row, -1) {
					doc[typ+" "+kind+" "+m[1]+" ("+m[2]+")"] = true
				}
			}
		}
	}
	code := map[string]bool{}
	for kind, tab := range map[string]map[string][]trigger{"verbs": verbs, "nouns": nouns} {
		for lemma, rs := range tab {
			for _, r := range rs {
				code[r.Type+" "+kind+" "+lemma+" ("+string(r.If)+")"] = true
			}
		}
	}
	diff := func(a, b map[string]bool) []string {
		var out []string
		for k := range a {
			if !b[k] {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out
	}
	if d := diff(code, doc); len(d) > 0 {
		t.Errorf("in lexicon.go, not in docs/events.md:\n%s", strings.Join(d, "\n"))
	}
	if d := diff(doc, code); len(d) > 0 {
		t.Errorf("in docs/events.md, not in lexicon.go:\n%s", strings.Join(d, "\n"))
	}
}

// Every condition used in the tables is one that holds checks, and is
// explained in the docs.
func TestConditionsDocumented(t *testing.T) {
	b, err := os.ReadFile("../../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range []map[string][]trigger{verbs, nouns} {
		for lemma, rs := range tab {
			for _, r := range rs {
				if r.If != always && !strings.Contains(string(b), "\n| "+string(r.If)+" |") {
					t.Errorf("condition %q of %q is not in the Conditions table", r.If, lemma)
				}
			}
		}
	}
}
