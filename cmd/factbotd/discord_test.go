package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbot/factbot/adapters/discord/discordtest"
)

// factbotd discord register puts the commands to Discord's REST API (a
// local fake here) with the bot token, in the configured guild.
func TestDiscordRegister(t *testing.T) {
	fake := registerFixture(t)
	var stdout, stderr strings.Builder
	if code := discordCommand(t.Context(), []string{"register"}, &stdout, &stderr, fake.Client()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	req := <-fake.Requests
	if req.Method != "PUT" || req.Path != "/api/v9/applications/app9/guilds/123/commands" || req.Header.Get("Authorization") != "Bot tok-secret" {
		t.Fatalf("request %s %s (auth %q)", req.Method, req.Path, req.Header.Get("Authorization"))
	}
	var cmds []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(req.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, " "); got != "ask penalty about facts" {
		t.Errorf("registered %q, want ask penalty about facts (no report without a store)", got)
	}
	if out := stdout.String(); !strings.Contains(out, "registered 4 commands (guild 123): /ask /penalty /about /facts") {
		t.Errorf("stdout %q", out)
	}
}

// registerFixture is a fake Discord and the environment discord register
// reads: a token, an application and a guild, no store.
func registerFixture(t *testing.T) *discordtest.Server {
	t.Helper()
	fake := discordtest.New(t, discordtest.Options{})
	t.Setenv("FACTBOT_DISCORD_TOKEN", "tok-secret")
	t.Setenv("FACTBOT_DISCORD_APPLICATION_ID", "app9")
	t.Setenv("FACTBOT_DISCORD_GUILD_ID", "123")
	t.Setenv("FACTBOT_STORE_ENABLED", "false")
	return fake
}

// An article without a penalty table registers no /penalty.
func TestDiscordRegisterWithoutPenaltyTable(t *testing.T) {
	fake := registerFixture(t)
	article := filepath.Join("..", "..", "testdata", "fiction", "lanternmoth-keeping-in-veldoria.txt")
	var stdout, stderr strings.Builder
	if code := discordCommand(t.Context(), []string{"register", "--corpus", article}, &stdout, &stderr, fake.Client()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	<-fake.Requests
	if out := stdout.String(); !strings.Contains(out, "registered 3 commands (guild 123): /ask /about /facts") {
		t.Errorf("stdout %q, want no /penalty", out)
	}
}

// Without a token it says which variable to set, and touches nothing.
func TestDiscordRegisterNeedsToken(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{})
	var stderr strings.Builder
	if code := discordCommand(t.Context(), []string{"register"}, io.Discard, &stderr, fake.Client()); code != 1 || !strings.Contains(stderr.String(), "FACTBOT_DISCORD_TOKEN") {
		t.Errorf("exit %d, stderr %q: want 1 naming FACTBOT_DISCORD_TOKEN", code, stderr.String())
	}
	if code := run(t.Context(), []string{"discord"}, io.Discard, io.Discard); code != 2 {
		t.Errorf("factbotd discord: exit %d, want 2 with the usage", code)
	}
	select {
	case r := <-fake.Requests:
		t.Errorf("a request without a token: %s %s", r.Method, r.Path)
	default:
	}
}

// Without an application ID it is looked up with the token.
func TestDiscordRegisterLooksUpTheApplication(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{})
	t.Setenv("FACTBOT_DISCORD_TOKEN", "tok")
	var stderr strings.Builder
	if code := discordCommand(t.Context(), []string{"register"}, io.Discard, &stderr, fake.Client()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if r := <-fake.Requests; r.Path != "/api/v9/oauth2/applications/@me" {
		t.Errorf("first request %s, want the application lookup", r.Path)
	}
	if r := <-fake.Requests; r.Path != "/api/v9/applications/m1/commands" {
		t.Errorf("then %s, want the global commands of the application found (m1)", r.Path)
	}
}
