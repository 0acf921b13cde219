package parse

import (
	"math"
	"slices"
)

// weights is the inference form of the model: sparse per-feature class
// weights, int16 with one scale per feature, behind an open-addressing
// table keyed by feature key. A feature's block in blob is its scale's
// bits, its number of entries, then one word per entry (class<<16 |
// uint16(weight)), so that scoring a feature touches two cache lines:
// its slot and its block.
type weights struct {
	nclass int
	nfeat  int
	mask   uint32
	slots  []slot
	blob   []uint32
}

type slot struct {
	key uint32 // 0 is an empty slot
	pos uint32 // index of the feature's block in blob
}

func (m *weights) lookup(k uint32) (pos uint32, ok bool) {
	if len(m.slots) == 0 {
		return 0, false
	}
	for i := (k * 0x9e3779b1) & m.mask; ; i = (i + 1) & m.mask {
		switch s := m.slots[i]; s.key {
		case k:
			return s.pos, true
		case 0:
			return 0, false
		}
	}
}

// score adds the weights of the features in keys to scores. pos is
// scratch space. Looking all features up first and reading their blocks
// afterwards lets the processor overlap the cache misses of independent
// lookups.
func (m *weights) score(keys []uint32, scores []float32, pos []uint32) []uint32 {
	pos = pos[:0]
	for _, k := range keys {
		if p, ok := m.lookup(k); ok {
			pos = append(pos, p)
		}
	}
	for _, p := range pos {
		scale := math.Float32frombits(m.blob[p])
		n := m.blob[p+1]
		for _, e := range m.blob[p+2 : p+2+n] {
			scores[e>>16] += scale * float32(int16(uint16(e)))
		}
	}
	return pos
}

// featureWeights is one feature's sparse class weights: q[j]*scale for
// class cls[j].
type featureWeights struct {
	key   uint32
	scale float32
	cls   []uint16
	q     []int16
}

func byKey(a, b featureWeights) int {
	switch {
	case a.key < b.key:
		return -1
	case a.key > b.key:
		return 1
	}
	return 0
}

// buildWeights assembles the inference table. Features must have distinct
// keys; they are stored in key order.
func buildWeights(nclass int, feats []featureWeights) *weights {
	slices.SortFunc(feats, byKey)
	n := 0
	for _, f := range feats {
		n += 2 + len(f.cls)
	}
	b := newWeightsBuilder(nclass, len(feats), n)
	for _, f := range feats {
		b.feature(f.key, f.scale, len(f.cls))
		for j, c := range f.cls {
			b.entry(c, f.q[j])
		}
	}
	return b.finish()
}

// weightsBuilder packs features into a weights table one by one, without
// per-feature allocations (Load builds tables of millions of features).
type weightsBuilder struct {
	m    *weights
	keys []uint32
	pos  []uint32
}

// newWeightsBuilder sizes the builder for about nfeat features and words
// blob words (both are hints).
func newWeightsBuilder(nclass, nfeat, words int) *weightsBuilder {
	return &weightsBuilder{
		m:    &weights{nclass: nclass, blob: make([]uint32, 0, words)},
		keys: make([]uint32, 0, nfeat),
		pos:  make([]uint32, 0, nfeat),
	}
}

// feature starts a feature with n entries, to be given by entry.
func (b *weightsBuilder) feature(key uint32, scale float32, n int) {
	b.keys = append(b.keys, key)
	b.pos = append(b.pos, uint32(len(b.m.blob)))
	b.m.blob = append(b.m.blob, math.Float32bits(scale), uint32(n))
}

func (b *weightsBuilder) entry(cls uint16, q int16) {
	b.m.blob = append(b.m.blob, uint32(cls)<<16|uint32(uint16(q)))
}

// finish builds the hash table. Keys must be distinct and non-zero.
func (b *weightsBuilder) finish() *weights {
	m := b.m
	size := 1
	for size < len(b.keys)+len(b.keys)/2+2 { // load factor at most 2/3
		size <<= 1
	}
	m.nfeat = len(b.keys)
	m.mask = uint32(size - 1)
	m.slots = make([]slot, size)
	for i, k := range b.keys {
		for j := (k * 0x9e3779b1) & m.mask; ; j = (j + 1) & m.mask {
			if m.slots[j].key == 0 {
				m.slots[j] = slot{key: k, pos: b.pos[i]}
				break
			}
		}
	}
	return m
}

