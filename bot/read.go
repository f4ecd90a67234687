package bot

import (
	"context"
	"slices"
	"strings"
)

// Reading a message: what chat adds is stripped, the message is split into
// the questions it asks, and each question's misspelt words are corrected
// before the intent layer and the index see it.

// maxQuestions caps how many questions of one message are answered.
const maxQuestions = 3

// reading is a question prepared once for every step: in English (read
// through the language's term list when it was asked in another), lower
// case and split into words; lang is the language to answer in; readAs is
// the question as corrected, when that differs from what was asked.
type reading struct {
	original string
	lower    string
	words    []string
	lang     string
	readAs   string
	// typed are the words as asked, before any term list: what an answer
	// quotes back ("et par gram", not its English).
	typed []string
}

// answerMessage answers every question a message asks (at most
// maxQuestions), as one answer. previous is the conversation's question
// before the message, or "".
func (b *Bot) answerMessage(ctx context.Context, question, text, lang, previous string) Answer {
	parts := splitQuestions(normalizeChat(text))
	if len(parts) == 0 {
		return b.answerOne(ctx, question, text, lang)
	}
	var answers []Answer
	for i, p := range parts {
		a := b.answerOne(ctx, question, p, lang)
		switch {
		case a.Answered:
		case i > 0:
			a = b.answerLeaning(ctx, question, parts[i-1], p, lang, a, answers[i-1])
		case previous != "":
			a = b.answerLeaning(ctx, question, previous, p, lang, a, Answer{})
		}
		answers = append(answers, a)
	}
	if len(answers) == 1 {
		return answers[0]
	}
	return b.combine(question, lang, answers)
}

// answerLeaning answers a later question of a message that did not answer
// alone (declined) by reading it against the question before it: as a
// follow-up in a conversation ("…, and what about a third one?"), or, when
// it points back ("what was the vote on it?", "that year"), with the
// earlier question's words beside its own; that reading is passed over
// when it only gets the earlier question's answer again.
func (b *Bot) answerLeaning(ctx context.Context, question, previous, part, lang string, declined, earlier Answer) Answer {
	if q, ok := b.FollowUp(previous, part); ok {
		if f := b.answerOne(ctx, question, q, lang); f.Answered {
			f.ReadAs = q
			return f
		}
	}
	if pointsBack(words(strings.ToLower(part))) {
		if ctxWords := b.referents(previous); len(ctxWords) > 0 {
			q := strings.TrimSuffix(part, "?") + " (" + strings.Join(ctxWords, " ") + ")?"
			if f := b.answerOne(ctx, question, q, lang); f.Answered && f.Text != earlier.Text {
				f.ReadAs = q
				return f
			}
		}
	}
	return declined
}

// pointsBack reports a question that points at what the one before it
// named: a word standing for it, or for a place or one of a kind.
func pointsBack(ws []string) bool {
	return anaphora.any(ws) || otherReferences.any(ws)
}

// otherReferences stand for a place or one of a kind named before ("what
// about there?", "and a third one?").
var otherReferences = set("there", "one", "ones")

// referents are the words of a question a later one's "it" most likely
// stands for: the names and numbers it gives ("the 1921 Act" in "How many
// systems did the 1921 Act replace?"), or, when it gives none, its
// content words.
func (b *Bot) referents(question string) []string {
	ws := words(strings.ToLower(question))
	names := namedWords(question)
	var out []string
	for _, w := range ws {
		// The article's own names ("Saltmere" in "when was Saltmere's
		// breakwater built?") are what every sentence is about, never
		// what "it" stands for.
		if (names[w] || isNumber(w)) && !b.isArticleName(w) {
			out = append(out, w)
		}
	}
	if len(out) > 0 {
		return out
	}
	return slices.DeleteFunc(contentWords(ws), b.isArticleName)
}

// contentWords are the words of a question that can name what a later
// one points back to: no question, function or chatter words, and no
// verbs in a plain past or -ing form ("started", "replacing"), which
// say what happened to it.
func contentWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if stopWords[w] || questionWords[w] || neutralWords[w] || questionAux[w] ||
			strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
			continue
		}
		out = append(out, w)
	}
	return out
}

// answerOne answers one question, which may carry statements around it
// ("I got caught with 20 g. What happens?"). When it does, the question
// sentence alone is tried too, and the reading that answers wins: the
// statement first when it holds an amount, the question alone otherwise.
func (b *Bot) answerOne(ctx context.Context, question, text, lang string) Answer {
	readings := readingOrder(text, lang)
	first := b.answerReading(ctx, question, b.read(readings[0], lang))
	if first.Answered || len(readings) == 1 {
		return first
	}
	if second := b.answerReading(ctx, question, b.read(readings[1], lang)); second.Answered {
		return second
	}
	return first
}

