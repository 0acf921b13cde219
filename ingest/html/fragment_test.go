package html

import (
	"strings"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One &amp; two.</p><p>Three<br>four</p>", "One & two.|Three|four"},
		{"Plain text.\n\nSecond &quot;para&quot;.\n", `Plain text.|Second "para".`},
		{"<div>Lead <b>bold</b> text<ul><li>item</li></ul>tail</div><script>x()</script>", "Lead bold text|item|tail"},
		{"<img src=x>", ""},
		{"", ""},
		{"<p>unclosed <i>tags", "unclosed tags"},
	}
	for _, tc := range tests {
		if got := strings.Join(Paragraphs(tc.in), "|"); got != tc.want {
			t.Errorf("Paragraphs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
