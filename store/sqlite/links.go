package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// bandBatch is the number of band keys per candidate query, well below
// SQLite's limit on bound parameters.
const bandBatch = 500

// Candidates returns the documents that share at least one band key with
// fp, ordered by ID, each with its MinHash signature. When fp.Method is
// set, only documents fingerprinted with the same method are returned:
// signatures of different methods cannot be compared.
func (s *Store) Candidates(ctx context.Context, fp *crosscheck.Fingerprint) (_ []crosscheck.Candidate, err error) {
	defer wrap(ctx, &err, "Candidates")
	if fp == nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "nil fingerprint")
	}
	found := map[string][]uint32{}
	for bands := range slices.Chunk(fp.Bands, bandBatch) {
		args := make([]any, 0, len(bands)+1)
		for _, b := range bands {
			args = append(args, int64(b))
		}
		method := ""
		if fp.Method != "" {
			method = ` AND d.fingerprint_method = ?`
			args = append(args, fp.Method)
		}
		rows, err := s.reader.QueryContext(ctx, `SELECT d.id, d.minhash FROM documents d
			WHERE d.id IN (SELECT b.doc_id FROM doc_bands b WHERE b.band IN (?`+strings.Repeat(", ?", len(bands)-1)+`))`+method, args...)
		if err != nil {
			return nil, s.classify(err)
		}
		for rows.Next() {
			var (
				id   string
				blob []byte
			)
			if err := rows.Scan(&id, &blob); err != nil {
				rows.Close()
				return nil, err
			}
			if _, ok := found[id]; ok {
				continue
			}
			if found[id], err = decodeMinHash(blob); err != nil {
				rows.Close()
				return nil, fmt.Errorf("document %s: %w", id, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.classify(err)
		}
	}
	cands := make([]crosscheck.Candidate, 0, len(found))
	for id, sig := range found {
		cands = append(cands, crosscheck.Candidate{ID: id, MinHash: sig})
	}
	slices.SortFunc(cands, func(a, b crosscheck.Candidate) int { return strings.Compare(a.ID, b.ID) })
	return cands, nil
}

// Links returns the links from or to the document with the given ID
// (not a prefix), most similar first. It returns an error wrapping
// crosscheck.ErrNotFound when there is no such document.
func (s *Store) Links(ctx context.Context, id string) (_ []crosscheck.Link, err error) {
	defer wrap(ctx, &err, "Links(%s)", id)
	rows, err := s.reader.QueryContext(ctx, `SELECT from_id, to_id, kind, similarity, method
		FROM doc_links
		WHERE from_id = ?1 OR to_id = ?1
		ORDER BY similarity DESC, from_id, to_id, kind`, id)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	links := []crosscheck.Link{}
	for rows.Next() {
		var l crosscheck.Link
		if err := rows.Scan(&l.From, &l.To, &l.Kind, &l.Similarity, &l.Method); err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	if err := rows.Err(); err != nil {
		return nil, s.classify(err)
	}
	if len(links) == 0 {
		var n int
		if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, s.classify(err)
		}
		if n == 0 {
			return nil, fmt.Errorf("no document with ID %s: %w", id, crosscheck.ErrNotFound)
		}
	}
	return links, nil
}
