package entity_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/entity"
)

// markup builds a document and a hand-made language layer from a small
// notation, so that unit tests state their input in one line:
//
//	[PERSON Ilham Aliyev]/nsubj said/VERB on Monday . [AUTHOR Anna Vos] wrote .
//
// Words are separated by spaces; "." ends a sentence. [LABEL words]
// marks an entity mention (AUTHOR is a PERSON with Role "author"); a
// title word just before a PERSON mention becomes its Title. A suffix
// /VERB (or /VERB:lemma) marks a verb; /nsubj, /nsubj:pass and
// /obl:agent attach a word (or a mention, written after its closing
// bracket) to the next verb, /obj and /iobj to the previous verb,
// /nmod:poss and /compound to the next word. Other words are PROPN when
// capitalised, PRON for pronouns, DET for "the", PART for "'s",
// PUNCT for punctuation and NOUN otherwise.
func markup(t *testing.T, src string) entity.Input {
	t.Helper()
	type tok struct {
		text, upos, rel, lemma string
		start, end             int
	}
	var (
		text  strings.Builder
		sents [][]tok
		cur   []tok
		ents  []crosscheck.EntityMention
		open  = -1 // index into ents of an open mention
	)
	flush := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	for _, w := range strings.Fields(src) {
		if strings.HasPrefix(w, "[") {
			label := strings.TrimPrefix(w, "[")
			m := crosscheck.EntityMention{Label: label, Sentence: len(sents), Span: crosscheck.Span{Start: -1}}
			if label == "AUTHOR" {
				m.Label, m.Role = crosscheck.LabelPerson, "author"
			}
			if m.Label == crosscheck.LabelPerson && len(cur) > 0 && isTitle(cur[len(cur)-1].text) {
				m.Title = cur[len(cur)-1].text
			}
			ents = append(ents, m)
			open = len(ents) - 1
			continue
		}
		word, ann, _ := strings.Cut(w, "/")
		closes := false
		if i := strings.Index(word, "]"); i >= 0 {
			word, closes = word[:i], true
		}
		attach := !(word == "," || word == "." || word == ")" || word == "'s" || word == "’s" || (text.Len() > 0 && strings.HasSuffix(text.String(), "(")))
		if text.Len() > 0 && attach {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(word)
		tk := tok{text: word, start: start, end: text.Len(), lemma: strings.ToLower(word)}
		r, _ := utf8.DecodeRuneInString(word)
		switch lw := strings.ToLower(word); {
		case word == "'s" || word == "’s":
			tk.upos = "PART"
		case unicode.IsPunct(r):
			tk.upos = "PUNCT"
		case lw == "he" || lw == "she" || lw == "him" || lw == "his" || lw == "her" || lw == "it":
			tk.upos = "PRON"
		case lw == "the" || lw == "its" || lw == "our":
			tk.upos = "DET"
		case unicode.IsUpper(r):
			tk.upos = "PROPN"
		default:
			tk.upos = "NOUN"
		}
		if up, lemma, ok := strings.Cut(ann, ":"); ok && up == "VERB" {
			tk.upos, tk.lemma = "VERB", lemma
		} else if ann == "VERB" || ann == "ADJ" {
			tk.upos = ann
		} else if ann != "" {
			tk.rel = ann
		}
		if open >= 0 {
			m := &ents[open]
			if m.Span.Start < 0 {
				m.Span.Start = start
			}
			m.Span.End = tk.end
			if closes {
				open = -1
			}
		}
		cur = append(cur, tk)
		if word == "." {
			flush()
		}
	}
	flush()
	doc := &crosscheck.Document{Text: text.String()}
	h := sha256.Sum256([]byte(src))
	doc.ID = hex.EncodeToString(h[:6])
	layer := &crosscheck.Annotations{DocID: doc.ID}
	for si, ts := range sents {
		s := crosscheck.Sentence{Index: si, Span: crosscheck.Span{Start: ts[0].start, End: ts[len(ts)-1].end}}
		for i, tk := range ts {
			ct := crosscheck.Token{Span: crosscheck.Span{Start: tk.start, End: tk.end}, Text: tk.text, Lemma: tk.lemma, UPOS: tk.upos, Head: -1, Rel: tk.rel}
			switch tk.rel {
			case "nsubj", "nsubj:pass", "obl:agent":
				for j := i + 1; j < len(ts); j++ {
					if ts[j].upos == "VERB" || ts[j].upos == "ADJ" {
						ct.Head = j
						break
					}
				}
			case "obj", "iobj":
				for j := i - 1; j >= 0; j-- {
					if ts[j].upos == "VERB" {
						ct.Head = j
						break
					}
				}
			case "nmod:poss", "compound":
				for j := i + 1; j < len(ts); j++ {
					if ts[j].upos != "PART" {
						ct.Head = j
						break
					}
				}
			case "":
				ct.Rel = "dep"
				if i > 0 {
					ct.Head = i - 1
				}
			}
			s.Tokens = append(s.Tokens, ct)
		}
		// A mention's words depend on its first word, whose relation was
		// written on its last word.
		for _, m := range ents {
			if m.Sentence != si {
				continue
			}
			first, last := -1, -1
			for i, tk := range s.Tokens {
				if tk.Span.Start >= m.Span.Start && tk.Span.End <= m.Span.End {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			if first < 0 || first == last {
				continue
			}
			s.Tokens[first].Rel, s.Tokens[first].Head = s.Tokens[last].Rel, s.Tokens[last].Head
			for i := first + 1; i <= last; i++ {
				s.Tokens[i].Rel, s.Tokens[i].Head = "flat", first
			}
		}
		layer.Sentences = append(layer.Sentences, s)
	}
	for i := range ents {
		ents[i].Text = doc.Text[ents[i].Span.Start:ents[i].Span.End]
	}
	layer.Entities = ents
	return entity.Input{Doc: doc, Layer: layer}
}

func isTitle(w string) bool {
	switch w {
	case "President", "Minister", "Ambassador", "spokeswoman", "spokesman", "General", "Dr", "Mr", "Mrs", "Ms":
		return true
	}
	return false
}

func TestMarkup(t *testing.T) {
	in := markup(t, "President [PERSON Matthias Korvel]/nsubj visited/VERB [GPE Kelm]/obj .")
	if in.Doc.Text != "President Matthias Korvel visited Kelm." {
		t.Fatalf("text %q", in.Doc.Text)
	}
	es := in.Layer.Entities
	if len(es) != 2 || es[0].Text != "Matthias Korvel" || es[0].Title != "President" || es[1].Text != "Kelm" {
		t.Fatalf("entities %+v", es)
	}
	toks := in.Layer.Sentences[0].Tokens
	if toks[1].Rel != "nsubj" || toks[1].Head != 3 || toks[2].Rel != "flat" || toks[4].Rel != "obj" || toks[4].Head != 3 {
		t.Fatalf("tokens %+v", toks)
	}
}
