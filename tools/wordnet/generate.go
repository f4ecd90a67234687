package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// isPlainWord reports a word of the letters a to z only: no multi-word
// lemma ("give_up"), hyphen or apostrophe, which the analyzer would split.
func isPlainWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// thesaurusLines returns, for each key word WordNet knows, a line of the
// word and every plain word that shares one of its senses, sorted, the
// lines sorted by word; a word sharing no sense gets no line.
func thesaurusLines(wn *wordNet, keys []string) []string {
	seenKey := map[string]bool{}
	var lines []string
	for _, k := range keys {
		if seenKey[k] {
			continue
		}
		seenKey[k] = true
		synonyms := map[string]bool{}
		for _, s := range wn.lemmas[k] {
			for _, w := range wn.synsets[s] {
				if w != k && isPlainWord(w) {
					synonyms[w] = true
				}
			}
		}
		if len(synonyms) == 0 {
			continue
		}
		words := make([]string, 0, len(synonyms))
		for w := range synonyms {
			words = append(words, w)
		}
		slices.Sort(words)
		lines = append(lines, k+" "+strings.Join(words, " "))
	}
	slices.Sort(lines)
	return lines
}

// frequencyRatio is how many times more often a verb must be tagged than
// a form of it that WordNet also lists as a word of its own, for the form
// to be read as the verb ("found" as "find", not "wound" as "wind").
const frequencyRatio = 4

// verbFormLines reads verb.exc ("form verb…") and returns "form verb"
// for each plain form of exactly one plain verb among common, where a
// form that is itself a noun or verb lemma is kept only when its verb
// is tagged more than frequencyRatio times as often; in verb.exc's order.
func verbFormLines(wn *wordNet, verbExc io.Reader, common map[string]bool) ([]string, error) {
	var lines []string
	sc := bufio.NewScanner(verbExc)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue
		}
		form, verb := f[0], f[1]
		if !isPlainWord(form) || !isPlainWord(verb) || form == verb || !common[verb] {
			continue
		}
		if pos := wn.lemmaPOS[form]; pos["noun"] || pos["verb"] {
			if wn.tagged[verb] <= frequencyRatio*wn.tagged[form] {
				continue
			}
		}
		lines = append(lines, form+" "+verb)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("verb.exc: %w", err)
	}
	return lines, nil
}

// wordList returns every plain lemma of wn and every plain form the
// exception lists give ("geese", "sank"), sorted, each once.
func wordList(wn *wordNet, exceptions ...io.Reader) ([]string, error) {
	seen := map[string]bool{}
	for lemma := range wn.lemmas {
		if isPlainWord(lemma) {
			seen[lemma] = true
		}
	}
	for _, r := range exceptions {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if form, _, _ := strings.Cut(sc.Text(), " "); isPlainWord(form) {
				seen[form] = true
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("exception list: %w", err)
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	return words, nil
}
