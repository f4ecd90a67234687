package bot

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/internal/inflect"
)

// Answer types, in the TREC question-answering tradition: a question that
// asks when wants a date, one that asks how many wants a number, one that
// asks who wants a name. A sentence that matches the question's words but
// holds nothing of the asked-for type does not answer it ("How many people
// smoke cannabis?" is not answered by the sentence that only says cannabis
// is illegal), and among sentences that match, one that holds the type is
// the better answer.

// answerType is what kind of thing a question asks for.
type answerType int

const (
	typeAny      answerType = iota // no particular type ("is it legal?", "what happens if …")
	typeDate                       // when, what year, by what date
	typeCount                      // how many
	typeShare                      // what share, what percentage
	typeName                       // who, which organisation or party
	typeDuration                   // how long
	typeTime                       // what time, what hours
	typeAmount                     // how much: a number that is no year
	typeMoney                      // how much does it cost: a sum of money
	typeAge                        // what age, how old must one be: a person's age
)

// questionType reads the asked-for type from a question's English words
// (a Bokmål question has been read into English by then).
func questionType(ws []string) answerType {
	ws = withoutClitics(ws)
	if asksMoney(ws) {
		return typeMoney
	}
	if asksName(ws) {
		return typeName
	}
	focus := focusWord(ws)
	switch {
	case moneyNouns[focus]:
		// "What is the maximum fine…", "what's the fee": a sum.
		return typeMoney
	case dateNouns[focus]:
		return typeDate
	}
	switch focus {
	case "number", "numbers", "figure", "figures", "count", "total", "vote", "tally":
		// "What was the vote?" asks for its count ("by 112 votes to
		// 64"), not that there was one.
		return typeCount
	case "limit", "limits", "maximum", "minimum", "quota", "threshold":
		// "What is the THC limit?": a quantity, which a sentence
		// without a number does not give.
		return typeAmount
	case "age", "ages":
		// "What's the minimum age?": an age, which "for up to five
		// years" is not.
		return typeAge
	case "percentage", "percent", "share", "proportion", "rate":
		return typeShare
	case "time", "hours":
		return typeTime
	case "name", "names":
		return typeName
	}
	// Only the question's first question word asks: a later "who" or
	// "when" opens a clause ("What happens to people who keep getting
	// caught?", "What happens when the police find some?").
	asking := true
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		first := asking
		if questionWords[w] {
			asking = false
		}
		if dateNouns[w] && asksFor(ws, i) {
			return typeDate
		}
		switch w {
		case "when":
			if !first {
				continue
			}
			return typeDate
		case "number", "numbers", "figure", "amount":
			if asksFor(ws, i) || i+1 < len(ws) && ws[i+1] == "of" && i > 0 && ws[i-1] == "the" {
				return typeCount
			}
		case "how":
			switch next {
			case "many":
				return typeCount
			case "long":
				return typeDuration
			case "much":
				return typeAmount
			case "old":
				// "How old do you have to be?" asks an age; "how old
				// is the town?" when it began.
				if i+2 < len(ws) && (auxiliaries[ws[i+2]] || modalVerbs[ws[i+2]]) && !beVerbs[ws[i+2]] {
					return typeAge
				}
			}
		case "share", "percentage", "percent", "proportion", "fraction", "majority":
			if asksFor(ws, i) || i > 0 && ws[i-1] == "a" {
				return typeShare
			}
		case "who", "whom", "whose":
			if !first {
				continue
			}
			if w == "who" && i+2 < len(ws) && beVerbs[next] && !stopWords[ws[i+2]] && !questionAux[ws[i+2]] {
				// "Who was Orla Vennick?" asks who that is: the answer
				// describes the name the question gives.
				return typeAny
			}
			return typeName
		case "which", "what":
			if first && (nameNouns[next] || i+2 < len(ws) && nameNouns[ws[i+2]]) {
				return typeName
			}
		}
	}
	return typeAny
}

