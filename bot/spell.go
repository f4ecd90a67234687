package bot

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/internal/edits"
	"github.com/factbot/factbot/internal/inflect"
)

// Spelling correction against the words the bot knows: one misspelt word
// must not make a question the article answers look like one it does not.
// It follows Norvig's corrector with SymSpell's symmetric-delete lookup:
// a word the bot knows is never rewritten; an unknown word is replaced by
// the known word closest to it in edit distance (one edit for words up to
// seven letters, two for longer ones), the more frequent on a tie.

// speller corrects words against a vocabulary.
type speller struct {
	// known words are never rewritten, nor the words the shared,
	// read-only lookups in also hold (a language's everyday words).
	known map[string]bool
	also  []func(string) bool
	// dictionary, when set, reports the language's words beyond those
	// sets ("deported", "hemp"): read as words, never rewritten.
	dictionary func(string) bool
	// shorthand spells out the language's chat forms ("u", "ppl").
	shorthand map[string]string
	// freq counts how often each correction target occurs; only targets
	// can replace a misspelt word.
	freq map[string]int
	// deletes finds the targets by every target, and each form of it
	// with one letter deleted. It is built by prepare or on the first
	// word that needs correcting, whichever comes first.
	deletes     deleteIndex
	deletesOnce sync.Once
	// compounds are the article's longer words, which a question may
	// type as two ("rail way" for "railway").
	compounds map[string]bool
	// longest is the length, in runes, of the longest target. A word more
	// than two letters longer is no target's misspelling, and trying its
	// deletes would cost the cube of its length (a 1,000-letter "word"
	// took over a second).
	longest int
	// letters are the language's own letters and how they are typed on
	// a keyboard without them ("o" for "ø"), tried before any edit; ranks
	// say how common the language's words are, so that a known word
	// typed that way ("pa") is read as the far more common one ("på").
	// folds maps each such typing to its word, built on first use.
	letters   map[rune][]string
	ranks     func() map[string]int
	folds     map[string]string
	foldsOnce sync.Once
}

// asciiRankFactor is how much more common a word with its own letters
// must be than the form typed without them to replace a known word.
const asciiRankFactor = 5

// bokmalLetters are Bokmål's own letters and how a keyboard without them
// types each.
var bokmalLetters = map[rune][]string{'æ': {"ae", "a"}, 'ø': {"oe", "o"}, 'å': {"aa", "a"}}

// unfold reads a word typed without the language's own letters ("forste",
// "kjope", "pa") as the word with them ("første", "kjøpe", "på"), or "".
// A known word is replaced only when it is no word of the article or the
// term lists and the word with its own letters is far more common: "pa"
// is "på", "for" stays "for".
func (s *speller) unfold(w string) string {
	if s.letters == nil {
		return ""
	}
	s.foldsOnce.Do(s.buildFolds)
	v, ok := s.folds[w]
	if !ok || !s.isKnown(w) {
		return v
	}
	if s.freq[w] > 0 || s.ranks == nil {
		return ""
	}
	ranks := s.ranks()
	if rv, rw := ranks[v], ranks[w]; rv > 0 && (rw == 0 || rv*asciiRankFactor < rw) {
		return v
	}
	return ""
}

// buildFolds maps every way the speller's words and the language's common
// words with the language's own letters can be typed without them to the
// word; where two words fold alike, the more common (then the first in
// order) wins.
func (s *speller) buildFolds() {
	var ranks map[string]int
	if s.ranks != nil {
		ranks = s.ranks()
	}
	rank := func(w string) int {
		if r := ranks[w]; r > 0 {
			return r
		}
		return math.MaxInt
	}
	s.folds = map[string]string{}
	add := func(native string) {
		if !strings.ContainsFunc(native, func(r rune) bool { return s.letters[r] != nil }) {
			return
		}
		for _, typed := range foldings(native, s.letters) {
			cur, ok := s.folds[typed]
			if !ok || rank(native) < rank(cur) || rank(native) == rank(cur) && native < cur {
				s.folds[typed] = native
			}
		}
	}
	for w := range s.known {
		add(w)
	}
	for w := range ranks {
		add(w)
	}
}

