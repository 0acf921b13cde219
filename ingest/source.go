package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/feed"
	"github.com/crosscheck/crosscheck/ingest/jsonl"
	"github.com/crosscheck/crosscheck/ingest/warc"
)

// unit is one input to read: a file, a URL or standard input.
type unit struct {
	kind    string // "file", "url", "stdin"
	locator string
}

// item is one would-be document, read but not yet extracted.
type item struct {
	name     string
	src      crosscheck.Source
	raw      []byte
	format   Format
	pageURL  string
	meta     crosscheck.Metadata // what the container says (feed item, JSON line)
	feedHTML string              // a feed item's content
	body     string              // a JSON line's text or HTML
	follow   bool                // fetch pageURL and extract it
	warnings []string
}

type job struct {
	it  item
	out chan result
}

// skipNames are files a folder walk passes over: repository and editor
// files that sit beside articles but are not articles.
var skipNames = []string{"readme", "license", "licence", "notice", "changelog", "copying", "authors", "contributing", "makefile", "manifest"}

// skipExts are files that are never articles.
var skipExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true, ".bmp": true,
	".css": true, ".js": true, ".mjs": true, ".map": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".mp3": true, ".mp4": true, ".webm": true, ".wav": true, ".ogg": true, ".zip": true, ".tar": true, ".exe": true, ".so": true,
	".db": true, ".sqlite": true, ".db-wal": true, ".db-shm": true, ".tsv": true, ".csv": true, ".go": true,
}

// skipReason says why a file in a walked folder is not read, or "".
func skipReason(p string) string {
	base := filepath.Base(p)
	lower := strings.ToLower(base)
	if strings.HasPrefix(base, ".") {
		return "hidden file"
	}
	stem := strings.TrimSuffix(lower, filepath.Ext(lower))
	for _, n := range skipNames {
		if stem == n {
			return "repository file, not an article"
		}
	}
	if skipExts[filepath.Ext(lower)] {
		return "not an article format (" + filepath.Ext(lower) + ")"
	}
	return ""
}

// plan expands inputs into units. Folders are walked recursively in
// lexical order; files given by name are always read.
func (in *Ingester) plan(ctx context.Context, inputs []string) ([]unit, []Outcome) {
	var units []unit
	var outs []Outcome
	for _, arg := range inputs {
		switch {
		case arg == "-":
			units = append(units, unit{"stdin", "-"})
			continue
		case isURL(arg):
			units = append(units, unit{"url", arg})
			continue
		}
		info, err := in.stat(arg)
		if err != nil {
			outs = append(outs, Outcome{Item: arg, Status: StatusFailed, Reason: fileReason(err), Err: err})
			continue
		}
		if !info.IsDir() {
			units = append(units, unit{in.fileKind(), arg})
			continue
		}
		err = in.walk(arg, func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				outs = append(outs, Outcome{Item: p, Status: StatusFailed, Reason: "cannot read folder: " + fileReason(err), Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if why := skipReason(p); why != "" {
				outs = append(outs, Outcome{Item: p, Status: StatusSkipped, Reason: why})
				return nil
			}
			if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				outs = append(outs, Outcome{Item: p, Status: StatusSkipped, Reason: "not a regular file"})
				return nil
			}
			units = append(units, unit{in.fileKind(), p})
			return nil
		})
		if err != nil && ctx.Err() == nil {
			outs = append(outs, Outcome{Item: arg, Status: StatusFailed, Reason: "cannot read folder: " + fileReason(err), Err: err})
		}
	}
	return units, outs
}

func (in *Ingester) fileKind() string {
	if in.opt.FS != nil {
		return "embedded"
	}
	return "file"
}

func (in *Ingester) stat(p string) (fs.FileInfo, error) {
	if in.opt.FS != nil {
		return fs.Stat(in.opt.FS, p)
	}
	return os.Stat(p)
}

func (in *Ingester) walk(root string, fn fs.WalkDirFunc) error {
	if in.opt.FS != nil {
		return fs.WalkDir(in.opt.FS, root, fn)
	}
	return filepath.WalkDir(root, fn)
}

