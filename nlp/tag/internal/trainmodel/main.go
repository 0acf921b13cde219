// Command trainmodel trains the tagger on the corpora and writes the model
// that package tag embeds (go generate ./nlp/tag). The same training is
// available as "crosscheck train tagger".
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/crosscheck/crosscheck/nlp/tag"
)

func main() {
	corpora := flag.String("corpora", "../shared/corpora", "corpora directory (with ud/ewt and ud/gum)")
	out := flag.String("out", "nlp/tag/model/tagger.bin.gz", "model file to write")
	iters := flag.Int("iterations", tag.DefaultIterations, "passes over the training data")
	seed := flag.Int64("seed", 1, "shuffling seed")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *corpora, *out, tag.TrainOptions{Iterations: *iters, Seed: *seed, Log: os.Stderr}); err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, corpora, out string, opt tag.TrainOptions) error {
	m, r, err := tag.TrainFromCorpora(ctx, corpora, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Print(r)
	return nil
}
