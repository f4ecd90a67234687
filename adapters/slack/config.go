package slack

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/secret"
)

// Delivery modes.
const (
	ModeHTTP   = "http"
	ModeSocket = "socket"
)

// DefaultAPIURL is Slack's Web API; slack-go wants the trailing slash.
const DefaultAPIURL = "https://slack.com/api/"

// Config is the [slack] section of factbot's configuration, defined here
// once: the file and FACTBOT_SLACK_* variables fill it (package config),
// New takes it.
type Config struct {
	Enabled       bool          `toml:"enabled"`
	Mode          string        `toml:"mode"` // ModeHTTP or ModeSocket
	BotToken      secret.Secret `toml:"bot_token"`
	SigningSecret secret.Secret `toml:"signing_secret"` // HTTP mode
	AppToken      secret.Secret `toml:"app_token"`      // Socket Mode (xapp-…)
	Command       string        `toml:"command"`
	APIURL        string        `toml:"api_url"`
	// Moderators are the Slack user IDs (U…) who may answer publicly
	// (/ask --public), whose /facts cards post in the channel, and who may
	// see /factbot-report.
	Moderators []string `toml:"moderators"`
	// FactsPublic posts everyone's /facts cards in the channel.
	FactsPublic   bool   `toml:"facts_public"`
	FactsCommand  string `toml:"facts_command"`
	ReportCommand string `toml:"report_command"`
}

// DefaultConfig is the configuration before the file and environment
// apply: disabled, HTTP mode, the usual command names.
func DefaultConfig() Config {
	return Config{Mode: ModeHTTP, Command: "/ask", APIURL: DefaultAPIURL,
		FactsCommand: "/facts", ReportCommand: "/factbot-report"}
}

// EnvPrefix starts the environment variables of the keys above, as in
// FACTBOT_SLACK_BOT_TOKEN.
const EnvPrefix = "FACTBOT_SLACK_"

var userIDRE = regexp.MustCompile(`^[UW][A-Z0-9]{2,20}$`)

// Validate checks what the mode needs and that every value is usable.
// Errors name keys and environment variables, never secret values.
func (c Config) Validate() error {
	var errs []error
	missing := func(key string) {
		errs = append(errs, fmt.Errorf("slack is enabled but slack.%s is missing: set %s%s", key, EnvPrefix, strings.ToUpper(key)))
	}
	switch c.Mode {
	case ModeHTTP:
		if c.SigningSecret == "" {
			missing("signing_secret")
		}
	case ModeSocket:
		if c.AppToken == "" {
			missing("app_token")
		} else if !strings.HasPrefix(c.AppToken.Value(), "xapp-") {
			errs = append(errs, fmt.Errorf("slack.app_token is not an app-level token (xapp-…): check %sAPP_TOKEN", EnvPrefix))
		}
	default:
		errs = append(errs, fmt.Errorf("slack.mode %q: want %q or %q", c.Mode, ModeHTTP, ModeSocket))
	}
	if c.BotToken == "" {
		missing("bot_token")
	}
	commands := map[string]string{}
	for _, cmd := range []struct{ key, value, example string }{
		{"command", c.Command, "/ask"}, {"facts_command", c.FactsCommand, "/facts"}, {"report_command", c.ReportCommand, "/factbot-report"},
	} {
		if !strings.HasPrefix(cmd.value, "/") || len(cmd.value) < 2 || strings.ContainsAny(cmd.value, " \t,") {
			errs = append(errs, fmt.Errorf("slack.%s %q: want a slash command such as %s", cmd.key, cmd.value, cmd.example))
			continue
		}
		if other, ok := commands[cmd.value]; ok {
			errs = append(errs, fmt.Errorf("slack.%s %q is also slack.%s: each command needs its own name", cmd.key, cmd.value, other))
		}
		commands[cmd.value] = cmd.key
	}
	for _, id := range c.Moderators {
		if !userIDRE.MatchString(id) {
			errs = append(errs, fmt.Errorf("slack.moderators: %q is not a Slack user ID such as U0123ABCD (profile → ⋯ → Copy member ID); check %sMODERATORS", id, EnvPrefix))
		}
	}
	if !strings.HasPrefix(c.APIURL, "http://") && !strings.HasPrefix(c.APIURL, "https://") {
		errs = append(errs, fmt.Errorf("slack.api_url %q: want an http(s) URL", c.APIURL))
	}
	return errors.Join(errs...)
}

// apiURL is api_url with the trailing slash slack-go needs.
func (c Config) apiURL() string {
	if c.APIURL == "" || strings.HasSuffix(c.APIURL, "/") {
		return c.APIURL
	}
	return c.APIURL + "/"
}

// Policy is what the chat core needs to know of this configuration.
func (c Config) Policy() chat.Platform {
	return chat.Platform{Moderators: c.Moderators, FactsPublic: c.FactsPublic, ReportCommand: c.ReportCommand}
}
