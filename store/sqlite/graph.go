package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

var _ crosscheck.GraphStore = (*Store)(nil)

// entityData is the JSON part of an entities row.
type entityData struct {
	Aliases   []crosscheck.Alias    `json:"aliases"`
	Relations []crosscheck.Relation `json:"relations,omitempty"`
}

// PutGraph replaces the linked graph in one transaction. Every mention
// must point into a stored document.
func (s *Store) PutGraph(ctx context.Context, g *crosscheck.Graph) (err error) {
	if g == nil {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "PutGraph: nil graph")
	}
	defer wrap(ctx, &err, "PutGraph")
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return s.classify(err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM entity_mentions`, `DELETE FROM entities`, `DELETE FROM event_docs`, `DELETE FROM events`, `DELETE FROM stories`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return s.classify(err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO graph_runs (id, extractor, created_at) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET extractor = excluded.extractor, created_at = excluded.created_at`,
		g.Extractor, g.CreatedAt.UTC().Format(time.RFC3339Nano)); err != nil {
		return s.classify(err)
	}
	entStmt, err := tx.PrepareContext(ctx, `INSERT INTO entities (id, type, name, mentions, docs, names, data) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return s.classify(err)
	}
	defer entStmt.Close()
	refStmt, err := tx.PrepareContext(ctx, `INSERT INTO entity_mentions (entity_id, seq, doc_id, span_start, span_end, sentence, text, kind, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return s.classify(err)
	}
	defer refStmt.Close()
	for _, e := range g.Entities {
		if e.ID == "" {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "entity %q has no ID", e.Name)
		}
		names := []string{strings.ToLower(e.Name)}
		for _, a := range e.Aliases {
			names = append(names, strings.ToLower(a.Name))
		}
		data, err := json.Marshal(entityData{Aliases: e.Aliases, Relations: e.Relations})
		if err != nil {
			return err
		}
		count := len(e.Mentions)
		if count == 0 {
			count = e.Count
		}
		if _, err := entStmt.ExecContext(ctx, e.ID, e.Type, e.Name, count, e.Docs, strings.Join(names, "\n"), string(data)); err != nil {
			return s.graphErr(err, "entity "+e.ID)
		}
		for i, r := range e.Mentions {
			if r.Span.Start < 0 || r.Span.End < r.Span.Start {
				return crosscheck.Errorf(crosscheck.ErrInvalid, "entity %s: mention %q has span %v", e.ID, r.Text, r.Span)
			}
			if _, err := refStmt.ExecContext(ctx, e.ID, i, r.DocID, r.Span.Start, r.Span.End, r.Sentence, r.Text, r.Kind, r.Extractor); err != nil {
				return s.graphErr(err, "entity "+e.ID+" mention in document "+r.DocID)
			}
		}
	}
	evStmt, err := tx.PrepareContext(ctx, `INSERT INTO events (id, type, title, begin_date, end_date, data) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return s.classify(err)
	}
	defer evStmt.Close()
	evDocStmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO event_docs (event_id, doc_id) VALUES (?, ?)`)
	if err != nil {
		return s.classify(err)
	}
	defer evDocStmt.Close()
	for _, ev := range g.Events {
		if ev.ID == "" {
			return crosscheck.Errorf(crosscheck.ErrInvalid, "event %q has no ID", ev.Title)
		}
		data, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if _, err := evStmt.ExecContext(ctx, ev.ID, ev.Type, ev.Title, ev.Begin, ev.End, string(data)); err != nil {
			return s.graphErr(err, "event "+ev.ID)
		}
		for _, m := range ev.Mentions {
			if _, err := evDocStmt.ExecContext(ctx, ev.ID, m.DocID); err != nil {
				return s.graphErr(err, "event "+ev.ID+" mention in document "+m.DocID)
			}
		}
	}
	stStmt, err := tx.PrepareContext(ctx, `INSERT INTO stories (id, title, begin_date, end_date, data) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return s.classify(err)
	}
	defer stStmt.Close()
	for _, st := range g.Stories {
		data, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if _, err := stStmt.ExecContext(ctx, st.ID, st.Title, st.Begin, st.End, string(data)); err != nil {
			return s.graphErr(err, "story "+st.ID)
		}
	}
	return s.classify(tx.Commit())
}

// Graph returns the whole stored graph.
func (s *Store) Graph(ctx context.Context) (_ *crosscheck.Graph, err error) {
	defer wrap(ctx, &err, "Graph")
	g := &crosscheck.Graph{}
	var created string
	err = s.reader.QueryRowContext(ctx, `SELECT extractor, created_at FROM graph_runs WHERE id = 1`).Scan(&g.Extractor, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return g, nil
	} else if err != nil {
		return nil, s.classify(err)
	}
	if g.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
		return nil, err
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT id, type, name, mentions, docs, data FROM entities ORDER BY mentions DESC, docs DESC, name, id`)
	if err != nil {
		return nil, s.classify(err)
	}
	index := map[string]int{}
	for rows.Next() {
		e, _, err := scanEntity(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[e.ID] = len(g.Entities)
		g.Entities = append(g.Entities, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.reader.QueryContext(ctx, `SELECT entity_id, doc_id, span_start, span_end, sentence, text, kind, extractor FROM entity_mentions ORDER BY entity_id, seq`)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var r crosscheck.EntityRef
		if err := rows.Scan(&id, &r.DocID, &r.Span.Start, &r.Span.End, &r.Sentence, &r.Text, &r.Kind, &r.Extractor); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			g.Entities[i].Mentions = append(g.Entities[i].Mentions, r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if g.Events, err = s.Events(ctx); err != nil {
		return nil, err
	}
	if g.Stories, err = s.Stories(ctx); err != nil {
		return nil, err
	}
	return g, nil
}

// graphErr turns constraint failures (an unknown document, a duplicate
// ID) into ErrInvalid naming the record.
func (s *Store) graphErr(err error, what string) error {
	if strings.Contains(err.Error(), "constraint failed") {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "%s: %v", what, err)
	}
	return s.classify(err)
}

// Entities lists entities without their mentions (Entity returns them).
func (s *Store) Entities(ctx context.Context, f crosscheck.EntityFilter) (_ []crosscheck.Entity, err error) {
	defer wrap(ctx, &err, "Entities")
	q := `SELECT id, type, name, mentions, docs, data FROM entities WHERE 1=1`
	var args []any
	if f.Type != "" {
		q += ` AND type = ?`
		args = append(args, strings.ToUpper(f.Type))
	}
	if f.Query != "" {
		q += ` AND instr(names, ?) > 0`
		args = append(args, strings.ToLower(f.Query))
	}
	switch f.Sort {
	case "", "mentions":
		q += ` ORDER BY mentions DESC, docs DESC, name, id`
	case "docs":
		q += ` ORDER BY docs DESC, mentions DESC, name, id`
	case "name":
		q += ` ORDER BY name COLLATE NOCASE, id`
	default:
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "unknown sort %q (want mentions, docs or name)", f.Sort)
	}
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.reader.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []crosscheck.Entity
	for rows.Next() {
		e, _, err := scanEntity(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

// scanEntity reads id, type, name, mentions, docs, data; it returns the
// mention count stored.
func scanEntity(sc scanner) (crosscheck.Entity, int, error) {
	var e crosscheck.Entity
	var n int
	var data string
	if err := sc.Scan(&e.ID, &e.Type, &e.Name, &n, &e.Docs, &data); err != nil {
		return e, 0, err
	}
	e.Count = n
	var d entityData
	if err := json.Unmarshal([]byte(data), &d); err != nil {
		return e, 0, err
	}
	e.Aliases, e.Relations = d.Aliases, d.Relations
	return e, n, nil
}

// Entity returns an entity with all its mentions.
func (s *Store) Entity(ctx context.Context, id string) (_ *crosscheck.Entity, err error) {
	defer wrap(ctx, &err, "Entity(%s)", id)
	e, _, err := scanEntity(s.reader.QueryRowContext(ctx, `SELECT id, type, name, mentions, docs, data FROM entities WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no entity %s", id)
	} else if err != nil {
		return nil, s.classify(err)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT doc_id, span_start, span_end, sentence, text, kind, extractor FROM entity_mentions WHERE entity_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r crosscheck.EntityRef
		if err := rows.Scan(&r.DocID, &r.Span.Start, &r.Span.End, &r.Sentence, &r.Text, &r.Kind, &r.Extractor); err != nil {
			return nil, err
		}
		e.Mentions = append(e.Mentions, r)
	}
	return &e, rows.Err()
}

// Events lists events by time, undated last.
func (s *Store) Events(ctx context.Context) (_ []crosscheck.Event, err error) {
	defer wrap(ctx, &err, "Events")
	rows, err := s.reader.QueryContext(ctx, `SELECT data FROM events ORDER BY begin_date = '', begin_date, end_date, id`)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []crosscheck.Event
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var ev crosscheck.Event
		if err := json.Unmarshal([]byte(data), &ev); err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id string) (_ *crosscheck.Event, err error) {
	defer wrap(ctx, &err, "Event(%s)", id)
	var data string
	err = s.reader.QueryRowContext(ctx, `SELECT data FROM events WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ErrNotFound, "no event %s", id)
	} else if err != nil {
		return nil, s.classify(err)
	}
	var ev crosscheck.Event
	if err := json.Unmarshal([]byte(data), &ev); err != nil {
		return nil, err
	}
	return &ev, nil
}

// Stories lists stories, the ones with most documents first.
func (s *Store) Stories(ctx context.Context) (_ []crosscheck.Story, err error) {
	defer wrap(ctx, &err, "Stories")
	rows, err := s.reader.QueryContext(ctx, `SELECT data FROM stories ORDER BY json_array_length(data, '$.docs') DESC, begin_date, id`)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []crosscheck.Story
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var st crosscheck.Story
		if err := json.Unmarshal([]byte(data), &st); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

var decisionKinds = map[string]bool{crosscheck.DecideMerge: true, crosscheck.DecideSplit: true, crosscheck.DecideRename: true}

// AddDecision stores a user's decision.
func (s *Store) AddDecision(ctx context.Context, d crosscheck.Decision) (_ crosscheck.Decision, err error) {
	defer wrap(ctx, &err, "AddDecision(%s %q %q)", d.Kind, d.A, d.B)
	if !decisionKinds[d.Kind] {
		return d, crosscheck.Errorf(crosscheck.ErrInvalid, "unknown decision %q (want merge, split or rename)", d.Kind)
	}
	if strings.TrimSpace(d.A) == "" || strings.TrimSpace(d.B) == "" {
		return d, crosscheck.Errorf(crosscheck.ErrInvalid, "a %s decision needs two names", d.Kind)
	}
	if d.CreatedAt.IsZero() {
		d.CreatedAt = time.Now().UTC()
	}
	res, err := s.writer.ExecContext(ctx, `INSERT INTO decisions (kind, type, a, b, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		d.Kind, d.Type, d.A, d.B, d.Note, d.CreatedAt.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return d, s.classify(err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return d, err
	}
	d.Seq = int(seq)
	return d, nil
}

// Decisions lists the user's decisions in the order they were made.
func (s *Store) Decisions(ctx context.Context) (_ []crosscheck.Decision, err error) {
	defer wrap(ctx, &err, "Decisions")
	rows, err := s.reader.QueryContext(ctx, `SELECT seq, kind, type, a, b, note, created_at FROM decisions ORDER BY seq`)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []crosscheck.Decision
	for rows.Next() {
		var d crosscheck.Decision
		var created string
		if err := rows.Scan(&d.Seq, &d.Kind, &d.Type, &d.A, &d.B, &d.Note, &created); err != nil {
			return nil, err
		}
		if d.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
