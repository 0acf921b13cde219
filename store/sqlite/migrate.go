package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Migrations are append-only: a released file never changes; a schema
// change is a new file with the next number.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations, checking that they are
// numbered 1, 2, 3… without gaps.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names { // Glob sorts
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_description.sql", base)
		}
		if v != len(ms)+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", base, len(ms)+1)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(data)})
	}
	return ms, nil
}

// migrate brings the schema up to date, one transaction per migration.
func (s *Store) migrate(ctx context.Context) (err error) {
	defer func() {
		if err != nil {
			err = s.classify(err)
			if !hasPath(err) {
				err = fmt.Errorf("%s: migrate: %w", s.path, err)
			}
		}
	}()
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		return err
	}
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	known := len(ms)
	for v := range applied {
		if v > known || v < 1 {
			return &newerSchemaError{path: s.path, version: v, known: known}
		}
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// newerSchemaError reports a database that a newer crosscheck migrated.
type newerSchemaError struct {
	path           string
	version, known int
}

func (e *newerSchemaError) Error() string {
	return fmt.Sprintf("%s: database has schema version %d, newer than this crosscheck knows (%d): upgrade crosscheck", e.path, e.version, e.known)
}

func (e *newerSchemaError) Unwrap() error { return crosscheck.ErrConflict }

// appliedMigrations creates the schema_migrations table when the file is
// new and returns the versions it records. It refuses a SQLite file that
// holds other tables but no schema_migrations: that file belongs to some
// other program.
func (s *Store) appliedMigrations(ctx context.Context) (map[int]bool, error) {
	var tables []string
	rows, err := s.writer.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	hasTable := false
	for _, t := range tables {
		hasTable = hasTable || t == "schema_migrations"
	}
	if !hasTable {
		if len(tables) > 0 {
			return nil, &notDatabaseError{path: s.path, reason: "it holds other tables and no schema_migrations"}
		}
		// Checked above rather than with IF NOT EXISTS so that opening a
		// migrated database writes nothing and needs no write lock.
		if _, err := s.writer.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			applied_at TEXT NOT NULL
		) STRICT`); err != nil {
			return nil, err
		}
	}
	return s.versions(ctx, s.writer)
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// versions returns the applied migration versions.
func (s *Store) versions(ctx context.Context, q querier) (map[int]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

// apply runs one migration in its own transaction. Another process may
// have applied it since we looked; the check inside the write
// transaction makes that harmless.
func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	defer tx.Rollback()
	applied, err := s.versions(ctx, tx)
	if err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	if applied[m.version] {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		m.version, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	return nil
}

// errNoRows maps sql.ErrNoRows to crosscheck.ErrNotFound.
func errNoRows(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), crosscheck.ErrNotFound)
	}
	return err
}
