package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/bot"
)

// Record stores one event at once (see bot.EventRecorder): a question, or
// a vote, which is refused with bot.ErrDuplicateFeedback when the user
// already voted on that answer. Serve queues questions through a Writer
// instead; feedback comes here directly.
func (s *Store) Record(ctx context.Context, e bot.Event) error {
	switch e.Kind {
	case bot.EventQuestion:
		return s.RecordBatch(ctx, []bot.Event{e})
	case bot.EventFeedback:
		fresh, err := s.vote(ctx, s.db, e)
		if err != nil {
			return err
		}
		if !fresh {
			return bot.ErrDuplicateFeedback
		}
		return nil
	default:
		return fmt.Errorf("store: unknown event kind %q", e.Kind)
	}
}

// execer is what both *sql.DB and *sql.Tx offer.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// vote inserts a feedback event and reports whether it was the user's
// first vote on that answer.
func (s *Store) vote(ctx context.Context, db execer, e bot.Event) (bool, error) {
	if !e.Vote.Valid() {
		return false, fmt.Errorf("store: feedback vote %q: want up or down", e.Vote)
	}
	if _, err := bot.AnswerIDTime(e.AnswerID); err != nil {
		return false, fmt.Errorf("store: feedback on %q: %w", e.AnswerID, err)
	}
	r, err := db.ExecContext(ctx, `INSERT INTO votes (answer_id, user_hash, at, platform, vote)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (answer_id, user_hash) DO NOTHING`,
		e.AnswerID, s.HashUser(e.Platform, e.User), s.at(e.Time), e.Platform, string(e.Vote))
	if err != nil {
		return false, s.fail("writing a vote", err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return false, s.fail("writing a vote", err)
	}
	return n == 1, nil
}

// at is t in Unix nanoseconds, now for the zero time.
func (s *Store) at(t time.Time) int64 {
	if t.IsZero() {
		t = s.now()
	}
	return t.UnixNano()
}

// questionColumns is the column count of one questions row in an INSERT.
const questionColumns = 11

// rowsPerInsert bounds one multi-row INSERT: 11 parameters a row stays far
// below both engines' limits on bound parameters.
const rowsPerInsert = 256

// RecordBatch stores events in one transaction: all or none. A vote that
// repeats an earlier one (in the store or the batch) is skipped.
// Records past retention are removed on the way, at most once an hour.
func (s *Store) RecordBatch(ctx context.Context, events []bot.Event) error {
	if len(events) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("starting a write", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	questions := make([]bot.Event, 0, len(events))
	for _, e := range events {
		switch e.Kind {
		case bot.EventQuestion:
			questions = append(questions, e)
		case bot.EventFeedback:
			if _, err := s.vote(ctx, tx, e); err != nil {
				return err
			}
		default:
			return fmt.Errorf("store: unknown event kind %q", e.Kind)
		}
	}
	for chunk := range slices.Chunk(questions, rowsPerInsert) {
		if err := s.insertQuestions(ctx, tx, chunk); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return s.fail("committing", err)
	}
	if s.pruneDue() {
		if _, err := s.Prune(ctx); err != nil {
			s.log.Warn("store: removing expired records failed", "err", err)
		}
	}
	return nil
}

func (s *Store) insertQuestions(ctx context.Context, tx *sql.Tx, es []bot.Event) error {
	var b strings.Builder
	b.WriteString(`INSERT INTO questions (at, platform, user_hash, question, question_norm, intent, answered, reason, answer_id, answer, section) VALUES `)
	args := make([]any, 0, len(es)*questionColumns)
	for i, e := range es {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range questionColumns {
			if c > 0 {
				b.WriteByte(',')
			}
			if s.engine == SQLite {
				// SQLite looks numbered parameters up by name, in time
				// linear in their number: plain ? keeps a batch linear.
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(i*questionColumns + c + 1))
			}
		}
		b.WriteByte(')')
		args = append(args, s.at(e.Time), e.Platform, s.HashUser(e.Platform, e.User), e.Question,
			bot.NormalizeQuestion(e.Question), string(e.Intent), e.Answered, e.Reason, e.AnswerID, e.Answer, e.Section)
	}
	if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
		return s.fail("writing questions", err)
	}
	return nil
}

// Query selects events for Scan.
type Query struct {
	Since time.Time     // inclusive; zero means from the oldest
	Kind  bot.EventKind // "" means every kind
	// Declined limits question events to unanswered ones.
	Declined bool
}

// Scan calls fn with every event matching q, oldest first, with users
// hashed; a vote carries the question, intent, answer and section of the
// answer it is on when the store has it. An error from fn stops the scan
// and is returned. It is for tests and exports; reports are computed in
// SQL.
func (s *Store) Scan(ctx context.Context, q Query, fn func(bot.Event) error) error {
	var parts []string
	if q.Kind == "" || q.Kind == bot.EventQuestion {
		p := `SELECT at, 'question', platform, user_hash, question, intent, answered, reason, answer_id, answer, section, ''
			FROM questions WHERE at >= $1`
		if q.Declined {
			p += ` AND NOT answered`
		}
		parts = append(parts, p)
	}
	if q.Kind == "" || q.Kind == bot.EventFeedback {
		parts = append(parts, `SELECT v.at, 'feedback', v.platform, v.user_hash, COALESCE(q.question, ''), COALESCE(q.intent, ''),
			COALESCE(q.answered, FALSE), COALESCE(q.reason, ''), v.answer_id, COALESCE(q.answer, ''), COALESCE(q.section, ''), v.vote
			FROM votes v LEFT JOIN questions q ON q.answer_id = v.answer_id WHERE v.at >= $1`)
	}
	rows, err := s.db.QueryContext(ctx, strings.Join(parts, " UNION ALL ")+` ORDER BY 1`, q.Since.UnixNano())
	if err != nil {
		return s.fail("reading events", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			e      bot.Event
			at     int64
			kind   string
			intent string
			vote   string
		)
		if err := rows.Scan(&at, &kind, &e.Platform, &e.User, &e.Question, &intent, &e.Answered, &e.Reason,
			&e.AnswerID, &e.Answer, &e.Section, &vote); err != nil {
			return s.fail("reading events", err)
		}
		e.Time, e.Kind, e.Intent, e.Vote = time.Unix(0, at), bot.EventKind(kind), bot.Intent(intent), bot.Vote(vote)
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail("reading events", err)
	}
	return nil
}

// Count returns how many questions and votes the store holds.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM questions) + (SELECT COUNT(*) FROM votes)`).Scan(&n)
	if err != nil {
		return 0, s.fail("counting", err)
	}
	return n, nil
}
