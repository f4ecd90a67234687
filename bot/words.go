package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word lists the intent layer reads questions with. They describe how
// people ask questions, and about penalties, in general; the words of one
// subject (what it is called, what lies outside it) come with its article
// as a Profile.

// wordSpans finds words: runs of letters and digits, joined by an
// apostrophe or hyphen inside ("first-time", "don't"). Written out rather
// than as a regular expression because every question goes through it.
func wordSpans(text string) []string {
	// About one word in six bytes of chat; growing the slice from empty
	// cost more than the scan.
	out := make([]string, 0, len(text)/6+1)
	for w, rest := nextWord(text); w != ""; w, rest = nextWord(rest) {
		out = append(out, w)
	}
	return out
}

// nextWord returns the first word of text, as wordSpans finds words, and
// the text after it; "" when there is none. A reader that needs no slice
// of the words walks them with it, allocating nothing.
func nextWord(text string) (word, rest string) {
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && isJoiner(r) {
			// A joiner continues the word only when a letter or digit
			// follows it.
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				continue
			}
		}
		if start >= 0 {
			return text[start:i], text[i:]
		}
	}
	if start >= 0 {
		return text[start:], ""
	}
	return "", ""
}

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' }

// words splits lower-cased text into words ("first-time" stays one word),
// each without its possessive.
func words(lower string) []string {
	ws := wordSpans(lower)
	for i, w := range ws {
		ws[i] = withoutPossessive(w)
	}
	return ws
}

// withoutPossessive drops a possessive "'s": "Sweden's laws" names Sweden.
func withoutPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

type wordSet map[string]bool

func set(ws ...string) wordSet {
	s := make(wordSet, len(ws))
	for _, w := range ws {
		s[w] = true
	}
	return s
}

// union is a new set of every word of the sets.
func union(sets ...wordSet) wordSet {
	out := wordSet{}
	for _, s := range sets {
		for w := range s {
			out[w] = true
		}
	}
	return out
}

func (s wordSet) any(ws []string) bool {
	for _, w := range ws {
		if s[w] {
			return true
		}
	}
	return false
}

func (s wordSet) has(w string) bool { return s[w] }

// hasPhrase reports whether the words contain the phrase's words in a row.
// The phrase is walked in place: this runs for every question and phrase.
func hasPhrase(ws []string, phrase string) bool {
	first, rest, multi := strings.Cut(phrase, " ")
outer:
	for i, w := range ws {
		if w != first {
			continue
		}
		if !multi {
			return true
		}
		tail := rest
		for j := i + 1; ; j++ {
			word, more, found := strings.Cut(tail, " ")
			if j >= len(ws) || ws[j] != word {
				continue outer
			}
			if !found {
				return true
			}
			tail = more
		}
	}
	return false
}

func anyPhrase(ws []string, phrases ...string) bool {
	for _, p := range phrases {
		if hasPhrase(ws, p) {
			return true
		}
	}
	return false
}

// phraseSet is a fixed list of phrases indexed by their first word, for a
// long list read on every question: a question's word costs one lookup,
// not a pass over every phrase as anyPhrase makes.
type phraseSet map[string][][]string

func phrases(ps ...string) phraseSet {
	s := phraseSet{}
	for _, p := range ps {
		ws := strings.Fields(p)
		s[ws[0]] = append(s[ws[0]], ws)
	}
	return s
}

// any reports whether ws holds one of the phrases, word for word.
func (s phraseSet) any(ws []string) bool {
	for i, w := range ws {
		for _, p := range s[w] {
			if len(ws)-i >= len(p) && slices.Equal(ws[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

var (
	// Words that say nothing about the subject of a question.
	neutralWords = set("tell", "know", "explain", "please", "happen", "happens", "thing", "things", "say", "says",
		"said", "article", "wikipedia", "bot", "factbot", "info", "information", "anything", "something",
		"much", "many", "get", "got", "can", "could", "would", "should", "will", "also", "really", "exactly",
		"currently", "today", "now", "still", "yet", "ever", "actually", "mean", "means", "hi", "hello",
		"hey", "thanks", "thank", "like", "want", "need", "give", "make", "go", "going", "kind", "type",
		"sort", "percentage", "percent", "date", "year", "happened", "country", "exist", "exists", "there", "anyone", "someone", "people", "person", "i'm",
		"time", "times", "think", "thinks", "believe", "believes", "feel", "feels", "view", "views",
		"stance", "position", "opinion", "opinions", "say", "stand", "stands",
		"take", "takes", "taking", "put", "do", "doing", "done",
		"im", "i've", "ive", "let", "us", "me", "my", "whats", "what's", "hows", "who's", "whos", "way", "ways")
)

// wordIndex is the index of phrase in s standing as whole words, or -1.
func wordIndex(s, phrase string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (i == 0 || !unicode.IsLetter(before)) && (end == len(s) || !unicode.IsLetter(after)) {
			return i
		}
		from = i + 1
	}
}
