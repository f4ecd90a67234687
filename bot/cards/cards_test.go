package cards_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/engine/enginetest"
)

// cardBot is the cards of the shipped engine, so Bokmål topics resolve as
// in serve, and the corpus they come from.
func cardBot(t testing.TB) (*cards.Maker, corpus.Corpus) {
	t.Helper()
	e := enginetest.Embedded(t)
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cards.New(e.Bot), c
}

func TestTopics(t *testing.T) {
	b, c := cardBot(t)
	want := append(slices.Clone(c.Article.Sections), cards.TopicPenalties, cards.TopicPersonalUse)
	if got := b.Topics(); !slices.Equal(got, want) {
		t.Errorf("Topics() = %q, want %q", got, want)
	}
	noSchedule := cards.New(bot.New(c.Article, bot.Schedule{}, nil, nil))
	if got := noSchedule.Topics(); !slices.Equal(got, c.Article.Sections) {
		t.Errorf("without a schedule Topics() = %q, want the sections only", got)
	}
}

func TestCardForEveryTopic(t *testing.T) {
	b, c := cardBot(t)
	for _, lang := range bot.Languages {
		for _, topic := range b.Topics() {
			card, err := b.Card(topic, lang)
			if err != nil {
				t.Fatalf("%s/%s: %v", lang, topic, err)
			}
			if card.Topic != topic || card.Title == "" || card.Text == "" || card.Lang != lang {
				t.Errorf("%s/%s: incomplete card %+v", lang, topic, card)
			}
			if card.Attribution != c.Article.Attribution || !strings.Contains(card.SourceLine(), "Cannabis in Norway") {
				t.Errorf("%s/%s: attribution %+v, source line %q", lang, topic, card.Attribution, card.SourceLine())
			}
			if len(card.Sources) == 0 {
				t.Errorf("%s/%s: no sources", lang, topic)
			}
			// Cards quote; they never invent.
			for _, s := range card.Sources {
				if !c.Article.HasSentence(s.Section, s.Text) {
					t.Errorf("%s/%s: source is not article text: %+v", lang, topic, s)
				}
			}
			if !strings.HasPrefix(card.SourceLine(), card.Section+" · ") {
				t.Errorf("%s/%s: source line %q does not name the section", lang, topic, card.SourceLine())
			}
		}
	}
}

func TestSectionCardsQuoteTheFirstSentences(t *testing.T) {
	b, c := cardBot(t)
	for _, section := range c.Article.Sections {
		card, err := b.Card(section, "en")
		if err != nil {
			t.Fatal(err)
		}
		var first []string
		for _, p := range c.Article.Passages {
			if p.Section == section {
				first = append(first, p.Text)
			}
		}
		n := len(card.Sources)
		if n < 1 || n > 3 || (n < 2 && len(first) >= 2 && len(first[0])+len(first[1]) < 400) {
			t.Errorf("%s: %d sentences", section, n)
		}
		if want := strings.Join(first[:n], " "); card.Text != want {
			t.Errorf("%s: text %q, want the section's first %d sentences %q", section, card.Text, n, want)
		}
		if card.Title != section || card.Section != section {
			t.Errorf("%s: title %q section %q", section, card.Title, card.Section)
		}
	}
	enf, _ := b.Card("Enforcement", "en")
	if !enf.LegalNotice {
		t.Error("the Enforcement card quotes the penalties but has no legal notice")
	}
	if med, _ := b.Card("Medical use", "en"); med.LegalNotice {
		t.Error("the Medical use card has a legal notice")
	}
	if nb, _ := b.Card("Medical use", "nb"); nb.Note == "" || nb.Text != enf.Text && !strings.HasPrefix(nb.Text, "As of 2016") {
		t.Errorf("a Bokmål section card should quote the English text with a note: %+v", nb)
	}
}

