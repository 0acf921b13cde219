package parse

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
	"github.com/crosscheck/crosscheck/nlp/score"
)

// Training defaults, chosen on EWT dev (see MODEL.md).
const (
	defaultEpochs = 12
	defaultSeed   = 1
	// From this epoch on (1-based) the trainer follows the model's own
	// prediction with probability exploreP instead of an optimal
	// transition, so that it learns to recover from its mistakes.
	exploreFrom = 2
	exploreP    = 0.9
	// Averaged weights below this are dropped from the model.
	defaultMinWeight = 1
	// Probability of giving a training word a confusable tag.
	defaultTagNoise = 0.1
)

// TrainOptions controls Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training set (default 12,
	// where EWT dev peaked).
	Epochs int
	// Seed fixes the shuffling and exploration (default 1); the same data,
	// options and seed give the same model.
	Seed int64
	// Log, when not nil, receives one line per epoch with the dev score.
	Log io.Writer
	// MinWeight drops averaged weights of smaller magnitude from the model
	// (default 1, which drops mostly features updated once or twice: it
	// halves the model for 0.1 point of dev LAS); larger values give
	// smaller models.
	MinWeight float64
	// TagNoise is the probability with which, each epoch, a training word
	// gets tags a tagger might have given it: another analysis its form has
	// in the training data ("that" as IN, WDT or DT), or, for a word seen
	// once, the tags of another such word (NN for NNP, JJ for VBN). The
	// parser then learns not to trust predicted tags blindly. Default 0.1
	// (chosen on EWT dev with predicted tags); negative: gold tags only.
	TagNoise float64
}

