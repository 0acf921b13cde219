package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/crosscheck/crosscheck"
)

// PutDocument stores doc, its raw bytes, fingerprint (which may be nil)
// and links in one transaction. When a document with the same raw bytes
// is stored already, it writes nothing and returns that document's ID.
//
// It returns an error wrapping crosscheck.ErrInvalid when doc does not
// match raw (hash or size), a span or link is malformed, a linked document
// does not exist, or a string that is stored as JSON is not valid UTF-8
// (encoding/json would silently change it); crosscheck.ErrConflict when
// doc.ID is taken by other raw bytes.
func (s *Store) PutDocument(ctx context.Context, doc *crosscheck.Document, raw []byte, fp *crosscheck.Fingerprint, links []crosscheck.Link) (_ crosscheck.PutResult, err error) {
	if doc == nil {
		return crosscheck.PutResult{}, crosscheck.Errorf(crosscheck.ErrInvalid, "PutDocument: nil document")
	}
	defer wrap(ctx, &err, "PutDocument(%s)", doc.ID)
	row, err := encodeDocument(doc, raw, fp)
	if err != nil {
		return crosscheck.PutResult{}, err
	}
	if err := checkLinks(doc.ID, links); err != nil {
		return crosscheck.PutResult{}, err
	}

	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return crosscheck.PutResult{}, s.classify(err)
	}
	defer tx.Rollback()

	var existing string
	err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE raw_hash = ?`, doc.RawHash).Scan(&existing)
	switch {
	case err == nil:
		return crosscheck.PutResult{ID: existing, Existing: true}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return crosscheck.PutResult{}, s.classify(err)
	}

	if _, err := tx.ExecContext(ctx, `INSERT INTO blobs (hash, size, data) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
		doc.RawHash, len(raw), raw); err != nil {
		return crosscheck.PutResult{}, s.classify(fmt.Errorf("insert raw bytes: %w", err))
	}
	if s.afterBlob != nil {
		if err := s.afterBlob(ctx); err != nil {
			return crosscheck.PutResult{}, err
		}
	}
	res, err := tx.ExecContext(ctx, insertDocument, row...)
	if err != nil {
		if constraint(err, sqlite3.SQLITE_CONSTRAINT_UNIQUE) {
			return crosscheck.PutResult{}, fmt.Errorf("ID is taken by a document with other raw bytes: %w", crosscheck.ErrConflict)
		}
		return crosscheck.PutResult{}, s.classify(fmt.Errorf("insert document: %w", err))
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return crosscheck.PutResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)`,
		seq, doc.Meta.Title, doc.Text); err != nil {
		return crosscheck.PutResult{}, s.classify(fmt.Errorf("index text: %w", err))
	}
	if fp != nil && len(fp.Bands) > 0 {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO doc_bands (band, doc_id) VALUES (?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return crosscheck.PutResult{}, s.classify(err)
		}
		defer stmt.Close()
		for _, band := range fp.Bands {
			if _, err := stmt.ExecContext(ctx, int64(band), doc.ID); err != nil {
				return crosscheck.PutResult{}, s.classify(fmt.Errorf("insert band: %w", err))
			}
		}
	}
	for _, l := range links {
		if _, err := tx.ExecContext(ctx, `INSERT INTO doc_links (from_id, to_id, kind, similarity, method) VALUES (?, ?, ?, ?, ?)`,
			l.From, l.To, l.Kind, l.Similarity, l.Method); err != nil {
			if constraint(err, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY) {
				return crosscheck.PutResult{}, crosscheck.Errorf(crosscheck.ErrInvalid, "link %s -> %s: no such document", l.From, l.To)
			}
			return crosscheck.PutResult{}, s.classify(fmt.Errorf("insert link: %w", err))
		}
	}
	if err := tx.Commit(); err != nil {
		return crosscheck.PutResult{}, s.classify(fmt.Errorf("commit: %w", err))
	}
	return crosscheck.PutResult{ID: doc.ID}, nil
}

// constraint reports whether err is the SQLite constraint violation code.
func constraint(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == code
}

const insertDocument = `INSERT INTO documents (
	id, raw_hash, raw_size,
	source_kind, source_locator, source_item, source_format,
	title, authors, outlet, outlet_key, url, language,
	published, published_precision, published_has_zone, published_unix,
	meta_rules, meta_raw,
	text, headline_start, headline_end, source_text,
	removed, blocks, warnings,
	extractor, ingested_at, ingested_unix_nano, words,
	fingerprint_method, minhash
) VALUES (
	?, ?, ?,
	?, ?, ?, ?,
	?, ?, ?, ?, ?, ?,
	?, ?, ?, ?,
	?, ?,
	?, ?, ?, ?,
	?, ?, ?,
	?, ?, ?, ?,
	?, ?
)`

// encodeDocument checks doc against raw and returns the arguments of
// insertDocument.
func encodeDocument(doc *crosscheck.Document, raw []byte, fp *crosscheck.Fingerprint) ([]any, error) {
	invalid := func(format string, args ...any) error {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "%s", fmt.Sprintf(format, args...))
	}
	if doc.ID == "" {
		return nil, invalid("empty ID")
	}
	sum := sha256.Sum256(raw)
	if hex.EncodeToString(sum[:]) != doc.RawHash {
		return nil, invalid("raw hash %q is not the SHA-256 of the %d raw bytes", doc.RawHash, len(raw))
	}
	if doc.RawSize != len(raw) {
		return nil, invalid("raw size %d, but %d raw bytes", doc.RawSize, len(raw))
	}
	if doc.Headline != (crosscheck.Span{}) && !doc.Headline.Valid(len(doc.Text)) {
		return nil, invalid("headline span %v outside the text (%d bytes)", doc.Headline, len(doc.Text))
	}
	if err := checkJSONStrings(doc); err != nil {
		return nil, err
	}
	published, err := formatTime(doc.Meta.Published.Time)
	if err != nil {
		return nil, invalid("published: %v", err)
	}
	ingested, err := formatTime(doc.IngestedAt)
	if err != nil {
		return nil, invalid("ingested at: %v", err)
	}
	var publishedUnix any // NULL sorts undated documents last
	if doc.Meta.Published.Known() {
		publishedUnix = doc.Meta.Published.Time.Unix()
	}
	var method string
	var minhash []byte
	if fp != nil {
		method = fp.Method
		minhash = encodeMinHash(fp.MinHash)
	}
	jsons := []any{doc.Meta.Authors, doc.Meta.Rules, doc.Meta.Raw, doc.Removed, doc.Blocks, doc.Warnings}
	for i, v := range jsons {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, invalid("encode: %v", err)
		}
		jsons[i] = string(b)
	}
	return []any{
		doc.ID, doc.RawHash, doc.RawSize,
		doc.Source.Kind, doc.Source.Locator, doc.Source.Item, doc.Source.Format,
		doc.Meta.Title, jsons[0], doc.Meta.Outlet, strings.ToLower(doc.Meta.Outlet), doc.Meta.URL, doc.Meta.Language,
		published, string(doc.Meta.Published.Precision), doc.Meta.Published.HasZone, publishedUnix,
		jsons[1], jsons[2],
		doc.Text, doc.Headline.Start, doc.Headline.End, doc.SourceText,
		jsons[3], jsons[4], jsons[5],
		doc.Extractor, ingested, unixNanoKey(doc.IngestedAt), doc.Words,
		method, minhash,
	}, nil
}

// checkJSONStrings rejects invalid UTF-8 in the fields stored as JSON,
// which encoding/json would replace with U+FFFD.
func checkJSONStrings(doc *crosscheck.Document) error {
	var bad string
	check := func(field, s string) {
		if bad == "" && !utf8.ValidString(s) {
			bad = field
		}
	}
	for _, a := range doc.Meta.Authors {
		check("meta.authors", a)
	}
	for k, v := range doc.Meta.Rules {
		check("meta.rules", k)
		check("meta.rules", v)
	}
	for k, v := range doc.Meta.Raw {
		check("meta.raw", k)
		check("meta.raw", v)
	}
	for _, r := range doc.Removed {
		check("removed.label", r.Label)
		check("removed.reason", r.Reason)
		check("removed.text", r.Text)
	}
	for _, b := range doc.Blocks {
		check("blocks.kind", b.Kind)
		check("blocks.source", b.Source)
		check("blocks.dateline", b.Dateline)
	}
	for _, w := range doc.Warnings {
		check("warnings", w)
	}
	if bad != "" {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "%s: invalid UTF-8", bad)
	}
	return nil
}

// checkLinks rejects links that do not involve the document, point to it
// from itself, or repeat.
func checkLinks(id string, links []crosscheck.Link) error {
	seen := map[[3]string]bool{}
	for _, l := range links {
		key := [3]string{l.From, l.To, l.Kind}
		var problem string
		switch {
		case l.From != id && l.To != id:
			problem = "does not involve the document"
		case l.From == l.To:
			problem = "links the document to itself"
		case l.Kind == "":
			problem = "has no kind"
		case math.IsNaN(l.Similarity):
			problem = "has similarity NaN"
		case seen[key]:
			problem = "is repeated"
		}
		if problem != "" {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "link %s -> %s (%s) %s", l.From, l.To, l.Kind, problem)
		}
		seen[key] = true
	}
	return nil
}

// formatTime renders t as RFC 3339 with its UTC offset. Years outside
// 0000–9999 have no RFC 3339 form.
func formatTime(t time.Time) (string, error) {
	if y := t.Year(); y < 0 || y > 9999 {
		return "", fmt.Errorf("year %d out of range", y)
	}
	return t.Format(time.RFC3339Nano), nil
}

// parseTime reads what formatTime wrote. Its location is a fixed zone
// with the stored offset, or UTC for offset zero; time.Parse alone would
// pick the process's local zone when the offsets happen to agree.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	return canonicalZone(t), nil
}

// canonicalZone returns t in UTC when its offset is zero, else in a fixed
// zone with its offset.
func canonicalZone(t time.Time) time.Time {
	_, off := t.Zone()
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

// unixNanoKey returns t as Unix nanoseconds for sorting, clamped to the
// int64 range (years 1678–2262).
func unixNanoKey(t time.Time) int64 {
	switch {
	case t.Before(time.Unix(0, math.MinInt64)):
		return math.MinInt64
	case t.After(time.Unix(0, math.MaxInt64)):
		return math.MaxInt64
	}
	return t.UnixNano()
}

// encodeMinHash packs a signature as little-endian uint32s.
func encodeMinHash(sig []uint32) []byte {
	if sig == nil {
		return nil
	}
	b := make([]byte, 0, 4*len(sig))
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// decodeMinHash unpacks what encodeMinHash wrote.
func decodeMinHash(b []byte) ([]uint32, error) {
	if b == nil {
		return nil, nil
	}
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("minhash of %d bytes: not a multiple of 4", len(b))
	}
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig, nil
}

// DocumentByRawHash returns the ID of the document with the given raw
// bytes, or an error wrapping crosscheck.ErrNotFound.
func (s *Store) DocumentByRawHash(ctx context.Context, rawHash string) (_ string, err error) {
	defer wrap(ctx, &err, "DocumentByRawHash(%s)", rawHash)
	var id string
	err = s.reader.QueryRowContext(ctx, `SELECT id FROM documents WHERE raw_hash = ?`, rawHash).Scan(&id)
	if err != nil {
		return "", s.classify(errNoRows(err, "no document with raw hash %s", rawHash))
	}
	return id, nil
}

// Raw returns the raw bytes with the given hash, or an error wrapping
// crosscheck.ErrNotFound.
func (s *Store) Raw(ctx context.Context, rawHash string) (_ []byte, err error) {
	defer wrap(ctx, &err, "Raw(%s)", rawHash)
	var data []byte
	err = s.reader.QueryRowContext(ctx, `SELECT data FROM blobs WHERE hash = ?`, rawHash).Scan(&data)
	if err != nil {
		return nil, s.classify(errNoRows(err, "no raw bytes with hash %s", rawHash))
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// MinPrefix is the shortest ID prefix Document accepts.
const MinPrefix = 4

// Document returns the document whose ID is id or, when no ID equals id,
// the one document whose ID starts with it. It returns an error wrapping
// crosscheck.ErrNotFound when there is none, crosscheck.ErrConflict when
// the prefix is ambiguous and crosscheck.ErrInvalid when id is shorter
// than MinPrefix and no ID equals it.
func (s *Store) Document(ctx context.Context, id string) (_ *crosscheck.Document, err error) {
	defer wrap(ctx, &err, "Document(%s)", id)
	if id == "" {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "empty ID")
	}
	doc, err := scanDocument(s.reader.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id))
	if !errors.Is(err, sql.ErrNoRows) {
		return doc, s.classify(err)
	}
	if len(id) < MinPrefix {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "no document with ID %s, and a prefix needs %d characters", id, MinPrefix)
	}
	// Every string that starts with id sorts between id and id+"\xff":
	// no UTF-8 text holds the byte 0xff.
	rows, err := s.reader.QueryContext(ctx, `SELECT id FROM documents WHERE id > ? AND id < ? ORDER BY id LIMIT 3`, id, id+"\xff")
	if err != nil {
		return nil, s.classify(err)
	}
	var ids []string
	for rows.Next() {
		var match string
		if err := rows.Scan(&match); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, match)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.classify(err)
	}
	switch len(ids) {
	case 0:
		return nil, fmt.Errorf("no document with ID or prefix %s: %w", id, crosscheck.ErrNotFound)
	case 1:
		doc, err := scanDocument(s.reader.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, ids[0]))
		return doc, s.classify(err)
	}
	more := ""
	if len(ids) > 2 {
		more = ", …"
	}
	return nil, fmt.Errorf("ID prefix %s is ambiguous (%s%s): %w", id, strings.Join(ids[:2], ", "), more, crosscheck.ErrConflict)
}

const documentColumns = `id, raw_hash, raw_size,
	source_kind, source_locator, source_item, source_format,
	title, authors, outlet, url, language,
	published, published_precision, published_has_zone,
	meta_rules, meta_raw,
	text, headline_start, headline_end, source_text,
	removed, blocks, warnings,
	extractor, ingested_at, words`

// scanDocument reads a row of documentColumns.
func scanDocument(row *sql.Row) (*crosscheck.Document, error) {
	var (
		d                                          crosscheck.Document
		authors, rules, raw, removed, blocks, warn string
		published, precision, ingested             string
	)
	err := row.Scan(&d.ID, &d.RawHash, &d.RawSize,
		&d.Source.Kind, &d.Source.Locator, &d.Source.Item, &d.Source.Format,
		&d.Meta.Title, &authors, &d.Meta.Outlet, &d.Meta.URL, &d.Meta.Language,
		&published, &precision, &d.Meta.Published.HasZone,
		&rules, &raw,
		&d.Text, &d.Headline.Start, &d.Headline.End, &d.SourceText,
		&removed, &blocks, &warn,
		&d.Extractor, &ingested, &d.Words)
	if err != nil {
		return nil, err
	}
	d.Meta.Published.Precision = crosscheck.Precision(precision)
	if d.Meta.Published.Time, err = parseTime(published); err != nil {
		return nil, fmt.Errorf("document %s: published: %w", d.ID, err)
	}
	if d.IngestedAt, err = parseTime(ingested); err != nil {
		return nil, fmt.Errorf("document %s: ingested at: %w", d.ID, err)
	}
	for _, c := range []struct {
		name string
		data string
		v    any
	}{
		{"authors", authors, &d.Meta.Authors},
		{"meta rules", rules, &d.Meta.Rules},
		{"meta raw", raw, &d.Meta.Raw},
		{"removed", removed, &d.Removed},
		{"blocks", blocks, &d.Blocks},
		{"warnings", warn, &d.Warnings},
	} {
		if err := json.Unmarshal([]byte(c.data), c.v); err != nil {
			return nil, fmt.Errorf("document %s: %s: %w", d.ID, c.name, err)
		}
	}
	for i := range d.Blocks {
		d.Blocks[i].Date.Time = canonicalZone(d.Blocks[i].Date.Time)
	}
	return &d, nil
}

// summaryColumns are the columns of a crosscheck.DocumentSummary of the
// document d; DuplicateOf is the most similar earlier twin.
const summaryColumns = `d.id, d.outlet, d.published, d.published_precision, d.published_has_zone,
	d.title, d.words, d.source_kind, d.source_locator, d.source_item, d.source_format,
	(SELECT l.to_id FROM doc_links l
		WHERE l.from_id = d.id AND l.kind = '` + crosscheck.LinkNearDuplicate + `'
		ORDER BY l.similarity DESC, l.to_id LIMIT 1)`

// scanSummary reads summaryColumns followed by extra destinations.
func scanSummary(rows *sql.Rows, extra ...any) (crosscheck.DocumentSummary, error) {
	var (
		d                    crosscheck.DocumentSummary
		published, precision string
		dup                  sql.NullString
	)
	dest := append([]any{&d.ID, &d.Outlet, &published, &precision, &d.Published.HasZone,
		&d.Title, &d.Words, &d.Source.Kind, &d.Source.Locator, &d.Source.Item, &d.Source.Format,
		&dup}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return d, err
	}
	d.Published.Precision = crosscheck.Precision(precision)
	d.DuplicateOf = dup.String
	var err error
	if d.Published.Time, err = parseTime(published); err != nil {
		return d, fmt.Errorf("document %s: published: %w", d.ID, err)
	}
	return d, nil
}

// filterSQL returns the conditions (joined with AND, each starting with
// " AND ") and arguments that select the documents d matching f.
func filterSQL(f crosscheck.DocumentFilter) (string, []any, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return "", nil, crosscheck.Errorf(crosscheck.ErrInvalid, "limit %d, offset %d: must not be negative", f.Limit, f.Offset)
	}
	var (
		where strings.Builder
		args  []any
	)
	if f.Outlet != "" {
		where.WriteString(` AND d.outlet_key = ?`)
		args = append(args, strings.ToLower(f.Outlet))
	}
	if !f.From.IsZero() {
		// Stored dates are whole seconds: round a fractional bound up.
		from := f.From.Unix()
		if f.From.Nanosecond() > 0 {
			from++
		}
		where.WriteString(` AND d.published_unix >= ?`)
		args = append(args, from)
	}
	if !f.To.IsZero() {
		y, m, day := f.To.Date()
		end := time.Date(y, m, day+1, 0, 0, 0, 0, f.To.Location())
		where.WriteString(` AND d.published_unix < ?`)
		args = append(args, end.Unix())
	}
	return where.String(), args, nil
}

// Documents lists documents matching f: newest publication date first,
// undated last, then in order of ingestion.
func (s *Store) Documents(ctx context.Context, f crosscheck.DocumentFilter) (_ []crosscheck.DocumentSummary, err error) {
	defer wrap(ctx, &err, "Documents")
	where, args, err := filterSQL(f)
	if err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = -1 // no limit
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT `+summaryColumns+`
		FROM documents d
		WHERE true`+where+`
		ORDER BY d.published_unix DESC NULLS LAST, d.ingested_unix_nano, d.seq
		LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	list := []crosscheck.DocumentSummary{}
	for rows.Next() {
		d, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, d)
	}
	return list, s.classify(rows.Err())
}
