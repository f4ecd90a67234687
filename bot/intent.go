package bot

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAmountsAnswered caps how many amounts one answer walks through.
const maxAmountsAnswered = 3

// penalty answers questions the penalty schedule answers directly: an
// amount, or a penalty fact without one. ok is false when the question is
// not one of those.
func (b *Bot) penalty(question string, r reading) (Answer, bool) {
	amounts, problems := ParseAmounts(r.original, r.lang)
	if len(amounts) == 0 && len(problems) == 0 {
		amounts = b.namedAmounts(r.words)
	}
	if b.pw.price.any(r.words) || anyPhrase(r.words, "how much is a", "how much is an", "how much for a", "how much for an") {
		if len(amounts) > 0 {
			// "How much does a gram cost?" asks the price of an
			// amount, which a penalty table never gives and the
			// nearest sentence about that amount would seem to.
			return b.decline(question, r.lang, IntentNone, "off_topic", ""), true
		}
		// "How much is the fine?" may be a passage's to answer.
		return Answer{}, false
	}
	if len(amounts) > 0 && asksConversion(r.words) {
		// "How many grams in a kilo?" is arithmetic, which no
		// sentence of the article answers either.
		return b.decline(question, r.lang, IntentNone, "off_topic", ""), true
	}
	if len(amounts) > 0 || len(problems) > 0 {
		return b.amountAnswer(question, r.lang, amounts, problems), true
	}
	// Amounts without a number are looked for in the words as typed, so
	// the answer quotes them back as asked, then in their English.
	penaltyTalk := b.pw.penalty.any(r.words)
	subject := b.subjectWord(r.lang)
	readings := [][]string{r.typed, r.words}
	if slices.Equal(r.typed, r.words) {
		readings = readings[:1] // nothing was read through a term list
	}
	for _, ws := range readings {
		if c, ok := findCountedUnit(ws, r.lang, b.countable, subject); ok && (c.counted || c.ofSubject || penaltyTalk) {
			return b.countedAnswer(question, r.lang, c), true
		}
		// A vague count of a unit ("a couple of kilos") is an amount as
		// "2 kilos" is. Unlike those, "a little" is often an aside in a
		// question about something else ("can they search my phone if I
		// have a little?"): it is an amount question only when the rest
		// is penalty talk.
		if v, ok := findVagueAmount(ws, r.lang, subject, penaltyTalk || b.pw.possession.any(r.words)); ok && (v.Least != nil || !b.hasForeignWords(withoutAmountWords(r.words))) {
			return b.vagueAnswer(question, r.lang, v), true
		}
	}
	if !b.countsPenaltyMeasure(countedNouns(r.words)) {
		// "How many people are in prison for drug offences?" counts
		// people, which no penalty fact does.
		return Answer{}, false
	}
	key := b.factIntent(r.words)
	if key == "" || b.hasForeignWords(r.words) {
		// Words beyond how people ask about penalties ("can the police
		// search my home for a personal amount?") are for the passages.
		return Answer{}, false
	}
	f, ok := b.schedule.Facts[key]
	if !ok {
		return Answer{}, false
	}
	return b.answer(question, r.lang, IntentLimit, b.localized(f.Answer, r.lang, f.Quotes), f.Quotes, true), true
}

// countsPenaltyMeasure reports whether what a "how many" counts is a
// measure the penalty facts give (years, grams, the schedule's units), or
// the question counts nothing.
func (b *Bot) countsPenaltyMeasure(counted []string) bool {
	if len(counted) == 0 {
		return true
	}
	for _, w := range counted {
		if _, unit := unitGrams[w]; unit || timeUnits[w] || b.countable[w] {
			return true
		}
	}
	return false
}

