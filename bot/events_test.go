package bot_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
)

// memStore is an in-memory bot.EventStore with the contract's dedup and
// question linking, for tests of what sits on top of a store.
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

func (m *memStore) Scan(ctx context.Context, q bot.EventQuery, fn func(bot.Event) error) error {
	m.mu.Lock()
	events := slices.Clone(m.events)
	m.mu.Unlock()
	for _, e := range events {
		if e.Time.Before(q.Since) || (q.Kind != "" && e.Kind != q.Kind) || (q.Declined && e.Kind == bot.EventQuestion && e.Answered) {
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func TestRecorderMiddleware(t *testing.T) {
	b := realBot(t)
	st := &memStore{}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	rec := bot.NewRecorder(st, bot.RecorderOptions{Now: func() time.Time { return now }})
	ans := rec.Middleware(b)
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
	only := bot.NewRecorder(st2, bot.RecorderOptions{DeclinedOnly: true}).Middleware(b)
	if got := only.Answer(ctx, bot.Question{Text: "What is the penalty for 20 grams?"}); got.ID == "" || len(st2.events) != 0 {
		t.Errorf("declined-only recorded an answered question (%d events), or gave no ID", len(st2.events))
	}
	only.Answer(ctx, bot.Question{Text: "weather in Oslo tomorrow?"})
	if len(st2.events) != 1 {
		t.Errorf("declined-only: %d events, want 1", len(st2.events))
	}

	// A failing store costs no answer.
	bad := bot.NewRecorder(&memStore{fail: errors.New("disk full")}, bot.RecorderOptions{}).Middleware(b)
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

func TestUnansweredReport(t *testing.T) {
	st := &memStore{}
	ctx := context.Background()
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	add := func(at time.Duration, user, q string, answered bool, reason string) {
		intent := bot.IntentNone
		if reason == "help" {
			intent = bot.IntentHelp
		}
		_ = st.Record(ctx, bot.Event{Time: t0.Add(at), Kind: bot.EventQuestion, User: user, Question: q,
			Answered: answered, Reason: reason, Intent: intent, AnswerID: bot.NewAnswerID(t0)})
	}
	add(0, "a", "Is it legal in Sweden?", false, "other_country") // before Since
	add(time.Hour, "a", "Is it legal in Sweden?", false, "other_country")
	add(2*time.Hour, "b", "is it legal in sweden", false, "other_country")
	add(3*time.Hour, "b", "IS IT LEGAL IN SWEDEN!!", false, "other_country")
	add(4*time.Hour, "c", "What about edibles?", false, "off_topic")
	add(5*time.Hour, "d", "What about edibles", false, "off_topic")
	add(5*time.Hour, "e", "What is the penalty for 20 grams?", true, "")
	add(6*time.Hour, "f", "help", false, "help")
	add(6*time.Hour, "f", "", false, "empty")
	add(7*time.Hour, "g", "who won the match", false, "off_topic")

	rep, err := bot.Unanswered(ctx, st, bot.ReportOptions{Since: t0.Add(time.Minute), Top: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Declined != 6 || rep.Distinct != 3 || len(rep.Rows) != 2 {
		t.Fatalf("report %+v: want 6 declined, 3 distinct, 2 rows", rep)
	}
	if r := rep.Rows[0]; r.Question != "is it legal in sweden" || r.Count != 3 || r.Users != 2 || r.Reason != "other_country" || !r.Last.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("first row %+v", r)
	}
	if r := rep.Rows[1]; r.Question != "what about edibles" || r.Count != 2 || r.Users != 2 {
		t.Errorf("second row %+v", r)
	}
	all, _ := bot.Unanswered(ctx, st, bot.ReportOptions{})
	if all.Rows[0].Count != 4 || len(all.Rows) != 3 {
		t.Errorf("without since: %+v", all.Rows)
	}
}

func TestFeedbackReport(t *testing.T) {
	st := &memStore{}
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	rec := bot.NewRecorder(st, bot.RecorderOptions{Now: func() time.Time { return now }})
	b := realBot(t)
	mw := rec.Middleware(b)
	a1 := mw.Answer(ctx, bot.Question{Text: "What is the penalty for 20 grams?", User: "u1"})
	a2 := mw.Answer(ctx, bot.Question{Text: "penalty for 20 g", User: "u2"})
	a3 := mw.Answer(ctx, bot.Question{Text: "Is medical cannabis legal?", User: "u3"})
	vote := func(user, id string, v bot.Vote) {
		t.Helper()
		if _, err := rec.Feedback(ctx, "discord", user, id, v); err != nil {
			t.Fatal(err)
		}
	}
	if a1.Text == a2.Text {
		t.Fatalf("the two penalty questions got the same text %q; the test needs two different answers", a1.Text)
	}
	vote("x", a1.ID, bot.VoteDown)
	vote("y", a1.ID, bot.VoteDown)
	vote("y", a1.ID, bot.VoteDown) // duplicate, not counted
	vote("z", a1.ID, bot.VoteUp)
	vote("x", a2.ID, bot.VoteDown)
	vote("x", a3.ID, bot.VoteUp) // no 👎: not listed
	vote("x", bot.NewAnswerID(now), bot.VoteDown)

	rep, err := bot.Feedback(ctx, st, bot.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Down != 4 || rep.Up != 2 || len(rep.Rows) != 3 {
		t.Fatalf("report: down %d up %d rows %+v", rep.Down, rep.Up, rep.Rows)
	}
	r := rep.Rows[0]
	if r.Answer != a1.Text || r.Down != 2 || r.Up != 1 || r.Section != "Enforcement" ||
		len(r.Questions) != 1 || r.Questions[0] != (bot.QuestionCount{Question: "what is the penalty for 20 grams", Count: 1}) {
		t.Errorf("first row %+v", r)
	}
	// A vote on an answer the store never had still counts, without text.
	var unknown int
	for _, r := range rep.Rows {
		if r.Answer == "" {
			unknown++
		}
	}
	if unknown != 1 {
		t.Errorf("%d rows without answer text, want 1", unknown)
	}
}
