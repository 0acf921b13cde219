package warc_test

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ingest/warc"
)

// TestWgetArchive reads WARC files written by GNU wget (which wraps target
// URIs in <…>, writes WARC/1.0 and a third CRLF after warcinfo) against a
// local server. It is skipped where wget is not installed.
func TestWgetArchive(t *testing.T) {
	wget, err := exec.LookPath("wget")
	if err != nil {
		t.Skip("wget not installed")
	}
	page := "<html><body><p>" + strings.Repeat("Ministers met in Geneva on Tuesday. ", 200) + "</p></body></html>"
	mux := http.NewServeMux()
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < len(page); i += 1000 {
			io.WriteString(w, page[i:min(i+1000, len(page))])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, page)
		zw.Close()
	})
	mux.HandleFunc("/missing", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	paths := []string{"/plain", "/chunked", "/gzip", "/missing"}
	for _, compressed := range []bool{true, false} {
		name := map[bool]string{true: "gzip", false: "plain"}[compressed]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--no-config", "--no-proxy", "--quiet", "--tries=1", "--timeout=10",
				"--warc-file=" + filepath.Join(dir, "crawl"), "--output-document=" + filepath.Join(dir, "out")}
			if !compressed {
				args = append(args, "--no-warc-compression")
			}
			for _, p := range paths {
				args = append(args, srv.URL+p)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, wget, args...)
			cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH")}
			// wget exits 8 when a URL answers 404; the archive is still whole.
			if out, err := cmd.CombinedOutput(); err != nil && (cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 8) {
				t.Fatalf("wget: %v\n%s", err, out)
			}
			file := filepath.Join(dir, "crawl.warc")
			if compressed {
				file += ".gz"
			}
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			head := make([]byte, 512)
			n, _ := io.ReadFull(f, head)
			if !warc.Sniff(head[:n]) {
				t.Errorf("Sniff(%s) = false", filepath.Base(file))
			}
			f.Seek(0, io.SeekStart)

			r, err := warc.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			types := map[string]int{}
			got := map[string]*warc.Response{}
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				types[rec.Type()]++
				if rec.Version != "WARC/1.0" {
					t.Errorf("version %q", rec.Version)
				}
				if rec.Type() != "response" {
					continue
				}
				resp, err := warc.HTTPResponse(rec, 1<<20)
				if err != nil {
					t.Fatalf("%s: %v", rec.TargetURI(), err)
				}
				path := strings.TrimPrefix(resp.URI, srv.URL)
				got[path] = resp
				// The archive must hold the wire format, so the decoding
				// above was really exercised.
				wire := map[string]string{"/chunked": "Transfer-Encoding: chunked", "/gzip": "Content-Encoding: gzip"}[path]
				if wire != "" && !strings.Contains(string(rec.Block), wire) {
					t.Errorf("%s: archived message lacks %q", path, wire)
				}
			}
			if types["warcinfo"] != 1 || types["request"] != len(paths) || types["response"] != len(paths) {
				t.Errorf("record types %v", types)
			}
			for _, p := range paths[:3] {
				resp := got[p]
				if resp == nil {
					t.Errorf("%s: no response (have %v)", p, keys(got))
					continue
				}
				if resp.Status != 200 || string(resp.Body) != page || !strings.HasPrefix(resp.ContentType, "text/html") {
					t.Errorf("%s: status %d, %q, body %d bytes, want %d", p, resp.Status, resp.ContentType, len(resp.Body), len(page))
				}
				if time.Since(resp.Date) > time.Hour {
					t.Errorf("%s: date %v", p, resp.Date)
				}
			}
			if resp := got["/missing"]; resp == nil || resp.Status != 404 {
				t.Errorf("/missing: %+v", resp)
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
