// Package slack brings factbot to Slack: it turns slash commands (/ask,
// /facts, /factbot-report), @mentions, direct messages and button clicks
// (Share, 👍/👎) into chat.Requests and draws the core's chat.Replies as
// Block Kit, delivered either over HTTP (request URLs, signed with the
// signing secret) or over Socket Mode. What a reply says and who sees it
// is the core's business.
package slack

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/claim"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/health"
	"github.com/factbot/factbot/internal/inflight"
	"github.com/factbot/factbot/internal/server"
	"github.com/factbot/factbot/internal/transport"
)

// Platform is the bot.Question.Platform of Slack questions.
const Platform = "slack"

// Options are what the server injects besides the Config; every field has
// a default.
type Options struct {
	HTTPClient *http.Client
	Logger     *slog.Logger
	// Reject is told why a request was refused (bad_signature, too_large …);
	// it feeds the rejected-requests metric. May be nil.
	Reject func(reason string)
	// MaxBodyBytes bounds request bodies; default 64 KiB.
	MaxBodyBytes int64
	// AnswerTimeout bounds the core so the reply fits in Slack's 3 s.
	AnswerTimeout time.Duration
	// AckWithin is how long a slash command waits for its reply before it
	// is acknowledged empty and the reply follows through response_url
	// (default 2 s, inside Slack's 3).
	AckWithin time.Duration
	// ReplyTimeout bounds a follow-up post (chat.postMessage, response_url).
	ReplyTimeout time.Duration
	// Claims decides which instance answers an Events API event that
	// Slack delivers more than once (retries); *store.Store is one. Nil:
	// this process remembers the last 4,096 event IDs itself.
	Claims claim.Claimer
}

// Adapter is the Slack platform: HTTP handlers, or a Socket Mode loop.
type Adapter struct {
	cfg    Config
	core   chat.Handler
	o      Options
	api    *slackgo.Client
	log    *slog.Logger
	claims claim.Claimer
	tasks  inflight.Group

	health  health.Tracker
	refuser *server.Refuser
	// socketAPI is api for Socket Mode, with pacer spacing out its
	// connection attempts; both nil in HTTP mode.
	socketAPI *slackgo.Client
	pacer     *transport.Pacer
	// webhooks posts to response_url, sending a post Slack refused with
	// 429 again after Retry-After, as api does for Web API calls.
	webhooks *http.Client
	// socketSlots bounds the Socket Mode requests handled at once.
	socketSlots chan struct{}
}

// Adapter states as /healthz shows them.
const (
	StateReady        = "ready"        // HTTP mode: nothing to connect to
	StateStarting     = "starting"     // Socket Mode: before the first attempt
	StateConnecting   = "connecting"   // Socket Mode: first connection under way
	StateConnected    = "connected"    // Socket Mode: hello received
	StateReconnecting = "reconnecting" // Socket Mode: dropped or refused, redialling with backoff
	StateFailed       = "failed"       // Slack refused the app: not retrying (see Detail)
	StateStopped      = "stopped"
)

// maxPostRetries bounds how often a Web API call Slack refused with 429 is
// sent again: chat.postMessage allows about one message per second per
// channel, so a burst of mentions in one channel meets it.
const maxPostRetries = 2

// postRetries retries 429s only (slack-go retries nothing by default),
// after the Retry-After Slack sends, plus a little jitter so a burst does
// not come back at once; the reply's own deadline (ReplyTimeout) still
// bounds the whole.
func postRetries() slackgo.RetryConfig {
	return slackgo.RetryConfig{
		MaxRetries:         maxPostRetries,
		RetryAfterDuration: 2 * time.Second, // when Retry-After is missing
		RetryAfterJitter:   250 * time.Millisecond,
	}
}

