package crosscheck

import (
	"context"
	"time"
)

// Token is one word of a sentence, as the language layer reads it.
type Token struct {
	// Span locates the token in Document.Text.
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Lemma string `json:"lemma,omitempty"`
	// UPOS is the Universal Dependencies part of speech; XPOS the Penn
	// Treebank tag.
	UPOS string `json:"upos,omitempty"`
	XPOS string `json:"xpos,omitempty"`
	// Head is the index (within the sentence) of the token this one
	// depends on, or -1 for the root.
	Head int `json:"head"`
	// Rel is the Universal Dependencies relation to the head.
	Rel string `json:"rel,omitempty"`
}

// Sentence is a span of text with its tokens.
type Sentence struct {
	// Index is the sentence's position in the document, from 0.
	Index  int     `json:"index"`
	Span   Span    `json:"span"`
	Tokens []Token `json:"tokens"`
}

// Entity labels of the language layer. Values (dates, money, counts) are
// labelled too; their normalisation is a later stage.
const (
	LabelPerson   = "PERSON"
	LabelOrg      = "ORG"
	LabelGPE      = "GPE"
	LabelLoc      = "LOC"
	LabelNORP     = "NORP"
	LabelFac      = "FAC"
	LabelEvent    = "EVENT"
	LabelDate     = "DATE"
	LabelTime     = "TIME"
	LabelMoney    = "MONEY"
	LabelPercent  = "PERCENT"
	LabelCardinal = "CARDINAL"
	LabelOrdinal  = "ORDINAL"
	LabelQuantity = "QUANTITY"
)

// EntityMention is a named entity or value found in a document's text.
type EntityMention struct {
	// Span locates the mention in Document.Text; Sentence is the index of
	// the sentence that holds it.
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	Label    string `json:"label"`
	Text     string `json:"text"`
	// Title is a title or role word before a person's name ("President"),
	// kept out of the span.
	Title string `json:"title,omitempty"`
	// Role is "author" for the article's own byline author, who is not an
	// actor of the story.
	Role string `json:"role,omitempty"`
}

// Annotations is the language layer of one document: its sentences with
// tokens, tags and dependencies, and its entity mentions. A new layer
// (after a model upgrade) replaces the old one as a whole.
type Annotations struct {
	DocID     string          `json:"doc_id"`
	Sentences []Sentence      `json:"sentences"`
	Entities  []EntityMention `json:"entities"`
	// Timexes, Quantities, Quotes and Modalities are the second part of
	// the layer (see expressions.go).
	Timexes    []Timex    `json:"timexes,omitempty"`
	Quantities []Quantity `json:"quantities,omitempty"`
	Quotes     []Quote    `json:"quotes,omitempty"`
	Modalities []Modality `json:"modalities,omitempty"`
	// Extractor names the code and model versions that made the layer,
	// e.g. "nlp/1 token/1 tag/1(ewt+gum) parse/1 ner/1".
	Extractor string    `json:"extractor"`
	CreatedAt time.Time `json:"created_at"`
}

// AnnotationStore keeps the language layer of documents.
type AnnotationStore interface {
	// PutAnnotations stores a document's layer, replacing any previous
	// one in the same transaction. It returns ErrNotFound when the
	// document does not exist and ErrInvalid when a span lies outside
	// the document's text.
	PutAnnotations(ctx context.Context, a *Annotations) error
	// Annotations returns a document's layer, or ErrNotFound.
	Annotations(ctx context.Context, docID string) (*Annotations, error)
	// Unannotated lists the IDs of documents with no layer, or with a
	// layer made by another extractor than the one given.
	Unannotated(ctx context.Context, extractor string) ([]string, error)
}
