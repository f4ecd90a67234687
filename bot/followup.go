package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/internal/inflect"
)

// Follow-ups: in a conversation, "and for dealers?" after "What is the
// penalty for 20 grams?" means "What is the penalty for dealers?". Whether
// a message only makes sense against the question before it, and what it
// then reads as, is decided from how it is built, never from particular
// questions:
//
//   - it opens with a connective that carries on ("and", "but", "what
//     about", "how about"; "og", "men", "hva med", "enn"), or it is a bare
//     question word ("why?", "hvorfor?"), or it is a short fragment with no
//     topic word of its own that opens with a preposition or a number
//     ("2 kg?", "i 2022?");
//   - and what is left has no verb of its own: "and what is the maximum
//     penalty?" is a complete question and stands alone.
//
// The reading borrows the previous question's frame: a phrase that opens
// with a preposition replaces the previous question's phrase from its
// first preposition on ("for 20 grams" → "for dealers", "in Sweden"); a
// lone preposition swaps the last one ("voted for" → "voted against"); a
// bare phrase ("2 kg", "dealers") replaces the object of the first
// preposition; a question word replaces the previous one ("why is the
// penalty …"). "of" and "av" bind nouns together ("possession of 20 g")
// and are never the frame's preposition. The word lists cover English and
// Bokmål alike, so the language needs no telling.

// FollowUp reads message against previous, the question the conversation
// last had an answer to (as it was read). It returns the combined question
// and true, or "" and false when message stands alone. A fragment naming
// the subject or its home ("for cannabis?", "in Norway?") has a subject of
// its own.
func (b *Bot) FollowUp(previous, message string) (string, bool) {
	return followUp(previous, message, func(w string) bool { return b.subject.isTopic(w) || b.subject.home[w] })
}

// followUp is FollowUp with the words that name the subject.
func followUp(previous, message string, subjectWord func(string) bool) (string, bool) {
	msg := tokens(message)
	if len(msg) == 0 || len(msg) > maxFollowUpWords {
		return "", false
	}
	lowerMsg := lowerAll(msg)
	lowerRest, connected := cutConnective(lowerMsg)
	rest := msg[len(msg)-len(lowerRest):] // keep the user's spelling
	if len(rest) == 0 {
		return "", false
	}
	// The previous question is read only for a message that leans on it,
	// so a complete question costs one pass over itself.
	prev := func() []string { return tokens(previous) }
	if len(rest) == 1 && followUpQuestionWords[lowerRest[0]] {
		if p := prev(); len(p) > 0 {
			return withQuestionWord(p, lowerRest[0]), true
		}
		return "", false
	}
	if len(rest) == 2 {
		// "and Permit B?" after "how much does a Permit A cost?" asks
		// the same of another of the series.
		if q, ok := withInstance(previous, rest[0], rest[1]); ok {
			return q, true
		}
	}
	if slices.ContainsFunc(lowerRest, func(w string) bool { return followUpVerbs[w] || followUpQuestionWords[w] }) {
		return "", false // a question of its own
	}
	if !connected && !leansBack(lowerRest, subjectWord) {
		return "", false
	}
	if p := prev(); len(p) > 0 {
		return withOneFor(withAmountFor(borrowFrame(p, rest), previous), previous), true
	}
	return "", false
}

// withInstance reads previous with its instance of series (a word, as
// "Permit" in "Permit A") swapped for id: "how much does a Permit A
// cost?" and "Permit B" read as "how much does a Permit B cost?". ok is
// false unless previous names exactly one instance of the series, another
// than id.
func withInstance(previous, series, id string) (string, bool) {
	id = strings.ToUpper(id)
	series = inflect.Singular(strings.ToLower(series))
	if !isInstanceID(id) {
		return "", false
	}
	var found []instance
	for _, in := range instances(previous) {
		if in.series == series {
			found = append(found, in)
		}
	}
	if len(found) != 1 || found[0].id == id || found[0].field < 0 {
		return "", false
	}
	fields := strings.Fields(previous)
	fields[found[0].field] = id + strings.TrimPrefix(fields[found[0].field], found[0].id)
	return strings.Join(fields, " "), true
}

