package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
)

// Recorder is the part of a store Fill writes through.
type Recorder interface {
	RecordBatch(ctx context.Context, events []bot.Event) error
}

// Fill writes n records spread over the last 30 days, as a busy community
// would leave them: 35 % declined questions (500 different texts, 3,000
// users), 60 % answered, 5 % votes. It returns how many were declined.
func Fill(tb testing.TB, r Recorder, n int) int {
	tb.Helper()
	ctx := context.Background()
	start := time.Now().Add(-30 * 24 * time.Hour)
	step := 30 * 24 * time.Hour / time.Duration(n)
	batch := make([]bot.Event, 0, 10_000)
	var ids []string
	declined := 0
	for i := range n {
		at := start.Add(time.Duration(i) * step)
		e := bot.Event{Time: at, Kind: bot.EventQuestion, Platform: "discord", User: fmt.Sprintf("U%d", i%3000),
			AnswerID: bot.NewAnswerID(at)}
		switch {
		case i%20 == 0 && len(ids) > 0:
			e = bot.Event{Time: at, Kind: bot.EventFeedback, Platform: "discord", User: fmt.Sprintf("U%d", i),
				AnswerID: ids[i%len(ids)], Vote: bot.VoteDown}
		case i%20 < 8:
			e.Question = fmt.Sprintf("Is cannabis legal in country number %d, and what happens there?", declined%500)
			e.Intent, e.Reason = bot.IntentScope, "other_country"
			declined++
		default:
			e.Question = fmt.Sprintf("What is the penalty for %d grams of cannabis in Norway?", i%1000)
			e.Intent, e.Answered, e.Section = bot.IntentPenalty, true, "Enforcement"
			e.Answer = "20 grams is more than the 15 g personal-use amount and no more than 1 kg: it is punished with up to 2 years in prison."
			if len(ids) < 100_000 {
				ids = append(ids, e.AnswerID)
			}
		}
		batch = append(batch, e)
		if len(batch) == cap(batch) || i == n-1 {
			if err := r.RecordBatch(ctx, batch); err != nil {
				tb.Fatalf("fill: %v", err)
			}
			batch = batch[:0]
		}
	}
	return declined
}
