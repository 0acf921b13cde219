package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/nlp"
)

// annotateSummary totals an annotation run.
type annotateSummary struct {
	Documents int           `json:"documents"`
	Sentences int           `json:"sentences"`
	Tokens    int           `json:"tokens"`
	Entities  int           `json:"entities"`
	Extractor string        `json:"extractor"`
	Elapsed   time.Duration `json:"elapsed_ns"`
}

func runAnnotate(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("annotate", `annotate [--all] [ID ...]

Runs the language layer (sentences, tokens, parts of speech, lemmas,
dependency parses, named entities) over documents and stores it. Without
IDs it annotates every document that has no layer or one made by other
model versions; --all redoes every document.`)
	all := fs.Bool("all", false, "re-annotate every document")
	ids, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	st, err := m.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := annotate(ctx, m, st, ids, *all)
	if err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, sum)
	}
	if !m.Quiet {
		fmt.Fprintln(m.Stderr, sum.line())
	}
	return nil
}

func (s annotateSummary) line() string {
	rate := ""
	if secs := s.Elapsed.Seconds(); secs > 0 {
		rate = fmt.Sprintf(" in %.2fs (%.0f tokens/s)", secs, float64(s.Tokens)/secs)
	}
	return fmt.Sprintf("annotated %d documents: %d sentences, %d tokens, %d entity mentions%s", s.Documents, s.Sentences, s.Tokens, s.Entities, rate)
}

// annotate runs the pipeline over the given documents (or those whose
// layer is missing or outdated) in parallel and stores each layer.
func annotate(ctx context.Context, m *Main, st crosscheck.Store, ids []string, all bool) (annotateSummary, error) {
	start := time.Now()
	p, err := nlp.Default()
	if err != nil {
		return annotateSummary{}, err
	}
	if names, err := m.names(ctx, st); err != nil {
		return annotateSummary{}, err
	} else if names != nil {
		p = p.WithNames(names)
	}
	sum := annotateSummary{Extractor: p.Version()}
	if len(ids) == 0 {
		version := p.Version()
		if all {
			version = "\x00" // no layer has this version: every document
		}
		if ids, err = st.Unannotated(ctx, version); err != nil {
			return sum, err
		}
	}
	type result struct {
		a   *crosscheck.Annotations
		err error
	}
	jobs := make(chan string)
	results := make(chan result)
	workers := runtime.GOMAXPROCS(0)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for w := 0; w < workers; w++ {
		go func() {
			for id := range jobs {
				doc, err := st.Document(ctx, id)
				var a *crosscheck.Annotations
				if err == nil {
					a, err = p.Annotate(ctx, doc)
				}
				select {
				case results <- result{a, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, id := range ids {
			select {
			case jobs <- id:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range ids {
		var r result
		select {
		case r = <-results:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		if r.err != nil {
			return sum, r.err
		}
		if err := st.PutAnnotations(ctx, r.a); err != nil {
			return sum, err
		}
		sum.Documents++
		sum.Sentences += len(r.a.Sentences)
		sum.Entities += len(r.a.Entities)
		for _, s := range r.a.Sentences {
			sum.Tokens += len(s.Tokens)
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// namesText returns the names list in force: the --names file, the demo
// corpus's own list when the demo runs, else the list the database was
// annotated with (st may be nil). A list given by flag or demo is
// remembered in the database, so later commands on it need no flag.
func (m *Main) namesText(ctx context.Context, st crosscheck.Store) (text, source string, err error) {
	switch {
	case m.Names != "":
		b, err := os.ReadFile(m.Names)
		if err != nil {
			return "", "", fmt.Errorf("--names: %w", err)
		}
		text, source = string(b), m.Names
	case m.demo:
		b, err := fs.ReadFile(demo.Corpus(), demo.Root+"/names.tsv")
		if err != nil {
			return "", "", err
		}
		text, source = string(b), "demo names.tsv"
	case st != nil:
		v, err := st.Setting(ctx, namesSetting)
		if errors.Is(err, crosscheck.ErrNotFound) {
			return "", "", nil
		} else if err != nil {
			return "", "", err
		}
		return v, "the names list stored in " + m.DB, nil
	default:
		return "", "", nil
	}
	if st != nil {
		if err := st.PutSetting(ctx, namesSetting, text); err != nil {
			return "", "", err
		}
	}
	return text, source, nil
}

// namesSetting is the database setting that keeps the names list.
const namesSetting = "names"

// names parses the names list in force (see namesText); nil when none.
func (m *Main) names(ctx context.Context, st crosscheck.Store) (map[string]string, error) {
	text, source, err := m.namesText(ctx, st)
	if err != nil || text == "" {
		return nil, err
	}
	return nlp.ReadNames(strings.NewReader(text), source)
}