// foldings are the ways native is typed without its own letters, at most
// eight (three such letters, two ways each; the rest kept as they are),
// the first letter's way varying slowest. Each is built once, from the
// parts between those letters.
func foldings(native string, letters map[rune][]string) []string {
	type own struct {
		at, size int
		ways     []string
	}
	var owns []own
	for i, r := range native {
		if ways, ok := letters[r]; ok && len(owns) < 3 {
			owns = append(owns, own{i, utf8.RuneLen(r), ways})
		}
	}
	n := 1
	for _, o := range owns {
		n *= len(o.ways)
	}
	out := make([]string, 0, n)
	choice := make([]int, len(owns))
	for range n {
		var b strings.Builder
		b.Grow(len(native) + len(owns))
		last := 0
		for j, o := range owns {
			b.WriteString(native[last:o.at])
			b.WriteString(o.ways[choice[j]])
			last = o.at + o.size
		}
		b.WriteString(native[last:])
		out = append(out, b.String())
		for j := len(choice) - 1; j >= 0; j-- { // the next choice, the last letter's fastest
			if choice[j]++; choice[j] < len(owns[j].ways) {
				break
			}
			choice[j] = 0
		}
	}
	return out
}

// minCorrectable is the shortest word the speller rewrites: a three-letter
// word is one edit from too many others to guess which was meant.
const minCorrectable = 4

func newSpeller() *speller {
	return &speller{known: map[string]bool{}, freq: map[string]int{}}
}

// isKnown reports whether w is a word the speller must leave alone.
func (s *speller) isKnown(w string) bool {
	if s.known[w] {
		return true
	}
	for _, has := range s.also {
		if has(w) {
			return true
		}
	}
	return s.dictionary != nil && s.dictionary(w)
}

// negatingPrefixes turn a word into its opposite ("unlicensed").
var negatingPrefixes = []string{"un", "non", "dis", "in", "im", "ir", "il", "mis", "anti"}

// isDerived reports a word made of a known word by a plain ending or a
// negating prefix ("chaired" of "chair", "unlicensed" of "licensed"): it
// is a word, not a misspelling of the nearest one ("charged", and above
// all "licensed", its opposite).
func (s *speller) isDerived(w string) bool {
	for _, b := range inflect.Bases(w) {
		if s.isKnown(b) {
			return true
		}
	}
	if adj, ok := adjectiveOf(w); ok && s.isKnown(adj) {
		// An adverb of a known adjective: "medically", "legally".
		return true
	}
	for _, p := range negatingPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= minCorrectable && s.isKnown(rest) {
			return true
		}
	}
	return false
}

// adjectiveOf returns the adjective an -ly adverb is made of ("legally" →
// "legal", "easily" → "easy").
func adjectiveOf(w string) (string, bool) {
	if stem, ok := strings.CutSuffix(w, "ily"); ok && len(stem) >= 2 {
		return stem + "y", true
	}
	if stem, ok := strings.CutSuffix(w, "ly"); ok && len(stem) >= minCorrectable {
		return stem, true
	}
	return "", false
}

// addKnown marks words as correctly spelt without making them targets.
func (s *speller) addKnown(words ...string) {
	for _, w := range words {
		s.known[w] = true
	}
}

// addTarget adds a word that misspellings may be corrected to, with how
// often it occurs.
func (s *speller) addTarget(w string, n int) {
	s.known[w] = true
	if n := utf8.RuneCountInString(w); n > s.longest {
		s.longest = n
	}
	s.freq[w] += n
}

// prepare builds the speller's index of misspellings now rather than on
// the first misspelt word.
func (s *speller) prepare() { s.deletesOnce.Do(s.buildDeletes) }

func (s *speller) buildDeletes() {
	targets := make([]string, 0, len(s.freq))
	for w := range s.freq {
		targets = append(targets, w)
	}
	sort.Strings(targets) // candidates list in the same order every run
	s.deletes = newDeleteIndex(targets)
}

// withDeletes returns w and every string made by deleting one rune of it.
func withDeletes(w string) []string {
	out := []string{w}
	for i, r := range w {
		out = append(out, w[:i]+w[i+utf8.RuneLen(r):])
	}
	return out
}

func maxEdits(w string) int {
	if utf8.RuneCountInString(w) >= 8 {
		return 2
	}
	return 1
}

// correct returns the word w was most likely meant to be, and whether it
// differs from w.
func (s *speller) correct(w string) (string, bool) {
	if v := s.unfold(w); v != "" {
		return v, true
	}
	if s.isKnown(w) {
		return w, false
	}
	n := utf8.RuneCountInString(w)
	if n < minCorrectable || n > s.longest+2 || !allLetters(w) || s.isDerived(w) {
		return w, false
	}
	s.prepare()
	limit := maxEdits(w)
	seen := map[string]bool{}
	var cands []string
	consider := func(d string) {
		s.deletes.each(formHash(d), func(t string) {
			if !seen[t] {
				seen[t] = true
				cands = append(cands, t)
			}
		})
	}
	for _, d := range withDeletes(w) {
		consider(d)
		if limit > 1 && d != w {
			for _, dd := range withDeletes(d)[1:] {
				consider(dd)
			}
		}
	}
	best, bestDist := "", limit+1
	sort.Strings(cands) // equal candidates resolve the same way every time
	for _, c := range cands {
		d := edits.Within(w, c, limit)
		if d < bestDist || d == bestDist && betterTie(w, c, best, s.freq) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return w, false
	}
	return best, true
}

