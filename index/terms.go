package index

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

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

// wordTerm is the term of a word without the tokenizer: a word the
// article's texts use takes the term noted for it, another word of letters
// a to z the filters alone (wordTerms); either is one token, so at most one
// term, "" for a stop word. ok is false for any other word, which only the
// whole analyzer reads.
func (ix *Index) wordTerm(w string) (term string, ok bool) {
	if term, ok := ix.termOf[w]; ok {
		return term, true
	}
	if !isLowerWord(w) {
		return "", false
	}
	if stream := ix.wordTerms(w); len(stream) > 0 {
		return string(stream[0].Term), true
	}
	return "", true
}

// analyzeWord is analyze for a single word, without the tokenizer where
// wordTerm can read it.
func (ix *Index) analyzeWord(w string) []string {
	term, ok := ix.wordTerm(w)
	switch {
	case !ok:
		return ix.analyze(w)
	case term == "":
		return nil // a stop word
	}
	return []string{term}
}

// tokenizePassages analyses each passage's sentence and example
// questions, [passage][0] the sentence and [passage][1+i] its i-th
// question, taking a text's tokens from snap where it has them. Analysis
// is most of building the index and each text stands alone, so half the
// passages are read on another core.
func (ix *Index) tokenizePassages(passages []bot.Passage, snap map[string][]token) [][][]token {
	out := make([][][]token, len(passages))
	read := func(ps []bot.Passage, into [][][]token) {
		for i, p := range ps {
			streams := make([][]token, 1+len(p.Questions))
			streams[0] = ix.tokens(p.Text, snap)
			for j, q := range p.Questions {
				streams[1+j] = ix.tokens(q, snap)
			}
			into[i] = streams
		}
	}
	if snap != nil {
		read(passages, out) // nothing to analyse: no second core needed
		return out
	}
	half := len(passages) / 2
	done := make(chan struct{})
	go func() {
		defer close(done)
		read(passages[half:], out[half:])
	}()
	read(passages[:half], out[:half])
	<-done
	return out
}

// tokens are text's tokens: from snap, or analysed.
func (ix *Index) tokens(text string, snap map[string][]token) []token {
	if toks, ok := snap[text]; ok {
		return toks
	}
	return tokensOf(ix.analyzer.Analyze([]byte(text)))
}

// noteTerms returns the terms of text's tokens and notes the term of each
// of its lower-case words in termOf, the first noted winning.
func (ix *Index) noteTerms(text string, tokens []token) []string {
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		out = append(out, t.term)
		if w, ok := spanWord(text, t.start, t.end); ok && isLowerWord(w) {
			if _, noted := ix.termOf[w]; !noted {
				ix.termOf[w] = t.term
			}
		}
	}
	return out
}

// tokenWord is the text a token was read from, when its span lies in text.
func tokenWord(text string, t *analysis.Token) (string, bool) {
	return spanWord(text, t.Start, t.End)
}

func spanWord(text string, start, end int) (string, bool) {
	if start < 0 || end > len(text) || start >= end {
		return "", false
	}
	return text[start:end], true
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

// wordTerms are the analyzer's terms for a word of letters a to z, which
// the tokenizer would read as one token: the token is built here and only
// the filters run, the tokenizer's segmentation being most of the cost of
// reading a word the article never uses.
func (ix *Index) wordTerms(w string) analysis.TokenStream {
	stream := analysis.TokenStream{{Term: []byte(w), Start: 0, End: len(w), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range ix.analyzer.TokenFilters {
		stream = f.Filter(stream)
	}
	return stream
}

// termList gathers a question's terms: each distinct term once, at most
// MaxQueryTerms of them.
type termList struct {
	ix    *Index
	terms []bot.Term
	seen  map[string]bool
}

// add reports false once the list is full and term is not in it.
func (l *termList) add(term, word string) bool {
	if l.seen[term] {
		return true
	}
	if len(l.terms) == MaxQueryTerms {
		return false
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[term] = true
	l.terms = append(l.terms, bot.Term{Text: term, Word: word, DocFreq: l.ix.docFreq[term]})
	return true
}

// addTokens adds the analyzer's terms for text, each with the lower-cased
// word it came from; it reports false once the list is full.
func (l *termList) addTokens(text string) bool {
	for _, t := range l.ix.analyzer.Analyze([]byte(text)) {
		word, ok := tokenWord(text, t)
		if ok {
			word = strings.ToLower(word)
		} else {
			word = string(t.Term)
		}
		if !l.add(string(t.Term), word) {
			return false
		}
	}
	return true
}

// queryTerms analyzes a question, keeping the word each term came from:
// each distinct term once, at most MaxQueryTerms of them. Words the
// article uses take the term noted for them; the analyzer reads only the
// rest, one space-separated word at a time, which gives what it gives for
// the whole text, since no token spans a space.
func (ix *Index) queryTerms(text string) []bot.Term {
	l := termList{ix: ix}
	if !utf8.ValidString(text) {
		// Where the bytes are no text, words are no guide to tokens.
		l.addTokens(text)
		return l.terms
	}
	for field := range strings.FieldsSeq(text) {
		var more bool
		switch term, ok := ix.wordTerm(field); {
		case ok && term == "":
			continue // a stop word
		case ok:
			more = l.add(term, field)
		default:
			more = l.addTokens(field)
		}
		if !more {
			break
		}
	}
	return l.terms
}
