// Package parse is a dependency parser for English: it attaches every word
// of a tagged sentence to its syntactic head with a Universal Dependencies
// relation (nsubj, obj, obl:tmod, …).
//
// The parser is greedy and transition-based (arc-hybrid with the root at
// the end of the buffer), scored by an averaged perceptron over sparse
// features of the stack, the buffer and the partial tree in the style of
// Zhang and Nivre (2011), and trained with the dynamic oracle of Goldberg
// and Nivre (2013). The trained model is embedded in the binary (see
// Default); Train and TrainFromCorpora rebuild it from the Universal
// Dependencies corpora. MODEL.md is the model card.
package parse

import (
	"sync"
)

// Word is one input word (a syntactic word in UD tokenization: "do" "n't")
// with its parts of speech, UPOS and Penn Treebank XPOS, as nlp/tag
// predicts them. The model's features use the form and both tags; Lemma
// is carried for callers and future models. Missing or unknown tags are
// tolerated but cost accuracy.
type Word struct {
	Form, Lemma, UPOS, XPOS string
}

// Arc is a word's attachment: the 0-based index of its head word, or -1
// for the root of the sentence, and the relation to that head ("root"
// for the root).
type Arc struct {
	Head int
	Rel  string
}

// Model is a trained parser. It is immutable and safe for concurrent use.
type Model struct {
	version string
	labels  []string // labels[0] is "root"
	w       *weights
	pool    sync.Pool // of *parser
}

// Version names the model, its training data and feature set.
func (m *Model) Version() string { return m.version }

// Labels returns the relations the model can assign.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// parser holds the reusable buffers of one parse.
type parser struct {
	sent   sentence
	st     state
	keys   []uint32
	pos    []uint32
	scores []float32
}

func (m *Model) getParser() *parser {
	if p, ok := m.pool.Get().(*parser); ok {
		return p
	}
	return &parser{keys: make([]uint32, 0, maxFeatures), pos: make([]uint32, 0, maxFeatures), scores: make([]float32, m.w.nclass)}
}

// Parse returns one Arc per word. The arcs always form a tree: exactly one
// word has Head -1, every other head is a word index, and there are no
// cycles. An empty sentence gives an empty result.
func (m *Model) Parse(words []Word) []Arc {
	arcs := make([]Arc, len(words))
	if len(words) == 0 {
		return arcs
	}
	if m == nil || m.w == nil || len(m.labels) < 2 {
		// No model: a flat tree under the first word.
		arcs[0] = Arc{Head: -1, Rel: "root"}
		for i := 1; i < len(arcs); i++ {
			arcs[i] = Arc{Head: 0, Rel: "dep"}
		}
		return arcs
	}
	p := m.getParser()
	defer m.pool.Put(p)
	p.run(m.w, words)
	n := len(words)
	for i := range arcs {
		h, l := int(p.st.head[i]), int(p.st.label[i])
		if h == n {
			h = -1
		}
		arcs[i] = Arc{Head: h, Rel: m.labels[l]}
	}
	return arcs
}

// run parses words greedily, leaving the tree in p.st.
func (p *parser) run(w *weights, words []Word) {
	p.sent.load(words)
	p.st.reset(len(words))
	for !p.st.terminal() {
		p.keys = p.sent.extract(&p.st, p.keys[:0])
		clear(p.scores)
		p.pos = w.score(p.keys, p.scores, p.pos)
		p.st.apply(bestLegal(&p.st, p.scores))
	}
}

// bestLegal returns the highest-scoring legal transition. Some transition
// is always legal in a non-terminal state, and the model is checked on
// load to have at least one ordinary label, so the fallback below only
// guards the invariant.
func bestLegal(st *state, scores []float32) int {
	sh, left, leftRoot, right := st.legal()
	best := -1
	var bestScore float32
	consider := func(c int) {
		if best < 0 || scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	}
	if sh {
		consider(shift)
	}
	if leftRoot {
		consider(leftClass(rootLabel))
	}
	for c := 3; c < len(scores); c += 2 {
		// c is LEFT with label (c-1)/2 ≥ 1; c+1 is RIGHT with that label.
		if left {
			consider(c)
		}
		if right && c+1 < len(scores) {
			consider(c + 1)
		}
	}
	if best < 0 {
		switch {
		case sh:
			best = shift
		case leftRoot:
			best = leftClass(rootLabel)
		default:
			best = rightClass(1)
		}
	}
	return best
}
