package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// Recorder records questions and feedback in an EventRecorder.
type Recorder struct {
	store        EventRecorder
	log          *slog.Logger
	now          func() time.Time
	declinedOnly bool
}

// RecorderOptions configure a Recorder; the zero value is usable.
type RecorderOptions struct {
	Logger *slog.Logger
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// DeclinedOnly records only declined questions. Answers then still get
	// an ID, but feedback on them is stored without their question.
	DeclinedOnly bool
}

// NewRecorder records into store.
func NewRecorder(store EventRecorder, o RecorderOptions) *Recorder {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Recorder{store: store, log: o.Logger, now: o.Now, declinedOnly: o.DeclinedOnly}
}

// Record gives a an ID for feedback and records q with it. A failure to
// record is logged and never costs the answer. Rate-limited questions
// should not reach it.
func (r *Recorder) Record(ctx context.Context, q Question, a Answer) Answer {
	now := r.now()
	a.ID = NewAnswerID(now)
	if a.Answered && r.declinedOnly {
		return a
	}
	e := Event{
		Time: now, Kind: EventQuestion, Platform: q.Platform, User: q.User,
		Question: q.Text, Intent: a.Intent, Answered: a.Answered, Reason: a.Reason,
		AnswerID: a.ID,
	}
	if a.Answered {
		e.Answer, e.Section = a.Text, a.Section()
	}
	if err := r.store.Record(ctx, e); err != nil {
		r.log.LogAttrs(ctx, slog.LevelError, "recording a question", slog.String("platform", q.Platform), slog.Any("err", err))
	}
	return a
}

// FeedbackResult says what became of a click.
type FeedbackResult int

const (
	FeedbackRecorded  FeedbackResult = iota // counted
	FeedbackDuplicate                       // the user had already voted on this answer
)

// Feedback records a 👍/👎 click by user on the answer with answerID.
// Adapters acknowledge it ephemerally with Message(lang,
// "feedback_thanks") or, for FeedbackDuplicate, "feedback_duplicate"; on
// an error, "feedback_failed".
func (r *Recorder) Feedback(ctx context.Context, platform, user, answerID string, v Vote) (FeedbackResult, error) {
	if !v.Valid() {
		return 0, errors.New("feedback: vote must be up or down")
	}
	if _, err := AnswerIDTime(answerID); err != nil {
		return 0, err
	}
	err := r.store.Record(ctx, Event{
		Time: r.now(), Kind: EventFeedback, Platform: platform, User: user, AnswerID: answerID, Vote: v,
	})
	switch {
	case errors.Is(err, ErrDuplicateFeedback):
		return FeedbackDuplicate, nil
	case err != nil:
		return 0, err
	}
	return FeedbackRecorded, nil
}
