package parse

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/crosscheck/crosscheck"
)

// The model file is gzip over:
//
//	magic "CCPARSE\n"
//	uvarint format version, uvarint feature version
//	string model version; uvarint #labels, strings (labels[0] = "root")
//	uvarint #features, then per feature in increasing key order:
//	  uvarint key - previous key, float32 scale (little endian),
//	  uvarint #entries, per entry: uvarint class, int16 weight (LE)
//	SHA-256 of all the bytes above
//
// Strings are a uvarint length and the bytes. A class weight is
// weight*scale.
const (
	magic         = "CCPARSE\n"
	formatVersion = 1
	// maxModelBytes bounds the decompressed size Load accepts.
	maxModelBytes = 1 << 30
)

// Save writes the model in its binary format.
func (m *Model) Save(w io.Writer) error {
	if m == nil || m.w == nil {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "save parser: empty model")
	}
	var b []byte
	b = append(b, magic...)
	b = binary.AppendUvarint(b, formatVersion)
	b = binary.AppendUvarint(b, featureVersion)
	b = appendString(b, m.version)
	b = binary.AppendUvarint(b, uint64(len(m.labels)))
	for _, l := range m.labels {
		b = appendString(b, l)
	}
	feats := m.w.features()
	b = binary.AppendUvarint(b, uint64(len(feats)))
	prev := uint32(0)
	for _, f := range feats {
		b = binary.AppendUvarint(b, uint64(f.key-prev))
		prev = f.key
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f.scale))
		b = binary.AppendUvarint(b, uint64(len(f.cls)))
		for j, c := range f.cls {
			b = binary.AppendUvarint(b, uint64(c))
			b = binary.LittleEndian.AppendUint16(b, uint16(f.q[j]))
		}
	}
	sum := sha256.Sum256(b)
	b = append(b, sum[:]...)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	if _, err := zw.Write(b); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	return nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errCorrupt is wrapped by every error about a malformed model file.
var errCorrupt = errors.New("corrupt model")

// Load reads a model written by Save. A truncated, corrupted or
// incompatible file gives an error of kind crosscheck.ErrInvalid.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "load parser: %w: %w", errCorrupt, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "load parser: %w: %w", errCorrupt, err)
	}
	if len(b) > maxModelBytes {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "load parser: model larger than %d bytes", maxModelBytes)
	}
	m, err := decode(b)
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "load parser: %w", err)
	}
	return m, nil
}

func decode(b []byte) (*Model, error) {
	if len(b) < len(magic)+sha256.Size || string(b[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: not a parser model", errCorrupt)
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, fmt.Errorf("%w: checksum mismatch", errCorrupt)
	}
	d := decoder{b: body[len(magic):]}
	if v := d.uvarint(); v != formatVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", errCorrupt, v, formatVersion)
	}
	if v := d.uvarint(); v != featureVersion {
		return nil, fmt.Errorf("%w: feature version %d, want %d", errCorrupt, v, featureVersion)
	}
	m := &Model{version: d.string()}
	nl := d.count(1)
	if nl < 2 || nl > 32000 {
		return nil, fmt.Errorf("%w: %d relations", errCorrupt, nl)
	}
	m.labels = make([]string, nl)
	for i := range m.labels {
		m.labels[i] = d.string()
	}
	if d.err == nil && m.labels[0] != "root" {
		return nil, fmt.Errorf("%w: first relation %q, want root", errCorrupt, m.labels[0])
	}
	nclass := 1 + 2*nl
	nf := d.count(6) // key, scale and count take at least 6 bytes
	wb := newWeightsBuilder(nclass, nf, len(d.b)/2)
	key := uint64(0)
	for i := 0; i < nf && d.err == nil; i++ {
		delta := d.uvarint()
		if (delta == 0 && i > 0) || key+delta > math.MaxUint32 || key+delta == 0 {
			d.fail("feature keys out of order")
			break
		}
		key += delta
		scale := d.float32()
		if math.IsNaN(float64(scale)) || math.IsInf(float64(scale), 0) || scale <= 0 {
			d.fail("bad weight scale")
			break
		}
		ne := d.count(3)
		if ne > nclass {
			d.fail("too many weights for a feature")
			break
		}
		wb.feature(uint32(key), scale, ne)
		for range ne {
			c := d.uvarint()
			if c >= uint64(nclass) {
				d.fail("class out of range")
				break
			}
			wb.entry(uint16(c), int16(d.uint16()))
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	m.w = wb.finish()
	return m, nil
}

// decoder reads the model body; after the first error every read returns
// zero values and err keeps the error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errCorrupt, msg)
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("truncated")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length whose items take at least minBytes each, and
// rejects lengths the remaining bytes cannot hold.
func (d *decoder) count(minBytes int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64(len(d.b)/minBytes) {
		d.fail("length out of range")
		return 0
	}
	return int(v)
}

func (d *decoder) string() string {
	n := d.count(1)
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) float32() float32 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 4 {
		d.fail("truncated")
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(d.b))
	d.b = d.b[4:]
	return v
}

func (d *decoder) uint16() uint16 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 2 {
		d.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint16(d.b)
	d.b = d.b[2:]
	return v
}
