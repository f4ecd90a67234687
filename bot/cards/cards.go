// Package cards makes fact cards: a short, sourced card per topic that a
// moderator can post to settle a discussion. Every sentence on a card is
// quoted from the article or the penalty schedule; the only words of the
// bot's own are titles and range labels from the message catalogue.
package cards

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/edits"
	"github.com/factbot/factbot/internal/inflect"
)

// Topics besides the article's sections, present when the corpus has a
// penalty schedule.
const (
	TopicPenalties   = "penalties"
	TopicPersonalUse = "personal use"
)

// ErrUnknownTopic is returned (wrapped in *UnknownTopicError) for a topic
// no card matches.
var ErrUnknownTopic = errors.New("unknown fact card topic")

// UnknownTopicError carries the topic asked for and the topics there are,
// for the "unknown topic" reply.
type UnknownTopicError struct {
	Topic  string
	Topics []string
}

func (e *UnknownTopicError) Error() string {
	return fmt.Sprintf("%v %q (topics: %s)", ErrUnknownTopic, e.Topic, strings.Join(e.Topics, ", "))
}

// Is makes errors.Is(err, ErrUnknownTopic) true.
func (e *UnknownTopicError) Is(target error) bool { return target == ErrUnknownTopic }

// Card is a platform-neutral fact card. Adapters render it (Discord: an
// embed with Fields as inline fields; Slack: a section block with fields);
// they never change what it says.
type Card struct {
	// Topic is the canonical topic, one of Topics().
	Topic string `json:"topic"`
	Title string `json:"title"`
	// Note, when not empty, goes before Text: in Bokmål it says the quote
	// is in English.
	Note string `json:"note,omitempty"`
	// Text is quoted from the article (section cards) or the penalty
	// schedule (penalties, personal use).
	Text string `json:"text"`
	// Fields are table rows: for penalty cards one per tier, Name the
	// amount range and Value the penalty.
	Fields []CardField `json:"fields,omitempty"`
	// Section is the article section the card quotes ("Enforcement").
	Section string       `json:"section"`
	Sources []bot.Source `json:"sources"`
	// LegalNotice is set on cards about penalties: renderers add
	// bot.Message(lang, "not_legal_advice").
	LegalNotice bool            `json:"legal_notice"`
	Attribution bot.Attribution `json:"attribution"`
	Lang        string          `json:"lang"`
}

// CardField is one row of a card's table.
type CardField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// SourceLine is the card's attribution line, as on answers:
// "Enforcement · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)". Renderers
// link it to bot.Attribution.URL.
func (c Card) SourceLine() string {
	return bot.Answer{Sources: []bot.Source{{Section: c.Section}}, Attribution: c.Attribution}.SourceLine()
}

// Maker makes the cards of one article and its penalty schedule.
type Maker struct {
	article  bot.Article
	schedule bot.Schedule
	bot      *bot.Bot
}

// New makes the cards of the article b answers from, reading Bokmål
// topics through b's term list.
func New(b *bot.Bot) *Maker {
	return &Maker{article: b.Article(), schedule: b.Schedule(), bot: b}
}

// Topics lists the fact card topics: the article's sections in article
// order, then "penalties" and "personal use" when there is a penalty
// schedule.
func (m *Maker) Topics() []string {
	topics := slices.Clone(m.article.Sections)
	if len(m.schedule.Tiers) > 0 {
		topics = append(topics, TopicPenalties, TopicPersonalUse)
	}
	return topics
}

