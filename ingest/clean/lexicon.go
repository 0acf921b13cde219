package clean

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// chromeRule is one named pattern of page chrome. The pattern is matched
// against a line's lexicon form (lower case, quotes folded, whitespace
// collapsed, bullets and trailing punctuation trimmed) and, unless it is
// marked contains, must match the whole line. The name becomes the
// Reason of the removal.
type chromeRule struct {
	name     string
	re       *regexp.Regexp
	maxWords int // longer lines never match; keeps sentences about the topic safe
	// need, when set, lists substrings one of which a matching line must
	// contain: a cheap test that spares the regexp on most body lines.
	need []string
}

func rule(name string, maxWords int, pattern string, need ...string) chromeRule {
	return chromeRule{name: name, re: regexp.MustCompile(pattern), maxWords: maxWords, need: need}
}

// mayMatch applies the rule's cheap substring test.
func (r chromeRule) mayMatch(lex string) bool {
	if len(r.need) == 0 {
		return true
	}
	for _, n := range r.need {
		if strings.Contains(lex, n) {
			return true
		}
	}
	return false
}

// social lists social networks and sharing targets named on share buttons.
const social = `(facebook|twitter|x|whatsapp|telegram|linkedin|email|e-mail|mail|reddit|messenger|vk|pinterest|instagram|youtube|tiktok|threads|bluesky|mastodon|flipboard|google news|social media)`

