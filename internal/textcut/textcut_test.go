package textcut

import (
	"testing"
	"unicode/utf8"
)

func TestUTF16(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"two words here", 10, "two words…"},
		{"😀😀😀", 4, "😀…"}, // a surrogate pair counts two
		{"abc", 0, ""},
		{"a\xffb", 10, "a\uFFFDb"},
	} {
		got := UTF16(tc.in, tc.max)
		if got != tc.want || !utf8.ValidString(got) || UTF16Len(got) > max(tc.max, 0) && tc.max > 0 {
			t.Errorf("UTF16(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}
