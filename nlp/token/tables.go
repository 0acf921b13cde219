package token

import "strings"

// abbrevKind says how an abbreviation behaves before a capitalised word.
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// title abbreviations (Mr., Gen., Sen.) stand before a name and never
	// end a sentence.
	title
	// other abbreviations (U.S., Inc., Nov., etc.) and initials end a
	// sentence only when a likely sentence opener follows.
	other
)

// abbrevExact holds abbreviations (without the final period) matched with
// their case, so that "Ill." (Illinois) is one and "ill." is not.
var abbrevExact = map[string]abbrevKind{
	// Titles and ranks.
	"Mr": title, "Mrs": title, "Ms": title, "Messrs": title, "Mmes": title,
	"Mme": title, "Mlle": title, "Dr": title, "Drs": title, "Prof": title,
	"Profs": title, "Gen": title, "Gens": title, "Lt": title, "Col": title,
	"Maj": title, "Capt": title, "Cpt": title, "Sgt": title, "Cpl": title,
	"Pvt": title, "Adm": title, "Cmdr": title, "Cdr": title, "Brig": title,
	"Gov": title, "Govs": title, "Sen": title, "Sens": title, "Rep": title,
	"Reps": title, "Rev": title, "Hon": title, "Pres": title, "Supt": title,
	"Fr": title, "Insp": title, "Det": title, "Atty": title, "Amb": title,
	"Sr": other, "Jr": other, "St": other, "Mt": other, "Ft": other,
	"Ste": other,
	// Companies and organisations.
	"Inc": other, "Corp": other, "Co": other, "Ltd": other, "Bros": other,
	"Assn": other, "Dept": other, "Univ": other, "Govt": other, "Cos": other,
	"Plc": other, "Intl": other,
	// Months (May, June and July are never abbreviated).
	"Jan": other, "Feb": other, "Mar": other, "Apr": other, "Jun": other,
	"Jul": other, "Aug": other, "Sep": other, "Sept": other, "Oct": other,
	"Nov": other, "Dec": other,
	// Weekdays as datelines write them.
	"Mon": other, "Tue": other, "Tues": other, "Wed": other, "Thu": other,
	"Thurs": other, "Fri": other, "Sat": other, "Sun": other,
	// Streets and places.
	"Ave": other, "Blvd": other, "Rd": other, "Hwy": other, "Sq": other,
	"Pl": other, "Ln": other, "Mtn": other,
	// US states in AP style.
	"Ala": other, "Ariz": other, "Ark": other, "Calif": other, "Colo": other,
	"Conn": other, "Del": other, "Fla": other, "Ga": other, "Ill": other,
	"Ind": other, "Kan": other, "Kans": other, "Ky": other, "La": other,
	"Md": other, "Mass": other, "Mich": other, "Minn": other, "Miss": other,
	"Mo": other, "Mont": other, "Neb": other, "Nev": other, "Okla": other,
	"Ore": other, "Pa": other, "Tenn": other, "Tex": other, "Vt": other,
	"Va": other, "Wash": other, "Wis": other, "Wyo": other,
	// Canadian provinces.
	"Ont": other, "Que": other, "Alta": other, "Sask": other,
	// Others.
	"Fig": other, "Figs": other, "Vol": other, "Vols": other,
}

// abbrevFolded holds abbreviations matched in any case.
var abbrevFolded = map[string]abbrevKind{
	"mr": title, "mrs": title, "ms": title, "dr": title, "prof": title,
	"gen": title, "sen": title, "gov": title, "rep": title, "rev": title,
	"lt": title, "col": title, "capt": title, "sgt": title,
	"etc": other, "vs": other, "approx": other, "inc": other, "corp": other,
	"ltd": other, "jr": other, "sr": other, "dept": other, "al": other,
	"cf": other, "viz": other, "incl": other, "esp": other, "govt": other,
	"misc": other, "fig": other, "vol": other, "pp": other, "mln": other,
	"bln": other, "tel": other, "ext": other, "v": other, "st": other,
}

// abbrevBeforeNumber are abbreviations only when a number follows
// ("No. 5", "pp. 4", "Art. 5", "ch. 2").
var abbrevBeforeNumber = map[string]bool{
	"no": true, "nos": true, "pp": true, "p": true, "art": true, "ch": true,
	"sec": true, "para": true, "vol": true, "op": true, "fig": true,
	"pop": true, "ca": true, "rs": true, "nr": true, "ref": true,
}