// New checks cfg and builds an Adapter around core. It does not contact
// Slack. Empty keys get DefaultConfig's values.
func New(cfg Config, core chat.Handler, o Options) (*Adapter, error) {
	if core == nil {
		return nil, errors.New("slack: no chat core")
	}
	def := config.DefaultSlack()
	cfg.Mode = cmp.Or(cfg.Mode, def.Mode)
	cfg.Command = cmp.Or(cfg.Command, def.Command)
	cfg.FactsCommand = cmp.Or(cfg.FactsCommand, def.FactsCommand)
	cfg.ReportCommand = cmp.Or(cfg.ReportCommand, def.ReportCommand)
	cfg.APIURL = cmp.Or(cfg.APIURL, def.APIURL)
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	// Defaults for what was left out (a negative size or timeout too).
	o.HTTPClient = cmp.Or(o.HTTPClient, &http.Client{Timeout: 10 * time.Second})
	o.Logger = cmp.Or(o.Logger, slog.New(slog.DiscardHandler))
	o.MaxBodyBytes = cmp.Or(max(o.MaxBodyBytes, 0), 64<<10)
	o.AnswerTimeout = cmp.Or(max(o.AnswerTimeout, 0), 2500*time.Millisecond)
	o.ReplyTimeout = cmp.Or(max(o.ReplyTimeout, 0), 10*time.Second)
	o.AckWithin = cmp.Or(max(o.AckWithin, 0), 2*time.Second)
	if o.Reject == nil {
		o.Reject = func(string) {}
	}
	if o.Claims == nil {
		o.Claims = claim.NewLocal(4096)
	}
	a := &Adapter{
		cfg:      cfg,
		core:     core,
		o:        o,
		api:      slackgo.New(cfg.BotToken.Value(), clientOptions(cfg, o.HTTPClient)...),
		webhooks: transport.RetryOn429(o.HTTPClient, maxPostRetries),
		log:      o.Logger.With("platform", Platform),
		claims:   o.Claims,
		// One at warn a minute, the rest at debug.
		refuser: server.NewRefuser(o.Reject, o.Logger.With("platform", Platform)),
	}
	if cfg.Mode == ModeHTTP {
		a.health.Set(StateReady, "")
	} else {
		a.health.Set(StateStarting, "")
		// Socket Mode's own client paces its connection attempts.
		a.pacer = transport.NewPacer(o.HTTPClient, "/apps.connections.open", a.waitingToReconnect)
		a.socketAPI = slackgo.New(cfg.BotToken.Value(), clientOptions(cfg, a.pacer)...)
		a.socketSlots = make(chan struct{}, maxSocketHandlers)
	}
	return a, nil
}

// clientOptions configure a slack-go client calling through client.
func clientOptions(cfg Config, client transport.Doer) []slackgo.Option {
	opts := []slackgo.Option{
		slackgo.OptionHTTPClient(client),
		// After the client: the retry wrapper goes around it.
		slackgo.OptionRetryConfig(postRetries()),
		slackgo.OptionAPIURL(cfg.SlackAPIURL()),
	}
	if cfg.AppToken != "" {
		opts = append(opts, slackgo.OptionAppLevelToken(cfg.AppToken.Value()))
	}
	return opts
}

// Name is the platform name for /healthz and metrics.
func (a *Adapter) Name() string { return Platform }

// Health reports "ready" in HTTP mode (nothing to connect to) and the
// Socket Mode connection state otherwise.
func (a *Adapter) Health() health.Status {
	return a.health.Status(StateReady, StateConnected)
}

