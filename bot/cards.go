package bot

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"unicode"
)

// Fact cards: a short, sourced card per topic that a moderator can post to
// settle a discussion. Every sentence on a card is quoted from the article
// or the penalty schedule; the only words of the bot's own are titles and
// range labels from messages.toml.

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
	Section string   `json:"section"`
	Sources []Source `json:"sources"`
	// LegalNotice is set on cards about penalties: renderers add
	// Message(lang, "not_legal_advice").
	LegalNotice bool        `json:"legal_notice"`
	Attribution Attribution `json:"attribution"`
	Lang        string      `json:"lang"`
}

// CardField is one row of a card's table.
type CardField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// SourceLine is the card's attribution line, as on answers:
// "Enforcement · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)". Renderers
// link it to Attribution.URL.
func (c Card) SourceLine() string {
	return Answer{Sources: []Source{{Section: c.Section}}, Attribution: c.Attribution}.SourceLine()
}

// Topics lists the fact card topics: the article's sections in article
// order, then "penalties" and "personal use" when there is a penalty
// schedule.
func (b *Bot) Topics() []string {
	topics := slices.Clone(b.article.Sections)
	if len(b.schedule.Tiers) > 0 {
		topics = append(topics, TopicPenalties, TopicPersonalUse)
	}
	return topics
}

