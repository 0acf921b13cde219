// Command trainmodel trains the parser model embedded in package parse
// and prints the report that MODEL.md records:
//
//	go run ./internal/trainmodel -corpora ../../../shared/corpora -out model/parser.bin.gz
//
// When the tagger's embedded model loads, the evaluation sets are also
// parsed with predicted tags.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/crosscheck/crosscheck/nlp/parse"
	"github.com/crosscheck/crosscheck/nlp/tag"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
}

func run() error {
	var opt parse.TrainOptions
	corpora := flag.String("corpora", "../../../shared/corpora", "folder of the shared corpora")
	out := flag.String("out", "", "where to write the model (nothing is written when empty)")
	flag.IntVar(&opt.Epochs, "epochs", 0, "training epochs (0: the default)")
	flag.Int64Var(&opt.Seed, "seed", 0, "random seed (0: the default)")
	flag.Float64Var(&opt.MinWeight, "minweight", 0, "drop averaged weights below this (0: the default)")
	flag.Float64Var(&opt.TagNoise, "tagnoise", 0, "probability of giving a training word a confusable tag (0: the default; negative: none)")
	flag.Parse()
	opt.Log = os.Stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var tagger parse.Tagger
	if tm, err := tag.Default(); err == nil {
		tagger = func(forms []string) []parse.Word {
			tags := tm.Tag(forms)
			ws := make([]parse.Word, len(tags))
			for i, t := range tags {
				ws[i] = parse.Word{Form: forms[i], Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS}
			}
			return ws
		}
		fmt.Printf("predicted tags from tagger %q\n", tm.Version())
	} else {
		fmt.Fprintf(os.Stderr, "no tagger (%v): gold tags only\n", err)
	}
	m, r, err := parse.TrainFromCorpora(ctx, *corpora, opt, tagger)
	if err != nil {
		return err
	}
	fmt.Print(r)
	if *out == "" {
		return nil
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
