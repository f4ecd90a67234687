package main

import (
	"github.com/factbot/factbot/internal/cli"

	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/factbot/factbot/adapters/discord"
	"github.com/factbot/factbot/adapters/slack"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/internal/claim"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/metrics"
	"github.com/factbot/factbot/internal/ratelimit"
	"github.com/factbot/factbot/internal/server"
	"github.com/factbot/factbot/store"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "TOML config file (optional: every key can come from FACTBOT_<SECTION>_<KEY>)")
	corpusPath := fs.String("corpus", "", "answer from this article file instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbotd serve [--config FILE] [--corpus FILE]

Runs the chat adapters (Slack; Discord) behind one HTTP listener that also
serves GET /healthz and GET /metrics (or on FACTBOT_HTTP_ADMIN_ADDR). Settings come from FILE (see
config.example.toml) and the environment, which wins: FACTBOT_HTTP_ADDR,
FACTBOT_SLACK_ENABLED, FACTBOT_SLACK_SIGNING_SECRET, … SIGINT or SIGTERM
stops it gracefully.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, done := cli.ParseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factbotd serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	cfg, err := config.Load(*configPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "factbotd serve: %v\n", err)
		return 2
	}
	log := newLogger(cfg.Log, stderr)
	eng, err := engine.Load(*corpusPath, log)
	if err != nil {
		log.Error("loading the engine", "err", err)
		return 1
	}
	defer eng.Close()
	eng.PrepareLanguages()
	rec, err := openRecording(ctx, cfg.Store, log)
	if err != nil {
		log.Error("opening the store", "err", err)
		return 1
	}
	c := engineParts(eng)
	if rec != nil {
		c = rec.parts(eng.Bot)
	}
	code := 0
	if ln, err := net.Listen("tcp", cfg.HTTP.Addr); err != nil {
		log.Error("listening", "addr", cfg.HTTP.Addr, "err", err)
		code = 1
	} else if err := serve(ctx, cfg, c, ln, log, nil); err != nil {
		log.Error("serve stopped", "err", err)
		code = 1
	}
	if rec != nil {
		// The server has stopped answering: what is queued is written now,
		// so nothing acknowledged is lost on a clean stop.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Duration(cfg.HTTP.ShutdownTimeout))
		defer cancel()
		if err := rec.close(cctx, log); err != nil {
			log.Error("closing the store", "err", err)
			code = 1
		}
	}
	return code
}

// newLogger builds the slog logger the config asks for.
func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(strings.ToLower(c.Level))) // validated by config
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// parts are what the chat core is made of: the engine, and the event
// store's recorder and reports when the store is enabled.
type parts struct {
	answerer bot.Answerer
	// bot makes fact cards; nil turns them off.
	bot *bot.Bot
	// recorder records questions and 👍/👎 clicks, and events is the store
	// reports read; both nil when the store is disabled.
	recorder *bot.Recorder
	events   bot.EventStore
	// claims decides which instance answers a delivery that comes more
	// than once (the store, shared by instances on one PostgreSQL); nil
	// leaves each adapter to its own memory.
	claims claim.Claimer
	// queue is the store's write queue, watched by the metrics; nil
	// without a store.
	queue storeQueue
	// sharedLimits, when not nil, holds the per-user rate limit in the
	// database (PostgreSQL: shared by every instance); nil keeps it in
	// this process.
	sharedLimits *store.Store
}

// storeQueue is what the metrics read from the store's writer.
type storeQueue interface {
	Queued() int
	Lost() int64
}

// engineParts are the parts of an engine without a store: answers and
// fact cards, no feedback or reports.
func engineParts(eng *engine.Engine) parts { return parts{answerer: eng, bot: eng.Bot} }

// subject is what the engine covers, in English, for the commands a
// platform registers; "" without an engine.
// describer names the engine's subject for Discord's command
// descriptions: the bot, or nil (a nil *bot.Bot in the interface would
// not read as nil).
func (p parts) describer() discord.Describer {
	if p.bot == nil {
		return nil
	}
	return p.bot
}

// penalties reports whether the engine has a penalty table to answer
// /penalty from.
func (p parts) penalties() bool {
	return p.bot != nil && len(p.bot.Schedule().Tiers) > 0
}

