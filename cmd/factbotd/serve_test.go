package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
)

// startServe runs serve with the real engine on a loopback port and returns
// its base URL; the cleanup stops it and checks it stopped cleanly.
func startServe(t *testing.T, cfg config.Config) string {
	t.Helper()
	eng := enginetest.Embedded(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, engineParts(eng), ln, slog.New(slog.DiscardHandler), nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve = %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeSlackHTTP(t *testing.T) {
	const secret = "test-signing-secret"
	cfg := config.Default()
	cfg.Slack.Enabled = true
	cfg.Slack.SigningSecret = secret
	cfg.Slack.BotToken = "xoxb-test"
	cfg.Slack.APIURL = "http://127.0.0.1:1/api/" // never called by a slash command
	base := startServe(t, cfg)

	body := url.Values{"command": {"/ask"}, "text": {"What is the penalty for 20 grams?"},
		"user_id": {"U1"}, "channel_id": {"C1"}, "response_url": {"http://127.0.0.1:1/hook"}}.Encode()
	req, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts := time.Now().Unix()
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", slacktest.Sign(secret, ts, []byte(body)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	reply, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(reply), "2 years") || !strings.Contains(string(reply), `"ephemeral"`) {
		t.Fatalf("/slack/commands %d %s", resp.StatusCode, reply)
	}

	// A forged request is refused and counted.
	forged, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	forged.Header = req.Header.Clone()
	forged.Header.Set("X-Slack-Signature", slacktest.Sign("not-the-secret", ts, []byte(body)))
	if resp, err := http.DefaultClient.Do(forged); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged request: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}

	if code, h := get(t, base+"/healthz"); code != 200 || !strings.Contains(h, `"slack":{"state":"ready","ready":true}`) {
		t.Errorf("/healthz %d %s", code, h)
	}
	code, m := get(t, base+"/metrics")
	for _, want := range []string{
		`factbot_questions_total{answered="true",intent="penalty",platform="slack"} 1`,
		`factbot_answer_duration_seconds_count{platform="slack"} 1`,
		`factbot_rejected_requests_total{platform="slack",reason="bad_signature"} 1`,
	} {
		if code != 200 || !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestServeSlackDisabled(t *testing.T) {
	base := startServe(t, config.Default())
	if code, h := get(t, base+"/healthz"); code != 200 || !strings.Contains(h, `"disabled"`) {
		t.Errorf("/healthz %d %s", code, h)
	}
	if code, m := get(t, base+"/metrics"); code != 200 || !strings.Contains(m, "go_goroutines") {
		t.Errorf("/metrics %d", code)
	}
	if code, _ := get(t, base+"/slack/commands"); code != http.StatusNotFound {
		t.Errorf("/slack/commands with Slack disabled: %d", code)
	}
}

func TestRunServeConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("[slack]\nenabled = true\nsigning_secrte = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := runServe(context.Background(), []string{"--config", bad}, io.Discard, &stderr); code != 2 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(stderr.String(), "bad.toml:3") || !strings.Contains(stderr.String(), "slack.signing_secrte") {
		t.Errorf("stderr = %q", stderr.String())
	}

	t.Setenv("FACTBOT_SLACK_ENABLED", "true")
	t.Setenv("FACTBOT_SLACK_BOT_TOKEN", "xoxb-very-secret")
	stderr.Reset()
	if code := runServe(context.Background(), nil, io.Discard, &stderr); code != 2 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(stderr.String(), "FACTBOT_SLACK_SIGNING_SECRET") || strings.Contains(stderr.String(), "very-secret") {
		t.Errorf("stderr = %q", stderr.String())
	}
}
