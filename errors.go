// Package crosscheck holds the domain types shared by every stage of the
// pipeline (documents, spans, provenance) and the interfaces that storage
// backends implement. It imports only the standard library so that ingest,
// nlp, link, ledger, store and web code can all depend on it.
package crosscheck

import (
	"errors"
	"fmt"
)

// Error kinds. Callers test them with errors.Is; messages are never matched.
var (
	// ErrNotFound means a requested record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the input or the request is malformed.
	ErrInvalid = errors.New("invalid")
	// ErrConflict means the operation conflicts with existing state
	// (for example an ambiguous ID prefix).
	ErrConflict = errors.New("conflict")
	// ErrLocked means the store is held by another process.
	ErrLocked = errors.New("locked by another process")
)

// Errorf returns an error of the given kind whose message is the
// formatted text alone (the kind's name is not appended), so one-line
// reports read naturally while errors.Is(err, kind) holds. The format may
// wrap further errors with %w.
func Errorf(kind error, format string, a ...any) error {
	return &kindError{kind: kind, err: fmt.Errorf(format, a...)}
}

type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }
