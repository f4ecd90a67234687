package slack

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/config"
)

// slowEngine answers like fakeEngine, but a question with "slow" in it
// waits until release is closed (a report over a large store, say).
type slowEngine struct {
	fakeEngine
	release chan struct{}
}

func (e *slowEngine) Answer(ctx context.Context, q bot.Question) bot.Answer {
	if strings.Contains(q.Text, "slow") {
		select {
		case <-e.release:
		case <-ctx.Done():
		}
	}
	return e.fakeEngine.Answer(ctx, q)
}

// A slash command whose reply is not ready within AckWithin is acknowledged
// at once (an empty 200), and the reply follows through response_url.
func TestSlowCommandAcknowledgedThenAnswered(t *testing.T) {
	eng := &slowEngine{release: make(chan struct{})}
	ta := newTestAdapter(t, func(s *testSetup) {
		s.Core.Answerer = eng
		s.Options.AckWithin = 20 * time.Millisecond
	})
	form := url.Values{"command": {"/ask"}, "text": {"slow penalty for 20 grams?"}, "user_id": {"U1"},
		"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {ta.slack.URL + "/hooks/slow"}}.Encode()
	rec := ta.do(signed("/slack/commands", formType, form)) // returns while the engine still waits
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Fatalf("ack %d %q, want an empty 200", rec.Code, rec.Body)
	}
	close(eng.release)
	p := ta.slack.next(t)
	if p.Path != "/hooks/slow" || p.JSON["response_type"] != "ephemeral" || !strings.Contains(blockText(t, p.JSON), "2 years") {
		t.Errorf("late reply %s %v", p.Path, p.JSON)
	}
}

// Socket Mode handles requests concurrently: a command acked while a slow
// one is still being answered.
func TestSocketModeRequestsConcurrent(t *testing.T) {
	fs := newFakeSocketSlack(t)
	eng := &slowEngine{release: make(chan struct{})}
	core, err := chat.New(chat.Options{Answerer: eng})
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.DefaultSlack()
	cfg.Mode, cfg.BotToken, cfg.AppToken, cfg.APIURL = ModeSocket, "xoxb-test", "xapp-test", fs.ws.URL+"/api/"
	a, err := New(cfg, core, Options{HTTPClient: fs.ws.Client(), AckWithin: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer start(t, a)()
	c := fs.conn(t)
	send(t, c, map[string]any{"type": "hello"})
	send(t, c, slashEnvelope("env-slow", "slow penalty for 20 grams?"))
	send(t, c, slashEnvelope("env-fast", "penalty for 20 grams?"))
	readAck(t, c, "env-fast") // one at a time, this would wait for env-slow
	close(eng.release)
	if ack := readAck(t, c, "env-slow"); !strings.Contains(blockText(t, ack), "2 years") {
		t.Errorf("slow ack %v", ack)
	}
}
