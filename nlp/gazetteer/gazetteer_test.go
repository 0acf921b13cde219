package gazetteer

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		phrase string
		want   Class
	}{
		{"Azerbaijan", CountryName},
		{"Republic of Azerbaijan", CountryName},
		{"Azerbaijani", Demonym},
		{"Azerbaijanis", Demonym},
		{"Baku", Capital},
		{"Shia", Group},
		{"President", Title},
		{"Prime Minister", Title},
		{"Ministry", OrgSuffix},
		{"Embassy", FacHead},
		{"Sea", LocHead},
		{"Middle East", Region},
		{"Texas", State},
		{"Ganja", CityName},
	}
	for _, tc := range tests {
		if got := Lookup(tc.phrase); !got.Has(tc.want) {
			t.Errorf("Lookup(%q) = %b, want %b set", tc.phrase, got, tc.want)
		}
	}
	if Lookup("xyzzy") != 0 {
		t.Error("unknown phrase matched")
	}
	if Population("Ganja") < 100000 {
		t.Error("Ganja population missing")
	}
}

func TestFind(t *testing.T) {
	words := []string{"The", "Azerbaijani", "army", "entered", "Republic", "of", "Azerbaijan", "from", "the", "Caspian", "Sea", "."}
	ms := Find(words, false)
	want := [][2]int{{1, 2}, {4, 7}, {9, 11}}
	got := [][2]int{}
	for _, m := range ms {
		if m.Class&(Demonym|CountryName|Region) != 0 {
			got = append(got, [2]int{m.Start, m.End})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("Find = %v, want %v", ms, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d = %v, want %v", i, got[i], want[i])
		}
	}
}