// withoutClitics reads a question word with a contracted verb as the
// question word: "when'd they hand it in?" asks when, as "how'll" asks how.
// Other words are left as they are ("don't" is no question word).
func withoutClitics(ws []string) []string {
	var out []string
	for i, w := range ws {
		j := strings.IndexAny(w, "'’")
		if j < 0 || !questionWords[w[:j]] {
			continue
		}
		if out == nil {
			out = slices.Clone(ws)
		}
		out[i] = w[:j]
	}
	if out == nil {
		return ws
	}
	return out
}

// dateNouns ask for a date where they are what a question asks for
// ("what year", "which exact day", "the deadline").
var dateNouns = set("year", "date", "deadline", "month", "day")

// asksFor reports whether ws[i] is what "what" or "which" asks for: right
// after it, or after one word between ("what exact date", "which
// specific year").
func asksFor(ws []string, i int) bool {
	for _, j := range []int{i - 1, i - 2} {
		if j >= 0 && (ws[j] == "what" || ws[j] == "which") {
			return true
		}
	}
	return false
}

// beVerbs are the forms of "be" that make "who is X?" ask about X.
var beVerbs = set("is", "was", "are", "were")

// questionWords open a question, or a clause inside one.
var questionWords = set("what", "which", "who", "whom", "whose", "when", "where", "why", "how")

// nameNouns are the nouns that make "which …" ask for a name.
var nameNouns = set("party", "parties", "organisation", "organisations", "organization", "organizations",
	"group", "groups", "person", "people", "politician", "politicians", "court", "body", "bodies", "agency",
	"institution", "institutions", "league", "movement", "association", "associations", "outfit", "outfits",
	"company", "companies", "firm", "firms", "minister", "ministers", "judge", "judges", "country", "countries",
	"town", "towns", "city", "cities", "university", "universities", "union", "unions", "club", "clubs")

// monthNames mark a date in English text.
var monthNames = set("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december")

// dayNames mark a date too: "which day is it closed?", "on Mondays".
var dayNames = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")

var quantityWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "hundred", "thousand", "million", "dozen", "several", "few", "half")

// heldTypes is what a sentence holds of each answer type. The gate asks it
// of every hit of every question, so the bot reads each passage once, when
// it is built, and a question only checks the names against its words.
type heldTypes struct {
	count, share, duration bool
	// money is a sum in a currency, read with the article's currencies
	// when the bot is built.
	money bool
	// age is a person's age: "16 years old", "aged 18", "under 30 years
	// of age", "children under 14".
	age bool
	// origin says the sentence tells of a beginning (the first holder,
	// the founding); present that it tells of now (the current one).
	origin, present bool
	// instances are the numbered or lettered things it names ("Class A").
	instances []instance
	// dates are its years, months and days of the week; lastYear the
	// latest year among them, "" when it names none.
	dates    []string
	lastYear string
	// counted are the words close to a number ("64 days", "three
	// apprentices", "deaths fell from 58"): what the numbers count.
	counted []string
	// clock is a time of day, which answers "when" as a date does.
	clock bool
	// names are the sentence's capitalised words that read as names,
	// lower-cased, its first word aside: a sentence opens with a capital
	// whatever its first word is.
	names []string
	// nameRuns are its names, each as its run of capitalised words
	// ("orla vennick", "festival of the flame").
	nameRuns [][]string
	// agentVerbs are the words a sentence may say someone did without
	// naming them: the word after "the" and a noun ("the government
	// created"), and those before "by the" and a noun ("set up by the
	// police").
	agentVerbs []string
	// called are the words it gives as a name in lower case ("called
	// osseline").
	called []string
	// lead is the first word, lower-cased, when it is capitalised: it
	// reads as a name once the sentence follows another.
	lead string
}

