package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameRuns are the names of two or more words a question capitalises
// inside a sentence ("Who built the Tallow Boat?", "…the Labour Party"),
// each as its lower-cased words. The first word of the text is left
// out: it is capitalised for starting the sentence.
func nameRuns(text string) [][]string {
	var runs [][]string
	var run []string
	flush := func() {
		if len(run) > 1 {
			runs = append(runs, run)
		}
		run = nil
	}
	start := true
	for w, rest := nextWord(text); w != ""; w, rest = nextWord(rest) {
		if !start && isCapitalised(w) {
			run = append(run, strings.ToLower(withoutPossessive(w)))
		} else {
			flush()
		}
		start = false
		if sentenceEnds(rest) {
			flush()
			start = true
		}
	}
	flush()
	return runs
}

// sentenceEnds reports text after a word that starts with the end of a
// sentence.
func sentenceEnds(rest string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return r == '.' || r == '?' || r == '!' || r == ':' || r == ';'
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1
}

// holdsOtherName reports a sentence that holds a word of one of the
// question's names only inside another name: "the River Tallow" for a
// question about "the Tallow Boat", "the Progress Party" for one about
// "the Labour Party". Such a sentence is about something else, however
// many words it shares with the question. A sentence holding the
// question's name itself, or the word alone ("Labour voted…"), is not.
func holdsOtherName(sentence string, runs [][]string) bool {
	if len(runs) == 0 {
		return false
	}
	words := wordSpans(sentence)
	lower := strings.ToLower(sentence)
	for _, run := range runs {
		if strings.Contains(lower, strings.Join(run, " ")) {
			continue
		}
		for i, w := range words {
			if !isCapitalised(w) || !slices.Contains(run, strings.ToLower(withoutPossessive(w))) {
				continue
			}
			if i > 0 && isOtherNameWord(words[i-1], run) || i+1 < len(words) && isOtherNameWord(words[i+1], run) {
				return true
			}
		}
	}
	return false
}

// isOtherNameWord reports a capitalised word, not a function word
// capitalised for starting the sentence ("The"), that is no word of the
// name run.
func isOtherNameWord(w string, run []string) bool {
	lw := strings.ToLower(withoutPossessive(w))
	return isCapitalised(w) && !stopWords[lw] && !slices.Contains(run, lw)
}
