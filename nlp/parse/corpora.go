package parse

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/nlp/conllu"
	"github.com/crosscheck/crosscheck/nlp/score"
)

// Report describes a training run and the model's scores on held-out
// sets.
type Report struct {
	Version  string
	Epochs   int
	Seed     int64
	TagNoise float64
	// TrainSentences and TrainTokens count the sentences trained on (EWT
	// train plus the GUM train documents present); Skipped counts malformed
	// trees left out, NonProjective the trees projectivized (Lifts arcs
	// lifted in all), GUMMissing the GUM train documents listed but absent.
	TrainSentences, TrainTokens   int
	Skipped, NonProjective, Lifts int
	GUMMissing                    int
	Labels, Features, Weights     int
	// ModelBytes is the size of the saved (gzipped) model.
	ModelBytes int
	TrainTime  time.Duration
	// DevCurve is the EWT dev score (gold tags) after each epoch.
	DevCurve []score.DepsResult
	// Sets are the evaluations: EWT dev, EWT test, GUM test and GUM test's
	// news documents, with gold tags and, when a tagger was given, with
	// predicted tags.
	Sets []SetResult
}

// SetResult is the score of the model on one evaluation set.
type SetResult struct {
	Name string
	// Tags is "gold" or "predicted".
	Tags    string
	Result  score.DepsResult
	Elapsed time.Duration // parsing (and tagging) time
}

// TokensPerSecond is the speed measured on the set.
func (s SetResult) TokensPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Result.All.Words) / s.Elapsed.Seconds()
}

// String formats the report as a few lines of text.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "model %q: %d epochs, seed %d, tag noise %.2f, trained in %s\n", r.Version, r.Epochs, r.Seed, r.TagNoise, r.TrainTime.Round(time.Second))
	fmt.Fprintf(&b, "training data: %d sentences, %d words (EWT train + GUM train; %d GUM train documents not present); %d skipped, %d projectivized (%d lifts)\n",
		r.TrainSentences, r.TrainTokens, r.GUMMissing, r.Skipped, r.NonProjective, r.Lifts)
	fmt.Fprintf(&b, "%d relations, %d features, %d weights, %.2f MB saved\n", r.Labels, r.Features, r.Weights, float64(r.ModelBytes)/1e6)
	for i, d := range r.DevCurve {
		fmt.Fprintf(&b, "  epoch %2d: EWT dev UAS %.2f LAS %.2f\n", i+1, 100*d.All.UAS(), 100*d.All.LAS())
	}
	for _, s := range r.Sets {
		fmt.Fprintf(&b, "%-14s %-9s %s; %.0f words/s\n", s.Name, s.Tags, s.Result, s.TokensPerSecond())
	}
	return b.String()
}

// TrainFromCorpora trains a model on the official training splits under
// corporaDir (ud/ewt/files.train and the documents of ud/gum/files.train
// that are present), follows its progress on EWT dev, and evaluates it on
// EWT dev and test (the official files), GUM test (the documents present)
// and GUM test's news documents, with gold tags and, when tag is not nil,
// with the tags and lemmas it predicts.
func TrainFromCorpora(ctx context.Context, corporaDir string, opt TrainOptions, tag Tagger) (*Model, Report, error) {
	opt.defaults()
	r := Report{Epochs: opt.Epochs, Seed: opt.Seed, TagNoise: max(opt.TagNoise, 0)}
	ewt := filepath.Join(corporaDir, "ud", "ewt")
	gum := filepath.Join(corporaDir, "ud", "gum")
	train, _, err := conllu.ReadList(ewt, filepath.Join(ewt, "files.train"))
	if err != nil {
		return nil, r, fmt.Errorf("train parser: %w", err)
	}
	gumTrain, missing, err := conllu.ReadList(gum, filepath.Join(gum, "files.train"))
	if err != nil {
		return nil, r, fmt.Errorf("train parser: %w", err)
	}
	r.GUMMissing = len(missing)
	train = append(train, gumTrain...)
	sets, err := evalSets(corporaDir)
	if err != nil {
		return nil, r, fmt.Errorf("train parser: %w", err)
	}
	m, st, err := trainModel(ctx, train, sets[0].sents, opt)
	if err != nil {
		return nil, r, err
	}
	r.Version = m.version
	r.TrainSentences, r.TrainTokens = st.sentences, st.tokens
	r.Skipped, r.NonProjective, r.Lifts = st.skipped, st.nonProjective, st.lifts
	r.DevCurve = st.epochs
	r.TrainTime = st.elapsed
	r.Labels = len(m.labels)
	r.Features = m.w.nfeat
	r.Weights = m.w.entries()
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return nil, r, err
	}
	r.ModelBytes = buf.Len()
	taggers := []Tagger{nil}
	if tag != nil {
		taggers = append(taggers, tag)
	}
	for _, s := range sets {
		for _, tg := range taggers {
			kind := "gold"
			if tg != nil {
				kind = "predicted"
			}
			t0 := time.Now()
			res, err := m.Evaluate(s.sents, tg)
			if err != nil {
				return nil, r, err
			}
			r.Sets = append(r.Sets, SetResult{Name: s.name, Tags: kind, Result: res, Elapsed: time.Since(t0)})
		}
	}
	return m, r, nil
}

type evalSet struct {
	name  string
	sents []conllu.Sentence
}

// evalSets reads EWT dev (first: it is the tuning set), EWT test, GUM
// test and GUM test's news documents.
func evalSets(corporaDir string) ([]evalSet, error) {
	ud := filepath.Join(corporaDir, "ud")
	dev, err := conllu.ReadFile(filepath.Join(ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return nil, err
	}
	test, err := conllu.ReadFile(filepath.Join(ud, "en_ewt-ud-test.conllu"))
	if err != nil {
		return nil, err
	}
	gum := filepath.Join(ud, "gum")
	gumTest, _, err := conllu.ReadList(gum, filepath.Join(gum, "files.test"))
	if err != nil {
		return nil, err
	}
	return []evalSet{{"EWT dev", dev}, {"EWT test", test}, {"GUM test", gumTest}, {"GUM test news", gumNews(gumTest)}}, nil
}

// gumNews returns the sentences of GUM's news documents.
func gumNews(sents []conllu.Sentence) []conllu.Sentence {
	var news []conllu.Sentence
	doc := ""
	for _, s := range sents {
		if id := s.Comment("newdoc id"); id != "" {
			doc = id
		}
		if strings.HasPrefix(doc, "GUM_news_") {
			news = append(news, s)
		}
	}
	return news
}
