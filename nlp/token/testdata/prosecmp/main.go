// Command prosecmp measures github.com/jdkato/prose/v3 on the same UD gold
// and with the same scorer as package token, to compare the two. It is a
// module of its own so that prose stays out of crosscheck's go.mod.
//
//	cd nlp/token/testdata/prosecmp && go run .
package main

import (
	"flag"
	"fmt"
	"log"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/token"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tokenize"
)

func main() {
	root := flag.String("corpora", "../../../../../shared/corpora", "shared corpora folder (holding ud/)")
	flag.Parse()
	seg, err := segment.New()
	if err != nil {
		log.Fatal(err)
	}
	tk := tokenize.New()
	prose := func(text string) []crosscheck.Sentence { return proseSentences(seg, tk, text, 0) }
	for _, name := range []string{token.EWTTest, token.EWTDev, token.GUMNews} {
		docs, err := token.LoadCorpus(*root, name)
		if err != nil {
			log.Fatal(err)
		}
		for _, c := range []struct {
			name  string
			split token.Splitter
		}{
			{"ours", token.Sentences},
			{"prose", prose},
			{"prose+paragraphs", byParagraph(prose)},
		} {
			// Time the splitter alone, best of three runs.
			best := time.Duration(1 << 62)
			for range 3 {
				start := time.Now()
				for _, d := range docs {
					c.split(d.Text)
				}
				best = min(best, time.Since(start))
			}
			r := token.Evaluate(docs, c.split)
			fmt.Printf("%-9s %-17s token F1 %.4f  sentence F1 %.4f (P %.4f R %.4f)  %v\n",
				name, c.name, r.Tokens.F1(), r.Sentences.F1(), r.Sentences.Precision(), r.Sentences.Recall(),
				best.Round(100*time.Microsecond))
		}
	}
}

// proseSentences runs prose's segmenter and tokenizer on text and puts
// each token in the sentence that holds its start. Offsets are shifted by
// off.
func proseSentences(seg *segment.Segmenter, tk *tokenize.Tokenizer, text string, off int) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	for _, s := range seg.Segment(text) {
		out = append(out, crosscheck.Sentence{Span: crosscheck.Span{Start: off + s.Start, End: off + s.End()}})
	}
	starts := make([]int, len(out))
	for i, s := range out {
		starts[i] = s.Span.Start
	}
	for _, t := range tk.Tokenize(text) {
		tok := crosscheck.Token{Span: crosscheck.Span{Start: off + t.Start, End: off + t.End()}, Text: t.Text, Head: -1}
		i := sort.SearchInts(starts, tok.Span.Start+1) - 1
		if i < 0 {
			i = 0
		}
		if len(out) == 0 {
			out = append(out, crosscheck.Sentence{Span: tok.Span})
		}
		out[i].Tokens = append(out[i].Tokens, tok)
	}
	return out
}

// byParagraph runs split on each blank-line separated paragraph, as
// DEPENDENCIES.md advises for prose.
func byParagraph(split token.Splitter) token.Splitter {
	return func(text string) []crosscheck.Sentence {
		var out []crosscheck.Sentence
		off := 0
		for _, p := range strings.Split(text, "\n\n") {
			for _, s := range split(p) {
				s.Span.Start += off
				s.Span.End += off
				for k := range s.Tokens {
					s.Tokens[k].Span.Start += off
					s.Tokens[k].Span.End += off
				}
				out = append(out, s)
			}
			off += len(p) + 2
		}
		return out
	}
}
