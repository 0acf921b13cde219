package tag

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// tiny is a few invented sentences: enough to exercise training, far too
// few to tag well.
const tiny = `1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	resigned	resign	VERB	VBD	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	denied	deny	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	reports	report	NOUN	NNS	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	She	she	PRON	PRP	_	3	nsubj	_	_
2	has	have	AUX	VBZ	_	3	aux	_	_
3	written	write	VERB	VBN	_	0	root	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Kelm	Kelm	PROPN	NNP	_	3	obl	_	_
6	.	.	PUNCT	.	_	3	punct	_	_
`

func tinyCorpus(t *testing.T) []conllu.Sentence {
	t.Helper()
	s, err := conllu.Read(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTrainDeterministic trains twice on a tiny corpus (milliseconds):
// the same options must give the same model file, and the model must at
// least fit its training data.
func TestTrainDeterministic(t *testing.T) {
	sents := tinyCorpus(t)
	var logs bytes.Buffer
	save := func() []byte {
		m, err := Train(context.Background(), sents, sents, TrainOptions{Iterations: 3, Seed: 7, Log: &logs, Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		e, err := m.Evaluate("train", sents)
		if err != nil {
			t.Fatal(err)
		}
		if e.UPOS.Value() < 0.9 || e.XPOS.Value() < 0.9 {
			t.Errorf("training accuracy %v / %v", e.UPOS, e.XPOS)
		}
		return b.Bytes()
	}
	a, b := save(), save()
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed differ")
	}
	if !strings.Contains(logs.String(), "pass 3/3") {
		t.Errorf("log lacks progress:\n%s", logs.String())
	}
	m, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if m.Version() != "test" {
		t.Errorf("version %q", m.Version())
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), nil, nil, TrainOptions{}); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("empty training set: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, tinyCorpus(t), nil, TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if _, _, err := TrainFromCorpora(context.Background(), t.TempDir(), TrainOptions{}); err == nil {
		t.Error("TrainFromCorpora on an empty folder succeeded")
	}
}
