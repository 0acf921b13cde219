package ner

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var diagFlag = flag.Bool("ner.diag", false, "print the errors of the embedded model on the news sets")

func TestDiagNews(t *testing.T) {
	if !*diagFlag {
		t.Skip("run with -ner.diag")
	}
	c, err := LoadCorpora(corporaDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range [][]GoldSentence{c.NewsDev, c.NewsTest} {
		for i := 0; i < len(set); {
			j := i
			for j < len(set) && set[j].Doc == set[i].Doc {
				j++
			}
			text, sents := Detokenize(set[i:j], false)
			ms := m.Recognize(text, sents, Options{NoValues: true})
			pred := map[[3]int]string{}
			for _, mn := range ms {
				st := sents[mn.Sentence]
				a, b := -1, -1
				for ti, tk := range st.Tokens {
					if a < 0 && tk.Span.End > mn.Span.Start {
						a = ti
					}
					if tk.Span.Start < mn.Span.End {
						b = ti + 1
					}
				}
				pred[[3]int{mn.Sentence, a, b}] = mn.Label
			}
			for k := i; k < j; k++ {
				gold := map[[3]int]string{}
				for _, e := range set[k].Entities {
					gold[[3]int{k - i, e.Start, e.End}] = e.Label
				}
				for key, l := range gold {
					if pred[key] != l {
						fmt.Fprintf(os.Stderr, "FN %s %-7s %q (pred %q)\n", set[k].Doc, l, strings.Join(set[k].Words[key[1]:key[2]], " "), pred[key])
					}
				}
				for key, l := range pred {
					if key[0] == k-i && gold[key] != l {
						fmt.Fprintf(os.Stderr, "FP %s %-7s %q (gold %q)\n", set[k].Doc, l, strings.Join(set[k].Words[key[1]:key[2]], " "), gold[key])
					}
				}
			}
			i = j
		}
	}
}
