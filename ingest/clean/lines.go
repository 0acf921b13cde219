package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// line is one non-blank input line and what the rules decided about it.
type line struct {
	start, end int    // the trimmed line's span in the input
	text       string // src[start:end]
	lex        string // lexicon form: see lexForm
	cmp        string // comparison form: see cmpForm
	words      int

	chrome string          // name of the chrome pattern it matches, if any
	date   crosscheck.Date // the date when the line is a date line
	isDate bool
	dateUp bool // the date line is labelled "Updated"/"Modified"

	// Decision: a removal label and reason, or kept (label == "").
	label, reason string
	headline      bool
}

func (l *line) removed() bool { return l.label != "" }

func (l *line) remove(label, reason string) {
	if l.label == "" {
		l.label, l.reason = label, reason
	}
}

// isSpace also counts the byte order mark and zero-width spaces, which
// scraped text carries at line starts.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' || r == '\u200e' || r == '\u200f' || r == '\u2060'
}

// splitLines returns the non-blank lines of src with their trimmed spans.
func splitLines(src string) []*line {
	var out []*line
	for off := 0; off <= len(src); {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		raw := src[off:end]
		left := strings.TrimLeftFunc(raw, isSpace)
		trimmed := strings.TrimRightFunc(left, isSpace)
		if trimmed != "" {
			s := off + len(raw) - len(left)
			out = append(out, newLine(s, s+len(trimmed), trimmed))
		}
		off = end + 1
	}
	return out
}

func newLine(start, end int, text string) *line {
	l := &line{start: start, end: end, text: text}
	l.lex = lexForm(text)
	l.cmp = cmpForm(text)
	l.words = len(strings.Fields(text))
	return l
}

