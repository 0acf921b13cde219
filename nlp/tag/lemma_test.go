package tag

import (
	"strings"
	"testing"
)

// TestLemmaRules checks the rules for words the exceptions do not cover,
// with a small set of known lemmas standing in for the training data.
func TestLemmaRules(t *testing.T) {
	l := &lemmatizer{exc: map[string]string{}, known: map[string]struct{}{}}
	for _, k := range strings.Fields("hope hop stop rise fall write show case bus move create treat add call") {
		l.known[k] = struct{}{}
	}
	for _, tc := range []struct{ form, upos, xpos, want string }{
		// nouns
		{"ministries", "NOUN", "NNS", "ministry"},
		{"cases", "NOUN", "NNS", "case"},
		{"buses", "NOUN", "NNS", "bus"},
		{"churches", "NOUN", "NNS", "church"},
		{"boxes", "NOUN", "NNS", "box"},
		{"sanctions", "NOUN", "NNS", "sanction"},
		{"congressmen", "NOUN", "NNS", "congressman"},
		{"Protesters", "NOUN", "NNS", "protester"},
		{"area's", "NOUN", "NNS", "area"},
		{"status", "NOUN", "NNS", "status"},
		{"Democrats", "PROPN", "NNPS", "Democrat"},
		{"Iran", "PROPN", "NNP", "Iran"},
		// verbs
		{"hoped", "VERB", "VBD", "hope"},
		{"stopped", "VERB", "VBD", "stop"},
		{"called", "VERB", "VBD", "call"},
		{"added", "VERB", "VBD", "add"},
		{"tried", "VERB", "VBD", "try"},
		{"moved", "VERB", "VBN", "move"},
		{"created", "VERB", "VBN", "create"},
		{"treated", "VERB", "VBN", "treat"},
		{"escalated", "VERB", "VBD", "escalate"},
		{"organized", "VERB", "VBD", "organize"},
		{"grabbed", "VERB", "VBD", "grab"},
		{"risen", "VERB", "VBN", "rise"},
		{"fallen", "VERB", "VBN", "fall"},
		{"written", "VERB", "VBN", "write"},
		{"shown", "VERB", "VBN", "show"},
		{"hoping", "VERB", "VBG", "hope"},
		{"stopping", "VERB", "VBG", "stop"},
		{"studying", "VERB", "VBG", "study"},
		{"Sanctioning", "VERB", "VBG", "sanction"},
		{"fixes", "VERB", "VBZ", "fix"},
		{"carries", "VERB", "VBZ", "carry"},
		{"says", "VERB", "VBZ", "say"},
		// adjectives and adverbs
		{"bigger", "ADJ", "JJR", "big"},
		{"happier", "ADJ", "JJR", "happy"},
		{"largest", "ADJ", "JJS", "large"},
		{"newest", "ADJ", "JJS", "new"},
		// others
		{"1,250,000", "NUM", "CD", "1250000"},
		{"3.5", "NUM", "CD", "3.5"},
		{"I", "PRON", "PRP", "I"},
		{"The", "DET", "DT", "the"},
		{"", "X", "XX", ""},
	} {
		if got := l.rule(tc.form, tc.upos, tc.xpos); got != tc.want {
			t.Errorf("rule(%q, %s) = %q, want %q", tc.form, tc.xpos, got, tc.want)
		}
	}
}

// TestLemmaContext checks the clitics whose lemma depends on what follows.
func TestLemmaContext(t *testing.T) {
	l := &lemmatizer{exc: map[string]string{}, known: map[string]struct{}{}}
	for _, tc := range []struct {
		words, xpos string
		i           int
		want        string
	}{
		{"He 's been there", "PRP VBZ VBN RB", 1, "have"},
		{"He 's got it", "PRP VBZ VBN PRP", 1, "have"},
		{"It 's done", "PRP VBZ VBN", 1, "be"},
		{"It ’s late", "PRP VBZ JJ", 1, "be"},
		{"Iran 's army", "NNP POS NN", 1, "'s"},
		{"I 'd seen it", "PRP MD VBN PRP", 1, "have"},
		{"I 'd never seen it", "PRP MD RB VBN PRP", 1, "have"},
		{"I 'd like it", "PRP MD VB PRP", 1, "would"},
		{"'s", "VBZ", 0, "be"},
	} {
		words := strings.Fields(tc.words)
		tags := make([]Tagged, len(words))
		for i, x := range strings.Fields(tc.xpos) {
			tags[i].XPOS = x
			if x == "RB" {
				tags[i].UPOS = "ADV"
			}
		}
		if got := l.lemma(words, tags, tc.i); got != tc.want {
			t.Errorf("%q: lemma of %q = %q, want %q", tc.words, words[tc.i], got, tc.want)
		}
	}
}
