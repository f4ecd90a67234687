// Package discord is factbot's Discord adapter: it turns slash commands
// (/ask, /penalty, /about, /facts, /factbot-report), buttons, @mentions
// and DMs into chat.Requests and draws the core's chat.Replies as embeds
// and components, over the gateway (a websocket held with the bot token)
// or over HTTP interactions (POST /discord/interactions, verified with the
// application's public key). What a reply says and who sees it is the
// core's business.
package discord

import (
	"cmp"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/claim"
	"github.com/factbot/factbot/internal/health"
	"github.com/factbot/factbot/internal/inflight"
	"github.com/factbot/factbot/internal/server"
	"github.com/factbot/factbot/internal/transport"
)

// Platform is the Question.Platform value and the metrics label.
const Platform = "discord"

// Options are what the server injects; every field has a default.
type Options struct {
	Logger *slog.Logger
	// HTTPClient carries every REST call, including the gateway URL lookup,
	// so tests and proxies can point discord.com elsewhere.
	HTTPClient *http.Client
	// Dialer opens the gateway websocket.
	Dialer *websocket.Dialer
	// Now is the clock for the X-Signature-Timestamp freshness check.
	Now func() time.Time
	// OnReject is told why an HTTP interaction was refused
	// ("bad_signature", "stale_timestamp", "too_large", "malformed",
	// "method"), for the rejected-requests metric.
	OnReject func(reason string)
	// DeferAfter is how long a command may take before it is acknowledged
	// with a deferred response and finished by editing it (Discord allows
	// 3 s for the first response). Default 2 s.
	DeferAfter time.Duration
	// DrainTimeout bounds the wait for in-flight answers at shutdown.
	// Default 10 s.
	DrainTimeout time.Duration
	// MaxBodyBytes is the largest interaction body accepted (413 above).
	// Default 64 KiB.
	MaxBodyBytes int64
	// Penalties, Facts and Reports register /penalty, /facts and
	// /factbot-report: set them when the engine has a penalty table and
	// the core fact cards and an event store.
	Penalties, Facts, Reports bool
	// Subject names what the engine covers ("cannabis law in Norway") in
	// each language, for the commands' descriptions; nil describes them
	// generally.
	Subject Describer
	// Claims decides which instance answers a gateway interaction or
	// message when several instances run the same shard; *store.Store is
	// one. Nil: every event is answered (one instance per shard).
	Claims claim.Claimer
}

// Adapter serves one Discord application (one shard in gateway mode).
// Create it with New, run it with Run; in HTTP mode also mount Handler.
type Adapter struct {
	cfg        Config
	core       chat.Handler
	log        *slog.Logger
	now        func() time.Time
	refuser    *server.Refuser
	deferAfter time.Duration
	drain      time.Duration
	maxBody    int64
	pubKey     ed25519.PublicKey
	// penalties, facts and reports: /penalty, /facts and /factbot-report
	// are registered.
	penalties, facts, reports bool
	subject                   Describer
	claims                    claim.Claimer

	// session is the gateway session in gateway mode; in HTTP mode it is
	// only used for REST (editing deferred responses), never opened.
	session *discordgo.Session
	health  health.Tracker

	// disconnected is signalled by discordgo's Disconnect event; Run owns
	// reconnecting so that fatal close codes stop it.
	disconnected chan struct{}

	dialer *transport.Dialer // its last connection is closed to abort a stuck Open

	// life ends when Run's context does; it cancels the REST calls
	// discordgo makes without a context (the gateway lookup in Open).
	life    context.Context
	endLife context.CancelFunc

	// bg is the context of work that outlives a request (deferred
	// answers, gateway handlers); cancelled once Run has drained.
	bg       context.Context
	cancelBG context.CancelFunc
	work     inflight.Group
}

