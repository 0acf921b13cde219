// Command packwarc builds the demo corpus's web archive from the pages in
// demo/warcsrc, so the archive is reproducible from text we wrote:
//
//	go run ./demo/internal/packwarc
//
// It reads warcsrc/manifest.tsv (file, URL, fetch date per line) and
// writes corpus/archive/pages.warc.gz with a warcinfo record, a request
// and a response record per page, and a redirect and a style sheet that
// ingestion must skip.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/demo"
)

func main() {
	dir := "demo"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := pack(dir); err != nil {
		fmt.Fprintln(os.Stderr, "packwarc:", err)
		os.Exit(1)
	}
}

func pack(dir string) error {
	b, err := demo.PackWARC(filepath.Join(dir, "warcsrc"))
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, "corpus", "archive", "pages.warc.gz")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d bytes\n", dst, len(b))
	return nil
}
