package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/factbot/factbot/chat"
)

// Slack delivery modes.
const (
	ModeHTTP   = "http"
	ModeSocket = "socket"
)

// DefaultSlackAPIURL is Slack's Web API; slack-go wants the trailing slash.
const DefaultSlackAPIURL = "https://slack.com/api/"

// Slack is the [slack] section: the Slack adapter's configuration,
// defined here once; the adapter takes it as it is.
type Slack struct {
	Enabled       bool   `toml:"enabled"`
	Mode          string `toml:"mode"` // ModeHTTP or ModeSocket
	BotToken      Secret `toml:"bot_token"`
	SigningSecret Secret `toml:"signing_secret"` // HTTP mode
	AppToken      Secret `toml:"app_token"`      // Socket Mode (xapp-…)
	Command       string `toml:"command"`
	APIURL        string `toml:"api_url"`
	// Moderators are the Slack user IDs (U…) who may answer publicly
	// (/ask --public), whose /facts cards post in the channel, and who may
	// see /factbot-report.
	Moderators []string `toml:"moderators"`
	// FactsPublic posts everyone's /facts cards in the channel.
	FactsPublic   bool   `toml:"facts_public"`
	FactsCommand  string `toml:"facts_command"`
	ReportCommand string `toml:"report_command"`
}

// DefaultSlack is the [slack] section before the file and environment
// apply: disabled, HTTP mode, the usual command names.
func DefaultSlack() Slack {
	return Slack{Mode: ModeHTTP, Command: "/ask", APIURL: DefaultSlackAPIURL,
		FactsCommand: "/facts", ReportCommand: "/factbot-report"}
}

// slackEnv starts the environment variables of the keys above, as in
// FACTBOT_SLACK_BOT_TOKEN.
const slackEnv = EnvPrefix + "SLACK_"

// slackUserIDRE matches Slack user IDs (U…, or W… on Enterprise Grid).
var slackUserIDRE = regexp.MustCompile(`^[UW][A-Z0-9]{2,20}$`)

// Validate checks what the mode needs and that every value is usable.
// Errors name keys and environment variables, never secret values.
func (c Slack) Validate() error {
	var errs []error
	missing := func(key string) {
		errs = append(errs, fmt.Errorf("slack is enabled but slack.%s is missing: set %s%s", key, slackEnv, strings.ToUpper(key)))
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
			errs = append(errs, fmt.Errorf("slack.app_token is not an app-level token (xapp-…): check %sAPP_TOKEN", slackEnv))
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
		if !slackUserIDRE.MatchString(id) {
			errs = append(errs, fmt.Errorf("slack.moderators: %q is not a Slack user ID such as U0123ABCD (profile → ⋯ → Copy member ID); check %sMODERATORS", id, slackEnv))
		}
	}
	if !strings.HasPrefix(c.APIURL, "http://") && !strings.HasPrefix(c.APIURL, "https://") {
		errs = append(errs, fmt.Errorf("slack.api_url %q: want an http(s) URL", c.APIURL))
	}
	return errors.Join(errs...)
}

// SlackAPIURL is api_url with the trailing slash slack-go needs.
func (c Slack) SlackAPIURL() string {
	if c.APIURL == "" || strings.HasSuffix(c.APIURL, "/") {
		return c.APIURL
	}
	return c.APIURL + "/"
}

// Policy is what the chat core needs to know of this configuration.
func (c Slack) Policy() chat.Platform {
	return chat.Platform{Moderators: c.Moderators, FactsPublic: c.FactsPublic, ReportCommand: c.ReportCommand}
}
