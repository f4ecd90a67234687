package bot_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
)

// memStore is an in-memory bot.EventRecorder with the contract's dedup,
// for tests of the Recorder. The reports are tested on the real store
// (package store), where they are SQL.
type memStore struct {
	mu     sync.Mutex
	events []bot.Event
	votes  map[string]bool
	fail   error
}

func (m *memStore) Record(_ context.Context, e bot.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	e.User = "h:" + e.User
	if e.Kind == bot.EventFeedback {
		k := e.AnswerID + "|" + e.User
		if m.votes[k] {
			return bot.ErrDuplicateFeedback
		}
		if m.votes == nil {
			m.votes = map[string]bool{}
		}
		m.votes[k] = true
		for _, q := range m.events {
			if q.Kind == bot.EventQuestion && q.AnswerID == e.AnswerID {
				e.Question, e.Intent, e.Answer, e.Section, e.Answered = q.Question, q.Intent, q.Answer, q.Section, q.Answered
			}
		}
	}
	m.events = append(m.events, e)
	return nil
}

// recording answers with b and records each answer with rec, as the chat
// core's record middleware does.
func recording(rec *bot.Recorder, b bot.Answerer) bot.Answerer {
	return bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		return rec.Record(ctx, q, b.Answer(ctx, q))
	})
}

func TestRecorderRecord(t *testing.T) {
	b := realBot(t)
	st := &memStore{}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	rec := bot.NewRecorder(st, bot.RecorderOptions{Now: func() time.Time { return now }})
	ans := recording(rec, b)
	ctx := context.Background()
	declined := ans.Answer(ctx, bot.Question{Text: "Is cannabis legal in Sweden?", Platform: "slack", User: "U1"})
	answered := ans.Answer(ctx, bot.Question{Text: "What is the penalty for 20 grams?", Platform: "slack", User: "U2"})
	if declined.Answered || !answered.Answered {
		t.Fatalf("unexpected answers: %+v / %+v", declined, answered)
	}
	if declined.ID == "" || answered.ID == "" || declined.ID == answered.ID {
		t.Errorf("answer IDs %q, %q: want two distinct", declined.ID, answered.ID)
	}
	if ts, err := bot.AnswerIDTime(answered.ID); err != nil || !ts.Equal(now) {
		t.Errorf("AnswerIDTime(%q) = %v, %v", answered.ID, ts, err)
	}
	if len(st.events) != 2 {
		t.Fatalf("%d events recorded, want 2", len(st.events))
	}
	d := st.events[0]
	if d.Question != "Is cannabis legal in Sweden?" || d.Answered || d.Reason != "other_country" || d.Intent != bot.IntentScope ||
		d.AnswerID != declined.ID || d.Platform != "slack" || !d.Time.Equal(now) || d.Answer != "" {
		t.Errorf("declined event %+v", d)
	}
	a := st.events[1]
	if a.Answer != answered.Text || a.Section != "Enforcement" || !a.Answered {
		t.Errorf("answered event %+v", a)
	}

	// Declined only: an answered question gets an ID but no record.
	st2 := &memStore{}
	only := recording(bot.NewRecorder(st2, bot.RecorderOptions{DeclinedOnly: true}), b)
	if got := only.Answer(ctx, bot.Question{Text: "What is the penalty for 20 grams?"}); got.ID == "" || len(st2.events) != 0 {
		t.Errorf("declined-only recorded an answered question (%d events), or gave no ID", len(st2.events))
	}
	only.Answer(ctx, bot.Question{Text: "weather in Oslo tomorrow?"})
	if len(st2.events) != 1 {
		t.Errorf("declined-only: %d events, want 1", len(st2.events))
	}

	// A failing store costs no answer.
	bad := recording(bot.NewRecorder(&memStore{fail: errors.New("disk full")}, bot.RecorderOptions{}), b)
	if got := bad.Answer(ctx, bot.Question{Text: "What is the penalty for 20 grams?"}); !got.Answered {
		t.Error("a store failure cost the answer")
	}
}

func TestAnswerID(t *testing.T) {
	t0 := time.Unix(1, 0)
	a, b := bot.NewAnswerID(t0), bot.NewAnswerID(t0.Add(time.Nanosecond))
	if len(a) != 24 || a >= b {
		t.Errorf("IDs %q, %q: want 24 hex digits sorting by time", a, b)
	}
	for _, bad := range []string{"", "xyz", a[:23], a + "0", "ABCDEF0123456789ABCDEF01"} {
		if _, err := bot.AnswerIDTime(bad); !errors.Is(err, bot.ErrUnknownAnswer) {
			t.Errorf("AnswerIDTime(%q) = %v, want ErrUnknownAnswer", bad, err)
		}
	}
}

func TestNormalizeQuestion(t *testing.T) {
	for in, want := range map[string]string{
		"What's the penalty in Sweden?":     "whats the penalty in sweden",
		"  what's   THE penalty in sweden ": "whats the penalty in sweden",
		"What’s the penalty, in Sweden!!":   "whats the penalty in sweden",
		"10g-20g / cannabis":                "10g 20g cannabis",
		"Hva er straffen i Sverige?":        "hva er straffen i sverige",
		"🙂":                                 "",
	} {
		if got := bot.NormalizeQuestion(in); got != want {
			t.Errorf("NormalizeQuestion(%q) = %q, want %q", in, got, want)
		}
	}
}
