package chat

import (
	"context"
	"errors"

	"github.com/factbot/factbot/bot"
)

// feedback records a 👍/👎 click, once per person and answer, and thanks
// the user privately; a second vote is acknowledged and not counted.
func (c *Core) feedback(ctx context.Context, r Request) Reply {
	if c.o.Recorder == nil {
		c.log.Warn("feedback click, but no store to record it in", "platform", r.Platform)
		return c.notice(r, StatusFailed, "feedback_failed")
	}
	if !r.Vote.Valid() || r.User == "" {
		return c.notice(r, StatusInvalid, "feedback_failed")
	}
	res, err := c.o.Recorder.Feedback(ctx, r.Platform, r.User, r.Token, r.Vote)
	switch {
	case errors.Is(err, bot.ErrUnknownAnswer):
		c.log.Warn("feedback on something that is not an answer ID", "platform", r.Platform)
		return c.notice(r, StatusInvalid, "feedback_failed")
	case err != nil:
		c.log.Error("recording feedback", "platform", r.Platform, "err", err)
		return c.notice(r, StatusFailed, "feedback_failed")
	case res == bot.FeedbackDuplicate:
		return c.notice(r, StatusOK, "feedback_duplicate")
	}
	return c.notice(r, StatusOK, "feedback_thanks")
}
