// Package sqlite implements crosscheck.DocumentStore on a single SQLite
// file, using the pure-Go modernc.org/sqlite driver (no cgo).
//
// The database runs in WAL mode: readers never wait for the writer. The
// Store keeps one connection for writes, so writers of this process queue
// in Go (honouring their contexts) rather than in SQLite's busy handler;
// the busy timeout only matters when another process writes to the same
// file. Writes use BEGIN IMMEDIATE, so a transaction never fails halfway
// for want of the write lock.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/crosscheck/crosscheck"
)

// DefaultBusyTimeout is how long an operation waits for another process's
// write lock before failing with crosscheck.ErrLocked.
const DefaultBusyTimeout = 5 * time.Second

// Option configures Open.
type Option func(*config)

type config struct {
	busyTimeout time.Duration
}

// WithBusyTimeout sets how long an operation waits for a lock held by
// another process before failing with crosscheck.ErrLocked. Zero or less
// fails at once.
func WithBusyTimeout(d time.Duration) Option {
	return func(c *config) { c.busyTimeout = d }
}

// Store is a crosscheck.DocumentStore in one SQLite file. It is safe for
// concurrent use.
type Store struct {
	path   string
	writer *sql.DB // one connection: all writes
	reader *sql.DB // read-only connections

	closeOnce sync.Once
	closeErr  error

	// afterBlob, when set, runs inside PutDocument's transaction right
	// after the raw bytes are inserted. Tests use it to fail mid-way.
	afterBlob func(ctx context.Context) error
}

var _ crosscheck.DocumentStore = (*Store)(nil)

// Open opens the store at path, creating the file when it does not exist
// and migrating its schema to the current version.
//
// Errors wrap crosscheck.ErrInvalid when path is not a crosscheck database
// or its directory does not exist, crosscheck.ErrConflict when the
// database was written by a newer version of crosscheck, and
// crosscheck.ErrLocked when another process holds the write lock for
// longer than the busy timeout.
func Open(ctx context.Context, path string, opts ...Option) (_ *Store, err error) {
	defer wrap(ctx, &err, "open store")
	cfg := config{busyTimeout: DefaultBusyTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	if err := checkPath(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}

	s := &Store{path: path}
	// The write lock is taken at BEGIN (IMMEDIATE), so a write transaction
	// either waits for the lock up front or fails before writing anything.
	common := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", cfg.busyTimeout.Milliseconds())
	s.writer, err = sql.Open("sqlite", dsn(abs, common+"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.writer.SetMaxOpenConns(1)
	s.writer.SetMaxIdleConns(1)
	s.reader, err = sql.Open("sqlite", dsn(abs, common+"&_pragma=query_only(1)"))
	if err != nil {
		s.writer.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	readers := max(2, runtime.NumCPU())
	s.reader.SetMaxOpenConns(readers)
	s.reader.SetMaxIdleConns(readers)

	if err := s.writer.PingContext(ctx); err != nil {
		s.Close()
		return nil, s.classify(fmt.Errorf("%s: %w", path, err))
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// checkPath rejects paths SQLite would fail on with an unhelpful message.
func checkPath(path string) error {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "%q: need the name of a database file", path)
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: directory %s does not exist: %w (%w)", path, dir, crosscheck.ErrInvalid, fs.ErrNotExist)
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
	case !info.IsDir():
		return crosscheck.Errorf(crosscheck.ErrInvalid, "%s: %s is not a directory", path, dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "%s: is a directory, not a database file", path)
	}
	return nil
}

// dsn builds a driver name for the file at the absolute path abs. The
// file: URI form lets the path hold any character: SQLite decodes the
// %-escapes, the driver reads its own parameters from the query.
func dsn(abs, params string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(abs))
	if !strings.HasPrefix(escaped, "/") {
		escaped = "/" + escaped // a Windows drive letter
	}
	return "file:" + escaped + "?" + params
}

// Close closes the store. It is safe to call more than once.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		var errs []error
		if s.reader != nil {
			errs = append(errs, s.reader.Close())
		}
		if s.writer != nil {
			errs = append(errs, s.writer.Close())
		}
		if err := errors.Join(errs...); err != nil {
			s.closeErr = fmt.Errorf("close store %s: %w", s.path, err)
		}
	})
	return s.closeErr
}

// notDatabaseError reports a file that is not a crosscheck database.
type notDatabaseError struct {
	path   string
	reason string
	err    error // the driver's error, if any
}

func (e *notDatabaseError) Error() string {
	return e.path + ": not a crosscheck database (" + e.reason + ")"
}

func (e *notDatabaseError) Unwrap() []error {
	if e.err == nil {
		return []error{crosscheck.ErrInvalid}
	}
	return []error{crosscheck.ErrInvalid, e.err}
}

// lockedError reports a lock held by another connection beyond the busy
// timeout.
type lockedError struct {
	path string
	err  error
}

func (e *lockedError) Error() string {
	return e.path + ": database is locked by another process"
}

func (e *lockedError) Unwrap() []error { return []error{crosscheck.ErrLocked, e.err} }

// classify turns SQLite result codes into crosscheck error kinds.
func (s *Store) classify(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return &notDatabaseError{path: s.path, reason: "file is not SQLite", err: err}
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &lockedError{path: s.path, err: err}
	}
	return err
}

// hasPath reports whether err is one of the errors whose message starts
// with the database's path.
func hasPath(err error) bool {
	var (
		nd *notDatabaseError
		le *lockedError
		ne *newerSchemaError
	)
	return errors.As(err, &nd) || errors.As(err, &le) || errors.As(err, &ne)
}

// wrap annotates *errp with the operation, and with the context's error
// when the context ended the operation (SQLite then reports only
// "interrupted").
func wrap(ctx context.Context, errp *error, format string, args ...any) {
	err := *errp
	if err == nil {
		return
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", err, ctxErr)
	}
	*errp = fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)
}
