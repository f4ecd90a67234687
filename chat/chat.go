// Package chat is factbot's conversation core: every product rule, once,
// for every platform. An adapter (Slack, Discord, the command line) turns
// what its platform sends into a Request and draws the Reply it gets back;
// what the reply says, who sees it, which buttons it offers, whether a
// message is a follow-up, what a moderator may do and when a user must
// wait are all decided here.
//
// Every request passes one middleware chain, built in New: log, metrics,
// rate limit, record, then the core.
package chat

import (
	"context"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
)

// Kind is what a request asks for.
type Kind string

const (
	KindAsk      Kind = "ask"      // a question (Text)
	KindPenalty  Kind = "penalty"  // the penalty for an amount (Text: "20 g")
	KindFacts    Kind = "facts"    // a fact card (Text: the topic; empty lists them)
	KindReport   Kind = "report"   // a moderators' report (Text: "[unanswered|feedback] [7d]")
	KindFeedback Kind = "feedback" // a 👍/👎 click (Vote, Token: the answer ID)
	KindShare    Kind = "share"    // a Share click (Token; Text: the question, where the button can carry it)
	KindHelp     Kind = "help"     // how to use factbot
	KindSuggest  Kind = "suggest"  // autocomplete choices (Field, Text: what is typed so far)
)

// Via says how a request reached factbot, which sets who sees the reply
// by default.
type Via string

const (
	// ViaCommand: a slash command or a button; replies are private unless
	// a rule makes them public.
	ViaCommand Via = "command"
	// ViaMessage: a mention or a direct message; the reply is a message in
	// the same place.
	ViaMessage Via = "message"
)

// Suggest fields.
const (
	FieldAmount = "amount"
	FieldTopic  = "topic"
)

// Request is one thing a user asked of factbot, in platform-neutral terms.
type Request struct {
	Kind     Kind
	Via      Via
	Platform string // "slack", "discord", "cli"
	User     string // platform user ID; hashed before it is logged or stored
	Channel  string
	Server   string   // Discord guild or Slack workspace, if any
	Roles    []string // the user's role IDs in Server (Discord)
	Text     string   // see Kind
	// Lang is the language the user's client says they speak ("nb", "en"),
	// or ""; the language configuration and the question's own language
	// come first.
	Lang string
	// Conversation names the conversation a question belongs to (a Slack
	// thread, a DM, a Discord channel and user); "" means it stands alone.
	Conversation string
	// Public asks for the reply to be posted for everyone (Slack --public,
	// Discord public:true).
	Public bool
	Token  string   // share token or answer ID, from a button
	Vote   bot.Vote // KindFeedback
	Field  string   // KindSuggest
}

// Status says what became of a request. Adapters choose colours and
// wording from it; none of them means "answered" on its own except OK.
type Status string

const (
	StatusOK          Status = "ok"           // answered, or the card, report, help or acknowledgement asked for
	StatusDeclined    Status = "declined"     // the article does not cover the question
	StatusRateLimited Status = "rate_limited" // the user must wait
	StatusForbidden   Status = "forbidden"    // moderators only
	StatusInvalid     Status = "invalid"      // nothing to act on: unknown topic, bad arguments, an expired button
	StatusFailed      Status = "failed"       // factbot could not do it (a store error)
)

// Reply is what factbot says back, in platform-neutral terms. One of
// Answer, Card, Report, Help and Choices is set, or none when Notice says
// it all; Help comes with the engine's own Answer to "help" or an empty
// question, for adapters that show only answers.
type Reply struct {
	Status Status
	// Public replies are posted for everyone; private ones only for the
	// user (ephemeral), or not at all where a platform cannot (a Discord
	// channel message).
	Public bool
	Lang   string
	// Notice is a sentence of factbot's own, shown above the content (or
	// alone): a refusal, an acknowledgement, why an answer stayed private.
	Notice string
	// Question is the question as asked, for adapters that echo it.
	Question string
	// ReadAs is the question as it was answered when that is not what was
	// typed: a follow-up read against the previous question, or spelling
	// corrected (Answer.ReadAs). ReadingNotice words it.
	ReadAs string
	Answer *bot.Answer
	Card   *cards.Card
	Report *Report
	Help   *Help
	// Choices are autocomplete suggestions (KindSuggest).
	Choices []string
	// ShareToken, when set, offers a "Share in channel" button carrying it.
	ShareToken string
	// Feedback offers 👍/👎 buttons for Answer.ID.
	Feedback bool
	// SharedBy is the user ID of who shared this answer in the channel.
	SharedBy string
}

// ReadingNotice is the "Reading this as: …" line of a follow-up, or "".
func (r Reply) ReadingNotice() string {
	if r.ReadAs == "" {
		return ""
	}
	return bot.Message(r.Lang, "reading_as", "question", r.ReadAs)
}

// Help is how to use factbot, in Reply.Lang.
type Help struct {
	Examples []string
	// Intro says what factbot covers and what it answers from; About
	// says so at more length, with the article's address. Both come from
	// the engine, which knows its subject.
	Intro, About string
	// Source is the article's attribution, for a source line and link.
	Source bot.Attribution
}

// Handler turns a request into exactly one reply; it never fails: a
// failure inside becomes a reply that says so.
type Handler interface {
	Handle(ctx context.Context, r Request) Reply
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, r Request) Reply

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, r Request) Reply { return f(ctx, r) }

// Middleware wraps a Handler, as net/http middleware wraps a Handler.
type Middleware func(Handler) Handler
