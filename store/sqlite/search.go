package sqlite

import (
	"context"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/store/query"
)

// DefaultSearchLimit is the number of hits Search returns when the query
// sets no limit.
const DefaultSearchLimit = 20

// Snippet markers: Unicode noncharacters, reserved for a program's
// internal use, so article text practically never holds them (any that
// it does hold are dropped from the snippet).
const (
	markOpen  = "\uFDD0"
	markClose = "\uFDD1"
)

// snippetTokens is the length of a snippet in tokens (FTS5 allows 64).
const snippetTokens = 24

// Search runs a full-text query over titles and texts, best matches
// first. Titles weigh four times as much as text in the BM25 rank.
// q.Text is parsed by query.Parse; an unusable query is an error wrapping
// crosscheck.ErrInvalid.
func (s *Store) Search(ctx context.Context, q crosscheck.SearchQuery) (_ []crosscheck.SearchHit, err error) {
	defer wrap(ctx, &err, "Search(%q)", q.Text)
	parsed, err := query.Parse(q.Text)
	if err != nil {
		return nil, err
	}
	where, args, err := filterSQL(q.DocumentFilter)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit == 0 {
		limit = DefaultSearchLimit
	}
	match := parsed.FTS5()
	// Rank every match but build snippets for the page only: snippet()
	// is by far the costliest part, and SQLite would compute it for all
	// matches before sorting. Documents are joined for ranking only when
	// a filter needs their columns, and then after the full-text match
	// (CROSS JOIN fixes the order): probing the index once per document
	// of an outlet costs far more than looking up each match's row.
	join := ""
	if where != "" {
		join = ` CROSS JOIN documents d ON d.seq = documents_fts.rowid`
	}
	args = append([]any{match}, args...)
	args = append(args, limit, q.Offset, markOpen, markClose, match)
	rows, err := s.reader.QueryContext(ctx, `WITH page AS (
			SELECT documents_fts.rowid AS seq, bm25(documents_fts, 4.0, 1.0) AS rank
			FROM documents_fts`+join+`
			WHERE documents_fts MATCH ?`+where+`
			ORDER BY rank, documents_fts.rowid
			LIMIT ? OFFSET ?
		)
		SELECT `+summaryColumns+`, page.rank, snippet(documents_fts, 1, ?, ?, '…', `+strconv.Itoa(snippetTokens)+`)
		FROM page
		JOIN documents d ON d.seq = page.seq
		JOIN documents_fts ON documents_fts.rowid = page.seq
		WHERE documents_fts MATCH ?
		ORDER BY page.rank, page.seq`, args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	hits := []crosscheck.SearchHit{}
	for rows.Next() {
		var (
			hit     crosscheck.SearchHit
			rank    float64
			snippet string
		)
		if hit.Document, err = scanSummary(rows, &rank, &snippet); err != nil {
			return nil, err
		}
		// FTS5's bm25 is negated so that ascending order puts the best
		// match first; the interface wants higher is better.
		hit.Score = -rank
		hit.Snippet, hit.Highlights = highlights(snippet)
		hits = append(hits, hit)
	}
	return hits, s.classify(rows.Err())
}

// highlights removes the markers from a snippet and returns the byte
// spans they enclosed in the result.
func highlights(marked string) (string, []crosscheck.Span) {
	var (
		b     strings.Builder
		spans []crosscheck.Span
		open  = -1
	)
	b.Grow(len(marked))
	for {
		i := strings.IndexFunc(marked, func(r rune) bool { return r == '\uFDD0' || r == '\uFDD1' })
		if i < 0 {
			b.WriteString(marked)
			break
		}
		b.WriteString(marked[:i])
		mark := marked[i : i+len(markOpen)]
		marked = marked[i+len(mark):]
		switch {
		case mark == markOpen:
			open = b.Len()
		case open >= 0:
			if b.Len() > open {
				spans = append(spans, crosscheck.Span{Start: open, End: b.Len()})
			}
			open = -1
		}
	}
	return b.String(), spans
}
