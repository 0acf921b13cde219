package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/store/storetest"
)

// openTemp opens a store in a new temporary directory.
func openTemp(t testing.TB, opts ...Option) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "crosscheck.db"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) crosscheck.DocumentStore { return openTemp(t) })
}

func TestOpenNotSQLite(t *testing.T) {
	for name, content := range map[string]string{
		"short": "hello, world\n",
		"long":  strings.Repeat("This is a plain text file, not a database.\n", 200),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.txt")
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(t.Context(), path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded on a text file")
			}
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if want := path + ": not a crosscheck database (file is not SQLite)"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			if data, _ := os.ReadFile(path); string(data) != content {
				t.Error("Open changed the file")
			}
		})
	}
}

func TestOpenForeignSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db := rawDB(t, path)
	if _, err := db.Exec(`CREATE TABLE bookmarks (url TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(t.Context(), path)
	if !errors.Is(err, crosscheck.ErrInvalid) || !strings.Contains(err.Error(), path+": not a crosscheck database") {
		t.Errorf("Open(other program's database) error = %v, want ErrInvalid saying it is not a crosscheck database", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "dir", "crosscheck.db")
	_, err := Open(t.Context(), missing)
	if !errors.Is(err, crosscheck.ErrInvalid) || !errors.Is(err, fs.ErrNotExist) ||
		!strings.Contains(err.Error(), "directory "+filepath.Dir(missing)+" does not exist") {
		t.Errorf("Open(missing directory) error = %v, want ErrInvalid naming the directory", err)
	}
	if _, err := Open(t.Context(), dir); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("Open(directory) error = %v, want ErrInvalid", err)
	}
	for _, p := range []string{"", ":memory:", "file:x.db?mode=memory"} {
		if _, err := Open(t.Context(), p); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("Open(%q) error = %v, want ErrInvalid", p, err)
		}
	}
}

func TestOpenOddFileName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news?#%20 1.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created under its own name: %v", err)
	}
}

func TestPragmas(t *testing.T) {
	s := openTemp(t, WithBusyTimeout(1234*time.Millisecond))
	for _, db := range []*sql.DB{s.writer, s.reader} {
		for pragma, want := range map[string]string{
			"journal_mode": "wal",
			"foreign_keys": "1",
			"busy_timeout": "1234",
		} {
			var got string
			if err := db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
			}
		}
	}
	var mode int
	if err := s.writer.QueryRow("PRAGMA synchronous").Scan(&mode); err != nil || mode != 1 {
		t.Errorf("writer PRAGMA synchronous = %d, %v; want 1 (NORMAL)", mode, err)
	}
}

// rawDB opens path with the driver directly, as another program would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// lockDB holds the write lock of the database at path until the test
// ends or release is called.
func lockDB(t *testing.T, path string) (release func()) {
	t.Helper()
	conn, err := rawDB(t, path).Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			conn.ExecContext(context.Background(), "ROLLBACK")
			conn.Close()
		})
	}
	t.Cleanup(release)
	return release
}

func TestLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crosscheck.db")
	first, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()

	release := lockDB(t, path)
	s, err := Open(t.Context(), path, WithBusyTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatalf("Open while another process writes: %v (a migrated database needs no write lock to open)", err)
	}
	defer s.Close()
	doc, raw := testDoc("Locked out")
	start := time.Now()
	_, err = s.PutDocument(t.Context(), doc, raw, nil, nil)
	if !errors.Is(err, crosscheck.ErrLocked) {
		t.Fatalf("PutDocument while locked: error = %v, want ErrLocked", err)
	}
	if want := path + ": database is locked by another process"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if d := time.Since(start); d < 150*time.Millisecond || d > 5*time.Second {
		t.Errorf("PutDocument failed after %v, want about the busy timeout (200ms)", d)
	}
	// Readers are not blocked by a writer in WAL mode.
	if _, err := s.Documents(t.Context(), crosscheck.DocumentFilter{}); err != nil {
		t.Errorf("Documents while locked: %v", err)
	}

	release()
	if _, err := s.PutDocument(t.Context(), doc, raw, nil, nil); err != nil {
		t.Errorf("PutDocument after the lock is released: %v", err)
	}
}

func TestLockedNewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crosscheck.db")
	lockDB(t, path)
	_, err := Open(t.Context(), path, WithBusyTimeout(100*time.Millisecond))
	if !errors.Is(err, crosscheck.ErrLocked) || !strings.Contains(err.Error(), path+": database is locked by another process") {
		t.Errorf("Open(locked new database) error = %v, want ErrLocked", err)
	}
}

func TestReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "crosscheck.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	doc, raw := testDoc("Survives a reopen")
	if _, err := s.PutDocument(ctx, doc, raw, nil, nil); err != nil {
		t.Fatal(err)
	}
	before := appliedAt(t, s)
	s.Close()
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != len(ms) {
		t.Fatalf("schema_migrations has %d rows, want %d", len(before), len(ms))
	}

	time.Sleep(10 * time.Millisecond) // a second run would record a later time
	for range 2 {
		s, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if after := appliedAt(t, s); !reflect.DeepEqual(after, before) {
			t.Errorf("schema_migrations after reopening = %v, want %v", after, before)
		}
		if _, err := s.Document(ctx, doc.ID); err != nil {
			t.Errorf("Document after reopening: %v", err)
		}
		s.Close()
	}
}

func appliedAt(t *testing.T, s *Store) map[int]string {
	t.Helper()
	rows, err := s.reader.Query(`SELECT version, applied_at FROM schema_migrations`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[int]string{}
	for rows.Next() {
		var (
			v  int
			at string
		)
		if err := rows.Scan(&v, &at); err != nil {
			t.Fatal(err)
		}
		m[v] = at
	}
	return m
}

func TestNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crosscheck.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'later')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(t.Context(), path)
	if !errors.Is(err, crosscheck.ErrConflict) || !strings.Contains(err.Error(), "schema version 999") {
		t.Errorf("Open(newer database) error = %v, want ErrConflict naming version 999", err)
	}
}

func TestLoadMigrations(t *testing.T) {
	ms, err := loadMigrations(migrationFS)
	if err != nil || len(ms) == 0 {
		t.Fatalf("embedded migrations: %v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":      {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"bad name": {"migrations/1_a.sql": {}},
		"no name":  {"migrations/0001.sql": {}},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("loadMigrations(%s) succeeded", name)
		}
	}
}

// counts returns the number of rows of every table PutDocument writes.
func counts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	m := map[string]int{}
	for _, table := range []string{"blobs", "documents", "documents_fts", "doc_bands", "doc_links"} {
		var n int
		if err := s.reader.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		m[table] = n
	}
	return m
}

func TestPutDocumentAtomic(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	base, baseRaw := testDoc("Already there")
	if _, err := s.PutDocument(ctx, base, baseRaw, nil, nil); err != nil {
		t.Fatal(err)
	}
	want := counts(t, s)
	doc, raw := testDoc("Half written")
	fp := &crosscheck.Fingerprint{Method: "m", MinHash: []uint32{1}, Bands: []uint64{1, 2}}
	links := []crosscheck.Link{{From: doc.ID, To: base.ID, Kind: crosscheck.LinkNearDuplicate, Similarity: 0.9}}

	injected := errors.New("injected failure")
	s.afterBlob = func(context.Context) error { return injected }
	if _, err := s.PutDocument(ctx, doc, raw, fp, links); !errors.Is(err, injected) {
		t.Fatalf("PutDocument error = %v, want the injected failure", err)
	}
	if got := counts(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after a failure mid-transaction: rows %v, want %v", got, want)
	}

	cctx, cancel := context.WithCancel(ctx)
	s.afterBlob = func(context.Context) error { cancel(); return nil }
	if _, err := s.PutDocument(cctx, doc, raw, fp, links); !errors.Is(err, context.Canceled) {
		t.Fatalf("PutDocument error = %v, want context.Canceled", err)
	}
	if got := counts(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after a cancel mid-transaction: rows %v, want %v", got, want)
	}

	s.afterBlob = nil
	if _, err := s.PutDocument(ctx, doc, raw, fp, links); err != nil {
		t.Fatalf("PutDocument after the failures: %v", err)
	}
	if _, err := s.writer.Exec(`INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index out of sync with documents: %v", err)
	}
}

