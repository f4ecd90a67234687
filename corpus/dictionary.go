package corpus

import (
	_ "embed"
	"iter"
	"strings"
)

//go:embed words.en.txt
var wordsEN string

// Dictionary is a sorted list of words, one a line (a line may go on
// after its word: a thesaurus's synonyms), searched where it lies: it
// costs nothing to load, and a lookup is a binary search over its bytes.
type Dictionary struct {
	text string // the sorted lines, comments dropped
}

// EnglishDictionary returns the English words the speller reads as
// English: WordNet's single-word lemmas and irregular forms.
func EnglishDictionary() Dictionary { return newDictionary(wordsEN) }

// newDictionary reads a word list whose first lines may be "#" comments
// and whose words are sorted and lower-cased, one a line.
func newDictionary(text string) Dictionary {
	for strings.HasPrefix(text, "#") {
		_, text, _ = strings.Cut(text, "\n")
	}
	return Dictionary{text: text}
}

// Words yields each word, in order.
func (d Dictionary) Words() iter.Seq[string] {
	return func(yield func(string) bool) {
		for line := range strings.SplitSeq(strings.TrimSuffix(d.text, "\n"), "\n") {
			if w, _, _ := strings.Cut(line, " "); w != "" && !yield(w) {
				return
			}
		}
	}
}

// Has reports whether w is one of the words.
func (d Dictionary) Has(w string) bool {
	_, ok := d.line(w)
	return ok
}

// line finds the line whose first word is w, by binary search: lines
// sorted as strings are sorted by their first word when words are made
// of letters, which sort after the space that ends them.
func (d Dictionary) line(w string) (string, bool) {
	if w == "" {
		return "", false
	}
	text := d.text
	lo, hi := 0, len(text) // both at the start of a line, or the end
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(text[:mid], '\n') + 1
		end := strings.IndexByte(text[mid:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += mid
		}
		line := text[start:end]
		key, _, _ := strings.Cut(line, " ")
		switch {
		case key == w:
			return line, true
		case key < w:
			lo = end + 1
		default:
			hi = start
		}
	}
	return "", false
}