// serve wires the core and adapters to one listener and runs them until
// ctx is done. client, when not nil, is used for calls to Slack.
func serve(ctx context.Context, cfg config.Config, p parts, ln net.Listener, log *slog.Logger, client *http.Client) error {
	opts, err := build(cfg, p, log, client)
	if err != nil {
		return err
	}
	if cfg.HTTP.AdminAddr != "" {
		admin, err := net.Listen("tcp", cfg.HTTP.AdminAddr)
		if err != nil {
			return fmt.Errorf("listening on http.admin_addr %s: %w", cfg.HTTP.AdminAddr, err)
		}
		opts.Admin = admin
	}
	return server.Run(ctx, ln, opts)
}

// newCore builds the chat core every platform shares, with its middleware
// chain, from the configuration.
func newCore(cfg config.Config, p parts, m *metrics.Metrics, log *slog.Logger) (*chat.Core, error) {
	var limiter chat.Limiter = ratelimit.New(cfg.Limits.Questions, time.Duration(cfg.Limits.Per), nil)
	if p.sharedLimits != nil {
		limiter = store.NewSharedLimiter(p.sharedLimits, cfg.Limits.Questions, time.Duration(cfg.Limits.Per), limiter, log)
	}
	o := chat.Options{
		Answerer: p.answerer,
		Limiter:  limiter,
		Metrics:  m,
		Logger:   log,
		Language: cfg.Language.Rules(),
		Platforms: map[string]chat.Platform{
			slack.Platform:   cfg.Slack.Policy(),
			discord.Platform: cfg.Discord.Policy(),
		},
	}
	// Interfaces stay nil (not a typed nil) for the parts not there.
	if p.bot != nil {
		o.Cards = cards.New(p.bot)
	}
	if p.recorder != nil {
		o.Recorder = p.recorder
	}
	if p.events != nil {
		o.Events = p.events
	}
	if p.claims != nil {
		o.Claims = p.claims
	}
	return chat.New(o)
}

// build assembles the server: the core, the enabled platforms and their
// routes, metrics.
func build(cfg config.Config, p parts, log *slog.Logger, client *http.Client) (server.Options, error) {
	m := metrics.New()
	if p.queue != nil {
		m.WatchStore(p.queue.Queued, p.queue.Lost)
	}
	core, err := newCore(cfg, p, m, log)
	if err != nil {
		return server.Options{}, err
	}
	routes := http.NewServeMux()
	var platforms []server.Platform
	if cfg.Slack.Enabled {
		s, err := slack.New(cfg.Slack, core, slack.Options{
			HTTPClient:   client,
			Logger:       log,
			Reject:       func(reason string) { m.Reject(slack.Platform, reason) },
			MaxBodyBytes: cfg.HTTP.MaxBodyBytes,
			Claims:       p.claims,
		})
		if err != nil {
			return server.Options{}, fmt.Errorf("starting slack: %w", err)
		}
		s.Register(routes)
		platforms = append(platforms, s)
		log.Info("slack enabled", "mode", cfg.Slack.Mode, "command", cfg.Slack.Command,
			"facts_command", cfg.Slack.FactsCommand, "report_command", cfg.Slack.ReportCommand,
			"moderators", len(cfg.Slack.Moderators), "facts_public", cfg.Slack.FactsPublic)
	} else {
		platforms = append(platforms, server.Disabled(slack.Platform))
	}

	if cfg.Discord.Enabled {
		d, err := discord.New(cfg.Discord, core, discord.Options{
			Logger:       log,
			HTTPClient:   client,
			OnReject:     func(reason string) { m.Reject(discord.Platform, reason) },
			MaxBodyBytes: cfg.HTTP.MaxBodyBytes,
			Penalties:    p.penalties(),
			Facts:        p.bot != nil,
			Reports:      p.events != nil,
			Claims:       p.claims,
			Subject:      p.describer(),
		})
		if err != nil {
			return server.Options{}, fmt.Errorf("starting discord: %w", err)
		}
		if d.Mode() == discord.ModeHTTP {
			routes.Handle(discord.InteractionsPath, d.Handler())
		}
		platforms = append(platforms, d)
		log.Info("discord enabled", "mode", d.Mode(), "shard_id", cfg.Discord.ShardID, "shard_count", cfg.Discord.ShardCount,
			"moderator_roles", len(cfg.Discord.ModeratorRoles), "facts_public", cfg.Discord.FactsPublic)
	} else {
		platforms = append(platforms, server.Disabled(discord.Platform))
	}

	return server.Options{
		Routes:          routes,
		Metrics:         m.Handler(),
		Platforms:       platforms,
		ShutdownTimeout: time.Duration(cfg.HTTP.ShutdownTimeout),
		MaxConnections:  cfg.HTTP.MaxConnections,
		Logger:          log,
	}, nil
}
