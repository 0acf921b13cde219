package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) with the artificial root at the end of the buffer
// (Ballesteros and Nivre 2013). Words are 0..n-1 and the root is n.
//
//	SHIFT    move b0 onto the stack (b0 is not the root)
//	LEFT-l   s0 ← b0 with relation l, pop s0
//	RIGHT-l  s1 → s0 with relation l, pop s0
//
// LEFT onto the root is allowed only when s0 is the last word on the stack
// and only with the relation "root"; the root never takes another relation
// and no other head takes "root". With those constraints every transition
// sequence ends in a tree with exactly one word attached to the root.

// Class numbering: 0 is SHIFT, 1+2l is LEFT with label l, 2+2l is RIGHT
// with label l. Label 0 is always "root".
const (
	shift     = 0
	rootLabel = 0
)

func leftClass(l int) int  { return 1 + 2*l }
func rightClass(l int) int { return 2 + 2*l }

// state is a parser configuration. All slices have room for n+1 nodes
// (the words and the root) and are reused between sentences.
type state struct {
	n     int
	b     int // front of the buffer; the buffer is b..n
	stack []int32
	head  []int32
	label []int16
	// l1, l2 are the leftmost and second leftmost dependents, r1, r2 the
	// rightmost ones (-1 when absent). In arc-hybrid a node gets its left
	// dependents nearest first and its right ones nearest first too, so the
	// newest dependent on either side is always the outermost one.
	l1, l2, r1, r2 []int32
	nl, nr         []uint8
	lset, rset     []uint64 // label sets, one bit per label (mod 64)
}

func (s *state) reset(n int) {
	s.n = n
	s.b = 0
	s.stack = s.stack[:0]
	s.head = grow32(s.head, n+1)
	s.l1 = grow32(s.l1, n+1)
	s.l2 = grow32(s.l2, n+1)
	s.r1 = grow32(s.r1, n+1)
	s.r2 = grow32(s.r2, n+1)
	if cap(s.label) < n+1 {
		s.label = make([]int16, n+1)
		s.nl = make([]uint8, n+1)
		s.nr = make([]uint8, n+1)
		s.lset = make([]uint64, n+1)
		s.rset = make([]uint64, n+1)
	}
	s.label = s.label[:n+1]
	s.nl = s.nl[:n+1]
	s.nr = s.nr[:n+1]
	s.lset = s.lset[:n+1]
	s.rset = s.rset[:n+1]
	for i := 0; i <= n; i++ {
		s.head[i], s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1, -1
		s.label[i] = -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func (s *state) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

// s returns the i-th stack item from the top, or -1.
func (s *state) s(i int) int {
	if i < len(s.stack) {
		return int(s.stack[len(s.stack)-1-i])
	}
	return -1
}

// buf returns the i-th buffer item (the root counts as the last one), or -1.
func (s *state) buf(i int) int {
	if s.b+i <= s.n {
		return s.b + i
	}
	return -1
}

// legal reports which transition kinds are allowed: shift, left with an
// ordinary label, left onto the root, right.
func (s *state) legal() (sh, left, leftRoot, right bool) {
	k := len(s.stack)
	sh = s.b < s.n
	left = k >= 1 && s.b < s.n
	leftRoot = k == 1 && s.b == s.n
	right = k >= 2
	return
}

func (s *state) attach(h, d, l int) {
	s.head[d] = int32(h)
	s.label[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.l2[h] = s.l1[h]
		s.l1[h] = int32(d)
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= bit
	} else {
		s.r2[h] = s.r1[h]
		s.r1[h] = int32(d)
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rset[h] |= bit
	}
}

// apply performs transition c, which must be legal.
func (s *state) apply(c int) {
	switch {
	case c == shift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case c%2 == 1:
		s0 := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b, int(s0), (c-1)/2)
	default:
		k := len(s.stack)
		s0, s1 := s.stack[k-1], s.stack[k-2]
		s.stack = s.stack[:k-1]
		s.attach(int(s1), int(s0), (c-2)/2)
	}
}

// costs returns, for the dynamic oracle of Goldberg and Nivre (2013), the
// number of gold arcs each unlabelled transition kind makes unreachable,
// given gold heads gh (the root word's head is n). Arcs already lost are
// not counted, so costs can be compared between transitions. Label costs
// are added by the caller. The oracle is exact for projective gold trees.
func (s *state) costs(gh []int32) (cShift, cLeft, cRight int) {
	n := s.n
	k := len(s.stack)
	if s.b < n {
		b0 := int32(s.b)
		// SHIFT: b0 can no longer take a head in the stack below s0, nor
		// dependents from the stack; nor the root once something is below.
		g := gh[b0]
		if g == int32(n) {
			if k > 0 {
				cShift++
			}
		} else {
			for i := 0; i < k-1; i++ {
				if s.stack[i] == g {
					cShift++
					break
				}
			}
		}
		for i := 0; i < k; i++ {
			if gh[s.stack[i]] == b0 {
				cShift++
			}
		}
	}
	if k == 0 {
		return
	}
	s0 := s.stack[k-1]
	// Popping s0 (LEFT or RIGHT) loses its dependents in the buffer.
	deps := 0
	for d := s.b; d < n; d++ {
		if gh[d] == s0 {
			deps++
		}
	}
	cLeft, cRight = deps, deps
	g := gh[s0]
	// The root is reachable as s0's head only from the bottom of the stack.
	rootOK := g == int32(n) && k == 1
	// LEFT: s0 loses a head at s1 or deeper in the buffer than b0.
	if k >= 2 && g == s.stack[k-2] {
		cLeft++
	}
	if int(g) > s.b && (int(g) < n || rootOK) {
		cLeft++
	}
	// RIGHT: s0 loses a head in the buffer.
	if int(g) >= s.b && int(g) < n {
		cRight++
	}
	return
}
