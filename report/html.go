package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
)

//go:embed templates/report.html
var templateFS embed.FS

var page = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"how":     how,
	"short":   short,
	"unknown": orUnknown,
	"undated": orUndated,
	"pct":     func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"mapLine": mapLine,
	"join":    strings.Join,
	"lower":   strings.ToLower,
	"line":    func(s string) string { return oneLine(s, 400) },
}).ParseFS(templateFS, "templates/report.html"))

// htmlPage is the template's data.
type htmlPage struct {
	view
	Extractor string
}

// Cite is used by the template to name a claim's evidence.
func (p htmlPage) Cite(c crosscheck.Claim) string { return p.cite(c) }

// Outlet names a document's outlet.
func (p htmlPage) Outlet(docID string) string { return orUnknown(p.Sources[docID].Outlet) }

// Date gives a document's date.
func (p htmlPage) Date(docID string) string { return orUndated(p.Sources[docID].Published) }

// HTML writes the report as one self-contained HTML file: no scripts,
// styles inline, every article text escaped.
func HTML(w io.Writer, l *ledger.Ledger) error {
	return page.Execute(w, htmlPage{view: arrange(l), Extractor: l.Extractor})
}
