// Package slack brings factbot to Slack: the /ask slash command, @mentions
// answered in a thread, a "Share in channel" button and 👍/👎 feedback, and
// for moderators fact cards (/facts, "@factbot facts <topic>"), public
// answers (/ask --public) and /factbot-report; delivered either over HTTP
// (request URLs, signed with the signing secret) or over Socket Mode. It
// renders bot.Answers and bot.Cards as Block Kit and never changes what
// they say.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/health"
)

// Platform is the bot.Question.Platform of Slack questions.
const Platform = "slack"

// Delivery modes.
const (
	ModeHTTP   = "http"
	ModeSocket = "socket"
)

// Options configures an Adapter. Answerer, BotToken and, for the mode,
// SigningSecret or AppToken are required.
type Options struct {
	Answerer      bot.Answerer
	Mode          string // ModeHTTP (default) or ModeSocket
	BotToken      string
	SigningSecret string // HTTP mode
	AppToken      string // Socket Mode (xapp-…)
	Command       string // default "/ask"
	APIURL        string // Web API base with trailing slash; default slack-go's
	HTTPClient    *http.Client
	Logger        *slog.Logger
	// Reject is told why a request was refused (bad_signature, too_large …);
	// it feeds the rejected-requests metric. May be nil.
	Reject func(reason string)
	// MaxBodyBytes bounds request bodies; default 64 KiB.
	MaxBodyBytes int64
	// AnswerTimeout bounds the engine so the reply fits in Slack's 3 s.
	AnswerTimeout time.Duration
	// ReplyTimeout bounds a follow-up post (chat.postMessage, response_url).
	ReplyTimeout time.Duration
	Examples     []string

	// The moderator toolkit (issue 5). Each part may be left out.
	//
	// Cards makes the fact cards of FactsCommand and "@factbot facts
	// <topic>", and words the bot's own sentences; *bot.Bot is one. Nil
	// turns fact cards off.
	Cards Cards
	// Feedback records 👍/👎 clicks; *bot.Recorder is one. Answers carry
	// the buttons only when they have an ID, which the recorder gives.
	Feedback Feedbacker
	// Events is the event store ReportCommand reads (bot.Unanswered); nil
	// when the store is disabled.
	Events bot.EventStore
	// Claims decides which instance answers an Events API event that
	// Slack delivers more than once (retries); *store.Store is one. Nil:
	// this process remembers the last 4,096 event IDs itself.
	Claims Claimer
	// Moderators are the Slack user IDs who may post answers publicly
	// (/ask --public), whose fact cards post in the channel, and who see
	// the report.
	Moderators []string
	// FactsPublic posts everyone's fact cards in the channel.
	FactsPublic bool
	// FactsCommand and ReportCommand name the slash commands; defaults
	// "/facts" and "/factbot-report".
	FactsCommand  string
	ReportCommand string
	// Now is the clock for the report's period; time.Now when nil.
	Now func() time.Time
	// Language returns the language fixed for a question's place (channel,
	// workspace, platform), or "" to detect it: bot.LanguageRules.For. Fact
	// cards, topic lists and the report follow it; answers get it from the
	// answerer's language middleware. Nil means detect.
	Language func(bot.Question) string
}

// Cards is what fact cards need from the bot; *bot.Bot implements it.
type Cards interface {
	Card(topic, lang string) (bot.Card, error)
	TopicsText(lang string) string
	UnknownTopicText(lang, topic string) string
	Message(lang, key string) string
}

// Feedbacker records a 👍/👎 click; *bot.Recorder implements it.
type Feedbacker interface {
	Feedback(ctx context.Context, platform, user, answerID string, v bot.Vote) (bot.FeedbackResult, error)
}

// Claimer says whether this instance is the first to handle a delivery
// (key names it: "slack:event:Ev…"). *store.Store implements it in the
// database, so a retry that reaches another instance is not answered
// twice.
type Claimer interface {
	Claim(ctx context.Context, key string) (bool, error)
}

