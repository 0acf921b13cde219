package tag

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// Report describes a training run and the model's accuracy on the
// held-out sets.
type Report struct {
	Version    string
	Iterations int
	Seed       int64
	// TrainSentences and TrainTokens count EWT train plus the GUM train
	// documents present; GUMMissing counts the GUM train documents listed
	// in the split but absent (genres left out for their licenses).
	TrainSentences int
	TrainTokens    int
	GUMMissing     int
	// Stages describes the tagger's stages: kind, labels, features and
	// weights.
	Stages []string
	// ModelBytes is the size of the saved (gzipped) model.
	ModelBytes int
	TrainTime  time.Duration
	// Sets are EWT dev (used for tuning), EWT test, GUM test (the
	// documents present) and its news documents.
	Sets []Eval
}

// String formats the report as a few lines of text.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "model %q: %d passes, seed %d, trained in %s\n", r.Version, r.Iterations, r.Seed, r.TrainTime.Round(time.Second))
	fmt.Fprintf(&b, "training data: %d sentences, %d tokens (EWT train + GUM train; %d GUM train documents not present)\n", r.TrainSentences, r.TrainTokens, r.GUMMissing)
	for _, s := range r.Stages {
		fmt.Fprintf(&b, "%s\n", s)
	}
	fmt.Fprintf(&b, "model file: %.2f MB\n", float64(r.ModelBytes)/1e6)
	var tok int
	var el time.Duration
	for _, e := range r.Sets {
		fmt.Fprintf(&b, "%s\n", e)
		tok += e.Tokens
		el += e.Elapsed
	}
	if el > 0 {
		fmt.Fprintf(&b, "speed: %.0f tokens/s (tagging and lemmatizing, one goroutine)\n", float64(tok)/el.Seconds())
	}
	return b.String()
}

// TrainFromCorpora trains a model on the official training splits found
// under corporaDir (ud/ewt/files.train and the documents of
// ud/gum/files.train that are present), logs per-pass accuracy on EWT dev,
// and evaluates the result on EWT dev and test, GUM test and GUM test's
// news documents.
func TrainFromCorpora(ctx context.Context, corporaDir string, opt TrainOptions) (*Model, Report, error) {
	opt.defaults()
	ewt := filepath.Join(corporaDir, "ud", "ewt")
	gum := filepath.Join(corporaDir, "ud", "gum")
	ewtTrain, missing, err := conllu.ReadList(ewt, filepath.Join(ewt, "files.train"))
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	if len(missing) > 0 {
		return nil, Report{}, fmt.Errorf("train tagger: %d EWT train documents missing, first %s", len(missing), missing[0])
	}
	gumTrain, gumMissing, err := conllu.ReadList(gum, filepath.Join(gum, "files.train"))
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	dev, _, err := conllu.ReadList(ewt, filepath.Join(ewt, "files.dev"))
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	test, _, err := conllu.ReadList(ewt, filepath.Join(ewt, "files.test"))
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	gumTest, err := readDocs(gum, filepath.Join(gum, "files.test"), "")
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	gumNews, err := readDocs(gum, filepath.Join(gum, "files.test"), "GUM_news_")
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	train := append(ewtTrain[:len(ewtTrain):len(ewtTrain)], gumTrain...)
	fmt.Fprintf(opt.Log, "train tagger: EWT train %d sentences, GUM train %d sentences (%d listed documents not present), EWT dev %d, EWT test %d, GUM test %d (news %d)\n",
		len(ewtTrain), len(gumTrain), len(gumMissing), len(dev), len(test), len(gumTest), len(gumNews))

	start := time.Now()
	m, err := Train(ctx, train, dev, opt)
	if err != nil {
		return nil, Report{}, err
	}
	r := Report{
		Version: m.version, Iterations: opt.Iterations, Seed: opt.Seed,
		TrainSentences: len(train), GUMMissing: len(gumMissing),
		Stages:    m.describe(),
		TrainTime: time.Since(start),
	}
	for _, s := range train {
		r.TrainTokens += len(s.Tokens)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: %w", err)
	}
	r.ModelBytes = buf.Len()
	// Evaluate the model as it will be used: saved and loaded again, so
	// that the figures include any loss from the file format.
	m, err = Load(&buf)
	if err != nil {
		return nil, Report{}, fmt.Errorf("train tagger: reload: %w", err)
	}
	for _, set := range []struct {
		name  string
		sents []conllu.Sentence
	}{{"EWT dev", dev}, {"EWT test", test}, {"GUM test", gumTest}, {"GUM news test", gumNews}} {
		if len(set.sents) == 0 {
			continue
		}
		e, err := m.Evaluate(set.name, set.sents)
		if err != nil {
			return nil, Report{}, fmt.Errorf("train tagger: %w", err)
		}
		fmt.Fprintf(opt.Log, "train tagger: %s\n", e)
		r.Sets = append(r.Sets, e)
	}
	return m, r, nil
}

// describe returns a line per stage.
func (m *Model) describe() []string {
	var out []string
	for k, sg := range m.stages {
		out = append(out, fmt.Sprintf("stage %d: %s: %d labels, %d dictionary forms, %d ambiguity classes, %d features, %d weights",
			k+1, sg.kind, len(sg.labels), len(sg.dict), len(sg.amb), len(sg.clf.names), len(sg.clf.ws)))
	}
	return out
}

// readDocs reads the documents of a split list whose names start with
// prefix, skipping those not present (GUM lists genres left out here).
func readDocs(dir, list, prefix string) ([]conllu.Sentence, error) {
	b, err := os.ReadFile(list)
	if err != nil {
		return nil, err
	}
	var out []conllu.Sentence
	for _, name := range strings.Fields(string(b)) {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		if !strings.HasSuffix(name, ".conllu") {
			name += ".conllu"
		}
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		s, err := conllu.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}