// New checks cfg and builds the adapter without touching the network.
func New(cfg Config, core chat.Handler, opts Options) (*Adapter, error) {
	if core == nil {
		return nil, errors.New("discord: no chat core")
	}
	cfg.Mode = cfg.ModeOrDefault()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := &Adapter{
		cfg:          cfg,
		core:         core,
		log:          opts.Logger,
		now:          opts.Now,
		deferAfter:   opts.DeferAfter,
		drain:        opts.DrainTimeout,
		maxBody:      opts.MaxBodyBytes,
		penalties:    opts.Penalties,
		facts:        opts.Facts,
		subject:      opts.Subject,
		reports:      opts.Reports,
		claims:       opts.Claims,
		disconnected: make(chan struct{}, 1),
	}
	a.log = cmp.Or(a.log, slog.Default()).With("platform", Platform, "mode", cfg.Mode)
	// Defaults for what was left out (a negative duration or size too).
	a.deferAfter = cmp.Or(max(a.deferAfter, 0), 2*time.Second)
	a.maxBody = cmp.Or(max(a.maxBody, 0), defaultMaxBody)
	a.drain = cmp.Or(max(a.drain, 0), 10*time.Second)
	if a.now == nil {
		a.now = time.Now
	}
	a.refuser = server.NewRefuser(opts.OnReject, a.log)
	if cfg.Mode == ModeHTTP {
		key, err := cfg.Key()
		if err != nil {
			return nil, err
		}
		a.pubKey = key
	}

	s, err := discordgo.New(cfg.BotToken())
	if err != nil {
		return nil, fmt.Errorf("discord: new session: %w", err)
	}
	a.life, a.endLife = context.WithCancel(context.Background())
	s.Client = a.client(opts.HTTPClient, s.Client)
	a.dialer = transport.NewDialer(opts.Dialer)
	s.Dialer = a.dialer.Dialer
	// Run reconnects itself: discordgo's own loop never gives up, even on
	// a rejected token or a refused privileged intent.
	s.ShouldReconnectOnError = false
	s.ShouldReconnectVoiceOnSessionError = false
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if cfg.MessageContentIntent {
		s.Identify.Intents |= discordgo.IntentMessageContent
	}
	if cfg.ShardCount > 0 {
		s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	}
	// The state cache is only needed for the bot's own user (from READY);
	// tracking every guild's channels, members and roles would cost memory
	// in proportion to the guilds the bot is in.
	st := s.State
	st.TrackChannels, st.TrackThreads, st.TrackEmojis, st.TrackStickers = false, false, false, false
	st.TrackMembers, st.TrackThreadMembers, st.TrackRoles, st.TrackVoice, st.TrackPresences = false, false, false, false, false
	a.session = s
	a.bg, a.cancelBG = context.WithCancel(context.Background())
	a.health.Set(StateStarting, "")
	return a, nil
}

// Mode is "gateway" or "http".
func (a *Adapter) Mode() string { return a.cfg.Mode }

// client copies base (or discordgo's default) so that the gateway lookup
// discordgo's Open makes without a context ends with Run's context instead
// of holding up shutdown until the client's timeout. Every other request
// carries a context factbot chose (replies keep going while Run drains).
func (a *Adapter) client(base, def *http.Client) *http.Client {
	c := *def
	if base != nil {
		c = *base
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = transport.Bound(next, discordgo.EndpointGateway, a.life)
	return &c
}

// drainWork stops new work and waits, bounded, for what is in flight, then
// cancels whatever still runs.
func (a *Adapter) drainWork() {
	if !a.work.Close(a.drain) {
		a.log.Warn("discord: in-flight answers did not finish in time; cancelling them", "timeout", a.drain)
		a.cancelBG()
		a.work.Wait()
	}
	a.cancelBG()
	a.endLife()
}

// Run serves until ctx is done. In gateway mode it connects, registers
// the commands and reconnects on drops; a fatal gateway error (rejected
// token, refused intent, bad shard) is logged and shown by Health, is not
// retried, and is returned once ctx is done. In HTTP mode it only marks the adapter
// ready and, at the end, drains deferred answers.
func (a *Adapter) Run(ctx context.Context) error {
	defer a.drainWork()
	stop := context.AfterFunc(ctx, a.endLife)
	defer stop()
	if a.cfg.Mode == ModeHTTP {
		a.health.Set(StateReady, "")
		a.log.Info("discord: HTTP interactions ready", "path", InteractionsPath)
		<-ctx.Done()
		a.health.Set(StateStopped, "")
		return nil
	}
	return a.runGateway(ctx)
}

// redact removes an interaction token (a short-lived credential that
// appears in REST URLs) from an error before it is logged.
func redact(err error, secrets ...string) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	return msg
}
