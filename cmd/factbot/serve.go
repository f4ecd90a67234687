package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/factbot/factbot/adapters/discord"
	"github.com/factbot/factbot/adapters/slack"
	"github.com/factbot/factbot/answerlog"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/config"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/metrics"
	"github.com/factbot/factbot/ratelimit"
	"github.com/factbot/factbot/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "TOML config file (optional: every key can come from FACTBOT_<SECTION>_<KEY>)")
	corpusPath := fs.String("corpus", "", "answer from this article file instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbot serve [--config FILE] [--corpus FILE]

Runs the chat adapters (Slack; Discord) behind one HTTP listener that also
serves GET /healthz and GET /metrics (or on FACTBOT_HTTP_ADMIN_ADDR). Settings come from FILE (see
config.example.toml) and the environment, which wins: FACTBOT_HTTP_ADDR,
FACTBOT_SLACK_ENABLED, FACTBOT_SLACK_SIGNING_SECRET, … SIGINT or SIGTERM
stops it gracefully.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factbot serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	cfg, err := config.Load(*configPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "factbot serve: %v\n", err)
		return 2
	}
	log := newLogger(cfg.Log, stderr)
	eng, err := engine.Load(*corpusPath, log)
	if err != nil {
		log.Error("loading the engine", "err", err)
		return 1
	}
	defer eng.Close()
	rec, err := openRecording(ctx, cfg.Store, eng, log)
	if err != nil {
		log.Error("opening the store", "err", err)
		return 1
	}
	c := engineCore(eng)
	if rec != nil {
		c = rec.core(eng.Bot)
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
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.HTTP.ShutdownTimeout)
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

// core is what the adapters run on: the answerer and the moderator toolkit
// (issue 5) that both adapters share.
type core struct {
	// answerer is the engine, inside the event recorder when the store is
	// enabled (so answers carry an ID for 👍/👎); build wraps it in the
	// log, metrics and rate-limit middleware.
	answerer bot.Answerer
	// bot makes fact cards and words the bot's own sentences in an
	// answer's language; nil turns fact cards off.
	bot *bot.Bot
	// recorder records 👍/👎 clicks and events is the store the in-chat
	// report reads; both nil when the store is disabled.
	recorder *bot.Recorder
	events   bot.EventStore
	// claims decides which instance answers a delivery that comes more
	// than once (the store, shared by instances on one PostgreSQL); nil
	// leaves each adapter to its own memory.
	claims claimer
	// queue is the store's write queue, watched by the metrics; nil
	// without a store.
	queue storeQueue
}

// claimer is slack.Claimer and discord.Claimer.
type claimer interface {
	Claim(ctx context.Context, key string) (bool, error)
}

// storeQueue is what the metrics read from the store's writer.
type storeQueue interface {
	Queued() int
	Lost() int64
}

// engineCore is the core of an engine without a store: answers, fact
// cards, no feedback or reports.
func engineCore(eng *engine.Engine) core { return core{answerer: eng, bot: eng.Bot} }

// serve wires the engine, middleware and adapters to one listener and runs
// them until ctx is done. client, when not nil, is used for calls to Slack.
func serve(ctx context.Context, cfg config.Config, c core, ln net.Listener, log *slog.Logger, client *http.Client) error {
	opts, err := build(cfg, c, log, client)
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

// build assembles the server: middleware around the engine, the enabled
// platforms and their routes, metrics.
func build(cfg config.Config, c core, log *slog.Logger, client *http.Client) (server.Options, error) {
	m := metrics.New()
	if c.queue != nil {
		m.WatchStore(c.queue.Queued, c.queue.Lost)
	}
	limiter := ratelimit.New(cfg.Limits.Questions, cfg.Limits.Per, nil)
	// Outermost first: the log line and the metrics see rate-limited
	// questions too, and time the whole chain; the recorder (inside c)
	// sees only the questions the limiter lets through.
	answerer := answerlog.New(log, nil).Middleware(m.Middleware(limiter.Middleware(
		cfg.Language.Rules().Middleware(c.answerer))))

	routes := http.NewServeMux()
	var platforms []server.Platform
	if cfg.Slack.Enabled {
		so := slack.Options{
			Answerer:      answerer,
			Mode:          cfg.Slack.Mode,
			BotToken:      cfg.Slack.BotToken.Value(),
			SigningSecret: cfg.Slack.SigningSecret.Value(),
			AppToken:      cfg.Slack.AppToken.Value(),
			Command:       cfg.Slack.Command,
			APIURL:        cfg.Slack.SlackAPIURL(),
			HTTPClient:    client,
			Logger:        log,
			Reject:        func(reason string) { m.Reject(slack.Platform, reason) },
			MaxBodyBytes:  cfg.HTTP.MaxBodyBytes,
			Moderators:    cfg.Slack.Moderators,
			FactsPublic:   cfg.Slack.FactsPublic,
			FactsCommand:  cfg.Slack.FactsCommand,
			ReportCommand: cfg.Slack.ReportCommand,
			Language:      cfg.Language.Rules().For,
		}
		// Interfaces stay nil (not a typed nil) for the parts not there.
		if c.bot != nil {
			so.Cards = c.bot
		}
		if c.recorder != nil {
			so.Feedback = c.recorder
		}
		if c.events != nil {
			so.Events = c.events
		}
		if c.claims != nil {
			so.Claims = c.claims
		}
		s, err := slack.New(so)
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
		d, err := newDiscord(cfg, answerer, c, m, log, client)
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
		ShutdownTimeout: cfg.HTTP.ShutdownTimeout,
		Logger:          log,
	}, nil
}

// newDiscord builds the Discord adapter from the [discord] section and the
// moderator toolkit in co. client, when not nil, carries its REST calls
// (and the gateway URL lookup).
func newDiscord(cfg config.Config, answerer bot.Answerer, co core, m *metrics.Metrics, log *slog.Logger, client *http.Client) (*discord.Adapter, error) {
	c := cfg.Discord
	opts := discord.Options{
		Logger:       log,
		HTTPClient:   client,
		OnReject:     func(reason string) { m.Reject(discord.Platform, reason) },
		MaxBodyBytes: cfg.HTTP.MaxBodyBytes,
		Events:       co.events,
		Language:     cfg.Language.Rules().For,
	}
	if co.bot != nil {
		opts.Cards, opts.Messages = co.bot, co.bot.Message
	}
	if co.recorder != nil {
		opts.Feedback = co.recorder
	}
	if co.claims != nil {
		opts.Claims = co.claims
	}
	return discord.New(discord.Config{
		Enabled:              c.Enabled,
		Mode:                 c.Mode,
		Token:                c.Token.Value(),
		ApplicationID:        c.ApplicationID,
		PublicKey:            c.PublicKey,
		GuildID:              c.GuildID,
		Ephemeral:            c.Ephemeral,
		ShardID:              c.ShardID,
		ShardCount:           c.ShardCount,
		MessageContentIntent: c.MessageContentIntent,
		ModeratorRoles:       c.ModeratorRoles,
		FactsPublic:          c.FactsPublic,
	}, answerer, opts)
}
