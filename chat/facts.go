package chat

import (
	"errors"
	"strings"

	"github.com/factbot/factbot/bot/cards"
)

// facts is a fact card: public for moderators (for everyone where the
// platform says so), else only for the user. No topic, or one no card
// matches, gets the list of topics, privately.
func (c *Core) facts(r Request) Reply {
	if c.o.Cards == nil {
		c.log.Warn("fact card asked for, but no cards are configured")
		return c.notice(r, StatusInvalid, "unknown_command")
	}
	lang := c.replyLang(r)
	topic := strings.Join(strings.Fields(r.Text), " ")
	if topic == "" || isHelp(topic) {
		return Reply{Status: StatusOK, Lang: lang, Notice: c.o.Cards.TopicsText(lang)}
	}
	card, err := c.o.Cards.Card(topic, lang)
	if err != nil {
		if !errors.Is(err, cards.ErrUnknownTopic) {
			c.log.Error("making a fact card", "err", err)
		}
		return Reply{Status: StatusInvalid, Lang: lang, Notice: c.o.Cards.UnknownTopicText(lang, cut(topic, maxTopicEcho))}
	}
	public := c.policy(r).FactsPublic || c.isModerator(r)
	return Reply{Status: StatusOK, Lang: lang, Card: &card, Public: public}
}

// suggest offers autocomplete choices: amounts for a penalty, topics for
// a fact card.
func (c *Core) suggest(r Request) Reply {
	reply := Reply{Status: StatusOK, Lang: c.replyLang(r), Choices: []string{}}
	switch r.Field {
	case FieldAmount:
		reply.Choices = suggestAmounts(r.Text)
	case FieldTopic:
		if c.o.Cards != nil {
			reply.Choices = c.o.Cards.MatchTopics(cut(r.Text, maxTopicEcho))
		}
	}
	if len(reply.Choices) > maxChoices {
		reply.Choices = reply.Choices[:maxChoices]
	}
	return reply
}