// Adapter is the Slack platform: HTTP handlers, or a Socket Mode loop.
type Adapter struct {
	o      Options
	api    *slackgo.Client
	log    *slog.Logger
	claims Claimer
	tasks  tasks
	// moderators is Options.Moderators as a set.
	moderators map[string]struct{}

	state      atomic.Value // string
	reconnects atomic.Int64
}

// New checks o and builds an Adapter. It does not contact Slack.
func New(o Options) (*Adapter, error) {
	if o.Answerer == nil {
		return nil, errors.New("slack: no answerer")
	}
	if o.Mode == "" {
		o.Mode = ModeHTTP
	}
	switch o.Mode {
	case ModeHTTP:
		if o.SigningSecret == "" {
			return nil, errors.New("slack: HTTP mode needs a signing secret")
		}
	case ModeSocket:
		if o.AppToken == "" {
			return nil, errors.New("slack: Socket Mode needs an app-level token")
		}
	default:
		return nil, fmt.Errorf("slack: unknown mode %q", o.Mode)
	}
	if o.BotToken == "" {
		return nil, errors.New("slack: no bot token")
	}
	if o.Command == "" {
		o.Command = "/ask"
	}
	if o.FactsCommand == "" {
		o.FactsCommand = "/facts"
	}
	if o.ReportCommand == "" {
		o.ReportCommand = "/factbot-report"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Reject == nil {
		o.Reject = func(string) {}
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 64 << 10
	}
	if o.AnswerTimeout <= 0 {
		o.AnswerTimeout = 2500 * time.Millisecond
	}
	if o.ReplyTimeout <= 0 {
		o.ReplyTimeout = 10 * time.Second
	}
	if o.Claims == nil {
		o.Claims = newDedupe(4096)
	}
	opts := []slackgo.Option{slackgo.OptionHTTPClient(o.HTTPClient)}
	if o.APIURL != "" {
		u := o.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		opts = append(opts, slackgo.OptionAPIURL(u))
	}
	if o.AppToken != "" {
		opts = append(opts, slackgo.OptionAppLevelToken(o.AppToken))
	}
	a := &Adapter{
		o:          o,
		api:        slackgo.New(o.BotToken, opts...),
		log:        o.Logger.With("platform", Platform),
		claims:     o.Claims,
		moderators: make(map[string]struct{}, len(o.Moderators)),
	}
	for _, id := range o.Moderators {
		if id = strings.TrimSpace(id); id != "" {
			a.moderators[id] = struct{}{}
		}
	}
	if o.Mode == ModeHTTP {
		a.state.Store("ready")
	} else {
		a.state.Store("starting")
	}
	return a, nil
}

// Name is the platform name for /healthz and metrics.
func (a *Adapter) Name() string { return Platform }

// Health reports "ready" in HTTP mode (nothing to connect to) and the
// Socket Mode connection state otherwise.
func (a *Adapter) Health() health.Status {
	state, _ := a.state.Load().(string)
	return health.Status{
		State:      state,
		Ready:      state == "ready" || state == "connected",
		Reconnects: int(a.reconnects.Load()),
	}
}

// Register adds the HTTP-mode endpoints to mux; in Socket Mode there are none.
func (a *Adapter) Register(mux *http.ServeMux) {
	if a.o.Mode != ModeHTTP {
		return
	}
	mux.Handle("/slack/commands", a.verified("commands", a.serveCommand))
	mux.Handle("/slack/events", a.verified("events", a.serveEvents))
	mux.Handle("/slack/interactions", a.verified("interactions", a.serveInteraction))
}

// Run blocks until ctx is done. In Socket Mode it holds the connection to
// Slack. Either way it then waits for follow-up posts still in flight
// (each bounded by ReplyTimeout) before returning.
func (a *Adapter) Run(ctx context.Context) error {
	var err error
	if a.o.Mode == ModeSocket {
		err = a.runSocket(ctx)
	} else {
		<-ctx.Done()
	}
	if err == nil {
		a.state.Store("stopped")
	}
	a.tasks.closeAndWait()
	return err
}

// place is where a question comes from: user, channel and workspace.
type place struct{ user, channel, team string }

// ask puts a question to the answerer with a deadline that keeps the reply
// inside Slack's 3 seconds.
func (a *Adapter) ask(ctx context.Context, text string, p place) bot.Answer {
	ctx, cancel := context.WithTimeout(ctx, a.o.AnswerTimeout)
	defer cancel()
	return a.o.Answerer.Answer(ctx, p.question(text))
}

func (p place) question(text string) bot.Question {
	return bot.Question{Text: text, Platform: Platform, User: p.user, Channel: p.channel, Server: p.team}
}

// lang is the language fixed for a place, or else the language text reads
// as, or else English.
func (a *Adapter) lang(p place, text string) string {
	if a.o.Language != nil {
		if l := a.o.Language(p.question(text)); l != "" {
			return l
		}
	}
	return bot.DetectLanguage(text)
}

// isHelp reports whether a question asks for usage rather than an answer.
func isHelp(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	return t == "" || t == "help" || t == "hjelp" || t == "?"
}

// commandReply is the reply to a slash command, shared by HTTP and Socket
// Mode: the ask command (the default for a command factbot does not know),
// the facts command or the report command.
func (a *Adapter) commandReply(ctx context.Context, cmd slackgo.SlashCommand) reply {
	switch cmd.Command {
	case a.o.FactsCommand:
		return a.factsReply(cmd)
	case a.o.ReportCommand:
		return a.reportReply(ctx, cmd)
	case a.o.Command, "":
	default:
		a.log.Warn("unknown slash command", "command", cmd.Command)
	}
	return a.askReply(ctx, cmd)
}

// mention answers an app_mention in its thread. Mentions by bots, this one
// included, are ignored so two bots never talk to each other forever.
func (a *Adapter) mention(ev *slackEventMention) {
	if ev.BotID != "" || ev.User == "" || ev.Edited {
		return
	}
	ok := a.tasks.do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		thread := ev.ThreadTS
		if thread == "" {
			thread = ev.TS
		}
		text := questionText(ev.Text)
		if topic, ok := cutFacts(text); ok && a.o.Cards != nil {
			if err := a.factsMention(ctx, topic, ev, thread); err != nil {
				a.log.Error("replying to facts mention", "err", err)
			}
			return
		}
		var blocks []slackgo.Block
		var fallback string
		ephemeral := false
		if isHelp(text) {
			lang := a.lang(place{ev.User, ev.Channel, ev.Team}, text)
			blocks, fallback = usage(a.o.Command, lang, a.o.Examples), bot.Message(lang, "usage_fallback")
		} else {
			ans := a.ask(ctx, text, place{ev.User, ev.Channel, ev.Team})
			r := a.render(ans, text)
			blocks, fallback = r.blocks(), r.fallback()
			// A refusal is for the asker alone, not the channel.
			ephemeral = ans.Intent == bot.IntentLimited
		}
		opts := []slackgo.MsgOption{slackgo.MsgOptionText(fallback, false), slackgo.MsgOptionBlocks(blocks...), slackgo.MsgOptionTS(thread)}
		var err error
		if ephemeral {
			_, err = a.api.PostEphemeralContext(ctx, ev.Channel, ev.User, opts...)
		} else {
			_, _, err = a.api.PostMessageContext(ctx, ev.Channel, opts...)
		}
		if err != nil {
			a.log.Error("replying to mention", "err", err)
		}
	})
	if !ok {
		a.log.Warn("shutting down: mention not answered")
	}
}

