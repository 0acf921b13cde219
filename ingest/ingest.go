// Package ingest turns what users have (files, folders, URLs, standard
// input; plain or Markdown text, HTML, RSS/Atom feeds, WARC archives, JSON
// lines) into stored documents: clean text plus metadata, with every
// removed piece recorded and near-duplicates linked to their twins.
//
// A batch never stops at a bad item: each failure is an Outcome naming the
// item and the reason, and the batch goes on.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/dedup"
)

// Version identifies the ingestion code in each document's Extractor.
const Version = "ingest/1"

// Options configure an Ingester. The zero value is completed by Defaults.
type Options struct {
	// MaxBytes caps one input item (a file, a fetched page, a WARC record's
	// payload, a JSON line). Default 20 MiB.
	MaxBytes int64
	// Timeout bounds one URL fetch. Default 30 s.
	Timeout time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// Follow makes feed items fetch their linked page.
	Follow bool
	// Workers extract documents in parallel. Default GOMAXPROCS.
	Workers int
	// DupThreshold is the similarity from which a document is linked to
	// its near-duplicate twin. Default dedup.DefaultThreshold.
	DupThreshold float64
	// Client fetches URLs. Default: an http.Client with Timeout.
	Client *http.Client
	// Now stamps IngestedAt. Default time.Now.
	Now func() time.Time
	// FS, when set, is where paths are read instead of the operating
	// system's files (the demo reads its embedded corpus this way).
	FS fs.FS
}

// DefaultUserAgent says who is fetching and why.
const DefaultUserAgent = "crosscheck/0.1 (+https://github.com/crosscheck/crosscheck; news article ingestion)"

// Defaults fills unset options.
func (o Options) Defaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 20 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.DupThreshold <= 0 {
		o.DupThreshold = dedup.DefaultThreshold
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Validate reports options that cannot work.
func (o Options) Validate() error {
	if o.DupThreshold > 1 {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "duplicate threshold %.2f above 1", o.DupThreshold)
	}
	return nil
}

// Status is what happened to one item.
type Status string

// Item statuses.
const (
	StatusIngested  Status = "ingested"  // stored as a new document
	StatusDuplicate Status = "duplicate" // stored and linked to a near-duplicate twin
	StatusUnchanged Status = "unchanged" // already stored: nothing written
	StatusSkipped   Status = "skipped"   // not an article (e.g. a README in a folder, an image in a WARC)
	StatusFailed    Status = "failed"
)

// Outcome reports one item of a batch.
type Outcome struct {
	// Item names the input: a path, URL or "-", with "#record 3",
	// "#item 2" or "#line 5" inside containers.
	Item     string   `json:"item"`
	Status   Status   `json:"status"`
	ID       string   `json:"id,omitempty"`
	Title    string   `json:"title,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
	// Reason says why an item failed or was skipped.
	Reason string `json:"reason,omitempty"`
	// Twin is the near-duplicate a new document was linked to.
	Twin       string  `json:"twin,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
	Err        error   `json:"-"`
}

// Summary totals a batch.
type Summary struct {
	Ingested   int           `json:"ingested"`
	Duplicates int           `json:"duplicates"`
	Unchanged  int           `json:"unchanged"`
	Skipped    int           `json:"skipped"`
	Failed     int           `json:"failed"`
	Warnings   int           `json:"warnings"`
	Bytes      int64         `json:"bytes"`
	Elapsed    time.Duration `json:"elapsed_ns"`
	Outcomes   []Outcome     `json:"outcomes"`
}

// Failures returns the failed outcomes.
func (s Summary) Failures() []Outcome {
	var out []Outcome
	for _, o := range s.Outcomes {
		if o.Status == StatusFailed {
			out = append(out, o)
		}
	}
	return out
}

// Reasons groups failure reasons with their counts, most frequent first.
func (s Summary) Reasons() []string {
	count := map[string]int{}
	for _, o := range s.Failures() {
		count[shortReason(o.Reason)]++
	}
	reasons := make([]string, 0, len(count))
	for r := range count {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool {
		if count[reasons[i]] != count[reasons[j]] {
			return count[reasons[i]] > count[reasons[j]]
		}
		return reasons[i] < reasons[j]
	})
	out := make([]string, len(reasons))
	for i, r := range reasons {
		out[i] = fmt.Sprintf("%d %s", count[r], r)
	}
	return out
}

// shortReason keeps the kind of a reason, dropping details after a colon.
func shortReason(r string) string {
	if i := strings.Index(r, ": "); i > 0 {
		return r[:i]
	}
	return r
}

// Progress receives events while a batch runs: each finished item, and
// each finished input (file, URL) with how many inputs there are.
type Progress interface {
	Item(Outcome)
	InputDone(done, total int)
}

// Ingester runs batches into a store.
type Ingester struct {
	store crosscheck.DocumentStore
	opt   Options
}

