package crosscheck

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