func TestConcurrentHandles(t *testing.T) {
	// Two Stores on one file behave like two processes: their writes meet
	// in SQLite's lock, not in Go.
	path := filepath.Join(t.TempDir(), "crosscheck.db")
	var stores []*Store
	for range 2 {
		s, err := Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	const each = 15
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for i, s := range stores {
		for g := range 3 {
			wg.Go(func() {
				for j := range each / 3 {
					doc, raw := testDoc(fmt.Sprintf("Handle %d goroutine %d document %d", i, g, j))
					if _, err := s.PutDocument(t.Context(), doc, raw, nil, nil); err != nil {
						errs <- err
					}
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list, err := stores[0].Documents(t.Context(), crosscheck.DocumentFilter{})
	if err != nil || len(list) != 2*each {
		t.Errorf("Documents = %d, %v; want %d", len(list), err, 2*each)
	}
}

func TestInvalidUTF8(t *testing.T) {
	s := openTemp(t)
	doc, raw := testDoc("Bad bytes")
	doc.Warnings = []string{"bad \xff byte"}
	if _, err := s.PutDocument(t.Context(), doc, raw, nil, nil); !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("PutDocument(invalid UTF-8 in a JSON field) error = %v, want ErrInvalid", err)
	}
	// Plain text columns keep their bytes as they are.
	doc.Warnings = nil
	doc.Text = "Bad bytes\n\ntext with \xff and \x00 inside"
	doc.Meta.Title = "title \xfe"
	if _, err := s.PutDocument(t.Context(), doc, raw, nil, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(t.Context(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != doc.Text || got.Meta.Title != doc.Meta.Title {
		t.Errorf("text %q, title %q; want %q, %q", got.Text, got.Meta.Title, doc.Text, doc.Meta.Title)
	}
}

func TestClosed(t *testing.T) {
	s := openTemp(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.Documents(t.Context(), crosscheck.DocumentFilter{}); err == nil {
		t.Error("Documents on a closed store succeeded")
	}
	doc, raw := testDoc("After close")
	if _, err := s.PutDocument(t.Context(), doc, raw, nil, nil); err == nil {
		t.Error("PutDocument on a closed store succeeded")
	}
}

func TestCandidatesUseBandIndex(t *testing.T) {
	s := openTemp(t)
	rows, err := s.reader.Query(`EXPLAIN QUERY PLAN SELECT d.id, d.minhash FROM documents d
		WHERE d.id IN (SELECT b.doc_id FROM doc_bands b WHERE b.band IN (?, ?)) AND d.fingerprint_method = ?`, 1, 2, "m")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	for _, step := range plan {
		if strings.HasPrefix(step, "SCAN") {
			t.Errorf("candidate query scans a table: %q (plan %q)", step, plan)
		}
	}
}

func TestHighlights(t *testing.T) {
	tests := []struct {
		in    string
		out   string
		spans []crosscheck.Span
	}{
		{"plain", "plain", nil},
		{"a " + markOpen + "spy" + markClose + " ring", "a spy ring", []crosscheck.Span{{Start: 2, End: 5}}},
		{markOpen + "Spy" + markClose + " " + markOpen + "ring" + markClose, "Spy ring", []crosscheck.Span{{Start: 0, End: 3}, {Start: 4, End: 8}}},
		{"…the " + markOpen + "café" + markClose + "…", "…the café…", []crosscheck.Span{{Start: 7, End: 12}}},
		{"stray " + markClose + "close", "stray close", nil},
		{"unclosed " + markOpen + "open", "unclosed open", nil},
		{markOpen + markClose + "empty", "empty", nil},
		{"other \uFDD2 noncharacter", "other \uFDD2 noncharacter", nil},
		{"bad \xff byte " + markOpen + "x" + markClose, "bad \xff byte x", []crosscheck.Span{{Start: 11, End: 12}}},
	}
	for _, tt := range tests {
		out, spans := highlights(tt.in)
		if out != tt.out || !reflect.DeepEqual(spans, tt.spans) {
			t.Errorf("highlights(%q) = %q, %v; want %q, %v", tt.in, out, spans, tt.out, tt.spans)
		}
	}
}

// testDoc returns a valid document whose raw bytes are its title.
func testDoc(title string) (*crosscheck.Document, []byte) {
	raw := []byte(title)
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	return &crosscheck.Document{
		ID:         hash[:16],
		RawHash:    hash,
		RawSize:    len(raw),
		Source:     crosscheck.Source{Kind: "file", Locator: "test.txt", Format: "text"},
		Meta:       crosscheck.Metadata{Title: title},
		Text:       title,
		Headline:   crosscheck.Span{Start: 0, End: len(title)},
		Extractor:  "test",
		IngestedAt: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC),
		Words:      len(strings.Fields(title)),
	}, raw
}

func TestAnnotationConformance(t *testing.T) {
	storetest.RunAnnotations(t, func(t *testing.T) crosscheck.Store { return openTemp(t) })
	storetest.RunGraph(t, func(t *testing.T) crosscheck.Store { return openTemp(t) })
}
