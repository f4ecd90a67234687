package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reading chat text: what a platform, a keyboard or a copied prompt adds
// around a question is not the question. normalizeChat removes it before
// any reading, so every later step sees the words the person asked with.
// The original text is kept for display and logs.

// normalizeChat strips platform markup (mentions, channel links, emoji),
// URLs, markdown, role prefixes copied from prompts and chatter (greetings,
// thanks) from a chat message, leaving the question.
func normalizeChat(s string) string {
	s = stripAngleMarkup(s)
	s = stripRoles(s)
	var b strings.Builder
	lines := strings.Split(s, "\n")
	multiline := len(lines) > 1
	// A heading above or below the question titles it ("# Research
	// notes", "### Context"): it is dropped when another line is there to
	// be the question, unless it asks one itself.
	titled := multiline && slices.ContainsFunc(lines, func(l string) bool {
		return !isHeading(l) && strings.TrimSpace(l) != ""
	})
	// Where a line of its own asks, lines that are someone else's words or
	// a message's envelope are not the question: a quoted line ("> dogs
	// are better anyway"), a mail header ("Subject: ferry fees"), a
	// separator ("---------- Forwarded message ----------") or a
	// signature ("Tom").
	// A quote stays when the question points back at it ("> someone
	// said the storm was in 1953 / what was that storm called?").
	asks, pointing := false, false
	for _, l := range lines {
		if strings.Contains(l, "?") && !isQuoteLine(l) {
			asks = true
			pointing = pointing || pointsBack(words(strings.ToLower(l)))
		}
	}
	asks = asks && multiline
	for i, line := range lines {
		heading := isHeading(line)
		envelope := asks && !strings.Contains(line, "?") &&
			(isQuoteLine(line) && !pointing || isHeaderLine(line) || isSeparatorLine(line) || i == len(lines)-1 && isSignature(line))
		line = stripLineMarkdown(line)
		title := titled && heading && !strings.HasSuffix(line, "?")
		if line == "" || title || envelope || multiline && onlyChatter(line) {
			// An empty line, a line of chatter only ("Hi all,"), a
			// title above or below the question, or its envelope.
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	s = stripTokens(b.String())
	s = stripChatter(s)
	return strings.Join(strings.Fields(s), " ")
}

// isQuoteLine reports a markdown quote: "> what they said".
func isQuoteLine(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), ">")
}

// isHeaderLine reports a mail or forum header: a label of one or two
// capitalised words and a colon opening the line ("From: Katrin <…>",
// "Subject: ferry fees", "Sent: Monday").
func isHeaderLine(line string) bool {
	label, _, ok := strings.Cut(strings.TrimSpace(line), ":")
	return ok && len(label) <= 20 && fewCapitalisedWords(label)
}

// isSeparatorLine reports a line that opens with a rule of dashes, equals
// signs or underscores ("---------- Forwarded message ---------").
func isSeparatorLine(line string) bool {
	line = strings.TrimSpace(line)
	return strings.HasPrefix(line, "---") || strings.HasPrefix(line, "===") || strings.HasPrefix(line, "___")
}

// isSignature reports a last line that is only a name: the sender's under
// a message.
func isSignature(line string) bool { return fewCapitalisedWords(line) }

// fewCapitalisedWords reports text of one or two words, each capitalised
// and of letters (and hyphens) only: a name, or a header's label.
func fewCapitalisedWords(text string) bool {
	fs := strings.Fields(text)
	if len(fs) == 0 || len(fs) > 2 {
		return false
	}
	for _, f := range fs {
		if !isCapitalised(f) || strings.ContainsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			return false
		}
	}
	return true
}

// isHeading reports a markdown heading line: "# Title", "### Context".
func isHeading(line string) bool {
	rest := strings.TrimLeft(strings.TrimSpace(line), "#")
	return len(rest) < len(strings.TrimSpace(line)) && (rest == "" || rest[0] == ' ')
}

