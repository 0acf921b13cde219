// Package demotest gives tests the demo corpus as `crosscheck demo`
// reads it: ingested by the real ingester, without a database.
package demotest

import (
	"context"
	"io/fs"
	"sort"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/ingest"
)

// memStore keeps documents in memory: enough of a DocumentStore for the
// ingester.
type memStore struct {
	mu   sync.Mutex
	docs []*crosscheck.Document
}

func (m *memStore) PutDocument(_ context.Context, d *crosscheck.Document, _ []byte, _ *crosscheck.Fingerprint, _ []crosscheck.Link) (crosscheck.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs = append(m.docs, d)
	return crosscheck.PutResult{ID: d.ID}, nil
}
func (m *memStore) DocumentByRawHash(context.Context, string) (string, error) {
	return "", crosscheck.ErrNotFound
}
func (m *memStore) Document(context.Context, string) (*crosscheck.Document, error) {
	return nil, crosscheck.ErrNotFound
}
func (m *memStore) Documents(context.Context, crosscheck.DocumentFilter) ([]crosscheck.DocumentSummary, error) {
	return nil, nil
}
func (m *memStore) Raw(context.Context, string) ([]byte, error) { return nil, crosscheck.ErrNotFound }
func (m *memStore) Candidates(context.Context, *crosscheck.Fingerprint) ([]crosscheck.Candidate, error) {
	return nil, nil
}
func (m *memStore) Links(context.Context, string) ([]crosscheck.Link, error) { return nil, nil }
func (m *memStore) Search(context.Context, crosscheck.SearchQuery) ([]crosscheck.SearchHit, error) {
	return nil, nil
}
func (m *memStore) Close() error { return nil }

// Documents ingests the embedded demo corpus and returns its documents in
// source order. Near-duplicates are not looked for (the store has no
// fingerprints), so every article is there.
func Documents(ctx context.Context) ([]*crosscheck.Document, error) {
	st := &memStore{}
	in, err := ingest.New(st, ingest.Options{FS: demo.Corpus(), Workers: 2})
	if err != nil {
		return nil, err
	}
	sum, err := in.Run(ctx, []string{demo.Root}, nil)
	if err == nil && sum.Failed > 0 {
		err = sum.Failures()[0].Err
	}
	if err != nil {
		return nil, err
	}
	sort.Slice(st.docs, func(i, j int) bool { return st.docs[i].Source.String() < st.docs[j].Source.String() })
	return st.docs, nil
}

// Names returns the demo's names list.
func Names() (string, error) {
	b, err := fs.ReadFile(demo.Corpus(), demo.Root+"/names.tsv")
	return string(b), err
}
