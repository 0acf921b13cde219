package event_test

import (
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/event"
)

// words the fuzzer builds sentences from: triggers, conditions' words,
// prepositions, names.
var fuzzWords = []struct{ text, lemma, upos, xpos, rel string }{
	{"arrested", "arrest", "VERB", "VBN", "root"}, {"police", "police", "NOUN", "NNS", "nsubj"},
	{"seven", "seven", "NUM", "CD", "obj"}, {"in", "in", "ADP", "IN", "case"}, {"Kelm", "Kelm", "PROPN", "NNP", "obl"},
	{"arrest", "arrest", "NOUN", "NN", "nsubj"}, {"of", "of", "ADP", "IN", "case"}, {"people", "people", "NOUN", "NNS", "nmod"},
	{"were", "be", "AUX", "VBD", "aux:pass"}, {"by", "by", "ADP", "IN", "case"}, {"not", "not", "PART", "RB", "advmod"},
	{"had", "have", "AUX", "VBD", "aux"}, {"summoned", "summon", "VERB", "VBD", "acl"}, {"ambassador", "ambassador", "NOUN", "NN", "nsubj:pass"},
	{"the", "the", "DET", "DT", "det"}, {"drills", "drill", "NOUN", "NNS", "obl"}, {"signed", "sign", "VERB", "VBD", "conj"},
	{"deal", "deal", "NOUN", "NN", "compound"}, {"who", "who", "PRON", "WP", "nsubj"}, {"spying", "spy", "VERB", "VBG", "advcl"},
	{"for", "for", "ADP", "IN", "mark"}, {"to", "to", "PART", "TO", "mark"}, {"MARENBURG", "MARENBURG", "PROPN", "NNP", "nsubj"},
	{"-", "-", "PUNCT", ":", "punct"}, {",", ",", "PUNCT", ",", "punct"}, {"held", "hold", "VERB", "VBN", "acl:relcl"},
	{"charges", "charge", "NOUN", "NNS", "obl"}, {"with", "with", "ADP", "IN", "case"}, {"troops", "troop", "NOUN", "NNS", "xcomp"},
	{"detained", "detained", "ADJ", "VBN", "amod"}, {"talks", "talk", "NOUN", "NNS", "obj"}, {"no", "no", "DET", "DT", "det"},
}

// layerFrom builds a document and an arbitrary, possibly broken, layer
// from fuzz bytes: heads out of range and in cycles, spans outside the
// text, sentence indices that do not exist.
func layerFrom(data []byte) (*crosscheck.Document, *crosscheck.Annotations) {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := int(data[0])
		data = data[1:]
		return b
	}
	doc := &crosscheck.Document{ID: "f", Meta: crosscheck.Metadata{Published: published}}
	a := &crosscheck.Annotations{DocID: "f"}
	text := []byte{}
	for s := 0; s < 1+next()%4; s++ {
		sent := crosscheck.Sentence{Index: next()%5 - 1}
		start := len(text)
		for k := 0; k < next()%14; k++ {
			w := fuzzWords[next()%len(fuzzWords)]
			if len(text) > 0 {
				text = append(text, ' ')
			}
			sp := crosscheck.Span{Start: len(text), End: len(text) + len(w.text)}
			text = append(text, w.text...)
			if next()%17 == 0 {
				sp.End += 1000 // outside the text
			}
			rel := w.rel
			if next()%3 == 0 {
				rel = fuzzWords[next()%len(fuzzWords)].rel
			}
			sent.Tokens = append(sent.Tokens, crosscheck.Token{Span: sp, Text: w.text, Lemma: w.lemma, UPOS: w.upos, XPOS: w.xpos,
				Head: next()%18 - 2, Rel: rel})
		}
		sent.Span = crosscheck.Span{Start: start, End: len(text)}
		a.Sentences = append(a.Sentences, sent)
		text = append(text, '.')
	}
	span := func() crosscheck.Span {
		s := next() % (len(text) + 3)
		return crosscheck.Span{Start: s, End: s + next()%12}
	}
	for k := 0; k < next()%4; k++ {
		a.Entities = append(a.Entities, crosscheck.EntityMention{Span: span(), Sentence: next()%5 - 1, Label: []string{"GPE", "PERSON", "DATE", "NORP"}[next()%4]})
		a.Timexes = append(a.Timexes, crosscheck.Timex{Span: span(), Sentence: next() % 4, Type: "DATE", Begin: "2019-01-01", End: []string{"2019-12-31", "bad", ""}[next()%3]})
		a.Quantities = append(a.Quantities, crosscheck.Quantity{Span: span(), Sentence: next() % 4, Kind: []string{"cardinal", "money"}[next()%2], HeadSpan: span()})
		a.Modalities = append(a.Modalities, crosscheck.Modality{Span: span(), Kind: crosscheck.ModNegated})
	}
	doc.Text = string(text)
	return doc, a
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte{1, 2, 8, 1, 0, 2, 2, 1, 3, 0, 4, 1, 5, 7, 2, 0})
	f.Add([]byte("police arrested seven people in Kelm on charges"))
	f.Add([]byte{3, 0, 13, 22, 0, 23, 0, 1, 0, 0, 2, 0, 0, 13, 9, 0, 9, 4, 0, 5, 4, 2, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, a := layerFrom(data)
		at := func(docID string, sp crosscheck.Span) string {
			if !sp.Valid(len(doc.Text)) {
				t.Errorf("EntityAt asked for %v outside the text", sp)
			}
			return "e"
		}
		for i, m := range event.Extract(doc, a, at) {
			n := len(doc.Text)
			if m.DocID != "f" || m.Type == "" || m.Extractor != event.Version || !m.Span.Valid(n) || !m.TriggerSpan.Valid(n) {
				t.Fatalf("mention %d: %+v", i, m)
			}
			for _, a := range m.Arguments {
				if !a.Span.Valid(n) || a.Text != doc.Text[a.Span.Start:a.Span.End] {
					t.Fatalf("mention %d: argument %+v", i, a)
				}
			}
		}
	})
}

// Odd layers give no mentions or fewer, never a panic.
func TestOddLayers(t *testing.T) {
	tok := func(text, lemma, upos, xpos string, head int, rel string, start int) crosscheck.Token {
		return crosscheck.Token{Span: crosscheck.Span{Start: start, End: start + len(text)}, Text: text, Lemma: lemma, UPOS: upos, XPOS: xpos, Head: head, Rel: rel}
	}
	doc := &crosscheck.Document{ID: "d", Text: "Police arrested seven"}
	cycle := crosscheck.Sentence{Span: crosscheck.Span{End: 21}, Tokens: []crosscheck.Token{
		tok("Police", "police", "NOUN", "NNS", 1, "nsubj", 0),
		tok("arrested", "arrest", "VERB", "VBD", 2, "root", 7),
		tok("seven", "seven", "NUM", "CD", 1, "obj", 16),
	}}
	selfHead := cycle
	selfHead.Tokens = append([]crosscheck.Token(nil), cycle.Tokens...)
	selfHead.Tokens[1].Head = 1
	outside := cycle
	outside.Tokens = append([]crosscheck.Token(nil), cycle.Tokens...)
	outside.Tokens[2].Span = crosscheck.Span{Start: 40, End: 90}
	outside.Tokens[0].Head = 99
	for name, a := range map[string]*crosscheck.Annotations{
		"nil layer":            nil,
		"no sentences":         {},
		"empty sentence":       {Sentences: []crosscheck.Sentence{{}}},
		"cycle":                {Sentences: []crosscheck.Sentence{cycle}},
		"self head":            {Sentences: []crosscheck.Sentence{selfHead}},
		"spans outside text":   {Sentences: []crosscheck.Sentence{outside}},
		"records out of range": {Sentences: []crosscheck.Sentence{cycle}, Entities: []crosscheck.EntityMention{{Span: crosscheck.Span{Start: 5, End: 500}, Sentence: 7}}, Timexes: []crosscheck.Timex{{Span: crosscheck.Span{Start: -3, End: 2}, Sentence: -1, Type: "DATE"}}},
	} {
		t.Run(name, func(t *testing.T) {
			ms := event.Extract(doc, a, nil)
			for _, m := range ms {
				if m.Type != crosscheck.EventArrest {
					t.Errorf("unexpected %+v", m)
				}
			}
		})
	}
	if ms := event.Extract(nil, &crosscheck.Annotations{}, nil); ms != nil {
		t.Errorf("nil document: %v", ms)
	}
}
