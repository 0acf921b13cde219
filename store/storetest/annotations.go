package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// RunAnnotations runs the conformance suite of the AnnotationStore part.
func RunAnnotations(t *testing.T, open func(t *testing.T) crosscheck.Store) {
	t.Run("Annotations/RoundTripAndReplace", func(t *testing.T) { testAnnotationsRoundTrip(t, open(t)) })
	t.Run("Annotations/Invalid", func(t *testing.T) { testAnnotationsInvalid(t, open(t)) })
	t.Run("Annotations/Unannotated", func(t *testing.T) { testUnannotated(t, open(t)) })
}

// layer annotates newDoc's "Kelm denies report\n\nOstravia denied it." text.
func layer(docID, extractor string) *crosscheck.Annotations {
	tok := func(s, e int, text, upos string, head int, rel string) crosscheck.Token {
		return crosscheck.Token{Span: crosscheck.Span{Start: s, End: e}, Text: text, Lemma: text, UPOS: upos, Head: head, Rel: rel}
	}
	return &crosscheck.Annotations{
		DocID: docID,
		Sentences: []crosscheck.Sentence{
			{Index: 0, Span: crosscheck.Span{Start: 0, End: 18}, Tokens: []crosscheck.Token{
				tok(0, 4, "Kelm", "PROPN", 1, "nsubj"), tok(5, 11, "denies", "VERB", -1, "root"), tok(12, 18, "report", "NOUN", 1, "obj")}},
			{Index: 1, Span: crosscheck.Span{Start: 20, End: 38}, Tokens: []crosscheck.Token{
				tok(20, 28, "Ostravia", "PROPN", 1, "nsubj"), tok(29, 35, "denied", "VERB", -1, "root"), tok(36, 38, "it", "PRON", 1, "obj"), tok(38, 39, ".", "PUNCT", 1, "punct")}},
		},
		Entities: []crosscheck.EntityMention{
			{Span: crosscheck.Span{Start: 0, End: 4}, Sentence: 0, Label: crosscheck.LabelGPE, Text: "Kelm"},
			{Span: crosscheck.Span{Start: 20, End: 28}, Sentence: 1, Label: crosscheck.LabelGPE, Text: "Ostravia", Title: "", Role: ""},
		},
		Timexes: []crosscheck.Timex{{Span: crosscheck.Span{Start: 0, End: 4}, Sentence: 0, Text: "Kelm", Type: crosscheck.TimexDate,
			Value: "2022-11-14", Granularity: "day", Begin: "2022-11-14", End: "2022-11-14", Relative: true, Anchor: "2022-11-22", AnchorSource: crosscheck.AnchorPublished}},
		Quantities: []crosscheck.Quantity{{Span: crosscheck.Span{Start: 5, End: 11}, Sentence: 0, Text: "denies", Kind: crosscheck.QuantityCardinal,
			Value: 24, Low: ptr(24.0), Vague: true, Head: "report", HeadSpan: crosscheck.Span{Start: 12, End: 18}}},
		Quotes: []crosscheck.Quote{{Span: crosscheck.Span{Start: 36, End: 38}, Sentence: 1, Text: "it", Kind: crosscheck.QuoteIndirect,
			Speaker: "Ostravia", SpeakerSpan: crosscheck.Span{Start: 20, End: 28}, SpeakerEntity: 1, Verb: "denied", VerbSpan: crosscheck.Span{Start: 29, End: 35}}},
		Modalities: []crosscheck.Modality{{Span: crosscheck.Span{Start: 20, End: 39}, Sentence: 1, Kind: crosscheck.ModDenied,
			Cue: "denied", CueSpan: crosscheck.Span{Start: 29, End: 35}, Source: "Ostravia"}},
		Extractor: extractor,
		CreatedAt: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC),
	}
}

func ptr[T any](v T) *T { return &v }

func annotatedDoc(t *testing.T, s crosscheck.Store) *crosscheck.Document {
	doc, raw := newDoc("", "Kelm denies report", "Ostravia denied it.")
	put(t, s, doc, raw, nil)
	return doc
}

func testAnnotationsRoundTrip(t *testing.T, s crosscheck.Store) {
	doc := annotatedDoc(t, s)
	want := layer(doc.ID, "nlp/1")
	if err := s.PutAnnotations(t.Context(), want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Annotations(t.Context(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
	}
	// A new layer replaces the old one as a whole.
	next := layer(doc.ID, "nlp/2")
	next.Entities = next.Entities[1:]
	next.Entities[0].Label = crosscheck.LabelOrg
	next.Quotes = nil
	if err := s.PutAnnotations(t.Context(), next); err != nil {
		t.Fatal(err)
	}
	got, err = s.Annotations(t.Context(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Extractor != "nlp/2" || len(got.Entities) != 1 || got.Entities[0].Label != crosscheck.LabelOrg || len(got.Quotes) != 0 || len(got.Timexes) != 1 {
		t.Errorf("replacement: %+v", got)
	}
}

func testAnnotationsInvalid(t *testing.T, s crosscheck.Store) {
	if _, err := s.Annotations(t.Context(), "0000000000000000"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("missing layer: %v, want ErrNotFound", err)
	}
	if err := s.PutAnnotations(t.Context(), layer("ffffffffffffffff", "x")); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("unknown document: %v, want ErrNotFound", err)
	}
	doc := annotatedDoc(t, s)
	good := layer(doc.ID, "nlp/1")
	if err := s.PutAnnotations(t.Context(), good); err != nil {
		t.Fatal(err)
	}
	bad := layer(doc.ID, "nlp/2")
	bad.Entities[1].Span = crosscheck.Span{Start: 30, End: 400}
	if err := s.PutAnnotations(t.Context(), bad); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("span outside the text: %v, want ErrInvalid", err)
	}
	for name, spoil := range map[string]func(a *crosscheck.Annotations){
		"timex":    func(a *crosscheck.Annotations) { a.Timexes[0].Span.End = 400 },
		"quantity": func(a *crosscheck.Annotations) { a.Quantities[0].HeadSpan = crosscheck.Span{Start: 30, End: 10} },
		"quote":    func(a *crosscheck.Annotations) { a.Quotes[0].SpeakerEntity = 7 },
		"modality": func(a *crosscheck.Annotations) { a.Modalities[0].Sentence = 5 },
	} {
		bad := layer(doc.ID, "nlp/2")
		spoil(bad)
		if err := s.PutAnnotations(t.Context(), bad); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("bad %s: %v, want ErrInvalid", name, err)
		}
	}
	got, err := s.Annotations(t.Context(), doc.ID)
	if err != nil || got.Extractor != "nlp/1" || len(got.Entities) != 2 {
		t.Errorf("a rejected layer changed the stored one: %+v %v", got, err)
	}
}

func testUnannotated(t *testing.T, s crosscheck.Store) {
	a := annotatedDoc(t, s)
	b, raw := newDoc("", "Second story", "Talks resumed in Sarest.")
	put(t, s, b, raw, nil)
	if err := s.PutAnnotations(t.Context(), layer(a.ID, "nlp/1")); err != nil {
		t.Fatal(err)
	}
	ids, err := s.Unannotated(t.Context(), "nlp/1")
	if err != nil || !reflect.DeepEqual(ids, []string{b.ID}) {
		t.Errorf("Unannotated(nlp/1) = %v, %v; want [%s]", ids, err, b.ID)
	}
	ids, err = s.Unannotated(t.Context(), "nlp/2")
	if err != nil || len(ids) != 2 {
		t.Errorf("Unannotated(nlp/2) = %v, %v; want both", ids, err)
	}
}
