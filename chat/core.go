package chat

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
)

// Cards makes fact cards; *bot.Bot implements it.
type Cards interface {
	Card(topic, lang string) (cards.Card, error)
	MatchTopics(prefix string) []string
	TopicsText(lang string) string
	UnknownTopicText(lang, topic string) string
}

// Recorder keeps questions and votes for moderators' reports;
// *bot.Recorder implements it.
type Recorder interface {
	// Record gives a an ID for feedback and records the question.
	Record(ctx context.Context, q bot.Question, a bot.Answer) bot.Answer
	Feedback(ctx context.Context, platform, user, answerID string, v bot.Vote) (bot.FeedbackResult, error)
}

// Claimer says whether this instance is the first to act on key, across
// every instance that shares a store; *store.Store implements it.
type Claimer interface {
	Claim(ctx context.Context, key string) (bool, error)
}

// Limiter decides whether a user may ask now; *ratelimit.Limiter
// implements it.
type Limiter interface {
	Allow(platform, user string) bool
}

// Platform is what the configuration says about one platform.
type Platform struct {
	// Moderators are user IDs (Slack) or role IDs (Discord) whose holders
	// may post answers publicly, whose fact cards are public, and who may
	// see reports.
	Moderators []string
	// FactsPublic posts everyone's fact cards publicly.
	FactsPublic bool
	// AnswersPublic posts command answers publicly by default, without a
	// Share button (Discord's ephemeral = false).
	AnswersPublic bool
	// ReportCommand is named in the report's usage notice.
	ReportCommand string
}

// Options configure a Core. Only Answerer is required; each part left out
// turns its feature off.
type Options struct {
	Answerer bot.Answerer
	Cards    Cards          // fact cards
	Events   bot.EventStore // reports
	Recorder Recorder       // answer IDs, 👍/👎 and the question log
	Limiter  Limiter        // the per-user rate limit
	// Claims makes a share happen once across instances (and restarts)
	// when they share a store; nil: once per process.
	Claims  Claimer
	Metrics Metrics
	Logger  *slog.Logger
	// LogKey hashes user IDs in the log; random when nil, so hashes
	// correlate within one run only.
	LogKey    []byte
	Language  LanguageRules
	Platforms map[string]Platform
	Now       func() time.Time
	// ConversationTTL is how long a conversation remembers its last
	// question (default 10 minutes); MaxConversations bounds how many are
	// remembered (default 10,000; the least recently used go first).
	ConversationTTL  time.Duration
	MaxConversations int
}

// Bounds of the share memory: a button outlives neither Slack's
// response_url (30 minutes) nor this.
const (
	shareTTL  = 30 * time.Minute
	maxShares = 10_000
	// maxChoices is the most autocomplete suggestions a reply carries
	// (Discord's limit).
	maxChoices = 25
	// maxTopicEcho is how much of an unknown topic is echoed back.
	maxTopicEcho = 100
)

// Core is the conversation core. It is safe for concurrent use.
type Core struct {
	o         Options
	platforms map[string]policy
	log       *slog.Logger
	chain     Handler

	// conversations maps a conversation to the last question it had an
	// answer to, as read.
	conversations *expirable.LRU[string, string]

	sharesMu sync.Mutex
	shares   *expirable.LRU[string, *shareEntry]
}

type shareEntry struct {
	question string
	shared   bool
}

// policy is a Platform with its moderators as a set.
type policy struct {
	Platform
	moderators map[string]bool
}

