package demo

import (
	"bytes"
	"io/fs"
	"testing"
)

// The committed archive must be what PackWARC makes from warcsrc, so the
// two cannot drift apart. Regenerate with: go run ./demo/internal/packwarc
func TestArchiveIsPackedFromWarcsrc(t *testing.T) {
	want, err := PackWARC("warcsrc")
	if err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(Corpus(), Root+"/archive/pages.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("corpus/archive/pages.warc.gz is stale: run go run ./demo/internal/packwarc")
	}
}

func TestCorpusHasEveryFormat(t *testing.T) {
	exts := map[string]int{}
	err := fs.WalkDir(Corpus(), Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range []string{".txt", ".html", ".rss", ".atom", ".jsonl", ".warc.gz"} {
			if bytes.HasSuffix([]byte(p), []byte(e)) {
				exts[e]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{".txt", ".html", ".rss", ".atom", ".jsonl", ".warc.gz"} {
		if exts[e] == 0 {
			t.Errorf("no %s file in the demo corpus", e)
		}
	}
}