// amountComparatives compare an amount a follow-up points back to ("more
// than that", "under det").
var amountComparatives = append([]string{"less than", "fewer than", "under", "below", "mindre enn"}, aboveWords...)

// withAmountFor reads "more than that" in a follow-up as more than the
// amount the previous question named, when it named one: "what about more
// than that?" after "…for up to 1 kg?" asks about more than 1 kg.
func withAmountFor(q, previous string) string {
	q, lower := lowerOnce(q)
	at, c, ref := amountReference(lower, amountComparatives)
	if at < 0 {
		return q
	}
	amounts, _ := ParseAmounts(previous, "en")
	if len(amounts) != 1 {
		return q
	}
	refAt := at + len(c) + strings.Index(lower[at+len(c):], ref)
	return q[:refAt] + amountWithoutQualifier(amounts[0]) + q[refAt+len(ref):]
}

// lowerOnce returns q and its lower-cased form, positions in one being
// positions in the other: where lower-casing changes the length ("Ⱥ" →
// "ⱥ"), q is the lower-cased text too.
func lowerOnce(q string) (string, string) {
	lower := strings.ToLower(q)
	if len(lower) != len(q) {
		return lower, lower
	}
	return q, lower
}

// withOneFor reads "a third one" in a follow-up as one of what the
// previous question counted: "…for a first unlicensed-operation offence,
// and what about a third one?" asks about a third offence.
func withOneFor(q, previous string) string {
	q, lower := lowerOnce(q)
	for w, after := nextWord(lower); w != ""; w, after = nextWord(after) {
		if ordinals[w] == "" {
			continue
		}
		next, _ := nextWord(after)
		if next != "one" {
			continue
		}
		noun := countedAfterOrdinal(previous)
		if noun == "" {
			return q
		}
		oneAt := len(lower) - len(after) + strings.Index(after, "one")
		return q[:oneAt] + noun + q[oneAt+len("one"):]
	}
	return q
}

// countedAfterOrdinal is the noun an ordinal counts in text: the last word
// of the run of words after it ("first unlicensed-operation offence,"),
// or "".
func countedAfterOrdinal(text string) string {
	fields := strings.Fields(strings.ToLower(text))
	for i, f := range fields {
		if ordinals[strings.Trim(f, ",.?!;:")] == "" {
			continue
		}
		noun := ""
		for _, g := range fields[i+1:] {
			w := strings.Trim(g, ",.?!;:()\"'")
			if w == "" || stopWords[w] || prepositions[w] {
				break
			}
			noun = w
			if strings.ContainsAny(g, ",.?!;:") {
				break
			}
		}
		return noun
	}
	return ""
}

// leansBack reports whether a fragment without a connective only makes
// sense against what came before: short, with nothing of the subject in
// it, and opening with a preposition ("for dealers?", "i 2022?") or a
// number ("2 kg?"). "weather in Oslo?" names a subject and stands alone.
func leansBack(ws []string, subjectWord func(string) bool) bool {
	if len(ws) > 3 || slices.ContainsFunc(ws, func(w string) bool { return ownTopicWords[w] || subjectWord(w) }) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(ws[0])
	return prepositions[ws[0]] || unicode.IsDigit(first)
}

// maxFollowUpWords: a longer message is a question of its own.
const maxFollowUpWords = 8

// connectives open a message that carries on from the previous question.
// Longest first, so "and what about" is taken whole.
var connectives = [][]string{
	{"and", "what", "about"}, {"and", "how", "about"}, {"but", "what", "about"},
	{"what", "about"}, {"how", "about"}, {"and", "also"}, {"and"}, {"but"}, {"also"},
	{"og", "hva", "med"}, {"men", "hva", "med"}, {"hva", "med"}, {"hva", "så", "med"},
	{"og", "for"}, {"og"}, {"men"}, {"enn"}, {"også"},
}