func readTypes(sentence string) heldTypes {
	var h heldTypes
	lower := strings.ToLower(sentence)
	ws := words(lower)
	for i, w := range ws {
		// afterAmount: the word before is a number or a quantity ("two").
		afterAmount := i > 0 && (isNumber(ws[i-1]) || quantityWords[ws[i-1]])
		switch {
		case isYear(w) || monthNames[w] || dayNames[w]:
			h.dates = append(h.dates, w)
			if isYear(w) && w > h.lastYear {
				h.lastYear = w
			}
		case w == "noon" || w == "midnight",
			(w == "am" || w == "pm" || w == "o'clock") && i > 0 && isNumber(ws[i-1]):
			h.clock = true
		case quantityWords[w] || isNumber(w) && !(i > 0 && monthNames[ws[i-1]]) && !(i+1 < len(ws) && monthNames[ws[i+1]]):
			h.count = true
		}
		if timeUnits[w] && afterAmount {
			h.duration = true
		}
		if (w == "hours" || w == "hour" || w == "minutes" || w == "minute") && afterAmount &&
			i+1 < len(ws) && (ws[i+1] == "before" || ws[i+1] == "after") {
			// A time set by an event: "two hours before high water".
			h.clock = true
		}
		if isNumber(w) && !isYear(w) || quantityWords[w] {
			// What a number counts stands near it, after ("64 days")
			// or before ("deaths fell from 58").
			for _, near := range append(ws[max(i-3, 0):i:i], ws[i+1:min(i+4, len(ws))]...) {
				if !stopWords[near] && !isNumber(near) {
					h.counted = append(h.counted, near)
				}
			}
		}
	}
	h.age = holdsAge(ws)
	h.share = strings.Contains(sentence, "%") || strings.Contains(lower, "percent")
	h.origin, h.present = originWords.any(ws), presentWords.any(ws)
	h.instances = instances(sentence)
	h.clock = h.clock || holdsClock(lower)
	runs, lead := capitalisedRuns(sentence)
	h.nameRuns, h.lead = runs, lead
	for _, run := range runs {
		for _, w := range run {
			if !isConnector(w) {
				h.names = append(h.names, w)
			}
		}
	}
	h.agentVerbs = agentVerbs(ws)
	h.called = calledNames(ws)
	return h
}

// calledNames are the words a sentence gives as something's name in lower
// case: "a blue-green glass called osseline", "a condition known as
// keeper's cough".
func calledNames(ws []string) []string {
	var out []string
	for i, w := range ws {
		next := i + 1
		if w == "known" && next < len(ws) && ws[next] == "as" {
			next++
		} else if w != "called" && w != "named" {
			continue
		}
		if next < len(ws) && !stopWords[ws[next]] && !isNumber(ws[next]) {
			out = append(out, ws[next])
		}
	}
	return out
}

// namesAnother reports a name of the sentence none of whose words is one
// of the question's: "Orla Vennick" is the name asked about in "who took
// over from Vennick?", not another.
func (h heldTypes) namesAnother(own func(string) bool) bool {
	for _, run := range h.nameRuns {
		if !slices.ContainsFunc(run, func(w string) bool { return !isConnector(w) && own(w) }) {
			return true
		}
	}
	return false
}

// then is what a sentence and the one after it hold together.
func (h heldTypes) then(next heldTypes) heldTypes {
	joined := heldTypes{
		count: h.count || next.count, clock: h.clock || next.clock,
		share: h.share || next.share, duration: h.duration || next.duration, money: h.money || next.money,
		age:    h.age || next.age,
		origin: h.origin || next.origin, present: h.present || next.present,
		instances:  append(append([]instance{}, h.instances...), next.instances...),
		dates:      append(append([]string{}, h.dates...), next.dates...),
		lead:       h.lead,
		names:      append(append([]string{}, h.names...), next.names...),
		nameRuns:   append(append([][]string{}, h.nameRuns...), next.nameRuns...),
		agentVerbs: append(append([]string{}, h.agentVerbs...), next.agentVerbs...),
		counted:    append(append([]string{}, h.counted...), next.counted...),
		called:     append(append([]string{}, h.called...), next.called...),
	}
	if next.lead != "" {
		joined.names = append(joined.names, next.lead)
	}
	return joined
}

// successionWords put a question's name before or after the one it asks
// about: "who was harbourmaster before Teodor Vance?".
var successionWords = set("before", "after", "preceded", "succeeded", "replaced", "from")

// asksSuccession reports "who" asking about whoever came before or after
// a name the question gives (isName tells a name's words, typed
// capitalised or not).
func asksSuccession(ws []string, isName func(string) bool) bool {
	if !slices.Contains(ws, "who") {
		return false
	}
	for i, w := range ws[:max(len(ws)-1, 0)] {
		if successionWords[w] && isName(ws[i+1]) {
			return true
		}
	}
	return false
}

