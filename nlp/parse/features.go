package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// featureVersion names the feature templates and hashing below; a model
// trained with other templates is rejected on load. Change it whenever a
// template, a code or the hash changes.
const featureVersion = 1

// Codes of the absent node and of the artificial root.
var (
	codeNone = hashString("\x00none")
	codeRoot = hashString("\x00root")
)

// sentence holds the per-node codes features are made of; index n is the
// root. Slices are reused between sentences.
type sentence struct {
	w, p, u, suf []uint64 // normalized form, XPOS, UPOS, 3-letter suffix
}

func (c *sentence) load(words []Word) {
	n := len(words)
	c.w = grow64(c.w, n+1)
	c.p = grow64(c.p, n+1)
	c.u = grow64(c.u, n+1)
	c.suf = grow64(c.suf, n+1)
	for i, wd := range words {
		f := normForm(wd.Form)
		c.w[i] = hashString(f)
		c.p[i] = hashString("x" + wd.XPOS)
		c.u[i] = hashString("u" + wd.UPOS)
		c.suf[i] = hashString("s" + suffix(f, 3))
	}
	c.w[n], c.p[n], c.u[n], c.suf[n] = codeRoot, codeRoot, codeRoot, codeRoot
}

func grow64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

// normForm lower-cases a form and maps digits to 0 so that numbers share
// statistics.
func normForm(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return unicode.ToLower(r)
	}, s)
}

func suffix(s string, k int) string {
	n := 0
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n++
		if n == k {
			return s[i:]
		}
	}
	return s
}

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func mix(h, v uint64) uint64 {
	h ^= v
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	return h
}

// key finalizes a feature hash to the 32-bit key the weights are stored
// under; 0 is reserved for empty table slots.
func key(h uint64) uint32 {
	h *= 0x94d049bb133111eb
	h ^= h >> 29
	k := uint32(h >> 32)
	if k == 0 {
		k = 1
	}
	return k
}

func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

// maxFeatures bounds the number of features of one configuration.
const maxFeatures = 128