func (b *Bot) amountAnswer(question, lang string, amounts []Amount, problems []AmountProblem) Answer {
	var parts []string
	var sources []Source
	if len(amounts) > 1 {
		parts = append(parts, Message(lang, "amounts_count", "n", strconv.Itoa(len(amounts))))
	}
	for i, a := range amounts {
		if i == maxAmountsAnswered {
			parts = append(parts, Message(lang, "amounts_capped", "n", strconv.Itoa(maxAmountsAnswered)))
			break
		}
		tierFor := b.schedule.TierFor
		if a.Above {
			tierFor = b.schedule.TierAbove
		}
		t, ok := tierFor(a.Grams)
		if !ok {
			// Validate guarantees contiguous tiers from 0 g, so a
			// positive amount always has one; stay honest if not.
			problems = append(problems, AmountProblem{Text: a.Text, Reason: "no_tier"})
			continue
		}
		text := strings.ReplaceAll(b.localized(t.Answer, lang, nil), "{amount}", describeAmount(a, lang))
		parts = append(parts, capitalize(text))
		sources = appendSources(sources, t.Quotes...)
	}
	for _, p := range problems {
		parts = append(parts, Message(lang, p.Reason, "amount", p.Text))
	}
	if lang != "en" && len(sources) > 0 {
		parts = append(parts, Message(lang, "quote", "text", sources[0].Text))
	}
	text := strings.Join(parts, " ")
	if len(sources) == 0 {
		return b.decline(question, lang, IntentPenalty, "bad_amount", text+" "+Message(lang, "ask_real_amount"))
	}
	return b.answer(question, lang, IntentPenalty, text, sources, true)
}

// namedAmounts are the amounts a question names in the subject's slang
// (Schedule.Named): "an eighth", "a zip". The word counts after "a", "an"
// or "one" and not before a unit ("a quarter kilo" is the parser's).
func (b *Bot) namedAmounts(ws []string) []Amount {
	if len(b.schedule.Named) == 0 {
		return nil
	}
	var out []Amount
	for i := 1; i < len(ws); i++ {
		g, ok := b.schedule.Named[ws[i]]
		if !ok || ws[i-1] != "a" && ws[i-1] != "an" && ws[i-1] != "one" {
			continue
		}
		if i+1 < len(ws) && unitGrams[ws[i+1]] != nil {
			continue
		}
		out = append(out, Amount{Text: ws[i-1] + " " + ws[i], Grams: g, Converted: true})
	}
	return out
}

// subjectWord reports whether a word names what the subject is about, in
// English or, read through its term list, in lang.
func (b *Bot) subjectWord(lang string) func(string) bool {
	t := b.translators[lang]
	return func(w string) bool {
		if b.subject.isTopic(w) {
			return true
		}
		return t != nil && b.subject.isTopic(strings.ToLower(strings.TrimSpace(t.Translate(w))))
	}
}

// countedAnswer declines a question about joints, plants or bags: the
// article counts by weight, so it says that, with the tiers' bounds,
// rather than guess what they weigh.
func (b *Bot) countedAnswer(question, lang string, c countedUnit) Answer {
	var tiers []string
	var sources []Source
	for _, t := range b.schedule.Tiers {
		tiers = append(tiers, lowerFirst(t.Label(lang))+": "+Localized(t.Penalty, lang))
		if len(t.Quotes) > 0 {
			sources = appendSources(sources, t.Quotes[0])
		}
	}
	text := Message(lang, "counted_by_weight", "amount", c.text, "tiers", strings.Join(tiers, "; "))
	// The article cannot say what three joints cost: a decline, which
	// says why and shows the tiers it does give, with their sources.
	a := b.decline(question, lang, IntentPenalty, "by_weight", text)
	a.Sources = sources
	a.LegalNotice = true
	return a
}