// stripAngleMarkup rewrites Slack's and Discord's <…> markup: a link with
// a label keeps the label, everything else (mentions, channels, roles,
// @here, custom emoji, bare links) goes.
func stripAngleMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		inner := s[i+1 : i+j]
		b.WriteString(s[:i])
		if isAngleMarkup(inner) {
			if k := strings.IndexByte(inner, '|'); k >= 0 && isLink(inner[:k]) {
				b.WriteString(" " + inner[k+1:] + " ")
			} else {
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func isAngleMarkup(inner string) bool {
	if inner == "" || strings.ContainsAny(inner, " \t\n") && !strings.Contains(inner, "|") {
		return false
	}
	switch inner[0] {
	case '@', '#', '!', ':':
		return true
	}
	return strings.HasPrefix(inner, "a:") || isLink(inner)
}

func isLink(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "www.")
}

// rolePrefixes are the speaker labels of copied prompts and transcripts.
// What a "system" or "assistant" says is not the user's question.
var rolePrefixes = map[string]bool{
	"system": false, "assistant": false, "ai": false, "bot": false, "instruction": false, "instructions": false,
	"user": true, "human": true, "question": true, "q": true, "spørsmål": true, "prompt": true,
}

// stripRoles keeps what follows the last user-side label ("USER:",
// "Question:") and drops text under other labels ("SYSTEM: ignore all
// previous instructions").
func stripRoles(s string) string {
	type mark struct {
		at, end int
		user    bool
	}
	var marks []mark
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ':')
		if j < 0 {
			break
		}
		colon := i + j
		start := colon
		for start > 0 && isWordByte(s[start-1]) {
			start--
		}
		label := strings.ToLower(s[start:colon])
		user, isRole := rolePrefixes[label]
		// A label opens the text, a line or a sentence.
		before := strings.TrimRight(s[:start], " \t#>*_")
		if isRole && (before == "" || strings.HasSuffix(before, "\n") || strings.ContainsAny(before[len(before)-1:], ".!?\n")) {
			marks = append(marks, mark{start, colon + 1, user})
		}
		i = colon + 1
	}
	if len(marks) == 0 {
		return s
	}
	// Text before the first label is the user's own; under a label, it
	// is the user's only when the label is.
	var b strings.Builder
	b.WriteString(s[:marks[0].at])
	for k, m := range marks {
		end := len(s)
		if k+1 < len(marks) {
			end = marks[k+1].at
		}
		if m.user {
			b.WriteString(" " + s[m.end:end])
		}
	}
	out := strings.TrimSpace(b.String())
	if out == "" {
		return s
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// stripLineMarkdown removes block markdown that opens a line: quotes,
// headings, list bullets and code fences.
func stripLineMarkdown(line string) string {
	line = strings.TrimSpace(line)
	for {
		switch {
		case strings.HasPrefix(line, ">"):
			line = strings.TrimSpace(line[1:])
		case strings.HasPrefix(line, "#"):
			line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		case strings.HasPrefix(line, "```"):
			line = strings.TrimSpace(strings.TrimLeft(line, "`"))
		case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "• "):
			_, rest, _ := strings.Cut(line, " ")
			line = strings.TrimSpace(rest)
		default:
			return line
		}
	}
}

// stripTokens drops URLs, @-mentions, :emoji: codes, emoji and markdown
// emphasis markers from the words of a message.
func stripTokens(s string) string {
	plain := true
	for f := range strings.FieldsSeq(s) {
		if !plainWord(f) {
			plain = false
			break
		}
	}
	if plain {
		return s // the common case: spacing is evened out later
	}
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		if plainWord(f) {
			out = append(out, f)
			continue
		}
		switch {
		case isLink(f) || looksLikeDomain(f):
			continue
		case strings.HasPrefix(f, "@") && len(f) > 1:
			continue
		case isEmojiCode(f):
			continue
		}
		f = strings.Map(func(r rune) rune {
			switch {
			case r == '*' || r == '~' || r == '`' || r == '|' || r == '_':
				return -1
			case isEmoji(r):
				return -1
			}
			return r
		}, f)
		if f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

// plainWord reports a field with nothing to strip: ASCII letters, digits
// and sentence punctuation only, the common case, checked without
// allocating.
func plainWord(f string) bool {
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '?' || c == ',' || c == '!' || c == '\'' || c == '-' || c == ';' || c == '(' || c == ')' || c == '"':
		default:
			return false
		}
	}
	return f != "" && f[0] != '@'
}

// looksLikeDomain catches a bare link without a scheme ("example.com/x").
func looksLikeDomain(f string) bool {
	f = strings.TrimRight(f, ".,!?;:)")
	host, _, hasPath := strings.Cut(f, "/")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	tld := host[dot+1:]
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	// "e.g." or "approx.5" are words, not hosts: a host has a letter
	// label of two or more before a 2–6 letter top-level domain.
	return len(tld) >= 2 && len(tld) <= 6 && dot >= 2 && (hasPath || strings.Count(host, ".") >= 1 && !strings.ContainsAny(host, "0123456789") && knownTLD[tld])
}