// extract appends the feature keys of configuration s to out. The
// templates follow Zhang and Nivre (2011), moved to arc-hybrid: the
// decisions are about s0 and b0 (LEFT) and s1 and s0 (RIGHT), so pairs,
// distances and dependents are taken for both pairs; stack words have no
// heads in arc-hybrid, so the head features become features of s1 and s2.
func (c *sentence) extract(s *state, out []uint32) []uint32 {
	s0, s1, s2 := s.s(0), s.s(1), s.s(2)
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)

	w := func(i int) uint64 {
		if i < 0 {
			return codeNone
		}
		return c.w[i]
	}
	p := func(i int) uint64 {
		if i < 0 {
			return codeNone
		}
		return c.p[i]
	}
	u := func(i int) uint64 {
		if i < 0 {
			return codeNone
		}
		return c.u[i]
	}
	lab := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.label[i]) + 2
	}
	child := func(x int, side []int32) int {
		if x < 0 {
			return -1
		}
		return int(side[x])
	}
	val := func(x int, v []uint8) uint64 {
		if x < 0 {
			return 255
		}
		return uint64(v[x])
	}
	set := func(x int, v []uint64) uint64 {
		if x < 0 {
			return 1
		}
		return v[x]
	}

	t := uint64(0)
	f1 := func(a uint64) {
		t++
		out = append(out, key(mix(t*0x9e3779b97f4a7c15, a)))
	}
	f2 := func(a, b uint64) {
		t++
		out = append(out, key(mix(mix(t*0x9e3779b97f4a7c15, a), b)))
	}
	f3 := func(a, b, c uint64) {
		t++
		out = append(out, key(mix(mix(mix(t*0x9e3779b97f4a7c15, a), b), c)))
	}
	f4 := func(a, b, c, d uint64) {
		t++
		out = append(out, key(mix(mix(mix(mix(t*0x9e3779b97f4a7c15, a), b), c), d)))
	}

	s0w, s0p, s1w, s1p, s2w, s2p := w(s0), p(s0), w(s1), p(s1), w(s2), p(s2)
	b0w, b0p, b1w, b1p, b2w, b2p := w(b0), p(b0), w(b1), p(b1), w(b2), p(b2)

	f1(1) // bias
	// Single words.
	f2(s0w, s0p)
	f1(s0w)
	f1(s0p)
	f2(b0w, b0p)
	f1(b0w)
	f1(b0p)
	f2(b1w, b1p)
	f1(b1w)
	f1(b1p)
	f2(b2w, b2p)
	f1(b2w)
	f1(b2p)
	f2(s1w, s1p)
	f1(s1w)
	f1(s1p)
	f1(s2w)
	f1(s2p)
	f1(u(s0))
	f1(u(b0))
	f1(u(s1))
	f1(u(b1))
	f2(u(s0), u(b0))
	f2(u(s1), u(s0))
	f1(c.sufOf(s0))
	f1(c.sufOf(b0))
	f2(c.sufOf(b0), b0p)

	// Pairs s0–b0 and s1–s0.
	f4(s0w, s0p, b0w, b0p)
	f3(s0w, s0p, b0w)
	f3(s0w, b0w, b0p)
	f3(s0w, s0p, b0p)
	f3(s0p, b0w, b0p)
	f2(s0w, b0w)
	f2(s0p, b0p)
	f2(b0p, b1p)
	f4(s1w, s1p, s0w, s0p)
	f3(s1w, s1p, s0w)
	f3(s1w, s0w, s0p)
	f3(s1w, s1p, s0p)
	f3(s1p, s0w, s0p)
	f2(s1w, s0w)
	f2(s1p, s0p)
	f2(s1p, b0p)
	f2(s0w, b1w)

	// Children.
	s0l1, s0l2 := child(s0, s.l1), child(s0, s.l2)
	s0r1, s0r2 := child(s0, s.r1), child(s0, s.r2)
	b0l1, b0l2 := child(b0, s.l1), child(b0, s.l2)
	s1l1 := child(s1, s.l1)
	s1r1, s1r2 := child(s1, s.r1), child(s1, s.r2)

	// Three words.
	f3(b0p, b1p, b2p)
	f3(s0p, b0p, b1p)
	f3(s1p, s0p, b0p)
	f3(s2p, s1p, s0p)
	f3(s1p, s0p, b1p)
	f3(s0p, p(s0l1), b0p)
	f3(s0p, p(s0r1), b0p)
	f3(s0p, b0p, p(b0l1))
	f3(s1p, p(s1r1), s0p)
	f3(s1p, s0p, p(s0l1))
	f3(s1p, s0p, p(s0r1))
	f3(s1p, p(s1l1), s0p)

	// Distance.
	d0 := dist(s0, b0)
	d1 := dist(s1, s0)
	f2(s0w, d0)
	f2(s0p, d0)
	f2(b0w, d0)
	f2(b0p, d0)
	f3(s0w, b0w, d0)
	f3(s0p, b0p, d0)
	f2(s1w, d1)
	f2(s1p, d1)
	f2(s0w, d1)
	f2(s0p, d1)
	f3(s1w, s0w, d1)
	f3(s1p, s0p, d1)

	// Valency.
	f2(s0w, val(s0, s.nr))
	f2(s0p, val(s0, s.nr))
	f2(s0w, val(s0, s.nl))
	f2(s0p, val(s0, s.nl))
	f2(b0w, val(b0, s.nl))
	f2(b0p, val(b0, s.nl))
	f2(s1w, val(s1, s.nr))
	f2(s1p, val(s1, s.nr))
	f2(s1p, val(s1, s.nl))

	// Dependents: words, tags, labels.
	f1(w(s0l1))
	f1(p(s0l1))
	f1(lab(s0l1))
	f1(w(s0r1))
	f1(p(s0r1))
	f1(lab(s0r1))
	f1(w(b0l1))
	f1(p(b0l1))
	f1(lab(b0l1))
	f1(w(s1r1))
	f1(p(s1r1))
	f1(lab(s1r1))
	f1(lab(s1l1))
	f2(s0p, lab(s0l1))
	f2(s0p, lab(s0r1))
	f2(b0p, lab(b0l1))
	f2(s1p, lab(s1r1))

	// Third order.
	f1(w(s0l2))
	f1(p(s0l2))
	f1(lab(s0l2))
	f1(w(s0r2))
	f1(p(s0r2))
	f1(lab(s0r2))
	f1(w(b0l2))
	f1(p(b0l2))
	f1(lab(b0l2))
	f1(p(s1r2))
	f1(lab(s1r2))
	f3(s0p, p(s0l1), p(s0l2))
	f3(s0p, p(s0r1), p(s0r2))
	f3(b0p, p(b0l1), p(b0l2))
	f3(s1p, p(s1r1), p(s1r2))
	f3(s0p, lab(s0l1), lab(s0l2))
	f3(s0p, lab(s0r1), lab(s0r2))
	f3(b0p, lab(b0l1), lab(b0l2))

	// Label sets.
	f2(s0w, set(s0, s.rset))
	f2(s0p, set(s0, s.rset))
	f2(s0w, set(s0, s.lset))
	f2(s0p, set(s0, s.lset))
	f2(b0w, set(b0, s.lset))
	f2(b0p, set(b0, s.lset))
	f2(s1p, set(s1, s.rset))
	f2(s1p, set(s1, s.lset))
	return out
}

func (c *sentence) sufOf(i int) uint64 {
	if i < 0 {
		return codeNone
	}
	return c.suf[i]
}