// whoVerb is the verb right after a question's "who" ("who created the
// group?"), or "" when a form of "be" or an auxiliary follows it.
func whoVerb(ws []string) string {
	for i, w := range ws {
		if w == "who" && i+1 < len(ws) {
			next := ws[i+1]
			if questionAux[next] || stopWords[next] || modalVerbs[next] {
				return ""
			}
			return next
		}
	}
	return ""
}

// agentVerbs reads a sentence's words for the ones it may say someone
// did without naming them (see heldTypes.agentVerbs), once, when the bot
// is built.
func agentVerbs(ws []string) []string {
	var out []string
	for j := 2; j < len(ws); j++ {
		if ws[j-2] == "the" && !stopWords[ws[j-1]] {
			out = append(out, ws[j])
		}
	}
	for k := 1; k+2 < len(ws); k++ {
		if ws[k] == "by" && ws[k+1] == "the" && !stopWords[ws[k+2]] {
			out = append(out, ws[max(k-3, 0):k]...)
		}
	}
	return out
}

// namesAgent reports that the sentences say who did verb, named or not:
// "the government created a working group", "was set up by the police".
func (h heldTypes) namesAgent(verb string) bool {
	return slices.ContainsFunc(h.agentVerbs, func(w string) bool { return inflect.Same(w, verb) })
}

// holdsAge reports a sentence's words that give a person's age: a number
// of years old ("16 years old", "16-year-olds"), "aged 18", "age of 18",
// "30 years of age", or "under"/"over" a number that nothing measures
// ("children under 14 enter free", not "over 80 kg").
func holdsAge(ws []string) bool {
	amount := func(i int) bool { return i >= 0 && i < len(ws) && (isNumber(ws[i]) || quantityWords[ws[i]]) }
	for i, w := range ws {
		switch {
		case strings.Contains(w, "year-old"):
			return true
		case w == "old" && i >= 2 && (ws[i-1] == "years" || ws[i-1] == "year") && amount(i-2):
			return true
		case (w == "aged" || w == "age") && amount(i+1),
			w == "age" && i+2 < len(ws) && ws[i+1] == "of" && amount(i+2),
			w == "age" && i >= 3 && ws[i-1] == "of" && ws[i-2] == "years" && amount(i-3):
			return true
		case (w == "under" || w == "over") && amount(i+1):
			if i+2 >= len(ws) {
				return true
			}
			next := ws[i+2]
			if _, unit := unitGrams[next]; !unit && !timeUnits[next] && !rateWords[next] && !knownCurrencies[next] && !scaleWords[next] && !isNumber(next) {
				return true
			}
		}
	}
	return false
}

// holds reports whether h holds something of type t; for a name, one that
// own does not claim as the question's or the article's own.
func (h heldTypes) holds(t answerType, own func(string) bool) bool {
	switch t {
	case typeAny:
		return true
	case typeDate:
		// A date is an answer when it says more than the question:
		// "In March 2018…" tells nothing to "what day in March 2018?".
		if h.clock {
			return true
		}
		for _, d := range h.dates {
			if !own(d) {
				return true
			}
		}
		return false
	case typeTime:
		return h.clock
	case typeAmount:
		return h.count
	case typeMoney:
		return h.money
	case typeAge:
		return h.age
	case typeCount:
		return h.count
	case typeShare:
		return h.share
	case typeDuration:
		return h.duration
	case typeName:
		other := func(n string) bool { return !own(n) }
		return slices.ContainsFunc(h.names, other) || slices.ContainsFunc(h.called, other)
	}
	return false
}

// isYear reports a year as English text writes one: four digits with no
// separator, from 1000 ("founded in 1412") to 2199. A count of a thousand
// or more is written with a comma ("1,184").
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w >= "1000" && w <= "2199"
}

