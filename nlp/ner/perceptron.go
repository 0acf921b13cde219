package ner

import (
	"math"
	"strings"
)

// The sequence model is a structured averaged perceptron over BILOU tags
// with first-order tag transitions and Viterbi decoding; transitions that
// BILOU forbids (O→I-X, B-X→O, B-X→B-Y, …) are never taken.

// tagSet is the BILOU tag inventory for a list of labels: tag 0 is O,
// then B, I, L, U for each label in order.
type tagSet struct {
	labels []string
	valid  []bool // ntags*ntags, valid[prev*n+cur]
	start  []bool // valid first tags
	end    []bool // valid last tags
}

const (
	pB = iota
	pI
	pL
	pU
)

func newTagSet(labels []string) *tagSet {
	ts := &tagSet{labels: labels}
	n := ts.n()
	ts.valid = make([]bool, n*n)
	ts.start = make([]bool, n)
	ts.end = make([]bool, n)
	for cur := 0; cur < n; cur++ {
		lc, pc := ts.split(cur)
		ts.start[cur] = cur == 0 || pc == pB || pc == pU
		ts.end[cur] = cur == 0 || pc == pL || pc == pU
		for prev := 0; prev < n; prev++ {
			lp, pp := ts.split(prev)
			inside := prev != 0 && (pp == pB || pp == pI)
			var ok bool
			if inside {
				ok = cur != 0 && lc == lp && (pc == pI || pc == pL)
			} else {
				ok = cur == 0 || pc == pB || pc == pU
			}
			ts.valid[prev*n+cur] = ok
		}
	}
	return ts
}

func (ts *tagSet) n() int { return 1 + 4*len(ts.labels) }

// split returns the label index and position (pB…pU) of tag t > 0.
func (ts *tagSet) split(t int) (int, int) {
	if t == 0 {
		return -1, -1
	}
	return (t - 1) / 4, (t - 1) % 4
}

func (ts *tagSet) tag(label, pos int) int { return 1 + label*4 + pos }

func (ts *tagSet) labelIndex(l string) int {
	for i, x := range ts.labels {
		if x == l {
			return i
		}
	}
	return -1
}

// encode turns entity spans into allowed-tag sets per token: a single tag
// inside known spans and outside any span, every tag inside unsure spans.
func (ts *tagSet) encode(n int, ents, unsure []GoldEntity) [][]bool {
	nt := ts.n()
	allowed := make([][]bool, n)
	for i := range allowed {
		allowed[i] = make([]bool, nt)
		allowed[i][0] = true
	}
	for _, e := range ents {
		li := ts.labelIndex(e.Label)
		if li < 0 || e.Start < 0 || e.End > n || e.Start >= e.End {
			continue
		}
		for i := e.Start; i < e.End; i++ {
			p := pI
			switch {
			case e.End-e.Start == 1:
				p = pU
			case i == e.Start:
				p = pB
			case i == e.End-1:
				p = pL
			}
			for t := range allowed[i] {
				allowed[i][t] = false
			}
			allowed[i][ts.tag(li, p)] = true
		}
	}
	for _, e := range unsure {
		for i := max(e.Start, 0); i < e.End && i < n; i++ {
			for t := range allowed[i] {
				allowed[i][t] = true
			}
		}
	}
	return allowed
}

// decode turns a tag sequence into spans.
func (ts *tagSet) decode(tags []int) []GoldEntity {
	var out []GoldEntity
	start := -1
	for i, t := range tags {
		if t == 0 {
			start = -1
			continue
		}
		l, p := ts.split(t)
		switch p {
		case pU:
			out = append(out, GoldEntity{Start: i, End: i + 1, Label: ts.labels[l]})
			start = -1
		case pB:
			start = i
		case pL:
			if start >= 0 {
				out = append(out, GoldEntity{Start: start, End: i + 1, Label: ts.labels[l]})
			}
			start = -1
		}
	}
	return out
}