// betterTie reports whether c is likelier than best as what w was meant
// to be, both as close to it: the one keeping w's first letter, which
// typing seldom gets wrong ("evry" is "every", not "very"), then the more
// frequent.
func betterTie(w, c, best string, freq map[string]int) bool {
	if best == "" {
		return true
	}
	if cf, bf := c[0] == w[0], best[0] == w[0]; cf != bf {
		return cf
	}
	return freq[c] > freq[best]
}

// allLetters reports a word as typed: letters, apostrophes and hyphens,
// the only words the speller corrects.
func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return true
}

// split returns the article's word that lower and the next word make
// when typed apart ("rail way", "harbour master", "salt mere"), with how
// much of rest (the text after lower) the next word took, or "".
func (s *speller) split(lower, rest, next string) (string, int) {
	if len(lower)+len(next) < minCompound || len(lower) < 2 || len(next) < 2 || len(s.compounds) == 0 {
		return "", 0
	}
	gap := len(rest) - len(strings.TrimLeft(rest, " "))
	if gap != 1 || !strings.HasPrefix(rest[gap:], next) {
		return "", 0
	}
	// Function words are whole words of their own: "start with in
	// 1924" is no "within".
	if stopWords[lower] || stopWords[strings.ToLower(next)] {
		return "", 0
	}
	joined := lower + strings.ToLower(next)
	if !s.compounds[joined] {
		return "", 0
	}
	return joined, gap + len(next)
}

// correctText rewrites the misspelt words of text in place, keeping
// everything else (case of untouched words, numbers, punctuation) as it
// was. It returns the text and whether anything changed.
func (s *speller) correctText(text string) (string, bool) {
	// The words are walked where they lie and the text is copied only
	// from its first change: most questions have none.
	var b strings.Builder
	copied := 0 // text[:copied] is in b
	replace := func(start, end int, with string) {
		if copied == 0 {
			b.Grow(len(text) + 8)
		}
		b.WriteString(text[copied:start])
		b.WriteString(with)
		copied = end
	}
	changed := false
	for w, rest := nextWord(text); w != ""; w, rest = nextWord(rest) {
		start := len(text) - len(rest) - len(w)
		end := start + len(w)
		lower := strings.ToLower(w)
		if next, _ := nextWord(rest); next != "" {
			if joined, n := s.split(lower, rest, next); joined != "" {
				replace(start, end+n, joined)
				rest = text[end+n:]
				changed = true
				continue
			}
		}
		if long, ok := s.shorthand[lower]; ok {
			replace(start, end, long)
			changed = true
			continue
		}
		if fixed, ok := s.correct(lower); ok {
			replace(start, end, fixed)
			changed = true
		}
	}
	if !changed {
		return text, false
	}
	b.WriteString(text[copied:])
	return b.String(), true
}

// functionWordFreq ranks the words every question uses above the
// article's own words when a misspelling is as close to both.
const functionWordFreq = 50

