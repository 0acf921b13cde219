package ner

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/score"
)

// DefaultLabels are the entity labels the statistical model learns.
var DefaultLabels = []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}

// TrainOptions tune TrainFromCorpora. The zero value uses the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 12).
	Epochs int
	// Seed fixes the shuffling and POS dropout (default 1).
	Seed int64
	// Version names the model (default "ner-YYYYMMDD").
	Version string
	// SocialWeight scales the updates from the social media corpora BTC
	// and WNUT17 (default 0.1; negative leaves them out); UNERWeight those
	// from Universal NER EWT (default 0.5).
	SocialWeight, UNERWeight float32
	// POSDropout is the share of training sentences whose parts of
	// speech are hidden, so that the model works with and without a
	// tagger (default 0.5).
	POSDropout float64
	// MinCount drops features seen fewer times in training (default 2).
	MinCount int
	// Runs is the number of training runs, each over its own shuffle of
	// the sentences, whose weights are averaged (default 3).
	Runs int
	// NewsGold is a file with our annotation of the GUM news documents
	// (default: the embedded testdata/gum_news_ner.tsv); its documents in
	// the GUM train split replace GUM's mapped labels.
	NewsGold string
	// Log receives progress lines (nil: none).
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Version == "" {
		o.Version = "ner-" + time.Now().UTC().Format("20060102")
	}
	if o.SocialWeight == 0 {
		o.SocialWeight = 0.1
	}
	if o.SocialWeight < 0 {
		o.SocialWeight = 0 // negative: leave the social media corpora out
	}
	if o.UNERWeight == 0 {
		o.UNERWeight = 0.5
	}
	if o.POSDropout == 0 {
		o.POSDropout = 0.5
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Runs <= 0 {
		o.Runs = 3
	}
}

// SourceCount is how much one corpus contributed to training.
type SourceCount struct {
	Name      string
	Sentences int
	Tokens    int
	Entities  int
	Weight    float32
}

// Report describes a training run and its held-out scores.
type Report struct {
	Version   string
	Epochs    int
	Runs      int
	Seed      int64
	Sources   []SourceCount
	Features  int
	Weights   int
	TrainTime time.Duration
	// Epoch errors: sentences mispredicted in each pass of each run.
	EpochErrors []int
	Sets        []EvalSet
}

// EvalSet is the score of the model on one held-out set.
type EvalSet struct {
	Name   string
	Note   string
	Result score.NERResult
	Tokens int
	// Elapsed is the recognition time for the set.
	Elapsed time.Duration
}

// String formats the report.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "model %s: %d runs of %d epochs, seed %d, %d features, %d weights, trained in %s\n", r.Version, r.Runs, r.Epochs, r.Seed, r.Features, r.Weights, r.TrainTime.Round(time.Second))
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "  %-22s %6d sentences %7d tokens %6d entities weight %.2f\n", s.Name, s.Sentences, s.Tokens, s.Entities, s.Weight)
	}
	fmt.Fprintf(&b, "  errors per epoch: %v\n", r.EpochErrors)
	for _, s := range r.Sets {
		fmt.Fprintf(&b, "\n== %s (%s; %d tokens, %.0f tokens/s)\n%s", s.Name, s.Note, s.Tokens, float64(s.Tokens)/max(s.Elapsed.Seconds(), 1e-9), s.Result)
	}
	return b.String()
}

// sample is one training sentence.
type sample struct {
	words, pos []string
	allowed    [][]bool
	weight     float32
	doc        string
}