// viterbi finds the best valid tag sequence for emission scores em
// (len(em) tokens × n tags) and transition scores trans (n×n), limited
// to allowed tags when allowed is not nil.
func (ts *tagSet) viterbi(em [][]float32, trans []float32, allowed [][]bool) []int {
	n := ts.n()
	T := len(em)
	if T == 0 {
		return nil
	}
	negInf := float32(math.Inf(-1))
	score := make([]float32, T*n)
	back := make([]int32, T*n)
	for t := 0; t < n; t++ {
		if !ts.start[t] || (allowed != nil && !allowed[0][t]) {
			score[t] = negInf
			continue
		}
		score[t] = em[0][t]
	}
	for i := 1; i < T; i++ {
		for cur := 0; cur < n; cur++ {
			best, arg := negInf, int32(-1)
			if allowed == nil || allowed[i][cur] {
				for prev := 0; prev < n; prev++ {
					if !ts.valid[prev*n+cur] {
						continue
					}
					s := score[(i-1)*n+prev]
					if s == negInf {
						continue
					}
					s += trans[prev*n+cur]
					if s > best {
						best, arg = s, int32(prev)
					}
				}
			}
			if arg < 0 {
				score[i*n+cur] = negInf
			} else {
				score[i*n+cur] = best + em[i][cur]
			}
			back[i*n+cur] = arg
		}
	}
	best, arg := negInf, -1
	for t := 0; t < n; t++ {
		if ts.end[t] && score[(T-1)*n+t] > best {
			best, arg = score[(T-1)*n+t], t
		}
	}
	out := make([]int, T)
	if arg < 0 {
		// Constraints admit no path (conflicting gold): fall back to O.
		return out
	}
	for i := T - 1; i >= 0; i-- {
		out[i] = arg
		if i > 0 {
			arg = int(back[i*n+arg])
		}
	}
	return out
}

// labelsString joins labels for the model header.
func labelsString(ls []string) string { return strings.Join(ls, ",") }

// trainer holds dense weights while training.
type trainer struct {
	ts    *tagSet
	rows  map[uint32]int32
	w, u  []float32 // weights and their time-weighted update sums
	tw    []float32 // transitions
	tu    []float32
	count float32 // number of examples seen, for averaging
}

func newTrainer(ts *tagSet, rows map[uint32]int32) *trainer {
	n := ts.n()
	return &trainer{
		ts: ts, rows: rows,
		w: make([]float32, len(rows)*n), u: make([]float32, len(rows)*n),
		tw: make([]float32, n*n), tu: make([]float32, n*n),
		count: 1,
	}
}

// emissions scores every tag of every token from its feature rows.
func emissions(rowsOf [][]int32, n int, w func(row int32) []float32) [][]float32 {
	em := make([][]float32, len(rowsOf))
	buf := make([]float32, len(rowsOf)*n)
	for i, rs := range rowsOf {
		e := buf[i*n : (i+1)*n]
		for _, r := range rs {
			for t, x := range w(r) {
				e[t] += x
			}
		}
		em[i] = e
	}
	return em
}

// step trains on one sentence and reports whether the prediction was
// wrong.
func (tr *trainer) step(rowsOf [][]int32, allowed [][]bool, weight float32) bool {
	n := tr.ts.n()
	em := emissions(rowsOf, n, func(r int32) []float32 { return tr.w[int(r)*n : int(r+1)*n] })
	pred := tr.ts.viterbi(em, tr.tw, nil)
	gold := tr.ts.viterbi(em, tr.tw, allowed)
	wrong := false
	upd := func(w, u []float32, i int, d float32) {
		w[i] += d
		u[i] += tr.count * d
	}
	for i := range pred {
		if pred[i] != gold[i] {
			wrong = true
			for _, r := range rowsOf[i] {
				upd(tr.w, tr.u, int(r)*n+gold[i], weight)
				upd(tr.w, tr.u, int(r)*n+pred[i], -weight)
			}
		}
		if i > 0 && (pred[i] != gold[i] || pred[i-1] != gold[i-1]) {
			upd(tr.tw, tr.tu, gold[i-1]*n+gold[i], weight)
			upd(tr.tw, tr.tu, pred[i-1]*n+pred[i], -weight)
		}
	}
	tr.count++
	return wrong
}

// averaged returns the averaged weights.
func (tr *trainer) averaged() (w, tw []float32) {
	w = make([]float32, len(tr.w))
	for i := range w {
		w[i] = tr.w[i] - tr.u[i]/tr.count
	}
	tw = make([]float32, len(tr.tw))
	for i := range tw {
		tw[i] = tr.tw[i] - tr.tu[i]/tr.count
	}
	return w, tw
}
