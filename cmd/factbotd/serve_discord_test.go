package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/discord"
	"github.com/factbot/factbot/adapters/discord/discordtest"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
)

// signedPost sends an interaction to /discord/interactions as Discord would.
func signedPost(t *testing.T, u string, key ed25519.PrivateKey, body string) (int, string) {
	t.Helper()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(ts+body))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Discord in HTTP-interactions mode on the shared listener, with the real
// engine: a signed /penalty gets the tier, a forged one is refused and
// counted, /healthz and /metrics show platform "discord".
func TestServeDiscordHTTP(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Discord.Enabled = true
	cfg.Discord.Mode = discord.ModeHTTP
	cfg.Discord.PublicKey = hex.EncodeToString(pub)
	base := startServe(t, cfg)
	u := base + "/discord/interactions"

	if code, body := signedPost(t, u, priv, `{"id":"1","application_id":"a","type":1,"token":"t","version":1}`); code != 200 || !strings.Contains(body, `"type":1`) {
		t.Fatalf("PING: %d %s", code, body)
	}
	penalty := `{"id":"2","application_id":"a","type":2,"token":"t2","version":1,"channel_id":"c1",
	  "user":{"id":"42","username":"alice"},
	  "data":{"id":"x","name":"penalty","type":1,"options":[{"name":"amount","type":3,"value":"20 grams"}]}}`
	code, body := signedPost(t, u, priv, penalty)
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Flags  int `json:"flags"`
			Embeds []struct {
				Title       string `json:"title"`
				Description string `json:"description"`
				Footer      struct {
					Text string `json:"text"`
				} `json:"footer"`
			} `json:"embeds"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil || code != 200 {
		t.Fatalf("/penalty: %d %s", code, body)
	}
	if resp.Type != 4 || resp.Data.Flags&64 == 0 || len(resp.Data.Embeds) != 1 ||
		!strings.Contains(resp.Data.Embeds[0].Description, "2 years") || resp.Data.Embeds[0].Footer.Text != "Not legal advice." {
		t.Errorf("/penalty answer %s", body)
	}

	if code, _ := signedPost(t, u, func() ed25519.PrivateKey { _, k, _ := ed25519.GenerateKey(rand.Reader); return k }(), penalty); code != http.StatusUnauthorized {
		t.Errorf("forged interaction: %d", code)
	}

	if code, h := get(t, base+"/healthz"); code != 200 || !strings.Contains(h, `"discord":{"state":"ready","ready":true}`) {
		t.Errorf("/healthz %d %s", code, h)
	}
	_, m := get(t, base+"/metrics")
	for _, want := range []string{
		`factbot_questions_total{answered="true",intent="penalty",platform="discord"} 1`,
		`factbot_rejected_requests_total{platform="discord",reason="bad_signature"} 1`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestServeDiscordMissingToken(t *testing.T) {
	t.Setenv("FACTBOT_DISCORD_ENABLED", "true")
	t.Setenv("FACTBOT_HTTP_ADDR", "127.0.0.1:0")
	var stderr strings.Builder
	if code := runServe(t.Context(), nil, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "FACTBOT_DISCORD_TOKEN") {
		t.Errorf("exit %d, stderr %q: want a start-up error naming FACTBOT_DISCORD_TOKEN", code, stderr.String())
	}
}

// Discord over the gateway, through serve, against a local fake Discord:
// the commands are registered, /ask is answered by the real engine in an
// ephemeral embed, /healthz shows the connection.
func TestServeDiscordGateway(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{})
	eng := enginetest.Embedded(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	cfg := config.Default()
	cfg.Discord.Enabled = true
	cfg.Discord.Token = "gateway-test-token"
	cfg.Discord.GuildID = "g1"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, engineParts(eng), ln, slog.New(slog.DiscardHandler), fake.Client()) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve = %v", err)
		}
	}()

	if op, d := fake.NextIdentify(); op != 2 || d["token"] != "Bot gateway-test-token" {
		t.Fatalf("IDENTIFY op %d token %v", op, d["token"])
	}
	if reg := fake.Next(); reg.Method != http.MethodPut || reg.Path != "/api/v9/applications/app1/guilds/g1/commands" {
		t.Fatalf("registration %s %s", reg.Method, reg.Path)
	}
	fake.Dispatch("INTERACTION_CREATE", map[string]any{
		"id": "i1", "application_id": "app1", "type": 2, "token": "tok1", "version": 1, "channel_id": "c1", "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "alice"}},
		"data": map[string]any{"id": "x", "name": "ask", "type": 1,
			"options": []any{map[string]any{"name": "question", "type": 3, "value": "What is the penalty for 20 grams?"}}},
	})
	cb := fake.Next()
	if cb.Path != "/api/v9/interactions/i1/tok1/callback" || !strings.Contains(string(cb.Body), "2 years") ||
		!strings.Contains(string(cb.Body), `"flags":64`) || !strings.Contains(string(cb.Body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("callback %s %s", cb.Path, cb.Body)
	}
	if code, h := get(t, base+"/healthz"); code != 200 || !strings.Contains(h, `"discord":{"state":"connected","ready":true}`) {
		t.Errorf("/healthz %d %s", code, h)
	}
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, `factbot_questions_total{answered="true",intent="penalty",platform="discord"} 1`) {
		t.Errorf("/metrics lacks the discord question")
	}
}
