package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedsDir holds the workplace's real scraped articles. They are not part
// of the repository (their text must not be copied into it), so the test
// is skipped where they are absent.
const seedsDir = "../../../shared/seeds"

func readSeed(t *testing.T, prefix string) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(seedsDir, prefix+"_*.txt"))
	if len(matches) != 1 {
		t.Skipf("seed %s not found in %s", prefix, seedsDir)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// summary renders what Clean found, for -v runs and failure messages.
func summary(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title=%q (%s)\n", r.Meta.Title, r.Meta.Rules["title"])
	fmt.Fprintf(&b, "published=%s (%s)\n", r.Meta.Published, r.Meta.Rules["published"])
	fmt.Fprintf(&b, "authors=%q (%s)\n", r.Meta.Authors, r.Meta.Rules["authors"])
	fmt.Fprintf(&b, "outlet=%q (%s) raw=%q\n", r.Meta.Outlet, r.Meta.Rules["outlet"], r.Meta.Raw["outlet"])
	counts := map[string]int{}
	for _, x := range r.Removed {
		counts[x.Label]++
	}
	fmt.Fprintf(&b, "removed=%v\n", counts)
	for _, x := range r.Removed {
		txt := x.Text
		if len(txt) > 60 {
			txt = txt[:60] + "…"
		}
		fmt.Fprintf(&b, "  - %s/%s %q\n", x.Label, x.Reason, txt)
	}
	for _, bl := range r.Blocks {
		fmt.Fprintf(&b, "block %s source=%q dateline=%q date=%s span=%v\n", bl.Kind, bl.Source, bl.Dateline, bl.Date, bl.Span)
	}
	fmt.Fprintf(&b, "text: %d bytes, %d paragraphs\n", len(r.Text), strings.Count(r.Text, "\n\n")+1)
	return b.String()
}

func removedTexts(r Result, label string) []string {
	var out []string
	for _, x := range r.Removed {
		if x.Label == label {
			out = append(out, x.Text)
		}
	}
	return out
}

func TestSeeds(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skip("seed articles not available")
	}
	t.Run("003", func(t *testing.T) {
		src := readSeed(t, "003")
		r := Clean(src, Options{})
		t.Log("\n" + summary(r))
		checkInvariants(t, src, r)
		if r.Meta.Title != "Azerbaijan Exposes Alleged Iranian Spy Network" || r.Headline.Start != 0 || r.Headline.End != len(r.Meta.Title) {
			t.Errorf("title %q headline %v", r.Meta.Title, r.Headline)
		}
		if got := r.Meta.Published.String(); got != "2022-11-22" || r.Meta.Rules["published"] != "text:date-line" {
			t.Errorf("published %s (%s)", got, r.Meta.Rules["published"])
		}
		if !slices.Equal(r.Meta.Authors, []string{"Ebrahim Ramezani"}) {
			t.Errorf("authors %q", r.Meta.Authors)
		}
		if r.Meta.Outlet != "IranWire" || r.Meta.Rules["outlet"] != "text:outlet-in-chrome" {
			t.Errorf("outlet %q (%s)", r.Meta.Outlet, r.Meta.Rules["outlet"])
		}
		for _, gone := range []string{"close button", "5 min read", "comments", "visit the accountability section", "accountability page", "1 min read"} {
			if containsLine(r.Text, gone) {
				t.Errorf("text still holds line %q", gone)
			}
		}
		if slices.Index(removedTexts(r, "section"), "Politics") < 0 {
			t.Errorf("Politics not removed as section: %q", removedTexts(r, "section"))
		}
		if strings.Contains(r.Text, "Footballers") {
			t.Error("teaser card left in text")
		}
		// The repeated lead is held once.
		lead := "announced last week it had busted an Iranian spy network"
		if n := strings.Count(r.Text, lead); n != 1 {
			t.Errorf("lead appears %d times", n)
		}
		if len(r.Blocks) != 1 || r.Blocks[0].Source != "Bloomberg" || r.Blocks[0].Dateline != "Nov 2" {
			t.Fatalf("blocks %+v", r.Blocks)
		}
		if b := r.Blocks[0]; !strings.HasPrefix(r.Text[b.Span.Start:], "Bloomberg") || b.Span.End != len(r.Text) || b.Date.String() != "2022-11-02" {
			t.Errorf("block span %v date %s", b.Span, b.Date)
		}
	})
	t.Run("004", func(t *testing.T) {
		src := readSeed(t, "004")
		r := Clean(src, Options{})
		t.Log("\n" + summary(r))
		checkInvariants(t, src, r)
		if !strings.HasPrefix(r.Meta.Title, "Baku-Tehran friendship:") || strings.Count(r.Text, r.Meta.Title) != 1 {
			t.Errorf("title %q, count %d", r.Meta.Title, strings.Count(r.Text, r.Meta.Title))
		}
		if r.Meta.Published.Known() {
			t.Errorf("published %s, want unknown", r.Meta.Published)
		}
		if !slices.Equal(r.Meta.Authors, []string{"Marina Ananikyan"}) {
			t.Errorf("authors %q", r.Meta.Authors)
		}
		if r.Meta.Outlet != "PanARMENIAN" {
			t.Errorf("outlet %q", r.Meta.Outlet)
		}
		var marker, partner bool
		for _, x := range r.Removed {
			marker = marker || strings.TrimSpace(x.Text) == "Top stories"
			partner = partner || x.Text == "Partner news"
		}
		if !marker || !partner {
			t.Errorf("tail markers not removed: top stories %v, partner news %v", marker, partner)
		}
		if strings.Contains(r.Text, "earthquake") || strings.Contains(r.Text, "Top stories") {
			t.Error("tail left in text")
		}
		// Every non-space byte of the tail is in a Removed span.
		tail := strings.Index(src, "Top stories")
		if pos := uncovered(src, tail, r.Removed); pos >= 0 {
			t.Errorf("tail byte %d (%q) not accounted for", pos, src[pos:min(pos+20, len(src))])
		}
	})
	t.Run("000", func(t *testing.T) {
		src := readSeed(t, "000")
		r := Clean(src, Options{})
		t.Log("\n" + summary(r))
		checkInvariants(t, src, r)
		if r.Meta.Outlet != "Israel Hayom" || r.Meta.Rules["outlet"] != "text:source-line" {
			t.Errorf("outlet %q (%s)", r.Meta.Outlet, r.Meta.Rules["outlet"])
		}
		if r.Meta.Title != "" || r.Meta.Published.Known() {
			t.Errorf("title %q published %s", r.Meta.Title, r.Meta.Published)
		}
	})
	t.Run("002", func(t *testing.T) {
		src := readSeed(t, "002")
		r := Clean(src, Options{})
		t.Log("\n" + summary(r))
		checkInvariants(t, src, r)
		d := r.Meta.Published
		if d.String() != "2023-04-05 09:00 +04:00" || !d.HasZone || r.Meta.Rules["published"] != "text:date-line" {
			t.Errorf("published %s (%s)", d, r.Meta.Rules["published"])
		}
		if strings.Contains(r.Text, "2023-04-05") {
			t.Error("date line left in text")
		}
		if !strings.Contains(r.Text, "\n\nHow Iran gets armed its gangs in Azerbaijan?\n\n") {
			t.Error("mid-article subheading lost")
		}
	})
	t.Run("001", func(t *testing.T) {
		src := readSeed(t, "001")
		r := Clean(src, Options{})
		t.Log("\n" + summary(r))
		checkInvariants(t, src, r)
		if r.Meta.Title != "Azerbaijan nabs new batch of Iran spies" || r.Meta.Published.Known() {
			t.Errorf("title %q published %s", r.Meta.Title, r.Meta.Published)
		}
		if len(r.Removed) != 0 {
			t.Errorf("removed %d lines from a clean article", len(r.Removed))
		}
	})
}

func containsLine(text, s string) bool {
	for _, p := range strings.Split(text, "\n\n") {
		if p == s {
			return true
		}
	}
	return false
}
