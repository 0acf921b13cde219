package score

import (
	"errors"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// cl builds a clustering from space-separated clusters of one-letter
// mentions: cl("abc defg") is {a,b,c},{d,e,f,g}.
func cl(s string) Clustering {
	var c Clustering
	for _, f := range strings.Fields(s) {
		var cluster []Mention
		for _, r := range f {
			cluster = append(cluster, Mention(string(r)))
		}
		c = append(c, cluster)
	}
	return c
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPRF(t *testing.T, name string, got, want PRF) {
	t.Helper()
	if !near(got.P, want.P) || !near(got.R, want.R) || !near(got.F1, want.F1) {
		t.Errorf("%s = P %.6f R %.6f F1 %.6f, want P %.6f R %.6f F1 %.6f", name, got.P, got.R, got.F1, want.P, want.R, want.F1)
	}
}

func f1(p, r float64) float64 { return 2 * p * r / (p + r) }

func TestMetrics(t *testing.T) {
	tests := []struct {
		name           string
		key, resp      string
		muc, b3, ceafe PRF
	}{
		{
			// The example of Pradhan et al. (2014), with twinless mentions
			// on both sides: e is only in the key, h and i only in the
			// response.
			//
			// MUC recall: {abc} is split by the response into {ab},{c}: 3−2 = 1
			// link found; {defg} into {d},{e} (twinless),{fg}: 4−3 = 1.
			// R = (1+1)/((3−1)+(4−1)) = 2/5.
			// MUC precision: {ab} lies in one key cluster: 2−1 = 1; {cd}
			// in two: 0; {fghi} in {fg},{h},{i}: 4−3 = 1. P = 2/(1+1+3) = 2/5.
			//
			// B³ recall, Σ |K∩R|²/|K| over key clusters / 7 key mentions:
			// {abc}: 2²/3 + 1²/3 = 5/3; {defg}: 1²/4 + 2²/4 = 5/4;
			// (5/3 + 5/4)/7 = (35/12)/7 = 5/12.
			// B³ precision, Σ |K∩R|²/|R| over response clusters / 8:
			// {ab}: 4/2 = 2; {cd}: 1/2 + 1/2 = 1; {fghi}: 4/4 = 1; 4/8 = 1/2.
			// F1 = 2·(5/12)(1/2)/(5/12+1/2) = 5/11.
			//
			// CEAF-e: φ4(abc,ab) = 4/5, φ4(abc,cd) = 2/5, φ4(defg,cd) = 2/6,
			// φ4(defg,fghi) = 4/8. Best alignment abc↔ab, defg↔fghi:
			// Φ = 4/5 + 1/2 = 13/10 (the others: 2/5+1/2 = 9/10,
			// 4/5+1/3 = 17/15). R = Φ/2 = 13/20, P = Φ/3 = 13/30, F1 = 0.52.
			name: "pradhan", key: "abc defg", resp: "ab cd fghi",
			muc:   PRF{0.4, 0.4, 0.4},
			b3:    PRF{0.5, 5.0 / 12, 5.0 / 11},
			ceafe: PRF{13.0 / 30, 13.0 / 20, 0.52},
		},
		{
			// Bagga and Baldwin's (1998) case that MUC cannot tell from
			// the next one: key {12345},{67},{89ABC}, response merges the
			// small entity into the first. MUC: 9 of 9 key links found;
			// response has 10 links (6+4), 9 right: P = 9/10.
			// B³ precision: {1234567}: (5²+2²)/7 = 29/7; {89ABC}: 25/5 = 5;
			// (29/7 + 5)/12 = (64/7)/12 = 16/21. Recall 1.
			// CEAF-e: φ4(12345,1234567) = 10/12, φ4(67,1234567) = 4/9,
			// φ4(89ABC,89ABC) = 1; best Φ = 5/6 + 1 = 11/6;
			// R = (11/6)/3 = 11/18, P = (11/6)/2 = 11/12.
			name: "bagga-small-merge", key: "12345 67 89ABC", resp: "1234567 89ABC",
			muc:   PRF{0.9, 1, f1(0.9, 1)},
			b3:    PRF{16.0 / 21, 1, f1(16.0/21, 1)},
			ceafe: PRF{11.0 / 12, 11.0 / 18, f1(11.0/12, 11.0/18)},
		},
		{
			// The same key, response merging the two large entities:
			// MUC is unchanged, B³ precision drops to
			// ((5²+5²)/10 + 2²/2)/12 = (5+2)/12 = 7/12.
			// CEAF-e: φ4(12345,123459ABC…) = 10/15 for either large key
			// cluster, φ4(67,67) = 1; Φ = 2/3 + 1 = 5/3;
			// R = (5/3)/3 = 5/9, P = (5/3)/2 = 5/6.
			name: "bagga-large-merge", key: "12345 67 89ABC", resp: "1234589ABC 67",
			muc:   PRF{0.9, 1, f1(0.9, 1)},
			b3:    PRF{7.0 / 12, 1, f1(7.0/12, 1)},
			ceafe: PRF{5.0 / 6, 5.0 / 9, f1(5.0/6, 5.0/9)},
		},
		{
			// Vilain et al. (1995): key {ABCD}, response {AB},{CD}.
			// MUC R = (4−2)/3 = 2/3, P = (1+1)/(1+1) = 1.
			// B³ R = (2²/4 + 2²/4)/4 = 1/2, P = (4/2 + 4/2)/4 = 1.
			// CEAF-e: φ4(ABCD,AB) = 4/6 = φ4(ABCD,CD); Φ = 2/3;
			// R = 2/3, P = (2/3)/2 = 1/3.
			name: "vilain-split", key: "ABCD", resp: "AB CD",
			muc:   PRF{1, 2.0 / 3, 0.8},
			b3:    PRF{1, 0.5, 2.0 / 3},
			ceafe: PRF{1.0 / 3, 2.0 / 3, 4.0 / 9},
		},
		{
			// Singletons merged: key {a},{b},{c}, response {abc}.
			// MUC: no key links (R = 0/0 = 0); the response link count is 2,
			// none right: P = 0.
			// B³ R = (1+1+1)/3 = 1; P = (1²/3·3)/3 = 1/3; F1 = 1/2.
			// CEAF-e: φ4({a},{abc}) = 2/4; only one response cluster, Φ = 1/2;
			// R = 1/6, P = 1/2, F1 = 1/4.
			name: "singletons-merged", key: "a b c", resp: "abc",
			muc:   PRF{0, 0, 0},
			b3:    PRF{1.0 / 3, 1, 0.5},
			ceafe: PRF{0.5, 1.0 / 6, 0.25},
		},
		{
			// Singletons right: MUC has nothing to count (0 by convention),
			// B³ and CEAF-e are perfect.
			name: "singletons-right", key: "a b c", resp: "c b a",
			muc:   PRF{0, 0, 0},
			b3:    PRF{1, 1, 1},
			ceafe: PRF{1, 1, 1},
		},
		{
			// Twinless on both sides: key {ab},{c}, response {abx}.
			// MUC R = 1/1 ({c} has no links); P: {abx} splits into {ab},{x}:
			// (3−2)/2 = 1/2.
			// B³ R = (2²/2 + 0)/3 = 2/3 (c has no twin); P = (2²/3)/3 = 4/9.
			// CEAF-e: φ4(ab,abx) = 4/5; R = (4/5)/2 = 2/5, P = 4/5.
			name: "twinless", key: "ab c", resp: "abx",
			muc:   PRF{0.5, 1, 2.0 / 3},
			b3:    PRF{4.0 / 9, 2.0 / 3, f1(4.0/9, 2.0/3)},
			ceafe: PRF{0.8, 0.4, f1(0.8, 0.4)},
		},
		{
			// A response that shares no mention with the key scores 0.
			name: "disjoint", key: "ab cd", resp: "xy z",
		},
		{name: "empty"},
		{name: "empty-response", key: "ab c"},
		{name: "empty-key", resp: "ab c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, resp := cl(tt.key), cl(tt.resp)
			checkPRF(t, "MUC", MUC(key, resp), tt.muc)
			checkPRF(t, "B3", B3(key, resp), tt.b3)
			checkPRF(t, "CEAFe", CEAFe(key, resp), tt.ceafe)
			_, _, _, conll := CoNLL(key, resp)
			if want := (tt.muc.F1 + tt.b3.F1 + tt.ceafe.F1) / 3; !near(conll, want) {
				t.Errorf("CoNLL F1 = %.6f, want %.6f", conll, want)
			}
		})
	}
}

// The Pradhan example's CoNLL F1 is (2/5 + 5/11 + 13/25)/3.
func TestCoNLLPradhan(t *testing.T) {
	_, _, _, f := CoNLL(cl("abc defg"), cl("ab cd fghi"))
	if want := (0.4 + 5.0/11 + 0.52) / 3; !near(f, want) || math.Abs(f-0.458182) > 1e-6 {
		t.Errorf("CoNLL F1 = %.6f, want %.6f", f, want)
	}
}

func TestKeyAgainstItself(t *testing.T) {
	for _, key := range []string{"abc defg", "ab c", "abcdefgh", "a bc def ghij"} {
		s := Score(cl(key), cl(key))
		for name, m := range map[string]PRF{"MUC": s.MUC, "B3": s.B3, "CEAFe": s.CEAFe} {
			checkPRF(t, key+" "+name, m, PRF{1, 1, 1})
		}
		if !near(s.CoNLL, 1) {
			t.Errorf("%s: CoNLL %v", key, s.CoNLL)
		}
	}
}

// The metrics do not care about the order of clusters or mentions, and
// swapping key and response swaps precision and recall.
func TestSymmetry(t *testing.T) {
	key, resp := cl("abc defg"), cl("ab cd fghi")
	for name, f := range map[string]func(a, b Clustering) PRF{"MUC": MUC, "B3": B3, "CEAFe": CEAFe} {
		a, b := f(key, resp), f(resp, key)
		if !near(a.P, b.R) || !near(a.R, b.P) {
			t.Errorf("%s: %v vs swapped %v", name, a, b)
		}
		c := f(cl("gfed cba"), cl("ihgf dc ba"))
		checkPRF(t, name+" reordered", c, a)
	}
}

func TestCheck(t *testing.T) {
	if err := cl("abc de").Check(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []Clustering{cl("abc ce"), cl("aa"), {{"a", ""}}} {
		if err := bad.Check(); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("%v: Check = %v, want ErrInvalid", bad, err)
		}
	}
	// A duplicated mention is kept in its first cluster: the same scores
	// as without the duplicate.
	checkPRF(t, "dup", B3(cl("abc ce"), cl("abc e")), PRF{1, 1, 1})
}

func TestMaxAssignment(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		rows, cols := 1+r.Intn(5), 1+r.Intn(5)
		w := make([][]float64, rows)
		for i := range w {
			w[i] = make([]float64, cols)
			for j := range w[i] {
				if r.Intn(3) > 0 {
					w[i][j] = float64(r.Intn(10)) / 9
				}
			}
		}
		if got, want := maxAssignment(w), bruteAssignment(w); !near(got, want) {
			t.Fatalf("%v: Hungarian %v, brute force %v", w, got, want)
		}
	}
}

