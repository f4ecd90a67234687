package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestDictionaryHas(t *testing.T) {
	d := newDictionary("# a comment\n# another\napple\nbanana\ncherry\n")
	for w, want := range map[string]bool{"apple": true, "banana": true, "cherry": true, "": false,
		"appl": false, "apples": false, "aardvark": false, "zebra": false, "# a comment": false, "banana\ncherry": false} {
		if got := d.Has(w); got != want {
			t.Errorf("Has(%q) = %v, want %v", w, got, want)
		}
	}
	if newDictionary("").Has("a") {
		t.Error("an empty dictionary has a word")
	}
	if !newDictionary("only").Has("only") {
		t.Error("a one-word dictionary without a final newline lost its word")
	}
}

// The embedded list is sorted, lower-case, one word a line, so the
// binary search finds each of its words.
func TestEnglishDictionaryFindsEveryWord(t *testing.T) {
	d := EnglishDictionary()
	words := strings.Split(strings.TrimSuffix(d.text, "\n"), "\n")
	if !slices.IsSorted(words) {
		t.Fatal("words.en.txt is not sorted")
	}
	for _, w := range words {
		if w == "" || strings.ToLower(w) != w || !d.Has(w) {
			t.Fatalf("word %q: empty, not lower-case or not found", w)
		}
	}
	for _, w := range []string{"deport", "hemp", "aboard", "legal", "geese"} {
		if !d.Has(w) {
			t.Errorf("%q is not in the dictionary", w)
		}
	}
}

func FuzzDictionaryHas(f *testing.F) {
	f.Add("apple\nbanana\n", "banana")
	f.Add("a\n\nb", "")
	f.Fuzz(func(t *testing.T, text, w string) {
		d := newDictionary(text)
		got := d.Has(w)
		var lines []string
		if d.text != "" {
			lines = strings.Split(strings.TrimSuffix(d.text, "\n"), "\n")
		}
		if slices.IsSorted(lines) && w != "" && got != slices.Contains(lines, w) && !strings.Contains(w, "\n") {
			t.Errorf("Has(%q) = %v over sorted %q", w, got, lines)
		}
	})
}
