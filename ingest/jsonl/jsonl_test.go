package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func readAll(t *testing.T, in string, maxLine int) (arts []*Article, errs []*LineError) {
	t.Helper()
	r := NewReader(strings.NewReader(in), maxLine)
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		var le *LineError
		if errors.As(err, &le) {
			errs = append(errs, le)
			continue
		}
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		arts = append(arts, a)
	}
}

func TestReaderGoesOnAfterBadLines(t *testing.T) {
	in := `{"text":"First article.","title":"One","url":"https://a.example/1","published":"2026-03-17T09:30:00+02:00","outlet":"Regional Wire Agency","author":"Ana Petrov"}
this is not json

{"html":"<p>Second</p>","authors":["A B","  ","C D"]}
{"title":"no body"}
{"text":"x"} {"text":"y"}
{"text":"Third.","published":17}
{"text":"Last, no newline"}`
	arts, errs := readAll(t, in, 1<<20)
	if len(arts) != 3 {
		t.Fatalf("got %d articles, want 3", len(arts))
	}
	a := arts[0]
	if a.Line != 1 || a.Title != "One" || a.URL != "https://a.example/1" || a.Published != "2026-03-17T09:30:00+02:00" ||
		a.Outlet != "Regional Wire Agency" || len(a.Authors) != 1 || a.Authors[0] != "Ana Petrov" || a.Text != "First article." {
		t.Errorf("first article wrong: %+v", a)
	}
	if arts[1].Line != 4 || arts[1].HTML != "<p>Second</p>" || strings.Join(arts[1].Authors, "|") != "A B|C D" {
		t.Errorf("second article wrong: %+v", arts[1])
	}
	if arts[2].Line != 8 || arts[2].Text != "Last, no newline" {
		t.Errorf("last article wrong: %+v", arts[2])
	}
	wantLines := []int{2, 5, 6, 7}
	if len(errs) != len(wantLines) {
		t.Fatalf("got %d line errors, want %d: %v", len(errs), len(wantLines), errs)
	}
	for i, e := range errs {
		if e.Line != wantLines[i] || !errors.Is(e, crosscheck.ErrInvalid) {
			t.Errorf("error %d: line %d (%v), want line %d and ErrInvalid", i, e.Line, e, wantLines[i])
		}
	}
}

func TestLongLineIsAnErrorNotAnAllocation(t *testing.T) {
	in := `{"text":"` + strings.Repeat("a", 300000) + `"}` + "\n" + `{"text":"ok"}` + "\n"
	arts, errs := readAll(t, in, 1000)
	if len(errs) != 1 || errs[0].Line != 1 || len(arts) != 1 || arts[0].Line != 2 {
		t.Fatalf("arts %d errs %v", len(arts), errs)
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]bool{
		`{"text":"a"}` + "\n":           true,
		"\n  {\"title\": \"x\", \"text": true, // cut mid-line
		`{not json}` + "\n":             false,
		"<html>":                        false,
		"Plain text { with braces }":    false,
		"":                              false,
	} {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add(`{"text":"a","author":["x"]}` + "\nnope\n{\"html\":\"<p>b</p>\"}")
	f.Add("{\"text\":\"\\ud800\"}\r\n\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in), 4096)
		for i := 0; i < 10000; i++ {
			a, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var le *LineError
			if err != nil && !errors.As(err, &le) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if err == nil && strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.HTML) == "" {
				t.Fatal("article without content")
			}
		}
		t.Fatal("reader did not terminate")
	})
}
