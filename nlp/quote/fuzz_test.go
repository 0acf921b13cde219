package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// synth annotates text crudely without the models: words and single
// punctuation marks as tokens, sentences ended by . ! ? or a line
// break, tags from word lists, and heads, relations and extra entity
// mentions drawn from seed, so that broken parses (heads out of range,
// cycles) and bad mentions reach Find too.
func synth(text string, seed []byte) ([]crosscheck.Sentence, []crosscheck.EntityMention) {
	next := func(i int) int {
		if len(seed) == 0 {
			return i
		}
		return int(seed[i%len(seed)])
	}
	rels := []string{"nsubj", "ccomp", "obj", "punct", "det", "appos", "conj", "advcl", "xcomp", "obl", "case", "parataxis", "acl:relcl", "nsubj:pass", "compound", "flat", "mark", "obl:agent"}
	var sents []crosscheck.Sentence
	var ents []crosscheck.EntityMention
	cur := crosscheck.Sentence{Span: crosscheck.Span{Start: -1}}
	flush := func(end int) {
		if len(cur.Tokens) == 0 {
			return
		}
		cur.Index = len(sents)
		cur.Span.End = end
		n := len(cur.Tokens)
		for i := range cur.Tokens {
			r := next(i + cur.Index)
			cur.Tokens[i].Head = r%(n+1) - 1
			cur.Tokens[i].Rel = rels[r%len(rels)]
		}
		sents = append(sents, cur)
		cur = crosscheck.Sentence{Span: crosscheck.Span{Start: -1}}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			flush(i)
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '-' {
					break
				}
				j += n2
			}
		}
		w := text[i:j]
		tok := crosscheck.Token{Span: crosscheck.Span{Start: i, End: j}, Text: w, Lemma: strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "ed"), "s"))}
		low := strings.ToLower(w)
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			tok.UPOS, tok.XPOS = "PUNCT", "."
		case verbs[low] != notSpeech || verbs[tok.Lemma] != notSpeech || verbs[strings.TrimSuffix(low, "ed")+"e"] != notSpeech:
			tok.UPOS, tok.XPOS, tok.Lemma = "VERB", "VBD", strings.TrimSuffix(strings.TrimSuffix(low, "d"), "e")
			if verbs[low] != notSpeech {
				tok.Lemma = low
			}
		case pronouns[low] != 0:
			tok.UPOS, tok.XPOS = "PRON", "PRP"
		case low == "the" || low == "a" || low == "an":
			tok.UPOS, tok.XPOS = "DET", "DT"
		case unicode.IsUpper(r):
			tok.UPOS, tok.XPOS = "PROPN", "NNP"
		default:
			tok.UPOS, tok.XPOS = "NOUN", "NN"
		}
		if cur.Span.Start < 0 {
			cur.Span.Start = i
		}
		cur.Tokens = append(cur.Tokens, tok)
		if tok.UPOS == "PROPN" {
			label := crosscheck.LabelPerson
			if len(ents)%2 == 1 {
				label = crosscheck.LabelOrg
			}
			ents = append(ents, crosscheck.EntityMention{Span: tok.Span, Sentence: len(sents), Label: label, Text: w})
		}
		i = j
		if w == "." || w == "!" || w == "?" {
			flush(j)
		}
	}
	flush(len(text))
	if len(seed) > 2 {
		// A mention whose span may not fit the text at all.
		ents = append(ents, crosscheck.EntityMention{Span: crosscheck.Span{Start: next(0) - 3, End: next(1) + next(2)}, Label: crosscheck.LabelOrg, Sentence: next(0), Text: "X"})
	}
	return sents, ents
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We will win,” said Anna Berg. “Always.”\n\nThe ministry said the plan was dead.",
		"He said \"never closed.\n\nNext paragraph \"with another.\n\n\"And a third.",
		"According to the agency, prices rose. Prices rose, according to Bob.",
		"Smith was blunt: “No.” The Service (TSS) said: it is over.",
		"« Oui, » dit-il. »Ja«, sagte sie. „Nein“ ‘single’ ’odd‘ \"\"\"",
		"“Crews are working, a spokesman said. He left.\n\n“",
		"Relatives, they say, were held. Officials have been quoted as saying that it works.",
		":::\"\"“”«»,,, said said said",
	} {
		f.Add(s, []byte{3, 1, 4, 1, 5, 9, 2, 6})
	}
	f.Fuzz(func(t *testing.T, text string, seed []byte) {
		if !utf8.ValidString(text) {
			return
		}
		sents, ents := synth(text, seed)
		qs := Find(text, sents, ents)
		for i, q := range qs {
			if !q.Span.Valid(len(text)) || q.Span.Len() == 0 || text[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("quote %d: span %v does not fit: %+v", i, q.Span, q)
			}
			if strings.Contains(q.Text, "\n") {
				t.Fatalf("quote %d crosses a paragraph: %q", i, q.Text)
			}
			if q.SpeakerEntity < -1 || q.SpeakerEntity >= len(ents) {
				t.Fatalf("quote %d: speaker entity %d of %d", i, q.SpeakerEntity, len(ents))
			}
			if q.Speaker == "" && q.SpeakerEntity != -1 {
				t.Fatalf("quote %d: entity without a speaker", i)
			}
			if q.SpeakerSpan.Len() > 0 && !q.SpeakerSpan.Valid(len(text)) || q.VerbSpan.Len() > 0 && !q.VerbSpan.Valid(len(text)) {
				t.Fatalf("quote %d: speaker or verb span out of the text: %+v", i, q)
			}
			if i > 0 && qs[i-1].Span.Start > q.Span.Start {
				t.Fatalf("quotes out of order")
			}
		}
		// Garbage sentences (unsorted, overlapping, out of the text) must
		// not make Find panic either.
		if len(sents) > 1 && len(seed) > 0 && seed[0]%2 == 1 {
			sents[0], sents[len(sents)-1] = sents[len(sents)-1], sents[0]
			sents[0].Span.End += int(seed[0])
			Find(text, sents, ents)
		}
	})
}
