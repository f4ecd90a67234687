package slack

import "github.com/factbot/factbot/internal/config"

// Config is the [slack] section, defined once in package config.
type Config = config.Slack

// Delivery modes.
const (
	ModeHTTP   = config.ModeHTTP
	ModeSocket = config.ModeSocket
)
