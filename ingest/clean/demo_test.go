package clean

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestDemoScraped runs the cleaner on the project's invented demo corpus
// (demo/corpus/scraped) and checks what its README says each page holds.
// Outlets that the text itself never names (S1, S2) are left to the
// caller, which knows the file or URL.
func TestDemoScraped(t *testing.T) {
	dir := "../../demo/corpus/scraped"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("demo corpus not available")
	}
	tests := []struct {
		file, title, published string
		authors                []string
		outlet                 string
		blocks                 int
	}{
		{"marenburgherald-2026-03-17-spy-ring.txt", "Osterhaven spy ring smashed: seven Kelm agents in custody", "2026-03-17", []string{"Anneke Vos"}, "", 0},
		{"marenburgherald-2026-03-13-envoy-summoned.txt", "Kelm’s envoy summoned as 10,000 Ostravian troops mass near Lanthia", "2026-03-13 08:15 +02:00", []string{"Piet Danner"}, "", 1},
		{"kelmvoice-2026-03-23-families.txt", `Families of men seized in Valdoria's "spy" sweep demand answers`, "2026-03-23 10:40 +03:00", []string{"Irina Sokol"}, "Kelm Daily Voice", 0},
		{"frontlinewatch-undated-never-stopped.txt", "THEY NEVER STOPPED: Kelm’s long war of spies against Valdoria", "unknown", []string{"Rex Calloway"}, "Frontline Watch", 0},
		{"kelmvoice-2026-03-12-drills.txt", "Granite Shield drills continue as planned despite Marenburg's protests", "2026-03-12", []string{"Milan Horak"}, "Kelm Daily Voice", 0},
		{"northernledger-2026-03-24-what-we-know.txt", "Seven, twelve or “more than a dozen”? What we know about the Osterhaven arrests", "2026-03-24", []string{"Thomas Grey", "Sofia Lind"}, "Northern Ledger", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Skip(err)
			}
			r := Clean(string(b), Options{})
			checkInvariants(t, string(b), r)
			m := r.Meta
			if m.Title != tt.title || m.Published.String() != tt.published || !slices.Equal(m.Authors, tt.authors) || m.Outlet != tt.outlet || len(r.Blocks) != tt.blocks {
				t.Errorf("got:\n%swant title %q, published %s, authors %q, outlet %q, %d blocks", summary(r), tt.title, tt.published, tt.authors, tt.outlet, tt.blocks)
			}
		})
	}
}
