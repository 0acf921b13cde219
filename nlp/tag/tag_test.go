package tag

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// corporaDir is the shared corpora seen from this package.
const corporaDir = "../../../shared/corpora"

func defaultModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

func TestDefault(t *testing.T) {
	m := defaultModel(t)
	if m.Version() != DefaultVersion {
		t.Errorf("Version() = %q, want %q", m.Version(), DefaultVersion)
	}
	if m2, _ := Default(); m2 != m {
		t.Error("Default returned a different model on the second call")
	}
	if len(embedded) > 6<<20 {
		t.Errorf("embedded model is %d bytes, want under 6 MB", len(embedded))
	}
}

// TestTagNews checks the obvious tags of invented news sentences.
func TestTagNews(t *testing.T) {
	m := defaultModel(t)
	type want struct {
		i                 int
		upos, xpos, lemma string
	}
	for _, tc := range []struct {
		sent string
		want []want
	}{
		{"The central bank raised interest rates by half a percentage point on Tuesday .", []want{
			{0, "DET", "DT", "the"}, {2, "NOUN", "NN", "bank"}, {3, "VERB", "", "raise"},
			{5, "NOUN", "NNS", "rate"}, {12, "PROPN", "NNP", "Tuesday"}, {13, "PUNCT", ".", "."},
		}},
		{"Officials in Ankara said the talks would resume next week .", []want{
			{0, "NOUN", "NNS", "official"}, {2, "PROPN", "NNP", "Ankara"}, {3, "VERB", "VBD", "say"},
			{5, "NOUN", "NNS", "talk"}, {6, "AUX", "MD", "would"}, {7, "VERB", "VB", "resume"},
		}},
		{"She did n't say whether the company 's shares had been sold .", []want{
			{0, "PRON", "PRP", "she"}, {1, "AUX", "VBD", "do"}, {2, "PART", "RB", "not"},
			{7, "PART", "POS", "'s"}, {8, "NOUN", "NNS", "share"}, {9, "AUX", "VBD", "have"},
			{10, "AUX", "VBN", "be"}, {11, "VERB", "VBN", "sell"},
		}},
		{"He 's been running the company since 2019 and it 's grown quickly .", []want{
			{1, "AUX", "VBZ", "have"}, {3, "VERB", "VBG", "run"}, {7, "NUM", "CD", "2019"},
			{10, "AUX", "VBZ", "be"}, {11, "VERB", "VBN", "grow"}, {12, "ADV", "RB", "quickly"},
		}},
		{"According to the ministry , 1,250 people were evacuated from the villages .", []want{
			{5, "NUM", "CD", "1250"}, {7, "AUX", "VBD", "be"}, {8, "VERB", "VBN", "evacuate"},
			{11, "NOUN", "NNS", "village"},
		}},
	} {
		t.Run(tc.sent, func(t *testing.T) {
			words := strings.Fields(tc.sent)
			got := m.Tag(words)
			if len(got) != len(words) {
				t.Fatalf("%d results for %d words", len(got), len(words))
			}
			for _, w := range tc.want {
				g := got[w.i]
				if g.UPOS != w.upos || (w.xpos != "" && g.XPOS != w.xpos) || g.Lemma != w.lemma {
					t.Errorf("%s = %s/%s/%s, want %s/%s/%s", words[w.i], g.UPOS, g.XPOS, g.Lemma, w.upos, w.xpos, w.lemma)
				}
			}
		})
	}
}

// TestTagOddInput makes sure no input panics and every word gets a tag.
func TestTagOddInput(t *testing.T) {
	m := defaultModel(t)
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
	if got := m.Tag([]string{}); len(got) != 0 {
		t.Errorf("Tag([]) = %v", got)
	}
	for _, words := range [][]string{
		{""},
		{"", "", ""},
		{"\xff\xfe", "caf\xe9", "\x00"},
		{"İstanbul", "ǅ", "ﬃ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🙂", "\u200d", "\u0301"},
		{"ꪪed", "ꪪing", "İES", "\u212aISSES", "ȺIES", "Ⱥ's", "’s", "'"},
		{"'s"}, {"'d", "'d"}, {"n't"},
		{strings.Repeat("x", 100000)},
		{strings.Repeat("é", 5000) + "ing"},
		{"a-b-c-d-e-f", "1,2,3", "12,000.50", "...", "--", "@user", "https://example.com/a?b=c"},
	} {
		got := m.Tag(words)
		if len(got) != len(words) {
			t.Fatalf("Tag(%q): %d results", words, len(got))
		}
		for i, g := range got {
			if g.UPOS == "" || g.XPOS == "" {
				t.Errorf("Tag(%q)[%d] = %+v: empty tag", words, i, g)
			}
			if !utf8.ValidString(g.Lemma) {
				t.Errorf("lemma of %q is not UTF-8: %q", words[i], g.Lemma)
			}
		}
	}
	var nilModel *Model
	if got := nilModel.Tag([]string{"a"}); len(got) != 1 {
		t.Errorf("nil model: %v", got)
	}
}

// TestTagConcurrent runs Tag from several goroutines (with -race, this
// checks the scratch pool).
func TestTagConcurrent(t *testing.T) {
	m := defaultModel(t)
	want := m.Tag(benchText[0])
	done := make(chan []Tagged)
	for range 4 {
		go func() {
			var last []Tagged
			for range 20 {
				for _, s := range benchText {
					if len(m.Tag(s)) != len(s) {
						panic("Tag returned the wrong number of tags")
					}
				}
				last = m.Tag(benchText[0])
			}
			done <- last
		}()
	}
	for range 4 {
		got := <-done
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("concurrent result %d = %+v, want %+v", i, got[i], want[i])
			}
		}
	}
}

// TestAccuracyEWT evaluates the embedded model on the EWT test set (held
// out from training) and GUM's news test documents. The thresholds are the
// UPOS target and the figures measured when the model was trained
// (MODEL.md) minus half a point, so a regression fails.
func TestAccuracyEWT(t *testing.T) {
	ewt := filepath.Join(corporaDir, "ud", "ewt")
	if _, err := os.Stat(ewt); err != nil {
		t.Skip("corpora not available")
	}
	m := defaultModel(t)
	test, missing, err := conllu.ReadList(ewt, filepath.Join(ewt, "files.test"))
	if err != nil || len(missing) > 0 {
		t.Fatalf("read EWT test: %v (missing %v)", err, missing)
	}
	e, err := m.Evaluate("EWT test", test)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(e)
	if e.Tokens < 25000 {
		t.Errorf("EWT test has %d tokens, want about 25,000", e.Tokens)
	}
	for _, c := range []struct {
		name string
		got  float64
		min  float64
	}{
		{"UPOS", e.UPOS.Value(), 0.950},   // the target; measured 95.68%
		{"XPOS", e.XPOS.Value(), 0.944},   // measured 94.94%
		{"lemma", e.Lemma.Value(), 0.967}, // measured 97.29%
	} {
		if c.got < c.min {
			t.Errorf("EWT test %s accuracy %.4f, want at least %.3f", c.name, c.got, c.min)
		}
	}

	gum := filepath.Join(corporaDir, "ud", "gum")
	news, err := readDocs(gum, filepath.Join(gum, "files.test"), "GUM_news_")
	if err != nil {
		t.Fatal(err)
	}
	if len(news) == 0 {
		return
	}
	e, err = m.Evaluate("GUM news test", news)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(e)
	if e.UPOS.Value() < 0.961 { // measured 96.62%
		t.Errorf("GUM news test UPOS accuracy %.4f, want at least 0.961", e.UPOS.Value())
	}
}