// readingOrder is the order a question's readings are tried in: the
// question sentence alone, then with its statements, or the statements
// first when they hold an amount; just the text when it is one sentence.
func readingOrder(text, lang string) []string {
	q, ok := questionSentence(text)
	if !ok {
		return []string{text}
	}
	if amounts, _ := ParseAmounts(text, lang); len(amounts) > 0 {
		return []string{text, q}
	}
	return []string{q, text}
}

// read prepares one question: spelling corrected in its own language,
// then read through the language's term list into English.
func (b *Bot) read(text, lang string) reading {
	r := reading{original: text, lang: lang}
	if sp := b.spellers[lang]; sp != nil {
		if fixed, ok := sp().correctText(text); ok {
			r.original, r.readAs = fixed, fixed
		}
	}
	r.lower = strings.ToLower(r.original)
	r.typed = words(r.lower)
	r.words = r.typed
	if t, ok := b.translators[lang]; ok {
		r.original = t.Translate(r.original)
		r.lower = strings.ToLower(r.original)
		r.words = words(r.lower)
	}
	return r
}

// answerReading runs the intent layer and, when no intent answers, the
// passages.
func (b *Bot) answerReading(ctx context.Context, question string, r reading) Answer {
	a := b.route(ctx, question, r)
	a.ReadAs = r.readAs
	return a
}

func (b *Bot) route(ctx context.Context, question string, r reading) Answer {
	if a, ok := b.intent(question, r); ok {
		return a
	}
	return b.retrieve(ctx, question, r)
}

// intent answers a reading that is no question for the passages: empty,
// help, out of scope, one the penalty table answers, or one that asks for
// an opinion. ok is false when
// the passages decide.
func (b *Bot) intent(question string, r reading) (Answer, bool) {
	if len(r.words) == 0 {
		return b.decline(question, r.lang, IntentNone, "off_topic", ""), true
	}
	if isHelp(r.words) {
		return b.decline(question, r.lang, IntentHelp, "help", b.msg(r.lang, "help")), true
	}
	if a, ok := b.outOfScope(question, r); ok {
		return a, true
	}
	if len(b.schedule.Tiers) > 0 {
		if a, ok := b.penalty(question, r); ok {
			return a, true
		}
	}
	if asksOpinion(r.typed) {
		return b.decline(question, r.lang, IntentScope, "opinion", b.msg(r.lang, "opinion")), true
	}
	return Answer{}, false
}

// combine joins the answers to a message's questions: the answered ones
// in order, with a line for each the article does not cover.
func (b *Bot) combine(question, lang string, answers []Answer) Answer {
	var texts, readAs []string
	var sources []Source
	var first *Answer
	legal, declined := false, 0
	for i := range answers {
		a := &answers[i]
		if a.ReadAs != "" {
			readAs = append(readAs, a.ReadAs)
		}
		if !a.Answered {
			declined++
			continue
		}
		if first == nil {
			first = a
		}
		if slices.Contains(texts, a.Text) {
			continue // two questions, one sentence: said once
		}
		texts = append(texts, a.Text)
		sources = appendSources(sources, a.Sources...)
		legal = legal || a.LegalNotice
	}
	if first == nil {
		d := answers[0]
		d.Question = question
		d.ReadAs = strings.Join(readAs, " ")
		return d
	}
	if declined > 0 {
		texts = append(texts, Message(lang, "part_not_covered"))
	}
	a := b.answer(question, first.Lang, first.Intent, strings.Join(texts, " "), sources, legal)
	a.ReadAs = strings.Join(readAs, " ")
	return a
}

// questionSentence returns the last sentence of text that ends with a
// question mark, when text holds more than that sentence.
func questionSentence(text string) (string, bool) {
	sentences := splitSentences(text)
	if len(sentences) < 2 {
		return "", false
	}
	for i := len(sentences) - 1; i >= 0; i-- {
		if strings.HasSuffix(sentences[i], "?") {
			return sentences[i], true
		}
	}
	return "", false
}

// splitQuestions splits a message into the questions it asks: at each
// question mark that another question follows, and at "and"/"also"
// joining two clauses that each open as a question ("…, and what is …").
// Statements stay with the question after them.
func splitQuestions(text string) []string {
	if text == "" {
		return nil
	}
	var parts []string
	var pending []string
	for _, s := range splitSentences(text) {
		pending = append(pending, s)
		if strings.HasSuffix(s, "?") {
			parts = append(parts, strings.Join(pending, " "))
			pending = nil
		}
	}
	if len(pending) > 0 {
		if len(parts) > 0 && !asksOnItsOwn(strings.Join(pending, " ")) {
			// A closing statement ("asking for a friend") belongs to
			// the question before it.
			parts[len(parts)-1] += " " + strings.Join(pending, " ")
		} else {
			parts = append(parts, strings.Join(pending, " "))
		}
	}
	var out []string
	for _, p := range parts {
		for _, q := range splitClauses(p) {
			// A list number opening a question numbers it: "2) Which…".
			if first, rest, ok := strings.Cut(q, " "); ok && isListNumber(first) {
				q = rest
			}
			out = append(out, q)
		}
	}
	if len(out) > maxQuestions {
		out = out[:maxQuestions]
	}
	return out
}