// Tagger tags one sentence's forms for the parser, returning one Word per
// form with its UPOS, XPOS and lemma. nlp/tag's model fits with a small
// adapter (see internal/trainmodel).
type Tagger func(forms []string) []Word

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = defaultEpochs
	}
	if o.Seed == 0 {
		o.Seed = defaultSeed
	}
	if o.MinWeight <= 0 {
		o.MinWeight = defaultMinWeight
	}
	if o.TagNoise == 0 {
		o.TagNoise = defaultTagNoise
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// instance is one training sentence.
type instance struct {
	words  []Word
	heads  []int32 // projectivized; len(words) is the root
	labels []int16 // -1 for a relation the model does not know
}

func wordsOf(s conllu.Sentence) []Word {
	ws := make([]Word, len(s.Tokens))
	for i, t := range s.Tokens {
		ws[i] = Word{Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS}
	}
	return ws
}

// goldHeads returns the sentence's heads with the root as len(Tokens),
// or false if they do not form a tree with a single root or a relation
// is missing.
func goldHeads(s conllu.Sentence) ([]int32, bool) {
	n := len(s.Tokens)
	heads := make([]int32, n)
	for i, t := range s.Tokens {
		if t.ID != i+1 || t.Head < 0 || t.Head > n || t.DepRel == "" || t.DepRel == "_" {
			return nil, false
		}
		h := t.Head - 1
		if t.Head == 0 {
			h = n
		}
		heads[i] = int32(h)
	}
	return heads, validTree(heads)
}

// labelSet returns "root" followed by the other relations of the training
// sentences in lexical order.
func labelSet(train []conllu.Sentence) []string {
	seen := map[string]bool{}
	for _, s := range train {
		for _, t := range s.Tokens {
			if t.DepRel != "root" && t.DepRel != "" && t.DepRel != "_" {
				seen[t.DepRel] = true
			}
		}
	}
	labels := make([]string, 0, len(seen)+1)
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	return append([]string{"root"}, labels...)
}

// Train trains a parser on gold trees for opt.Epochs passes. When dev is
// not empty, each pass is scored on it (with dev's own tags) and logged to
// opt.Log. Sentences whose trees are malformed are skipped and counted in
// the log; non-projective trees are projectivized by lifting. Training is
// deterministic for a given seed.
func Train(train, dev []conllu.Sentence, opt TrainOptions) (*Model, error) {
	m, _, err := trainModel(context.Background(), train, dev, opt)
	return m, err
}

// trainStats describes a training run for the report.
type trainStats struct {
	sentences, tokens, skipped, nonProjective, lifts int
	epochs                                           []score.DepsResult // dev score after each epoch
	elapsed                                          time.Duration
}

func trainModel(ctx context.Context, train, dev []conllu.Sentence, opt TrainOptions) (*Model, trainStats, error) {
	opt.defaults()
	var st trainStats
	start := time.Now()
	labels := labelSet(train)
	if len(labels) < 2 {
		return nil, st, crosscheck.Errorf(crosscheck.ErrInvalid, "train parser: no relations in %d training sentences", len(train))
	}
	if len(labels) > 32000 {
		return nil, st, crosscheck.Errorf(crosscheck.ErrInvalid, "train parser: %d relations", len(labels))
	}
	labelID := make(map[string]int16, len(labels))
	for i, l := range labels {
		labelID[l] = int16(i)
	}
	var data []instance
	for _, s := range train {
		heads, ok := goldHeads(s)
		if !ok || len(s.Tokens) == 0 {
			st.skipped++
			continue
		}
		if k := projectivize(heads); k > 0 {
			st.nonProjective++
			st.lifts += k
		}
		in := instance{words: wordsOf(s), heads: heads, labels: make([]int16, len(heads))}
		for i, t := range s.Tokens {
			in.labels[i] = labelID[t.DepRel]
			if in.heads[i] == int32(len(heads)) {
				in.labels[i] = rootLabel
			}
		}
		data = append(data, in)
		st.sentences++
		st.tokens += len(s.Tokens)
	}
	if len(data) == 0 {
		return nil, st, crosscheck.Errorf(crosscheck.ErrInvalid, "train parser: no usable training sentences (%d skipped)", st.skipped)
	}
	fmt.Fprintf(opt.Log, "parser: %d sentences, %d words, %d relations; %d skipped, %d non-projective (%d lifts)\n",
		st.sentences, st.tokens, len(labels), st.skipped, st.nonProjective, st.lifts)

	nclass := 1 + 2*len(labels)
	t := &trainer{
		p:      newPerceptron(nclass),
		rng:    rand.New(rand.NewPCG(uint64(opt.Seed), 0x6372_6f73_7363_6b)),
		scores: make([]int32, nclass),
		costs:  make([]int, nclass),
		keys:   make([]uint32, 0, maxFeatures),
		ids:    make([]int32, 0, maxFeatures),
	}
	var noise *tagNoise
	if opt.TagNoise > 0 {
		noise = newTagNoise(train)
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var m *Model
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		t.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch >= exploreFrom
		wrong, total := 0, 0
		for k, i := range order {
			if k%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, st, fmt.Errorf("train parser: %w", err)
				}
			}
			words := data[i].words
			if noise != nil {
				words = noise.apply(t.rng, words, opt.TagNoise, &t.noisy)
			}
			w, n := t.sentence(words, data[i].heads, data[i].labels, explore)
			wrong += w
			total += n
		}
		line := fmt.Sprintf("epoch %d: %.2f%% transitions corrected, %d features", epoch, 100*float64(wrong)/float64(max(total, 1)), len(t.p.feats))
		if len(dev) > 0 || epoch == opt.Epochs {
			m = &Model{labels: labels, w: t.p.averaged(opt.MinWeight)}
		}
		if len(dev) > 0 {
			r, err := m.Evaluate(dev, nil)
			if err != nil {
				return nil, st, fmt.Errorf("train parser: %w", err)
			}
			st.epochs = append(st.epochs, r)
			line += fmt.Sprintf("; dev UAS %.2f LAS %.2f", 100*r.All.UAS(), 100*r.All.LAS())
		}
		fmt.Fprintf(opt.Log, "%s (%s)\n", line, time.Since(start).Round(time.Second))
	}
	m.version = fmt.Sprintf("parse-arc-hybrid-f%d-e%d-%s", featureVersion, opt.Epochs, time.Now().UTC().Format("20060102"))
	st.elapsed = time.Since(start)
	return m, st, nil
}

// trainer holds the perceptron and the buffers of one training run.
type trainer struct {
	p      *perceptron
	rng    *rand.Rand
	sent   sentence
	st     state
	scores []int32
	costs  []int
	keys   []uint32
	ids    []int32
	noisy  []Word
}

