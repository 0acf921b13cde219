package timex

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Doc is a TimeML document: its text, its creation time (the anchor),
// any embedded blocks and the gold time expressions with byte spans into
// Text.
type Doc struct {
	Name string
	Text string
	// DCT is the document creation time: the value of the TIMEX3 whose
	// functionInDocument is CREATION_TIME; unknown when there is none.
	DCT crosscheck.Date
	// Blocks are the <BLOCK date="2022-11-02" source="..."> elements of
	// the text, an extension of this package's dev files that simulates
	// embedded agency copy with its own dateline.
	Blocks []crosscheck.Block
	// Gold holds Span, Text, Type, Value and Mod of every TIMEX3 in the
	// text; TIMEX3 elements with no text (TempEval's anchor points) are
	// left out.
	Gold []crosscheck.Timex
}

// ReadTimeML reads a TimeML document (TempEval-3 style): the text is the
// character data of <TEXT>, with EVENT, SIGNAL and other tags dropped and
// entities decoded. name labels errors.
func ReadTimeML(r io.Reader, name string) (*Doc, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	doc := &Doc{Name: name}
	var text strings.Builder
	inText, sawText := false, false
	var stack []openTag
	dctDepth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "timeml %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch strings.ToUpper(t.Name.Local) {
			case "TEXT":
				inText, sawText = true, true
			case "DCT":
				dctDepth++
			case "TIMEX3":
				o := openTag{start: text.Len()}
				o.tx.Type = strings.ToUpper(attr(t, "type"))
				o.tx.Value = attr(t, "value")
				o.tx.Mod = attr(t, "mod")
				if strings.EqualFold(attr(t, "functionInDocument"), "CREATION_TIME") || dctDepth > 0 {
					if dct, ok := parseDCT(o.tx.Value); ok && !doc.DCT.Known() {
						doc.DCT = dct
					}
				}
				stack = append(stack, o)
			case "BLOCK":
				if !inText {
					continue
				}
				b := &crosscheck.Block{Kind: "agency", Source: attr(t, "source"), Dateline: attr(t, "dateline")}
				if v := attr(t, "date"); v != "" {
					dt, ok := parseDCT(v)
					if !ok {
						return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "timeml %s: BLOCK date %q", name, v)
					}
					b.Date = dt
				}
				stack = append(stack, openTag{start: text.Len(), block: b})
			}
		case xml.EndElement:
			switch strings.ToUpper(t.Name.Local) {
			case "TEXT":
				inText = false
			case "DCT":
				if dctDepth > 0 {
					dctDepth--
				}
			case "TIMEX3", "BLOCK":
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				sp := crosscheck.Span{Start: o.start, End: text.Len()}
				switch {
				case o.block != nil:
					o.block.Span = sp
					doc.Blocks = append(doc.Blocks, *o.block)
				case inText && sp.End > sp.Start && !nestedTimex(stack):
					o.tx.Span = sp
					doc.Gold = append(doc.Gold, o.tx)
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !sawText {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "timeml %s: no <TEXT> element", name)
	}
	doc.Text = text.String()
	for i := range doc.Gold {
		g := &doc.Gold[i]
		g.Text = doc.Text[g.Span.Start:g.Span.End]
		// Trim white space a file may hold inside a tag.
		for g.Span.Start < g.Span.End && isSpaceByte(doc.Text[g.Span.Start]) {
			g.Span.Start++
		}
		for g.Span.End > g.Span.Start && isSpaceByte(doc.Text[g.Span.End-1]) {
			g.Span.End--
		}
		g.Text = doc.Text[g.Span.Start:g.Span.End]
	}
	sortBySpan(doc.Gold)
	return doc, nil
}

// openTag is a TIMEX3 or BLOCK element being read.
type openTag struct {
	start int
	tx    crosscheck.Timex
	block *crosscheck.Block
}

// nestedTimex reports whether an open TIMEX3 encloses the one being
// closed; TimeML does not nest them, so the outer one is kept.
func nestedTimex(stack []openTag) bool {
	for _, o := range stack {
		if o.block == nil {
			return true
		}
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// ReadTimeMLFile reads a TimeML file.
func ReadTimeMLFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	defer f.Close()
	return ReadTimeML(f, path)
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// parseDCT reads a creation time: "2022-11-22", "2022-11-22T09:30",
// "2022-11-22T09:30:00", or TempEval's "19980108" style.
func parseDCT(v string) (crosscheck.Date, bool) {
	layouts := []struct {
		layout string
		p      crosscheck.Precision
	}{
		{"2006-01-02", crosscheck.PrecisionDay},
		{"2006-01-02T15:04", crosscheck.PrecisionMinute},
		{"2006-01-02T15:04:05", crosscheck.PrecisionSecond},
		{"20060102", crosscheck.PrecisionDay},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return crosscheck.Date{Time: t, Precision: l.p}, true
		}
	}
	return crosscheck.Date{}, false
}