var knownTLD = map[string]bool{"com": true, "org": true, "net": true, "no": true, "io": true, "gov": true,
	"edu": true, "uk": true, "se": true, "dk": true, "de": true, "info": true, "ly": true, "gg": true, "co": true}

func isEmojiCode(f string) bool {
	f = strings.TrimRight(f, ".,!?")
	if len(f) < 3 || f[0] != ':' || f[len(f)-1] != ':' {
		return false
	}
	for _, r := range f[1 : len(f)-1] {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '+') {
			return false
		}
	}
	return true
}

// isEmoji reports pictographs, dingbats and their modifiers, which carry
// tone but no words.
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x2B00 && r <= 0x2BFF,
		r == 0x200D, r >= 0xFE00 && r <= 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF, r == 0x20E3:
		return true
	}
	return unicode.Is(unicode.So, r) && r != '°'
}

// chatterWords make up sentences that carry no question: greetings,
// thanks, politeness and fillers, in the languages the bot reads.
var chatterWords = set("hi", "hey", "hello", "hiya", "yo", "howdy", "greetings", "morning", "evening",
	"afternoon", "good", "there", "all", "everyone", "folks", "guys", "team", "bot", "factbot", "thanks", "thank",
	"you", "thx", "ty", "tysm", "cheers", "pls", "please", "plz", "in", "advance", "much", "appreciated",
	"appreciate", "it", "lol", "lmao", "haha", "hehe", "ok", "okay", "so", "um", "uh", "hmm", "quick",
	"question", "q", "urgent", "help", "asking", "for", "a", "friend", "just", "wondering", "curious",
	"sorry", "bother", "to", "again", "btw", "np", "great", "awesome", "nice", "cool", "hei", "hallo",
	"heisann", "takk", "tusen", "på", "forhånd", "for", "god", "morgen", "dag", "kveld", "lurer", "jeg",
	"bare", "spørsmål", "et", "kjapt", "rask", "hilsen", "mvh", "ps", "and", "the", "me", "i", "i'm", "im",
	"a", "an", "is", "was", "this", "my", "new", "here", "hope", "doing", "well", "you're", "your",
	"of", "with", "wondering", "if", "know", "anyone", "someone", "can", "could", "answer", "tell")

// stripChatter drops the sentences of a message that are all chatter
// ("Hi!", "Thanks in advance 🙂") and chatter words that open or close
// the question before its first content word ("hey, …").
func stripChatter(s string) string {
	sentences := splitSentences(s)
	var keep []string
	for _, sent := range sentences {
		if onlyChatter(sent) {
			continue
		}
		keep = append(keep, stripTag(stripLeadIn(trimFillers(sent))))
	}
	if len(keep) == 0 {
		// A message of chatter only ("hi!") stays as it was, for the
		// decline to handle.
		return s
	}
	return strings.Join(keep, " ")
}

// tagWords end a statement to make it a question ("it's legal now,
// right?"): the statement is what is asked.
var tagWords = set("right", "correct", "yeah", "true", "eh", "innit", "riktig", "sant")

// determiners open a noun phrase: the word after one is no tag.
var determiners = set("a", "an", "the", "my", "your", "our", "their", "its", "his", "her", "this", "that",
	"these", "those", "any", "some", "no", "every", "each")

// stripTag drops a tag word closing a statement of three words or more:
// "cannabis is legal now, right?" asks "cannabis is legal now?", and its
// "right" is no right to use anything.
func stripTag(sent string) string {
	body, ok := strings.CutSuffix(sent, "?")
	if !ok {
		return sent
	}
	i := strings.LastIndexAny(body, " ,")
	if i < 0 || !tagWords[strings.ToLower(body[i+1:])] {
		return sent
	}
	head := strings.TrimRight(body[:i], " ,")
	fs := strings.Fields(head)
	// "what is the right?" asks about a right: a tag follows a
	// statement's last word, never "the" or "my".
	if len(fs) < 3 || determiners[strings.ToLower(fs[len(fs)-1])] {
		return sent
	}
	return head + "?"
}