// buildSpellers makes a speller per language the bot reads, from the
// article's sentences as lower-cased words: for English
// the article's words, the words questions are asked with and the
// synonyms; for another language its term list's words and the article's
// words (names pass through a term list unchanged).
func (b *Bot) buildSpellers(sentences [][]string) map[string]func() *speller {
	articleWords := map[string]int{}
	for _, ws := range sentences {
		for _, w := range ws {
			articleWords[w]++
		}
	}
	for _, s := range b.article.Sections {
		for _, w := range words(strings.ToLower(s)) {
			articleWords[w]++
		}
	}
	// The example questions' everyday words are words the bot knows too.
	for _, p := range b.article.Passages {
		for _, q := range p.Questions {
			for _, w := range words(strings.ToLower(q)) {
				if _, ok := articleWords[w]; !ok {
					articleWords[w] = 1
				}
			}
		}
	}
	en := newSpeller()
	en.compounds = compounds(articleWords)
	common := b.common("en")
	for w, n := range articleWords {
		en.addTarget(w, n)
		// The plain form of an article's inflected word is a word to
		// correct to ("relase" → "release" where the article says
		// "released"), when it is an everyday word, not a cut stem.
		for _, base := range inflect.Bases(w) {
			if common[base] && articleWords[base] == 0 {
				en.addTarget(base, n)
			}
		}
	}
	for _, ws := range []wordSet{stopWords, neutralWords, englishMarkers, questionOpeners} {
		for w := range ws {
			en.addTarget(w, functionWordFreq)
		}
	}
	for _, w := range b.knownWords["en"] {
		en.addTarget(strings.ToLower(w), 1)
	}
	// Words that name what the bot does not cover are read but never a
	// correction target: a misspelt word must not turn a question into
	// one about another country, drug or offence.
	for _, ws := range []wordSet{b.subject.places, b.subject.substances, b.subject.offences, chatterWords, quantityWords, monthNames, nameNouns} {
		for w := range ws {
			en.addKnown(w)
		}
	}
	for w := range unitGrams {
		en.addKnown(w)
	}
	if common != nil {
		en.also = append(en.also, func(w string) bool { return common[w] })
	}
	en.shorthand = englishShorthand
	en.dictionary = b.dictionaries["en"]
	out := map[string]func() *speller{"en": func() *speller { return en }}
	for lang, known := range b.knownWords {
		if lang == "en" || lang == "" {
			continue
		}
		out[lang] = sync.OnceValue(func() *speller { return b.otherSpeller(lang, known, articleWords, en) })
	}
	return out
}

// minCompound is the shortest article word read from two typed words:
// "in to" is no misspelling of "into".
const minCompound = 6

// compounds are the article's words long enough to be typed as two.
func compounds(articleWords map[string]int) map[string]bool {
	out := map[string]bool{}
	for w := range articleWords {
		if utf8.RuneCountInString(w) >= minCompound && allLetters(w) && !strings.ContainsAny(w, "-'’") {
			out[w] = true
		}
	}
	return out
}

// otherSpeller builds the speller of a language other than English from
// its term list's words and the article's.
func (b *Bot) otherSpeller(lang string, known []string, articleWords map[string]int, en *speller) *speller {
	sp := newSpeller()
	sp.compounds = en.compounds
	if lang == "nb" {
		sp.letters, sp.ranks = bokmalLetters, b.wordRanks[lang]
	}
	for w, n := range articleWords {
		sp.addTarget(w, n)
	}
	for w := range bokmalMarkers {
		sp.addTarget(w, functionWordFreq)
	}
	for _, phrase := range known {
		for _, w := range words(strings.ToLower(phrase)) {
			sp.addTarget(w, 1)
		}
	}
	sp.also = append(sp.also, func(w string) bool { return en.known[w] })
	sp.also = append(sp.also, en.also...)
	if ranks := b.wordRanks[lang]; ranks != nil {
		// The ranks hold every everyday word: one table serves both.
		r := ranks()
		sp.also = append(sp.also, func(w string) bool { _, ok := r[w]; return ok })
	} else if common := b.common(lang); common != nil {
		sp.also = append(sp.also, func(w string) bool { return common[w] })
	}
	return sp
}

// englishShorthand spells out how English is typed in chat: the words
// people shorten, whatever the subject.
var englishShorthand = map[string]string{
	"u": "you", "ur": "your", "r": "are", "y": "why", "n": "and", "ppl": "people", "pple": "people",
	"govt": "government", "gov": "government", "gvt": "government", "abt": "about", "bc": "because",
	"cuz": "because", "coz": "because", "bcos": "because", "tho": "though", "thru": "through",
	"wat": "what", "wut": "what", "wen": "when", "b4": "before", "rn": "right now", "atm": "at the moment",
	"gonna": "going to", "wanna": "want to", "gotta": "have to", "kinda": "kind of", "sorta": "sort of",
	"dunno": "do not know", "lemme": "let me", "gimme": "give me", "yrs": "years", "yr": "year",
	"hrs": "hours", "mins": "minutes", "approx": "approximately", "govts": "governments",
	"cnt": "cannot", "cant": "cannot", "dont": "do not", "doesnt": "does not", "didnt": "did not",
	"isnt": "is not", "wasnt": "was not", "arent": "are not", "wont": "will not", "im": "i am",
	"ive": "i have", "whats": "what is", "hows": "how is", "whos": "who is", "wheres": "where is",
	"thats": "that is", "theres": "there is", "plz": "please", "pls": "please", "pvt": "private",
	"dept": "department", "intl": "international", "natl": "national", "min": "minimum", "max": "maximum",
}
