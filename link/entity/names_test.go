package entity

import (
	"slices"
	"testing"
)

func TestKeys(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Əliyev", "eliyev"},
		{"Łódź", "lodz"},
		{"Türkiye", "turkiye"},
		{"U.S.", "us"},
		{"Kelm’s", "kelm's"},
		{"Drovny–Sarest", "drovny sarest"},
		{"  State   Security  Service ", "state security service"},
	} {
		if got := plainKey(tc.in); got != tc.want {
			t.Errorf("plainKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTrim(t *testing.T) {
	for _, tc := range []struct {
		in     string
		person bool
		want   string
	}{
		{"the SSS", false, "SSS"},
		{"Valdoria's", false, "Valdoria"},
		{"Kelm’s", false, "Kelm"},
		{"President Matthias Korvel", true, "Matthias Korvel"},
		{"Foreign Minister Lidia Brannholt", true, "Lidia Brannholt"},
		{"President", true, "President"},
		{"The", false, "The"},
	} {
		var isTitle func(string) bool
		if tc.person {
			isTitle = isTitleWord
		}
		s, e := trimOffsets(tc.in, isTitle)
		if got := tc.in[s:e]; got != tc.want {
			t.Errorf("trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAcronyms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"SSS", true}, {"IRGC", true}, {"U.N.", true}, {"G7", false}, {"G20", false},
		{"Kelm", false}, {"A", false}, {"MARENBURGS", false}, {"NATO", true},
	} {
		if got := isAcronym(tc.in); got != tc.want {
			t.Errorf("isAcronym(%q) = %v", tc.in, got)
		}
	}
	if got := initials([]string{"islamic", "revolutionary", "guard", "corp"}); got != "IRGC" {
		t.Errorf("initials = %q", got)
	}
	if got := initials([]string{"university", "of", "osterhaven"}); got != "UO" {
		t.Errorf("initials = %q", got)
	}
}

func TestSimilarNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"huseyniyyun", "huseiniyyun", true},
		{"khazrani brotherhood", "chazrani brotherhood", true},
		{"arseny khoryev", "arseni horyev", true},
		{"muhammad", "mohammed", true},
		{"iran", "iraq", false},         // too short, and other skeletons
		{"austria", "australia", false}, // other skeletons
		{"jon smith", "jan smith", false},
		{"emil matusz", "lena matusz", false},
		{"revolutionary vanguard corp", "revolutionary guard corp", false},
	} {
		same := skeleton(tc.a) == skeleton(tc.b) && similarNames(tc.a, tc.b)
		if same != tc.same {
			t.Errorf("%q ~ %q: %v (skeletons %q, %q), want %v", tc.a, tc.b, same, skeleton(tc.a), skeleton(tc.b), tc.same)
		}
	}
}

func TestJaroWinkler(t *testing.T) {
	if got := jaroWinkler("martha", "marhta"); got < 0.96 || got > 0.962 {
		t.Errorf("jaroWinkler(martha, marhta) = %v, want 0.961", got)
	}
	if jaroWinkler("", "x") != 0 || jaroWinkler("abc", "abc") != 1 {
		t.Error("jaroWinkler edge cases")
	}
	if editDistance("kitten", "sitting") != 3 {
		t.Error("editDistance(kitten, sitting) != 3")
	}
}

func TestDeriveDemonym(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"ostravian", "ostravia"}, {"talmeran", "talmera"}, {"iraqi", "iraq"}, {"hungarian", "hungary"},
		{"ostravians", "ostravia"}, {"japanese", "japan"},
	} {
		if got := deriveDemonym(tc.in); !slices.Contains(got, tc.want) {
			t.Errorf("deriveDemonym(%q) = %v, want %q among them", tc.in, got, tc.want)
		}
	}
}

func TestWorld(t *testing.T) {
	w := newWorld()
	for _, tc := range []struct{ fn, in, want string }{
		{"country", "us", "united states"},
		{"country", "britain", "united kingdom"},
		{"country", "islamic republic of iran", "iran"},
		{"demonym", "iranian", "iran"},
		{"demonym", "azeri", "azerbaijan"},
		{"demonym", "azerbaijanis", "azerbaijan"},
		{"capital", "tehran", "iran"},
		{"capital", "baku", "azerbaijan"},
		{"demonym", "congolese", ""}, // two Congos
	} {
		var got string
		switch tc.fn {
		case "country":
			got = w.countryKey(tc.in)
		case "demonym":
			got = w.demonymOf(tc.in)
		case "capital":
			got = w.capitalOf(tc.in)
		}
		if got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.fn, tc.in, got, tc.want)
		}
	}
	if got := stripPoliticalForm([]string{"republic", "of", "valdoria"}); !slices.Equal(got, []string{"valdoria"}) {
		t.Errorf("stripPoliticalForm = %v", got)
	}
	if got := w.qualifier([]string{"iran's"}); got != "iran" {
		t.Errorf("qualifier(iran's) = %q", got)
	}
}

func TestCues(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{", formerly known as the ", true},
		{" is new at this: it used to be called the ", true},
		{" was folded into today’s ", true},
		{" and renamed what was left the ", true},
		{" said the ", false},
		{", the ", false},
	} {
		if got := endsWithCue(tc.in); got != tc.want {
			t.Errorf("endsWithCue(%q) = %v", tc.in, got)
		}
	}
}
