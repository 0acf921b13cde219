package score

import (
	"context"
	"sort"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/ingest"
)

// memStore keeps documents in memory: enough of a DocumentStore for the
// ingester, so the tests read the demo corpus exactly as `crosscheck demo`
// does without a database.
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

var (
	demoOnce sync.Once
	demoDocs []crosscheck.Document
	demoErr  error
)

// demoCorpus ingests the embedded demo corpus once per test binary.
func demoCorpus(t testing.TB) []crosscheck.Document {
	t.Helper()
	demoOnce.Do(func() {
		st := &memStore{}
		in, err := ingest.New(st, ingest.Options{FS: demo.Corpus(), Workers: 2})
		if err != nil {
			demoErr = err
			return
		}
		sum, err := in.Run(context.Background(), []string{demo.Root}, nil)
		if err == nil && sum.Failed > 0 {
			err = sum.Failures()[0].Err
		}
		demoErr = err
		for _, d := range st.docs {
			demoDocs = append(demoDocs, *d)
		}
		sort.Slice(demoDocs, func(i, j int) bool { return demoDocs[i].Source.String() < demoDocs[j].Source.String() })
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoDocs
}