// cutConnective removes a leading connective from lower-cased words.
func cutConnective(ws []string) ([]string, bool) {
	for _, c := range connectives {
		if len(ws) >= len(c) && slices.Equal(ws[:len(c)], c) {
			if c[len(c)-1] == "for" { // "og for …": the preposition stays
				return ws[len(c)-1:], true
			}
			return ws[len(c):], true
		}
	}
	return ws, false
}

var (
	// followUpQuestionWords alone ask about the previous question.
	followUpQuestionWords = set("why", "how", "when", "where", "who", "hvorfor", "hvordan", "når", "hvor", "hvem")
	// followUpVerbs make a message a clause of its own.
	followUpVerbs = set("is", "are", "was", "were", "be", "can", "could", "do", "does", "did", "will", "would",
		"should", "shall", "may", "might", "must", "has", "have", "had", "get", "gets", "happens", "happen",
		"er", "var", "kan", "kunne", "blir", "ble", "får", "fikk", "skal", "vil", "har", "hadde", "må", "skjer", "gjelder")
	// ownTopicWords give a fragment a subject of its own; so do the words
	// of the bot's subject (its profile's topic and home).
	ownTopicWords = set("penalty", "penalties", "law", "laws", "legal", "illegal", "prison", "fine", "straff",
		"straffen", "lov", "lovlig", "ulovlig", "fengsel", "bot", "help", "hjelp")
	// prepositions open the phrase a follow-up replaces.
	prepositions = set("for", "of", "in", "on", "at", "to", "from", "with", "without", "against", "before",
		"after", "during", "since", "under", "over", "about", "by", "i", "på", "med", "uten", "mot", "før",
		"etter", "siden", "om", "av", "til", "fra", "hos", "ved")
	// askWords open a question; a question word replaces them.
	askWords = set("what", "which", "how", "why", "when", "where", "who", "hva", "hvilken", "hvilke",
		"hvordan", "hvorfor", "når", "hvor", "hvem")
)

// borrowFrame reads rest in the previous question's frame.
func borrowFrame(prev, rest []string) string {
	head := prev
	at := slices.IndexFunc(prev, framePreposition)
	restStarts := prepositions[strings.ToLower(rest[0])]
	switch {
	case at < 0 && restStarts:
		// Nothing to replace: the phrase qualifies the whole question.
	case at < 0:
		// "for" is the same word in English and Bokmål.
		head = append(slices.Clone(prev), "for")
	case restStarts && len(rest) == 1:
		out := slices.Clone(prev)
		out[lastIndexFunc(prev, framePreposition)] = rest[0]
		return question(out)
	case restStarts:
		head = prev[:at]
	default:
		head = prev[:at+1]
	}
	return question(append(slices.Clone(head), rest...))
}

// withQuestionWord asks the previous question with another question word:
// "What is the penalty for 20 grams?" + "why" → "why is the penalty for 20
// grams?".
func withQuestionWord(prev []string, word string) string {
	prev = slices.Clone(prev)
	if askWords[strings.ToLower(prev[0])] {
		prev = prev[1:]
	}
	if len(prev) > 0 && followUpVerbs[strings.ToLower(prev[0])] {
		prev[0] = strings.ToLower(prev[0]) // no longer the first word
	}
	return question(append([]string{word}, prev...))
}

// framePreposition is a preposition that opens a phrase a follow-up can
// replace.
func framePreposition(w string) bool {
	w = strings.ToLower(w)
	return prepositions[w] && w != "of" && w != "av"
}

func lastIndexFunc(ws []string, f func(string) bool) int {
	for i := len(ws) - 1; i >= 0; i-- {
		if f(ws[i]) {
			return i
		}
	}
	return -1
}

// tokens splits text into words, dropping punctuation at either end of
// each and any word left empty.
func tokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(cleanText(text)) {
		f = strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) && r != '%' })
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// question joins words into a question, capitalised, with a question mark.
func question(ws []string) string {
	s := strings.Join(ws, " ")
	if s == "" {
		return ""
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r) + "?"
}
