package token

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
)

var showDiff = flag.Int("tokdiff", 0, "print up to this many token and sentence mismatches per corpus in TestGold")

// corporaRoot is the shared corpora folder, relative to this package.
var corporaRoot = filepath.Join("..", "..", "..", "shared", "corpora")

const goldSample = `# newdoc id = demo
# newpar
# text = Kelm wins
1	Kelm	Kelm	PROPN	NNP	_	2	nsubj	_	_
2	wins	win	VERB	VBZ	_	0	root	_	_

# newpar
# text = Kelm didn't reply.
1	Kelm	Kelm	PROPN	NNP	_	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	reply	reply	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = The U.S. agreed.
1	The	the	DET	DT	_	2	det	_	_
2	U.S.	U.S.	PROPN	NNP	_	3	nsubj	_	_
3	agreed	agree	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

# newdoc id = other
# text = Hi!
1	Hi	hi	INTJ	UH	_	0	root	_	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	_	_

`

func sampleDocs(t *testing.T) []Doc {
	t.Helper()
	s, err := conllu.Read(strings.NewReader(goldSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	return DocsFromCoNLLU(s)
}

func TestDocsFromCoNLLU(t *testing.T) {
	docs := sampleDocs(t)
	if len(docs) != 2 {
		t.Fatalf("%d docs, want 2", len(docs))
	}
	d := docs[0]
	if want := "Kelm wins\n\nKelm didn't reply. The U.S. agreed."; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	var words []string
	for _, w := range d.Words {
		words = append(words, d.Text[w.Start:w.End])
	}
	if got, want := strings.Join(words, "|"), "Kelm|wins|Kelm|did|n't|reply|.|The|U.S.|agreed|."; got != want {
		t.Errorf("words %s, want %s", got, want)
	}
	var sents []string
	for _, s := range d.Sentences {
		sents = append(sents, d.Text[s.Start:s.End])
	}
	if got, want := strings.Join(sents, "|"), "Kelm wins|Kelm didn't reply.|The U.S. agreed."; got != want {
		t.Errorf("sentences %s, want %s", got, want)
	}
	if docs[1].ID != "other" || docs[1].Text != "Hi!" {
		t.Errorf("second doc %+v", docs[1])
	}
}

// goldSplitter answers with the gold analysis of the documents it knows.
func goldSplitter(docs []Doc) Splitter {
	byText := map[string]Doc{}
	for _, d := range docs {
		byText[d.Text] = d
	}
	return func(text string) []crosscheck.Sentence {
		d := byText[text]
		var out []crosscheck.Sentence
		w := 0
		for i, s := range d.Sentences {
			sent := crosscheck.Sentence{Index: i, Span: s}
			for ; w < len(d.Words) && d.Words[w].End <= s.End; w++ {
				sent.Tokens = append(sent.Tokens, crosscheck.Token{Span: d.Words[w], Text: text[d.Words[w].Start:d.Words[w].End], Head: -1})
			}
			out = append(out, sent)
		}
		return out
	}
}

func TestEvaluateGoldAgainstItself(t *testing.T) {
	docs := sampleDocs(t)
	r := Evaluate(docs, goldSplitter(docs))
	if r.Tokens.F1() != 1 || r.Sentences.F1() != 1 {
		t.Fatalf("gold against itself: %v", r)
	}
	if r.Tokens.Gold != 13 || r.Sentences.Gold != 2 {
		t.Errorf("counts %v", r)
	}
}

func TestEvaluateKnownCase(t *testing.T) {
	docs := sampleDocs(t)[:1]
	// One sentence for the whole text, "didn't" whole: 10 of 11 tokens
	// predicted, 9 right; no boundary predicted.
	bad := func(text string) []crosscheck.Sentence {
		// Merge did + n't back.
		var merged []crosscheck.Token
		for _, tk := range Tokens(text) {
			if tk.Text == "n't" {
				merged[len(merged)-1].Span.End = tk.Span.End
				continue
			}
			merged = append(merged, tk)
		}
		return []crosscheck.Sentence{{Tokens: merged}}
	}
	r := Evaluate(docs, bad)
	if r.Tokens != (Score{Gold: 11, Predicted: 10, Correct: 9}) {
		t.Errorf("tokens %+v", r.Tokens)
	}
	if r.Sentences != (Score{Gold: 2, Predicted: 0, Correct: 0}) || r.Sentences.F1() != 0 {
		t.Errorf("sentences %+v", r.Sentences)
	}
	ours := Evaluate(docs, Sentences)
	if ours.Tokens.F1() != 1 || ours.Sentences.F1() != 1 {
		t.Errorf("ours on the sample: %v", ours)
	}
}

func loadGold(t testing.TB, name string) []Doc {
	t.Helper()
	if _, err := os.Stat(corporaRoot); err != nil {
		t.Skipf("corpora not found at %s", corporaRoot)
	}
	docs, err := LoadCorpus(corporaRoot, name)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestGold measures the tokenizer and splitter on UD gold. The thresholds
// sit a little under the figures in README.md so that a regression fails.
func TestGold(t *testing.T) {
	for _, c := range []struct {
		corpus    string
		tok, sent float64
	}{
		{EWTTest, 0.99, 0.90},
		{EWTDev, 0.99, 0.90},
		{GUMNews, 0.99, 0.96},
	} {
		t.Run(c.corpus, func(t *testing.T) {
			docs := loadGold(t, c.corpus)
			r := Evaluate(docs, Sentences)
			t.Logf("%s: %v", c.corpus, r)
			if f := r.Tokens.F1(); f < c.tok {
				t.Errorf("token F1 %.4f < %.2f", f, c.tok)
			}
			if f := r.Sentences.F1(); f < c.sent {
				t.Errorf("sentence F1 %.4f < %.2f", f, c.sent)
			}
			if *showDiff > 0 {
				printDiff(t, docs, *showDiff)
			}
		})
	}
}

// printDiff logs token and boundary mismatches with some context.
func printDiff(t *testing.T, docs []Doc, max int) {
	var tokErr, sentErr []string
	ctx := func(text string, a, b int) string {
		s, e := a-30, b+30
		if s < 0 {
			s = 0
		}
		if e > len(text) {
			e = len(text)
		}
		for s > 0 && s < len(text) && text[s]&0xC0 == 0x80 {
			s--
		}
		for e < len(text) && text[e]&0xC0 == 0x80 {
			e++
		}
		return strings.ReplaceAll(text[s:a]+"[["+text[a:b]+"]]"+text[b:e], "\n", "¶")
	}
	for _, d := range docs {
		pred := Sentences(d.Text)
		gold := map[crosscheck.Span]bool{}
		for _, w := range d.Words {
			gold[w] = true
		}
		predSet := map[crosscheck.Span]bool{}
		for _, s := range pred {
			for _, tk := range s.Tokens {
				predSet[tk.Span] = true
				if !gold[tk.Span] {
					tokErr = append(tokErr, "pred-only "+ctx(d.Text, tk.Span.Start, tk.Span.End))
				}
			}
		}
		for _, w := range d.Words {
			if !predSet[w] {
				tokErr = append(tokErr, "gold-only "+ctx(d.Text, w.Start, w.End))
			}
		}
		goldEnd := map[int]bool{}
		for _, s := range d.Sentences {
			goldEnd[s.End] = true
		}
		predEnd := map[int]bool{}
		for _, s := range pred {
			predEnd[s.Span.End] = true
			if !goldEnd[s.Span.End] {
				sentErr = append(sentErr, "pred-only "+ctx(d.Text, s.Span.End, s.Span.End))
			}
		}
		for _, s := range d.Sentences {
			if !predEnd[s.End] {
				sentErr = append(sentErr, "gold-only "+ctx(d.Text, s.End, s.End))
			}
		}
	}
	sort.Strings(tokErr)
	sort.Strings(sentErr)
	var b strings.Builder
	for i, e := range tokErr {
		if i >= max {
			break
		}
		fmt.Fprintln(&b, "TOK ", e)
	}
	for i, e := range sentErr {
		if i >= max {
			break
		}
		fmt.Fprintln(&b, "SENT", e)
	}
	t.Log("\n" + b.String())
}