func (in *Ingester) open(p string) (io.ReadCloser, error) {
	if in.opt.FS != nil {
		return in.opt.FS.Open(p)
	}
	return os.Open(p)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// fileReason renders a file-system error without repeating the path.
func fileReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return reason(err)
}

// produce reads every unit, splits it into items and hands them to the
// workers, queueing each item's future in input order.
func (in *Ingester) produce(ctx context.Context, units []unit, ordered chan<- chan result, jobs chan<- job) {
	defer close(ordered)
	defer close(jobs)
	emit := func(it item) bool {
		fut := make(chan result, 1)
		select {
		case ordered <- fut:
		case <-ctx.Done():
			return false
		}
		select {
		case jobs <- job{it, fut}:
			return true
		case <-ctx.Done():
			return false
		}
	}
	fail := func(name string, err error) bool {
		fut := make(chan result, 1)
		fut <- result{name: name, err: err}
		select {
		case ordered <- fut:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, u := range units {
		if err := in.readUnit(ctx, u, emit, fail); err != nil && ctx.Err() == nil {
			if !fail(u.locator, err) {
				return
			}
		}
		fut := make(chan result, 1)
		fut <- result{inputDone: true}
		select {
		case ordered <- fut:
		case <-ctx.Done():
			return
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// readUnit opens one input, detects its format by content and emits its
// items. Errors of single items inside a container go to fail; the
// returned error is for the input as a whole.
func (in *Ingester) readUnit(ctx context.Context, u unit, emit func(item) bool, fail func(string, error) bool) error {
	var (
		r           io.Reader
		contentType string
		pageURL     string
	)
	switch u.kind {
	case "stdin":
		r = os.Stdin
	case "file", "embedded":
		f, err := in.open(u.locator)
		if err != nil {
			return errors.New(fileReason(err))
		}
		defer f.Close()
		r = f
	case "url":
		resp, err := in.get(ctx, u.locator)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		r, contentType, pageURL = resp.Body, resp.Header.Get("Content-Type"), resp.Request.URL.String()
	}
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return errors.New(fileReason(err))
	}
	format, err := Detect(head, u.locator, contentType)
	if err != nil {
		return err
	}
	src := crosscheck.Source{Kind: u.kind, Locator: u.locator, Format: string(format)}
	switch format {
	case FormatWARC:
		return in.readWARC(ctx, br, src, emit, fail)
	case FormatJSONL:
		return in.readJSONL(ctx, br, src, emit, fail)
	}
	raw, err := in.readCapped(br)
	if err != nil {
		return err
	}
	if format == FormatFeed {
		return in.readFeed(ctx, raw, src, emit, fail)
	}
	it := item{name: u.locator, src: src, raw: raw, format: format, pageURL: pageURL}
	emit(it)
	return nil
}

// readCapped reads all of r, failing when it exceeds MaxBytes.
func (in *Ingester) readCapped(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, in.opt.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %s", fileReason(err))
	}
	if int64(len(b)) > in.opt.MaxBytes {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "over the size cap of %d bytes", in.opt.MaxBytes)
	}
	return b, nil
}

// get fetches a URL with the configured client, timeout and User-Agent.
func (in *Ingester) get(ctx context.Context, rawURL string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, in.opt.Timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		cancel()
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "bad URL")
	}
	req.Header.Set("User-Agent", in.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := in.opt.Client.Do(req)
	if err != nil {
		cancel()
		var ue *url.Error
		if errors.As(err, &ue) && ue.Timeout() || errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("fetch timed out after %s", in.opt.Timeout)
		}
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("fetch failed: %s", reason(err))
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("fetch failed: HTTP %s", resp.Status)
	}
	resp.Body = &cancelBody{resp.Body, cancel}
	return resp, nil
}

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error { err := b.ReadCloser.Close(); b.cancel(); return err }

