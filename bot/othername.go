package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameRuns are the names of two or more words a text capitalises inside
// a sentence ("Who built the Tallow Boat?", "…the Labour Party", "the
// Festival of the Flame"), each as its lower-cased words, "of" and "the"
// between two of them included. The first word of a sentence is left
// out: it is capitalised for starting it.
func nameRuns(text string) [][]string {
	var runs [][]string
	var run []string
	pending := 0 // connectors read after the run's last capitalised word
	flush := func() {
		run = run[:len(run)-pending]
		if capitalisedIn(run) > 1 {
			runs = append(runs, run)
		}
		run, pending = nil, 0
	}
	start := true
	for w, rest := nextWord(text); w != ""; w, rest = nextWord(rest) {
		switch {
		case !start && isCapitalised(w):
			run = append(run, strings.ToLower(withoutPossessive(w)))
			pending = 0
		case len(run) > 0 && (w == "of" || w == "the"):
			run = append(run, w)
			pending++
		default:
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

// capitalisedIn counts the words of a run that are not its connectors.
func capitalisedIn(run []string) int {
	n := 0
	for _, w := range run {
		if w != "of" && w != "the" {
			n++
		}
	}
	return n
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
		if holdsName(lower, run) {
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

// holdsName reports a lower-cased sentence that holds the name run, or a
// part of it of two or more words between its connectors: "the Attorney
// General of Norway" is held by "the Norwegian Attorney General".
func holdsName(lower string, run []string) bool {
	if strings.Contains(lower, strings.Join(run, " ")) {
		return true
	}
	part := 0
	for i := 0; i <= len(run); i++ {
		if i < len(run) && run[i] != "of" && run[i] != "the" {
			continue
		}
		if i-part > 1 && i-part < len(run) && strings.Contains(lower, strings.Join(run[part:i], " ")) {
			return true
		}
		part = i + 1
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