// TrainFromCorpora trains a model on the corpora under corporaDir (the
// layout of shared/corpora), then scores it on the held-out sets. It is
// deterministic for a given Seed. The held-out data — Universal NER PUD,
// the GUM dev and test documents, every fifth wikigold document and the
// Universal NER EWT test file — is never trained on.
func TrainFromCorpora(ctx context.Context, corporaDir string, opt TrainOptions) (*Model, Report, error) {
	opt.defaults()
	rep := Report{Version: opt.Version, Epochs: opt.Epochs, Runs: opt.Runs, Seed: opt.Seed}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	data, err := LoadCorpora(corporaDir, opt.NewsGold)
	if err != nil {
		return nil, rep, err
	}
	ts := newTagSet(DefaultLabels)
	var samples []sample
	// perSentence treats every sentence as a document of its own: the
	// social media files hold thousands of unrelated posts each.
	addSet := func(name string, sents []GoldSentence, weight float32, perSentence bool) {
		sc := SourceCount{Name: name, Weight: weight}
		for i, s := range sents {
			d := s.Doc
			if perSentence {
				d = fmt.Sprintf("%s#s%d", d, i)
			}
			samples = append(samples, sample{words: s.Words, pos: s.UPOS, weight: weight, doc: d,
				allowed: ts.encode(len(s.Words), s.Entities, s.Unsure)})
			sc.Sentences++
			sc.Tokens += len(s.Words)
			sc.Entities += len(s.Entities)
		}
		rep.Sources = append(rep.Sources, sc)
	}
	addSet("GUM train", data.GUMTrain, 1, false)
	addSet("wikigold (4/5)", data.WikigoldTrain, 1, false)
	addSet("Universal NER EWT dev", data.UNEREWTDev, opt.UNERWeight, false)
	if opt.SocialWeight > 0 {
		addSet("BTC", data.BTC, opt.SocialWeight, true)
		addSet("WNUT17 train+dev", data.WNUT, opt.SocialWeight, true)
	}
	logf("training on %d sentences", len(samples))

	start := time.Now()
	rng := rand.New(rand.NewSource(opt.Seed))
	// POS dropout is drawn once per sentence so that every epoch sees the
	// same input.
	for i := range samples {
		if samples[i].pos != nil && rng.Float64() < opt.POSDropout {
			samples[i].pos = nil
		}
	}
	// Feature extraction, with document-level hints per document.
	docCtx := map[string]*featureContext{}
	{
		byDoc := map[string][][]string{}
		for _, s := range samples {
			byDoc[s.doc] = append(byDoc[s.doc], s.words)
		}
		for d, ws := range byDoc {
			docCtx[d] = newFeatureContext(ws)
		}
	}
	feats := make([][][]uint32, len(samples))
	counts := map[uint32]int{}
	for i, s := range samples {
		if i%2000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, rep, fmt.Errorf("train NER: %w", err)
			}
		}
		info := sentenceInfo(s.words, s.pos)
		fctx := docCtx[s.doc]
		feats[i] = make([][]uint32, len(s.words))
		for j := range s.words {
			feats[i][j] = features(nil, info, j, fctx)
			for _, f := range feats[i][j] {
				counts[f]++
			}
		}
	}
	rows := map[uint32]int32{}
	for f, c := range counts {
		if c >= opt.MinCount {
			rows[f] = int32(len(rows))
		}
	}
	counts = nil
	rowsOf := make([][][]int32, len(samples))
	for i := range feats {
		rowsOf[i] = make([][]int32, len(feats[i]))
		for j, fs := range feats[i] {
			rs := make([]int32, 0, len(fs))
			for _, f := range fs {
				if r, ok := rows[f]; ok {
					rs = append(rs, r)
				}
			}
			rowsOf[i][j] = rs
		}
	}
	feats = nil
	logf("%d features (seen at least %d times)", len(rows), opt.MinCount)
	// Runs differ only in the order of the sentences; their averaged
	// weights are averaged again, which evens out how much one shuffle
	// decides (single runs differ by ±0.02 F1 on the dev sets).
	var w, tw []float32
	for run := 0; run < opt.Runs; run++ {
		rrng := rng
		if run > 0 {
			rrng = rand.New(rand.NewSource(opt.Seed + int64(run)*1_000_003))
		}
		tr := newTrainer(ts, rows)
		order := make([]int, len(samples))
		for i := range order {
			order[i] = i
		}
		for ep := 0; ep < opt.Epochs; ep++ {
			rrng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			wrong := 0
			for k, i := range order {
				if k%2000 == 0 {
					if err := ctx.Err(); err != nil {
						return nil, rep, fmt.Errorf("train NER: %w", err)
					}
				}
				if len(rowsOf[i]) == 0 {
					continue
				}
				if tr.step(rowsOf[i], samples[i].allowed, samples[i].weight) {
					wrong++
				}
			}
			rep.EpochErrors = append(rep.EpochErrors, wrong)
			logf("run %d epoch %d: %d sentences wrong (%s)", run+1, ep+1, wrong, time.Since(start).Round(time.Second))
		}
		rw, rtw := tr.averaged()
		if w == nil {
			w, tw = rw, rtw
		} else {
			for i, x := range rw {
				w[i] += x
			}
			for i, x := range rtw {
				tw[i] += x
			}
		}
	}
	for i := range w {
		w[i] /= float32(opt.Runs)
	}
	for i := range tw {
		tw[i] /= float32(opt.Runs)
	}
	m := &Model{w: sparseWeights(opt.Version, ts, rows, w, tw)}
	rep.TrainTime = time.Since(start)
	rep.Features = len(m.w.rows)
	rep.Weights = len(m.w.vals)
	rep.Sets = EvaluateHeldOut(m, data)
	return m, rep, nil
}

