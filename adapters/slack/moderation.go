package slack

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/factbot/factbot/bot"
)

// The moderator toolkit on Slack (issue 5): fact cards (/facts and
// "@factbot facts <topic>"), public answers for moderators (/ask --public),
// 👍/👎 feedback on every answer, and /factbot-report.

// Action IDs of the feedback buttons; their value is the answer's ID.
const (
	FeedbackUpActionID   = "feedback_up"
	FeedbackDownActionID = "feedback_down"
)

// feedbackBlockPrefix starts the block_id of an answer's actions block; the
// answer's language follows, so the acknowledgement speaks it too.
const feedbackBlockPrefix = "factbot_answer."

// Slack's Block Kit limits.
const (
	maxSectionText  = 3000
	maxFieldText    = 2000
	maxFields       = 10
	maxHeaderText   = 150
	maxTopicEcho    = 100 // characters of an unknown topic echoed back
	reportRows      = 10
	defaultPeriod   = 7 * 24 * time.Hour
	defaultPeriodIn = "7d"
)

// msg is one of the bot's own sentences in lang, with {name} placeholders
// filled from pairs.
func (a *Adapter) msg(lang, key string, pairs ...string) string {
	text := bot.Message(lang, key)
	if a.o.Cards != nil {
		text = a.o.Cards.Message(lang, key)
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		text = strings.ReplaceAll(text, "{"+pairs[i]+"}", pairs[i+1])
	}
	return text
}

// isModerator reports whether a Slack user ID is one of Options.Moderators.
func (a *Adapter) isModerator(user string) bool {
	_, ok := a.moderators[user]
	return user != "" && ok
}

// cutPublic takes the --public flag off the front of a question. Slack
// clients often turn "--" into a dash, so "—public" and "–public" count too.
func cutPublic(text string) (string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	switch strings.ToLower(first) {
	case "--public", "—public", "–public":
		return strings.TrimSpace(rest), true
	}
	return text, false
}

// askReply answers /ask. With --public a moderator's answer goes to the
// channel; anyone else is told why not and gets it ephemerally. Declines
// and rate limits stay with the asker either way.
func (a *Adapter) askReply(ctx context.Context, cmd slackgo.SlashCommand) reply {
	text, public := cutPublic(questionText(cmd.Text))
	if isHelp(text) {
		lang := a.lang(commandPlace(cmd), text)
		return reply{ResponseType: slackgo.ResponseTypeEphemeral, Text: bot.Message(lang, "usage_fallback"),
			Blocks: usage(a.o.Command, lang, a.o.Examples)}
	}
	ans := a.ask(ctx, text, commandPlace(cmd))
	r := a.render(ans, text)
	if public && a.isModerator(cmd.UserID) && ans.Answered {
		return reply{ResponseType: slackgo.ResponseTypeInChannel, Text: r.fallback(), Blocks: r.blocks()}
	}
	// Ephemeral, with Share in channel (which names who shares, as for
	// any answer).
	r.share = true
	blocks := r.blocks()
	if public && !a.isModerator(cmd.UserID) && ans.Intent != bot.IntentLimited {
		a.log.Debug("public answer refused: not a moderator")
		blocks = append([]slackgo.Block{slackgo.NewContextBlock("", mrkdwn(Escape(a.msg(ans.Lang, "public_refused"))))}, blocks...)
	}
	return reply{ResponseType: slackgo.ResponseTypeEphemeral, Text: r.fallback(), Blocks: blocks}
}

// commandPlace is where a slash command was used.
func commandPlace(cmd slackgo.SlashCommand) place {
	return place{cmd.UserID, cmd.ChannelID, cmd.TeamID}
}

// factsResult is a fact-card reply, whichever way it was asked for.
type factsResult struct {
	public   bool // post in the channel (or thread)
	fallback string
	blocks   []slackgo.Block
}

