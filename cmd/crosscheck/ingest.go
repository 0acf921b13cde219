package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
)

func runIngest(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("ingest", `ingest [flags] PATH|URL|- ...

Reads files, folders (recursively), http(s) URLs and standard input (-).
Formats are detected by content: plain text or Markdown (scraped pages),
HTML, RSS/Atom feeds, WARC / WARC.gz archives and JSON lines with "text"
or "html" and optional "url", "title", "published", "outlet", "author".`)
	var opt ingest.Options
	list := fs.String("list", "", "also read inputs from this `file`, one path or URL per line (- for stdin)")
	fs.BoolVar(&opt.Follow, "follow", false, "for feeds: fetch each item's linked page and extract it")
	fs.DurationVar(&opt.Timeout, "timeout", 30*time.Second, "time limit for each URL fetch")
	fs.Int64Var(&opt.MaxBytes, "max-bytes", 20<<20, "size cap for one item (file, page, WARC record, JSON line)")
	fs.IntVar(&opt.Workers, "workers", 0, "parallel extractors (default: number of CPUs)")
	fs.Float64Var(&opt.DupThreshold, "dup-threshold", 0, "similarity from which a document is linked as a near-duplicate (default 0.5)")
	noAnnotate := fs.Bool("no-annotate", false, "store the documents only; run 'crosscheck annotate' and 'crosscheck link' later")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *list != "" {
		more, err := readList(*list, m)
		if err != nil {
			return err
		}
		inputs = append(inputs, more...)
	}
	if len(inputs) == 0 {
		return usageErr("give at least one file, folder, URL or - for standard input")
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := ingest.New(st, opt)
	if err != nil {
		return err
	}
	sum, err := runBatch(ctx, m, in, inputs)
	if err != nil {
		return err
	}
	if !*noAnnotate && sum.Ingested > 0 {
		if err := annotateNew(ctx, m, st); err != nil {
			return err
		}
		if err := linkAll(ctx, m, st); err != nil {
			return err
		}
	}
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}

// linkAll rebuilds the linked graph and says so on stderr.
func linkAll(ctx context.Context, m *Main, st crosscheck.Store) error {
	ls, err := relink(ctx, m, st)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	if !m.Quiet && !m.JSON {
		fmt.Fprintln(m.Stderr, ls.line())
	}
	return nil
}

// annotateNew runs the language layer over the documents that lack a
// current one, reporting on stderr (JSON output stays the ingest summary).
func annotateNew(ctx context.Context, m *Main, st crosscheck.Store) error {
	as, err := annotate(ctx, m, st, nil, false)
	if err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	if !m.Quiet && !m.JSON && as.Documents > 0 {
		fmt.Fprintln(m.Stderr, as.line())
	}
	return nil
}

// runBatch runs an ingest batch with progress on stderr and prints the
// summary (JSON on stdout with --json).
func runBatch(ctx context.Context, m *Main, in *ingest.Ingester, inputs []string) (ingest.Summary, error) {
	p := newProgress(m)
	sum, err := in.Run(ctx, inputs, p)
	p.finish()
	if err != nil {
		return sum, err
	}
	if m.JSON {
		return sum, writeJSON(m.Stdout, sum)
	}
	if !m.Quiet {
		fmt.Fprintln(m.Stderr, summaryLine(sum))
	}
	return sum, nil
}

func summaryLine(s ingest.Summary) string {
	parts := []string{fmt.Sprintf("ingested %d", s.Ingested)}
	if s.Duplicates > 0 {
		parts[0] += fmt.Sprintf(" (%d %s linked to %s)", s.Duplicates, plural(s.Duplicates, "near-duplicate", "near-duplicates"), plural(s.Duplicates, "its twin", "their twins"))
	}
	parts = append(parts, fmt.Sprintf("unchanged %d", s.Unchanged))
	if s.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("skipped %d", s.Skipped))
	}
	failed := fmt.Sprintf("failed %d", s.Failed)
	if s.Failed > 0 {
		failed += " (" + strings.Join(s.Reasons(), ", ") + ")"
	}
	parts = append(parts, failed)
	if s.Warnings > 0 {
		parts = append(parts, fmt.Sprintf("warnings %d", s.Warnings))
	}
	secs := s.Elapsed.Seconds()
	rate := ""
	if secs > 0 {
		rate = fmt.Sprintf(" in %.2fs (%.0f docs/s, %.1f MB/s)", secs, float64(s.Ingested+s.Unchanged)/secs, float64(s.Bytes)/1e6/secs)
	}
	return strings.Join(parts, ", ") + rate
}

func readList(path string, m *Main) ([]string, error) {
	var f *os.File
	if path == "-" {
		r := bufio.NewScanner(m.Stdin)
		return scanList(r, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--list %s: %w", path, err)
	}
	defer f.Close()
	return scanList(bufio.NewScanner(f), path)
}

func scanList(s *bufio.Scanner, path string) ([]string, error) {
	var out []string
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("--list %s: %w", path, err)
	}
	return out, nil
}

// progress prints item errors and warnings as they happen and, on a
// terminal, a progress bar with documents/s and an ETA.
type progress struct {
	m     *Main
	bar   *progressbar.ProgressBar
	docs  int
	start time.Time
}

func newProgress(m *Main) *progress {
	p := &progress{m: m, start: time.Now()}
	if m.errTerminal && !m.Quiet {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(m.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionEnableColorCodes(m.colorErr),
		)
	}
	return p
}

func (p *progress) Item(o ingest.Outcome) {
	var lines []string
	switch o.Status {
	case ingest.StatusFailed:
		lines = append(lines, style(p.m.colorErr, ansiRed, "error: ")+o.Item+": "+o.Reason)
	case ingest.StatusIngested, ingest.StatusDuplicate, ingest.StatusUnchanged:
		p.docs++
	}
	if !p.m.Quiet {
		for _, w := range o.Warnings {
			lines = append(lines, style(p.m.colorErr, ansiYellow, "warning: ")+o.Item+": "+w)
		}
	}
	if len(lines) > 0 {
		if p.bar != nil {
			p.bar.Clear()
		}
		for _, l := range lines {
			fmt.Fprintln(p.m.Stderr, l)
		}
	}
	if p.bar != nil {
		rate := float64(p.docs) / time.Since(p.start).Seconds()
		p.bar.Describe(fmt.Sprintf("ingesting: %d docs, %.0f docs/s", p.docs, rate))
	}
}

func (p *progress) InputDone(done, total int) {
	if p.bar == nil {
		return
	}
	if p.bar.GetMax() != total {
		p.bar.ChangeMax(total)
	}
	p.bar.Set(done)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