// Corpora holds the training and held-out sets read from the corpora
// directory, already mapped to our labels.
type Corpora struct {
	GUMTrain, GUMDev, GUMTest        []GoldSentence
	NewsDev, NewsTest                []GoldSentence // our annotation of GUM news dev/test documents
	WikigoldTrain, WikigoldHeldOut   []GoldSentence
	UNERPUD, UNEREWTDev, UNEREWTTest []GoldSentence // gold PER/ORG/LOC
	BTC, WNUT                        []GoldSentence
}

// unerMapping keeps Universal NER labels as they are.
var unerMapping = map[string]string{"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

// CoarseMapping projects our labels onto PER/ORG/LOC gold standards
// (Universal NER, CoNLL without MISC).
var CoarseMapping = map[string]string{"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

// LoadCorpora reads every corpus that TrainFromCorpora and the held-out
// evaluation use. newsGold is the path of our GUM news annotation ("" for
// the default next to the package source, if present).
func LoadCorpora(dir, newsGold string) (*Corpora, error) {
	c := &Corpora{}
	gum := filepath.Join(dir, "ud", "gum")
	var news newsAnnotation
	var err error
	if newsGold == "" {
		news, err = parseNewsAnnotation(bytes.NewReader(newsAnnotationData), "embedded gum_news_ner.tsv")
	} else {
		news, err = readNewsAnnotation(newsGold)
	}
	if err != nil {
		return nil, err
	}
	for _, sp := range []struct {
		split string
		dst   *[]GoldSentence
	}{{"train", &c.GUMTrain}, {"dev", &c.GUMDev}, {"test", &c.GUMTest}} {
		names, err := gumList(gum, sp.split)
		if err != nil {
			return nil, err
		}
		sents, err := readGUM(gum, names)
		if err != nil {
			return nil, err
		}
		applyNews(sents, news)
		*sp.dst = sents
	}
	for _, s := range c.GUMDev {
		if strings.HasPrefix(s.Doc, "GUM_news_") && news[s.Doc] != nil {
			c.NewsDev = append(c.NewsDev, s)
		}
	}
	for _, s := range c.GUMTest {
		if strings.HasPrefix(s.Doc, "GUM_news_") && news[s.Doc] != nil {
			c.NewsTest = append(c.NewsTest, s)
		}
	}
	wg, err := ReadGold(filepath.Join(dir, "ner", "wikigold", "CONLL-format", "data", "wikigold.conll.txt"), GoldOptions{Format: "conll"})
	if err != nil {
		return nil, err
	}
	for _, s := range wg {
		relabelCoarse(&s)
		if heldOutWikigold(s.Doc) {
			c.WikigoldHeldOut = append(c.WikigoldHeldOut, s)
		} else {
			c.WikigoldTrain = append(c.WikigoldTrain, s)
		}
	}
	if c.UNERPUD, err = ReadGold(filepath.Join(dir, "ner", "uner-pud", "en_pud-ud-test.iob2"), GoldOptions{Format: "iob2", Mapping: unerMapping}); err != nil {
		return nil, err
	}
	if c.UNEREWTTest, err = ReadGold(filepath.Join(dir, "ner", "uner-ewt", "en_ewt-ud-test.iob2"), GoldOptions{Format: "iob2", Mapping: unerMapping}); err != nil {
		return nil, err
	}
	dev, err := ReadGold(filepath.Join(dir, "ner", "uner-ewt", "en_ewt-ud-dev.iob2"), GoldOptions{Format: "iob2", Mapping: unerMapping})
	if err != nil {
		return nil, err
	}
	for _, s := range dev {
		relabelCoarse(&s)
		c.UNEREWTDev = append(c.UNEREWTDev, s)
	}
	btc, err := filepath.Glob(filepath.Join(dir, "ner", "BTC", "CONLL-format", "data", "*.conll"))
	if err != nil {
		return nil, fmt.Errorf("BTC: %w", err)
	}
	for _, p := range btc {
		ss, err := ReadGold(p, GoldOptions{Format: "conll"})
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			relabelCoarse(&s)
			c.BTC = append(c.BTC, s)
		}
	}
	for _, p := range []string{"train/wnut17train.conll", "dev/emerging.dev.conll"} {
		ss, err := ReadGold(filepath.Join(dir, "ner", "WNUT17", "CONLL-format", "data", p), GoldOptions{Format: "conll"})
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			relabelCoarse(&s)
			c.WNUT = append(c.WNUT, s)
		}
	}
	return c, nil
}