// stripLeadIn drops a chatty lead-in that ends in a colon before a
// question: "quick one: who founded it?", "One more: who is…",
// "Question: what is…". A lead-in of other words ("Medical cannabis: is it
// legal?") says what the question is about and stays.
func stripLeadIn(sent string) string {
	lead, rest, ok := strings.Cut(sent, ": ")
	if !ok || rest == "" {
		return sent
	}
	ws := words(strings.ToLower(lead))
	if len(ws) == 0 || len(ws) > 3 {
		return sent
	}
	for _, w := range ws {
		if !chatterWords[w] && !leadInWords[w] {
			return sent
		}
	}
	return rest
}

// leadInWords open a question in chat as "quick one:" or "one more:" do.
var leadInWords = set("one", "more", "another", "last", "check", "note", "followup", "follow-up", "also", "next",
	// "two questions:", "a couple of things:", before a list of them.
	"two", "three", "couple", "few", "questions", "things", "thing")

// fillerWords are the chatter words that are never part of a question
// ("hey", "quick", "thx"), unlike "is" or "you", which chatter shares with
// questions.
var fillerWords = set("hi", "hey", "hello", "hiya", "yo", "howdy", "greetings", "folks", "guys", "thanks",
	"thank", "thx", "ty", "tysm", "cheers", "pls", "plz", "please", "lol", "lmao", "haha", "hehe", "um", "uh",
	"hmm", "quick", "q", "urgent", "btw", "hei", "hallo", "heisann", "takk", "kjapt", "mvh", "ok", "okay", "so")

// trimFillers drops the chatter that opens or closes a sentence up to its
// last (or from its first) filler word: "quick q did the bill pass" reads
// "did the bill pass", "hey is it legal thanks" reads "is it legal".
func trimFillers(sent string) string {
	first, _, _ := strings.Cut(sent, " ")
	last := sent[strings.LastIndexByte(sent, ' ')+1:]
	if !anyFiller(first) && !anyFiller(last) && !strings.Contains(sent, ",") {
		// Fillers open or close a sentence, often before a comma: with
		// none at either end there is nothing to trim.
		return sent
	}
	fields := strings.Fields(sent)
	lower := func(f string) []string { return words(strings.ToLower(f)) }
	isChatter := func(f string) (chatter, filler bool) {
		ws := lower(f)
		if len(ws) == 0 {
			return true, false
		}
		chatter = true
		for _, w := range ws {
			chatter = chatter && chatterWords[w]
			filler = filler || fillerWords[w]
		}
		return chatter, filler
	}
	start := 0
	for i, f := range fields {
		chatter, filler := isChatter(f)
		if !chatter {
			break
		}
		if filler {
			start = i + 1
		}
	}
	end := len(fields)
	for i := len(fields) - 1; i >= start; i-- {
		chatter, filler := isChatter(fields[i])
		if !chatter {
			break
		}
		if filler {
			end = i
		}
	}
	if start >= end {
		return sent
	}
	out := strings.Join(fields[start:end], " ")
	// A question mark that closed the trimmed tail still closes it.
	if end < len(fields) && strings.HasSuffix(sent, "?") && !strings.HasSuffix(out, "?") {
		out += "?"
	}
	return out
}

func anyFiller(field string) bool {
	// Walked in place: this runs on two fields of every sentence.
	for w, rest := nextWord(field); w != ""; w, rest = nextWord(rest) {
		if fillerWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// onlyChatter reports a sentence with no words or chatter words only, as
// allChatter does its words, walking them in place.
func onlyChatter(sent string) bool {
	for w, rest := nextWord(sent); w != ""; w, rest = nextWord(rest) {
		if !chatterWords[withoutPossessive(strings.ToLower(w))] {
			return false
		}
	}
	return true
}

func allChatter(ws []string) bool {
	for _, w := range ws {
		if !chatterWords[w] {
			return false
		}
	}
	return true
}

// splitSentences cuts text after '.', '!' or '?' (runs of them included)
// followed by a space, and after a comma that ends a leading greeting.
// Decimal points ("1.5 g") and abbreviations inside words stay.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		end := i + n
		if r == '.' || r == '!' || r == '?' || r == ',' || r == ';' || r == ':' {
			for end < len(s) && strings.ContainsRune(".!?", rune(s[end])) {
				end++
			}
			if end == len(s) || s[end] == ' ' {
				piece := s[start:end]
				if r != ',' && r != ';' && r != ':' || onlyChatter(piece) {
					out = append(out, strings.TrimSpace(piece))
					start = end
				}
			}
		}
		i = end
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}