// New builds the core and its middleware chain: log → metrics → rate
// limit → record → core, outermost first, so the log line and the metrics
// see refused requests too and the record sees only those let through.
func New(o Options) (*Core, error) {
	if o.Answerer == nil {
		return nil, errors.New("chat: no answerer")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.ConversationTTL <= 0 {
		o.ConversationTTL = 10 * time.Minute
	}
	if o.MaxConversations <= 0 {
		o.MaxConversations = 10_000
	}
	c := &Core{
		o:             o,
		log:           o.Logger,
		platforms:     map[string]policy{},
		conversations: expirable.NewLRU[string, string](o.MaxConversations, nil, o.ConversationTTL),
		shares:        expirable.NewLRU[string, *shareEntry](maxShares, nil, shareTTL),
	}
	for name, p := range o.Platforms {
		pol := policy{Platform: p, moderators: map[string]bool{}}
		for _, id := range p.Moderators {
			if id = strings.TrimSpace(id); id != "" {
				pol.moderators[id] = true
			}
		}
		c.platforms[name] = pol
	}
	var h Handler = HandlerFunc(c.handle)
	if o.Recorder != nil {
		h = record(o.Recorder)(h)
	}
	if o.Limiter != nil {
		h = limit(o.Limiter, c.refusalLang)(h)
	}
	if o.Metrics != nil {
		h = measure(o.Metrics)(h)
	}
	c.chain = logRequests(o.Logger, o.LogKey)(h)
	return c, nil
}

// Handle answers one request through the middleware chain.
func (c *Core) Handle(ctx context.Context, r Request) Reply { return c.chain.Handle(ctx, bounded(r)) }

// Bounds on what a user sends, applied before any work: reading a text
// (its language, a follow-up, the engine) is linear at best, so a
// 60,000-letter /facts topic or question would cost milliseconds of CPU
// each, and the whole text would be echoed back.
const (
	// maxQuestionText is the most of a question kept: more bytes than
	// bot.MaxQuestionLen characters can take, by one character, so a
	// question cut to it is still one the engine declines as too long.
	maxQuestionText = 4*bot.MaxQuestionLen + utf8.UTFMax
	// maxShortText bounds every other text (a topic, an amount, a
	// report's arguments): a few words each.
	maxShortText = 256
	// maxToken bounds a button's share token or answer ID.
	maxToken = 128
)

// bounded is r with its text and token cut to their bounds, on a
// character boundary.
func bounded(r Request) Request {
	limit := maxShortText
	if r.Kind == KindAsk || r.Kind == KindShare {
		limit = maxQuestionText
	}
	r.Text = cutBytes(r.Text, limit)
	r.Token = cutBytes(r.Token, maxToken)
	return r
}

// cutBytes shortens s to at most n bytes without splitting a character.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// handle is the core itself, inside the chain.
func (c *Core) handle(ctx context.Context, r Request) (reply Reply) {
	defer func() {
		if p := recover(); p != nil {
			// A bug costs one reply, not the process serving a community.
			c.log.Error("handling a request panicked", "kind", r.Kind, "panic", fmt.Sprint(p))
			lang := c.replyLang(r)
			reply = Reply{Status: StatusFailed, Lang: lang, Notice: bot.Message(lang, "internal")}
		}
	}()
	if r.Kind == KindAsk {
		r = textCommand(r)
	}
	switch r.Kind {
	case KindAsk:
		return c.ask(ctx, r, r.Text)
	case KindPenalty:
		amount := strings.Join(strings.Fields(r.Text), " ")
		if amount == "" {
			return c.notice(r, StatusInvalid, "give_amount")
		}
		return c.ask(ctx, r, penaltyQuestion(cut(amount, maxAmountText)))
	case KindFacts:
		return c.facts(r)
	case KindReport:
		return c.report(ctx, r)
	case KindFeedback:
		return c.feedback(ctx, r)
	case KindShare:
		return c.share(ctx, r)
	case KindHelp:
		return c.help(r)
	case KindSuggest:
		return c.suggest(r)
	}
	return c.notice(r, StatusInvalid, "unknown_command")
}

// notice is a private reply that is one sentence of the catalogue.
func (c *Core) notice(r Request, s Status, key string, pairs ...string) Reply {
	lang := c.replyLang(r)
	return Reply{Status: s, Lang: lang, Notice: bot.Message(lang, key, pairs...)}
}

func (c *Core) policy(r Request) policy { return c.platforms[r.Platform] }

// isModerator reports whether the user, or one of their roles, is listed
// as a moderator for the platform.
func (c *Core) isModerator(r Request) bool {
	p := c.policy(r)
	if r.User != "" && p.moderators[r.User] {
		return true
	}
	return slices.ContainsFunc(r.Roles, func(role string) bool { return p.moderators[role] })
}

// fixedLang is the language the configuration fixes for where r comes
// from, or "".
func (c *Core) fixedLang(r Request) string {
	return c.o.Language.For(bot.Question{Platform: r.Platform, Channel: r.Channel, Server: r.Server})
}

// replyLang is the language of a reply that is not an answer: the one the
// configuration fixes, else the user's client's, else the one the text
// reads as.
func (c *Core) replyLang(r Request) string {
	if l := c.fixedLang(r); l != "" {
		return l
	}
	if slices.Contains(bot.Languages, r.Lang) {
		return r.Lang
	}
	return c.language(r.Text)
}

// languageReader is an Answerer that reads a question's language as it
// answers in it, from its function words and its term lists' words.
type languageReader interface {
	Language(text string) string
}

// language is the language text reads as: the answerer's reading when it
// has one, so a reply that is no answer matches the answers.
func (c *Core) language(text string) string {
	if lr, ok := c.o.Answerer.(languageReader); ok {
		return lr.Language(text)
	}
	return bot.DetectLanguage(text)
}

// refusalLang is the language a refused request is told to wait in: for
// a question, the question's own.
func (c *Core) refusalLang(r Request) string {
	if l := c.fixedLang(r); l != "" {
		return l
	}
	if (r.Kind == KindAsk || r.Kind == KindPenalty) && strings.TrimSpace(r.Text) != "" {
		return c.language(r.Text)
	}
	return c.replyLang(r)
}

// help is how to use factbot, with example questions.
func (c *Core) help(r Request) Reply {
	lang := c.replyLang(r)
	h := &Help{Intro: bot.Message(lang, "usage_intro"), About: bot.Message(lang, "about_text")}
	// The engine knows its subject: its example questions, and its
	// messages with the subject's name filled in.
	if e, ok := c.o.Answerer.(interface{ Examples(lang string) []string }); ok {
		h.Examples = e.Examples(lang)
	}
	if m, ok := c.o.Answerer.(interface{ Message(lang, key string) string }); ok {
		h.Intro, h.About = m.Message(lang, "usage_intro"), m.Message(lang, "about_text")
	}
	if a, ok := c.o.Answerer.(interface{ Article() bot.Article }); ok {
		h.Source = a.Article().Attribution
	}
	return Reply{Status: StatusOK, Lang: lang, Help: h, Public: r.Via == ViaMessage}
}

// cut shortens s to at most n runes.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// LikelyPublic says whether the reply to r will most likely be public,
// before it is made, for a platform that must choose an acknowledgement's
// visibility first (Discord's deferred response): the visibility rules
// above, taking a question as answered. Adapters mend a wrong guess.
func (c *Core) LikelyPublic(r Request) bool {
	if r.Kind == KindAsk {
		r = textCommand(r)
	}
	moderator := c.isModerator(r)
	switch r.Kind {
	case KindShare:
		return true
	case KindAsk, KindPenalty, KindHelp:
		return r.Via == ViaMessage || (r.Public && moderator) || (!r.Public && c.policy(r).AnswersPublic)
	case KindFacts:
		return c.policy(r).FactsPublic || moderator
	}
	return false
}