// quoteFold maps typographic quotes and dashes to ASCII.
var quoteFold = strings.NewReplacer(
	"’", "'", "‘", "'", "‛", "'", "`", "'", "´", "'",
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`,
	"–", "-", "—", "-", "−", "-", "\u00a0", " ",
)

// cmpForm is the text lower-cased with quotes and dashes folded and
// whitespace collapsed: the form in which repeats and containment are
// compared.
func cmpForm(s string) string {
	return strings.Join(strings.Fields(quoteFold.Replace(strings.ToLower(s))), " ")
}

// lexForm is cmpForm without leading bullets and trailing punctuation, the
// form the chrome lexicon and the marker list are written against.
func lexForm(s string) string {
	if len(s) > 600 {
		s = s[:600]
	}
	c := cmpForm(s)
	c = strings.TrimLeft(c, "•·*->|#›→▶►■□✓ ")
	c = strings.TrimRight(c, " .:!?…›>→|-▶►")
	return strings.TrimSpace(c)
}

// terminated reports whether a line ends like a sentence: with . ! ? a
// closing quote, a closing parenthesis or a colon. A trailing ellipsis marks
// a truncated teaser, not an ending.
func terminated(s string) bool {
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '”', '"', '’', ')', ':', '»', '\'':
		return true
	}
	return false
}

// hasLetter reports whether s contains a letter or a digit.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// minorWords may stay lower-case inside a Title Case label or headline.
var minorWords = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "&": true, "or": true,
	"by": true, "with": true, "from": true, "vs": true, "vs.": true,
}

// isShortLabel reports whether s is a section-label shape: one to three
// words in Title Case (or capitals), no digits and no sentence punctuation,
// such as "Politics", "World News" or "Arts & Culture".
func isShortLabel(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 || hasDigit(s) || strings.ContainsAny(s, ".,;:!?\"“”()[]{}|/@#") {
		return false
	}
	for i, w := range ws {
		if i > 0 && minorWords[w] {
			continue
		}
		r := firstRune(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return !minorWords[strings.ToLower(ws[len(ws)-1])] || len(ws) == 1
}

// nameParticles may appear lower-case inside a person's name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "der": true, "den": true,
	"di": true, "du": true, "dos": true, "das": true, "van": true, "von": true,
	"la": true, "le": true, "al": true, "el": true, "bin": true, "ibn": true,
	"bint": true, "ter": true, "y": true, "zu": true,
}

// sectionWords are common section and desk names; a line made of them is
// a label, never a person's name.
var sectionWords = map[string]bool{
	"news": true, "world": true, "politics": true, "sport": true, "sports": true,
	"business": true, "opinion": true, "culture": true, "economy": true,
	"science": true, "technology": true, "tech": true, "health": true,
	"region": true, "regions": true, "local": true, "national": true,
	"international": true, "analysis": true, "features": true, "feature": true,
	"video": true, "videos": true, "live": true, "breaking": true, "latest": true,
	"middle": true, "east": true, "west": true, "europe": true, "asia": true,
	"africa": true, "americas": true, "society": true, "security": true,
	"defense": true, "defence": true, "markets": true, "market": true,
	"editorial": true, "editorials": true, "comment": true, "comments": true,
	"interview": true, "interviews": true, "lifestyle": true, "travel": true,
	"entertainment": true, "arts": true, "art": true, "environment": true,
	"climate": true, "home": true, "top": true, "stories": true, "story": true,
	"photos": true, "photo": true, "gallery": true, "podcast": true,
	"podcasts": true, "blog": true, "blogs": true, "diplomacy": true,
	"conflict": true, "war": true, "law": true, "crime": true, "justice": true,
	"energy": true, "finance": true, "money": true, "media": true,
	"staff": true, "reporter": true, "correspondent": true, "editor": true,
	"desk": true, "team": true, "admin": true, "agency": true, "press": true,
	"the": true, "and": true, "or": true, "more": true, "read": true,
	"share": true, "print": true, "related": true, "today": true,
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// isNameWord reports whether w looks like one word of a person's name:
// capitalised letters with inner hyphens or apostrophes ("O'Neill",
// "Al-Hassan", "Jean-Luc"), an initial ("J."), or a lower-case particle
// prefix such as "al-" before a capitalised part.
func isNameWord(w string) bool {
	if w == "" || len(w) > 40 {
		return false
	}
	if i := strings.IndexAny(w, "-'’"); i > 0 && nameParticles[strings.ToLower(w[:i])] {
		w = w[i+1:]
		if w == "" {
			return false
		}
	}
	if !unicode.IsUpper(firstRune(w)) {
		return false
	}
	letters := 0
	for i, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’':
			if i == 0 {
				return false
			}
		case r == '.':
			// An initial: "J." or "J.R."
			if letters > 2 {
				return false
			}
		default:
			return false
		}
	}
	return letters > 0
}

// isPersonName reports whether s is 2-4 name words (plus particles), with
// no digits, no sentence punctuation and no section or calendar words:
// "Jane Doe", "Ana de la Cruz", "J. R. Ewing", "Omar al-Farouk".
func isPersonName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 6 || hasDigit(s) || strings.ContainsAny(s, ",;:!?\"“”()[]{}|/@#&") {
		return false
	}
	names := 0
	for i, w := range ws {
		lw := strings.ToLower(w)
		if sectionWords[lw] || minorWords[lw] && !nameParticles[lw] {
			return false
		}
		if nameParticles[lw] && i > 0 && i < len(ws)-1 {
			continue
		}
		if !isNameWord(w) {
			return false
		}
		names++
	}
	return names >= 2 && names <= 4
}

// brandWords are words that news outlets put in their names. A capitalised
// phrase with one of them ("Kelm Daily Voice", "Northern Ledger") looks
// like an outlet even when package outlet does not know it.
var brandWords = map[string]bool{
	"news": true, "times": true, "post": true, "herald": true, "daily": true,
	"voice": true, "ledger": true, "gazette": true, "tribune": true,
	"journal": true, "press": true, "agency": true, "wire": true,
	"today": true, "telegraph": true, "chronicle": true, "observer": true,
	"express": true, "courier": true, "monitor": true, "media": true,
	"tv": true, "radio": true, "net": true, "online": true, "review": true,
	"standard": true, "star": true, "mail": true, "dispatch": true,
	"bulletin": true, "weekly": true, "magazine": true, "report": true,
	"reporter": true, "watch": true, "insider": true, "informer": true,
	"sentinel": true, "examiner": true, "independent": true, "globe": true,
	"mirror": true, "leader": true, "record": true, "register": true,
	"broadcasting": true, "network": true, "channel": true, "agence": true,
	"agencia": true, "zeitung": true, "presse": true,
}

// looksLikeOutlet reports whether s, not known to package outlet, still
// looks like an outlet's name: a domain-like token ("PanDaily.Net") or a
// capitalised phrase of at most five words containing a brand word.
func looksLikeOutlet(s string) bool {
	s = strings.TrimSpace(s)
	if isDomainToken(s) {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 5 || strings.ContainsAny(s, ",;:!?\"“”") {
		return false
	}
	brand := false
	for i, w := range ws {
		if i > 0 && minorWords[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsUpper(firstRune(w)) && !unicode.IsDigit(firstRune(w)) {
			return false
		}
		if brandWords[strings.ToLower(strings.Trim(w, ".'’"))] {
			brand = true
		}
	}
	return brand
}

// isDomainToken reports whether s is one token like "Something.Net" or
// "kelmvoice.example": letters or digits on both sides of each dot, the
// last label alphabetic.
func isDomainToken(s string) bool {
	if strings.ContainsFunc(s, isSpace) || !strings.Contains(s, ".") {
		return false
	}
	labels := strings.Split(s, ".")
	for _, lab := range labels {
		if lab == "" {
			return false
		}
		for _, r := range lab {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return false
			}
		}
	}
	last := labels[len(labels)-1]
	return len(last) >= 2 && !hasDigit(last) && len(labels[0]) >= 2
}
