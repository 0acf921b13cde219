package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A hand-checked CoNLL-U sentence written for the tests.
const goldCoNLLU = `# text = Valdoria summoned the Ostravian ambassador on Thursday.
1	Valdoria	Valdoria	PROPN	NNP	_	2	nsubj	_	_
2	summoned	summon	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	5	det	_	_
4	Ostravian	Ostravian	ADJ	JJ	_	5	amod	_	_
5	ambassador	ambassador	NOUN	NN	_	2	obj	_	_
6	on	on	ADP	IN	_	7	case	_	_
7	Thursday	Thursday	PROPN	NNP	_	2	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

`

const goldIOB2 = `# sent_id = 1
1	President	O	-	x
2	Aurel	B-PER	-	x
3	Wendt	I-PER	-	x
4	visited	O	-	x
5	Sarest	B-LOC	-	x
6	.	O	-	x

`

func TestEvalCommands(t *testing.T) {
	dir := t.TempDir()
	conllu := write(t, filepath.Join(dir, "gold.conllu"), []byte(goldCoNLLU))
	iob := write(t, filepath.Join(dir, "gold.iob2"), []byte(goldIOB2))
	for _, tt := range []struct {
		task, gold, want string
	}{
		{"pos", conllu, "UPOS"},
		{"deps", conllu, "UAS"},
		{"ner", iob, "F1"},
		{"timex", "../../nlp/timex/testdata/test", "value accuracy"},
		{"quotes", "../../nlp/quote/testdata/dev.jsonl", "speaker"},
	} {
		code, out, errs := run(t, "eval", tt.task, "--gold", tt.gold)
		if code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("eval %s: exit %d\n%s\n%s", tt.task, code, out, errs)
		}
	}
	if code, _, _ := run(t, "eval", "pos"); code != 2 {
		t.Errorf("eval without --gold: exit %d, want 2", code)
	}
	if code, _, errs := run(t, "eval", "pos", "--gold", filepath.Join(dir, "none.conllu")); code != 1 || !strings.Contains(errs, "none.conllu") {
		t.Errorf("missing gold file: exit %d %q", code, errs)
	}
}

func TestAnnotateAndShow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cc.db")
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodArticle))
	if code, _, errs := run(t, "--db", db, "ingest", "--no-annotate", in); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	var docs []crosscheck.DocumentSummary
	runJSON(t, &docs, "--db", db, "docs")
	id := docs[0].ID
	if code, _, errs := run(t, "--db", db, "show", "--annotate", id); code != 1 || !strings.Contains(errs, "no language layer yet") {
		t.Errorf("show --annotate before annotate: %d %q", code, errs)
	}
	code, _, errs := run(t, "--db", db, "annotate")
	if code != 0 || !strings.Contains(errs, "annotated 1 documents") {
		t.Fatalf("annotate: %d %q", code, errs)
	}
	// Nothing left to do the second time.
	if _, _, errs := run(t, "--db", db, "annotate"); !strings.Contains(errs, "annotated 0 documents") {
		t.Errorf("second annotate: %q", errs)
	}
	code, out, _ := run(t, "--db", db, "show", "--annotate", "--no-removed", id)
	if code != 0 || !strings.Contains(out, "[Sarest]{GPE}") && !strings.Contains(out, "[Sarest]{") {
		t.Errorf("show --annotate does not mark Sarest:\n%s", out)
	}
	var shownDoc struct {
		Text        string                  `json:"text"`
		Annotations *crosscheck.Annotations `json:"annotations"`
	}
	_, js, _ := run(t, "--json", "--db", db, "show", "--annotate", id)
	if err := json.Unmarshal([]byte(js), &shownDoc); err != nil || shownDoc.Annotations == nil {
		t.Fatalf("show --annotate --json: %v", err)
	}
	a := shownDoc.Annotations
	if len(a.Sentences) < 3 || a.Extractor == "" {
		t.Errorf("layer: %d sentences, extractor %q", len(a.Sentences), a.Extractor)
	}
	for _, s := range a.Sentences {
		roots := 0
		for _, tok := range s.Tokens {
			if shownDoc.Text[tok.Span.Start:tok.Span.End] != tok.Text || tok.UPOS == "" {
				t.Fatalf("token %+v does not match the text or is untagged", tok)
			}
			if tok.Head == -1 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots", s.Index, roots)
		}
	}
	for _, e := range a.Entities {
		if shownDoc.Text[e.Span.Start:e.Span.End] != e.Text {
			t.Errorf("mention %+v does not match the text", e)
		}
	}
}
