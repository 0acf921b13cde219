package modality

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestLexiconDocumented keeps the package doc comment, which users read,
// in step with the tables the code uses.
func TestLexiconDocumented(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	words := map[string]bool{}
	for _, w := range regexp.MustCompile(`[\p{L}'’-]+`).FindAllString(strings.ReplaceAll(doc, "//", " "), -1) {
		words[w] = true
	}
	check := func(table, w string) {
		if !words[w] {
			t.Errorf("%s: %q is not in the package doc", table, w)
		}
	}
	for w := range verbCues {
		check("verbCues", w)
	}
	for w := range npCues {
		check("npCues", w)
	}
	for w := range adverbCues {
		check("adverbCues", w)
	}
	for w := range nounCues {
		check("nounCues", w)
	}
	for _, m := range []map[string]bool{predicateCues, modalCues, markCues, negCues, reportNouns, claimNouns, falsityWords, refusalVerbs} {
		for w := range m {
			check("lexicon", w)
		}
	}
}
