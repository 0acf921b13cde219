package quantity_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/quantity"
)

// The sentences are invented for these tests. Each want line is
// "span|kind|value|low|high|head|unit|flags": low and high are "=" for
// the value and "-" for unbounded; flags are E (exact), A (approx) and V
// (vague).
var findCases = []struct {
	text string
	want []string
}{
	// Numbers in digits and words.
	{"Police detained 19 people after the march.", []string{"19|cardinal|19|=|=|people||E"}},
	{"Nineteen protesters were released on Monday.", []string{"Nineteen|cardinal|19|=|=|protesters||E"}},
	{"The court heard from twenty-two witnesses.", []string{"twenty-two|cardinal|22|=|=|witnesses||E"}},
	{"The ministry bought 1,000 tents for the camp.", []string{"1,000|cardinal|1000|=|=|tents||E"}},
	{"A hundred volunteers cleared the beach.", []string{"A hundred|cardinal|100|=|=|volunteers||E"}},
	{"A dozen eggs cost more than a day's wage.", []string{"A dozen|cardinal|12|=|=|eggs||E"}},
	{"The flood displaced half a million people.", []string{"half a million|cardinal|500000|=|=|people||E"}},
	{"One of the men was armed.", []string{"One|cardinal|1|=|=|men||E"}},
	{"No one was hurt in the blast.", nil},
	{"The smugglers hid 999999999999999999999999 cigarettes.", []string{"999999999999999999999999|cardinal|1e24|=|=|cigarettes||E"}},
	{"The charity has one hundred and twenty-five volunteers.", []string{"one hundred and twenty-five|cardinal|125|=|=|volunteers||E"}},
	// Ordinals.
	{"She was the first woman to lead the agency.", []string{"first|ordinal|1|=|=|woman||E"}},
	{"The runner finished 22nd out of 40.", []string{"22nd|ordinal|22|=|=|||E", "40|cardinal|40|=|=|||E"}},
	{"The country ranked 95th in the press freedom index.", []string{"95th|ordinal|95|=|=|||E"}},
	{"First, the police sealed off the street.", nil},
	{"It was the twenty-first arrest this year.", []string{"twenty-first|ordinal|21|=|=|arrest||E"}},
	// Ranges.
	{"Between 10 and 15 boats were seized.", []string{"Between 10 and 15|cardinal|12.5|10|15|boats||"}},
	{"Officials said 10-15 fighters were killed.", []string{"10-15|cardinal|12.5|10|15|fighters||"}},
	{"Rescuers found 10 to 15 survivors.", []string{"10 to 15|cardinal|12.5|10|15|survivors||"}},
	{"Five or six gunmen attacked the post.", []string{"Five or six|cardinal|5.5|5|6|gunmen||"}},
	{"The deal is worth $10-15 million.", []string{"$10-15 million|money|12500000|10000000|15000000||USD|"}},
	{"Turnout was 10-15% lower than expected.", []string{"10-15%|percent|12.5|10|15||%|"}},
	{"The drought hit between 2 and 3 million farmers.", []string{"between 2 and 3 million|cardinal|2500000|2000000|3000000|farmers||"}},
	// Vague quantities.
	{"Dozens were injured in the clashes.", []string{"Dozens|cardinal|36|24|-|||V"}},
	{"Dozens of individuals were questioned.", []string{"Dozens|cardinal|36|24|-|individuals||V"}},
	{"Several journalists were detained at the airport.", []string{"Several|cardinal|4|3|9|journalists||V"}},
	{"A handful of shops reopened on Tuesday.", []string{"A handful|cardinal|4|2|6|shops||V"}},
	{"A few officials attended the ceremony.", []string{"A few|cardinal|3|2|5|officials||V"}},
	{"Many villagers fled to the hills.", []string{"Many|cardinal|10|3|-|villagers||V"}},
	{"Hundreds of soldiers crossed the river.", []string{"Hundreds|cardinal|300|200|-|soldiers||V"}},
	{"Thousands rallied in the capital.", []string{"Thousands|cardinal|3000|2000|-|||V"}},
	{"A number of lawmakers boycotted the vote.", []string{"A number|cardinal|5|2|-|lawmakers||V"}},
	{"Tens of thousands of people fled the city.", []string{"Tens of thousands|cardinal|30000|20000|-|people||V"}},
	{"Several hundred migrants were rescued at sea.", []string{"Several hundred|cardinal|400|300|900|migrants||V"}},
	{"Investors lost millions of dollars in the scheme.", []string{"millions of dollars|money|3000000|2000000|-||USD|V"}},
	{"How many people died is still unclear.", nil},
	// Modifiers.
	{"At least two people died in the fire.", []string{"At least two|cardinal|2|2|-|people||"}},
	{"The deficit reached more than 1.1 billion manats.", []string{"more than 1.1 billion manats|money|1.1e9|1.1e9|-||AZN|"}},
	{"Each family will receive up to $1,000.", []string{"up to $1,000|money|1000|0|1000||USD|"}},
	{"Families can claim up to $1,000 for repairs.", []string{"up to $1,000|money|1000|0|1000|repairs|USD|"}},
	{"Nearly half of the workers lost their jobs.", []string{"Nearly half|percent|50|45|50|workers|%|A"}},
	{"About 300 people attended the funeral.", []string{"About 300|cardinal|300|270|330|people||A"}},
	{"Fewer than 20 candidates registered.", []string{"Fewer than 20|cardinal|20|0|20|candidates||"}},
	{"Over 500 homes were destroyed.", []string{"Over 500|cardinal|500|500|-|homes||"}},
	{"Some 40 families remain homeless.", []string{"Some 40|cardinal|40|36|44|families||A"}},
	{"Almost 90 percent of voters backed the plan.", []string{"Almost 90 percent|percent|90|81|90|voters|%|A"}},
	{"More than a dozen shops were looted.", []string{"More than a dozen|cardinal|12|12|-|shops||"}},
	{"As many as 40 people may have drowned.", []string{"As many as 40|cardinal|40|0|40|people||"}},
	{"The company has 12 or more subsidiaries abroad.", []string{"12 or more|cardinal|12|12|-|subsidiaries||"}},
	// Money, percentages and measures.
	{"The project will cost 1.1 billion manats.", []string{"1.1 billion manats|money|1.1e9|=|=||AZN|E"}},
	{"The firm borrowed €3.5m from a local bank.", []string{"€3.5m|money|3500000|=|=||EUR|E"}},
	{"The ticket costs £45.", []string{"£45|money|45|=|=||GBP|E"}},
	{"Moscow paid 20 billion roubles for the plant.", []string{"20 billion roubles|money|2e10|=|=|plant|RUB|E"}},
	{"The currency traded at 500,000 rials to the dollar.", []string{"500,000 rials|money|500000|=|=||IRR|E"}},
	{"He paid AZN 300 for the permit.", []string{"AZN 300|money|300|=|=|permit|AZN|E"}},
	{"The fund holds 40 million US dollars.", []string{"40 million US dollars|money|4e7|=|=||USD|E"}},
	{"A coffee costs 80 cents.", []string{"80 cents|money|0.8|=|=||USD|E"}},
	{"Prices rose 5 percent last month.", []string{"5 percent|percent|5|=|=||%|E"}},
	{"Prices rose 5% last month.", []string{"5%|percent|5|=|=||%|E"}},
	{"Prices rose 5 per cent over the year.", []string{"5 per cent|percent|5|=|=||%|E"}},
	{"Two-thirds of the members voted yes.", []string{"Two-thirds|percent|66.66666666666667|=|=|members|%|E"}},
	{"One in five adults smokes.", []string{"One in five|percent|20|=|=|adults|%|E"}},
	{"Exports grew 12% to $4bn, up from 3.1bn.", []string{"12%|percent|12|=|=||%|E", "$4bn|money|4e9|=|=||USD|E", "3.1bn|money|3.1e9|=|=||USD|E"}},
	{"Inflation rose to 7.1% from 6.4 a year earlier.", []string{"7.1%|percent|7.1|=|=||%|E", "6.4|percent|6.4|=|=||%|E"}},
	{"The border fence stretches 120 km through the desert.", []string{"120 km|measure|120|=|=||km|E"}},
	{"The river rose 3 metres overnight.", []string{"3 metres|measure|3|=|=||m|E"}},
	{"The wall is 3.5m high.", []string{"3.5m|measure|3.5|=|=||m|E"}},
	{"The tanker carried 80,000 tonnes of crude.", []string{"80,000 tonnes|measure|80000|=|=|crude|t|E"}},
	{"Roughly 2,000 tonnes of grain rotted in the port.", []string{"Roughly 2,000 tonnes|measure|2000|1800|2200|grain|t|A"}},
	{"The plant produces 300 megawatts of power.", []string{"300 megawatts|measure|300|=|=|power|MW|E"}},
	{"Temperatures reached 45 degrees Celsius.", []string{"45 degrees Celsius|measure|45|=|=||°C|E"}},
	{"The ship sank 5 nautical miles off the coast.", []string{"5 nautical miles|measure|5|=|=||nmi|E"}},
	{"The forest covers 300 square kilometres.", []string{"300 square kilometres|measure|300|=|=||km2|E"}},
	// What a quantity counts.
	{"Police arrested five Azerbaijani nationals.", []string{"five|cardinal|5|=|=|Azerbaijani nationals||E"}},
	{"The service detained 22 Azeri citizens.", []string{"22|cardinal|22|=|=|Azeri citizens||E"}},
	{"The airline flies 30 Boeing 737 aircraft.", []string{"30|cardinal|30|=|=|Boeing 737 aircraft||E"}},
	{"Only 3 of the 41 candidates are women.", []string{"3|cardinal|3|=|=|candidates||E", "41|cardinal|41|=|=|candidates||E"}},
	// Not quantities.
	{"He was sentenced in 2022 to a long term.", nil},
	{"The 2019 report listed 12 incidents.", []string{"12|cardinal|12|=|=|incidents||E"}},
	{"The treaty was signed on 14 November 2022.", nil},
	{"It happened on November 14, when 12 people died.", []string{"12|cardinal|12|=|=|people||E"}},
	{"Leaders of the G20 met in Rome.", nil},
	{"For details call 555 0199 or 555 0142.", nil},
	{"The Su-25 jets flew low over the town.", nil},
	{"COVID-19 cases rose sharply.", nil},
	{"Under Article 15 of the code, the fine doubles.", nil},
	{"The team won 3-1 on Sunday.", nil},
	{"The 45-year-old suspect was arrested.", nil},
	{"The talks lasted three days.", nil},
	{"The meeting starts at 10 am.", nil},
	{"The protests of 2014 were smaller than the 2019 protests.", nil},
	{"The church was built in AD 394 on a site used since 3000 BC.", nil},
	{"The village has waited for many years and twenty working days.", nil},
	{"On day five of the trial, a witness cited [17] and Studio 54.", nil},
	{"The crowd grew to 2000 people, and about 1950 delegates voted.", []string{"2000|cardinal|2000|=|=|people||E", "about 1950|cardinal|1950|1755|2145|delegates||A"}},
	{"The election was held on May 5, 2023 in six districts.", []string{"six|cardinal|6|=|=|districts||E"}},
	{"The shelters can take up to hundreds of families.", []string{"up to hundreds|cardinal|300|0|200|families||V"}},
	{"Nearly all 300 workers signed the letter.", []string{"300|cardinal|300|=|=|workers||E"}},
	{"A poll found 3 in 10 voters undecided.", []string{"3 in 10|percent|30|=|=|voters|%|E"}},
	{"The deal is worth NZ $ 26 million.", []string{"NZ $ 26 million|money|26000000|=|=||NZD|E"}},
	{"The boxer weighed 180 pounds (82 kg) at the weigh-in.", []string{"180 pounds|measure|180|=|=||lb|E", "82 kg|measure|82|=|=||kg|E"}},
}