// facts builds the reply to /facts [topic] or "@factbot facts [topic]" by
// user: a card, in the channel for moderators (everyone with FactsPublic);
// the topic list, ephemeral, for no topic or an unknown one.
func (a *Adapter) facts(topic string, p place) factsResult {
	topic = strings.TrimSpace(topic)
	lang := a.lang(p, topic)
	if a.o.Cards == nil {
		// serve always configures cards; without them, say how to ask.
		a.log.Warn("fact card asked for, but no cards are configured")
		return factsResult{fallback: bot.Message(lang, "usage_fallback"), blocks: usage(a.o.Command, lang, a.o.Examples)}
	}
	if topic == "" || isHelp(topic) {
		text := Escape(a.o.Cards.TopicsText(lang))
		return factsResult{fallback: text, blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(text), nil, nil)}}
	}
	card, err := a.o.Cards.Card(topic, lang)
	if err != nil {
		// Echoed: the topic as typed, escaped so it cannot ping.
		text := truncate(Escape(a.o.Cards.UnknownTopicText(lang, truncate(oneLine(topic), maxTopicEcho))), maxSectionText)
		if !errors.Is(err, bot.ErrUnknownTopic) {
			a.log.Error("making a fact card", "err", err)
		}
		return factsResult{fallback: text, blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(text), nil, nil)}}
	}
	return factsResult{
		public:   a.o.FactsPublic || a.isModerator(p.user),
		fallback: Escape(card.Title + ": " + card.Text),
		blocks:   a.cardBlocks(card),
	}
}

// factsReply answers the facts slash command.
func (a *Adapter) factsReply(cmd slackgo.SlashCommand) reply {
	f := a.facts(questionText(cmd.Text), commandPlace(cmd))
	rt := slackgo.ResponseTypeEphemeral
	if f.public {
		rt = slackgo.ResponseTypeInChannel
	}
	return reply{ResponseType: rt, Text: f.fallback, Blocks: f.blocks}
}

// cardBlocks lays a fact card out as Block Kit: a header, the quoted text,
// the table as section fields (ten to a section), and a context line with
// the source, linked, and the legal notice where the card has one.
func (a *Adapter) cardBlocks(c bot.Card) []slackgo.Block {
	blocks := []slackgo.Block{
		slackgo.NewHeaderBlock(slackgo.NewTextBlockObject(slackgo.PlainTextType, truncate(c.Title, maxHeaderText), true, false)),
	}
	var text string
	if c.Note != "" {
		text = "_" + Escape(c.Note) + "_\n"
	}
	if c.Text != "" {
		text += Escape(c.Text)
	}
	if text != "" {
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(truncate(text, maxSectionText)), nil, nil))
	}
	for start := 0; start < len(c.Fields); start += maxFields {
		end := min(start+maxFields, len(c.Fields))
		var fields []*slackgo.TextBlockObject
		for _, f := range c.Fields[start:end] {
			fields = append(fields, mrkdwn(truncate("*"+Escape(f.Name)+"*\n"+Escape(f.Value), maxFieldText)))
		}
		blocks = append(blocks, slackgo.NewSectionBlock(nil, fields, nil))
	}
	var ctx []slackgo.MixedElement
	if c.Attribution.Title != "" {
		ctx = append(ctx, mrkdwn(sourceLink(c.SourceLine(), c.Attribution.URL)))
	}
	if c.LegalNotice {
		ctx = append(ctx, mrkdwn("_"+Escape(a.msg(c.Lang, "not_legal_advice"))+"_"))
	}
	if len(ctx) > 0 {
		blocks = append(blocks, slackgo.NewContextBlock("", ctx...))
	}
	return blocks
}

// sourceLink is a source line linked to the article, or plain without a URL.
func sourceLink(line, u string) string {
	if u == "" {
		return Escape(line)
	}
	return "<" + u + "|" + Escape(line) + ">"
}