// heldOutWikigold reports whether a wikigold document (named
// "wikigold.conll.txt#N" by its -DOCSTART- count) is held out: every
// fifth document, N%5 == 0.
func heldOutWikigold(doc string) bool {
	_, n, ok := strings.Cut(doc, "#")
	if !ok {
		return false
	}
	i, err := strconv.Atoi(n)
	return err == nil && i%5 == 0
}

// newsAnnotation maps a document to its sentences' entity lists.
type newsAnnotation map[string]map[int][]GoldEntity

// readNewsAnnotation reads our token-offset annotation file: tab-separated
// doc, sentence (0-based within the document), start and end token
// (0-based, end exclusive) and label; "#" starts a comment; a line
// "doc<TAB>-" lists an annotated document.
func readNewsAnnotation(path string) (newsAnnotation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("news annotation: %w", err)
	}
	defer f.Close()
	return parseNewsAnnotation(f, path)
}

//go:embed testdata/gum_news_ner.tsv
var newsAnnotationData []byte

func parseNewsAnnotation(r io.Reader, path string) (newsAnnotation, error) {
	out := newsAnnotation{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) == 2 && fs[1] == "-" {
			if out[fs[0]] == nil {
				out[fs[0]] = map[int][]GoldEntity{}
			}
			continue
		}
		if len(fs) != 5 {
			return nil, fmt.Errorf("news annotation %s:%d: %d fields, want 5", path, n, len(fs))
		}
		si, e1 := strconv.Atoi(fs[1])
		a, e2 := strconv.Atoi(fs[2])
		b, e3 := strconv.Atoi(fs[3])
		if e1 != nil || e2 != nil || e3 != nil || a >= b || a < 0 {
			return nil, fmt.Errorf("news annotation %s:%d: bad offsets", path, n)
		}
		if out[fs[0]] == nil {
			out[fs[0]] = map[int][]GoldEntity{}
		}
		out[fs[0]][si] = append(out[fs[0]][si], GoldEntity{Start: a, End: b, Label: fs[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("news annotation %s: %w", path, err)
	}
	return out, nil
}

// applyNews replaces the mapped GUM entities of annotated documents with
// our annotation.
func applyNews(sents []GoldSentence, news newsAnnotation) {
	idx := map[string]int{}
	for i := range sents {
		d := sents[i].Doc
		ann, ok := news[d]
		si := idx[d]
		idx[d]++
		if !ok {
			continue
		}
		var es []GoldEntity
		for _, e := range ann[si] {
			if e.End <= len(sents[i].Words) {
				es = append(es, e)
			}
		}
		sortEntities(es)
		sents[i].Entities = es
		sents[i].Unsure = nil
	}
}

// EvalOptions adjust Evaluate.
type EvalOptions struct {
	// PredMapping renames predicted labels into the gold label space;
	// labels it lacks are dropped. Nil keeps them.
	PredMapping map[string]string
	// Labels, when set, restricts gold and prediction to these labels
	// (after mapping).
	Labels []string
	// UsePOS passes the gold parts of speech to the recognizer.
	UsePOS bool
	// Options are passed to Recognize.
	Options Options
}

// Evaluate runs the model over gold sentences, document by document (the
// words joined by spaces, one sentence a line), and scores it.
func Evaluate(m *Model, gold []GoldSentence, opt EvalOptions) score.NERResult {
	var gs, ps []score.NERSpan
	for i := 0; i < len(gold); {
		j := i
		for j < len(gold) && gold[j].Doc == gold[i].Doc {
			j++
		}
		text, sents := Detokenize(gold[i:j], opt.UsePOS)
		ms := m.Recognize(text, sents, opt.Options)
		for k := i; k < j; k++ {
			for _, e := range gold[k].Entities {
				gs = append(gs, score.NERSpan{Doc: gold[i].Doc, Sentence: k - i, Start: e.Start, End: e.End, Label: e.Label})
			}
		}
		for _, mn := range ms {
			if mn.Sentence < 0 || mn.Sentence >= len(sents) {
				continue
			}
			st := sents[mn.Sentence]
			a, b := -1, -1
			for ti, t := range st.Tokens {
				if a < 0 && t.Span.End > mn.Span.Start {
					a = ti
				}
				if t.Span.Start < mn.Span.End {
					b = ti + 1
				}
			}
			if a < 0 || b <= a || overlapsAny(gold[i+mn.Sentence].Unsure, a, b) {
				continue // spans whose gold label is unknown (wikigold MISC) do not count
			}
			ps = append(ps, score.NERSpan{Doc: gold[i].Doc, Sentence: mn.Sentence, Start: a, End: b, Label: mn.Label})
		}
		i = j
	}
	if opt.PredMapping != nil {
		ps = score.FilterNER(ps, opt.PredMapping)
	}
	if len(opt.Labels) > 0 {
		keep := map[string]string{}
		for _, l := range opt.Labels {
			keep[l] = l
		}
		gs = score.FilterNER(gs, keep)
		ps = score.FilterNER(ps, keep)
	}
	return score.ScoreNER(gs, ps)
}

// Detokenize rebuilds a document from gold sentences: words joined by
// single spaces, sentences by newlines, with token spans.
func Detokenize(sents []GoldSentence, withPOS bool) (string, []crosscheck.Sentence) {
	var b strings.Builder
	out := make([]crosscheck.Sentence, len(sents))
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		st := crosscheck.Sentence{Index: si}
		st.Span.Start = b.Len()
		for i, w := range s.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			t := crosscheck.Token{Span: crosscheck.Span{Start: b.Len()}, Text: w, Head: -1}
			b.WriteString(w)
			t.Span.End = b.Len()
			if withPOS && i < len(s.UPOS) {
				t.UPOS = s.UPOS[i]
			}
			st.Tokens = append(st.Tokens, t)
		}
		st.Span.End = b.Len()
		out[si] = st
	}
	return b.String(), out
}