// bruteAssignment tries every injective map of the smaller side.
func bruteAssignment(w [][]float64) float64 {
	rows, cols := len(w), len(w[0])
	if rows > cols {
		t := make([][]float64, cols)
		for j := range t {
			t[j] = make([]float64, rows)
			for i := range w {
				t[j][i] = w[i][j]
			}
		}
		return bruteAssignment(t)
	}
	used := make([]bool, cols)
	var best func(i int) float64
	best = func(i int) float64 {
		if i == rows {
			return 0
		}
		b := math.Inf(-1)
		for j := 0; j < cols; j++ {
			if !used[j] {
				used[j] = true
				b = math.Max(b, w[i][j]+best(i+1))
				used[j] = false
			}
		}
		return b
	}
	return best(0)
}

// CEAF-e computed per connected component must equal one global
// assignment over the full similarity matrix.
func TestCEAFComponents(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 200; n++ {
		key, resp := randomClustering(r, 12), randomClustering(r, 12)
		k, rp := normalize(key), normalize(resp)
		w := make([][]float64, len(k.clusters))
		for i, kc := range k.clusters {
			w[i] = make([]float64, len(rp.clusters))
			for j, rc := range rp.clusters {
				common := 0
				for _, m := range kc {
					if j2, ok := rp.of[m]; ok && j2 == j {
						common++
					}
				}
				w[i][j] = 2 * float64(common) / float64(len(kc)+len(rc))
			}
		}
		if got, want := ceafAlign(k, rp), maxAssignment(w); !near(got, want) {
			t.Fatalf("key %v resp %v: components %v, global %v", key, resp, got, want)
		}
	}
}

// randomClustering partitions a random subset of the mentions a…l.
func randomClustering(r *rand.Rand, n int) Clustering {
	groups := map[int][]Mention{}
	for i := 0; i < n; i++ {
		if r.Intn(4) == 0 {
			continue // twinless on the other side
		}
		g := r.Intn(5)
		groups[g] = append(groups[g], Mention(rune('a'+i)))
	}
	var c Clustering
	for g := 0; g < 5; g++ {
		if len(groups[g]) > 0 {
			c = append(c, groups[g])
		}
	}
	return c
}

func BenchmarkCoNLL(b *testing.B) {
	r := rand.New(rand.NewSource(3))
	var key, resp Clustering
	for e := 0; e < 500; e++ {
		var kc, rc []Mention
		for m := 0; m < 6; m++ {
			id := Mention(string(rune('A'+e%26)) + strings.Repeat("x", e/26) + string(rune('0'+m)))
			kc = append(kc, id)
			if r.Intn(5) > 0 {
				rc = append(rc, id)
			}
		}
		key = append(key, kc)
		if len(rc) > 0 {
			resp = append(resp, rc)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CoNLL(key, resp)
	}
	b.ReportMetric(float64(3000*b.N)/b.Elapsed().Seconds(), "mentions/s")
}
