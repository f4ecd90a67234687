package bot_test

import (
	"testing"

	"github.com/factbot/factbot/bot"
)

// A fragment naming the subject or its home has a subject of its own, for
// the bot whose profile names them; without a profile it leans back.
func TestFollowUpReadsTheProfile(t *testing.T) {
	c := defaultCorpus(t)
	with := bot.New(c.Article, c.Schedule, nil, nil, bot.WithProfile(c.Profile))
	without := bot.New(c.Article, c.Schedule, nil, nil)
	prev := "What is the penalty for 20 grams?"
	for _, msg := range []string{"in Norway?", "for weed?", "with hash"} {
		if q, ok := with.FollowUp(prev, msg); ok {
			t.Errorf("with the profile, %q reads as %q; want it to stand alone", msg, q)
		}
		if _, ok := without.FollowUp(prev, msg); !ok {
			t.Errorf("without a profile, %q stands alone; want it read against %q", msg, prev)
		}
	}
	if q, ok := with.FollowUp(prev, "for dealers?"); !ok || q != "What is the penalty for dealers?" {
		t.Errorf("for dealers? = %q, %v", q, ok)
	}
}