// vagueAnswer answers an amount given without a number from the tier its
// words can only fall in, and says how it read them; words that could
// fall in two tiers get no tier.
func (b *Bot) vagueAnswer(question, lang string, v VagueAmount) Answer {
	t := b.schedule.Tiers[0]
	var note string
	if v.Least == nil {
		note = Message(lang, "vague_small", "amount", v.Text, "range", "")
	} else {
		from, to := strconv.FormatInt(v.least, 10), strconv.FormatInt(v.most, 10)
		lo, okLo := b.schedule.TierFor(v.Least)
		hi, okHi := b.schedule.TierFor(v.Most)
		switch {
		case !okLo || !okHi || lo.Name != hi.Name:
			return b.decline(question, lang, IntentPenalty, "bad_amount",
				Message(lang, "vague_spans", "amount", v.Text, "from", from, "to", to, "unit", v.unit)+" "+Message(lang, "ask_real_amount"))
		case lo.Name == t.Name:
			note = Message(lang, "vague_small", "amount", v.Text,
				"range", Message(lang, "vague_range", "from", from, "to", to, "unit", v.unit))
		default:
			t = lo
			note = Message(lang, "vague_about", "amount", v.Text, "from", from, "to", to, "unit", v.unit)
		}
	}
	parts := []string{note, capitalize(strings.ReplaceAll(b.localized(t.Answer, lang, nil), "{amount}", v.Text))}
	if lang != "en" && len(t.Quotes) > 0 {
		parts = append(parts, Message(lang, "quote", "text", t.Quotes[0].Text))
	}
	return b.answer(question, lang, IntentPenalty, strings.Join(parts, " "), t.Quotes, true)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// localized picks the text for lang, falling back to English. Outside
// English the article's own sentence follows, so the answer stays sourced
// word for word.
func (b *Bot) localized(texts map[string]string, lang string, quotes []Source) string {
	text := Localized(texts, lang)
	if texts[lang] == "" {
		return text // English: its own sentence is the article's
	}
	if len(quotes) > 0 && lang != "en" {
		text += " " + Message(lang, "quote", "text", quotes[0].Text)
	}
	return text
}

// describeAmount shows the amount as given, with its weight when the unit
// was neither grams nor kilos: "2 oz ≈ 56.7 g", "3 pounds ≈ 1.4 kg". In
// other languages than English it shows the weight alone, with a decimal
// comma, since the question was read through a term list.
func describeAmount(a Amount, lang string) string {
	w, approx := weightText(a.Grams)
	if lang != "en" {
		w = strings.Replace(w, ".", ",", 1)
		if approx {
			w = "ca. " + w
		}
		if a.Above {
			w = "over " + w
		}
		return w
	}
	if !a.Converted {
		return a.Text
	}
	sign := "="
	if approx {
		sign = "≈"
	}
	return fmt.Sprintf("%s %s %s", a.Text, sign, w)
}

// weightText shows grams in g, or in kg from a kilo up, to the gram:
// "1000000 g" reads more easily as "1000 kg", "1360.8 g" as "1.361 kg".
func weightText(grams *big.Rat) (text string, approx bool) {
	if grams.Cmp(big.NewRat(1000, 1)) >= 0 {
		text, approx = formatDecimal(new(big.Rat).Quo(grams, big.NewRat(1000, 1)), 3)
		return text + " kg", approx
	}
	text, approx = FormatGrams(grams)
	return text + " g", approx
}

func appendSources(have []Source, add ...Source) []Source {
	for _, s := range add {
		dup := false
		for _, h := range have {
			if h == s {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, s)
		}
	}
	return have
}

// factAnchors are factIntent's own words that each of its cases needs
// one of besides the penalty table's: "personal use", "own use", "at
// most", "first offence", and "offender"/"caught" for repeat offending.
var factAnchors = set("personal", "own", "most", "first", "first-time", "first-timer", "offender", "offenders",
	"offence", "offense", "caught")

// factIntent recognises penalty questions without an amount and returns
// the Schedule.Facts key that answers them, or "".
func (b *Bot) factIntent(ws []string) string {
	pw := b.pw
	if !pw.anchors.any(ws) {
		// Most questions are for the passages: none of the cases below
		// can hold without one of these words.
		return ""
	}
	penalty := pw.penalty.any(ws)
	personal := anyPhrase(ws, "personal use", "personal amount", "own use", "personal consumption", "personal possession")
	howMuch := anyPhrase(ws, "how much", "how many grams", "how many g", "how many ounces", "how many kilos", "what amount", "which amount", "how big")
	limitNoun := pw.limit.any(ws)
	carry := pw.possession.any(ws) || pw.allowed.any(ws)
	small := anyPhrase(ws, "small amount", "small amounts", "small quantity", "small quantities", "little bit", "tiny amount", "bit of")
	counts := pw.counts.any(ws)

	switch {
	case personal && (limitNoun || howMuch || counts || pw.maximum.any(ws) || anyPhrase(ws, "amount", "quantity", "allowed", "what")):
		return FactLimit
	case howMuch && carry && !anyPhrase(ws, "how much time", "how much prison", "how much jail", "how many years"):
		return FactLimit
	case limitNoun && (pw.possession.any(ws) || b.subject.topic.any(ws) || anyPhrase(ws, "legal", "grams", "amount", "possession")):
		return FactLimit
	case small && counts:
		return FactLimit
	case pw.maximum.any(ws) && (pw.sentence.any(ws) || anyPhrase(ws, "can you get", "could you get", "can i get")):
		return FactMaximum
	case anyPhrase(ws, "the most", "at most") && (pw.sentence.any(ws) || anyPhrase(ws, "you get", "you can get", "can you get", "could you get", "can i get", "i can get", "one can get")):
		return FactMaximum
	case pw.minimum.any(ws) && pw.sentence.any(ws):
		return FactMinimum
	case (b.repeated(ws) && (penalty || anyPhrase(ws, "offender", "offenders", "offence", "offense", "caught"))) ||
		(pw.dealer.any(ws) && (penalty || anyPhrase(ws, "what", "face", "risk"))):
		return FactRepeat
	case anyPhrase(ws, "first-time", "first time", "first offence", "first offense", "first-time offender", "first timer", "first-timer") && (penalty || small || anyPhrase(ws, "offender", "offenders", "what")):
		return FactFirstTime
	case small && penalty:
		return FactFirstTime
	}
	// "What kind of fine…" asks what the fine is like, which a passage
	// says and the table does not.
	if penalty && b.onlyPenaltyTalk(ws) && !anyPhrase(ws, "kind of", "type of", "sort of") {
		return FactOverview
	}
	return ""
}

// onlyPenaltyTalk reports whether every content word of the question is
// about penalties, cannabis or possession, so the whole table answers it
// ("what are the penalties for weed possession?").
func (b *Bot) onlyPenaltyTalk(ws []string) bool {
	// "Penalties?" alone asks for the whole table too.
	subject := b.pw.nouns.any(ws)
	for _, w := range ws {
		switch {
		case b.subject.isTopic(w) || b.pw.possession[w]:
			subject = true
		case b.pw.penalty[w] || b.neutral(w) || stopWords[w]:
		case b.pw.overview[w]:
		default:
			return false
		}
	}
	return subject
}

// stopWords are function words; the retrieval side gets its own from the
// analyzer, the intent layer needs a few.
var stopWords = set("a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
	"what", "which", "who", "whom", "how", "why", "when", "where", "for", "of", "in", "on", "at", "to",
	"from", "by", "about", "and", "or", "if", "i", "you", "we", "they", "it", "he", "she", "me", "my",
	"your", "our", "their", "its", "this", "that", "these", "those", "with", "as", "any", "some", "in",
	"into", "there", "here", "then", "than", "so", "s", "t", "don't", "doesn't", "isn't", "aren't", "not",
	"no", "yes", "up", "out", "over", "under", "per", "all", "just", "only", "very", "too", "again", "am",
	// The rest of the personal pronouns ("caught with a little for
	// myself"), but "us", which is also the United States.
	"mine", "myself", "yours", "yourself", "yourselves", "him", "his", "himself", "her", "hers", "herself",
	"itself", "ours", "ourselves", "them", "theirs", "themselves")

func isNumber(w string) bool {
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return w != ""
}

// repeated reports whether the question is about offending more than once.
func (b *Bot) repeated(ws []string) bool {
	return b.pw.repeat.any(ws) || anyPhrase(ws, "second time", "third time", "second offence", "second offense", "multiple times", "many times", "more than once")
}

// asksConversion reports whether a question asks to convert between units
// ("how many grams in a kilo?", "what's 10 kg in pounds?") rather than
// about an amount of cannabis.
func asksConversion(ws []string) bool {
	for i, w := range ws {
		if _, ok := unitGrams[w]; !ok {
			continue
		}
		if i > 0 && (ws[i-1] == "many" || ws[i-1] == "in" || ws[i-1] == "into") && !(i+1 < len(ws) && isNumber(ws[i+1])) {
			// A unit with no number of its own: the unit converted to.
			if i < 2 || !isNumber(ws[i-2]) {
				return true
			}
		}
	}
	return false
}

// capitalize upper-cases the first letter of a sentence that starts with
// an amount as the user typed it ("half a kilo = 500 g is …").
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
