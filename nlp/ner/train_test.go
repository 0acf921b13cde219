package ner

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	trainFlag    = flag.Bool("ner.train", false, "train the embedded model from the corpora and write model/ner.bin.gz")
	dumpNewsFlag = flag.String("ner.dumpnews", "", "write GUM news entities mapped by rule to this annotation file")
	epochsFlag   = flag.Int("ner.epochs", 0, "training epochs (0: default)")
	socialFlag   = flag.Float64("ner.social", 0, "weight of BTC and WNUT17 (0: default, <0: none)")
	outFlag      = flag.String("ner.out", filepath.Join("model", "ner.bin.gz"), "where -ner.train writes the model")
)

// corporaDir finds shared/corpora from the package directory.
func corporaDir() string {
	if d := os.Getenv("CROSSCHECK_CORPORA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "corpora")
}

// TestTrainEmbedded retrains the embedded model; it runs only with
// -ner.train (go test ./nlp/ner -run TestTrainEmbedded -ner.train -timeout 60m).
func TestTrainEmbedded(t *testing.T) {
	if !*trainFlag {
		t.Skip("run with -ner.train to retrain the embedded model")
	}
	m, rep, err := TrainFromCorpora(context.Background(), corporaDir(), TrainOptions{Epochs: *epochsFlag, SocialWeight: float32(*socialFlag), Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.SaveFile(*outFlag); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(*outFlag)
	fmt.Fprintf(os.Stderr, "%s\nmodel size %d bytes\n", rep, fi.Size())
}

// TestDumpNews writes the rule-mapped GUM news entities as a starting
// point for the hand-checked annotation, with the words as comments.
func TestDumpNews(t *testing.T) {
	if *dumpNewsFlag == "" {
		t.Skip("run with -ner.dumpnews FILE")
	}
	gum := filepath.Join(corporaDir(), "ud", "gum")
	matches, _ := filepath.Glob(filepath.Join(gum, "GUM_news_*.conllu"))
	var b strings.Builder
	for _, p := range matches {
		name := strings.TrimSuffix(filepath.Base(p), ".conllu")
		sents, err := readGUM(gum, []string{name})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\t-\n", name)
		for si, s := range sents {
			fmt.Fprintf(&b, "#S %d %s\n", si, strings.Join(s.Words, " "))
			for _, e := range s.Entities {
				fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%s\t#%s\n", name, si, e.Start, e.End, e.Label, strings.Join(s.Words[e.Start:e.End], " "))
			}
			for _, e := range s.Unsure {
				fmt.Fprintf(&b, "#?\t%d\t%d\t%d\t%s\n", si, e.Start, e.End, strings.Join(s.Words[e.Start:e.End], " "))
			}
		}
	}
	if err := os.WriteFile(*dumpNewsFlag, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
