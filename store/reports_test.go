package store

import (
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
)

func TestUnansweredReport(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		st := newDB(t, eng).open(t, Options{})
		ctx := t.Context()
		t0 := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
		add := func(at time.Duration, user, q string, answered bool, reason string) {
			t.Helper()
			intent := bot.IntentNone
			if reason == "help" {
				intent = bot.IntentHelp
			}
			if err := st.Record(ctx, bot.Event{Time: t0.Add(at), Kind: bot.EventQuestion, Platform: "slack", User: user, Question: q,
				Answered: answered, Reason: reason, Intent: intent, AnswerID: bot.NewAnswerID(t0)}); err != nil {
				t.Fatal(err)
			}
		}
		add(0, "a", "Is it legal in Sweden?", false, "other_country") // before Since
		add(time.Hour, "a", "Is it legal in Sweden?", false, "other_country")
		add(2*time.Hour, "b", "is it legal in sweden", false, "off_topic")
		add(3*time.Hour, "b", "IS IT LEGAL IN SWEDEN!!", false, "other_country")
		add(4*time.Hour, "c", "What about edibles?", false, "off_topic")
		add(5*time.Hour, "d", "What about edibles", false, "off_topic")
		add(5*time.Hour, "e", "What is the penalty for 20 grams?", true, "")
		add(6*time.Hour, "f", "help", false, "help")
		add(6*time.Hour, "f", "", false, "empty")
		add(6*time.Hour, "f", "why?", false, "rate_limited")
		add(6*time.Hour, "", "🙂", false, "gibberish") // normalises to nothing
		add(7*time.Hour, "g", "who won the match", false, "off_topic")
		add(7*time.Hour, "", "who won the match", false, "gibberish") // no user: counted, not as a user

		rep, err := bot.Unanswered(ctx, st, bot.ReportOptions{Since: t0.Add(time.Minute), Top: 2})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Declined != 7 || rep.Distinct != 3 || len(rep.Rows) != 2 {
			t.Fatalf("report %+v: want 7 declined, 3 distinct, 2 rows", rep)
		}
		if r := rep.Rows[0]; r.Question != "is it legal in sweden" || r.Count != 3 || r.Users != 2 || r.Reason != "other_country" || !r.Last.Equal(t0.Add(3*time.Hour)) {
			t.Errorf("first row %+v", r)
		}
		// Two groups of two: more users first, then the later one.
		if r := rep.Rows[1]; r.Question != "what about edibles" || r.Count != 2 || r.Users != 2 || r.Reason != "off_topic" {
			t.Errorf("second row %+v", r)
		}
		all, err := bot.Unanswered(ctx, st, bot.ReportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all.Rows) != 3 || all.Rows[0].Count != 4 || all.Rows[2].Question != "who won the match" || all.Rows[2].Users != 1 {
			t.Errorf("without since: %+v", all.Rows)
		}
		// A tie between reasons goes to the first alphabetically.
		if r := all.Rows[0]; r.Reason != "other_country" {
			t.Errorf("reason of %+v: want other_country (3 of 4)", r)
		}
		if r := all.Rows[2]; r.Reason != "gibberish" {
			t.Errorf("reason tie in %+v: want gibberish, the first alphabetically", r)
		}

		empty, err := bot.Unanswered(ctx, st, bot.ReportOptions{Since: time.Now().Add(time.Hour)})
		if err != nil || empty.Declined != 0 || empty.Rows == nil || len(empty.Rows) != 0 {
			t.Errorf("empty period: %+v, %v", empty, err)
		}
	})
}

func TestUnansweredReportOrdersTextByBytes(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		st := newDB(t, eng).open(t, Options{})
		at := time.Now().Truncate(time.Second)
		// Equal counts, users and times: the text decides, byte-wise, on
		// both engines (a locale collation would put "a b" after "ab").
		for _, q := range []string{"ab", "a b", "B", "a_b"} {
			if err := st.Record(t.Context(), bot.Event{Time: at, Kind: bot.EventQuestion, Platform: "slack", User: "u",
				Question: q, Reason: "off_topic", AnswerID: bot.NewAnswerID(at)}); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := st.UnansweredReport(t.Context(), bot.ReportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rep.Rows {
			got = append(got, r.Question)
		}
		// NormalizeQuestion makes "a_b" "a b" and "B" "b".
		if want := []string{"a b", "ab", "b"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("rows %q, want %q", got, want)
		}
	})
}

func TestFeedbackReport(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		st := newDB(t, eng).open(t, Options{})
		ctx := t.Context()
		now := time.Now().Truncate(time.Second)
		rec := bot.NewRecorder(st, bot.RecorderOptions{Now: func() time.Time { return now }})
		ask := func(q, answer, section string) string {
			t.Helper()
			e := bot.Event{Time: now, Kind: bot.EventQuestion, Platform: "slack", User: "asker", Question: q,
				Intent: bot.IntentPenalty, Answered: true, AnswerID: bot.NewAnswerID(now), Answer: answer, Section: section}
			if err := st.Record(ctx, e); err != nil {
				t.Fatal(err)
			}
			return e.AnswerID
		}
		a1 := ask("What is the penalty for 20 grams?", "Up to 2 years.", "Enforcement")
		a1b := ask("What is the penalty for 20 grams", "Up to 2 years.", "Enforcement") // same text, another answer
		a2 := ask("penalty for 20 g", "20 g is more than 15 g.", "Enforcement")
		a3 := ask("Is medical cannabis legal?", "Yes, for limited medicinal use.", "Lead")
		vote := func(user, id string, v bot.Vote) {
			t.Helper()
			if _, err := rec.Feedback(ctx, "discord", user, id, v); err != nil {
				t.Fatal(err)
			}
		}
		vote("x", a1, bot.VoteDown)
		vote("y", a1, bot.VoteDown)
		vote("y", a1, bot.VoteDown) // duplicate, not counted
		vote("z", a1, bot.VoteUp)
		vote("x", a1b, bot.VoteDown)
		vote("x", a2, bot.VoteDown)
		vote("x", a3, bot.VoteUp) // no 👎: not listed
		vote("x", bot.NewAnswerID(now), bot.VoteDown)

		rep, err := bot.Feedback(ctx, st, bot.ReportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Down != 5 || rep.Up != 2 || len(rep.Rows) != 3 {
			t.Fatalf("report: down %d up %d rows %+v", rep.Down, rep.Up, rep.Rows)
		}
		r := rep.Rows[0]
		if r.Answer != "Up to 2 years." || r.Down != 3 || r.Up != 1 || r.Section != "Enforcement" ||
			len(r.Questions) != 1 || r.Questions[0] != (bot.QuestionCount{Question: "what is the penalty for 20 grams", Count: 2}) {
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
		top, err := bot.Feedback(ctx, st, bot.ReportOptions{Top: 1, Since: now.Add(time.Second)})
		if err != nil || top.Down != 0 || len(top.Rows) != 0 {
			t.Errorf("later period: %+v, %v", top, err)
		}
	})
}