// questionOpeners start a clause that asks on its own, in English or
// Bokmål.
var questionOpeners = union(questionWords, auxiliaries, whatWords,
	set("hva", "når", "hvem", "hvilke", "hvilken", "hvorfor", "hvor", "hvordan", "er", "var", "kan", "har"))

// clauseJoiners join two questions in one sentence: words ("…, and what
// is…"), signs ("… + by what date…", "… / what…", "… — and what…") and
// list numbers ("1) … 2) …").
var clauseJoiners = set("and", "also", "plus", "og", "også", "+", "/", "&", "—", "–", "-", ";")

func asksOnItsOwn(s string) bool {
	ws := words(strings.ToLower(s))
	return len(ws) > 0 && questionOpeners[ws[0]]
}

// isJoinerField reports a field that joins two questions: a joiner or a
// list number ("2)", "(2)", "b)").
func isJoinerField(f string) bool {
	j := strings.ToLower(strings.Trim(f, ",;"))
	return clauseJoiners[j] || isListNumber(f)
}

// isListNumber reports a list number: "1)", "(2)", "3.", "b)".
func isListNumber(f string) bool {
	f = strings.TrimPrefix(f, "(")
	n, ok := strings.CutSuffix(f, ")")
	if !ok {
		n, ok = strings.CutSuffix(f, ".")
	}
	if !ok || n == "" || len(n) > 2 {
		return false
	}
	if len(n) == 1 && n[0] >= 'a' && n[0] <= 'c' {
		return true
	}
	return strings.Trim(n, "0123456789") == ""
}

// questionWordAt reports a question opening at fields[k], and where its
// question word is: at k for a question word or auxiliary, at k+1 after a
// preposition ("by what date…", "in which year…").
func questionWordAt(fields []string, k int) (int, bool) {
	w := strings.ToLower(strings.Trim(fields[k], ",;"))
	switch {
	case questionOpeners[w]:
		return k, true
	case prepositions[w] && k+1 < len(fields) && questionWords[strings.ToLower(fields[k+1])]:
		return k + 1, true
	}
	return 0, false
}

// maxAside is how many words may stand between a joiner and the question
// it joins, ending in a comma: "— and while I'm at it, what…".
const maxAside = 5

// questionAfter is where the question a joiner at fields[i] joins opens:
// after any further joiners and a short aside ending in a comma.
func questionAfter(fields []string, i int) int {
	k := i + 1
	for k < len(fields) && isJoinerField(fields[k]) {
		k++
	}
	if k >= len(fields) {
		return k
	}
	if _, ok := questionWordAt(fields, k); ok {
		return k
	}
	for a := k; a < len(fields)-1 && a < k+maxAside; a++ {
		if questionOpeners[strings.ToLower(fields[a])] || isJoinerField(fields[a]) {
			break
		}
		if strings.HasSuffix(fields[a], ",") {
			return a + 1
		}
	}
	return k
}

// splitClauses splits "A, and what B?" into two questions when both
// halves have words enough to stand alone.
func splitClauses(q string) []string {
	fields := strings.Fields(q)
	for i := 1; i+1 < len(fields); i++ {
		if !isJoinerField(fields[i]) {
			continue
		}
		k := questionAfter(fields, i)
		// Each half has words enough to ask on its own: three, from the
		// question word on ("and for how long?" does not).
		if k >= len(fields) || i < 3 {
			continue
		}
		if from, ok := questionWordAt(fields, k); !ok || len(fields)-from < 3 {
			continue
		}
		// "and is it legal": "is" opens a question only when the
		// clause before ended ("…, and is …", "… Norway. Also, what…")
		// or is a question itself.
		// A list number always opens an item of its own ("1) … 2) …").
		if !isListNumber(fields[i]) && !strings.ContainsAny(fields[i-1][len(fields[i-1])-1:], ",;.:") &&
			!asksOnItsOwn(strings.Join(fields[:i], " ")) {
			continue
		}
		left := strings.TrimRight(strings.Join(fields[:i], " "), ",;.:")
		return append([]string{left + "?"}, splitClauses(strings.Join(fields[k:], " "))...)
	}
	return []string{q}
}
