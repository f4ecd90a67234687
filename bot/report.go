package bot

import (
	"context"
	"fmt"
	"time"
)

// Reports for moderators: `factbotd report` prints them and chat adapters
// show the top 10. The store computes them (in SQL); this file says what
// they contain.

// ReportOptions select what a report covers.
type ReportOptions struct {
	Since time.Time // events at or after; zero means all that are kept
	Top   int       // at most this many rows; <= 0 means all
}

// NotAGapReasons lists decline reasons that say nothing about what the
// article lacks (no question, a help request, a rate limit, a failure):
// the unanswered report leaves them out, and questions with IntentHelp.
var NotAGapReasons = []string{"empty", "help", "internal", "rate_limited", "search_failed"}

// UnansweredRow is one group of declined questions with the same
// normalised text.
type UnansweredRow struct {
	Question string    `json:"question"` // NormalizeQuestion form
	Count    int       `json:"count"`    // times asked
	Users    int       `json:"users"`    // distinct (hashed) users who asked
	Reason   string    `json:"reason"`   // the most frequent decline reason (ties: the first alphabetically)
	Last     time.Time `json:"last"`     // when it was last asked
}

// UnansweredReport lists the most-asked questions the bot declined:
// declined questions (less NotAGapReasons, help and empty texts) grouped by
// NormalizeQuestion, most asked first, then by more users, more recent,
// alphabetical.
type UnansweredReport struct {
	Since    time.Time       `json:"since"`
	Declined int             `json:"declined"` // declined questions counted
	Distinct int             `json:"distinct"` // of which distinct texts
	Rows     []UnansweredRow `json:"rows"`
}

// Unanswered builds the unanswered-questions report from r.
func Unanswered(ctx context.Context, r Reports, o ReportOptions) (UnansweredReport, error) {
	rep, err := r.UnansweredReport(ctx, o)
	if err != nil {
		return UnansweredReport{}, fmt.Errorf("unanswered report: %w", err)
	}
	return rep, nil
}

// QuestionCount is a normalised question and how often it was asked.
type QuestionCount struct {
	Question string `json:"question"`
	Count    int    `json:"count"`
}

// FeedbackRow is one answer text with its votes.
type FeedbackRow struct {
	// Answer is what the bot replied; empty when the question was not
	// kept (declined-only recording, or past retention).
	Answer  string `json:"answer"`
	Section string `json:"section,omitempty"`
	Down    int    `json:"down"`
	Up      int    `json:"up"`
	// Questions are the questions that got this answer and a vote, with
	// how many of those answers were voted on, most first (at most
	// MaxReportQuestions).
	Questions []QuestionCount `json:"questions"`
}

// FeedbackReport lists the answers with the most 👎: votes grouped by the
// text of the answer voted on (by answer ID when the text was not kept),
// groups with at least one 👎, most 👎 first, then fewer 👍, then by text.
type FeedbackReport struct {
	Since time.Time     `json:"since"`
	Down  int           `json:"down"` // 👎 in the period
	Up    int           `json:"up"`   // 👍 in the period
	Rows  []FeedbackRow `json:"rows"`
}

// MaxReportQuestions is how many questions a feedback row lists.
const MaxReportQuestions = 3

// Feedback builds the feedback report from r.
func Feedback(ctx context.Context, r Reports, o ReportOptions) (FeedbackReport, error) {
	rep, err := r.FeedbackReport(ctx, o)
	if err != nil {
		return FeedbackReport{}, fmt.Errorf("feedback report: %w", err)
	}
	return rep, nil
}