// slackEventMention is the part of an app_mention factbot uses.
type slackEventMention struct {
	User, BotID, Text, Channel, Team, TS, ThreadTS string
	Edited                                         bool
}

// interaction acts on a button click: Share, or 👍/👎.
func (a *Adapter) interaction(ic slackgo.InteractionCallback) {
	if ic.Type != slackgo.InteractionTypeBlockActions || ic.ResponseURL == "" {
		return
	}
	for _, act := range ic.ActionCallback.BlockActions {
		if act == nil {
			continue
		}
		switch act.ActionID {
		case ShareActionID:
			a.share(ic, act)
			return // one action per click
		case FeedbackUpActionID, FeedbackDownActionID:
			a.feedback(ic, act)
			return
		}
	}
}

// share reposts an answer in the channel through response_url, naming who
// shared it. The button carries the question; the engine answers it again,
// which gives the same answer (with a new ID for 👍/👎).
func (a *Adapter) share(ic slackgo.InteractionCallback, act *slackgo.BlockAction) {
	question, name, responseURL := act.Value, ic.User.Name, ic.ResponseURL
	user, from := ic.User.ID, place{ic.User.ID, ic.Channel.ID, ic.Team.ID}
	ok := a.tasks.do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		ans := a.ask(ctx, question, from)
		msg := &slackgo.WebhookMessage{ResponseType: slackgo.ResponseTypeInChannel}
		if ans.Intent == bot.IntentLimited {
			r := a.render(ans, "")
			msg.ResponseType = slackgo.ResponseTypeEphemeral
			msg.Text, msg.Blocks = r.fallback(), &slackgo.Blocks{BlockSet: r.blocks()}
		} else {
			r := a.render(ans, question)
			r.sharer = sharedBy(user, name)
			msg.Text, msg.Blocks = r.fallback(), &slackgo.Blocks{BlockSet: r.blocks()}
		}
		if err := slackgo.PostWebhookCustomHTTPContext(ctx, responseURL, a.o.HTTPClient, msg); err != nil {
			a.log.Error("sharing answer", "err", redactURL(err))
		}
	})
	if !ok {
		a.log.Warn("shutting down: share not posted")
	}
}