// MatchTopics returns the topics whose name (or title in any language)
// contains prefix as a word prefix, for autocomplete; all topics for an
// empty prefix.
func (m *Maker) MatchTopics(prefix string) []string {
	if len(prefix) > maxTopicBytes {
		return nil
	}
	p := normalizeTopic(prefix)
	if p == "" {
		return m.Topics()
	}
	var out []string
	for _, t := range m.Topics() {
		for _, name := range m.topicNames(t) {
			if wordPrefix(name, p) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// maxTopicBytes bounds a topic before any work: topic names are a few
// words, and matching compares (with edit distances and, in Bokmål, the
// compound splitter) against every name, so a topic of 60,000 letters
// would otherwise cost seconds of CPU.
const maxTopicBytes = 200

// ResolveTopic finds the topic a user meant: case and punctuation do not
// matter, nor singular or plural ("penalty"), a word prefix ("medical" for
// "Medical use"), a small typo, or Bokmål ("straff"). ok is false when
// nothing or more than one topic matches.
func (m *Maker) ResolveTopic(topic string) (string, bool) {
	if len(topic) > maxTopicBytes {
		return "", false
	}
	q := normalizeTopic(topic)
	if q == "" {
		return "", false
	}
	if t, ok := m.resolve(q); ok {
		return t, true
	}
	for _, lang := range bot.Languages {
		if tr, ok := m.bot.Translator(lang); ok {
			if t, ok := m.resolve(normalizeTopic(tr.Translate(q))); ok {
				return t, true
			}
		}
	}
	return "", false
}

func (m *Maker) resolve(q string) (string, bool) {
	topics := m.Topics()
	// Each pass is looser than the one before; the first pass with exactly
	// one topic wins.
	passes := []func(name string) bool{
		func(name string) bool { return name == q },
		func(name string) bool { return singular(name) == singular(q) },
		func(name string) bool { return wordPrefix(name, q) || wordPrefix(singular(name), singular(q)) },
		func(name string) bool {
			return len([]rune(q)) >= 5 && edits.Within(singular(name), singular(q), 2) <= 2
		},
	}
	for _, match := range passes {
		var found []string
		for _, t := range topics {
			for _, name := range m.topicNames(t) {
				if match(name) {
					found = append(found, t)
					break
				}
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
		if len(found) > 1 {
			return "", false
		}
	}
	return "", false
}

// topicNames are the normalised names a topic answers to.
func (m *Maker) topicNames(topic string) []string {
	names := []string{normalizeTopic(topic)}
	key := titleKey(topic)
	if key == "" {
		return names
	}
	for _, lang := range bot.Languages {
		if n := normalizeTopic(bot.Message(lang, key)); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

func titleKey(topic string) string {
	switch topic {
	case TopicPenalties:
		return "card_penalties_title"
	case TopicPersonalUse:
		return "card_personal_use_title"
	}
	return ""
}

// Card returns the fact card for topic in lang ("" or unknown means
// English). An unknown topic gives an *UnknownTopicError listing the
// topics; adapters reply with UnknownTopicText.
func (m *Maker) Card(topic, lang string) (Card, error) {
	if !slices.Contains(bot.Languages, lang) {
		lang = bot.Languages[0]
	}
	t, ok := m.ResolveTopic(topic)
	if !ok {
		return Card{}, &UnknownTopicError{Topic: topic, Topics: m.Topics()}
	}
	var c Card
	switch t {
	case TopicPenalties:
		c = m.penaltiesCard(lang)
	case TopicPersonalUse:
		c = m.personalUseCard(lang)
	default:
		c = m.sectionCard(t, lang)
	}
	c.Topic, c.Lang, c.Attribution = t, lang, m.article.Attribution
	if c.Sources == nil {
		c.Sources = []bot.Source{}
	}
	if len(c.Sources) > 0 && c.Section == "" {
		c.Section = c.Sources[0].Section
	}
	return c, nil
}

// TopicsText is the reply to /facts without a topic: the topics, in lang.
func (m *Maker) TopicsText(lang string) string {
	return bot.Message(lang, "card_topics", "topics", strings.Join(m.Topics(), ", "))
}

// UnknownTopicText is the (ephemeral) reply to /facts with a topic no card
// matches: it names the topic and lists the topics, in lang.
func (m *Maker) UnknownTopicText(lang, topic string) string {
	return bot.Message(lang, "card_unknown_topic", "topic", topic, "topics", strings.Join(m.Topics(), ", "))
}

// Cards returns every topic's card, in Topics() order.
func (m *Maker) Cards(lang string) []Card {
	var out []Card
	for _, t := range m.Topics() {
		if c, err := m.Card(t, lang); err == nil {
			out = append(out, c)
		}
	}
	return out
}

// Maximum sentences on a section card, and the length past which a third
// sentence is left off.
const (
	cardSentences = 3
	cardLongText  = 450
)

func (m *Maker) sectionCard(section, lang string) Card {
	c := Card{Title: section, Section: section, Note: bot.Message(lang, "passage_lead")}
	var texts []string
	length := 0
	for _, p := range m.article.Passages {
		if p.Section != section {
			continue
		}
		if len(texts) >= cardSentences || (len(texts) >= 2 && length+len(p.Text) > cardLongText) {
			break
		}
		texts = append(texts, p.Text)
		length += len(p.Text) + 1
		c.Sources = append(c.Sources, bot.Source{Section: section, Text: p.Text})
		if m.isScheduleQuote(section, p.Text) {
			c.LegalNotice = true
		}
	}
	c.Text = strings.Join(texts, " ")
	return c
}

// isScheduleQuote reports whether a sentence is one the penalty schedule
// rests on: a card quoting it is about penalties.
func (m *Maker) isScheduleQuote(section, text string) bool {
	for _, t := range m.schedule.Tiers {
		for _, q := range t.Quotes {
			if q.Section == section && q.Text == text {
				return true
			}
		}
	}
	return false
}

func (m *Maker) penaltiesCard(lang string) Card {
	c := Card{Title: bot.Message(lang, "card_penalties_title"), LegalNotice: true}
	for _, t := range m.schedule.Tiers {
		c.Fields = append(c.Fields, CardField{Name: t.Label(lang), Value: bot.Localized(t.Penalty, lang)})
	}
	if f, ok := m.schedule.Facts[bot.FactOverview]; ok {
		c.Text = bot.Localized(f.Answer, lang)
		c.Sources = slices.Clone(f.Quotes)
	} else {
		for _, t := range m.schedule.Tiers {
			for _, q := range t.Quotes {
				if !slices.Contains(c.Sources, q) {
					c.Sources = append(c.Sources, q)
				}
			}
		}
	}
	return c
}

func (m *Maker) personalUseCard(lang string) Card {
	c := Card{Title: bot.Message(lang, "card_personal_use_title"), LegalNotice: true}
	first := m.schedule.Tiers[0]
	c.Fields = []CardField{{Name: first.Label(lang), Value: bot.Localized(first.Penalty, lang)}}
	if f, ok := m.schedule.Facts[bot.FactLimit]; ok {
		c.Text = bot.Localized(f.Answer, lang)
		c.Sources = slices.Clone(f.Quotes)
	} else {
		c.Sources = slices.Clone(first.Quotes)
	}
	return c
}

// normalizeTopic lower-cases s and keeps only letters and digits, words
// separated by single spaces.
func normalizeTopic(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// singular drops an English plural ending from each word.
func singular(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = inflect.Singular(w)
	}
	return strings.Join(ws, " ")
}

// wordPrefix reports whether each word of q starts the word of name in
// the same place ("med" and "medical" for "medical use"; "reform" for
// "reform efforts"). Prefixes shorter than three letters do not count.
func wordPrefix(name, q string) bool {
	if len([]rune(q)) < 3 {
		return false
	}
	nw, qw := strings.Fields(name), strings.Fields(q)
	if len(qw) > len(nw) {
		return false
	}
	for i, w := range qw {
		if !strings.HasPrefix(nw[i], w) {
			return false
		}
	}
	return true
}
