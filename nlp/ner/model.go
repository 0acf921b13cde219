package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sort"
	"strings"
)

// Model file format (gzipped):
//
//	magic "CCNER\x00" | format uint16 LE
//	uvarint-prefixed strings: version, comma-joined labels
//	float32 LE emission scale, float32 LE transition scale
//	uvarint row count; per row, sorted by feature hash: uvarint hash
//	  delta, uvarint count, then count × (tag byte, zig-zag varint int16)
//	n×n zig-zag varint int16 transitions
//	uint32 LE CRC-32 (IEEE) of everything before it
//
// Weights are quantised to 16 bits; a weight that rounds to 0 is dropped.

const (
	modelMagic = "CCNER\x00"
	// modelFormat 2 added the capitalised-run and document-context
	// features (fChunkFirst … fDocLast): a format 1 model would load but
	// score the new features with no weights.
	modelFormat = 2
)

// ErrCorruptModel is returned for model data that fails to decode or
// whose checksum does not match.
var ErrCorruptModel = errors.New("corrupt NER model")

// weights is the sparse, read-only form of a trained sequence model.
type weights struct {
	version string
	ts      *tagSet
	rows    map[uint32]int32
	start   []int32 // row r's weights are tags/vals[start[r]:start[r+1]]
	tags    []uint8
	vals    []float32
	trans   []float32
}

// emissions returns per-token tag scores for hashed features.
func (w *weights) emissions(feats [][]uint32) [][]float32 {
	n := w.ts.n()
	em := make([][]float32, len(feats))
	buf := make([]float32, len(feats)*n)
	for i, fs := range feats {
		e := buf[i*n : (i+1)*n]
		for _, f := range fs {
			r, ok := w.rows[f]
			if !ok {
				continue
			}
			for k := w.start[r]; k < w.start[r+1]; k++ {
				e[w.tags[k]] += w.vals[k]
			}
		}
		em[i] = e
	}
	return em
}

// sparseWeights converts dense trained weights into the sparse form,
// quantising them as the file format does so that a model behaves the
// same before and after saving.
func sparseWeights(version string, ts *tagSet, rows map[uint32]int32, dense, trans []float32) *weights {
	n := ts.n()
	scale := quantScale(dense)
	tscale := quantScale(trans)
	hashes := make([]uint32, 0, len(rows))
	for h := range rows {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	w := &weights{version: version, ts: ts, rows: make(map[uint32]int32, len(rows)), start: []int32{0}}
	for _, h := range hashes {
		r := rows[h]
		nz := 0
		for t := 0; t < n; t++ {
			q := quant(dense[int(r)*n+t], scale)
			if q == 0 {
				continue
			}
			w.tags = append(w.tags, uint8(t))
			w.vals = append(w.vals, float32(q)*scale)
			nz++
		}
		if nz == 0 {
			continue
		}
		w.rows[h] = int32(len(w.start) - 1)
		w.start = append(w.start, int32(len(w.tags)))
	}
	w.trans = make([]float32, len(trans))
	for i, x := range trans {
		w.trans[i] = float32(quant(x, tscale)) * tscale
	}
	return w
}

func quantScale(xs []float32) float32 {
	var m float32
	for _, x := range xs {
		if a := float32(math.Abs(float64(x))); a > m {
			m = a
		}
	}
	if m == 0 {
		return 1
	}
	return m / 32767
}

func quant(x, scale float32) int16 {
	q := math.Round(float64(x / scale))
	return int16(max(min(q, 32767), -32767))
}

// save writes the model in the gzipped binary format.
func (w *weights) save(out io.Writer) error {
	var b bytes.Buffer
	b.WriteString(modelMagic)
	_ = binary.Write(&b, binary.LittleEndian, uint16(modelFormat))
	putString(&b, w.version)
	putString(&b, labelsString(w.ts.labels))
	n := w.ts.n()
	scale := maxAbs(w.vals) / 32767
	if scale == 0 {
		scale = 1
	}
	tscale := maxAbs(w.trans) / 32767
	if tscale == 0 {
		tscale = 1
	}
	_ = binary.Write(&b, binary.LittleEndian, scale)
	_ = binary.Write(&b, binary.LittleEndian, tscale)
	hashes := make([]uint32, 0, len(w.rows))
	for h := range w.rows {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	putUvarint(&b, uint64(len(hashes)))
	var prev uint32
	for _, h := range hashes {
		putUvarint(&b, uint64(h-prev))
		prev = h
		r := w.rows[h]
		s, e := w.start[r], w.start[r+1]
		putUvarint(&b, uint64(e-s))
		for k := s; k < e; k++ {
			b.WriteByte(w.tags[k])
			putVarint(&b, int64(quant(w.vals[k], scale)))
		}
	}
	if len(w.trans) != n*n {
		return fmt.Errorf("save model: %d transitions, want %d", len(w.trans), n*n)
	}
	for _, x := range w.trans {
		putVarint(&b, int64(quant(x, tscale)))
	}
	_ = binary.Write(&b, binary.LittleEndian, crc32.ChecksumIEEE(b.Bytes()))
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

func maxAbs(xs []float32) float32 {
	var m float32
	for _, x := range xs {
		if a := float32(math.Abs(float64(x))); a > m {
			m = a
		}
	}
	return m
}

func putString(b *bytes.Buffer, s string) {
	putUvarint(b, uint64(len(s)))
	b.WriteString(s)
}

func putUvarint(b *bytes.Buffer, x uint64) {
	var buf [binary.MaxVarintLen64]byte
	b.Write(buf[:binary.PutUvarint(buf[:], x)])
}

func putVarint(b *bytes.Buffer, x int64) {
	var buf [binary.MaxVarintLen64]byte
	b.Write(buf[:binary.PutVarint(buf[:], x)])
}

// maxModelBytes bounds the decompressed model, so that a corrupt or
// hostile file cannot exhaust memory.
const maxModelBytes = 256 << 20

// loadWeights decodes a gzipped model. Every failure wraps
// ErrCorruptModel.
func loadWeights(r io.Reader) (*weights, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptModel, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptModel, err)
	}
	if len(data) > maxModelBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrCorruptModel, maxModelBytes)
	}
	if len(data) < len(modelMagic)+6 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, fmt.Errorf("%w: bad magic", ErrCorruptModel)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorruptModel)
	}
	w, err := decodeWeights(bufio.NewReader(bytes.NewReader(body[len(modelMagic):])))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptModel, err)
	}
	return w, nil
}

