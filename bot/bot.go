package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionLen is the longest question, in characters, the bot reads.
const MaxQuestionLen = 1000

// Bot answers questions from one article, its penalty schedule and a
// passage searcher.
type Bot struct {
	article  Article
	schedule Schedule
	search   Searcher
	log      *slog.Logger
	examples []string
}

// New returns a bot. schedule may be empty: penalty questions then go to
// the passages like any other.
func New(article Article, schedule Schedule, search Searcher, log *slog.Logger) *Bot {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{article: article, schedule: schedule, search: search, log: log}
	b.examples = []string{
		"Is medical cannabis legal in Norway?",
		"What did the Attorney General decide in 2021?",
	}
	if len(schedule.Tiers) > 0 {
		b.examples = append([]string{"What is the penalty for 20 grams?"}, b.examples...)
	}
	return b
}

// Examples are questions the bot answers, for help and declines.
func (b *Bot) Examples() []string { return append([]string(nil), b.examples...) }

// Article is the article the bot answers from.
func (b *Bot) Article() Article { return b.article }

// Answer answers one question. It always returns exactly one answer: a
// failure inside becomes a decline, never an error or a panic.
func (b *Bot) Answer(ctx context.Context, q Question) (ans Answer) {
	defer func() {
		if r := recover(); r != nil {
			// A bug must cost one answer, not the process serving a
			// whole community.
			b.log.Error("answering panicked", "panic", fmt.Sprint(r))
			ans = b.decline(q.Text, IntentNone, "internal", "Something went wrong while answering; please try again.")
		}
	}()
	text := cleanText(q.Text)
	switch {
	case text == "":
		return b.decline(q.Text, IntentNone, "empty", "Ask me a question about cannabis law in Norway.")
	case utf8.RuneCountInString(text) > MaxQuestionLen:
		return b.decline(q.Text, IntentNone, "too_long",
			fmt.Sprintf("That question is longer than %d characters; please ask it in a sentence or two.", MaxQuestionLen))
	}
	r := reading{original: text, lower: strings.ToLower(text)}
	r.words = words(r.lower)
	if len(r.words) == 0 {
		return b.decline(q.Text, IntentNone, "off_topic", "")
	}
	if isHelp(r.words) {
		a := b.decline(q.Text, IntentHelp, "help",
			"I answer questions about cannabis law in Norway from the Wikipedia article “Cannabis in Norway”, and say so when it does not cover a question.")
		return a
	}
	if a, ok := b.outOfScope(q.Text, r); ok {
		return a
	}
	if len(b.schedule.Tiers) > 0 {
		if a, ok := b.penalty(q.Text, r); ok {
			return a
		}
	}
	return b.retrieve(ctx, q.Text, r)
}

// reading is a question prepared once for every step.
type reading struct {
	original string
	lower    string
	words    []string
}

// cleanText makes arbitrary input safe to read: valid UTF-8, no control
// characters, single spaces.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func isHelp(ws []string) bool {
	return len(ws) <= 2 && (ws[0] == "help" || ws[0] == "usage" || (len(ws) == 2 && ws[1] == "help"))
}

// outOfScope declines questions about another country, another drug or
// another offence: the bot must never answer them with the cannabis tiers.
func (b *Bot) outOfScope(question string, r reading) (Answer, bool) {
	mentionsCannabis := cannabisWords.any(r.words)
	if c := otherCountry(r.original, r.words); c != "" {
		return b.decline(question, IntentScope, "other_country",
			fmt.Sprintf("I only cover cannabis law in Norway, so I can't answer about %s.", c)), true
	}
	if d := otherDrugs.first(r.words); d != "" && !(d == "speed" && mentionsCannabis) {
		if !mentionsCannabis || b.looksLikePenalty(r) {
			return b.decline(question, IntentScope, "other_drug",
				fmt.Sprintf("I only cover cannabis in Norway, not %s.", d)), true
		}
	}
	if o := otherOffences.first(r.words); o != "" && !mentionsCannabis && !drugWords.any(r.words) {
		return b.decline(question, IntentScope, "other_offence",
			fmt.Sprintf("I only cover cannabis law in Norway; %s is outside that.", o)), true
	}
	return Answer{}, false
}

func (b *Bot) looksLikePenalty(r reading) bool {
	if penaltyWords.any(r.words) {
		return true
	}
	amounts, problems := ParseAmounts(r.original, "en")
	return len(amounts)+len(problems) > 0
}

// decline builds a "the article does not cover this" answer with example
// questions.
func (b *Bot) decline(question string, intent Intent, reason, text string) Answer {
	if text == "" {
		text = "The article “Cannabis in Norway” doesn't cover that, so I can't answer it."
	}
	return Answer{
		Question:    question,
		Answered:    false,
		Intent:      intent,
		Text:        text,
		Sources:     []Source{},
		Attribution: b.article.Attribution,
		Examples:    b.Examples(),
		Reason:      reason,
		Lang:        "en",
	}
}

func (b *Bot) answer(question string, intent Intent, text string, sources []Source, legal bool) Answer {
	return Answer{
		Question:    question,
		Answered:    true,
		Intent:      intent,
		Text:        text,
		Sources:     sources,
		LegalNotice: legal,
		Attribution: b.article.Attribution,
		Lang:        "en",
	}
}