// sentenceOpeners are capitalised words that, after an abbreviation such
// as "U.S." or "Inc.", show a new sentence rather than a name ("U.S.
// Army" goes on, "U.S. The next day" does not). Lower-cased.
var sentenceOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		a an the this that these those there here it its he she we they i you
		his her their our my your him them us me
		but and or so yet nor for if when while after before since because
		although though as at in on of by with without from to into during
		until unless once then now still also however meanwhile moreover
		furthermore nevertheless instead thus therefore hence indeed later
		earlier today yesterday tomorrow tonight last next some many most
		all both each every no none one two three several few other others
		such what which who whom whose where why how is are was were be been
		has have had do does did will would can could should may might must
		not asked said says officials police authorities critics
		according despite under over about against between among through
		throughout following given amid`) {
		m[w] = true
	}
	return m
}()

// hyphenPrefixes are the prefixes UD English keeps attached to a
// hyphenated word ("non-profit", "re-elected", "e-mail"); other hyphens
// are split off ("all - girl", "14 - year - old"). Counted on EWT train
// and dev plus the GUM documents: these prefixes are kept in nearly all
// cases, "pan", "vice", "self" and "well" are not.
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "re": true, "anti": true, "co": true,
	"pre": true, "pro": true, "mid": true, "post": true, "cross": true,
	"counter": true, "ex": true, "semi": true, "multi": true, "sub": true,
	"un": true, "mini": true, "micro": true, "inter": true,
	"intra": true, "psycho": true, "socio": true, "over": true, "mis": true,
	"de": true, "ultra": true, "extra": true, "bi": true, "tri": true,
}

// splitForms are contractions written without an apostrophe, or fused
// forms, that UD English splits into syntactic words. The value lists
// the byte lengths of the parts. Keys are lower case.
var splitForms = map[string][]int{
	"gonna": {3, 2}, "wanna": {3, 2}, "gotta": {3, 2}, "outta": {3, 2},
	"cannot": {3, 3}, "dunno": {2, 1, 2}, "y'all": {2, 3}, "y’all": {4, 3},
	"dont": {2, 2}, "didnt": {3, 2}, "doesnt": {4, 2}, "cant": {2, 2},
	"wont": {2, 2}, "isnt": {2, 2}, "wasnt": {3, 2}, "arent": {3, 2},
	"werent": {4, 2}, "couldnt": {5, 2}, "wouldnt": {5, 2},
	"shouldnt": {6, 2}, "havent": {4, 2}, "hasnt": {3, 2}, "hadnt": {3, 2},
	"aint": {2, 2}, "im": {1, 1}, "ive": {1, 2}, "youre": {3, 2},
	"theyre": {4, 2}, "thats": {4, 1}, "whats": {4, 1}, "theres": {5, 1},
}

// units are measure and time words that UD splits from a preceding
// number ("10am" → "10" "am", "5km" → "5" "km").
var units = map[string]bool{
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "k": true,
	"m": true, "km": true, "kg": true, "g": true, "mg": true, "mm": true,
	"cm": true, "ft": true, "lb": true, "lbs": true, "mph": true, "kph": true,
	"mi": true, "ml": true, "bn": true, "mn": true, "gb": true,
	"mb": true, "tb": true, "kb": true, "hr": true, "hrs": true, "min": true,
	"mins": true, "sec": true, "secs": true, "kw": true, "mw": true,
	"gw": true, "kwh": true, "mwh": true, "km/h": true, "b": true,
}

// currencyPrefixes are letters fused with a dollar sign ("US$") that UD
// keeps as one token.
var currencyPrefixes = map[string]bool{
	"US": true, "A": true, "C": true, "HK": true, "NZ": true, "S": true,
	"NT": true, "R": true, "Z": true, "U": true,
}

// emoticons are kept whole when they stand alone.
var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ";-)", ":')", ":)", ":(", ":D", ":P", ":p",
	";)", ":/", ":|", ":O", ":o", "=)", "(:", "<3", "^_^", "^^", "xD",
	"XD", ":-/", ":*",
}
