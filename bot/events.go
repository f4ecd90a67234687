package bot

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"
	"time"
	"unicode"
)

// Events: what moderators' reports are built from. Every question that
// passes the Recorder and every 👍/👎 click becomes one Event in an
// EventStore; package store keeps them in SQL (SQLite or PostgreSQL) and
// computes the reports there.

// EventKind says what an event records.
type EventKind string

const (
	EventQuestion EventKind = "question" // a question and what became of it
	EventFeedback EventKind = "feedback" // a 👍 or 👎 on an answer
)

// Vote is a feedback click.
type Vote string

const (
	VoteUp   Vote = "up"
	VoteDown Vote = "down"
)

// Valid reports whether v is up or down.
func (v Vote) Valid() bool { return v == VoteUp || v == VoteDown }

// Event is one record.
type Event struct {
	Time     time.Time
	Kind     EventKind
	Platform string
	// User is the platform user ID when an event is recorded; the store
	// keeps (and Scan returns) only its salted hash.
	User     string
	Question string // the question as asked
	Intent   Intent
	Answered bool
	Reason   string // why it was declined; see Answer.Reason
	AnswerID string // Answer.ID; on feedback, the answer voted on
	// Answer and Section are what the bot replied (answered questions).
	Answer  string
	Section string
	Vote    Vote // feedback only
}

// ErrDuplicateFeedback is returned by EventStore.Record for a second vote
// by the same user on the same answer: it is not counted.
var ErrDuplicateFeedback = errors.New("feedback already recorded for this user and answer")

// ErrUnknownAnswer is returned for feedback on an answer ID that is not
// one (a forged or mangled button).
var ErrUnknownAnswer = errors.New("not a factbot answer ID")

// EventRecorder stores events.
type EventRecorder interface {
	// Record stores one event. For a feedback event it returns
	// ErrDuplicateFeedback when the user already voted on that answer.
	// A store may queue question events and write them later (see
	// store.Writer); feedback is written before Record returns, since the
	// click's reply says whether it counted.
	Record(ctx context.Context, e Event) error
}

// Reports computes moderators' reports over the events a store keeps,
// with users hashed. ReportOptions says the period and the number of rows;
// the rows are as Unanswered and Feedback document.
type Reports interface {
	UnansweredReport(ctx context.Context, o ReportOptions) (UnansweredReport, error)
	FeedbackReport(ctx context.Context, o ReportOptions) (FeedbackReport, error)
}

// EventStore keeps events and reports on them. Implementations must be
// safe for concurrent use.
type EventStore interface {
	EventRecorder
	Reports
}

// NewAnswerID returns a fresh answer ID: 24 hex digits, the time in
// nanoseconds then 32 random bits, so IDs sort by time.
func NewAnswerID(now time.Time) string {
	var b [12]byte
	binary.BigEndian.PutUint64(b[:8], uint64(now.UnixNano()))
	_, _ = rand.Read(b[8:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// AnswerIDTime returns the time an answer ID was made, or an error
// wrapping ErrUnknownAnswer when id is not one.
func AnswerIDTime(id string) (time.Time, error) {
	b, err := hex.DecodeString(id)
	if err != nil || len(b) != 12 || strings.ToLower(id) != id {
		return time.Time{}, ErrUnknownAnswer
	}
	return time.Unix(0, int64(binary.BigEndian.Uint64(b[:8]))), nil
}

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

// NormalizeQuestion is the form questions are grouped by in reports:
// lower case, apostrophes dropped, other punctuation and symbols made
// spaces, single spaces.
func NormalizeQuestion(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '`':
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
