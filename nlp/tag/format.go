package tag

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/crosscheck/crosscheck"
)

// The model file is gzip over this payload (all integers uvarints unless
// said otherwise, strings a length and bytes, sorted string lists
// front-coded: the length of the prefix shared with the previous string,
// then the rest):
//
//	magic "crosscheck/tag\n", format number, version string
//	stage count, then for each stage:
//	  kind string ("xpos", "upos", "joint")
//	  weight scale (float32 bits)
//	  labels: count, strings
//	  tag dictionary: count, sorted forms each followed by a label index
//	  ambiguity classes: count, strings; count, sorted forms each followed by a class index
//	  features: count, sorted names, each followed by its weight count and
//	    (class step, zigzag int16 weight) pairs in class order
//	XPOS+UPOS pairs: count, sorted "XPOS UPOS" strings
//	lemma exceptions: count, sorted "XPOS form" keys each followed by the lemma
//	known lemmas: count, sorted strings
//	SHA-256 of everything above (32 bytes)
const (
	magic        = "crosscheck/tag\n"
	formatNumber = 3
	// maxPayload bounds what Load will decompress, against gzip bombs.
	maxPayload = 256 << 20
	maxStages  = 8
)

// errFormat is wrapped by every error about a malformed model file.
var errFormat = errors.New("malformed tagger model")

// Save writes the model in its compact binary format. The output is
// deterministic: the same model gives the same bytes.
func (m *Model) Save(w io.Writer) error {
	if m == nil || len(m.stages) == 0 || m.lem == nil {
		return fmt.Errorf("save tagger model: %w", crosscheck.Errorf(crosscheck.ErrInvalid, "model not trained"))
	}
	var e encoder
	e.raw([]byte(magic))
	e.uint(formatNumber)
	e.str(m.version)
	e.uint(uint64(len(m.stages)))
	for _, sg := range m.stages {
		if sg.clf == nil {
			return fmt.Errorf("save tagger model: %w", crosscheck.Errorf(crosscheck.ErrInvalid, "stage not trained"))
		}
		if err := e.stage(sg); err != nil {
			return fmt.Errorf("save tagger model: %w", err)
		}
	}
	pairs := sortedKeys(m.pairs)
	e.uint(uint64(len(pairs)))
	e.frontCoded(pairs, nil)
	keys := sortedKeys(m.lem.exc)
	e.uint(uint64(len(keys)))
	e.frontCoded(keys, func(k string) { e.str(m.lem.exc[k]) })
	known := sortedKeys(m.lem.known)
	e.uint(uint64(len(known)))
	e.frontCoded(known, nil)
	sum := sha256.Sum256(e.b)
	e.raw(sum[:])

	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save tagger model: %w", err)
	}
	if _, err := zw.Write(e.b); err != nil {
		return fmt.Errorf("save tagger model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save tagger model: %w", err)
	}
	return nil
}

func (e *encoder) stage(sg *stage) (err error) {
	e.str(sg.kind)
	e.uint(uint64(math.Float32bits(sg.clf.scale)))
	e.uint(uint64(len(sg.labels)))
	for _, l := range sg.labels {
		e.str(l)
	}

	forms := sortedKeys(sg.dict)
	e.uint(uint64(len(forms)))
	e.frontCoded(forms, func(f string) { e.uint(uint64(sg.dict[f])) })

	classIdx := map[string]int{}
	var classes []string
	words := sortedKeys(sg.amb)
	for _, w := range words {
		c := sg.amb[w]
		if _, ok := classIdx[c]; !ok {
			classIdx[c] = len(classes)
			classes = append(classes, c)
		}
	}
	e.uint(uint64(len(classes)))
	for _, c := range classes {
		e.str(c)
	}
	e.uint(uint64(len(words)))
	e.frontCoded(words, func(w string) { e.uint(uint64(classIdx[sg.amb[w]])) })

	c := sg.clf
	if !sort.StringsAreSorted(c.names) {
		if c, err = c.compact(); err != nil {
			return err
		}
	}
	e.uint(uint64(len(c.names)))
	id := 0
	e.frontCoded(c.names, func(string) {
		from, to := c.offs[id], c.offs[id+1]
		id++
		e.uint(uint64(to - from))
		prev := 0
		for j := from; j < to; j++ {
			e.uint(uint64(int(c.ws[j].cls) - prev))
			prev = int(c.ws[j].cls)
			e.int(int64(c.ws[j].w))
		}
	})
	return nil
}

// Load reads a model written by Save. A damaged, truncated or foreign file
// gives an error (wrapping crosscheck.ErrInvalid), never a panic.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	return m, nil
}

