package metrics

import (
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/factbot/factbot/bot"
)

func TestMiddlewareAndHandler(t *testing.T) {
	m := New()
	a := m.Middleware(bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		switch q.Text {
		case "limited":
			return bot.Answer{Intent: bot.IntentLimited, Reason: "rate_limited"}
		case "no":
			return bot.Answer{Intent: bot.IntentNone, Reason: "off_topic"}
		}
		return bot.Answer{Answered: true, Intent: bot.IntentPenalty}
	}))
	for _, text := range []string{"yes", "yes", "no", "limited"} {
		a.Answer(context.Background(), bot.Question{Text: text, Platform: "slack"})
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
		`factbot_answer_duration_seconds_count{platform="slack"} 4`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
