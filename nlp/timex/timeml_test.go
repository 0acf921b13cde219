package timex

import (
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A TempEval-3 style file (invented text): EVENT and SIGNAL tags, a DCT,
// an empty TIMEX3 anchor point, links after the text.
const tempEval = `<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>XYZ19980108.1830.0711</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-01-08T18:30:00" temporalFunction="false" functionInDocument="CREATION_TIME">01/08/1998 18:30:00</TIMEX3></DCT>
<TITLE>Dam inspectors</TITLE>
<TEXT>
Inspectors in Oberau <EVENT eid="e1" class="OCCURRENCE">closed</EVENT> the dam <TIMEX3 tid="t1" type="DATE" value="1998-01-08" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">today</TIMEX3>, <SIGNAL sid="s1">after</SIGNAL> cracks &amp; leaks
were found <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="MORE_THAN">more than two days</TIMEX3> ago.<TIMEX3 tid="t3" type="DATE" value="1998-01-06" anchorTimeID="t2"/>
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
`

func TestReadTimeMLTempEval(t *testing.T) {
	doc, err := ReadTimeML(strings.NewReader(tempEval), "sample.tml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.DCT.Precision != crosscheck.PrecisionSecond || doc.DCT.String() != "1998-01-08 18:30:00" {
		t.Errorf("DCT %+v", doc.DCT)
	}
	if !strings.Contains(doc.Text, "closed the dam today, after cracks & leaks\nwere found") || strings.Contains(doc.Text, "<") {
		t.Errorf("text %q", doc.Text)
	}
	if len(doc.Gold) != 2 {
		t.Fatalf("gold %+v", doc.Gold)
	}
	g := doc.Gold[0]
	if g.Text != "today" || doc.Text[g.Span.Start:g.Span.End] != "today" || g.Type != "DATE" || g.Value != "1998-01-08" {
		t.Errorf("gold 0 %+v", g)
	}
	if g := doc.Gold[1]; g.Text != "more than two days" || g.Mod != "MORE_THAN" || g.Type != "DURATION" {
		t.Errorf("gold 1 %+v", g)
	}
	// The anchor is the DCT's day.
	got := Find(doc.Text, analyse(t, doc.Text), Options{Published: doc.DCT})
	if len(got) == 0 || got[0].Text != "today" || got[0].Value != "1998-01-08" {
		t.Errorf("Find on TempEval text: %+v", got)
	}
}

func TestReadTimeMLBlocksAndNoDCT(t *testing.T) {
	src := `<TimeML><TEXT>Intro <TIMEX3 type="DATE" value="">last week</TIMEX3>.
<BLOCK source="Reuters" date="2022-11-02">Reuters <TIMEX3 type="DATE" value="2022-11-02">Nov 2</TIMEX3></BLOCK></TEXT></TimeML>`
	doc, err := ReadTimeML(strings.NewReader(src), "b.tml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.DCT.Known() {
		t.Errorf("DCT %+v", doc.DCT)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Source != "Reuters" || doc.Blocks[0].Date.String() != "2022-11-02" ||
		doc.Text[doc.Blocks[0].Span.Start:doc.Blocks[0].Span.End] != "Reuters Nov 2" {
		t.Errorf("blocks %+v", doc.Blocks)
	}
	if len(doc.Gold) != 2 || doc.Gold[0].Value != "" || doc.Gold[1].Text != "Nov 2" {
		t.Errorf("gold %+v", doc.Gold)
	}
}

func TestReadTimeMLErrors(t *testing.T) {
	for _, src := range []string{
		`<TimeML><DCT>x</DCT></TimeML>`, // no TEXT
		`<TimeML><TEXT><BLOCK date="Nov 2">x</BLOCK></TEXT></TimeML>`,
		`<TimeML><TEXT>unclosed`,
	} {
		if _, err := ReadTimeML(strings.NewReader(src), "bad.tml"); !errors.Is(err, crosscheck.ErrInvalid) {
			t.Errorf("%q: err %v, want ErrInvalid", src, err)
		}
	}
	if _, err := ReadTimeMLFile("testdata/no-such-file.tml"); err == nil {
		t.Error("missing file: no error")
	}
}
