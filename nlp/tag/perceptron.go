package tag

import (
	"math"
	"sort"
)

// perceptron is the trainable form of the classifier: integer weights
// with the running sums needed for averaging (Daumé's lazy trick: a
// weight's total is brought up to date only when it changes).
type perceptron struct {
	feats  map[string]int32
	names  []string
	ws     [][]entry // by feature id
	t      int64     // instances seen
	nclass int
}

type entry struct {
	total int64 // sum of w over instances up to ts
	ts    int64
	w     int32
	cls   uint16
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{feats: map[string]int32{}, nclass: nclass}
}

// id returns the id of feature f, creating it when create is set; -1 if
// it is unknown.
func (p *perceptron) id(f []byte, create bool) int32 {
	if id, ok := p.feats[string(f)]; ok {
		return id
	}
	if !create {
		return -1
	}
	id := int32(len(p.names))
	s := string(f)
	p.feats[s] = id
	p.names = append(p.names, s)
	p.ws = append(p.ws, nil)
	return id
}

// best returns the highest-scoring class under the current (not averaged)
// weights.
func (p *perceptron) best(ids []int32, scores []int64) int {
	clear(scores)
	for _, id := range ids {
		for _, e := range p.ws[id] {
			scores[e.cls] += int64(e.w)
		}
	}
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}

// update counts one instance and, if it was wrong, moves the weights of
// its features toward the truth and away from the guess.
func (p *perceptron) update(truth, guess int, ids []int32) {
	p.t++
	if truth == guess {
		return
	}
	for _, id := range ids {
		p.bump(id, truth, 1)
		p.bump(id, guess, -1)
	}
}

func (p *perceptron) bump(id int32, class int, v int32) {
	es := p.ws[id]
	for k := range es {
		if int(es[k].cls) == class {
			e := &es[k]
			e.total += (p.t - e.ts) * int64(e.w)
			e.ts = p.t
			e.w += v
			return
		}
	}
	p.ws[id] = append(es, entry{cls: uint16(class), w: v, ts: p.t})
}

// average returns the averaged weights quantized to int16 as a classifier
// with the perceptron's feature ids. Weights that round to zero are
// dropped.
func (p *perceptron) average() (*classifier, error) {
	t := float64(p.t)
	if t == 0 {
		t = 1
	}
	avg := func(e entry) float64 {
		return float64(e.total+(p.t-e.ts)*int64(e.w)) / t
	}
	maxAbs := 0.0
	for _, es := range p.ws {
		for _, e := range es {
			maxAbs = math.Max(maxAbs, math.Abs(avg(e)))
		}
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	index, err := indexNames(p.names)
	if err != nil {
		return nil, err
	}
	c := &classifier{names: p.names, index: index, offs: make([]int32, 1, len(p.ws)+1), scale: float32(scale)}
	for _, es := range p.ws {
		sorted := append([]entry(nil), es...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].cls < sorted[j].cls })
		for _, e := range sorted {
			q := math.Round(avg(e) / scale)
			if q == 0 {
				continue
			}
			c.ws = append(c.ws, weight{cls: e.cls, w: int16(q)})
		}
		c.offs = append(c.offs, int32(len(c.ws)))
	}
	return c, nil
}

// compact returns a classifier with only the features that carry weights,
// numbered in the sorted order of their names: the form Save writes and
// Load reads.
func (c *classifier) compact() (*classifier, error) {
	var keep []int32
	for id := range c.names {
		if c.offs[id+1] > c.offs[id] {
			keep = append(keep, int32(id))
		}
	}
	sort.Slice(keep, func(i, j int) bool { return c.names[keep[i]] < c.names[keep[j]] })
	out := &classifier{names: make([]string, 0, len(keep)), offs: make([]int32, 1, len(keep)+1), scale: c.scale}
	for _, id := range keep {
		out.names = append(out.names, c.names[id])
		out.ws = append(out.ws, c.ws[c.offs[id]:c.offs[id+1]]...)
		out.offs = append(out.offs, int32(len(out.ws)))
	}
	var err error
	out.index, err = indexNames(out.names)
	return out, err
}
