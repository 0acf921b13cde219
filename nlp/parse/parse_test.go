package parse

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// corporaDir is where the shared corpora live relative to this package.
var corporaDir = filepath.Join("..", "..", "..", "shared", "corpora")

// Scores of the embedded model on EWT test with gold tags (see MODEL.md);
// the test allows half a point less.
const (
	ewtTestUAS = 0.8821
	ewtTestLAS = 0.8641
)

func embeddedModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkTree fails unless arcs form a tree over n words.
func checkTree(t *testing.T, arcs []Arc, n int, what string) {
	t.Helper()
	if len(arcs) != n {
		t.Fatalf("%s: %d arcs for %d words", what, len(arcs), n)
	}
	heads := make([]int32, n)
	for i, a := range arcs {
		switch {
		case a.Head == -1:
			heads[i] = int32(n)
			if a.Rel != "root" {
				t.Errorf("%s: root word %d has relation %q", what, i, a.Rel)
			}
		case a.Head < 0 || a.Head >= n || a.Head == i:
			t.Fatalf("%s: word %d has head %d", what, i, a.Head)
		default:
			heads[i] = int32(a.Head)
			if a.Rel == "root" || a.Rel == "" {
				t.Errorf("%s: word %d has relation %q", what, i, a.Rel)
			}
		}
	}
	if n > 0 && !validTree(heads) {
		t.Fatalf("%s: not a tree: %v", what, arcs)
	}
}

func tagged(s string) []Word {
	var ws []Word
	for _, f := range strings.Fields(s) {
		parts := strings.Split(f, "/")
		ws = append(ws, Word{Form: parts[0], UPOS: parts[1], XPOS: parts[2]})
	}
	return ws
}