// truncate cuts s to at most n characters, with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// factsMention answers "@factbot facts <topic>": a card in the thread when
// the user may post it publicly, otherwise (and for the topic list) an
// ephemeral reply in the thread.
func (a *Adapter) factsMention(ctx context.Context, topic string, ev *slackEventMention, thread string) error {
	f := a.facts(topic, place{ev.User, ev.Channel, ev.Team})
	opts := []slackgo.MsgOption{slackgo.MsgOptionText(f.fallback, false), slackgo.MsgOptionBlocks(f.blocks...), slackgo.MsgOptionTS(thread)}
	if f.public {
		_, _, err := a.api.PostMessageContext(ctx, ev.Channel, opts...)
		return err
	}
	_, err := a.api.PostEphemeralContext(ctx, ev.Channel, ev.User, opts...)
	return err
}

// cutFacts reports whether a mention asks for a fact card ("facts
// penalties"), and the topic.
func cutFacts(text string) (string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	if strings.EqualFold(first, "facts") {
		return strings.TrimSpace(rest), true
	}
	return "", false
}

// feedback records a 👍/👎 click and acknowledges it ephemerally through
// response_url: thanks, "already given" for a second click (not counted),
// or a failure.
func (a *Adapter) feedback(ic slackgo.InteractionCallback, act *slackgo.BlockAction) {
	vote := bot.VoteUp
	if act.ActionID == FeedbackDownActionID {
		vote = bot.VoteDown
	}
	lang, _ := strings.CutPrefix(act.BlockID, feedbackBlockPrefix)
	id, user, responseURL := act.Value, ic.User.ID, ic.ResponseURL
	ok := a.tasks.do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.o.ReplyTimeout)
		defer cancel()
		key := "feedback_thanks"
		if a.o.Feedback == nil {
			a.log.Warn("feedback click, but no store to record it in")
			key = "feedback_failed"
		} else {
			res, err := a.o.Feedback.Feedback(ctx, Platform, user, id, vote)
			switch {
			case errors.Is(err, bot.ErrUnknownAnswer):
				a.log.Warn("feedback on something that is not an answer ID")
				key = "feedback_failed"
			case err != nil:
				a.log.Error("recording feedback", "err", err)
				key = "feedback_failed"
			case res == bot.FeedbackDuplicate:
				key = "feedback_duplicate"
			}
		}
		msg := &slackgo.WebhookMessage{ResponseType: slackgo.ResponseTypeEphemeral, Text: Escape(a.msg(lang, key))}
		if err := slackgo.PostWebhookCustomHTTPContext(ctx, responseURL, a.o.HTTPClient, msg); err != nil {
			a.log.Error("acknowledging feedback", "err", redactURL(err))
		}
	})
	if !ok {
		a.log.Warn("shutting down: feedback not recorded")
	}
}

// reportReply answers the report command: for moderators the top 10
// unanswered questions (or, with "feedback", the answers with the most
// 👎) over a period (default 7 days), ephemeral; for anyone else a refusal.
func (a *Adapter) reportReply(ctx context.Context, cmd slackgo.SlashCommand) reply {
	lang := a.lang(commandPlace(cmd), "")
	ephemeral := func(text string) reply {
		return reply{ResponseType: slackgo.ResponseTypeEphemeral, Text: text,
			Blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(text), nil, nil)}}
	}
	if !a.isModerator(cmd.UserID) {
		return ephemeral(Escape(a.msg(lang, "report_moderators_only")))
	}
	if a.o.Events == nil {
		return ephemeral(Escape(a.msg(lang, "report_store_disabled")))
	}
	kind, period, periodText, ok := parseReportArgs(questionText(cmd.Text))
	if !ok {
		return ephemeral(Escape(a.msg(lang, "report_usage", "command", a.o.ReportCommand)))
	}
	since := a.o.Now().Add(-period)
	sinceText := since.UTC().Format("2006-01-02 15:04 UTC") + " (" + periodText + ")"
	o := bot.ReportOptions{Since: since, Top: reportRows}
	var blocks []slackgo.Block
	var title string
	if kind == "feedback" {
		rep, err := bot.Feedback(ctx, a.o.Events, o)
		if err != nil {
			a.log.Error("feedback report", "err", err)
			return ephemeral(Escape(a.msg(lang, "internal")))
		}
		title = a.msg(lang, "report_feedback_title", "since", sinceText)
		blocks = a.feedbackReportBlocks(lang, title, rep)
	} else {
		rep, err := bot.Unanswered(ctx, a.o.Events, o)
		if err != nil {
			a.log.Error("unanswered report", "err", err)
			return ephemeral(Escape(a.msg(lang, "internal")))
		}
		title = a.msg(lang, "report_unanswered_title", "since", sinceText)
		blocks = a.unansweredBlocks(lang, title, rep)
	}
	return reply{ResponseType: slackgo.ResponseTypeEphemeral, Text: Escape(title), Blocks: blocks}
}

