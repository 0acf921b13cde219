package quantity

// Word lists. Keys are lower case except where a symbol or an ISO code is
// matched as written.

// numberClass is the role of a word in a spelled-out number.
type numberClass uint8

const (
	classNone numberClass = iota
	classUnit             // one … nine
	classTeen             // ten … nineteen
	classTens             // twenty … ninety
	classHundred
	classScale // thousand, million, …
	classDozen
	classDigits
	classAnd
)

var unitWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}

var teenWords = map[string]float64{
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensWords = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply what precedes them.
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// scaleAbbrevs follow digits: "3.5 bn", "€20m". "m" and "k" are only
// scales when written against the digits and the context is money or a
// count (see Find); otherwise "m" is metres.
var scaleAbbrevs = map[string]float64{
	"bn": 1e9, "bln": 1e9, "mln": 1e6, "mn": 1e6, "tn": 1e12, "trn": 1e12, "m": 1e6, "k": 1e3,
}

// vaguePlural are the plural scale words that make vague counts:
// "dozens", "hundreds of thousands". The value is the unit; the count is
// 2× to 3× it ("dozens" ≥ 24).
var vaguePlural = map[string]float64{
	"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}

// vagueWord is a vague determiner: typical value and bounds; high < 0
// means unbounded.
type vagueWord struct {
	value, low, high float64
	// needOf requires "of" after the word ("a number of", "a couple of").
	needOf bool
}

// vagueWords are keyed by their words joined with a space. See the
// package doc for the table.
var vagueWords = map[string]vagueWord{
	"a couple":  {2, 2, 3, true},
	"a few":     {3, 2, 5, false},
	"several":   {4, 3, 9, false},
	"a handful": {4, 2, 6, false},
	"a number":  {5, 2, -1, true},
	"many":      {10, 3, -1, false},
	"numerous":  {10, 3, -1, false},
	"multiple":  {3, 2, -1, false},
}

var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
	"seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}

// fractionWords are denominators: "a third", "two-thirds", "a quarter".
var fractionWords = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
	"sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
	"tenth": 10, "tenths": 10,
}

// modKind is how a modifier bounds the number it precedes.
type modKind uint8

const (
	modNone     modKind = iota
	modApprox           // about 300: Approx, ±10 %
	modNearly           // nearly 300: Approx, [0.9v, v]
	modJustOver         // just over 300: Approx, [v, 1.1v]
	modMin              // at least, no fewer than: Low v
	modOver             // more than, over: Low v (exclusive, see doc)
	modMax              // up to, at most, no more than: Low 0, High v
	modUnder            // fewer than, under: Low 0, High v (exclusive)
	modExact            // exactly
	modBetween          // between X and Y
)

// modifiers are keyed by their words joined with a space; the longest
// match wins.
var modifiers = map[string]modKind{
	"about": modApprox, "around": modApprox, "roughly": modApprox, "approximately": modApprox,
	"approx.": modApprox, "some": modApprox, "an estimated": modApprox, "estimated": modApprox,
	"an approximate": modApprox, "give or take": modApprox,
	"nearly": modNearly, "almost": modNearly, "close to": modNearly, "just under": modNearly,
	"just below": modNearly, "just shy of": modNearly, "not quite": modNearly, "nearly all": modNone,
	"just over": modJustOver, "just above": modJustOver, "slightly more than": modJustOver,
	"a little over": modJustOver, "a little more than": modJustOver, "just more than": modJustOver,
	"at least": modMin, "no fewer than": modMin, "no less than": modMin, "not less than": modMin,
	"not fewer than": modMin, "a minimum of": modMin, "as many as": modMax, "as much as": modMax,
	"more than": modOver, "over": modOver, "above": modOver, "in excess of": modOver,
	"upwards of": modOver, "upward of": modOver, "well over": modOver, "well above": modOver,
	"well in excess of": modOver, "exceeding": modOver, "far more than": modOver,
	"up to": modMax, "at most": modMax, "no more than": modMax, "not more than": modMax,
	"a maximum of": modMax,
	"fewer than":   modUnder, "less than": modUnder, "under": modUnder, "below": modUnder,
	"well under": modUnder, "well below": modUnder, "far fewer than": modUnder, "far less than": modUnder,
	"exactly": modExact, "precisely": modExact, "a total of": modExact,
	"between": modBetween,
}

// maxModWords is the longest modifier in words.
const maxModWords = 4

// suffixMods follow the number: "40 or so", "ten or more".
var suffixMods = map[string]modKind{
	"or so": modApprox, "or more": modMin, "or over": modMin, "and over": modMin, "and above": modMin,
	"or fewer": modMax, "or less": modMax,
}

// currencySymbols precede the amount: "$5", "US$40", "€20m". They are
// matched as written.
var currencySymbols = map[string]string{
	"$": "USD", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
	"NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
	"₼": "AZN", "₽": "RUB", "₹": "INR", "₺": "TRY", "₴": "UAH", "₾": "GEL", "₸": "KZT", "₪": "ILS",
	"₩": "KRW", "﷼": "IRR", "Rs": "INR", "Rs.": "INR", "₦": "NGN", "֏": "AMD",
}

// currencyCodes are ISO 4217 codes seen in news, before or after the
// amount ("AZN 300", "300 USD").
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "AZN": true, "RUB": true, "IRR": true, "JPY": true, "CNY": true,
	"INR": true, "TRY": true, "UAH": true, "GEL": true, "KZT": true, "ILS": true, "AMD": true, "CHF": true,
	"CAD": true, "AUD": true, "SAR": true, "AED": true, "QAR": true, "KWD": true, "EGP": true, "PKR": true,
	"BYN": true, "UZS": true, "KGS": true, "TJS": true, "TMT": true, "MDL": true, "PLN": true, "SEK": true,
	"NOK": true, "DKK": true, "HUF": true, "CZK": true, "RON": true, "BGN": true, "RSD": true, "IQD": true,
	"SYP": true, "LBP": true, "JOD": true, "KRW": true, "HKD": true, "SGD": true, "BRL": true, "MXN": true,
	"NGN": true, "ZAR": true, "KES": true, "ETB": true, "AFN": true, "BHD": true, "OMR": true, "LYD": true,
}

