package tag

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
	"github.com/crosscheck/crosscheck/nlp/score"
)

// Training defaults, chosen on the EWT dev set.
const (
	// DefaultIterations is the number of passes over the training data.
	DefaultIterations = 8
	// DefaultVersion names the model trained by TrainFromCorpora.
	DefaultVersion = "tag/1 ewt+gum 2026-11"
)

// hyper are the settings tuned on EWT dev; the defaults are the chosen
// ones and only this package's experiments change them.
type hyper struct {
	// plan lists the kinds of the stages to train, in order.
	plan []string
	// Forms seen at least dictMin times with one label in at least
	// dictShare of them are tagged by the dictionary.
	dictMin   int
	dictShare float64
	// Ambiguity classes list the labels with at least ambShare of the
	// occurrences of forms seen at least ambMin times.
	ambMin   int
	ambShare float64
	// ambFolds > 1 jackknifes the ambiguity classes of the training
	// sentences: each sees the classes computed from the other folds, as
	// test sentences see classes computed without them.
	ambFolds int
}

func defaultHyper() *hyper {
	return &hyper{
		plan:    []string{kindXPOS, kindUPOS},
		dictMin: 20, dictShare: 0.995,
		ambMin: 1, ambShare: 0.02, ambFolds: 10,
	}
}

// TrainOptions controls Train.
type TrainOptions struct {
	// Iterations is the number of passes over the training data
	// (DefaultIterations if 0).
	Iterations int
	// Seed fixes the order in which sentences are shuffled before each
	// pass, so that training is deterministic.
	Seed int64
	// Log receives progress lines; nil discards them.
	Log io.Writer
	// Version names the model (DefaultVersion if empty).
	Version string

	hp *hyper // nil: defaultHyper()
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = DefaultIterations
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Version == "" {
		o.Version = DefaultVersion
	}
	if o.hp == nil {
		o.hp = defaultHyper()
	}
}

// labelFunc returns the gold label of a token for a stage kind.
func labelFunc(kind string) func(conllu.Token) string {
	switch kind {
	case kindUPOS:
		return func(t conllu.Token) string { return t.UPOS }
	case kindXPOS:
		return func(t conllu.Token) string { return t.XPOS }
	}
	return func(t conllu.Token) string { return t.UPOS + "/" + t.XPOS }
}

// Train trains a model on gold sentences: the stages of the tagger and
// the lemmatizer. When dev is not empty, each stage's accuracy on it is
// logged after each pass (the pass count itself is fixed, so that
// training is reproducible).
func Train(ctx context.Context, train, dev []conllu.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	ntok := 0
	for _, s := range train {
		ntok += len(s.Tokens)
	}
	if ntok == 0 {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "train tagger: no training tokens")
	}
	plan := opt.hp.plan
	if len(plan) == 0 {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "train tagger: no stages planned")
	}
	start := time.Now()
	m := &Model{version: opt.Version, lem: learnLemmas(train), pairs: tagPairs(train)}
	fmt.Fprintf(opt.Log, "train tagger: %d sentences, %d tokens, %d lemma exceptions, %d known lemmas, %d XPOS+UPOS pairs\n",
		len(train), ntok, len(m.lem.exc), len(m.lem.known), len(m.pairs))
	for k, kind := range plan {
		name := fmt.Sprintf("stage %d/%d (%s)", k+1, len(plan), kind)
		sg, err := trainStage(ctx, train, dev, kind, opt, name, start)
		if err != nil {
			return nil, err
		}
		m.stages = append(m.stages, sg)
	}
	m.prepare()
	if len(dev) > 0 {
		e, err := m.Evaluate("dev", dev)
		if err != nil {
			return nil, fmt.Errorf("train tagger: %w", err)
		}
		fmt.Fprintf(opt.Log, "train tagger: %s (%s)\n", e, time.Since(start).Round(time.Millisecond))
	}
	return m, nil
}

// tagPairs returns the "XPOS UPOS" pairs seen in the training data.
func tagPairs(train []conllu.Sentence) map[string]struct{} {
	pairs := map[string]struct{}{}
	for _, s := range train {
		for _, t := range s.Tokens {
			pairs[t.XPOS+" "+t.UPOS] = struct{}{}
		}
	}
	return pairs
}

// labelAll tags sentences with one stage alone.
func (sg *stage) labelAll(sents []conllu.Sentence) [][]string {
	out := make([][]string, len(sents))
	var st state
	for i, s := range sents {
		tags := sg.predict(&st, forms(s), 2)
		out[i] = make([]string, len(tags))
		for j, t := range tags {
			out[i][j] = sg.labels[t]
		}
	}
	return out
}

