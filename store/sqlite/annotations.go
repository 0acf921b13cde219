package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/crosscheck/crosscheck"
)

// PutAnnotations stores a document's language layer, replacing the
// previous one in one transaction.
func (s *Store) PutAnnotations(ctx context.Context, a *crosscheck.Annotations) (err error) {
	if a == nil {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "PutAnnotations: nil annotations")
	}
	defer wrap(ctx, &err, "PutAnnotations(%s)", a.DocID)
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return s.classify(err)
	}
	defer tx.Rollback()
	var textLen int
	err = tx.QueryRowContext(ctx, `SELECT length(CAST(text AS BLOB)) FROM documents WHERE id = ?`, a.DocID).Scan(&textLen)
	if errors.Is(err, sql.ErrNoRows) {
		return crosscheck.Errorf(crosscheck.ErrNotFound, "no document %s", a.DocID)
	} else if err != nil {
		return s.classify(err)
	}
	if err := checkAnnotations(a, textLen); err != nil {
		return err
	}
	sents, err := json.Marshal(a.Sentences)
	if err != nil {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "encode sentences: %v", err)
	}
	exprs, err := json.Marshal(expressions{Timexes: a.Timexes, Quantities: a.Quantities, Quotes: a.Quotes, Modalities: a.Modalities})
	if err != nil {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "encode expressions: %v", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE doc_id = ?`, a.DocID); err != nil {
		return s.classify(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO annotations (doc_id, extractor, created_at, sentences, expressions) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (doc_id) DO UPDATE SET extractor = excluded.extractor, created_at = excluded.created_at,
			sentences = excluded.sentences, expressions = excluded.expressions`,
		a.DocID, a.Extractor, a.CreatedAt.Format(time.RFC3339Nano), string(sents), string(exprs)); err != nil {
		return s.classify(err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO mentions (doc_id, seq, span_start, span_end, sentence, label, text, title, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return s.classify(err)
	}
	defer stmt.Close()
	for i, m := range a.Entities {
		if _, err := stmt.ExecContext(ctx, a.DocID, i, m.Span.Start, m.Span.End, m.Sentence, m.Label, m.Text, m.Title, m.Role); err != nil {
			return s.classify(err)
		}
	}
	return s.classify(tx.Commit())
}

// expressions is the stored form of the second part of the layer.
type expressions struct {
	Timexes    []crosscheck.Timex    `json:"timexes,omitempty"`
	Quantities []crosscheck.Quantity `json:"quantities,omitempty"`
	Quotes     []crosscheck.Quote    `json:"quotes,omitempty"`
	Modalities []crosscheck.Modality `json:"modalities,omitempty"`
}

func checkAnnotations(a *crosscheck.Annotations, textLen int) error {
	for _, sent := range a.Sentences {
		if !sent.Span.Valid(textLen) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "sentence %d span %v outside the text (%d bytes)", sent.Index, sent.Span, textLen)
		}
		for _, t := range sent.Tokens {
			if !t.Span.Valid(textLen) {
				return crosscheck.Errorf(crosscheck.ErrInvalid, "token %q span %v outside the text", t.Text, t.Span)
			}
		}
	}
	inDoc := func(sp crosscheck.Span, sent int) bool {
		return sp.Valid(textLen) && sent >= 0 && (len(a.Sentences) == 0 || sent < len(a.Sentences))
	}
	for _, m := range a.Entities {
		if !inDoc(m.Span, m.Sentence) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "mention %q span %v sentence %d outside the document", m.Text, m.Span, m.Sentence)
		}
	}
	for _, x := range a.Timexes {
		if !inDoc(x.Span, x.Sentence) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "time expression %q span %v sentence %d outside the document", x.Text, x.Span, x.Sentence)
		}
	}
	for _, q := range a.Quantities {
		if !inDoc(q.Span, q.Sentence) || (q.Head != "" && !q.HeadSpan.Valid(textLen)) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "quantity %q span %v sentence %d outside the document", q.Text, q.Span, q.Sentence)
		}
	}
	for _, q := range a.Quotes {
		if !inDoc(q.Span, q.Sentence) || (q.Speaker != "" && !q.SpeakerSpan.Valid(textLen)) || q.SpeakerEntity >= len(a.Entities) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "quote %q span %v sentence %d outside the document", clip(q.Text), q.Span, q.Sentence)
		}
	}
	for _, m := range a.Modalities {
		if !inDoc(m.Span, m.Sentence) || (m.Cue != "" && !m.CueSpan.Valid(textLen)) {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "%s clause span %v sentence %d outside the document", m.Kind, m.Span, m.Sentence)
		}
	}
	return nil
}

// clip shortens a text for an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// Annotations returns a document's language layer.
func (s *Store) Annotations(ctx context.Context, docID string) (_ *crosscheck.Annotations, err error) {
	defer wrap(ctx, &err, "Annotations(%s)", docID)
	a := &crosscheck.Annotations{DocID: docID}
	var created, sents, exprs string
	err = s.reader.QueryRowContext(ctx, `SELECT extractor, created_at, sentences, expressions FROM annotations WHERE doc_id = ?`, docID).Scan(&a.Extractor, &created, &sents, &exprs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no annotations for document %s", docID)
	} else if err != nil {
		return nil, s.classify(err)
	}
	if a.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(sents), &a.Sentences); err != nil {
		return nil, err
	}
	var x expressions
	if err := json.Unmarshal([]byte(exprs), &x); err != nil {
		return nil, err
	}
	a.Timexes, a.Quantities, a.Quotes, a.Modalities = x.Timexes, x.Quantities, x.Quotes, x.Modalities
	rows, err := s.reader.QueryContext(ctx, `SELECT span_start, span_end, sentence, label, text, title, role FROM mentions WHERE doc_id = ? ORDER BY seq`, docID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var m crosscheck.EntityMention
		if err := rows.Scan(&m.Span.Start, &m.Span.End, &m.Sentence, &m.Label, &m.Text, &m.Title, &m.Role); err != nil {
			return nil, err
		}
		a.Entities = append(a.Entities, m)
	}
	return a, rows.Err()
}

// Unannotated lists documents without a layer by extractor, oldest first.
func (s *Store) Unannotated(ctx context.Context, extractor string) (_ []string, err error) {
	defer wrap(ctx, &err, "Unannotated(%s)", extractor)
	rows, err := s.reader.QueryContext(ctx, `SELECT d.id FROM documents d LEFT JOIN annotations a ON a.doc_id = d.id
		WHERE a.doc_id IS NULL OR a.extractor <> ? ORDER BY d.seq`, extractor)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
