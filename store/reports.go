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

// FeedbackReport computes the feedback report (see bot.FeedbackReport).
// One pass joins the votes of the period to the answers they are on and
// counts them per answer text (per answer ID when the text was not kept)
// and question; Go then adds up those few rows per answer and orders them.
func (s *Store) FeedbackReport(ctx context.Context, o bot.ReportOptions) (bot.FeedbackReport, error) {
	rep := bot.FeedbackReport{Since: o.Since, Rows: []bot.FeedbackRow{}}
	rows, err := s.db.QueryContext(ctx, `SELECT COALESCE(q.answer, ''),
		CASE WHEN COALESCE(q.answer, '') = '' THEN v.answer_id ELSE '' END,
		MAX(COALESCE(q.section, '')), COALESCE(q.question_norm, ''),
		SUM(CASE WHEN v.vote = 'down' THEN 1 ELSE 0 END), SUM(CASE WHEN v.vote = 'up' THEN 1 ELSE 0 END),
		COUNT(DISTINCT v.answer_id)
		FROM votes v LEFT JOIN questions q ON q.answer_id = v.answer_id
		WHERE v.at >= $1
		GROUP BY 1, 2, 4`, o.Since.UnixNano())
	if err != nil {
		return rep, s.fail("feedback report", err)
	}
	defer rows.Close()
	type group struct {
		key string
		row bot.FeedbackRow
	}
	groups := map[string]*group{}
	for rows.Next() {
		var answer, id, section, question string
		var down, up, answers int
		if err := rows.Scan(&answer, &id, &section, &question, &down, &up, &answers); err != nil {
			return rep, s.fail("feedback report", err)
		}
		key := "answer:" + answer
		if answer == "" {
			key = "id:" + id
		}
		g := groups[key]
		if g == nil {
			g = &group{key: key, row: bot.FeedbackRow{Answer: answer, Questions: []bot.QuestionCount{}}}
			groups[key] = g
		}
		g.row.Down += down
		g.row.Up += up
		rep.Down += down
		rep.Up += up
		g.row.Section = max(g.row.Section, section)
		if question != "" {
			g.row.Questions = append(g.row.Questions, bot.QuestionCount{Question: question, Count: answers})
		}
	}
	if err := rows.Err(); err != nil {
		return rep, s.fail("feedback report", err)
	}
	var listed []*group
	for _, g := range groups {
		if g.row.Down > 0 {
			listed = append(listed, g)
		}
	}
	slices.SortFunc(listed, func(a, b *group) int {
		return cmp.Or(cmp.Compare(b.row.Down, a.row.Down), cmp.Compare(a.row.Up, b.row.Up), strings.Compare(a.key, b.key))
	})
	if o.Top > 0 && len(listed) > o.Top {
		listed = listed[:o.Top]
	}
	for _, g := range listed {
		qs := g.row.Questions
		slices.SortFunc(qs, func(a, b bot.QuestionCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Question, b.Question))
		})
		g.row.Questions = qs[:min(len(qs), bot.MaxReportQuestions)]
		rep.Rows = append(rep.Rows, g.row)
	}
	return rep, nil
}