// chromeLexicon is the table of user-interface strings that scraped pages
// carry around an article. Every entry is a general pattern of web page
// furniture, not a phrase of any one article.
var chromeLexicon = []chromeRule{
	// Buttons and navigation.
	rule("close-button", 4, `^(close|close button|close menu|close search|close ad|close window|close this|dismiss|x|×|✕|✖|menu|open menu|main menu|toggle menu|toggle navigation|navigation|search|open search|hamburger menu)$`),
	rule("skip-link", 6, `^(skip to|jump to) (the )?(main )?(content|navigation|main|article|search|footer)$`),
	rule("breadcrumb", 12, `^home ?(>|/|"|›|\||»)`),
	rule("account-link", 4, `^(log ?in|sign ?in|sign ?out|log ?out|register|my account|account|my profile|donate|support us|become a member|contact us|about us|subscribe now|get the app|download the app|open in app)$`),
	rule("back-to-top", 4, `^(back to top|to top|scroll to top|top of page|go to top)$`),
	rule("page-nav", 6, `^(page \d+ of \d+|next|next page|next article|next story|previous|previous page|previous article|previous story|prev|back|go back|more articles|load more|show more|see more|view more|view all|see all|show all)$`),
	rule("loading", 3, `^(loading|please wait)(\.\.\.)?$`),
	rule("accessibility", 4, `^(a|a\+|a-|aa|font size|text size|decrease font|increase font|dark mode|light mode|toggle dark mode|listen|play|pause|play video|watch|watch now|watch video|video|audio|live|live updates|translate)$`),
	rule("light-version", 12, `^(switch to|try|go to|view) (the )?.{0,40}\b(light|lite)( version| site)?$`),
	rule("light-version", 40, `\bhaving trouble loading\b|\b(switch|go) to (the )?(desktop|mobile|full|lite|light|amp) (version|site)\b`, "trouble loading", "version", "site"),

	// Reading aids.
	rule("read-time", 8, `^((estimated )?(reading|read) time( is)?:? ?)?(about |approx\.? |~)?\d{1,3}( ?- ?\d{1,3})? ?(min|mins|minute|minutes)\.?( (read|reading|to read|listen|listening|watch))?$`, "min"),
	rule("read-time", 8, `^(reading|read) time:? ?(less than|under) (a|one|\d+) (min|minute|minutes)$`, "time"),
	rule("listen", 10, `^listen to (this|the) (article|story|report|podcast)( \d+ ?(min|mins|minutes?))?$|^\d{1,2}:\d{2} listen$|^listen( now)?$`),

	// Comments and sharing.
	rule("comments", 6, `^(\d+ )?comments?( \(\d+\))?$|^(leave|add|post|write|view|show|hide|load|read|see) (a |all |the |\d+ )?(comments?|reply|replies|responses?)$|^(no|\d+) (comments|responses|replies)( yet)?$|^join the (conversation|discussion)$|^comments are closed$|^(discuss|discussion)$`, "comment", "repl", "respons", "conversation", "discuss"),
	rule("share", 8, `^share( this| the)?( article| story| page| post| link| via| on)?$`),
	rule("share", 10, `^share (this (article|story|page|post) )?(on|via|to|with|by) `+social+`$`),
	rule("share", 3, `^(tweet|tweet this|email|e-mail|whatsapp|telegram|facebook|twitter|linkedin|reddit|copy link|copy url|link copied|copied|pin it|pinterest|flipboard|messenger|vk)$`),
	rule("share", 12, `^(`+social+`|print|copy link|share)( ?[,|/·•] ?| )(`+social+`|print|copy link|share)(( ?[,|/·•] ?| )(`+social+`|print|copy link|share))*$`),
	rule("follow-us", 12, `^follow (us|me)( on .{1,60})?$|^follow .{1,40} on (`+social+`|.{0,20}\bchannel)$`),
	rule("print", 5, `^(print|print this( article| page| story)?|print article|print page|printer-friendly( version)?|printer friendly( version)?)$`),

	// Subscriptions and advertising.
	rule("subscribe", 14, `^subscribe( now| today| here| free)?$|^subscribe (to|for) .{1,80}$`, "subscribe"),
	rule("subscribe", 14, `^sign up( now| here| today| free)?$|^sign up (for|to) .{1,80}$|^(get|join|receive) (our|the|a) .{0,40}newsletters?\b.*$|^newsletters?$|^(register|subscribe|sign up) (now )?to (receive|get|read|continue) .*$`, "sign up", "newsletter", "register", "subscribe"),
	rule("advertisement", 8, `^(advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|story continues (below|after) (the )?(advertisement|ad)|article continues (below|after) (the )?(advertisement|ad)|continue reading (the main story|below)|scroll to continue( with content)?|report (this|an) ad|ad feedback)$`),

	// Links to other pages.
	rule("read-more", 5, `^(read more|read the full (story|article)|read full (story|article)|continue reading|more|read on)$`),
	rule("inline-link", 30, `^(read more|read also|also read|see also|related|related article|related story|watch|watch also|also watch|listen|recommended|must read|don't miss|more on this|more on this story)\s*:\s*\S.{0,250}$`, ":"),
	rule("click-here", 25, `^(please )?(click|tap|press) here\b`, "here"),

	// Consent and legal.
	rule("cookie-notice", 80, `\b(we|this (web)?site|our (web)?site|this page|our partners) (use|uses|are using) cookies\b|\bby (continuing|clicking|using|browsing)\b.{0,80}\b(cookies?|consent|agree)\b|\bcookie (policy|settings|preferences|consent|notice)\b.{0,80}\b(accept|agree|consent|manage)\b`, "cookie"),
	rule("consent-button", 5, `^(accept|accept all|accept all cookies|accept cookies|reject|reject all|decline|allow|allow all|allow cookies|manage cookies|manage preferences|cookie settings|cookie policy|privacy policy|terms of use|terms of service|i accept|i agree|agree|got it|ok|okay|accept and close|agree and close|continue without accepting)$`),
	rule("rights", 30, `\ball rights reserved\b|^(©|\(c\)|copyright)( ?©)? ?\d{4}\b|^©|^copyright ©`, "rights reserved", "©", "(c)", "copyright"),

	// Credits and tags.
	rule("photo-credit", 25, `^(photo|photos|image|images|picture|pictures|photograph|video|illustration|graphic|credit|credits|photo credit|image credit|image source|photo source|cover photo|file photo|main photo|header image|featured image)\s*(:|/|\||-)\s*\S.{0,200}$`, ":", "/", "|", "-"),
	rule("photo-credit", 6, `^(photo|image|picture)s? (by|courtesy( of)?) .{1,60}$|^(getty images|shutterstock|afp via getty images|ap photo|epa-efe|reuters/.{1,40}|ap photo/.{1,40})$`, "photo", "image", "picture", "getty", "shutterstock", "epa", "reuters/"),
	rule("tags", 30, `^(tags?|topics?|keywords|filed under|categories|category)\s*:\s*\S.{0,300}$`, ":"),
	rule("relative-time", 6, `^((updated|published|posted|last updated) )?\d{1,3} (seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago$|^(just now|yesterday|today)$`, " ago", "just now", "yesterday", "today"),
}