func load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, invalid(err)
	}
	payload, err := io.ReadAll(io.LimitReader(zr, maxPayload+1))
	if err != nil {
		return nil, invalid(err)
	}
	if len(payload) > maxPayload {
		return nil, invalid(fmt.Errorf("payload over %d bytes", maxPayload))
	}
	if len(payload) < len(magic)+sha256.Size || !bytes.HasPrefix(payload, []byte(magic)) {
		return nil, invalid(errors.New("not a tagger model"))
	}
	body, sum := payload[:len(payload)-sha256.Size], payload[len(payload)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, invalid(errors.New("checksum mismatch"))
	}
	d := decoder{b: body[len(magic):]}
	if f := d.uint(); f != formatNumber {
		return nil, invalid(fmt.Errorf("format %d, want %d", f, formatNumber))
	}
	m := &Model{version: d.str()}
	ns := d.uint()
	if ns == 0 || ns > maxStages {
		d.fail(fmt.Errorf("%d stages", ns))
	}
	for k := 0; k < int(ns) && d.err == nil; k++ {
		m.stages = append(m.stages, d.stage())
	}
	m.pairs = map[string]struct{}{}
	d.frontCoded(d.count(), func(p string) { m.pairs[p] = struct{}{} })
	m.lem = &lemmatizer{exc: map[string]string{}, known: map[string]struct{}{}}
	d.frontCoded(d.count(), func(k string) { m.lem.exc[k] = d.str() })
	d.frontCoded(d.count(), func(k string) { m.lem.known[k] = struct{}{} })
	if d.err != nil {
		return nil, invalid(d.err)
	}
	if len(d.b) != 0 {
		return nil, invalid(fmt.Errorf("%d bytes after the lemmas", len(d.b)))
	}
	m.prepare()
	return m, nil
}

func (d *decoder) stage() *stage {
	sg := &stage{kind: d.str()}
	switch sg.kind {
	case kindXPOS, kindUPOS, kindJoint:
	default:
		d.fail(fmt.Errorf("stage kind %q", sg.kind))
	}
	scale := math.Float32frombits(uint32(d.uint()))
	nl := d.count()
	if nl == 0 || nl > math.MaxUint16 {
		d.fail(fmt.Errorf("%d labels", nl))
	}
	for range nl {
		sg.labels = append(sg.labels, d.str())
	}
	if d.err != nil {
		return sg
	}

	sg.dict = map[string]uint16{}
	d.frontCoded(d.count(), func(f string) { sg.dict[f] = uint16(d.index(len(sg.labels))) })

	var classes []string
	for n := d.count(); n > 0 && d.err == nil; n-- {
		classes = append(classes, d.str())
	}
	sg.amb = map[string]string{}
	d.frontCoded(d.count(), func(w string) {
		if i := d.index(len(classes)); d.err == nil {
			sg.amb[w] = classes[i]
		}
	})

	nf := d.count()
	c := &classifier{names: make([]string, 0, nf), offs: make([]int32, 1, nf+1), scale: scale}
	d.frontCoded(nf, func(f string) {
		nw := d.count()
		cls := 0
		for k := range nw {
			if d.err != nil {
				return
			}
			step := d.uint()
			if k > 0 && step == 0 || step >= uint64(len(sg.labels)) {
				d.fail(fmt.Errorf("feature %q: class step %d", f, step))
				return
			}
			cls += int(step)
			if cls >= len(sg.labels) {
				d.fail(fmt.Errorf("class %d of %d", cls, len(sg.labels)))
				return
			}
			w := d.int()
			if w < math.MinInt16 || w > math.MaxInt16 {
				d.fail(fmt.Errorf("weight %d", w))
				return
			}
			c.ws = append(c.ws, weight{cls: uint16(cls), w: int16(w)})
		}
		if n := len(c.names); n > 0 && c.names[n-1] >= f {
			d.fail(fmt.Errorf("feature %q out of order", f))
			return
		}
		c.names = append(c.names, f)
		c.offs = append(c.offs, int32(len(c.ws)))
	})
	if d.err == nil {
		var err error
		if c.index, err = indexNames(c.names); err != nil {
			d.fail(err)
		}
	}
	sg.clf = c
	return sg
}

func invalid(err error) error {
	return crosscheck.Errorf(crosscheck.ErrInvalid, "%w: %w", errFormat, err)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// encoder appends the payload.
type encoder struct{ b []byte }

func (e *encoder) raw(p []byte)  { e.b = append(e.b, p...) }
func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }

// frontCoded writes sorted strings as (shared prefix length, rest), each
// followed by whatever after writes.
func (e *encoder) frontCoded(ss []string, after func(string)) {
	prev := ""
	for _, s := range ss {
		n := 0
		for n < len(s) && n < len(prev) && s[n] == prev[n] {
			n++
		}
		e.uint(uint64(n))
		e.str(s[n:])
		if after != nil {
			after(s)
		}
		prev = s
	}
}

// decoder reads the payload; the first error sticks and later reads return
// zero values, so parsing code checks d.err only where it matters.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errors.New("truncated or bad integer"))
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(errors.New("truncated or bad integer"))
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a number of items; each item takes at least one byte, so a
// count above the bytes left is damage (and must not size an allocation).
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.b)) {
		d.fail(fmt.Errorf("count %d with %d bytes left", v, len(d.b)))
		return 0
	}
	return int(v)
}

// index reads an index below n.
func (d *decoder) index(n int) int {
	v := d.uint()
	if v >= uint64(n) {
		d.fail(fmt.Errorf("index %d of %d", v, n))
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.fail(fmt.Errorf("string of %d bytes with %d left", n, len(d.b)))
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// frontCoded reads n front-coded strings, calling each for every one.
func (d *decoder) frontCoded(n int, each func(string)) {
	last := ""
	for range n {
		shared := d.uint()
		rest := d.str()
		if d.err != nil {
			return
		}
		if shared > uint64(len(last)) {
			d.fail(fmt.Errorf("front-coded prefix %d of %q", shared, last))
			return
		}
		s := last[:shared] + rest
		each(s)
		if d.err != nil {
			return
		}
		last = s
	}
}
