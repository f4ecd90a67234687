package config

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"filippo.io/edwards25519"

	"github.com/factbot/factbot/chat"
)

// discordIDRE matches Discord snowflakes.
var discordIDRE = regexp.MustCompile(`^[0-9]{1,20}$`)

// Delivery modes. Gateway holds a websocket to Discord and needs the bot
// token; HTTP receives interactions on POST /discord/interactions and needs
// only the public key.
const (
	DiscordModeGateway = "gateway"
	DiscordModeHTTP    = "http"
)

// Discord is the [discord] section: the Discord adapter's configuration,
// defined here once; the adapter takes it as it is.
type Discord struct {
	Enabled bool   `toml:"enabled"`
	Mode    string `toml:"mode"` // "gateway" (default) or "http"
	// Token is the bot token (without the "Bot " prefix, which is added).
	Token         Secret `toml:"token"`
	ApplicationID string `toml:"application_id"`
	// PublicKey is the application's hex Ed25519 key, used to verify HTTP
	// interactions.
	PublicKey string `toml:"public_key"`
	// GuildID registers the commands in one guild (instant) instead of
	// globally (slow to propagate).
	GuildID string `toml:"guild_id"`
	// Ephemeral makes /ask and /penalty answers visible only to the asker,
	// with a "Share in channel" button. DefaultConfig sets it.
	Ephemeral bool `toml:"ephemeral"`
	// ShardID and ShardCount: one process per shard; 0/0 means unsharded.
	ShardID    int `toml:"shard_id"`
	ShardCount int `toml:"shard_count"`
	// MessageContentIntent asks for the privileged intent. Mentions and DMs
	// carry their content without it, so it is off by default.
	MessageContentIntent bool `toml:"message_content_intent"`
	// ModeratorRoles are the role IDs whose members are moderators: they
	// may answer with public:true, and /facts posts publicly for them.
	ModeratorRoles []string `toml:"moderator_roles"`
	// FactsPublic posts everyone's /facts cards publicly.
	FactsPublic bool `toml:"facts_public"`
}

// ErrMissingSetting is wrapped by Validate when a required key is empty;
// the message names the environment variable to set.
var ErrMissingSetting = errors.New("missing setting")

// discordEnv is the environment prefix of the keys above, as in
// FACTBOT_DISCORD_TOKEN.
const discordEnv = EnvPrefix + "DISCORD_"

// DefaultDiscord is the [discord] section before the file and environment
// apply: disabled, gateway mode, ephemeral answers.
func DefaultDiscord() Discord {
	return Discord{Mode: DiscordModeGateway, Ephemeral: true}
}

// ModeOrDefault returns the configured mode with its default applied.
func (c Discord) ModeOrDefault() string {
	if c.Mode == "" {
		return DiscordModeGateway
	}
	return strings.ToLower(strings.TrimSpace(c.Mode))
}

// Validate checks the settings a mode needs and that every value is
// usable. Errors name keys and environment variables, never secret values.
func (c Discord) Validate() error {
	var errs []error
	switch c.ModeOrDefault() {
	case DiscordModeGateway:
		if strings.TrimSpace(c.Token.Value()) == "" {
			errs = append(errs, fmt.Errorf("discord is enabled but discord.token is missing (gateway mode): set %sTOKEN: %w", discordEnv, ErrMissingSetting))
		}
	case DiscordModeHTTP:
		if strings.TrimSpace(c.PublicKey) == "" {
			errs = append(errs, fmt.Errorf("discord is enabled but discord.public_key is missing (http mode): set %sPUBLIC_KEY: %w", discordEnv, ErrMissingSetting))
		} else if _, err := c.Key(); err != nil {
			errs = append(errs, err)
		}
	default:
		errs = append(errs, fmt.Errorf("discord.mode %q: want %q or %q", c.Mode, DiscordModeGateway, DiscordModeHTTP))
	}
	if c.ShardID < 0 || c.ShardCount < 0 || (c.ShardCount > 0 && c.ShardID >= c.ShardCount) || (c.ShardCount == 0 && c.ShardID != 0) {
		errs = append(errs, fmt.Errorf("discord.shard_id %d / shard_count %d: want 0 <= shard_id < shard_count, or both 0 unsharded", c.ShardID, c.ShardCount))
	}
	for _, r := range c.ModeratorRoles {
		if !discordIDRE.MatchString(strings.TrimSpace(r)) {
			errs = append(errs, fmt.Errorf("discord.moderator_roles: %q is not a role ID (digits; Discord: Server Settings → Roles → ⋯ → Copy Role ID); check %sMODERATOR_ROLES", r, discordEnv))
		}
	}
	return errors.Join(errs...)
}

// Key decodes the hex public key shown in the developer portal. A key
// that is no point of the curve, or one of small order (all zeros is one),
// is refused: with such a key a forged signature verifies for one message
// in a few, whatever the message.
func (c Discord) Key() (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(c.PublicKey))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("discord.public_key: want the 64 hex digits shown in the developer portal (check %sPUBLIC_KEY)", discordEnv)
	}
	p, err := new(edwards25519.Point).SetBytes(b)
	if err != nil || new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) == 1 {
		return nil, fmt.Errorf("discord.public_key is not a usable Ed25519 key (a weak or invalid point, such as all zeros): copy the application's public key from the developer portal (check %sPUBLIC_KEY)", discordEnv)
	}
	return ed25519.PublicKey(b), nil
}

// BotToken returns the Authorization value discordgo expects.
func (c Discord) BotToken() string {
	t := strings.TrimSpace(c.Token.Value())
	if t == "" || strings.HasPrefix(t, "Bot ") {
		return t
	}
	return "Bot " + t
}

// Policy is what the chat core needs to know of this section.
func (c Discord) Policy() chat.Platform {
	return chat.Platform{Moderators: c.ModeratorRoles, FactsPublic: c.FactsPublic,
		AnswersPublic: !c.Ephemeral, ReportCommand: "/factbot-report"}
}
