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

// Report is a moderators' report, ready to draw: exactly one of Unanswered
// and Feedback is set.
type Report struct {
	Kind    string
	Since   time.Time
	Period  string // as asked: "7d"
	Title   string // in the reply's language, with the period
	Summary string // "7 declined questions, 4 different"
	// Usage is how to ask for it again (the command line), for a footer.
	Usage      string
	Unanswered *bot.UnansweredReport
	Feedback   *bot.FeedbackReport
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
		Usage: "factbot report " + kind + " --since " + periodText}
	o := bot.ReportOptions{Since: since, Top: reportRows}
	if kind == ReportFeedback {
		fr, err := bot.Feedback(ctx, c.o.Events, o)
		if err != nil {
			c.log.Error("feedback report", "err", err)
			return c.notice(r, StatusFailed, "internal")
		}
		rep.Feedback = &fr
		rep.Title = bot.Message(lang, "report_feedback_title", "since", sinceText)
		rep.Summary = bot.Message(lang, "report_feedback_summary", "down", strconv.Itoa(fr.Down), "up", strconv.Itoa(fr.Up))
	} else {
		ur, err := bot.Unanswered(ctx, c.o.Events, o)
		if err != nil {
			c.log.Error("unanswered report", "err", err)
			return c.notice(r, StatusFailed, "internal")
		}
		rep.Unanswered = &ur
		rep.Title = bot.Message(lang, "report_unanswered_title", "since", sinceText)
		rep.Summary = bot.Message(lang, "report_unanswered_summary",
			"declined", strconv.Itoa(ur.Declined), "distinct", strconv.Itoa(ur.Distinct))
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
