package main

import (
	"context"
	"fmt"
	"github.com/crosscheck/crosscheck/nlp"
	"github.com/crosscheck/crosscheck/nlp/quote"
	"github.com/crosscheck/crosscheck/nlp/timex"
	"io"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/nlp/conllu"
	"github.com/crosscheck/crosscheck/nlp/ner"
	"github.com/crosscheck/crosscheck/nlp/parse"
	"github.com/crosscheck/crosscheck/nlp/tag"
)

// defaultCorpora is where the training corpora sit beside a checkout.
const defaultCorpora = "../shared/corpora"

// modelPaths are where each trained model is embedded from.
var modelPaths = map[string]string{
	"tagger": "nlp/tag/model/tagger.bin.gz",
	"parser": "nlp/parse/model/parser.bin.gz",
	"ner":    "nlp/ner/model/ner.bin.gz",
}

func runTrain(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("train", `train {tagger|parser|ner} [--corpora DIR] [--out FILE]

Trains a model from the open corpora (deterministically: fixed seeds and
epochs), evaluates it on the held-out sets and writes it. To ship it,
write it where the binary embeds it from (the default --out inside a
checkout) and rebuild.`)
	corpora := fs.String("corpora", defaultCorpora, "the corpora `folder` (see its README for licenses)")
	out := fs.String("out", "", "where to write the model (default: the embedded model's path in this checkout)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || modelPaths[pos[0]] == "" {
		return usageErr("name one model: tagger, parser or ner")
	}
	what := pos[0]
	if *out == "" {
		*out = modelPaths[what]
	}
	if _, err := os.Stat(*corpora); err != nil {
		return fmt.Errorf("--corpora %s: %w", *corpora, err)
	}
	var log io.Writer = m.Stderr
	if m.Quiet {
		log = nil
	}
	var (
		report fmt.Stringer
		save   func(io.Writer) error
	)
	switch what {
	case "tagger":
		model, r, err := tag.TrainFromCorpora(ctx, *corpora, tag.TrainOptions{Log: log})
		if err != nil {
			return err
		}
		report, save = r, model.Save
	case "parser":
		tagger, err := tag.Default()
		if err != nil {
			return fmt.Errorf("the parser is evaluated with predicted tags: %w", err)
		}
		model, r, err := parse.TrainFromCorpora(ctx, *corpora, parse.TrainOptions{Log: log}, tagWords(tagger))
		if err != nil {
			return err
		}
		report, save = r, model.Save
	case "ner":
		model, r, err := ner.TrainFromCorpora(ctx, *corpora, ner.TrainOptions{Log: log})
		if err != nil {
			return err
		}
		report, save = r, model.Save
	}
	if err := writeFileAtomic(*out, save); err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, report)
	}
	fmt.Fprintln(m.Stdout, report.String())
	fmt.Fprintf(m.Stdout, "wrote %s\n", *out)
	return nil
}

// tagWords adapts the tagger to the parser's input.
func tagWords(t *tag.Model) func([]string) []parse.Word {
	return func(forms []string) []parse.Word {
		tags := t.Tag(forms)
		out := make([]parse.Word, len(forms))
		for i, f := range forms {
			out[i] = parse.Word{Form: f, Lemma: tags[i].Lemma, UPOS: tags[i].UPOS, XPOS: tags[i].XPOS}
		}
		return out
	}
}

// writeFileAtomic writes through a temporary file and a rename, so a
// failed run never leaves a half-written model.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func runEval(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("eval", `eval {pos|deps|ner|timex|quotes} --gold FILE|DIR

Scores the embedded models and rules against gold data: pos and deps read
CoNLL-U (token accuracy for UPOS, XPOS and lemmas; UAS/LAS with predicted
tags), ner reads CoNLL or IOB2 files (exact-span precision, recall and F1
per label, CoNLL style), timex reads a folder of TimeML files (TIMEX3
with value, and a creation-time TIMEX3 as anchor: detection F1 strict and
relaxed, value accuracy), quotes reads a JSON-lines quote gold file
(detection F1 and speaker accuracy, by kind).`)
	gold := fs.String("gold", "", "gold `file` (a folder for timex)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *gold == "" {
		return usageErr("name one task (pos, deps, ner, timex or quotes) and give --gold FILE")
	}
	var result fmt.Stringer
	switch pos[0] {
	case "pos", "deps":
		sents, err := conllu.ReadFile(*gold)
		if err != nil {
			return err
		}
		tagger, err := tag.Default()
		if err != nil {
			return err
		}
		if pos[0] == "pos" {
			if result, err = tagger.Evaluate(filepath.Base(*gold), sents); err != nil {
				return err
			}
			break
		}
		parser, err := parse.Default()
		if err != nil {
			return err
		}
		if result, err = parser.Evaluate(sents, tagWords(tagger)); err != nil {
			return err
		}
	case "ner":
		g, err := ner.ReadGold(*gold, ner.GoldOptions{})
		if err != nil {
			return err
		}
		model, err := ner.Default()
		if err != nil {
			return err
		}
		result = ner.Evaluate(model, g, ner.EvalOptions{})
	case "timex":
		rep, err := timex.Evaluate(ctx, *gold)
		if err != nil {
			return err
		}
		result = rep
	case "quotes":
		p, err := nlp.Default()
		if err != nil {
			return err
		}
		if names, err := m.names(ctx, nil); err != nil {
			return err
		} else if names != nil {
			p = p.WithNames(names)
		}
		rep, err := quote.Evaluate(ctx, *gold, p)
		if err != nil {
			return err
		}
		result = rep
	default:
		return usageErr("unknown task %q: pos, deps, ner, timex or quotes", pos[0])
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, result)
	}
	fmt.Fprintln(m.Stdout, result.String())
	return nil
}
