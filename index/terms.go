package index

import (
	"strings"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
)

func (ix *Index) analyze(text string) []string {
	tokens := ix.analyzer.Analyze([]byte(text))
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		out = append(out, string(t.Term))
	}
	return out
}

// analyzeNoting analyzes text as analyze does and notes the term of each
// of its lower-case words in termOf.
func (ix *Index) analyzeNoting(text string) []string {
	tokens := ix.analyzer.Analyze([]byte(text))
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		term := string(t.Term)
		out = append(out, term)
		if t.Start >= 0 && t.End <= len(text) && t.Start < t.End {
			if w := text[t.Start:t.End]; isLowerWord(w) {
				if _, ok := ix.termOf[w]; !ok {
					ix.termOf[w] = term
				}
			}
		}
	}
	return out
}

// isLowerWord reports whether w is letters a to z only: a word the
// analyzer reads as one token whatever surrounds it.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// queryTerms analyzes a question, keeping the word each term came from:
// each distinct term once, at most MaxQueryTerms of them. Words the
// article uses take the term noted for them; the analyzer reads only the
// rest, one space-separated word at a time, which gives what it gives for
// the whole text, since no token spans a space.
func (ix *Index) queryTerms(text string) []bot.Term {
	if !utf8.ValidString(text) {
		// Where the bytes are no text, words are no guide to tokens.
		return ix.queryTermsWhole(text)
	}
	var terms []bot.Term
	seen := map[string]bool{}
	add := func(term, word string) bool {
		if seen[term] {
			return true
		}
		if len(terms) == MaxQueryTerms {
			return false
		}
		seen[term] = true
		terms = append(terms, bot.Term{Text: term, Word: word, DocFreq: ix.docFreq[term]})
		return true
	}
	for field := range strings.FieldsSeq(text) {
		if term, ok := ix.termOf[field]; ok {
			if !add(term, field) {
				break
			}
			continue
		}
		for _, t := range ix.analyzer.Analyze([]byte(field)) {
			word := string(t.Term)
			if t.Start >= 0 && t.End <= len(field) && t.Start < t.End {
				word = strings.ToLower(field[t.Start:t.End])
			}
			if !add(string(t.Term), word) {
				return terms
			}
		}
	}
	return terms
}

// queryTermsWhole is queryTerms by the analyzer over the whole text.
func (ix *Index) queryTermsWhole(text string) []bot.Term {
	var terms []bot.Term
	seen := map[string]bool{}
	for _, t := range ix.analyzer.Analyze([]byte(text)) {
		term := string(t.Term)
		if seen[term] {
			continue
		}
		if len(terms) == MaxQueryTerms {
			break
		}
		seen[term] = true
		word := term
		if t.Start >= 0 && t.End <= len(text) && t.Start < t.End {
			word = strings.ToLower(text[t.Start:t.End])
		}
		terms = append(terms, bot.Term{Text: term, Word: word, DocFreq: ix.docFreq[term]})
	}
	return terms
}

func (ix *Index) termSet(texts ...string) map[string]bool {
	set := map[string]bool{}
	for _, t := range texts {
		for _, term := range ix.analyze(t) {
			set[term] = true
		}
	}
	return set
}
