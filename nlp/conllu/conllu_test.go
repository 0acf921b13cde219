package conllu

import (
	"os"
	"strings"
	"testing"
)

const sample = `# newdoc id = demo
# text = Kelm didn't reply.
1	Kelm	Kelm	PROPN	NNP	Number=Sing	3	nsubj	3:nsubj	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	reply	reply	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	x	x	_	_	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

1	Hi	hi	INTJ	UH	_	0	root	_	SpaceAfter=No
`

func TestRead(t *testing.T) {
	s, err := Read(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || len(s[0].Tokens) != 5 || len(s[0].Ranges) != 1 || s[0].Ranges[0].Form != "didn't" {
		t.Fatalf("parsed %+v", s)
	}
	if s[0].Comment("newdoc id") != "demo" || s[0].Text() != "Kelm didn't reply." || s[1].Text() != "Hi" {
		t.Errorf("comments/text wrong: %q %q", s[0].Comment("newdoc id"), s[1].Text())
	}
	if tok := s[0].Tokens[3]; tok.Head != 0 || tok.DepRel != "root" || tok.SpaceAfter() || tok.Lemma != "reply" {
		t.Errorf("token %+v", tok)
	}
	if _, err := Read(strings.NewReader("1\tx\n"), "bad"); err == nil {
		t.Error("short line accepted")
	}
}

func TestReadCorpusSplits(t *testing.T) {
	dir := "../../../shared/corpora/ud/ewt"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("corpora not available")
	}
	for _, split := range []string{"train", "dev", "test"} {
		s, missing, err := ReadList(dir, dir+"/files."+split)
		if err != nil {
			t.Fatal(err)
		}
		if len(s) < 1000 || len(missing) > 0 {
			t.Errorf("%s: %d sentences, missing %v", split, len(s), missing)
		}
	}
}