func TestDefaultParsesNews(t *testing.T) {
	m := embeddedModel(t)
	if !strings.HasPrefix(m.Version(), "parse-") {
		t.Errorf("version %q", m.Version())
	}
	tests := []struct {
		sent string
		want map[int]Arc // expected arcs of some words
	}{
		{
			"The/DET/DT minister/NOUN/NN denied/VERB/VBD the/DET/DT report/NOUN/NN on/ADP/IN Tuesday/PROPN/NNP ./PUNCT/.",
			map[int]Arc{1: {2, "nsubj"}, 2: {-1, "root"}, 4: {2, "obj"}, 6: {2, "obl"}, 7: {2, "punct"}},
		},
		{
			"Rebels/NOUN/NNS said/VERB/VBD they/PRON/PRP had/AUX/VBD captured/VERB/VBN the/DET/DT airport/NOUN/NN ./PUNCT/.",
			map[int]Arc{0: {1, "nsubj"}, 1: {-1, "root"}, 4: {1, "ccomp"}, 6: {4, "obj"}},
		},
		{
			"The/DET/DT bill/NOUN/NN was/AUX/VBD passed/VERB/VBN by/ADP/IN the/DET/DT Senate/PROPN/NNP ./PUNCT/.",
			map[int]Arc{1: {3, "nsubj:pass"}, 2: {3, "aux:pass"}, 3: {-1, "root"}, 6: {3, "obl:agent"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			words := tagged(tt.sent)
			arcs := m.Parse(words)
			checkTree(t, arcs, len(words), tt.sent)
			for i, want := range tt.want {
				if arcs[i] != want {
					t.Errorf("%s: got %+v, want %+v", words[i].Form, arcs[i], want)
				}
			}
		})
	}
}

// TestParseAlwaysTree parses random input, tagged sensibly or not, and
// checks that the result is always a tree.
func TestParseAlwaysTree(t *testing.T) {
	m := embeddedModel(t)
	rng := rand.New(rand.NewPCG(7, 7))
	forms := []string{"the", "Minister", "said", ",", "on", "2024", "", "élection", "\x00", "and", "who", "it", ".", "(", "was", "Kyiv", "strikes", "🙂"}
	tags := [][2]string{{"DET", "DT"}, {"NOUN", "NN"}, {"VERB", "VBD"}, {"PUNCT", ","}, {"ADP", "IN"}, {"NUM", "CD"},
		{"", ""}, {"X", "FW"}, {"PROPN", "NNP"}, {"AUX", "VBD"}, {"PRON", "PRP"}, {"PUNCT", "."}, {"junk", "???"}}
	for _, n := range []int{0, 1, 2, 3} {
		words := make([]Word, n)
		for i := range words {
			words[i] = Word{Form: "x", UPOS: "NOUN", XPOS: "NN"}
		}
		checkTree(t, m.Parse(words), n, "fixed")
	}
	for k := range 400 {
		n := rng.IntN(60)
		if k%50 == 0 {
			n = 300 + rng.IntN(200)
		}
		words := make([]Word, n)
		for i := range words {
			tg := tags[rng.IntN(len(tags))]
			words[i] = Word{Form: forms[rng.IntN(len(forms))], UPOS: tg[0], XPOS: tg[1]}
		}
		checkTree(t, m.Parse(words), n, "random")
	}
	var nilModel *Model
	checkTree(t, nilModel.Parse(tagged("a/DET/DT b/NOUN/NN")), 2, "nil model")
}

func TestEvaluateEWTTest(t *testing.T) {
	path := filepath.Join(corporaDir, "ud", "en_ewt-ud-test.conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skip("corpora not available:", err)
	}
	if testing.Short() {
		t.Skip("short")
	}
	gold, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := embeddedModel(t).Evaluate(gold, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT test, gold tags: %s", r)
	if r.All.UAS() < ewtTestUAS-0.005 || r.All.LAS() < ewtTestLAS-0.005 {
		t.Errorf("UAS %.4f LAS %.4f, want at least %.4f %.4f", r.All.UAS(), r.All.LAS(), ewtTestUAS-0.005, ewtTestLAS-0.005)
	}
}

func readTiny(t testing.TB) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(filepath.Join("testdata", "tiny.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// trainSmall trains on the tiny corpus, or on the first 50 EWT training
// sentences when the corpora are present.
func trainSmall(t testing.TB) (*Model, []conllu.Sentence) {
	t.Helper()
	train := readTiny(t)
	ewt := filepath.Join(corporaDir, "ud", "ewt")
	if list, err := os.ReadFile(filepath.Join(ewt, "files.train")); err == nil {
		var more []conllu.Sentence
		for _, name := range strings.Fields(string(list)) {
			s, err := conllu.ReadFile(filepath.Join(ewt, name))
			if err != nil || len(more) >= 50 {
				break
			}
			more = append(more, s...)
		}
		if len(more) >= 50 {
			train = append(train, more[:50]...)
		}
	}
	m, err := Train(train, nil, TrainOptions{Epochs: 8, Seed: 3, TagNoise: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	return m, train
}

func TestTrainSmall(t *testing.T) {
	m, train := trainSmall(t)
	r, err := m.Evaluate(train, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A perceptron learns its few training sentences nearly by heart.
	if r.All.UAS() < 0.9 || r.All.LAS() < 0.85 {
		t.Errorf("training set scores %s", r)
	}
	for _, s := range train {
		checkTree(t, m.Parse(wordsOf(s)), len(s.Tokens), s.Text())
	}

	// Save and Load give the same model, byte for byte and parse for parse.
	var b1, b2 bytes.Buffer
	if err := m.Save(&b1); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("Save(Load(Save(m))) differs from Save(m)")
	}
	if m2.Version() != m.Version() || strings.Join(m2.Labels(), " ") != strings.Join(m.Labels(), " ") {
		t.Errorf("version or labels changed: %q %q", m2.Version(), m2.Labels())
	}
	for _, s := range train {
		a, b := m.Parse(wordsOf(s)), m2.Parse(wordsOf(s))
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("%q: parse differs after Load: %v vs %v", s.Text(), a, b)
			}
		}
	}

	// Training is deterministic.
	m3, _ := trainSmall(t)
	var b3 bytes.Buffer
	if err := m3.Save(&b3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b3.Bytes()) {
		t.Error("two training runs with the same seed differ")
	}
}

func TestTrainRejectsEmpty(t *testing.T) {
	if _, err := Train(nil, nil, TrainOptions{}); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("err = %v, want ErrInvalid", err)
	}
	bad := readTiny(t)[:1]
	bad[0].Tokens = append([]conllu.Token(nil), bad[0].Tokens...)
	bad[0].Tokens[0].Head = 1 // "The" headed by itself
	if _, err := Train(bad, nil, TrainOptions{Epochs: 1}); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("malformed only: err = %v, want ErrInvalid", err)
	}
}

func TestProjectivize(t *testing.T) {
	// "A hearing is scheduled today on the issue": on(5)→issue(7) is
	// fine; make issue's head "hearing" (1) across "scheduled" (3), the
	// root, which hearing does not dominate: non-projective.
	//        0  1  2  3  4  5  6  7
	heads := []int32{1, 3, 3, 8, 3, 7, 7, 1}
	if !validTree(heads) {
		t.Fatal("test tree invalid")
	}
	if k := projectivize(heads); k != 1 || heads[7] != 3 {
		t.Errorf("lifts %d, heads %v", k, heads)
	}
	if !validTree(heads) || projectivize(heads) != 0 {
		t.Error("lifted tree not a projective tree")
	}
}

// loadErr loads b and fails the test on a panic or on a nil error.
func loadErr(t *testing.T, b []byte, what string) {
	t.Helper()
	m, err := Load(bytes.NewReader(b))
	if err == nil {
		t.Errorf("%s: loaded (%v)", what, m != nil)
		return
	}
	if !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("%s: error %v is not ErrInvalid", what, err)
	}
}

func TestLoadCorrupt(t *testing.T) {
	m, _ := trainSmall(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	loadErr(t, nil, "empty")
	loadErr(t, []byte("not a model"), "text")
	for _, n := range []int{1, 10, len(good) / 2, len(good) - 9, len(good) - 1} {
		loadErr(t, good[:n], "truncated")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		b := bytes.Clone(good)
		b[10+rng.IntN(len(b)-10)] ^= byte(1 + rng.IntN(255))
		loadErr(t, b, "flipped byte")
	}
	// Inside the gzip layer: a changed payload fails the checksum, and a
	// garbled payload with a recomputed checksum fails to decode (or
	// decodes into some model) without panicking.
	payload := gunzip(t, good)
	p := bytes.Clone(payload)
	p[len(p)/2] ^= 0xff
	loadErr(t, gz(t, p), "payload changed")
	loadErr(t, gz(t, withSum(payload[:len(payload)/2])), "payload truncated with checksum")
	for range 100 {
		p := bytes.Clone(payload[:len(payload)-sha256.Size])
		for range 1 + rng.IntN(4) {
			p[rng.IntN(len(p))] = byte(rng.IntN(256))
		}
		if m, err := Load(bytes.NewReader(gz(t, withSum(p)))); err == nil {
			m.Parse(tagged("The/DET/DT court/NOUN/NN ruled/VERB/VBD ./PUNCT/."))
		}
	}
	// The embedded model, corrupted.
	e := bytes.Clone(embedded)
	e[len(e)/3] ^= 0x55
	loadErr(t, e, "embedded, corrupted")
	loadErr(t, embedded[:len(embedded)-100], "embedded, truncated")
}

func gunzip(t testing.TB, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func gz(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func withSum(body []byte) []byte {
	sum := sha256.Sum256(body)
	return append(bytes.Clone(body), sum[:]...)
}

// FuzzLoad feeds arbitrary model payloads (with a valid checksum, so that
// the decoder itself is exercised) to Load.
func FuzzLoad(f *testing.F) {
	// A small seed: the fuzzer slows down on large inputs.
	m, err := Train(readTiny(f)[:3], nil, TrainOptions{Epochs: 1, MinWeight: 0.5})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		f.Fatal(err)
	}
	payload := gunzip(f, buf.Bytes())
	body := payload[:len(payload)-sha256.Size]
	f.Add(body[:min(len(body), 600)]) // the header, labels and first features
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := Load(bytes.NewReader(gz(t, withSum(body))))
		if err != nil {
			return
		}
		words := tagged("Two/NUM/CD ministers/NOUN/NNS resigned/VERB/VBD ./PUNCT/.")
		checkTree(t, m.Parse(words), len(words), "fuzzed model")
	})
}

func BenchmarkParse(b *testing.B) {
	m := embeddedModel(b)
	var sents [][]Word
	if gold, err := conllu.ReadFile(filepath.Join(corporaDir, "ud", "en_ewt-ud-dev.conllu")); err == nil {
		for _, s := range gold[:500] {
			sents = append(sents, wordsOf(s))
		}
	} else {
		for _, s := range readTiny(b) {
			sents = append(sents, wordsOf(s))
		}
	}
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Parse(s)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestFeatureCount(t *testing.T) {
	var c sentence
	var st state
	words := tagged("The/DET/DT minister/NOUN/NN denied/VERB/VBD it/PRON/PRP ./PUNCT/.")
	c.load(words)
	st.reset(len(words))
	var keys []uint32
	for _, tr := range []int{shift, shift, rightClass(1), shift} {
		st.apply(tr)
		keys = c.extract(&st, keys[:0])
		if len(keys) > maxFeatures {
			t.Fatalf("%d features, maxFeatures is %d", len(keys), maxFeatures)
		}
	}
}

func TestParseConcurrent(t *testing.T) {
	m := embeddedModel(t)
	words := tagged("Officials/NOUN/NNS said/VERB/VBD the/DET/DT talks/NOUN/NNS would/AUX/MD resume/VERB/VB ./PUNCT/.")
	want := m.Parse(words)
	done := make(chan []Arc)
	for range 8 {
		go func() {
			var got []Arc
			for range 50 {
				got = m.Parse(words)
			}
			done <- got
		}()
	}
	for range 8 {
		got := <-done
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("concurrent parse differs: %v vs %v", got, want)
			}
		}
	}
}

// FuzzParse parses arbitrary words: "form/UPOS/XPOS" fields, anything
// missing left empty.
func FuzzParse(f *testing.F) {
	f.Add("The/DET/DT court/NOUN/NN ruled/VERB/VBD ./PUNCT/.")
	f.Add("")
	f.Add("x")
	f.Add("// / /// ,/PUNCT/, ,/PUNCT/,")
	m := embeddedModel(f)
	f.Fuzz(func(t *testing.T, s string) {
		var words []Word
		for _, fld := range strings.Fields(s) {
			p := strings.SplitN(fld, "/", 3)
			p = append(p, "", "")
			words = append(words, Word{Form: p[0], UPOS: p[1], XPOS: p[2]})
		}
		checkTree(t, m.Parse(words), len(words), s)
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(embedded))/1e6, "MB")
}
