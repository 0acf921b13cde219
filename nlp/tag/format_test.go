package tag

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// TestSaveLoadRoundTrip saves the embedded model, loads it back and saves
// it again: the bytes must be identical (the format is deterministic) and
// the reloaded model must tag alike.
func TestSaveLoadRoundTrip(t *testing.T) {
	m := defaultModel(t)
	var a bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("save → load → save changed the bytes (%d vs %d)", a.Len(), b.Len())
	}
	if !bytes.Equal(a.Bytes(), embedded) {
		t.Errorf("saving the embedded model does not reproduce it (%d vs %d bytes)", a.Len(), len(embedded))
	}
	for _, s := range benchText {
		x, y := m.Tag(s), m2.Tag(s)
		for i := range x {
			if x[i] != y[i] {
				t.Errorf("%q: %+v after reload, want %+v", s[i], y[i], x[i])
			}
		}
	}
	if err := (&Model{}).Save(io.Discard); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("saving an empty model: %v", err)
	}
}

// payload returns the decompressed embedded model.
func payload(t testing.TB) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	p, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func compress(t testing.TB, p []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	if _, err := zw.Write(p); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// resum replaces the trailing checksum so that damage reaches the parser.
func resum(p []byte) []byte {
	if len(p) < sha256.Size {
		return p
	}
	body := p[:len(p)-sha256.Size]
	sum := sha256.Sum256(body)
	return append(append([]byte(nil), body...), sum[:]...)
}

// TestLoadCorrupt damages the model file in many ways; every one must give
// an ErrInvalid error, never a panic or a model.
func TestLoadCorrupt(t *testing.T) {
	p := payload(t)
	mustFail := func(name string, b []byte) {
		t.Helper()
		m, err := Load(bytes.NewReader(b))
		if err == nil || m != nil {
			t.Errorf("%s: loaded without error", name)
			return
		}
		if !errors.Is(err, crosscheck.ErrInvalid) || !errors.Is(err, errFormat) {
			t.Errorf("%s: error %v is not ErrInvalid", name, err)
		}
	}
	mustFail("empty", nil)
	mustFail("not gzip", []byte("hello, world"))
	mustFail("foreign gzip", compress(t, []byte("not a model at all, but long enough to hold a checksum.")))
	// Flipped bytes in the compressed file: gzip's CRC or the checksum
	// catches them.
	for _, off := range []int{10, 100, len(embedded) / 2, len(embedded) - 9} {
		b := append([]byte(nil), embedded...)
		b[off] ^= 0x5a
		mustFail("flipped compressed byte", b)
	}
	for _, n := range []int{1, 18, len(embedded) / 2} {
		mustFail("truncated file", embedded[:n])
	}
	// Flipped bytes in the payload behind a valid gzip stream: the
	// checksum catches them.
	for _, off := range []int{len(magic), len(magic) + 5, len(p) - 1} {
		b := append([]byte(nil), p...)
		b[off] ^= 0x01
		mustFail("flipped payload byte", compress(t, b))
	}
	// Damage with a recomputed checksum reaches the parser, which must
	// reject it without panicking.
	for _, n := range []int{len(magic) + sha256.Size, len(magic) + 40, len(p) / 3, len(p) - sha256.Size - 1} {
		mustFail("truncated payload, valid checksum", compress(t, resum(append(append([]byte(nil), p[:n]...), make([]byte, sha256.Size)...))))
	}
	for _, off := range []int{len(magic), len(magic) + 1, len(magic) + 30, 200, 1000} {
		b := append([]byte(nil), p...)
		b[off] = 0xff
		if m, err := Load(bytes.NewReader(compress(t, resum(b)))); err == nil {
			// A changed byte inside a string can still parse; the model
			// must then at least be usable.
			m.Tag([]string{"a", "test"})
		} else if !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("byte %d: error %v is not ErrInvalid", off, err)
		}
	}
	extra := append(append([]byte(nil), p[:len(p)-sha256.Size]...), 0)
	mustFail("trailing byte", compress(t, resum(append(extra, make([]byte, sha256.Size)...))))
}

// FuzzLoad feeds arbitrary payloads (with a valid gzip stream and
// checksum, so they reach the parser) to Load.
func FuzzLoad(f *testing.F) {
	p := payload(f)
	f.Add(p[:200])
	f.Add(p[:len(magic)+3])
	f.Add([]byte(magic + "\x02\x00\x01\x04xpos\x00"))
	f.Fuzz(func(t *testing.T, body []byte) {
		sum := sha256.Sum256(body)
		b := compress(t, append(append([]byte(nil), body...), sum[:]...))
		m, err := Load(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			return
		}
		m.Tag([]string{"The", "model", "loaded", "."})
	})
}

// FuzzTag tags arbitrary words.
func FuzzTag(f *testing.F) {
	m := defaultModel(f)
	f.Add("The bank 's shares fell", "n't")
	f.Add("\xff\xfe", "")
	f.Add("İ ǅ 🙂", "'d")
	f.Fuzz(func(t *testing.T, a, b string) {
		words := append(bytes.Fields([]byte(a)), []byte(b))
		ws := make([]string, len(words))
		for i, w := range words {
			ws[i] = string(w)
		}
		got := m.Tag(ws)
		if len(got) != len(ws) {
			t.Fatalf("%d results for %d words", len(got), len(ws))
		}
		for i, g := range got {
			if g.UPOS == "" || g.XPOS == "" || !utf8.ValidString(g.Lemma) {
				t.Errorf("%q: %+v", ws[i], g)
			}
		}
	})
}
