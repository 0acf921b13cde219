//go:build parseexp

package parse

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/nlp/conllu"
	"github.com/crosscheck/crosscheck/nlp/tag"
)

func TestExpPrune(t *testing.T) {
	f, err := os.Open(os.Getenv("PARSE_MODEL"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := conllu.ReadFile(filepath.Join(corporaDir, "ud", "en_ewt-ud-dev.conllu"))
	for _, s := range []string{"1", "1.5", "2", "3", "4"} {
		thr, _ := strconv.ParseFloat(s, 64)
		var feats []featureWeights
		for _, fw := range m.w.features() {
			g := featureWeights{key: fw.key, scale: fw.scale}
			for j, q := range fw.q {
				if abs(float64(q)*float64(fw.scale)) >= thr {
					g.cls = append(g.cls, fw.cls[j])
					g.q = append(g.q, q)
				}
			}
			if len(g.cls) > 0 {
				feats = append(feats, g)
			}
		}
		pm := &Model{version: m.version, labels: m.labels, w: buildWeights(m.w.nclass, feats)}
		var buf bytes.Buffer
		pm.Save(&buf)
		r, _ := pm.Evaluate(dev, nil)
		t.Logf("thr %s: %d feats %d weights %.1f MB: %s", s, pm.w.nfeat, pm.w.entries(), float64(buf.Len())/1e6, r)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestExpPredicted(t *testing.T) {
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	tagFn := func(forms []string) []Word {
		tags := tm.Tag(forms)
		ws := make([]Word, len(tags))
		for i, t := range tags {
			ws[i] = Word{Form: forms[i], Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS}
		}
		return ws
	}
	sets, err := evalSets(corporaDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range strings.Split(os.Getenv("PARSE_MODEL"), ",") {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sets {
			r, _ := m.Evaluate(s.sents, tagFn)
			t.Logf("%s %s predicted: UAS %.2f LAS %.2f", path, s.name, 100*r.All.UAS(), 100*r.All.LAS())
		}
	}
}

func TestExpTagAcc(t *testing.T) {
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	sets, _ := evalSets(corporaDir)
	for _, s := range sets {
		e, err := tm.Evaluate(s.name, s.sents)
		t.Log(e, err)
	}
}

func readTrain(t *testing.T) []conllu.Sentence {
	ewt := filepath.Join(corporaDir, "ud", "ewt")
	gum := filepath.Join(corporaDir, "ud", "gum")
	train, _, err := conllu.ReadList(ewt, filepath.Join(ewt, "files.train"))
	if err != nil {
		t.Fatal(err)
	}
	g, _, err := conllu.ReadList(gum, filepath.Join(gum, "files.train"))
	if err != nil {
		t.Fatal(err)
	}
	return append(train, g...)
}

// TestExpJackknife writes the training set with tags predicted by taggers
// trained on the other folds.
func TestExpJackknife(t *testing.T) {
	train := readTrain(t)
	const k = 5
	out := make([]conllu.Sentence, len(train))
	for fold := range k {
		var tr, held []int
		for i := range train {
			if i%k == fold {
				held = append(held, i)
			} else {
				tr = append(tr, i)
			}
		}
		var ts []conllu.Sentence
		for _, i := range tr {
			ts = append(ts, train[i])
		}
		start := time.Now()
		tm, err := tag.Train(context.Background(), ts, nil, tag.TrainOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("fold %d trained in %s", fold, time.Since(start))
		for _, i := range held {
			s := train[i]
			c := s
			c.Tokens = append([]conllu.Token(nil), s.Tokens...)
			forms := make([]string, len(s.Tokens))
			for j, tok := range s.Tokens {
				forms[j] = tok.Form
			}
			for j, tg := range tm.Tag(forms) {
				c.Tokens[j].UPOS, c.Tokens[j].XPOS, c.Tokens[j].Lemma = tg.UPOS, tg.XPOS, tg.Lemma
			}
			out[i] = c
		}
	}
	var b bytes.Buffer
	for _, s := range out {
		for _, tok := range s.Tokens {
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", tok.ID, tok.Form, tok.Lemma, tok.UPOS, tok.XPOS, tok.Head, tok.DepRel)
		}
		b.WriteString("\n")
	}
	os.WriteFile("/tmp/jackknife.conllu", b.Bytes(), 0o644)
}

// TestExpTrainOn trains on PARSE_TRAIN (a CoNLL-U file, e.g. jackknifed)
// and evaluates with predicted tags.
func TestExpTrainOn(t *testing.T) {
	train, err := conllu.ReadFile(os.Getenv("PARSE_TRAIN"))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("PARSE_MIX") != "" {
		train = append(train, readTrain(t)...)
	}
	m, _, err := trainModel(context.Background(), train, nil, TrainOptions{Epochs: 12, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(os.Getenv("PARSE_OUT"))
	m.Save(f)
	f.Close()
}
