package query_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/store/query"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		fts5 string
	}{
		{"election", `"election"`},
		{"  Baku   election ", `"Baku" AND "election"`},
		{`"spy network" Iran`, `"spy network" AND "Iran"`},
		{"elect*", `"elect" *`},
		{`"spy net"*`, `"spy net" *`},
		{"Iran -Israel", `"Iran" NOT "Israel"`},
		{`Iran -"spy network" -Israel`, `"Iran" NOT ("spy network" OR "Israel")`},
		{"Iran OR Azerbaijan", `("Iran" OR "Azerbaijan")`},
		{"Iran OR Azerbaijan arrest", `("Iran" OR "Azerbaijan") AND "arrest"`},
		{"a OR b OR c", `("a" OR "b" OR "c")`},
		{"U.S. sanctions", `"U.S." AND "sanctions"`},
		{"NEAR(a b)", `"NEAR(a" AND "b)"`},
		{"title:Iran", `"title:Iran"`},
		{"a AND b NOT c", `"a" AND "AND" AND "b" AND "NOT" AND "c"`},
		{`unbalanced "quote here`, `"unbalanced" AND """quote" AND "here"`},
		{`say"what"`, `"say""what"""`},
		{"^start", `"^start"`},
		{"OR", `"OR"`},
		{"Iran OR", `"Iran" AND "OR"`},
		{"OR Iran", `"OR" AND "Iran"`},
		{"Iran OR -Israel", `("Iran" AND "OR") NOT "Israel"`},
		{"Iran OR Baku -Israel", `("Iran" OR "Baku") NOT "Israel"`},
		{"or lowercase", `"or" AND "lowercase"`},
		{"Iran ... — -", `"Iran"`},
		{"well-known", `"well-known"`},
		{"café", `"café"`},
		{"e*", `"e" *`},
		{`"" Iran`, `"Iran"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := query.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got := q.FTS5(); got != tt.fts5 {
				t.Errorf("Parse(%q).FTS5() = %s, want %s", tt.in, got, tt.fts5)
			}
		})
	}
}

func TestParseTree(t *testing.T) {
	q, err := query.Parse(`Iran OR "spy ring"* -Israel`)
	if err != nil {
		t.Fatal(err)
	}
	want := query.Query{
		Must: [][]query.Term{{{Text: "Iran"}, {Text: "spy ring", Phrase: true, Prefix: true}}},
		Not:  []query.Term{{Text: "Israel"}},
	}
	if q.String() != want.String() || len(q.Must) != 1 || len(q.Must[0]) != 2 || q.Must[0][1] != want.Must[0][1] || q.Not[0] != want.Not[0] {
		t.Errorf("Parse = %#v, want %#v", q, want)
	}
	if got := q.String(); got != `Iran OR "spy ring"* -Israel` {
		t.Errorf("String() = %s", got)
	}
}

func TestParseInvalid(t *testing.T) {
	for _, in := range []string{
		"",
		"   ",
		"-Iran",
		`-Iran -"spy ring"`,
		"... !!! —",
		`""`,
		"*",
		"-",
		"--x",
		strings.Repeat("word ", query.MaxTerms+1),
	} {
		t.Run(in, func(t *testing.T) {
			q, err := query.Parse(in)
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Fatalf("Parse(%q) = %v, %v; want ErrInvalid", in, q, err)
			}
		})
	}
}

// openFTS5 returns a database with a small FTS5 table configured like the
// store's.
func openFTS5(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", filepath.Join(tb.TempDir(), "fts.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{
		`CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')`,
		`INSERT INTO fts VALUES ('Azerbaijan arrests spy ring', 'Baku said on Tuesday that the U.S. and Iran…')`,
		`INSERT INTO fts VALUES ('Café society', 'OR AND NOT NEAR are words too: "quoted" (parens) ^caret')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			tb.Fatal(err)
		}
	}
	return db
}

func TestFTS5Accepts(t *testing.T) {
	db := openFTS5(t)
	tests := []struct {
		in   string
		hits int
	}{
		{"spy", 1},
		{"arrest", 1}, // porter stemming
		{"U.S.", 1},
		{"cafe", 1}, // diacritics removed
		{`"spy ring"`, 1},
		{`"ring spy"`, 0},
		{"azer*", 1},
		{"Iran OR Café", 2},
		{"OR", 1},
		{"NEAR(parens)", 0},
		{"(parens)", 1},
		{"^caret", 1},
		{"Azerbaijan -Iran", 0},
		{"words -Iran", 1},
		{"Azerbaijan spy -Iran", 0},
		{"café words -Iran", 1},
		{"spy OR café -Iran", 1},
		{"spy OR café -Iran -NEAR", 0},
	}
	for _, tt := range tests {
		q, err := query.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM fts WHERE fts MATCH ?`, q.FTS5()).Scan(&n); err != nil {
			t.Errorf("MATCH %s (from %q): %v", q.FTS5(), tt.in, err)
			continue
		}
		if n != tt.hits {
			t.Errorf("MATCH %s (from %q) = %d hits, want %d", q.FTS5(), tt.in, n, tt.hits)
		}
	}
}

// FuzzParse checks that Parse never panics and that every query it
// accepts is valid FTS5.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"election", `"spy ring" Iran`, "elect*", "Iran -Israel", "a OR b", "U.S.",
		`unbalanced "quote`, "NEAR(a b, 2)", "title:x", "-", "*", `"`, `""*`, "a OR OR b",
		"\x00", "\xff\xfe", "ǅ", "\u00ad", "\U000E0001", "a\u200bb", "١٢٣", "ﷺ",
	} {
		f.Add(s)
	}
	db := openFTS5(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, s string) {
		q, err := query.Parse(s)
		if err != nil {
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Fatalf("Parse(%q): error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		if len(q.Must) == 0 {
			t.Fatalf("Parse(%q) accepted a query with nothing required", s)
		}
		rows, err := db.QueryContext(ctx, `SELECT rowid FROM fts WHERE fts MATCH ?`, q.FTS5())
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err != nil {
			t.Fatalf("Parse(%q).FTS5() = %s: rejected by FTS5: %v", s, q.FTS5(), err)
		}
	})
}