func decodeWeights(r *bufio.Reader) (*weights, error) {
	var format uint16
	if err := binary.Read(r, binary.LittleEndian, &format); err != nil {
		return nil, err
	}
	if format != modelFormat {
		return nil, fmt.Errorf("format %d, want %d", format, modelFormat)
	}
	version, err := getString(r)
	if err != nil {
		return nil, err
	}
	ls, err := getString(r)
	if err != nil {
		return nil, err
	}
	labels := strings.Split(ls, ",")
	if ls == "" || len(labels) > 60 {
		return nil, fmt.Errorf("bad label list %q", ls)
	}
	ts := newTagSet(labels)
	n := ts.n()
	var scale, tscale float32
	if err := binary.Read(r, binary.LittleEndian, &scale); err != nil {
		return nil, err
	}
	if err := binary.Read(r, binary.LittleEndian, &tscale); err != nil {
		return nil, err
	}
	nrows, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if nrows > maxModelBytes/2 {
		return nil, fmt.Errorf("%d rows", nrows)
	}
	w := &weights{version: version, ts: ts, rows: make(map[uint32]int32, nrows), start: make([]int32, 1, nrows+1)}
	var h uint64
	for i := uint64(0); i < nrows; i++ {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		h += d
		if h > math.MaxUint32 {
			return nil, fmt.Errorf("feature hash overflow")
		}
		cnt, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if cnt > uint64(n) {
			return nil, fmt.Errorf("row with %d weights", cnt)
		}
		for k := uint64(0); k < cnt; k++ {
			t, err := r.ReadByte()
			if err != nil {
				return nil, err
			}
			if int(t) >= n {
				return nil, fmt.Errorf("tag %d out of range", t)
			}
			v, err := binary.ReadVarint(r)
			if err != nil {
				return nil, err
			}
			w.tags = append(w.tags, t)
			w.vals = append(w.vals, float32(v)*scale)
		}
		w.rows[uint32(h)] = int32(i)
		w.start = append(w.start, int32(len(w.tags)))
	}
	w.trans = make([]float32, n*n)
	for i := range w.trans {
		v, err := binary.ReadVarint(r)
		if err != nil {
			return nil, err
		}
		w.trans[i] = float32(v) * tscale
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("trailing data")
	}
	return w, nil
}

func getString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	if n > 1<<16 {
		return "", fmt.Errorf("string of %d bytes", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}
