package bot

import (
	"strings"
)

// Profile describes the subject an article is about: what to call it, the
// words that name it, what lies outside it, and questions to offer as
// examples. It comes as data beside the article (package corpus reads
// it); the bot's code knows only how questions are asked in a language.
// The zero Profile is a bot that knows nothing but its article: it calls
// the subject by the article's title, declines nothing as out of scope
// before searching, and draws its example questions from the sections.
type Profile struct {
	// Name is the subject in each language, for messages such as "I only
	// cover {subject}".
	Name map[string]string
	// Topic are words naming the subject itself ("cannabis", "weed"):
	// every question is about them, so they say little about which
	// passage answers one.
	Topic []string
	// Kind are generic words for the kind of thing the subject is
	// ("drug", "substance").
	Kind []string
	// Home are words naming the place the subject is about ("norway"):
	// never a reason to decline, and no help in choosing a passage.
	Home []string
	// OtherPlaces, OtherSubstances and OtherOffences are outside the
	// subject: questions naming them are declined, saying so. Ambiguous
	// places are also ordinary words ("us", "turkey") and count only when
	// written with a capital.
	OtherPlaces     []string
	AmbiguousPlaces []string
	OtherSubstances []string
	OtherOffences   []string
	// Examples are questions the bot answers, per language.
	Examples map[string][]string
	// Source is where the article comes from (publisher, URL, license);
	// its Title is the article's own.
	Source Attribution
}

// subject is a Profile prepared for reading questions.
type subject struct {
	names      map[string]string
	topic      wordSet
	kind       wordSet
	home       wordSet
	places     wordSet
	ambiguous  wordSet
	substances wordSet
	offences   wordSet
	examples   map[string][]string
}

func newSubject(p Profile) subject {
	lower := func(ws []string) wordSet {
		s := make(wordSet, len(ws))
		for _, w := range ws {
			s[strings.ToLower(strings.TrimSpace(w))] = true
		}
		return s
	}
	return subject{
		names: p.Name, topic: lower(p.Topic), kind: lower(p.Kind), home: lower(p.Home),
		places:    lower(append(append([]string{}, p.OtherPlaces...), p.AmbiguousPlaces...)),
		ambiguous: lower(p.AmbiguousPlaces), substances: lower(p.OtherSubstances),
		offences: lower(p.OtherOffences), examples: p.Examples,
	}
}

// isTopic reports whether a word names the subject or its kind.
func (s subject) isTopic(w string) bool { return s.topic[w] || s.kind[w] }

// otherPlace returns the first place outside the subject the question
// names, as written, or "".
func (s subject) otherPlace(original string) string {
	previous := ""
	for raw, rest := nextWord(original); raw != ""; raw, rest = nextWord(rest) {
		raw = withoutPossessive(raw)
		w := strings.ToLower(raw)
		after := previous
		previous = w
		if !s.places[w] || s.home[w] {
			continue
		}
		// The pronoun "us" never follows "the": "in the us" is the place,
		// however it is typed.
		if s.ambiguous[w] && (raw == w || (w == "us" && raw != "US")) && !(w == "us" && after == "the") {
			continue
		}
		return raw
	}
	return ""
}

// otherOffence returns the first offence outside the subject the question
// names, with the word after it when that belongs to it too ("drunk
// driving").
func (s subject) otherOffence(ws []string) string {
	for i, w := range ws {
		if !s.offences[w] {
			continue
		}
		if i+1 < len(ws) && s.offences[ws[i+1]] {
			return w + " " + ws[i+1]
		}
		return w
	}
	return ""
}

// otherSubstance returns the first substance outside the subject the
// question names, or "". A word that also names an offence ("speed")
// counts only when the subject itself is not named.
func (s subject) otherSubstance(ws []string) string {
	mentionsTopic := s.topic.any(ws)
	for _, w := range ws {
		if s.substances[w] && !(s.offences[w] && mentionsTopic) {
			return w
		}
	}
	return ""
}

// subjectName is what the bot calls its subject in lang: the profile's
// name, or the article's title.
func (b *Bot) subjectName(lang string) string {
	if n := b.subject.names[lang]; n != "" {
		return n
	}
	if n := b.subject.names[Languages[0]]; n != "" {
		return n
	}
	return b.article.Title
}

// Subject is what the bot covers, in lang: the profile's name for its
// subject, or the article's title.
func (b *Bot) Subject(lang string) string { return b.subjectName(lang) }

// msg is one of the bot's own sentences in lang, with the subject's name,
// the article's title and its address filled in.
func (b *Bot) msg(lang, key string, pairs ...string) string {
	pairs = append(pairs, "subject", b.subjectName(lang), "title", b.article.Attribution.Title,
		"url", b.article.Attribution.URL, "license", b.article.Attribution.License)
	return Message(lang, key, pairs...)
}

// neutral reports whether a word says nothing about which passage answers
// a question: a word of asking, or the subject's home.
func (b *Bot) neutral(w string) bool { return neutralWords[w] || b.subject.home[w] }

// hasForeignWords reports whether the question holds a word beyond how
// people ask about penalties and the subject.
func (b *Bot) hasForeignWords(ws []string) bool {
	for _, w := range ws {
		if !b.pw.all[w] && !b.subject.isTopic(w) && !b.subject.home[w] && !isNumber(w) {
			return true
		}
	}
	return false
}

// maxExamples caps the example questions offered with a decline;
// exampleTries caps the sections tried for them.
const (
	maxExamples  = 3
	exampleTries = 2 * maxExamples
)

// sectionExamples draws example questions from the article's sections,
// keeping those the bot answers, for a bot without a profile's examples.
// At most exampleTries sections are tried per language, so a long
// article does not cost an answer per section at load.
func (b *Bot) sectionExamples(answers func(question, lang string) bool) map[string][]string {
	out := map[string][]string{}
	for _, lang := range Languages {
		tried := 0
		for _, s := range b.article.Sections {
			if s == LeadSection {
				continue
			}
			if tried++; tried > exampleTries {
				break
			}
			q := Message(lang, "example_section", "section", s)
			if answers(q, lang) {
				out[lang] = append(out[lang], q)
			}
			if len(out[lang]) == maxExamples {
				break
			}
		}
	}
	return out
}
