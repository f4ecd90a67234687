package main

import (
	"github.com/factbot/factbot/internal/cli"

	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/config"
)

const reportUsage = `Usage: factbotd report unanswered|feedback [--since 7d] [--top 20] [--json] [--config FILE]

Reports for moderators from the event store that "factbotd serve" writes
(the [store] section of FILE and FACTBOT_STORE_*, as for serve):

  unanswered   the most-asked questions factbot declined, grouped by their
               text in lower case without punctuation, with counts
  feedback     the answers with the most 👎, with the questions they answered

User IDs are never printed. The report can run while serve does.

Flags:
`

func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		fmt.Fprint(w, reportUsage)
		reportFlags(w, w).PrintDefaults()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	kind, rest := args[0], args[1:]
	if kind != "unanswered" && kind != "feedback" {
		fmt.Fprintf(stderr, "factbotd report: unknown report %q: want unanswered or feedback\n", kind)
		return 2
	}
	fl := reportFlags(stderr, stderr)
	if code, done := cli.ParseFlags(fl.FlagSet, rest); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "factbotd report: unexpected arguments %q\n", fl.Args())
		return 2
	}
	opts := fl.opts
	since, err := parseSince(*opts.since)
	if err != nil {
		fmt.Fprintf(stderr, "factbotd report: --since: %v\n", err)
		return 2
	}
	cfg, err := config.Load(*opts.config, nil)
	if err != nil {
		fmt.Fprintf(stderr, "factbotd report: %v\n", err)
		return 2
	}
	if !cfg.Store.Enabled {
		fmt.Fprintf(stderr, "factbotd report: the store is disabled ([store] enabled = false, or %s), so nothing is recorded\n", config.EnvName("store", "enabled"))
		return 2
	}
	st, err := openStore(ctx, cfg.Store, nil, false)
	if err != nil {
		fmt.Fprintf(stderr, "factbotd report: %v\n", err)
		return 1
	}
	defer st.Close()
	ro := bot.ReportOptions{Top: *opts.top}
	if since > 0 {
		ro.Since = time.Now().Add(-since)
	}
	var out any
	switch kind {
	case "unanswered":
		out, err = bot.Unanswered(ctx, st, ro)
	case "feedback":
		out, err = bot.Feedback(ctx, st, ro)
	}
	if err != nil {
		fmt.Fprintf(stderr, "factbotd report: %v\n", err)
		return 1
	}
	if *opts.json {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(out)
	} else {
		switch r := out.(type) {
		case bot.UnansweredReport:
			err = printUnanswered(stdout, r, *opts.since)
		case bot.FeedbackReport:
			err = printFeedback(stdout, r, *opts.since)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "factbotd report: %v\n", err)
		return 1
	}
	return 0
}

type reportOpts struct {
	since, config *string
	top           *int
	json          *bool
}

type reportFlagSet struct {
	*flag.FlagSet
	opts reportOpts
}

func reportFlags(out, usage io.Writer) reportFlagSet {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(out)
	fl.Usage = func() {
		fmt.Fprint(usage, reportUsage)
		fl.SetOutput(usage)
		fl.PrintDefaults()
	}
	return reportFlagSet{FlagSet: fl, opts: reportOpts{
		since:  fl.String("since", "7d", "period to report on: 7d, 2w, 36h, or all"),
		top:    fl.Int("top", 20, "show at most this many rows (0 for all)"),
		json:   fl.Bool("json", false, "print the report as JSON"),
		config: fl.String("config", "", "TOML config file, as for serve (the [store] section; FACTBOT_STORE_* win)"),
	}}
}

// parseSince reads a period as the in-chat report does (chat.ParsePeriod:
// "7d", "2w", "36h"); "all" or "0" means no limit.
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "all" || s == "0" || s == "" {
		return 0, nil
	}
	return chat.ParsePeriod(s)
}

func sinceLine(since time.Time, period string) string {
	if since.IsZero() {
		return "everything kept"
	}
	return fmt.Sprintf("since %s (last %s)", since.UTC().Format("2006-01-02 15:04 UTC"), period)
}

func printUnanswered(w io.Writer, r bot.UnansweredReport, period string) error {
	fmt.Fprintf(w, "Most-asked questions factbot could not answer, %s\n", sinceLine(r.Since, period))
	fmt.Fprintf(w, "%d declined questions, %d different\n", r.Declined, r.Distinct)
	if len(r.Rows) == 0 {
		_, err := fmt.Fprintln(w, "\nNothing recorded in that period.")
		return err
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "COUNT\tUSERS\tREASON\tLAST ASKED\tQUESTION\n")
	for _, row := range r.Rows {
		fmt.Fprintf(tw, "%5d\t%5d\t%s\t%s\t%s\n", row.Count, row.Users, row.Reason, row.Last.UTC().Format("2006-01-02 15:04"), row.Question)
	}
	return tw.Flush()
}

// maxAnswerChars is how much of an answer a feedback row shows.
const maxAnswerChars = 90

func printFeedback(w io.Writer, r bot.FeedbackReport, period string) error {
	fmt.Fprintf(w, "Answers with the most 👎, %s\n", sinceLine(r.Since, period))
	fmt.Fprintf(w, "%d 👎 and %d 👍 in all\n", r.Down, r.Up)
	if len(r.Rows) == 0 {
		_, err := fmt.Fprintln(w, "\nNo 👎 in that period.")
		return err
	}
	for _, row := range r.Rows {
		answer := row.Answer
		if answer == "" {
			answer = "(answer not kept)"
		} else if utf8.RuneCountInString(answer) > maxAnswerChars {
			answer = string([]rune(answer)[:maxAnswerChars-1]) + "…"
		}
		section := ""
		if row.Section != "" {
			section = " [" + row.Section + "]"
		}
		fmt.Fprintf(w, "\n%3d 👎 %3d 👍  %s%s\n", row.Down, row.Up, answer, section)
		var qs []string
		for _, q := range row.Questions {
			qs = append(qs, fmt.Sprintf("%q ×%d", q.Question, q.Count))
		}
		if len(qs) > 0 {
			fmt.Fprintf(w, "              asked as: %s\n", strings.Join(qs, "; "))
		}
	}
	return nil
}