// MatchTopics returns the topics whose name (or title in any language)
// contains prefix as a word prefix, for autocomplete; all topics for an
// empty prefix.
func (b *Bot) MatchTopics(prefix string) []string {
	p := normalizeTopic(prefix)
	if p == "" {
		return b.Topics()
	}
	var out []string
	for _, t := range b.Topics() {
		for _, name := range b.topicNames(t) {
			if wordPrefix(name, p) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// ResolveTopic finds the topic a user meant: case and punctuation do not
// matter, nor singular or plural ("penalty"), a word prefix ("medical" for
// "Medical use"), a small typo, or Bokmål ("straff"). ok is false when
// nothing or more than one topic matches.
func (b *Bot) ResolveTopic(topic string) (string, bool) {
	q := normalizeTopic(topic)
	if q == "" {
		return "", false
	}
	if t, ok := b.resolve(q); ok {
		return t, true
	}
	for _, lang := range Languages {
		if tr, ok := b.translators[lang]; ok {
			if t, ok := b.resolve(normalizeTopic(tr.Translate(q))); ok {
				return t, true
			}
		}
	}
	return "", false
}

func (b *Bot) resolve(q string) (string, bool) {
	topics := b.Topics()
	// Each pass is looser than the one before; the first pass with exactly
	// one topic wins.
	passes := []func(name string) bool{
		func(name string) bool { return name == q },
		func(name string) bool { return singular(name) == singular(q) },
		func(name string) bool { return wordPrefix(name, q) || wordPrefix(singular(name), singular(q)) },
		func(name string) bool {
			return len([]rune(q)) >= 5 && editDistance(singular(name), singular(q)) <= 2
		},
	}
	for _, match := range passes {
		var found []string
		for _, t := range topics {
			for _, name := range b.topicNames(t) {
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
func (b *Bot) topicNames(topic string) []string {
	names := []string{normalizeTopic(topic)}
	key := titleKey(topic)
	if key == "" {
		return names
	}
	for _, lang := range Languages {
		if n := normalizeTopic(Message(lang, key)); !slices.Contains(names, n) {
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
func (b *Bot) Card(topic, lang string) (Card, error) {
	if _, ok := defaultCatalog[lang]; !ok {
		lang = Languages[0]
	}
	t, ok := b.ResolveTopic(topic)
	if !ok {
		return Card{}, &UnknownTopicError{Topic: topic, Topics: b.Topics()}
	}
	var c Card
	switch t {
	case TopicPenalties:
		c = b.penaltiesCard(lang)
	case TopicPersonalUse:
		c = b.personalUseCard(lang)
	default:
		c = b.sectionCard(t, lang)
	}
	c.Topic, c.Lang, c.Attribution = t, lang, b.article.Attribution
	if c.Sources == nil {
		c.Sources = []Source{}
	}
	if len(c.Sources) > 0 && c.Section == "" {
		c.Section = c.Sources[0].Section
	}
	return c, nil
}

// TopicsText is the reply to /facts without a topic: the topics, in lang.
func (b *Bot) TopicsText(lang string) string {
	return Message(lang, "card_topics", "topics", strings.Join(b.Topics(), ", "))
}

// UnknownTopicText is the (ephemeral) reply to /facts with a topic no card
// matches: it names the topic and lists the topics, in lang.
func (b *Bot) UnknownTopicText(lang, topic string) string {
	return Message(lang, "card_unknown_topic", "topic", topic, "topics", strings.Join(b.Topics(), ", "))
}

// Cards returns every topic's card, in Topics() order.
func (b *Bot) Cards(lang string) []Card {
	var out []Card
	for _, t := range b.Topics() {
		if c, err := b.Card(t, lang); err == nil {
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

func (b *Bot) sectionCard(section, lang string) Card {
	c := Card{Title: section, Section: section, Note: Message(lang, "passage_lead")}
	var texts []string
	length := 0
	for _, p := range b.article.Passages {
		if p.Section != section {
			continue
		}
		if len(texts) >= cardSentences || (len(texts) >= 2 && length+len(p.Text) > cardLongText) {
			break
		}
		texts = append(texts, p.Text)
		length += len(p.Text) + 1
		c.Sources = append(c.Sources, Source{Section: section, Text: p.Text})
		if b.isScheduleQuote(section, p.Text) {
			c.LegalNotice = true
		}
	}
	c.Text = strings.Join(texts, " ")
	return c
}

// isScheduleQuote reports whether a sentence is one the penalty schedule
// rests on: a card quoting it is about penalties.
func (b *Bot) isScheduleQuote(section, text string) bool {
	for _, t := range b.schedule.Tiers {
		for _, q := range t.Quotes {
			if q.Section == section && q.Text == text {
				return true
			}
		}
	}
	return false
}

func (b *Bot) penaltiesCard(lang string) Card {
	c := Card{Title: Message(lang, "card_penalties_title"), LegalNotice: true}
	for _, t := range b.schedule.Tiers {
		c.Fields = append(c.Fields, CardField{Name: b.tierRange(t, lang), Value: localized(t.Penalty, lang)})
	}
	if f, ok := b.schedule.Facts[FactOverview]; ok {
		c.Text = localized(f.Answer, lang)
		c.Sources = slices.Clone(f.Quotes)
	} else {
		for _, t := range b.schedule.Tiers {
			c.Sources = appendNew(c.Sources, t.Quotes...)
		}
	}
	return c
}

func (b *Bot) personalUseCard(lang string) Card {
	c := Card{Title: Message(lang, "card_personal_use_title"), LegalNotice: true}
	first := b.schedule.Tiers[0]
	c.Fields = []CardField{{Name: b.tierRange(first, lang), Value: localized(first.Penalty, lang)}}
	if f, ok := b.schedule.Facts[FactLimit]; ok {
		c.Text = localized(f.Answer, lang)
		c.Sources = slices.Clone(f.Quotes)
	} else {
		c.Sources = slices.Clone(first.Quotes)
	}
	return c
}

// tierRange labels a tier's bounds ("Up to 15 g", "Over 1 kg, up to
// 80 kg", "Over 80 kg"), with the tier's name when it is not just the
// range ("Up to 15 g (personal use)").
func (b *Bot) tierRange(t Tier, lang string) string {
	var label string
	switch {
	case t.Lower == nil || t.Lower.Sign() == 0:
		label = Message(lang, "card_range_up_to", "upper", formatGrams(t.Upper))
	case t.Upper == nil:
		label = Message(lang, "card_range_over", "lower", formatGrams(t.Lower))
	default:
		label = Message(lang, "card_range_between", "lower", formatGrams(t.Lower), "upper", formatGrams(t.Upper))
	}
	// Tier names are English and mostly repeat the range; only a name
	// that says something else is added, in lang when it is a topic.
	switch name := t.Name; {
	case name == TopicPersonalUse:
		label += " (" + strings.ToLower(Message(lang, "card_personal_use_title")) + ")"
	case name != "" && lang == "en" && !strings.HasPrefix(name, "up to") && !strings.HasPrefix(name, "over"):
		label += " (" + name + ")"
	}
	return label
}

// formatGrams writes an amount of grams as the schedule does: whole
// kilograms in kg, anything else in g.
func formatGrams(g *big.Rat) string {
	if g == nil {
		return "?"
	}
	kg := new(big.Rat).Quo(g, big.NewRat(1000, 1))
	if kg.IsInt() && kg.Sign() > 0 {
		return kg.RatString() + " kg"
	}
	if g.IsInt() {
		return g.RatString() + " g"
	}
	f, _ := g.Float64()
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", f), "0"), ".") + " g"
}

// localized picks lang's text, falling back to English.
func localized(m map[string]string, lang string) string {
	if s := m[lang]; s != "" {
		return s
	}
	return m["en"]
}

func appendNew(list []Source, more ...Source) []Source {
	for _, s := range more {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
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
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			ws[i] = strings.TrimSuffix(w, "ies") + "y"
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
			ws[i] = strings.TrimSuffix(w, "s")
		}
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

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