// currencyNouns follow the amount; the value is the default code, which a
// national adjective before the noun overrides ("Canadian dollars").
// Empty means money whose currency the word alone does not tell.
var currencyNouns = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
	"sterling": "GBP", "manat": "AZN", "manats": "AZN", "rial": "IRR", "rials": "IRR", "riyal": "SAR",
	"riyals": "SAR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "yen": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "lira": "TRY", "liras": "TRY",
	"lire": "TRY", "dram": "AMD", "drams": "AMD", "lari": "GEL", "laris": "GEL", "tenge": "KZT",
	"hryvnia": "UAH", "hryvnias": "UAH", "hryvnias'": "UAH", "shekel": "ILS", "shekels": "ILS",
	"zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF", "lei": "RON", "leu": "MDL",
	"som": "KGS", "soms": "KGS", "sum": "", "franc": "", "francs": "", "dinar": "", "dinars": "",
	"dirham": "", "dirhams": "", "peso": "", "pesos": "", "krona": "", "kronor": "", "krone": "",
	"kroner": "", "naira": "NGN", "rand": "ZAR", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR",
	"afghani": "AFN", "afghanis": "AFN", "cents": "USD", "cent": "USD", "pence": "GBP",
}

// subunits divide the value: "50 cents" is 0.5.
var subunits = map[string]float64{"cents": 100, "cent": 100, "pence": 100}

// currencyAdjectives name the country of a dollar, pound, dinar, …: they
// override the noun's default code.
var currencyAdjectives = map[string]string{
	"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
	"singapore": "SGD", "taiwan": "TWD", "azerbaijani": "AZN", "azeri": "AZN", "iranian": "IRR",
	"russian": "RUB", "belarusian": "BYN", "turkish": "TRY", "swiss": "CHF", "armenian": "AMD",
	"georgian": "GEL", "kazakh": "KZT", "ukrainian": "UAH", "israeli": "ILS", "indian": "INR",
	"pakistani": "PKR", "chinese": "CNY", "japanese": "JPY", "british": "GBP", "egyptian": "EGP",
	"lebanese": "LBP", "syrian": "SYP", "sudanese": "SDG", "kuwaiti": "KWD", "iraqi": "IQD",
	"jordanian": "JOD", "bahraini": "BHD", "libyan": "LYD", "tunisian": "TND", "algerian": "DZD",
	"serbian": "RSD", "moroccan": "MAD", "emirati": "AED", "uae": "AED", "saudi": "SAR",
	"qatari": "QAR", "omani": "OMR", "mexican": "MXN", "argentine": "ARS", "philippine": "PHP",
	"swedish": "SEK", "norwegian": "NOK", "danish": "DKK", "polish": "PLN", "hungarian": "HUF",
	"romanian": "RON", "moldovan": "MDL", "kyrgyz": "KGS", "uzbek": "UZS", "afghan": "AFN",
	"nigerian": "NGN",
}

