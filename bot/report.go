package bot

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"
)

// Reports for moderators, computed from any EventStore: `factbot report`
// prints them and chat adapters show the top 10.

// ReportOptions select what a report covers.
type ReportOptions struct {
	Since time.Time // events at or after; zero means all that are kept
	Top   int       // at most this many rows; <= 0 means all
}

// NotAGap lists decline reasons that say nothing about what the article
// lacks (no question, a help request, a rate limit, a failure): the
// unanswered report leaves them out.
var notAGap = map[string]bool{"empty": true, "help": true, "rate_limited": true, "internal": true, "search_failed": true}

// UnansweredRow is one group of declined questions with the same
// normalised text.
type UnansweredRow struct {
	Question string    `json:"question"` // NormalizeQuestion form
	Count    int       `json:"count"`    // times asked
	Users    int       `json:"users"`    // distinct (hashed) users who asked
	Reason   string    `json:"reason"`   // the most frequent decline reason
	Last     time.Time `json:"last"`     // when it was last asked
}

// UnansweredReport lists the most-asked questions the bot declined.
type UnansweredReport struct {
	Since    time.Time       `json:"since"`
	Declined int             `json:"declined"` // declined questions counted
	Distinct int             `json:"distinct"` // of which distinct texts
	Rows     []UnansweredRow `json:"rows"`
}

// Unanswered builds the unanswered-questions report: declined questions
// grouped by NormalizeQuestion, most asked first (then by more users, more
// recent, alphabetical).
func Unanswered(ctx context.Context, s EventStore, o ReportOptions) (UnansweredReport, error) {
	type group struct {
		row     UnansweredRow
		users   map[string]struct{}
		reasons map[string]int
	}
	groups := map[string]*group{}
	rep := UnansweredReport{Since: o.Since, Rows: []UnansweredRow{}}
	err := s.Scan(ctx, EventQuery{Since: o.Since, Kind: EventQuestion, Declined: true}, func(e Event) error {
		if e.Answered || notAGap[e.Reason] || e.Intent == IntentHelp {
			return nil
		}
		key := NormalizeQuestion(e.Question)
		if key == "" {
			return nil
		}
		g := groups[key]
		if g == nil {
			g = &group{row: UnansweredRow{Question: key}, users: map[string]struct{}{}, reasons: map[string]int{}}
			groups[key] = g
		}
		rep.Declined++
		g.row.Count++
		if e.User != "" {
			g.users[e.User] = struct{}{}
		}
		g.reasons[e.Reason]++
		if e.Time.After(g.row.Last) {
			g.row.Last = e.Time
		}
		return nil
	})
	if err != nil {
		return UnansweredReport{}, fmt.Errorf("unanswered report: %w", err)
	}
	rep.Distinct = len(groups)
	for _, g := range groups {
		g.row.Users = len(g.users)
		g.row.Reason = mostFrequent(g.reasons)
		rep.Rows = append(rep.Rows, g.row)
	}
	slices.SortFunc(rep.Rows, func(a, b UnansweredRow) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Users, a.Users),
			b.Last.Compare(a.Last), cmp.Compare(a.Question, b.Question))
	})
	rep.Rows = topN(rep.Rows, o.Top)
	return rep, nil
}

// QuestionCount is a normalised question and how often it was asked.
type QuestionCount struct {
	Question string `json:"question"`
	Count    int    `json:"count"`
}

// FeedbackRow is one answer text with its votes.
type FeedbackRow struct {
	// Answer is what the bot replied; empty when the question event was
	// not kept (declined-only recording, or past retention).
	Answer  string `json:"answer"`
	Section string `json:"section,omitempty"`
	Down    int    `json:"down"`
	Up      int    `json:"up"`
	// Questions are the questions that got this answer and a vote, with
	// how many of those answers were voted on, most first (at most three).
	Questions []QuestionCount `json:"questions"`
}

// FeedbackReport lists the answers with the most 👎.
type FeedbackReport struct {
	Since time.Time     `json:"since"`
	Down  int           `json:"down"` // 👎 in the period
	Up    int           `json:"up"`   // 👍 in the period
	Rows  []FeedbackRow `json:"rows"`
}

// maxReportQuestions is how many questions a feedback row lists.
const maxReportQuestions = 3

// Feedback builds the feedback report: answers (grouped by their text)
// with at least one 👎, most 👎 first, then fewer 👍.
func Feedback(ctx context.Context, s EventStore, o ReportOptions) (FeedbackReport, error) {
	type group struct {
		row       FeedbackRow
		questions map[string]map[string]struct{} // question → answer IDs
	}
	groups := map[string]*group{}
	rep := FeedbackReport{Since: o.Since, Rows: []FeedbackRow{}}
	err := s.Scan(ctx, EventQuery{Since: o.Since, Kind: EventFeedback}, func(e Event) error {
		key := "answer\x00" + e.Answer
		if e.Answer == "" {
			key = "id\x00" + e.AnswerID
		}
		g := groups[key]
		if g == nil {
			g = &group{row: FeedbackRow{Answer: e.Answer, Section: e.Section}, questions: map[string]map[string]struct{}{}}
			groups[key] = g
		}
		switch e.Vote {
		case VoteDown:
			g.row.Down++
			rep.Down++
		case VoteUp:
			g.row.Up++
			rep.Up++
		}
		if q := NormalizeQuestion(e.Question); q != "" {
			if g.questions[q] == nil {
				g.questions[q] = map[string]struct{}{}
			}
			g.questions[q][e.AnswerID] = struct{}{}
		}
		return nil
	})
	if err != nil {
		return FeedbackReport{}, fmt.Errorf("feedback report: %w", err)
	}
	for _, g := range groups {
		if g.row.Down == 0 {
			continue
		}
		g.row.Questions = []QuestionCount{}
		for q, ids := range g.questions {
			g.row.Questions = append(g.row.Questions, QuestionCount{Question: q, Count: len(ids)})
		}
		slices.SortFunc(g.row.Questions, func(a, b QuestionCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Question, b.Question))
		})
		g.row.Questions = topN(g.row.Questions, maxReportQuestions)
		rep.Rows = append(rep.Rows, g.row)
	}
	slices.SortFunc(rep.Rows, func(a, b FeedbackRow) int {
		return cmp.Or(cmp.Compare(b.Down, a.Down), cmp.Compare(a.Up, b.Up), cmp.Compare(a.Answer, b.Answer))
	})
	rep.Rows = topN(rep.Rows, o.Top)
	return rep, nil
}

func mostFrequent(m map[string]int) string {
	best, n := "", -1
	for k, c := range m {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

func topN[T any](s []T, n int) []T {
	if n > 0 && len(s) > n {
		return s[:n]
	}
	return s
}