// NewsLabels are the labels of the news target metric.
var NewsLabels = []string{"PERSON", "ORG", "GPE", "LOC", "NORP"}

// EvaluateHeldOut scores the model on every held-out set of c.
func EvaluateHeldOut(m *Model, c *Corpora) []EvalSet {
	var out []EvalSet
	run := func(name, note string, gold []GoldSentence, opt EvalOptions) {
		if len(gold) == 0 {
			return
		}
		tok := 0
		for _, s := range gold {
			tok += len(s.Words)
		}
		start := time.Now()
		r := Evaluate(m, gold, opt)
		out = append(out, EvalSet{Name: name, Note: note, Result: r, Tokens: tok, Elapsed: time.Since(start)})
	}
	run("news-dev", "our annotation of the GUM news dev documents; PERSON/ORG/GPE/LOC/NORP", c.NewsDev, EvalOptions{Labels: NewsLabels})
	run("news-test", "our annotation of the GUM news test documents; PERSON/ORG/GPE/LOC/NORP", c.NewsTest, EvalOptions{Labels: NewsLabels})
	run("news-dev-all", "as news-dev, all named labels", c.NewsDev, EvalOptions{Labels: DefaultLabels})
	run("news-test-all", "as news-test, all named labels", c.NewsTest, EvalOptions{Labels: DefaultLabels})
	run("gum-test", "GUM test documents, all genres, labels mapped by rule", c.GUMTest, EvalOptions{Labels: NewsLabels})
	run("gum-dev", "GUM dev documents, all genres, labels mapped by rule", c.GUMDev, EvalOptions{Labels: NewsLabels})
	coarse := EvalOptions{PredMapping: CoarseMapping, Labels: []string{"PER", "ORG", "LOC"}}
	wg := make([]GoldSentence, len(c.WikigoldHeldOut))
	for i, s := range c.WikigoldHeldOut {
		s.Entities = score2Gold(score.FilterNER(goldToScore(s.Entities), CoarseMapping))
		wg[i] = s
	}
	run("wikigold-heldout", "every fifth wikigold document; PER/ORG/LOC (MISC left out)", wg, coarse)
	run("uner-pud", "Universal NER PUD; PER/ORG/LOC", c.UNERPUD, coarse)
	run("uner-ewt-test", "Universal NER EWT test; PER/ORG/LOC", c.UNEREWTTest, coarse)
	return out
}

func goldToScore(es []GoldEntity) []score.NERSpan {
	out := make([]score.NERSpan, len(es))
	for i, e := range es {
		out[i] = score.NERSpan{Start: e.Start, End: e.End, Label: e.Label}
	}
	return out
}

func score2Gold(ss []score.NERSpan) []GoldEntity {
	out := make([]GoldEntity, len(ss))
	for i, s := range ss {
		out[i] = GoldEntity{Start: s.Start, End: s.End, Label: s.Label}
	}
	return out
}

func overlapsAny(es []GoldEntity, a, b int) bool {
	for _, e := range es {
		if a < e.End && e.Start < b {
			return true
		}
	}
	return false
}