// New returns an Ingester writing to store.
func New(store crosscheck.DocumentStore, opt Options) (*Ingester, error) {
	opt = opt.Defaults()
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	return &Ingester{store: store, opt: opt}, nil
}

// result is a built document or the reason there is none, delivered in
// input order.
type result struct {
	name      string
	doc       *crosscheck.Document
	raw       []byte
	fp        *crosscheck.Fingerprint
	skipped   string
	err       error
	warnings  []string
	inputDone bool // marks the end of one input
}

// Run ingests inputs: paths (files or folders), http(s) URLs, and "-" for
// standard input. Items are extracted in parallel and stored one at a
// time in input order, so results do not depend on scheduling. The
// returned error is only for a batch that could not run at all (a
// cancelled context, a store failure); failed items are in the Summary.
func (in *Ingester) Run(ctx context.Context, inputs []string, p Progress) (Summary, error) {
	start := time.Now()
	units, planErrs := in.plan(ctx, inputs)
	var sum Summary
	for _, o := range planErrs {
		sum.add(o, p)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ordered := make(chan chan result, 4*in.opt.Workers)
	jobs := make(chan job)
	go in.produce(ctx, units, ordered, jobs)
	for w := 0; w < in.opt.Workers; w++ {
		go in.work(ctx, jobs)
	}

	done := 0
	for fut := range ordered {
		var r result
		select {
		case r = <-fut:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		if r.inputDone {
			done++
			if p != nil {
				p.InputDone(done, len(units))
			}
			continue
		}
		o, err := in.store1(ctx, r)
		if err != nil {
			return sum, err
		}
		if r.doc != nil {
			sum.Bytes += int64(len(r.raw))
		}
		sum.add(o, p)
	}
	sum.Elapsed = time.Since(start)
	return sum, ctx.Err()
}

func (s *Summary) add(o Outcome, p Progress) {
	switch o.Status {
	case StatusIngested:
		s.Ingested++
	case StatusDuplicate:
		s.Ingested++
		s.Duplicates++
	case StatusUnchanged:
		s.Unchanged++
	case StatusSkipped:
		s.Skipped++
	case StatusFailed:
		s.Failed++
	}
	s.Warnings += len(o.Warnings)
	s.Outcomes = append(s.Outcomes, o)
	if p != nil {
		p.Item(o)
	}
}

// store1 writes one built document: a no-op when its raw bytes are
// stored already, else stored with a link to its nearest twin, if any.
func (in *Ingester) store1(ctx context.Context, r result) (Outcome, error) {
	o := Outcome{Item: r.name, Warnings: r.warnings}
	switch {
	case r.err != nil:
		o.Status, o.Reason, o.Err = StatusFailed, reason(r.err), r.err
		return o, nil
	case r.skipped != "":
		o.Status, o.Reason = StatusSkipped, r.skipped
		return o, nil
	}
	doc := r.doc
	o.Title = doc.Meta.Title
	if id, err := in.store.DocumentByRawHash(ctx, doc.RawHash); err == nil {
		o.Status, o.ID = StatusUnchanged, id
		return o, nil
	} else if !errors.Is(err, crosscheck.ErrNotFound) {
		return o, fmt.Errorf("store: %w", err)
	}
	cands, err := in.store.Candidates(ctx, r.fp)
	if err != nil {
		return o, fmt.Errorf("store: %w", err)
	}
	var links []crosscheck.Link
	if twin, sim, ok := dedup.Best(r.fp, cands, in.opt.DupThreshold); ok {
		if sim == 1 && in.sameSource(ctx, twin.ID, doc) {
			// The same page again with different bytes (a timestamp, an
			// ad slot) but the same text: nothing new.
			o.Status, o.ID = StatusUnchanged, twin.ID
			return o, nil
		}
		links = append(links, crosscheck.Link{From: doc.ID, To: twin.ID, Kind: crosscheck.LinkNearDuplicate, Similarity: sim, Method: dedup.Method})
		o.Twin, o.Similarity = twin.ID, sim
	}
	res, err := in.store.PutDocument(ctx, doc, r.raw, r.fp, links)
	if err != nil {
		return o, fmt.Errorf("store %s: %w", r.name, err)
	}
	o.ID = res.ID
	switch {
	case res.Existing:
		o.Status, o.Twin, o.Similarity = StatusUnchanged, "", 0
	case len(links) > 0:
		o.Status = StatusDuplicate
	default:
		o.Status = StatusIngested
	}
	return o, nil
}

func (in *Ingester) sameSource(ctx context.Context, id string, doc *crosscheck.Document) bool {
	old, err := in.store.Document(ctx, id)
	if err != nil {
		return false
	}
	same := old.Source.String() == doc.Source.String()
	if doc.Meta.URL != "" && old.Meta.URL == doc.Meta.URL {
		same = true
	}
	return same && old.Text == doc.Text
}

// reason renders an item error as one line.
func reason(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