// Register adds the HTTP-mode endpoints to mux; in Socket Mode there are none.
func (a *Adapter) Register(mux *http.ServeMux) {
	if a.cfg.Mode != ModeHTTP {
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
	if a.cfg.Mode == ModeSocket {
		err = a.runSocket(ctx)
	} else {
		<-ctx.Done()
	}
	if err == nil {
		a.health.Set(StateStopped, "")
	}
	a.tasks.Close(0)
	return err
}

// handle puts a request to the core with a deadline that keeps the reply
// inside Slack's 3 seconds.
func (a *Adapter) handle(ctx context.Context, r chat.Request) chat.Reply {
	ctx, cancel := context.WithTimeout(ctx, a.o.AnswerTimeout)
	defer cancel()
	r.Platform = Platform
	return a.core.Handle(ctx, r)
}

// commandRequest translates a slash command, shared by HTTP and Socket
// Mode: the ask command (the default for a command factbot does not know;
// the core reads a leading --public), the facts command or the report
// command. A command's follow-ups belong to the channel and the user.
func (a *Adapter) commandRequest(cmd slackgo.SlashCommand) chat.Request {
	r := chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, User: cmd.UserID, Channel: cmd.ChannelID,
		Server: cmd.TeamID, Text: questionText(cmd.Text), Conversation: cmd.ChannelID + ":" + cmd.UserID}
	switch cmd.Command {
	case a.cfg.FactsCommand:
		r.Kind = chat.KindFacts
	case a.cfg.ReportCommand:
		r.Kind = chat.KindReport
	case a.cfg.Command, "":
	default:
		a.log.Warn("unknown slash command", "command", cmd.Command)
	}
	return r
}

// commandReply answers a slash command within the request.
//
// Slow work (a report over a large store) must not hold Slack's 3-second
// acknowledgement: the reply rides on the acknowledgement when the core
// has it within AckWithin; otherwise ok is false, the command is to be
// acknowledged empty, and the reply follows through the command's
// response_url when it is ready (bounded by ReplyTimeout).
func (a *Adapter) commandReply(cmd slackgo.SlashCommand) (rep reply, ok bool) {
	req := a.commandRequest(cmd)
	req.Platform = Platform
	handle := func() reply {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		return a.render(a.core.Handle(ctx, req))
	}
	late := func(rep reply) {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		if err := a.postURL(ctx, cmd.ResponseURL, rep); err != nil {
			a.log.Error("replying to a slow command through response_url", "command", cmd.Command, "err", redactURL(err))
		}
	}
	wait := a.o.AckWithin
	if cmd.ResponseURL == "" {
		wait = a.o.ReplyTimeout // nowhere to reply later
	}
	rep, in, ack, started := inflight.Deadline(&a.tasks, wait, handle, late)
	switch {
	case !started:
		return reply{ResponseType: slackgo.ResponseTypeEphemeral, Text: bot.Message("en", "internal")}, true
	case !in:
		ack(true) // the caller acknowledges empty at once
	}
	return rep, in
}

// postURL posts a reply to a response_url: in the channel or only for the
// user, as its response type says.
func (a *Adapter) postURL(ctx context.Context, url string, rep reply) error {
	msg := &slackgo.WebhookMessage{ResponseType: rep.ResponseType, Text: rep.Text, Blocks: &slackgo.Blocks{BlockSet: rep.Blocks}}
	return slackgo.PostWebhookCustomHTTPContext(ctx, url, a.webhooks, msg)
}

// render is a reply as the JSON of a slash command's response.
func (a *Adapter) render(r chat.Reply) reply {
	rt := slackgo.ResponseTypeEphemeral
	if r.Public {
		rt = slackgo.ResponseTypeInChannel
	}
	return reply{ResponseType: rt, Text: fallback(r), Blocks: a.blocks(r)}
}

