package crosscheck

import (
	"context"
	"time"
)

// Fingerprint is a document's near-duplicate signature. Bands are the
// locality-sensitive hash keys a store indexes to find candidate twins
// without comparing every pair of documents.
type Fingerprint struct {
	Method  string   `json:"method"`
	MinHash []uint32 `json:"minhash"`
	Bands   []uint64 `json:"bands"`
}

// Candidate is a stored document that shares at least one band with a
// fingerprint.
type Candidate struct {
	ID      string
	MinHash []uint32
}

// DocumentFilter selects documents for listing. Zero fields do not filter.
// A date bound excludes documents whose publication date is unknown.
type DocumentFilter struct {
	Outlet string
	From   time.Time // inclusive
	To     time.Time // inclusive: a document dated on To's day matches
	Limit  int       // 0 means no limit
	Offset int
}

// SearchQuery is a full-text query over titles and texts.
//
// Text uses a small, forgiving syntax: words must all occur (any order),
// "double quotes" make a phrase, a trailing * makes a prefix, a leading -
// excludes a word or phrase, and OR between two terms accepts either.
type SearchQuery struct {
	Text string
	DocumentFilter
}

// SearchHit is one matching document with a snippet of its text.
type SearchHit struct {
	Document DocumentSummary `json:"document"`
	// Score is the BM25 rank (higher is better).
	Score float64 `json:"score"`
	// Snippet is an excerpt of the text around the matches; Highlights are
	// the matched terms' byte spans in Snippet.
	Snippet    string `json:"snippet"`
	Highlights []Span `json:"highlights"`
}

// PutResult says what PutDocument did.
type PutResult struct {
	// ID is the stored document, or the existing one when Existing is true.
	ID string
	// Existing is true when a document with the same raw bytes was already
	// stored; nothing was written.
	Existing bool
}

// DocumentStore keeps documents, their raw bytes and their links.
// Implementations must be safe for concurrent use.
type DocumentStore interface {
	// PutDocument stores the document, its raw bytes (content-addressed by
	// doc.RawHash), its fingerprint and its links in one transaction.
	PutDocument(ctx context.Context, doc *Document, raw []byte, fp *Fingerprint, links []Link) (PutResult, error)
	// DocumentByRawHash returns the ID of the document with these raw
	// bytes, or ErrNotFound.
	DocumentByRawHash(ctx context.Context, rawHash string) (string, error)
	// Document returns the document whose ID is id or starts with it.
	// It returns ErrNotFound, or ErrConflict when a prefix is ambiguous.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents lists documents, newest publication date first, undated last.
	Documents(ctx context.Context, f DocumentFilter) ([]DocumentSummary, error)
	// Raw returns the raw bytes with the given hash.
	Raw(ctx context.Context, rawHash string) ([]byte, error)
	// Candidates returns documents sharing a band with fp.
	Candidates(ctx context.Context, fp *Fingerprint) ([]Candidate, error)
	// Links returns the links from or to a document.
	Links(ctx context.Context, id string) ([]Link, error)
	// Search runs a full-text query, best matches first.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// Close releases the store.
	Close() error
}

// Store is a complete backend: documents and their language layer.
type Store interface {
	DocumentStore
	AnnotationStore
	GraphStore
	SettingsStore
}

// SettingsStore keeps small named settings with a database, such as the
// names list its documents were annotated with, so later commands work
// the same way without repeating flags.
type SettingsStore interface {
	// Setting returns a setting's value, or ErrNotFound.
	Setting(ctx context.Context, key string) (string, error)
	// PutSetting stores a setting, replacing its previous value.
	PutSetting(ctx context.Context, key, value string) error
}