// features lists the table's features in key order.
func (m *weights) features() []featureWeights {
	out := make([]featureWeights, 0, m.nfeat)
	for _, s := range m.slots {
		if s.key == 0 {
			continue
		}
		n := m.blob[s.pos+1]
		f := featureWeights{key: s.key, scale: math.Float32frombits(m.blob[s.pos]), cls: make([]uint16, n), q: make([]int16, n)}
		for j, e := range m.blob[s.pos+2 : s.pos+2+n] {
			f.cls[j] = uint16(e >> 16)
			f.q[j] = int16(uint16(e))
		}
		out = append(out, f)
	}
	slices.SortFunc(out, byKey)
	return out
}

// entries is the number of stored (feature, class) weights.
func (m *weights) entries() int { return len(m.blob) - 2*m.nfeat }

// perceptron is the training form: an averaged multi-class perceptron
// with integer weights, sparse over classes. The sums behind the averages
// are brought up to date only when a weight changes, from the time it
// last changed.
type perceptron struct {
	nclass int
	index  map[uint32]int32
	feats  [][]entry
	keys   []uint32
	now    int32 // number of training instances seen
}

type entry struct {
	cls   uint16
	w     int32
	stamp int32
	total int64 // sum of w over instances up to stamp
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{nclass: nclass, index: make(map[uint32]int32)}
}

// ids resolves keys to feature indexes (-1 if unknown) into ids.
func (p *perceptron) ids(keys []uint32, ids []int32) []int32 {
	ids = ids[:0]
	for _, k := range keys {
		i, ok := p.index[k]
		if !ok {
			i = -1
		}
		ids = append(ids, i)
	}
	return ids
}

func (p *perceptron) score(ids []int32, scores []int32) {
	clear(scores)
	for _, i := range ids {
		if i < 0 {
			continue
		}
		for _, e := range p.feats[i] {
			scores[e.cls] += e.w
		}
	}
}

// update adds delta to class c of every feature; ids[j] is filled in for
// features that were unknown.
func (p *perceptron) update(keys []uint32, ids []int32, c int, delta int32) {
	for j, i := range ids {
		if i < 0 {
			if i2, ok := p.index[keys[j]]; ok {
				i = i2 // the same key twice in one configuration
			} else {
				i = int32(len(p.feats))
				p.index[keys[j]] = i
				p.feats = append(p.feats, nil)
				p.keys = append(p.keys, keys[j])
			}
			ids[j] = i
		}
		es := p.feats[i]
		k := -1
		for x := range es {
			if int(es[x].cls) == c {
				k = x
				break
			}
		}
		if k < 0 {
			es = append(es, entry{cls: uint16(c), stamp: p.now})
			p.feats[i] = es
			k = len(es) - 1
		}
		e := &es[k]
		e.total += int64(p.now-e.stamp) * int64(e.w)
		e.stamp = p.now
		e.w += delta
	}
}

// averaged returns the averaged weights quantized to int16 with one
// scale per feature (maxabs/32767). Weights below minAbs and those that
// round to zero are dropped, and so are features left empty.
func (p *perceptron) averaged(minAbs float64) *weights {
	now := float64(max(p.now, 1))
	feats := make([]featureWeights, 0, len(p.feats))
	avg := make([]float64, 0, p.nclass)
	for i, es := range p.feats {
		avg = avg[:0]
		maxAbs := 0.0
		for _, e := range es {
			a := float64(e.total+int64(p.now-e.stamp)*int64(e.w)) / now
			avg = append(avg, a)
			maxAbs = max(maxAbs, math.Abs(a))
		}
		if maxAbs == 0 || maxAbs < minAbs {
			continue
		}
		scale := float32(maxAbs / 32767)
		f := featureWeights{key: p.keys[i], scale: scale}
		for j, a := range avg {
			if math.Abs(a) < minAbs {
				continue
			}
			q := math.Round(a / float64(scale))
			if q == 0 {
				continue
			}
			f.cls = append(f.cls, es[j].cls)
			f.q = append(f.q, int16(max(-32767, min(32767, q))))
		}
		if len(f.cls) > 0 {
			feats = append(feats, f)
		}
	}
	return buildWeights(p.nclass, feats)
}
