package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names, read one way for questions and sentences alike: the words a text
// capitalises inside its sentences (a sentence's first word is capitalised
// for starting it), in runs ("Orla Vennick", "the Festival of the Flame").

// capitalisedRuns returns each run of capitalised words text holds inside
// its sentences, lower-cased and without a possessive "'s", with "of" and
// "the" kept between two of them; month names and function words are no
// names. A sentence's first word starts a run only when the next word
// goes on with it ("Young Liberals of Norway…"). lead is the text's first
// word, lower-cased, when it is capitalised and a name could be: it reads
// as one once the sentence follows another.
func capitalisedRuns(text string) (runs [][]string, lead string) {
	var run []string
	pending := 0 // connectors read after the run's last capitalised word
	flush := func() {
		if run = run[:len(run)-pending]; len(run) > 0 {
			runs = append(runs, run)
		}
		run, pending = nil, 0
	}
	start, first := true, true
	opener := "" // a sentence's first word, a name if the next one is
	for w, rest := nextWord(text); w != ""; w, rest = nextWord(rest) {
		l := strings.ToLower(withoutPossessive(w))
		name := isCapitalised(w) && !monthNames[l] && !stopWords[l]
		if first && name {
			lead = l
		}
		switch {
		case name && start:
			opener = l
		case name:
			if opener != "" {
				// "Young Liberals of Norway…": the sentence opens
				// with a name.
				run = append(run, opener)
			}
			run = append(run, l)
			pending = 0
		case len(run) > 0 && (w == "of" || w == "the"):
			run = append(run, w)
			pending++
		default:
			flush()
		}
		if !start || !name {
			opener = ""
		}
		start, first = false, false
		if sentenceEnds(rest) {
			flush()
			start = true
		}
	}
	flush()
	return runs, lead
}

// isConnector reports a word a name holds between two capitalised ones.
func isConnector(w string) bool { return w == "of" || w == "the" }

// severalWords keeps the runs of two or more capitalised words.
func severalWords(runs [][]string) [][]string {
	var out [][]string
	for _, run := range runs {
		if len(run)-countFunc(run, isConnector) >= 2 {
			out = append(out, run)
		}
	}
	return out
}

// namedWords are the words a question capitalises inside a sentence:
// names ("the Labour Party", "Oslo", "Sativex"). A name the article never
// uses is something it does not cover.
func namedWords(text string) map[string]bool {
	runs, _ := capitalisedRuns(text)
	return nameWords(runs)
}

// nameWords are the words of runs, a hyphenated name ("Pemberly-Vaun")
// with its parts too, for the name is searched as its parts.
func nameWords(runs [][]string) map[string]bool {
	var out map[string]bool
	for _, run := range runs {
		for _, w := range run {
			if isConnector(w) {
				continue
			}
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
			if strings.Contains(w, "-") {
				for part := range strings.SplitSeq(w, "-") {
					out[part] = true
				}
			}
		}
	}
	return out
}

func countFunc(ws []string, f func(string) bool) int {
	n := 0
	for _, w := range ws {
		if f(w) {
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

// containsRun reports whether run holds part as consecutive words.
func containsRun(run, part []string) bool {
	for i := 0; i+len(part) <= len(run); i++ {
		if slices.Equal(run[i:i+len(part)], part) {
			return true
		}
	}
	return false
}