// sentence trains on one sentence with the dynamic oracle and returns the
// number of configurations where the model's best transition was not
// optimal, and the number of configurations.
func (t *trainer) sentence(words []Word, gh []int32, gl []int16, explore bool) (wrong, total int) {
	n := len(words)
	t.sent.load(words)
	st := &t.st
	st.reset(n)
	for !st.terminal() {
		t.keys = t.sent.extract(st, t.keys[:0])
		t.ids = t.p.ids(t.keys, t.ids)
		t.p.score(t.ids, t.scores)
		labelledCosts(st, gh, gl, t.costs)
		pred, gold := -1, -1
		minCost := -1
		for _, k := range t.costs {
			if k >= 0 && (minCost < 0 || k < minCost) {
				minCost = k
			}
		}
		for c, k := range t.costs {
			if k < 0 {
				continue
			}
			if pred < 0 || t.scores[c] > t.scores[pred] {
				pred = c
			}
			if k == minCost && (gold < 0 || t.scores[c] > t.scores[gold]) {
				gold = c
			}
		}
		total++
		if t.costs[pred] > minCost {
			wrong++
			t.p.update(t.keys, t.ids, gold, 1)
			t.p.update(t.keys, t.ids, pred, -1)
		}
		t.p.now++
		next := gold
		if explore && t.rng.Float64() < exploreP {
			next = pred
		}
		st.apply(next)
	}
	return wrong, total
}

// labelledCosts fills costs (one per class) with the number of gold arcs
// each transition loses, labels included, or -1 for illegal transitions.
func labelledCosts(st *state, gh []int32, gl []int16, costs []int) {
	cs, cl, cr := st.costs(gh)
	sh, left, leftRoot, right := st.legal()
	for c := range costs {
		costs[c] = -1
	}
	if sh {
		costs[shift] = cs
	}
	nl := (len(costs) - 1) / 2
	s0 := st.s(0)
	if left || leftRoot {
		for l := range nl {
			if (l == rootLabel) != leftRoot {
				continue
			}
			c := cl
			if int(gh[s0]) == st.b && gl[s0] != int16(l) {
				c++
			}
			costs[leftClass(l)] = c
		}
	}
	if right {
		s1 := st.s(1)
		for l := 1; l < nl; l++ {
			c := cr
			if int(gh[s0]) == s1 && gl[s0] != int16(l) {
				c++
			}
			costs[rightClass(l)] = c
		}
	}
}

// Evaluate parses the gold sentences and scores the result. When tag is
// not nil it supplies the words' tags and lemmas (predicted tags);
// otherwise the gold ones are used.
func (m *Model) Evaluate(gold []conllu.Sentence, tag Tagger) (score.DepsResult, error) {
	pred := m.ParseSentences(gold, tag)
	r, err := score.Deps(gold, pred)
	if err != nil {
		return r, fmt.Errorf("evaluate parser: %w", err)
	}
	return r, nil
}

// ParseSentences returns copies of the sentences with the model's heads
// and relations. When tag is not nil the words are tagged with it first
// (and the copies carry its tags and lemmas); otherwise the sentences' own
// tags are used.
func (m *Model) ParseSentences(sents []conllu.Sentence, tag Tagger) []conllu.Sentence {
	out := make([]conllu.Sentence, len(sents))
	var forms []string
	for i, s := range sents {
		words := wordsOf(s)
		if tag != nil {
			forms = forms[:0]
			for _, w := range words {
				forms = append(forms, w.Form)
			}
			if tw := tag(forms); len(tw) == len(words) {
				for j := range words {
					words[j].UPOS, words[j].XPOS, words[j].Lemma = tw[j].UPOS, tw[j].XPOS, tw[j].Lemma
				}
			}
		}
		arcs := m.Parse(words)
		c := s
		c.Tokens = slices.Clone(s.Tokens)
		for j := range c.Tokens {
			c.Tokens[j].Head = arcs[j].Head + 1
			c.Tokens[j].DepRel = arcs[j].Rel
			c.Tokens[j].UPOS, c.Tokens[j].XPOS, c.Tokens[j].Lemma = words[j].UPOS, words[j].XPOS, words[j].Lemma
		}
		out[i] = c
	}
	return out
}
