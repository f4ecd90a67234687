package discord

import "github.com/factbot/factbot/internal/config"

// Config is the [discord] section, defined once in package config.
type Config = config.Discord

// Delivery modes. Gateway holds a websocket to Discord and needs the bot
// token; HTTP receives interactions on POST /discord/interactions and needs
// only the public key.
const (
	ModeGateway = config.DiscordModeGateway
	ModeHTTP    = config.DiscordModeHTTP
)
