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
	words := slices.Collect(d.Words())
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
		var keys []string
		if d.text != "" {
			for line := range strings.SplitSeq(strings.TrimSuffix(d.text, "\n"), "\n") {
				key, _, _ := strings.Cut(line, " ")
				keys = append(keys, key)
			}
		}
		if slices.IsSorted(keys) && w != "" && got != slices.Contains(keys, w) && !strings.Contains(w, "\n") {
			t.Errorf("Has(%q) = %v over sorted words %q", w, got, keys)
		}
	})
}

// Every word of the embedded thesaurus is found by the binary search,
// with its synonyms: the file is sorted by word.
func TestThesaurusFindsEveryWord(t *testing.T) {
	th := EnglishThesaurus()
	n := 0
	for line := range strings.SplitSeq(thesaurusEN, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		word, syns, _ := strings.Cut(line, " ")
		if got := th.Synonyms(word); !slices.Equal(got, strings.Fields(syns)) {
			t.Fatalf("Synonyms(%q) = %q, want %q", word, got, strings.Fields(syns))
		}
	}
	if n < 5000 {
		t.Errorf("thesaurus has %d words", n)
	}
	if th.Synonyms("zzzz") != nil || th.Synonyms("") != nil {
		t.Error("a word not in the thesaurus has synonyms")
	}
}
