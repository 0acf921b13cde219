package crosscheck

import "time"

// Span is a half-open byte range [Start, End) into a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether the span lies inside a text of length n.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Source says where an ingested item came from.
type Source struct {
	// Kind is how the item was obtained: "file", "url", "stdin".
	Kind string `json:"kind"`
	// Locator is the file path or URL given by the user (or "-" for stdin).
	Locator string `json:"locator"`
	// Item locates the document inside a container, e.g. "record 3" of a
	// WARC, "item 2" of a feed, "line 5" of a JSON lines file. Empty for
	// single-document inputs.
	Item string `json:"item,omitempty"`
	// Format is the detected format of the container: text, markdown, html,
	// feed, warc, jsonl.
	Format string `json:"format"`
}

// String renders the source as "locator" or "locator#item".
func (s Source) String() string {
	if s.Item == "" {
		return s.Locator
	}
	return s.Locator + "#" + s.Item
}

// Precision says how much of a Date is known.
type Precision string

// Date precisions, from coarse to fine.
const (
	PrecisionUnknown Precision = ""
	PrecisionYear    Precision = "year"
	PrecisionMonth   Precision = "month"
	PrecisionDay     Precision = "day"
	PrecisionMinute  Precision = "minute"
	PrecisionSecond  Precision = "second"
)

// Date is a possibly partial point in time. The zero value is the unknown date.
type Date struct {
	// Time holds the known part; finer parts are zero. Its location is the
	// stated UTC offset when one was given, else UTC.
	Time time.Time `json:"time"`
	// Precision says which parts of Time are meaningful.
	Precision Precision `json:"precision,omitempty"`
	// HasZone reports whether a UTC offset was stated.
	HasZone bool `json:"has_zone,omitempty"`
}

// Known reports whether any part of the date is known.
func (d Date) Known() bool { return d.Precision != PrecisionUnknown }

// String renders the date at its precision ("2022-11-22", "2022-11",
// "2023-04-05 09:00 +04:00") or "unknown".
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.Format("2006")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	case PrecisionMinute:
		if d.HasZone {
			return d.Time.Format("2006-01-02 15:04 -07:00")
		}
		return d.Time.Format("2006-01-02 15:04")
	case PrecisionSecond:
		if d.HasZone {
			return d.Time.Format("2006-01-02 15:04:05 -07:00")
		}
		return d.Time.Format("2006-01-02 15:04:05")
	}
	return "unknown"
}

// Metadata is what is known about an article besides its text. Every field
// that was found has an entry in Rules naming the rule that found it, so a
// user can judge how far to trust it.
type Metadata struct {
	Title     string   `json:"title,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	URL       string   `json:"url,omitempty"`
	Language  string   `json:"language,omitempty"`
	Published Date     `json:"published"`
	// Rules maps a field name (title, authors, outlet, url, language,
	// published) to the rule that set it, e.g. "html:meta[article:published_time]",
	// "text:date-line", "feed:pubDate", "jsonl:published".
	Rules map[string]string `json:"rules,omitempty"`
	// Raw keeps field values as written in the source before parsing,
	// e.g. the feed's date string with its UTC offset.
	Raw map[string]string `json:"raw,omitempty"`
}

// SetRule records the rule that found field.
func (m *Metadata) SetRule(field, rule string) {
	if m.Rules == nil {
		m.Rules = map[string]string{}
	}
	m.Rules[field] = rule
}

// Removal labels for text taken out of an article.
const (
	RemovedChrome       = "chrome"        // UI strings, navigation, share/subscribe lines, read-time
	RemovedSection      = "section"       // section labels such as "Politics"
	RemovedTeaser       = "teaser"        // trailing teasers of unrelated articles
	RemovedRepeatedLead = "repeated-lead" // a lead or standfirst repeated verbatim
	RemovedMetadata     = "metadata"      // title, byline, date and source lines moved into Metadata
	RemovedBoilerplate  = "boilerplate"   // page text the HTML extractor left out
)

// Removed is a piece of the source text that is not part of the clean text.
type Removed struct {
	// Label is one of the Removed* constants.
	Label string `json:"label"`
	// Reason names the rule that removed it.
	Reason string `json:"reason"`
	// Span locates the piece in the document's SourceText, or, when Layer
	// is LayerPage, in the visible text of the raw HTML page.
	Span Span   `json:"span"`
	Text string `json:"text"`
	// Layer says which text Span points into: "" for SourceText.
	Layer string `json:"layer,omitempty"`
}

// LayerPage marks Removed spans into the visible text of an HTML page
// (regenerated from the raw bytes by the HTML extractor), which is not
// stored as SourceText.
const LayerPage = "page"

// Block marks a part of the clean text that another source wrote, such as
// agency copy embedded under its own dateline ("Bloomberg" / "Nov 2").
type Block struct {
	Kind string `json:"kind"` // "agency"
	// Source is the named origin of the block, e.g. "Bloomberg".
	Source string `json:"source"`
	// Dateline is the block's own date as written ("Nov 2"), and Date its
	// parse at the precision the text allows (a year-less date stays
	// without a year unless the document's date supplies one).
	Dateline string `json:"dateline,omitempty"`
	Date     Date   `json:"date"`
	// Span covers the block in the clean text.
	Span Span `json:"span"`
}

// Document is an ingested article. Documents are immutable: the clean Text
// is what every later byte span refers to.
type Document struct {
	// ID is derived from the raw bytes (see DocumentID).
	ID string `json:"id"`
	// RawHash is the hex SHA-256 of the raw bytes of this item.
	RawHash string `json:"raw_hash"`
	// RawSize is the length of the raw bytes.
	RawSize int      `json:"raw_size"`
	Source  Source   `json:"source"`
	Meta    Metadata `json:"meta"`
	// Text is the clean article text: the headline (when known) as the first
	// paragraph, then the body; paragraphs separated by a blank line.
	Text string `json:"text"`
	// Headline locates the title inside Text; zero when Text has no headline.
	Headline Span `json:"headline"`
	// SourceText is the text the cleaner worked on (the raw text for plain
	// text input, the extractor's text for HTML); Removed spans point into it.
	SourceText string    `json:"source_text,omitempty"`
	Removed    []Removed `json:"removed,omitempty"`
	Blocks     []Block   `json:"blocks,omitempty"`
	// Warnings are problems that did not stop ingestion, such as repaired
	// invalid UTF-8.
	Warnings []string `json:"warnings,omitempty"`
	// Extractor names the code (and version) that produced Text and Meta.
	Extractor  string    `json:"extractor"`
	IngestedAt time.Time `json:"ingested_at"`
	Words      int       `json:"words"`
}

// DocumentSummary is the listing view of a document.
type DocumentSummary struct {
	ID          string `json:"id"`
	Outlet      string `json:"outlet,omitempty"`
	Published   Date   `json:"published"`
	Title       string `json:"title,omitempty"`
	Words       int    `json:"words"`
	Source      Source `json:"source"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Link kinds between documents.
const (
	LinkNearDuplicate = "near-duplicate"
)

// Link relates two documents, e.g. the same wire story on two sites.
type Link struct {
	From       string  `json:"from"` // the later document
	To         string  `json:"to"`   // its earlier twin
	Kind       string  `json:"kind"`
	Similarity float64 `json:"similarity"`
	// Method names how the similarity was computed, e.g. "minhash-128/5-shingles".
	Method string `json:"method"`
}