// trainStage trains one stage of the given kind, logging its accuracy on
// dev after each pass.
func trainStage(ctx context.Context, train, dev []conllu.Sentence, kind string, opt TrainOptions, name string, start time.Time) (*stage, error) {
	hp := opt.hp
	label, labelID, labels := labelSet(train, kind)
	if len(labels) > math.MaxUint16 {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "train tagger: %d labels", len(labels))
	}
	sg := &stage{kind: kind, labels: labels}
	sg.dict, sg.amb = lexicon(train, label, labelID, labels, hp)

	// ambOf[si] gives the ambiguity classes training sentence si sees.
	ambOf := make([]func(string) string, len(train))
	for si := range train {
		ambOf[si] = sg.ambOf
	}
	if k := hp.ambFolds; k > 1 {
		for f := range k {
			lo, hi := f*len(train)/k, (f+1)*len(train)/k
			rest := append(train[:lo:lo], train[hi:]...)
			_, amb := lexicon(rest, label, labelID, labels, hp)
			fn := func(w string) string { return amb[w] }
			for si := lo; si < hi; si++ {
				ambOf[si] = fn
			}
		}
	}

	// Static features once per token.
	p := newPerceptron(len(labels))
	var fx featurizer
	var sent sentence
	type span struct{ from, to int }
	var ids []int32
	feats := make([][]span, len(train))
	gold := make([][]int, len(train))
	for si, s := range train {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train tagger: %w", err)
		}
		sent.reset(forms(s), ambOf[si])
		feats[si] = make([]span, len(s.Tokens))
		gold[si] = make([]int, len(s.Tokens))
		for i, t := range s.Tokens {
			gold[si][i] = labelID[label(t)]
			fx.clear()
			fx.static(&sent, i)
			from := len(ids)
			for k := range fx.ends {
				ids = append(ids, p.id(fx.feature(k), true))
			}
			feats[si][i] = span{from, len(ids)}
		}
	}
	fmt.Fprintf(opt.Log, "train tagger: %s: %d labels, %d dictionary forms, %d ambiguity classes, %d static features (%s)\n",
		name, len(labels), len(sg.dict), len(sg.amb), len(p.names), time.Since(start).Round(time.Millisecond))

	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x7a67))
	scores := make([]int64, len(labels))
	var cur []int32
	for it := 1; it <= opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("train tagger: %w", err)
			}
			s := train[si]
			sent.reset(forms(s), ambOf[si])
			p1, p2 := padStart, padStart+"2"
			for i, t := range s.Tokens {
				truth := gold[si][i]
				guess := truth
				if d, ok := sg.dict[t.Form]; ok {
					guess = int(d)
				} else {
					cur = append(cur[:0], ids[feats[si][i].from:feats[si][i].to]...)
					fx.clear()
					fx.dynamic(&sent, i, p1, p2)
					for k := range fx.ends {
						cur = append(cur, p.id(fx.feature(k), true))
					}
					guess = p.best(cur, scores)
					p.update(truth, guess, cur)
				}
				if guess == truth {
					correct++
				}
				total++
				p2, p1 = p1, labels[guess]
			}
		}
		line := fmt.Sprintf("train tagger: %s: pass %d/%d: train %.2f%%", name, it, opt.Iterations, 100*float64(correct)/float64(total))
		if len(dev) > 0 {
			var err error
			if sg.clf, err = p.average(); err != nil {
				return nil, fmt.Errorf("train tagger: %w", err)
			}
			a, err := sg.accuracy(dev, label)
			if err != nil {
				return nil, fmt.Errorf("train tagger: %w", err)
			}
			line += fmt.Sprintf(", dev %.2f%%", 100*a.Value())
		}
		fmt.Fprintf(opt.Log, "%s (%s)\n", line, time.Since(start).Round(time.Millisecond))
	}
	c, err := p.average()
	if err == nil {
		c, err = c.compact()
	}
	if err != nil {
		return nil, fmt.Errorf("train tagger: %w", err)
	}
	sg.clf = c
	return sg, nil
}

// labelSet returns the label function of a stage kind and its labels in
// the training data, most frequent first, with their indexes.
func labelSet(train []conllu.Sentence, kind string) (func(conllu.Token) string, map[string]int, []string) {
	label := labelFunc(kind)
	count := map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			count[label(t)]++
		}
	}
	labels := make([]string, 0, len(count))
	for l := range count {
		labels = append(labels, l)
	}
	sort.Slice(labels, func(i, j int) bool {
		a, b := labels[i], labels[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	id := make(map[string]int, len(labels))
	for i, l := range labels {
		id[l] = i
	}
	return label, id, labels
}

// accuracy scores one stage alone on gold sentences.
func (sg *stage) accuracy(gold []conllu.Sentence, label func(conllu.Token) string) (score.Accuracy, error) {
	pred := sg.labelAll(gold)
	g := make([][]string, len(gold))
	for i, s := range gold {
		g[i] = make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			g[i][j] = label(t)
		}
	}
	return score.POS(g, pred)
}

func forms(s conllu.Sentence) []string {
	out := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		out[i] = t.Form
	}
	return out
}

