package main

import (
	"github.com/factbot/factbot/internal/cli"

	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/factbot/factbot/adapters/discord"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/internal/config"
)

// runDiscord is "factbotd discord register": it registers the Discord
// commands through the REST API, which HTTP-interactions mode needs done
// once (and again when the command list changes) since serve then has no
// bot token to do it at start.
func runDiscord(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return discordCommand(ctx, args, stdout, stderr, nil)
}

func discordCommand(ctx context.Context, args []string, stdout, stderr io.Writer, client *http.Client) int {
	fs := flag.NewFlagSet("discord register", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "TOML config file (optional: FACTBOT_DISCORD_TOKEN, _APPLICATION_ID and _GUILD_ID can come from the environment)")
	corpusPath := fs.String("corpus", "", "describe the commands for this article file instead of the embedded one (as serve --corpus)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbotd discord register [--config FILE] [--corpus FILE]

Registers factbot's slash commands with Discord (/ask, /penalty, /about,
/facts, and /factbot-report when the store is enabled), in the guild of
discord.guild_id at once, or globally without it (Discord can take up to an
hour to show global commands). Needs the bot token (FACTBOT_DISCORD_TOKEN)
even when serve runs in HTTP mode with only the public key. Run it again
after an upgrade that changes the commands.

Flags:
`)
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "register" {
		fs.Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return 0
		}
		return 2
	}
	if code, done := cli.ParseFlags(fs, args[1:]); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factbotd discord register: unexpected arguments %q\n", fs.Args())
		return 2
	}
	cfg, err := config.Load(*configPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "factbotd discord register: %v\n", err)
		return 2
	}
	eng, err := engine.Load(*corpusPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "factbotd discord register: %v\n", err)
		return 1
	}
	defer eng.Close()
	r, err := discord.Register(ctx, cfg.Discord, discord.RegisterOptions{
		Subject: engineParts(eng).describer(), Penalties: engineParts(eng).penalties(), Facts: true,
		Reports: cfg.Store.Enabled, Client: client,
	})
	if err != nil {
		fmt.Fprintf(stderr, "factbotd discord register: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "registered %d commands (%s): %s\n", len(r.Names), r.Scope, strings.Join(r.Names, " "))
	return 0
}
