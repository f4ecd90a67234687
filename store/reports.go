package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/bot"
)

// The reports are SQL aggregations: the database groups and counts, Go
// only orders the few rows that come back. The unanswered report reads the
// partial index questions_declined, which covers it.

// byBytes is the ORDER BY collation that compares text by its bytes on
// both engines (SQLite's default; PostgreSQL's "C").
func (s *Store) byBytes() string {
	if s.engine == Postgres {
		return ` COLLATE "C"`
	}
	return ""
}

// declinedIndex makes SQLite read the unanswered report from its covering
// index: without statistics its planner may pick the time index and look
// every row up in the table, several times slower. PostgreSQL plans from
// the statistics it keeps.
func (s *Store) declinedIndex() string {
	if s.engine == SQLite {
		return ` INDEXED BY questions_declined`
	}
	return ""
}

// params numbers placeholders from $1 as arguments are added.
type params struct{ args []any }

func (p *params) add(v any) string {
	p.args = append(p.args, v)
	return "$" + strconv.Itoa(len(p.args))
}

func (p *params) list(vs []string) string {
	ph := make([]string, len(vs))
	for i, v := range vs {
		ph[i] = p.add(v)
	}
	return strings.Join(ph, ", ")
}

// declinedFilter is the WHERE clause of the unanswered report.
func declinedFilter(p *params, since time.Time) string {
	return `NOT answered AND at >= ` + p.add(since.UnixNano()) +
		` AND question_norm <> '' AND intent <> ` + p.add(string(bot.IntentHelp)) +
		` AND reason NOT IN (` + p.list(bot.NotAGapReasons) + `)`
}

// UnansweredReport computes the unanswered report (see bot.UnansweredReport).
func (s *Store) UnansweredReport(ctx context.Context, o bot.ReportOptions) (bot.UnansweredReport, error) {
	rep := bot.UnansweredReport{Since: o.Since, Rows: []bot.UnansweredRow{}}
	var p params
	// One pass over the declined questions: the groups, and (as window
	// totals over the groups) how many were declined and how many texts.
	q := `SELECT question_norm, COUNT(*) AS n, COUNT(DISTINCT NULLIF(user_hash, '')) AS users, MAX(at) AS last,
		CAST(SUM(COUNT(*)) OVER () AS BIGINT), COUNT(*) OVER ()
		FROM questions` + s.declinedIndex() + ` WHERE ` + declinedFilter(&p, o.Since) + ` GROUP BY question_norm
		ORDER BY n DESC, users DESC, last DESC, question_norm` + s.byBytes()
	if o.Top > 0 {
		q += ` LIMIT ` + p.add(o.Top)
	}
	rows, err := s.db.QueryContext(ctx, q, p.args...)
	if err != nil {
		return rep, s.fail("unanswered report", err)
	}
	defer rows.Close()
	index := map[string]int{}
	for rows.Next() {
		var r bot.UnansweredRow
		var last int64
		if err := rows.Scan(&r.Question, &r.Count, &r.Users, &last, &rep.Declined, &rep.Distinct); err != nil {
			return rep, s.fail("unanswered report", err)
		}
		r.Last = time.Unix(0, last)
		index[r.Question] = len(rep.Rows)
		rep.Rows = append(rep.Rows, r)
	}
	if err := rows.Err(); err != nil {
		return rep, s.fail("unanswered report", err)
	}
	if len(rep.Rows) == 0 {
		return rep, nil
	}
	if err := s.topReasons(ctx, o, rep.Rows, index); err != nil {
		return rep, err
	}
	return rep, nil
}

