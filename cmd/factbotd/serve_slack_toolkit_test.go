package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack"
	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/server"
)

// The moderator toolkit on Slack through serve's wiring: the real engine
// inside the recorder on a real store, the Slack adapter with a moderator.
func TestServeSlackModeratorToolkit(t *testing.T) {
	const secret = "toolkit-signing-secret"
	cfg := config.Default()
	cfg.Slack.Enabled = true
	cfg.Slack.SigningSecret = secret
	cfg.Slack.BotToken = "xoxb-test"
	cfg.Slack.Moderators = []string{"UMOD1"}
	cfg.Store.Path = filepath.Join(t.TempDir(), "factbot.db")
	eng := enginetest.Embedded(t)
	log := slog.New(slog.DiscardHandler)
	rec, err := openRecording(t.Context(), cfg.Store, log)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.close(t.Context(), log)
	hooks := make(chan map[string]any, 4)
	hookSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		_ = json.NewDecoder(r.Body).Decode(&m)
		hooks <- m
		_, _ = w.Write([]byte("ok"))
	}))
	defer hookSrv.Close()
	opts, err := build(cfg, rec.parts(eng.Bot), log, hookSrv.Client())
	if err != nil {
		t.Fatal(err)
	}
	h := server.Handler(opts)

	post := func(path, contentType, body string) []byte {
		t.Helper()
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		r.Header.Set("Content-Type", contentType)
		ts := time.Now().Unix()
		r.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		r.Header.Set("X-Slack-Signature", slacktest.Sign(secret, ts, []byte(body)))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", path, w.Code, w.Body)
		}
		b, _ := io.ReadAll(w.Body)
		return b
	}
	command := func(cmd, text, user string) string {
		t.Helper()
		return string(post("/slack/commands", "application/x-www-form-urlencoded", url.Values{
			"command": {cmd}, "text": {text}, "user_id": {user}, "channel_id": {"C1"},
			"response_url": {hookSrv.URL + "/cmd"},
		}.Encode()))
	}

	card := command("/facts", "penalties", "UMOD1")
	for _, want := range []string{`"in_channel"`, "Over 80 kg", "up to 2 years in prison", "Not legal advice."} {
		if !strings.Contains(card, want) {
			t.Errorf("/facts penalties lacks %s: %s", want, card)
		}
	}
	public := command("/ask", "--public What is the penalty for 20 grams?", "UMOD1")
	var msg struct {
		ResponseType string `json:"response_type"`
		Blocks       []struct {
			BlockID  string `json:"block_id"`
			Elements []struct {
				ActionID string `json:"action_id"`
				Value    string `json:"value"`
			} `json:"elements"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(public), &msg); err != nil || msg.ResponseType != "in_channel" || !strings.Contains(public, "2 years") {
		t.Fatalf("/ask --public: %v %s", err, public)
	}
	var blockID, id string
	for _, b := range msg.Blocks {
		for _, e := range b.Elements {
			if e.ActionID == slack.FeedbackDownActionID {
				blockID, id = b.BlockID, e.Value
			}
		}
	}
	if id == "" {
		t.Fatalf("no 👎 on the public answer: %s", public)
	}
	for i, want := range []string{"Thanks for the feedback.", "You already gave feedback on this answer."} {
		payload, _ := json.Marshal(map[string]any{
			"type": "block_actions", "user": map[string]any{"id": "UMEMBER1"}, "channel": map[string]any{"id": "C1"},
			"response_url": hookSrv.URL + "/click",
			"actions":      []any{map[string]any{"type": "button", "action_id": slack.FeedbackDownActionID, "block_id": blockID, "value": id}},
		})
		post("/slack/interactions", "application/x-www-form-urlencoded", url.Values{"payload": {string(payload)}}.Encode())
		select {
		case ack := <-hooks:
			if ack["text"] != want || ack["response_type"] != "ephemeral" {
				t.Errorf("click %d acknowledged %v, want %q", i, ack, want)
			}
		case <-time.After(10 * time.Second): // hang guard
			t.Fatalf("click %d: no acknowledgement", i)
		}
	}

	if refused := command("/ask", "--public Is cannabis legal in Sweden?", "UMEMBER1"); !strings.Contains(refused, "Only moderators can post answers publicly") || !strings.Contains(refused, `"ephemeral"`) {
		t.Errorf("member's --public: %s", refused)
	}
	if err := rec.writer.Flush(t.Context()); err != nil { // questions are written in batches
		t.Fatal(err)
	}
	if report := command("/factbot-report", "", "UMOD1"); !strings.Contains(report, "is cannabis legal in sweden") || !strings.Contains(report, "asked 1× · 👤 1") {
		t.Errorf("report: %s", report)
	}
	if report := command("/factbot-report", "feedback", "UMOD1"); !strings.Contains(report, "1 👎 and 0 👍 in all.") {
		t.Errorf("feedback report: %s", report)
	}
}