// parseReportArgs reads "[unanswered|feedback] [period]", in any order.
func parseReportArgs(text string) (kind string, period time.Duration, periodText string, ok bool) {
	kind, period, periodText = "unanswered", defaultPeriod, defaultPeriodIn
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch w {
		case "unanswered", "feedback":
			kind = w
			continue
		}
		d, err := parsePeriod(w)
		if err != nil {
			return "", 0, "", false
		}
		period, periodText = d, w
	}
	return kind, period, periodText, true
}

// parsePeriod reads 7d, 2w or a Go duration such as 36h.
func parsePeriod(s string) (time.Duration, error) {
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 || v > 3660 {
				return 0, fmt.Errorf("period %q", s)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("period %q", s)
	}
	return d, nil
}

func (a *Adapter) unansweredBlocks(lang, title string, r bot.UnansweredReport) []slackgo.Block {
	blocks := []slackgo.Block{
		slackgo.NewHeaderBlock(slackgo.NewTextBlockObject(slackgo.PlainTextType, truncate(title, maxHeaderText), true, false)),
		slackgo.NewContextBlock("", mrkdwn(Escape(a.msg(lang, "report_unanswered_summary",
			"declined", strconv.Itoa(r.Declined), "distinct", strconv.Itoa(r.Distinct))))),
	}
	if len(r.Rows) == 0 {
		return append(blocks, slackgo.NewSectionBlock(mrkdwn(Escape(a.msg(lang, "report_empty"))), nil, nil))
	}
	for i, row := range r.Rows {
		detail := a.msg(lang, "report_unanswered_row", "count", strconv.Itoa(row.Count), "users", strconv.Itoa(row.Users),
			"reason", row.Reason, "last", row.Last.UTC().Format("2006-01-02 15:04"))
		text := fmt.Sprintf("*%d.* %s\n_%s_", i+1, Escape(truncate(row.Question, 1000)), Escape(detail))
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(text), nil, nil))
	}
	return blocks
}

// maxReportAnswer is how much of an answer a feedback row shows.
const maxReportAnswer = 300

func (a *Adapter) feedbackReportBlocks(lang, title string, r bot.FeedbackReport) []slackgo.Block {
	blocks := []slackgo.Block{
		slackgo.NewHeaderBlock(slackgo.NewTextBlockObject(slackgo.PlainTextType, truncate(title, maxHeaderText), true, false)),
		slackgo.NewContextBlock("", mrkdwn(Escape(a.msg(lang, "report_feedback_summary",
			"down", strconv.Itoa(r.Down), "up", strconv.Itoa(r.Up))))),
	}
	if len(r.Rows) == 0 {
		return append(blocks, slackgo.NewSectionBlock(mrkdwn(Escape(a.msg(lang, "report_empty"))), nil, nil))
	}
	for _, row := range r.Rows {
		answer := row.Answer
		if answer == "" {
			answer = a.msg(lang, "report_answer_not_kept")
		}
		text := fmt.Sprintf("*%d 👎 %d 👍* %s", row.Down, row.Up, Escape(truncate(answer, maxReportAnswer)))
		if row.Section != "" {
			text += " _[" + Escape(row.Section) + "]_"
		}
		var qs []string
		for _, q := range row.Questions {
			qs = append(qs, fmt.Sprintf("“%s” ×%d", truncate(q.Question, 200), q.Count))
		}
		if len(qs) > 0 {
			text += "\n_" + Escape(a.msg(lang, "report_asked_as", "questions", strings.Join(qs, "; "))) + "_"
		}
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(text), nil, nil))
	}
	return blocks
}