// chromeName returns the name of the chrome pattern a line matches, or "".
// A line without any letter or digit ("---", "•••") is chrome "symbols".
func chromeName(l *line) string {
	if !hasLetter(l.text) {
		return "symbols"
	}
	if l.lex == "" {
		return ""
	}
	for _, r := range chromeLexicon {
		if l.words > r.maxWords || !r.mayMatch(l.lex) {
			continue
		}
		if r.re.MatchString(l.lex) {
			return r.name
		}
	}
	return ""
}

// marker is a line that starts the list of other articles after the body.
type marker struct {
	name string
	re   *regexp.Regexp
	// strong markers always start the tail; weak ones ("Read more",
	// "Related") also occur inside articles and start it only when what
	// follows is much shorter than the body.
	strong bool
}

// tailMarkers lists the headings of teaser lists and comment sections.
var tailMarkers = []marker{
	{"teaser-list", regexp.MustCompile(`^(top|latest|related|recommended|trending|popular|featured|more|other|editor'?s'?|editors'?|similar|suggested|selected) (stories|news|articles|posts|headlines|content|reads|coverage|picks|videos|links|topics)( for you)?$`), true},
	{"partner-news", regexp.MustCompile(`^(partners?'? (news|content|stories|links)|news from (our )?partners|from (our )?partners|(sponsored|promoted) (stories|links|content)|around the web|you may have missed)$`), true},
	{"also-like", regexp.MustCompile(`^(you|readers) (may|might|will|also) (also )?(like|enjoy|be interested in|have missed)$|^(we|you) recommend$|^recommended for you$|^more for you$|^also on .{1,40}$`), true},
	{"most-read", regexp.MustCompile(`^(most|more) (read|popular|viewed|shared|commented|watched|emailed|recent)( stories| articles| news| now| today)?( on .{1,40})?$`), true},
	{"more-from", regexp.MustCompile(`^more (from|on|in|by|about) .{1,40}$|^(what|read|watch) (to read )?next$|^up next$|^in other news$|^don'?t miss$|^must reads?$|^further reading$|^(also|more) on (this|the) (topic|story|subject|issue)$|^latest( news)? (from|in|on) .{1,40}$`), true},
	{"comments", regexp.MustCompile(`^(\d+ )?comments?( \(\d+\))?$|^(leave|post|add|write) a (comment|reply|response)$|^join the (conversation|discussion)$|^comments are closed$|^(discussion|reader comments|readers' comments)$`), true},
	{"weak-heading", regexp.MustCompile(`^(related|read more|read also|also read|see also|recommended|trending|latest|popular|featured|more|top|must read|editor'?s'? picks?)$`), false},
}

// markerOf returns the tail marker a line is, if any.
func markerOf(l *line) (marker, bool) {
	if l.words > 8 || l.lex == "" {
		return marker{}, false
	}
	for _, m := range tailMarkers {
		if m.re.MatchString(l.lex) {
			return m, true
		}
	}
	return marker{}, false
}

// dateLabel matches the labels pages put before a date in the header.
var dateLabel = regexp.MustCompile(`(?i)^(first published|published|last updated|updated|last modified|modified|posted|created|date|dated|released|issued)( on| at)?\s*[:\-–—|]?\s*`)

// parseDateLine reads a header date line: an optional label ("Published",
// "Updated on", "date") and a date that ParseDate accepts. A line holding
// several labelled dates separated by "|" or "·" yields the first
// published one. updated reports a date labelled as an update.
func parseDateLine(s string) (d crosscheck.Date, updated bool, ok bool) {
	if len(s) > 200 {
		return d, false, false
	}
	parts := []string{s}
	if strings.ContainsAny(s, "|·•") {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '·' || r == '•' })
	}
	var first crosscheck.Date
	firstUp, found := false, false
	for _, part := range parts {
		part = strings.TrimSpace(part)
		label := dateLabel.FindString(part)
		up := strings.Contains(strings.ToLower(label), "updated") || strings.Contains(strings.ToLower(label), "modified")
		pd, good := ParseDate(strings.TrimSpace(part[len(label):]))
		if !good {
			// Any segment that is not a date (an author, a read time)
			// makes the line something other than a date line.
			return d, false, false
		}
		if !found || (firstUp && !up) {
			first, firstUp, found = pd, up, true
		}
	}
	return first, firstUp, found
}
