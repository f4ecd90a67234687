package bot

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
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
