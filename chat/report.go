package chat

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/bot"
)

// Report kinds.
const (
	ReportUnanswered = "unanswered"
	ReportFeedback   = "feedback"
)

// The in-chat report: the top rows of a period, a week unless asked.
const (
	reportRows          = 10
	defaultReportPeriod = 7 * 24 * time.Hour
	defaultPeriodText   = "7d"
)

// Report is a moderators' report, ready to draw: a title, a summary and
// its rows in the reply's language; Unanswered or Feedback holds the
// figures for adapters that show more.
type Report struct {
	Kind    string
	Since   time.Time
	Period  string // as asked: "7d"
	Title   string // in the reply's language, with the period
	Summary string // "7 declined questions, 4 different"
	// Usage is how to ask for it again (the command line), for a footer.
	Usage string
	// Rows are the report's lines; none means nothing was recorded in the
	// period (Empty says so).
	Rows       []ReportRow
	Empty      string
	Unanswered *bot.UnansweredReport
	Feedback   *bot.FeedbackReport
}

// ReportRow is one line of a report: a title ("1. is cannabis legal in
// sweden", "3 👎 1 👍 [Enforcement]") and a text under it. Text may hold
// "{last}" where Last goes, for the adapter to write the time in its
// platform's form (Discord shows it in the reader's time zone).
type ReportRow struct {
	Title string
	Text  string
	Last  time.Time
}

// Bounds of a row's echoed texts.
const (
	maxRowQuestion = 1000
	maxRowAnswer   = 300
	maxRowAskedAs  = 200
)

// unansweredRows words the rows of the unanswered report.
func unansweredRows(r bot.UnansweredReport, lang string) []ReportRow {
	var rows []ReportRow
	for i, row := range r.Rows {
		rows = append(rows, ReportRow{
			Title: strconv.Itoa(i+1) + ". " + cut(row.Question, maxRowQuestion),
			Text: bot.Message(lang, "report_unanswered_row", "count", strconv.Itoa(row.Count),
				"users", strconv.Itoa(row.Users), "reason", row.Reason),
			Last: row.Last,
		})
	}
	return rows
}

// feedbackRows words the rows of the feedback report.
func feedbackRows(r bot.FeedbackReport, lang string) []ReportRow {
	var rows []ReportRow
	for _, row := range r.Rows {
		title := fmt.Sprintf("%d 👎 %d 👍", row.Down, row.Up)
		if row.Section != "" {
			title += " [" + row.Section + "]"
		}
		text := cut(row.Answer, maxRowAnswer)
		if row.Answer == "" {
			text = bot.Message(lang, "report_answer_not_kept")
		}
		var qs []string
		for _, q := range row.Questions {
			qs = append(qs, fmt.Sprintf("“%s” ×%d", cut(q.Question, maxRowAskedAs), q.Count))
		}
		if len(qs) > 0 {
			text += "\n" + bot.Message(lang, "report_asked_as", "questions", strings.Join(qs, "; "))
		}
		rows = append(rows, ReportRow{Title: title, Text: text})
	}
	return rows
}

// report is the unanswered or feedback report over a period, for
// moderators only, always private.
func (c *Core) report(ctx context.Context, r Request) Reply {
	if !c.isModerator(r) {
		return c.notice(r, StatusForbidden, "report_moderators_only")
	}
	if c.o.Events == nil {
		return c.notice(r, StatusInvalid, "report_store_disabled")
	}
	kind, period, periodText, ok := parseReportArgs(r.Text)
	if !ok {
		return c.notice(r, StatusInvalid, "report_usage", "command", c.policy(r).ReportCommand)
	}
	lang := c.replyLang(r)
	since := c.o.Now().Add(-period)
	sinceText := since.UTC().Format("2006-01-02 15:04 UTC") + " (" + periodText + ")"
	rep := &Report{Kind: kind, Since: since, Period: periodText,
		Usage: "factbotd report " + kind + " --since " + periodText}
	o := bot.ReportOptions{Since: since, Top: reportRows}
	if kind == ReportFeedback {
		fr, err := bot.Feedback(ctx, c.o.Events, o)
		if err != nil {
			c.log.Error("feedback report", "err", err)
			return c.notice(r, StatusFailed, "internal")
		}
		rep.Feedback, rep.Rows = &fr, feedbackRows(fr, lang)
		rep.Title = bot.Message(lang, "report_feedback_title", "since", sinceText)
		rep.Summary = bot.Message(lang, "report_feedback_summary", "down", strconv.Itoa(fr.Down), "up", strconv.Itoa(fr.Up))
	} else {
		ur, err := bot.Unanswered(ctx, c.o.Events, o)
		if err != nil {
			c.log.Error("unanswered report", "err", err)
			return c.notice(r, StatusFailed, "internal")
		}
		rep.Unanswered, rep.Rows = &ur, unansweredRows(ur, lang)
		rep.Title = bot.Message(lang, "report_unanswered_title", "since", sinceText)
		rep.Summary = bot.Message(lang, "report_unanswered_summary",
			"declined", strconv.Itoa(ur.Declined), "distinct", strconv.Itoa(ur.Distinct))
	}
	if len(rep.Rows) == 0 {
		rep.Empty = bot.Message(lang, "report_empty")
	}
	return Reply{Status: StatusOK, Lang: lang, Report: rep}
}

// parseReportArgs reads "[unanswered|feedback] [period]", in any order.
func parseReportArgs(text string) (kind string, period time.Duration, periodText string, ok bool) {
	kind, period, periodText = ReportUnanswered, defaultReportPeriod, defaultPeriodText
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch w {
		case ReportUnanswered, ReportFeedback:
			kind = w
			continue
		}
		d, err := ParsePeriod(w)
		if err != nil {
			return "", 0, "", false
		}
		period, periodText = d, w
	}
	return kind, period, periodText, true
}

// ParsePeriod reads 7d, 2w or a Go duration such as 36h.
func ParsePeriod(s string) (time.Duration, error) {
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 || v > 3660 {
				return 0, fmt.Errorf("period %q: want a whole number of days (7d) or weeks (2w), or a duration (36h)", s)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("period %q: want a whole number of days (7d) or weeks (2w), or a duration (36h)", s)
	}
	return d, nil
}