// message answers an @mention in its thread, or a direct message in the
// DM. Messages from bots, this one included, are ignored so two bots never
// talk to each other forever.
func (a *Adapter) message(ev *slackMessage) {
	if ev.BotID != "" || ev.User == "" || ev.Edited {
		return
	}
	ok := a.tasks.Go(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		thread := ev.ThreadTS
		if thread == "" && !ev.DM {
			thread = ev.TS
		}
		req := chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage, User: ev.User, Channel: ev.Channel,
			Server: ev.Team, Text: questionText(ev.Text), Conversation: "thread:" + ev.Channel + ":" + thread}
		if ev.DM {
			req.Conversation = "dm:" + ev.Channel
		}
		r := a.handle(ctx, req)
		opts := []slackgo.MsgOption{slackgo.MsgOptionText(fallback(r), false), slackgo.MsgOptionBlocks(a.blocks(r)...)}
		if thread != "" {
			opts = append(opts, slackgo.MsgOptionTS(thread))
		}
		var err error
		if r.Public {
			_, _, err = a.api.PostMessageContext(ctx, ev.Channel, opts...)
		} else {
			_, err = a.api.PostEphemeralContext(ctx, ev.Channel, ev.User, opts...)
		}
		if err != nil {
			a.log.Error("replying to a message", "err", err)
		}
	})
	if !ok {
		a.log.Warn("shutting down: message not answered")
	}
}

// slackMessage is the part of an app_mention or a DM factbot uses.
type slackMessage struct {
	User, BotID, Text, Channel, Team, TS, ThreadTS string
	Edited, DM                                     bool
}

// Action IDs of the buttons. A Share button's value is the core's share
// token, a colon and the question (for a token the core no longer knows);
// a feedback button's is the answer's ID.
const (
	ShareActionID        = "factbot_share"
	FeedbackUpActionID   = "feedback_up"
	FeedbackDownActionID = "feedback_down"
)

// interaction acts on a button click (Share, or 👍/👎) and answers through
// response_url.
func (a *Adapter) interaction(ic slackgo.InteractionCallback) {
	if ic.Type != slackgo.InteractionTypeBlockActions || ic.ResponseURL == "" {
		return
	}
	for _, act := range ic.ActionCallback.BlockActions {
		if act == nil {
			continue
		}
		req := chat.Request{Via: chat.ViaCommand, User: ic.User.ID, Channel: ic.Channel.ID, Server: ic.Team.ID}
		switch act.ActionID {
		case ShareActionID:
			req.Kind = chat.KindShare
			req.Token, req.Text, _ = strings.Cut(act.Value, ":")
		case FeedbackUpActionID, FeedbackDownActionID:
			req.Kind, req.Token, req.Vote = chat.KindFeedback, act.Value, bot.VoteUp
			if act.ActionID == FeedbackDownActionID {
				req.Vote = bot.VoteDown
			}
			// The block ID carries the answer's language.
			req.Lang, _ = strings.CutPrefix(act.BlockID, feedbackBlockPrefix)
		default:
			continue
		}
		a.respondURL(ic.ResponseURL, req)
		return // one action per click
	}
}

// respondURL handles req in the background and posts the reply to
// response_url: in the channel when it is public, else only for the user.
func (a *Adapter) respondURL(responseURL string, req chat.Request) {
	ok := a.tasks.Go(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		r := a.handle(ctx, req)
		if err := a.postURL(ctx, responseURL, a.render(r)); err != nil {
			a.log.Error("replying through response_url", "kind", req.Kind, "err", redactURL(err))
			return
		}
		if req.Kind == chat.KindShare && r.Public {
			a.markShared(ctx, responseURL, r)
		}
	})
	if !ok {
		a.log.Warn("shutting down: button click not handled", "kind", req.Kind)
	}
}

// markShared replaces the private answer whose Share button was clicked
// with the same answer saying it is shared, and no Share button, so
// nobody is offered to share it again.
func (a *Adapter) markShared(ctx context.Context, responseURL string, shared chat.Reply) {
	r := shared
	r.Public, r.SharedBy, r.ShareToken, r.Feedback = false, "", "", false
	r.Notice = bot.Message(r.Lang, "share_done")
	msg := &slackgo.WebhookMessage{ReplaceOriginal: true, Text: fallback(r), Blocks: &slackgo.Blocks{BlockSet: a.blocks(r)}}
	if err := slackgo.PostWebhookCustomHTTPContext(ctx, responseURL, a.webhooks, msg); err != nil {
		a.log.Warn("marking the private answer as shared", "err", redactURL(err))
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
