package timex

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/parse"
	"github.com/crosscheck/crosscheck/nlp/score"
	"github.com/crosscheck/crosscheck/nlp/tag"
	"github.com/crosscheck/crosscheck/nlp/token"
)

// Report is the result of Evaluate: the scores over every file and the
// expressions that were missed, spurious or wrongly normalised.
type Report struct {
	Dir   string
	Files int
	Gold  int
	Score score.TimexResult
	// Errors lists every disagreement, file by file in text order.
	Errors []Mismatch
}

// Mismatch is one disagreement with the gold standard. Kind is "missed",
// "spurious", "span" (overlapping but different spans, same value),
// "value" or "type"; Gold or Pred is the zero Timex when absent.
type Mismatch struct {
	File string
	Kind string
	Gold crosscheck.Timex
	Pred crosscheck.Timex
}

// String renders the figures.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "timex evaluation of %s: %d files, %d gold expressions (%s)\n", r.Dir, r.Files, r.Gold, Version)
	b.WriteString(r.Score.String())
	return b.String()
}

// WriteErrors prints up to max mismatches (all when max <= 0).
func (r Report) WriteErrors(w io.Writer, max int) error {
	for i, m := range r.Errors {
		if max > 0 && i >= max {
			_, err := fmt.Fprintf(w, "… %d more\n", len(r.Errors)-max)
			return err
		}
		var err error
		switch m.Kind {
		case "missed":
			_, err = fmt.Fprintf(w, "%s: missed   %q %s %s\n", filepath.Base(m.File), m.Gold.Text, m.Gold.Type, m.Gold.Value)
		case "spurious":
			_, err = fmt.Fprintf(w, "%s: spurious %q %s %s\n", filepath.Base(m.File), m.Pred.Text, m.Pred.Type, m.Pred.Value)
		default:
			_, err = fmt.Fprintf(w, "%s: %-8s %q %s %s%s ≠ %q %s %s%s\n", filepath.Base(m.File), m.Kind,
				m.Gold.Text, m.Gold.Type, m.Gold.Value, modSuffix(m.Gold.Mod), m.Pred.Text, m.Pred.Type, m.Pred.Value, modSuffix(m.Pred.Mod))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func modSuffix(m string) string {
	if m == "" {
		return ""
	}
	return "/" + m
}

// Evaluate reads every .tml file in dir, tokenizes, tags and parses its
// text with the embedded models, runs Find with the file's creation time
// and blocks, and scores the result against the file's TIMEX3 tags.
func Evaluate(ctx context.Context, dir string) (Report, error) {
	rep := Report{Dir: dir}
	paths, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return rep, fmt.Errorf("timex eval %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return rep, crosscheck.Errorf(crosscheck.ErrNotFound, "timex eval %s: no .tml files", dir)
	}
	sort.Strings(paths)
	tagger, err := tag.Default()
	if err != nil {
		return rep, fmt.Errorf("timex eval: load tagger: %w", err)
	}
	parser, err := parse.Default()
	if err != nil {
		return rep, fmt.Errorf("timex eval: load parser: %w", err)
	}
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		doc, err := ReadTimeMLFile(path)
		if err != nil {
			return rep, err
		}
		sents := token.Sentences(doc.Text)
		for i := range sents {
			annotate(tagger, parser, &sents[i])
		}
		pred := Find(doc.Text, sents, Options{Published: doc.DCT, Blocks: doc.Blocks})
		rep.add(path, doc.Gold, pred)
	}
	return rep, nil
}

// annotate tags and parses one sentence in place, as the nlp pipeline
// does.
func annotate(tagger *tag.Model, parser *parse.Model, s *crosscheck.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = t.Text
	}
	tags := tagger.Tag(words)
	pw := make([]parse.Word, len(words))
	for i := range words {
		s.Tokens[i].UPOS, s.Tokens[i].XPOS, s.Tokens[i].Lemma = tags[i].UPOS, tags[i].XPOS, tags[i].Lemma
		pw[i] = parse.Word{Form: words[i], Lemma: tags[i].Lemma, UPOS: tags[i].UPOS, XPOS: tags[i].XPOS}
	}
	for i, arc := range parser.Parse(pw) {
		s.Tokens[i].Head, s.Tokens[i].Rel = arc.Head, arc.Rel
	}
}

// add scores one file and records its mismatches.
func (r *Report) add(file string, gold, pred []crosscheck.Timex) {
	r.Files++
	r.Gold += len(gold)
	g := spans(file, gold)
	p := spans(file, pred)
	r.Score = r.Score.Add(score.ScoreTimex(g, p))
	var errs []Mismatch
	for _, pr := range score.AlignTimex(g, p) {
		m := Mismatch{File: file}
		switch {
		case pr.P < 0:
			m.Kind, m.Gold = "missed", gold[pr.G]
		case pr.G < 0:
			m.Kind, m.Pred = "spurious", pred[pr.P]
		default:
			m.Gold, m.Pred = gold[pr.G], pred[pr.P]
			switch {
			case !score.SameTimexValue(m.Gold.Value, m.Pred.Value):
				m.Kind = "value"
			case !strings.EqualFold(m.Gold.Type, m.Pred.Type):
				m.Kind = "type"
			case m.Gold.Span != m.Pred.Span:
				m.Kind = "span"
			default:
				continue
			}
		}
		errs = append(errs, m)
	}
	sort.SliceStable(errs, func(i, j int) bool { return pos(errs[i]) < pos(errs[j]) })
	r.Errors = append(r.Errors, errs...)
}

func pos(m Mismatch) int {
	if m.Gold.Span.End > 0 {
		return m.Gold.Span.Start
	}
	return m.Pred.Span.Start
}

func spans(doc string, ts []crosscheck.Timex) []score.TimexSpan {
	out := make([]score.TimexSpan, len(ts))
	for i, t := range ts {
		out[i] = score.TimexSpan{Doc: doc, Start: t.Span.Start, End: t.Span.End, Type: t.Type, Value: t.Value}
	}
	return out
}