// topReasons fills each row's most frequent decline reason.
func (s *Store) topReasons(ctx context.Context, o bot.ReportOptions, out []bot.UnansweredRow, index map[string]int) error {
	var p params
	q := `SELECT question_norm, reason, COUNT(*) FROM questions` + s.declinedIndex() + ` WHERE ` + declinedFilter(&p, o.Since)
	if o.Top > 0 {
		texts := make([]string, len(out))
		for i, r := range out {
			texts[i] = r.Question
		}
		q += ` AND question_norm IN (` + p.list(texts) + `)`
	}
	rows, err := s.db.QueryContext(ctx, q+` GROUP BY question_norm, reason`, p.args...)
	if err != nil {
		return s.fail("unanswered report reasons", err)
	}
	defer rows.Close()
	best := make([]int, len(out))
	for rows.Next() {
		var text, reason string
		var n int
		if err := rows.Scan(&text, &reason, &n); err != nil {
			return s.fail("unanswered report reasons", err)
		}
		i, ok := index[text]
		if !ok {
			continue
		}
		if n > best[i] || (n == best[i] && reason < out[i].Reason) {
			best[i], out[i].Reason = n, reason
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail("unanswered report reasons", err)
	}
	return nil
}

// votedAnswers is votes joined to the answers they are on, with the key
// the feedback report groups by: the answer's text, or its ID when the
// store does not have the text.
const votedAnswers = `SELECT CASE WHEN COALESCE(q.answer, '') = '' THEN 'id:' || v.answer_id ELSE 'answer:' || q.answer END AS k,
	COALESCE(q.answer, '') AS answer, COALESCE(q.section, '') AS section, COALESCE(q.question_norm, '') AS question,
	v.answer_id AS answer_id, v.vote AS vote
	FROM votes v LEFT JOIN questions q ON q.answer_id = v.answer_id WHERE v.at >= $1`

// FeedbackReport computes the feedback report (see bot.FeedbackReport).
func (s *Store) FeedbackReport(ctx context.Context, o bot.ReportOptions) (bot.FeedbackReport, error) {
	rep := bot.FeedbackReport{Since: o.Since, Rows: []bot.FeedbackRow{}}
	since := o.Since.UnixNano()
	if err := s.db.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END), 0)
		FROM votes WHERE at >= $1`, since).Scan(&rep.Down, &rep.Up); err != nil {
		return rep, s.fail("feedback report", err)
	}
	if rep.Down == 0 {
		return rep, nil
	}
	q := `SELECT k, MAX(answer), MAX(section),
		SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down, SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up
		FROM (` + votedAnswers + `) x GROUP BY k HAVING SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) > 0
		ORDER BY down DESC, up ASC, k` + s.byBytes()
	args := []any{since}
	if o.Top > 0 {
		q += ` LIMIT $2`
		args = append(args, o.Top)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return rep, s.fail("feedback report", err)
	}
	defer rows.Close()
	index := map[string]int{}
	for rows.Next() {
		var key string
		r := bot.FeedbackRow{Questions: []bot.QuestionCount{}}
		if err := rows.Scan(&key, &r.Answer, &r.Section, &r.Down, &r.Up); err != nil {
			return rep, s.fail("feedback report", err)
		}
		index[key] = len(rep.Rows)
		rep.Rows = append(rep.Rows, r)
	}
	if err := rows.Err(); err != nil {
		return rep, s.fail("feedback report", err)
	}
	return rep, s.votedQuestions(ctx, since, rep.Rows, index)
}

// votedQuestions fills each feedback row's questions: the normalised
// questions that got the answer and a vote, with how many of those answers
// were voted on.
func (s *Store) votedQuestions(ctx context.Context, since int64, out []bot.FeedbackRow, index map[string]int) error {
	rows, err := s.db.QueryContext(ctx, `SELECT k, question, COUNT(DISTINCT answer_id) FROM (`+votedAnswers+`) x
		WHERE question <> '' GROUP BY k, question`, since)
	if err != nil {
		return s.fail("feedback report questions", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		var qc bot.QuestionCount
		if err := rows.Scan(&key, &qc.Question, &qc.Count); err != nil {
			return s.fail("feedback report questions", err)
		}
		if i, ok := index[key]; ok {
			out[i].Questions = append(out[i].Questions, qc)
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail("feedback report questions", err)
	}
	for i := range out {
		slices.SortFunc(out[i].Questions, func(a, b bot.QuestionCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Question, b.Question))
		})
		if len(out[i].Questions) > bot.MaxReportQuestions {
			out[i].Questions = out[i].Questions[:bot.MaxReportQuestions]
		}
	}
	return nil
}
