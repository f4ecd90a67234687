package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// Registered is what Register did: the commands' names and where.
type Registered struct {
	Names []string
	// Scope is "global" (can take up to an hour to show) or "guild ID"
	// (at once).
	Scope string
}

// RegisterOptions say which commands Register puts and how.
type RegisterOptions struct {
	// Subject names what the engine covers, for the commands'
	// descriptions; nil describes them generally.
	Subject Describer
	// Penalties, Facts and Reports say whether /penalty, /facts and
	// /factbot-report are served.
	Penalties, Facts, Reports bool
	// Client, when not nil, carries the requests (tests point it at a
	// fake Discord).
	Client *http.Client
}

// Register overwrites the application's commands through Discord's REST
// API, with no gateway connection: HTTP-interactions mode receives
// interactions with only the public key, but registering its commands
// needs the bot token, once per change of the command list.
func Register(ctx context.Context, cfg Config, o RegisterOptions) (Registered, error) {
	if cfg.BotToken() == "" {
		return Registered{}, errors.New("registering Discord commands needs the bot token: set FACTBOT_DISCORD_TOKEN")
	}
	s, err := discordgo.New(cfg.BotToken())
	if err != nil {
		return Registered{}, fmt.Errorf("discord: new session: %w", err)
	}
	if o.Client != nil {
		s.Client = o.Client
	}
	appID := cfg.ApplicationID
	if appID == "" {
		app, err := s.Application("@me")
		if err != nil {
			_, desc := classify(err)
			return Registered{}, fmt.Errorf("looking up the application (or set FACTBOT_DISCORD_APPLICATION_ID): %s", redact(errors.New(desc), cfg.Token.Value()))
		}
		appID = app.ID
	}
	cmds, err := s.ApplicationCommandBulkOverwrite(appID, cfg.GuildID, commandsFor(o.Subject, o.Penalties, o.Facts, o.Reports), discordgo.WithContext(ctx))
	if err != nil {
		_, desc := classify(err)
		return Registered{}, fmt.Errorf("registering commands: %s", redact(errors.New(desc), cfg.Token.Value()))
	}
	r := Registered{Scope: "global"}
	if cfg.GuildID != "" {
		r.Scope = "guild " + cfg.GuildID
	}
	for _, c := range cmds {
		r.Names = append(r.Names, "/"+c.Name)
	}
	return r, nil
}