func TestPenaltiesCardHasEveryTier(t *testing.T) {
	b, c := cardBot(t)
	for _, lang := range bot.Languages {
		card, err := b.Card("penalties", lang)
		if err != nil {
			t.Fatal(err)
		}
		if !card.LegalNotice {
			t.Errorf("%s: no legal notice on the penalties card", lang)
		}
		if len(card.Fields) != len(c.Schedule.Tiers) {
			t.Fatalf("%s: %d fields for %d tiers", lang, len(card.Fields), len(c.Schedule.Tiers))
		}
		for i, tier := range c.Schedule.Tiers {
			if card.Fields[i].Value != tier.Penalty[lang] {
				t.Errorf("%s tier %d: value %q, want the schedule's %q", lang, i+1, card.Fields[i].Value, tier.Penalty[lang])
			}
		}
		if card.Text != c.Schedule.Facts[bot.FactOverview].Answer[lang] {
			t.Errorf("%s: text %q is not the schedule's overview", lang, card.Text)
		}
		if card.Section != "Enforcement" {
			t.Errorf("%s: section %q", lang, card.Section)
		}
	}
	en, _ := b.Card("penalties", "en")
	var names []string
	for _, f := range en.Fields {
		names = append(names, f.Name)
	}
	want := []string{"Up to 15 g (personal use)", "Over 15 g, up to 1 kg", "Over 1 kg, up to 80 kg", "Over 80 kg"}
	if !slices.Equal(names, want) {
		t.Errorf("tier names %q, want %q", names, want)
	}
	nb, _ := b.Card("penalties", "nb")
	if nb.Title != "Straffer" || nb.Fields[0].Name != "Inntil 15 g (eget bruk)" {
		t.Errorf("Bokmål penalties card: %q, %q", nb.Title, nb.Fields[0].Name)
	}
}

func TestPersonalUseCard(t *testing.T) {
	b, c := cardBot(t)
	card, err := b.Card("personal use", "en")
	if err != nil {
		t.Fatal(err)
	}
	if card.Text != c.Schedule.Facts[bot.FactLimit].Answer["en"] || !card.LegalNotice || len(card.Fields) != 1 {
		t.Errorf("personal use card: %+v", card)
	}
}

func TestResolveTopicForgiving(t *testing.T) {
	b, _ := cardBot(t)
	for in, want := range map[string]string{
		"penalties": cards.TopicPenalties, "Penalty": cards.TopicPenalties, "PENALTIES!": cards.TopicPenalties,
		"  penalties  ": cards.TopicPenalties, "straff": cards.TopicPenalties, "Straffer": cards.TopicPenalties,
		"medical": "Medical use", "Medical Use": "Medical use", "medical-use": "Medical use",
		"decriminalisation": "Decriminalization", "decrim": "Decriminalization",
		"reform": "Reform efforts", "enforcment": "Enforcement", "lead": "Lead",
		"enfrocemnet":  "Enforcement", // two swapped pairs: two edits
		"personal use": cards.TopicPersonalUse, "personal": cards.TopicPersonalUse, "eget bruk": cards.TopicPersonalUse,
	} {
		if got, ok := b.ResolveTopic(in); !ok || got != want {
			t.Errorf("ResolveTopic(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "xyz", "sweden", "use", "me", "???"} {
		if got, ok := b.ResolveTopic(in); ok {
			t.Errorf("ResolveTopic(%q) = %q; want no match", in, got)
		}
	}
}

func TestUnknownTopicListsTopics(t *testing.T) {
	b, _ := cardBot(t)
	_, err := b.Card("heroin", "en")
	var ute *cards.UnknownTopicError
	if !errors.Is(err, cards.ErrUnknownTopic) || !errors.As(err, &ute) {
		t.Fatalf("unknown topic: %v", err)
	}
	if ute.Topic != "heroin" || !slices.Equal(ute.Topics, b.Topics()) {
		t.Errorf("error carries %q and %q", ute.Topic, ute.Topics)
	}
	for _, lang := range bot.Languages {
		msg := b.UnknownTopicText(lang, "heroin")
		if !strings.Contains(msg, "heroin") || !strings.Contains(msg, "Medical use, Reform efforts") || strings.Contains(msg, "{") {
			t.Errorf("%s: unknown topic text %q", lang, msg)
		}
		if list := b.TopicsText(lang); !strings.Contains(list, "penalties, personal use") || strings.Contains(list, "{") {
			t.Errorf("%s: topics text %q", lang, list)
		}
	}
}

func TestMatchTopics(t *testing.T) {
	b, _ := cardBot(t)
	if got := b.MatchTopics(""); !slices.Equal(got, b.Topics()) {
		t.Errorf("MatchTopics(\"\") = %q", got)
	}
	if got := b.MatchTopics("pe"); len(got) != 0 {
		t.Errorf("MatchTopics(\"pe\") = %q; two letters match nothing", got)
	}
	if got := b.MatchTopics("Pen"); !slices.Equal(got, []string{cards.TopicPenalties}) {
		t.Errorf("MatchTopics(\"Pen\") = %q", got)
	}
	if got := b.MatchTopics("med"); !slices.Equal(got, []string{"Medical use"}) {
		t.Errorf("MatchTopics(\"med\") = %q", got)
	}
}
