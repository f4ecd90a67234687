package slack

import (
	"cmp"
	"regexp"
	"strings"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/unlink"
)

// Replies from the core drawn as Block Kit.

// Slack's Block Kit limits.
const (
	maxSectionText = 3000
	maxFieldText   = 2000
	maxFields      = 10
	maxHeaderText  = 150
	maxButtonValue = 2000
)

// feedbackBlockPrefix starts the block_id of an answer's actions block; the
// answer's language follows, so the acknowledgement speaks it too.
const feedbackBlockPrefix = "factbot_answer."

var (
	mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	// Outside <…> these never ping unless a message asks for link_names, but
	// a word joiner after the @ makes sure of it whatever the message options.
	broadcastRE = regexp.MustCompile(`(?i)@(channel|here|everyone)`)
	slackUnesc  = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
	// leadingMentionRE matches the @factbot that starts an app_mention.
	leadingMentionRE = regexp.MustCompile(`^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*)+`)
	// slackUserID is a user ID, safe to put in mention syntax.
	slackUserID = regexp.MustCompile(`^[UW][A-Z0-9]{2,20}$`)
)

// Escape makes text safe to echo in mrkdwn: &, < and > become entities, so
// <!channel>, <!here>, <!everyone>, <@U…> and <!subteam^…> lose their
// meaning, and a bare @channel/@here/@everyone is broken with a word joiner.
func Escape(s string) string {
	s = mrkdwnEscaper.Replace(s)
	if !strings.Contains(s, "@") { // the common case skips the regexp
		return s
	}
	return broadcastRE.ReplaceAllString(s, "@\u2060$1")
}

// maxIncomingText is the most of a message's text that is read: more than
// the core keeps of any request (4,004 bytes), so what is cut here is cut
// there anyway, without unescaping 60 kB first.
const maxIncomingText = 8 << 10

// questionText turns the text Slack sends (with &, <, > escaped and the bot's
// own mention in front of an app_mention) into the question as typed.
func questionText(s string) string {
	if len(s) > maxIncomingText {
		s = strings.ToValidUTF8(s[:maxIncomingText], "")
	}
	if strings.HasPrefix(strings.TrimSpace(s), "<@") {
		s = leadingMentionRE.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(slackUnesc.Replace(s))
}

func mrkdwn(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, false)
}

func plain(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, s, true, false)
}

func section(text string) slackgo.Block {
	return slackgo.NewSectionBlock(mrkdwn(truncate(text, maxSectionText)), nil, nil)
}

func header(text string) slackgo.Block {
	return slackgo.NewHeaderBlock(plain(truncate(text, maxHeaderText)))
}

// truncate cuts s to at most n characters, with an ellipsis when cut, and
// never inside an escaped &amp; &lt; or &gt;.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return cutEntity(string(r[:n-1])) + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sourceLink is a source line linked to the article, or plain without a URL.
func sourceLink(line, u string) string {
	if u == "" {
		return Escape(line)
	}
	return "<" + u + "|" + Escape(line) + ">"
}

// fallback is the notification text for clients that cannot show blocks.
func fallback(r chat.Reply) string { return truncate(fallbackText(r), maxFallbackText) }

func fallbackText(r chat.Reply) string {
	switch {
	case r.Help != nil:
		return Escape(bot.Message(r.Lang, "usage_fallback"))
	case r.Answer != nil:
		return Escape(r.Answer.Text)
	case r.Card != nil:
		return Escape(r.Card.Title + ": " + r.Card.Text)
	case r.Report != nil:
		return Escape(r.Report.Title)
	}
	return Escape(r.Notice)
}

// blocks draws a reply: who shared it, the notice and how a follow-up was
// read above the content (or the notice alone), then the content.
func (a *Adapter) blocks(r chat.Reply) []slackgo.Block { return fitBlocks(a.drawBlocks(r)) }

func (a *Adapter) drawBlocks(r chat.Reply) []slackgo.Block {
	var notes []slackgo.MixedElement
	if r.Notice != "" && (r.Answer != nil || r.Card != nil || r.Report != nil) {
		notes = append(notes, mrkdwn(echo(r.Notice)))
	}
	if n := r.ReadingNotice(); n != "" {
		notes = append(notes, mrkdwn(echo(n)))
	}
	var blocks []slackgo.Block
	if len(notes) > 0 {
		blocks = append(blocks, slackgo.NewContextBlock("", notes...))
	}
	switch {
	case r.Help != nil:
		return append(blocks, a.usage(r.Lang, r.Help)...)
	case r.Answer != nil:
		return append(blocks, answerBlocks(r)...)
	case r.Card != nil:
		return append(blocks, cardBlocks(*r.Card)...)
	case r.Report != nil:
		return append(blocks, reportBlocks(*r.Report)...)
	}
	return append(blocks, section(echo(r.Notice)))
}

// echo is text that may hold what a user typed (a question, a topic), made
// safe to show: escaped so it never pings, and with URLs and domain names
// broken so that Slack links none of them in a public post.
func echo(s string) string { return Escape(unlink.String(s)) }