// fetchPage fetches a URL and reads its body under the size cap.
func (in *Ingester) fetchPage(ctx context.Context, rawURL string) (body []byte, finalURL string, err error) {
	resp, err := in.get(ctx, rawURL)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	body, err = in.readCapped(resp.Body)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return nil, "", fmt.Errorf("fetch timed out after %s", in.opt.Timeout)
		}
		return nil, "", err
	}
	return body, resp.Request.URL.String(), nil
}

func (in *Ingester) readWARC(ctx context.Context, r io.Reader, src crosscheck.Source, emit func(item) bool, fail func(string, error) bool) error {
	wr, err := warc.NewReader(r)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		s := src
		s.Item = fmt.Sprintf("record %d", n)
		name := s.String()
		switch rec.Type() {
		case "response", "resource":
		default:
			continue
		}
		var body []byte
		var ctype string
		uri := rec.TargetURI()
		if rec.Type() == "response" {
			resp, err := warc.HTTPResponse(rec, in.opt.MaxBytes)
			if err != nil {
				if !fail(name, err) {
					return ctx.Err()
				}
				continue
			}
			if resp.Status != http.StatusOK {
				continue // redirects and errors archived beside the pages
			}
			body, ctype = resp.Body, resp.ContentType
		} else {
			body, ctype = rec.Block, rec.Header.Get("Content-Type")
		}
		if !strings.Contains(ctype, "html") && !looksHTML(head(body)) {
			continue // images, scripts, style sheets of the archived pages
		}
		if !emit(item{name: name, src: s, raw: body, format: FormatHTML, pageURL: uri}) {
			return ctx.Err()
		}
	}
}

func head(b []byte) []byte {
	if len(b) > sniffLen {
		return b[:sniffLen]
	}
	return b
}

func (in *Ingester) readJSONL(ctx context.Context, r io.Reader, src crosscheck.Source, emit func(item) bool, fail func(string, error) bool) error {
	jr := jsonl.NewReader(r, int(min(in.opt.MaxBytes, 1<<30)))
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		a, err := jr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var le *jsonl.LineError
		if errors.As(err, &le) {
			s := src
			s.Item = fmt.Sprintf("line %d", le.Line)
			if !fail(s.String(), le.Err) {
				return ctx.Err()
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("read: %s", fileReason(err))
		}
		s := src
		s.Item = fmt.Sprintf("line %d", a.Line)
		it := item{name: s.String(), src: s, raw: a.Raw, format: FormatText, pageURL: a.URL, body: a.Text}
		if strings.TrimSpace(a.Text) == "" {
			it.format, it.body = FormatHTML, a.HTML
		}
		it.meta, it.warnings = jsonlMeta(a)
		emit(it)
	}
}

func (in *Ingester) readFeed(ctx context.Context, raw []byte, src crosscheck.Source, emit func(item) bool, fail func(string, error) bool) error {
	title, items, err := feed.Parse(ctx, raw)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "feed %q has no items", title)
	}
	for _, fi := range items {
		s := src
		s.Item = fmt.Sprintf("item %d", fi.Index)
		it := item{name: s.String(), src: s, format: FormatFeed, pageURL: fi.Link, meta: fi.Meta, feedHTML: fi.HTML}
		it.raw = feedItemRaw(fi)
		it.follow = in.opt.Follow && fi.Link != ""
		if !it.follow && strings.TrimSpace(fi.HTML) == "" {
			if !fail(s.String(), crosscheck.Errorf(crosscheck.ErrInvalid, "feed item has no content (use --follow to fetch %s)", orNone(fi.Link))) {
				return ctx.Err()
			}
			continue
		}
		if !emit(it) {
			return ctx.Err()
		}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "its link"
	}
	return s
}

// feedItemRaw is the raw form of a feed item: its fields as the feed gave
// them, so re-reading the same feed finds the same documents.
func feedItemRaw(fi feed.Item) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "link: %s\ntitle: %s\npublished: %s\nauthors: %s\n\n%s", fi.Link, fi.Meta.Title, fi.Meta.Raw["published"], strings.Join(fi.Meta.Authors, "; "), fi.HTML)
	return b.Bytes()
}