// units of measure, keyed by the word as written in lower case (symbols
// such as "MW" also in their usual case); the value is the unit as
// reported.
var units = map[string]string{
	"km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"mile": "mi", "miles": "mi", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "m": "m",
	"cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
	"mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
	"foot": "ft", "feet": "ft", "ft": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd",
	"kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg", "kilo": "kg", "kilos": "kg",
	"gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "mg": "mg", "milligrams": "mg",
	"tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
	"litre": "l", "litres": "l", "liter": "l", "liters": "l", "gallon": "gal", "gallons": "gal",
	"barrel": "bbl", "barrels": "bbl", "bpd": "bbl/d",
	"hectare": "ha", "hectares": "ha", "ha": "ha", "acre": "acre", "acres": "acre",
	"km2": "km2", "km²": "km2", "m2": "m2", "m²": "m2", "m3": "m3", "m³": "m3", "bcm": "bcm",
	"degrees": "deg", "degree": "deg", "°c": "°C", "°f": "°F", "°": "deg",
	"mph": "mph", "kph": "km/h", "km/h": "km/h", "knots": "kn",
	"mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW", "gigawatts": "GW",
	"kw": "kW", "kilowatt": "kW", "kilowatts": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
	"tb": "TB", "gb": "GB", "mb": "MB",
}

// areaPrefix words make "square kilometres" km2 and "cubic metres" m3.
var areaPrefix = map[string]string{"square": "2", "sq": "2", "sq.": "2", "cubic": "3"}

// timeUnits after a number make a duration or an age, which belong to
// time expressions: "five years", "a 45-year-old".
var timeUnits = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "min": true, "mins": true,
	"hour": true, "hours": true, "hr": true, "hrs": true, "day": true, "days": true, "night": true,
	"nights": true, "week": true, "weeks": true, "fortnight": true, "fortnights": true, "month": true,
	"months": true, "year": true, "years": true, "yr": true, "yrs": true, "decade": true, "decades": true,
	"century": true, "centuries": true, "millennium": true, "millennia": true,
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "a.m": true, "p.m": true, "gmt": true, "utc": true,
	"bst": true, "cet": true, "o'clock": true, "o’clock": true, "h": true,
	"bc": true, "b.c.": true, "bce": true, "ad": true, "a.d.": true, "ce": true,
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "jan.": true, "feb": true, "feb.": true, "mar": true, "mar.": true, "apr": true, "apr.": true,
	"jun": true, "jun.": true, "jul": true, "jul.": true, "aug": true, "aug.": true, "sep": true, "sep.": true,
	"sept": true, "sept.": true, "oct": true, "oct.": true, "nov": true, "nov.": true, "dec": true, "dec.": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// yearCues before a four-digit number make it a year: "in 2022". The
// weak ones (false) do so unless a plural noun follows: "from 2010",
// but "to 2000 people".
var yearCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true, "early": true, "late": true,
	"mid": true, "mid-": true, "year": true, "spring": true, "summer": true, "autumn": true, "fall": true,
	"winter": true, "circa": true, "fiscal": true, "season": true,
	"by": false, "from": false, "before": false, "after": false, "of": false, "through": false,
	"throughout": false, "to": false, "and": false, "between": false,
}

// idNouns before a number make it an identifier: "Article 15", "No. 5".
var idNouns = map[string]bool{
	"no.": true, "nos.": true, "no": true, "number": true, "#": true, "article": true, "articles": true,
	"section": true, "chapter": true, "paragraph": true, "clause": true, "resolution": true, "room": true,
	"flight": true, "route": true, "highway": true, "platform": true, "gate": true, "page": true,
	"p.": true, "pp.": true, "vol.": true, "volume": true, "case": false, "decree": true, "line": false,
	"bus": true, "unit": true, "block": true, "building": true, "apartment": true, "level": true,
	"phase": true, "stage": true, "category": true, "grade": true, "tier": true, "step": true,
	"version": true, "model": true, "channel": true, "district": true, "ward": true, "zone": true,
	"lane": true, "exit": true, "terminal": true, "hall": true, "floor": false, "act": false,
	"protocol": true, "part": true, "annex": true, "appendix": true, "figure": true, "table": true,
	"item": true, "code": false, "bill": false, "law": true, "order": false, "square": false,
	"size": true, "pier": true, "berth": true, "track": true,
}

// numberedNouns before a number make it the name of a part: "day five",
// "round two", "Game 7".
var numberedNouns = map[string]bool{
	"day": true, "week": true, "round": true, "game": true, "match": true, "stage": true, "phase": true,
	"part": true, "season": true, "episode": true, "chapter": true, "volume": true, "level": true, "grade": true,
	"act": true, "scene": true, "lap": true, "leg": true, "heat": true, "year": true, "gate": true, "terminal": true,
}

// scoreVerbs before "2-1" make it a score, not a range.
var scoreVerbs = map[string]bool{
	"win": true, "lose": true, "draw": true, "beat": true, "end": true, "lead": true, "trail": true,
	"finish": true, "defeat": true, "tie": true, "score": true,
}

// dollarPrefixes are written before "$" with a space by some sources:
// "NZ $ 26 million".
var dollarPrefixes = map[string]string{
	"US": "USD", "U.S.": "USD", "NZ": "NZD", "HK": "HKD", "AU": "AUD", "CA": "CAD",
}

// determiners are skipped before a head noun after "of" or "for".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "these": true, "those": true, "this": true, "that": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true,
	"all": true, "some": true, "each": true, "every": true, "both": true, "such": true,
}