// lexicon builds the tag dictionary (exact forms) and the ambiguity
// classes (lower-cased forms) from the training data.
func lexicon(train []conllu.Sentence, label func(conllu.Token) string, labelID map[string]int, labels []string, hp *hyper) (map[string]uint16, map[string]string) {
	exact := map[string][]int{}
	lower := map[string][]int{}
	add := func(m map[string][]int, k string, l int) {
		c := m[k]
		if c == nil {
			c = make([]int, len(labels))
			m[k] = c
		}
		c[l]++
	}
	for _, s := range train {
		for _, t := range s.Tokens {
			l := labelID[label(t)]
			add(exact, t.Form, l)
			lk := lowerKey(t.Form)
			add(lower, lk, l)
		}
	}
	dict := map[string]uint16{}
	for w, c := range exact {
		n, best := 0, 0
		for l, k := range c {
			n += k
			if k > c[best] {
				best = l
			}
		}
		if n >= hp.dictMin && float64(c[best]) >= hp.dictShare*float64(n) {
			dict[w] = uint16(best)
		}
	}
	amb := map[string]string{}
	var b strings.Builder
	for w, c := range lower {
		n := 0
		for _, k := range c {
			n += k
		}
		if n < hp.ambMin {
			continue
		}
		b.Reset()
		for l, k := range c {
			if k > 0 && float64(k) >= hp.ambShare*float64(n) {
				if b.Len() > 0 {
					b.WriteByte('|')
				}
				b.WriteString(labels[l])
			}
		}
		amb[w] = b.String()
	}
	return dict, amb
}

// Eval is the accuracy of a model on one gold set.
type Eval struct {
	Name      string
	Sentences int
	Tokens    int
	UPOS      score.Accuracy
	XPOS      score.Accuracy
	Lemma     score.Accuracy
	// Elapsed is the time spent tagging (and lemmatizing) the set.
	Elapsed time.Duration
}

// TokensPerSecond is the tagging speed measured on the set.
func (e Eval) TokensPerSecond() float64 {
	if e.Elapsed <= 0 {
		return 0
	}
	return float64(e.Tokens) / e.Elapsed.Seconds()
}

// String formats the evaluation as one line.
func (e Eval) String() string {
	return fmt.Sprintf("%-14s %6d sentences %7d tokens  UPOS %s  XPOS %s  lemma %s",
		e.Name, e.Sentences, e.Tokens, e.UPOS, e.XPOS, e.Lemma)
}

// Evaluate tags the gold sentences' forms and scores UPOS, XPOS and lemma
// token accuracy against them.
func (m *Model) Evaluate(name string, gold []conllu.Sentence) (Eval, error) {
	e := Eval{Name: name, Sentences: len(gold)}
	var gu, gx, gl, pu, px, pl [][]string
	start := time.Now()
	pred := make([][]Tagged, len(gold))
	for i, s := range gold {
		pred[i] = m.Tag(forms(s))
	}
	e.Elapsed = time.Since(start)
	for i, s := range gold {
		n := len(s.Tokens)
		e.Tokens += n
		u, x, l := make([]string, n), make([]string, n), make([]string, n)
		qu, qx, ql := make([]string, n), make([]string, n), make([]string, n)
		for j, t := range s.Tokens {
			u[j], x[j], l[j] = t.UPOS, t.XPOS, t.Lemma
			if j < len(pred[i]) {
				qu[j], qx[j], ql[j] = pred[i][j].UPOS, pred[i][j].XPOS, pred[i][j].Lemma
			}
		}
		gu, gx, gl = append(gu, u), append(gx, x), append(gl, l)
		pu, px, pl = append(pu, qu), append(px, qx), append(pl, ql)
	}
	var err error
	if e.UPOS, err = score.POS(gu, pu); err != nil {
		return e, fmt.Errorf("evaluate %s: %w", name, err)
	}
	if e.XPOS, err = score.POS(gx, px); err != nil {
		return e, fmt.Errorf("evaluate %s: %w", name, err)
	}
	if e.Lemma, err = score.POS(gl, pl); err != nil {
		return e, fmt.Errorf("evaluate %s: %w", name, err)
	}
	return e, nil
}