// answerBlocks is an answer as Block Kit: the question quoted (with who
// shared it), the answer, the examples on a decline, a context line with
// the source and the legal notice, and the buttons the reply offers.
func answerBlocks(r chat.Reply) []slackgo.Block {
	a := *r.Answer
	var text string
	if r.SharedBy != "" {
		who := "a user"
		if slackUserID.MatchString(r.SharedBy) {
			who = "<@" + r.SharedBy + ">" // an ID renders as the name and pings no one else
		}
		text = strings.ReplaceAll(Escape(bot.Message(a.Lang, "shared_by")), "{user}", who) + ":\n"
	}
	if r.Question != "" {
		text += "> " + echo(oneLine(r.Question)) + "\n"
	}
	blocks := []slackgo.Block{section(text + Escape(a.Text))}
	if !a.Answered && len(a.Examples) > 0 {
		var b strings.Builder
		b.WriteString("*" + Escape(bot.Message(a.Lang, "try_asking")) + "*")
		for _, ex := range a.Examples {
			b.WriteString("\n• " + Escape(ex))
		}
		blocks = append(blocks, section(b.String()))
	}
	if f := footer(a.Attribution, a.SourceLine(), a.Lang, a.LegalNotice); f != nil {
		blocks = append(blocks, f)
	}
	var buttons []slackgo.BlockElement
	if r.ShareToken != "" {
		value := r.ShareToken + ":" + cmp.Or(r.ReadAs, r.Question) // a follow-up shares as it was read
		if len(value) > maxButtonValue {
			value = r.ShareToken + ":"
		}
		buttons = append(buttons, slackgo.NewButtonBlockElement(ShareActionID, value,
			slackgo.NewTextBlockObject(slackgo.PlainTextType, bot.Message(a.Lang, "share_in_channel"), false, false)))
	}
	if r.Feedback && a.ID != "" && len(a.ID) <= maxButtonValue {
		buttons = append(buttons,
			slackgo.NewButtonBlockElement(FeedbackUpActionID, a.ID, plain("👍")),
			slackgo.NewButtonBlockElement(FeedbackDownActionID, a.ID, plain("👎")))
	}
	if len(buttons) > 0 {
		// The block ID carries the answer's language for the feedback
		// acknowledgement.
		blocks = append(blocks, slackgo.NewActionBlock(feedbackBlockPrefix+a.Lang, buttons...))
	}
	return blocks
}

// usage is how to ask factbot, in lang.
func (a *Adapter) usage(lang string, h *chat.Help) []slackgo.Block {
	examples := h.Examples
	var b strings.Builder
	b.WriteString(Escape(h.Intro) + "\n")
	b.WriteString(Escape(bot.Message(lang, "usage_how", "command", "`"+a.cfg.Command+" …`")) + "\n*" + Escape(bot.Message(lang, "usage_examples")) + "*")
	for _, ex := range examples {
		b.WriteString("\n• " + Escape(ex))
	}
	return []slackgo.Block{section(b.String()), footer(h.Source, bot.Answer{Attribution: h.Source}.SourceLine(), lang, true)}
}

// footer is the context line under an answer, a card or the usage: the
// source, linked, and the legal notice, each where there is one; nil when
// there is neither.
func footer(source bot.Attribution, sourceLine, lang string, legal bool) *slackgo.ContextBlock {
	var ctx []slackgo.MixedElement
	if source.Title != "" {
		ctx = append(ctx, mrkdwn(sourceLink(sourceLine, source.URL)))
	}
	if legal {
		ctx = append(ctx, mrkdwn("_"+Escape(bot.Message(lang, "not_legal_advice"))+"_"))
	}
	if len(ctx) == 0 {
		return nil
	}
	return slackgo.NewContextBlock("", ctx...)
}

// cardBlocks lays a fact card out as Block Kit: a header, the quoted text,
// the table as section fields (ten to a section), and a context line with
// the source, linked, and the legal notice where the card has one.
func cardBlocks(c cards.Card) []slackgo.Block {
	blocks := []slackgo.Block{header(c.Title)}
	var text string
	if c.Note != "" {
		text = "_" + Escape(c.Note) + "_\n"
	}
	if c.Text != "" {
		text += Escape(c.Text)
	}
	if text != "" {
		blocks = append(blocks, section(text))
	}
	for start := 0; start < len(c.Fields); start += maxFields {
		end := min(start+maxFields, len(c.Fields))
		var fields []*slackgo.TextBlockObject
		for _, f := range c.Fields[start:end] {
			fields = append(fields, mrkdwn(truncate("*"+Escape(f.Name)+"*\n"+Escape(f.Value), maxFieldText)))
		}
		blocks = append(blocks, slackgo.NewSectionBlock(nil, fields, nil))
	}
	if f := footer(c.Attribution, c.SourceLine(), c.Lang, c.LegalNotice); f != nil {
		blocks = append(blocks, f)
	}
	return blocks
}

// reportBlocks lays a report out: a header, the summary, a section per row.
func reportBlocks(r chat.Report) []slackgo.Block {
	blocks := []slackgo.Block{header(r.Title), slackgo.NewContextBlock("", mrkdwn(Escape(r.Summary)))}
	for _, row := range r.Rows {
		text := strings.ReplaceAll(row.Text, "{last}", row.Last.UTC().Format("2006-01-02 15:04"))
		blocks = append(blocks, section("*"+echo(row.Title)+"*\n_"+echo(text)+"_"))
	}
	if len(r.Rows) == 0 {
		blocks = append(blocks, section(Escape(r.Empty)))
	}
	return blocks
}

// reply is a message as Slack takes it in a slash-command response or a
// Socket Mode ack. It marshals the blocks directly: slack.Msg goes through
// slack.Blocks' MarshalJSON, which encodes every block twice.
type reply struct {
	ResponseType string          `json:"response_type"`
	Text         string          `json:"text"`
	Blocks       []slackgo.Block `json:"blocks"`
}
