package config

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
)

func TestDiscordFromFileAndEnv(t *testing.T) {
	p := writeFile(t, `
[discord]
enabled = true
mode = "gateway"
guild_id = "123"
ephemeral = false
shard_id = 1
shard_count = 2
`)
	cfg, err := Load(p, env(map[string]string{
		"FACTBOT_DISCORD_TOKEN":                  "secret-bot-token",
		"FACTBOT_DISCORD_MESSAGE_CONTENT_INTENT": "true",
		"FACTBOT_DISCORD_SHARD_ID":               "0",
	}))
	if err != nil {
		t.Fatal(err)
	}
	d := cfg.Discord
	if d.Token.Value() != "secret-bot-token" || !d.MessageContentIntent || d.ShardID != 0 || d.ShardCount != 2 || d.GuildID != "123" || d.Ephemeral {
		t.Errorf("discord config %+v", d)
	}
	if strings.Contains(d.Token.String(), "secret") {
		t.Errorf("token prints itself")
	}
	if def := Default().Discord; def.Mode != DiscordModeGateway || !def.Ephemeral || def.Enabled {
		t.Errorf("defaults %+v", def)
	}
}

func TestDiscordValidation(t *testing.T) {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key := hex.EncodeToString(pub)
	httpWith := func(key string) map[string]string {
		return map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_MODE": "http", "FACTBOT_DISCORD_PUBLIC_KEY": key}
	}
	tests := []struct {
		env  map[string]string
		want string // "" = valid
	}{
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "true"}, "FACTBOT_DISCORD_TOKEN"},
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_MODE": "http"}, "FACTBOT_DISCORD_PUBLIC_KEY"},
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_MODE": "http", "FACTBOT_DISCORD_PUBLIC_KEY": "xyz"}, "64 hex digits"},
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_MODE": "http", "FACTBOT_DISCORD_PUBLIC_KEY": key}, ""},
		// Small-order points: a forged signature verifies for about one
		// message in four with these.
		{httpWith(strings.Repeat("00", 32)), "FACTBOT_DISCORD_PUBLIC_KEY"},                       // all zeros
		{httpWith("01" + strings.Repeat("00", 31)), "discord.public_key is not a usable"},        // the identity
		{httpWith("ec" + strings.Repeat("ff", 30) + "7f"), "discord.public_key is not a usable"}, // order 2
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_MODE": "socket", "FACTBOT_DISCORD_TOKEN": "t"}, "discord.mode"},
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_TOKEN": "tok-XYZ", "FACTBOT_DISCORD_SHARD_ID": "2", "FACTBOT_DISCORD_SHARD_COUNT": "2"}, "shard_id"},
		{map[string]string{"FACTBOT_DISCORD_ENABLED": "false", "FACTBOT_DISCORD_MODE": "nonsense"}, ""},
	}
	for _, tt := range tests {
		_, err := Load("", env(tt.env))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%v: %v", tt.env, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%v: error %v, want it to mention %q", tt.env, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "tok-XYZ"):
			t.Errorf("error leaks the token: %v", err)
		}
	}
}