// redactURL drops the URL from a request error: a response_url is a
// capability that lets anyone post to the channel for 30 minutes.
func redactURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s response_url: %w", ue.Op, ue.Err)
	}
	return err
}

// tasks tracks follow-up posts so shutdown can wait for them. Once closed it
// runs nothing new.
type tasks struct {
	mu     sync.Mutex
	wg     sync.WaitGroup
	closed bool
}

// do runs f in the background unless shutdown has begun; it reports
// whether f will run.
func (t *tasks) do(f func()) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.wg.Go(f)
	return true
}

func (t *tasks) wait() { t.wg.Wait() }

func (t *tasks) closeAndWait() {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
	t.wg.Wait()
}

// claimTimeout bounds a claim; past it the event is answered anyway.
const claimTimeout = 2 * time.Second

// first reports whether this instance should handle the event with id:
// a claim the store refuses is a retry another instance (or this one)
// already took. When the claim cannot be made the event is answered: a
// rare double answer beats a lost one.
func (a *Adapter) first(id string) bool {
	if id == "" {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), claimTimeout)
	defer cancel()
	ok, err := a.claims.Claim(ctx, "slack:event:"+id)
	if err != nil {
		a.log.Warn("claiming an event failed; answering it", "event_id", id, "err", err)
		return true
	}
	return ok
}

// dedupe remembers the last n event IDs, so an event Slack retries is
// answered once by this process; the default Claimer when no store is
// shared. Memory is bounded by n.
type dedupe struct {
	mu   sync.Mutex
	seen map[string]struct{}
	ring []string
	next int
}

func newDedupe(n int) *dedupe {
	return &dedupe{seen: make(map[string]struct{}, n), ring: make([]string, n)}
}

// Claim reports whether key is new, and remembers it.
func (d *dedupe) Claim(_ context.Context, id string) (bool, error) {
	return d.first(id), nil
}

// first reports whether id is new, and remembers it.
func (d *dedupe) first(id string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.seen[id]; ok {
		return false
	}
	if old := d.ring[d.next]; old != "" {
		delete(d.seen, old)
	}
	d.ring[d.next] = id
	d.next = (d.next + 1) % len(d.ring)
	d.seen[id] = struct{}{}
	return true
}
