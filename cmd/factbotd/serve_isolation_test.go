package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/config"
)

// Slack in Socket Mode with an app token Slack refuses, and Discord in HTTP
// mode on the same process: serve stays up, answers a signed Discord PING,
// and /healthz names Slack as failed and the variable to fix, while
// Discord's readiness stays 200 for the load balancer.
func TestServeSlackFailureLeavesDiscordServing(t *testing.T) {
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":false,"error":"invalid_auth"}`))
	}))
	t.Cleanup(refusing.Close)
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Slack.Enabled, cfg.Slack.Mode = true, config.ModeSocket
	cfg.Slack.BotToken, cfg.Slack.AppToken = "xoxb-test", "xapp-refused"
	cfg.Slack.APIURL = refusing.URL + "/api/"
	cfg.Discord.Enabled, cfg.Discord.Mode = true, config.DiscordModeHTTP
	cfg.Discord.PublicKey = hex.EncodeToString(pub)
	base := startServe(t, cfg)

	var code int
	var body string
	for range 500 { // until Slack has been refused; a hang guard, not timing
		if code, body = get(t, base+"/healthz/slack"); strings.Contains(body, `"failed"`) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "FACTBOT_SLACK_APP_TOKEN") {
		t.Fatalf("/healthz/slack %d %s: want 503 naming FACTBOT_SLACK_APP_TOKEN", code, body)
	}
	if code, body := signedPost(t, base+"/discord/interactions", priv, `{"id":"1","application_id":"a","type":1,"token":"t","version":1}`); code != 200 || !strings.Contains(body, `"type":1`) {
		t.Errorf("Discord PING after Slack failed: %d %s", code, body)
	}
	if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, `"status":"degraded"`) ||
		!strings.Contains(body, `"slack":{"state":"failed","ready":false`) || !strings.Contains(body, `"discord":{"state":"ready","ready":true}`) {
		t.Errorf("/healthz %d %s", code, body)
	}
	if code, _ := get(t, base+"/healthz/discord"); code != 200 {
		t.Errorf("/healthz/discord %d, want 200", code)
	}
}

// A misspelt FACTBOT_ variable and a Discord public key of all zeros each
// stop start-up, naming what to fix.
func TestServeRefusesMisspeltVariableAndWeakKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"misspelt variable", map[string]string{"FACTBOT_SLACK_SIGINING_SECRET": "x"},
			[]string{"FACTBOT_SLACK_SIGINING_SECRET", "did you mean FACTBOT_SLACK_SIGNING_SECRET"}},
		{"all-zero public key", map[string]string{"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_MODE": "http",
			"FACTBOT_DISCORD_PUBLIC_KEY": strings.Repeat("0", 64)}, []string{"FACTBOT_DISCORD_PUBLIC_KEY", "weak"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			var stderr strings.Builder
			if code := runServe(t.Context(), nil, io.Discard, &stderr); code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", code, stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr %q lacks %q", stderr.String(), w)
				}
			}
		})
	}
}