func TestFind(t *testing.T) {
	if len(findCases) < 60 {
		t.Fatalf("%d cases, want at least 60", len(findCases))
	}
	for _, tc := range findCases {
		t.Run(tc.text, func(t *testing.T) {
			a := annotate(t, tc.text)
			qs := quantity.Find(tc.text, a.Sentences, quantity.Options{})
			var got []string
			for _, q := range qs {
				checkEvidence(t, tc.text, q)
				got = append(got, render(q))
			}
			want := make([]string, len(tc.want))
			for i, w := range tc.want {
				want[i] = normalize(t, w)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

// checkEvidence checks the spans of q against the text.
func checkEvidence(t *testing.T, text string, q crosscheck.Quantity) {
	t.Helper()
	if !q.Span.Valid(len(text)) || q.Span.Len() == 0 || text[q.Span.Start:q.Span.End] != q.Text {
		t.Errorf("span %v does not hold %q", q.Span, q.Text)
	}
	if q.Head != "" && (!q.HeadSpan.Valid(len(text)) || text[q.HeadSpan.Start:q.HeadSpan.End] != q.Head) {
		t.Errorf("head span %v does not hold %q", q.HeadSpan, q.Head)
	}
	if q.Head != "" && q.HeadSpan.Start < q.Span.End {
		t.Errorf("head %q overlaps the quantity %q", q.Head, q.Text)
	}
}

func render(q crosscheck.Quantity) string {
	b := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	flags := ""
	if q.Exact {
		flags += "E"
	}
	if q.Approx {
		flags += "A"
	}
	if q.Vague {
		flags += "V"
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s", q.Text, q.Kind, strconv.FormatFloat(q.Value, 'g', -1, 64), b(q.Low), b(q.High), q.Head, q.Unit, flags)
}

// normalize rewrites a want line in render's form.
func normalize(t *testing.T, w string) string {
	f := strings.Split(w, "|")
	if len(f) != 8 {
		t.Fatalf("bad want line %q", w)
	}
	num := func(s string) string {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bad number %q in %q", s, w)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	f[2] = num(f[2])
	for _, i := range []int{3, 4} {
		switch f[i] {
		case "=":
			f[i] = f[2]
		case "-":
		default:
			f[i] = num(f[i])
		}
	}
	return strings.Join(f, "|")
}

func TestExclude(t *testing.T) {
	text := "Two years ago the plant employed 300 workers."
	a := annotate(t, text)
	end := strings.Index(text, " the")
	qs := quantity.Find(text, a.Sentences, quantity.Options{Exclude: []crosscheck.Span{{Start: 0, End: end}}})
	if len(qs) != 1 || qs[0].Text != "300" {
		t.Fatalf("got %v, want only 300", qs)
	}
	// Nested and overlapping spans: a long one hides everything in it.
	qs = quantity.Find(text, a.Sentences, quantity.Options{Exclude: []crosscheck.Span{{Start: 20, End: 23}, {Start: 0, End: len(text)}, {Start: 30, End: 35}}})
	if len(qs) != 0 {
		t.Fatalf("got %v inside an excluded span", qs)
	}
	// An excluded year that the rules would also skip, and one they
	// would not.
	text = "In 2022 some 2023 delegates came."
	a = annotate(t, text)
	i := strings.Index(text, "2023")
	qs = quantity.Find(text, a.Sentences, quantity.Options{Exclude: []crosscheck.Span{{Start: i, End: i + 4}}})
	for _, q := range qs {
		if strings.Contains(q.Text, "202") {
			t.Errorf("found %q inside an excluded span", q.Text)
		}
	}
}