// holdsClock reports a time of day in lower-cased text: a number
// followed by "a.m." or "p.m." ("10 a.m.", "6p.m."), or hours and minutes
// ("18:30").
func holdsClock(lower string) bool {
	for i := 0; i < len(lower); i++ {
		if !isDigit(lower[i]) {
			continue
		}
		after := lower[i+1:]
		if len(after) >= 3 && after[0] == ':' && isDigit(after[1]) && isDigit(after[2]) {
			return true
		}
		after = strings.TrimLeft(after, " ")
		if strings.HasPrefix(after, "a.m.") || strings.HasPrefix(after, "p.m.") {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// countedNouns are the words a "how many" question counts: the first
// content words after it ("how many workers", "how many working
// furnaces"), or nil.
func countedNouns(ws []string) []string {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] != "how" || ws[i+1] != "many" {
			continue
		}
		var out []string
		for _, w := range ws[i+2 : min(i+4, len(ws))] {
			if stopWords[w] || questionAux[w] {
				break
			}
			out = append(out, w)
		}
		return out
	}
	return nil
}

// countsAny reports whether a sentence's numbers count one of nouns, by
// the word's stem: "workers" and "worker", "fines" and "fined".
func (h heldTypes) countsAny(nouns []string) bool {
	for _, n := range nouns {
		for _, c := range h.counted {
			if inflect.Same(n, c) {
				return true
			}
		}
	}
	return false
}

// auxiliaries open a yes-no question ("is it legal") or follow a
// question word ("when did it pass").
var auxiliaries = set("is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "will", "would",
	"can", "could")

// modalVerbs say what one must or may do ("how old must you be").
var modalVerbs = set("must", "should", "need", "needs", "may", "might", "shall")

// questionAux are the words between a question word and what it asks for.
var questionAux = union(auxiliaries, set("the", "a", "an", "'s", "s"))

// whatWords and whoWords are "what" and "who" as typed, contracted or
// not.
var (
	whatWords = set("what", "what's", "whats")
	whoWords  = set("who", "who's", "whos")
)

// asksName reports a question for what something is called: "what was
// the storm called?", "what is the flood known as?", "name the
// minister who…".
func asksName(ws []string) bool {
	if len(ws) > 2 && ws[0] == "name" && (ws[1] == "the" || ws[1] == "a" || ws[1] == "an") {
		return true
	}
	if len(ws) == 0 || !whatWords[ws[0]] {
		return false
	}
	last := ws[len(ws)-1]
	return last == "called" || last == "named" || len(ws) > 2 && ws[len(ws)-2] == "known" && last == "as"
}

// focusWord is the word naming what a question asks for: the noun right
// after its question word ("Which groups …"), or the last word of the
// phrase after "what is the …" ("What is the police phone number?" asks
// for a number, "Who is the party leader?" for a leader), or "".
func focusWord(ws []string) string {
	for i, w := range ws {
		existential := w == "there" && i > 0 && beVerbs[ws[i-1]]
		if !existential && !whatWords[w] && !whoWords[w] && w != "which" {
			continue
		}
		j := i + 1
		for j < len(ws) && questionAux[ws[j]] {
			j++
		}
		for existential && j < len(ws) && (ws[j] == "any" || ws[j] == "some") {
			j++
		}
		if !existential && j == i+1 && j < len(ws) && !stopWords[ws[j]] {
			// "which groups push for …": the noun right after the
			// question word is what it asks for.
			return ws[j]
		}
		focus := ""
		for ; j < len(ws) && !stopWords[ws[j]] && !questionAux[ws[j]]; j++ {
			focus = ws[j]
		}
		return focus
	}
	return ""
}

// pinnedYears are the years a question asks about ("in 2019", "2019's"),
// not the ones that bound it ("after 1953", "since 2015", "by 1690").
func pinnedYears(ws []string) map[string]bool {
	var out map[string]bool
	for i, w := range ws {
		if !isYear(w) || i > 0 && yearBounds[ws[i-1]] {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[w] = true
	}
	return out
}

// yearBounds make the year after them a bound rather than the time asked
// about.
var yearBounds = set("after", "before", "since", "until", "till", "by", "from", "between", "etter", "før", "siden", "fra", "innen")

// presentWords ask about, or tell of, now; originWords tell of a
// beginning: the first holder of a post, a founding.
var (
	presentWords = set("current", "currently", "today", "now", "nowadays", "presently")
	originWords  = set("first", "founder", "founders", "founded", "founding", "original", "originally",
		"initially", "former", "formerly")
)
