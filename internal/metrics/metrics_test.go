package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

func TestObserveAndHandler(t *testing.T) {
	m := New()
	for _, o := range []chat.Observation{
		{Platform: "slack", Kind: chat.KindAsk, Status: chat.StatusOK, Intent: bot.IntentPenalty, Answered: true},
		{Platform: "slack", Kind: chat.KindAsk, Status: chat.StatusOK, Intent: bot.IntentPenalty, Answered: true},
		{Platform: "slack", Kind: chat.KindAsk, Status: chat.StatusDeclined, Intent: bot.IntentNone},
		{Platform: "slack", Kind: chat.KindAsk, Status: chat.StatusRateLimited},
		{Platform: "slack", Kind: chat.KindFacts, Status: chat.StatusOK},
	} {
		m.Observe(o)
	}
	m.Reject("slack", "bad_signature")

	if got := testutil.ToFloat64(m.questions.WithLabelValues("slack", "penalty", "true")); got != 2 {
		t.Errorf("answered penalty = %v", got)
	}
	if got := testutil.ToFloat64(m.questions.WithLabelValues("slack", "none", "false")); got != 1 {
		t.Errorf("declined = %v", got)
	}
	if got := testutil.ToFloat64(m.rejected.WithLabelValues("slack", "rate_limited")); got != 1 {
		t.Errorf("rate_limited rejects = %v", got)
	}

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`factbot_questions_total{answered="true",intent="penalty",platform="slack"} 2`,
		`factbot_rejected_requests_total{platform="slack",reason="bad_signature"} 1`,
		`factbot_answer_duration_seconds_count{platform="slack"} 3`,
		`factbot_requests_total{kind="facts",platform="slack",status="ok"} 1`,
		`factbot_requests_total{kind="ask",platform="slack",status="rate_limited"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestWatchStore(t *testing.T) {
	m := New()
	queued, lost := 3, int64(0)
	m.WatchStore(func() int { return queued }, func() int64 { return lost })
	lost = 42
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	for _, want := range []string{"factbot_store_queued_records 3", "factbot_store_lost_records_total 42"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
