package slack

import (
	"regexp"
	"strings"

	slackgo "github.com/slack-go/slack"

	"github.com/factbot/factbot/bot"
)

// ShareActionID is the action_id of the "Share in channel" button.
const ShareActionID = "factbot_share"

// maxButtonValue is Slack's limit on a button's value.
const maxButtonValue = 2000

var (
	mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	// Outside <…> these never ping unless a message asks for link_names, but
	// a word joiner after the @ makes sure of it whatever the message options.
	broadcastRE = regexp.MustCompile(`(?i)@(channel|here|everyone)`)
	slackUnesc  = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
	// leadingMentionRE matches the @factbot that starts an app_mention.
	leadingMentionRE = regexp.MustCompile(`^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*)+`)
	userIDRE         = regexp.MustCompile(`^[UW][A-Z0-9]{2,20}$`)
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

// questionText turns the text Slack sends (with &, <, > escaped and the bot's
// own mention in front of an app_mention) into the question as typed.
func questionText(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "<@") {
		s = leadingMentionRE.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(slackUnesc.Replace(s))
}

func mrkdwn(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, false)
}

// sharedBy names a user without echoing anything the user typed: a Slack
// user ID renders as the user's name.
func sharedBy(userID, userName string) string {
	if userIDRE.MatchString(userID) {
		return "<@" + userID + ">"
	}
	return Escape(userName)
}

// render is an answer as Block Kit: the question quoted, the answer, the
// examples on a decline, a context line with the source and the legal
// notice, optionally a "Share in channel" button, and 👍/👎 buttons when
// the answer has an ID to record feedback against.
type render struct {
	answer   bot.Answer
	question string
	share    bool   // offer the button (ephemeral replies)
	sharer   string // set when reposting in channel: mrkdwn naming who shared
	// msg words the bot's own sentences in the answer's language; nil
	// means English.
	msg func(lang, key string) string
}

// render prepares an answer to question for Block Kit, in its language.
func (a *Adapter) render(ans bot.Answer, question string) render {
	return render{answer: ans, question: question, msg: func(lang, key string) string { return a.msg(lang, key) }}
}

// word is one of the bot's own sentences in the answer's language.
func (r render) word(key string) string {
	if r.msg != nil {
		return r.msg(r.answer.Lang, key)
	}
	return bot.Message(r.answer.Lang, key)
}

func (r render) blocks() []slackgo.Block {
	a := r.answer
	var head string
	if r.sharer != "" {
		head = strings.ReplaceAll(Escape(r.word("shared_by")), "{user}", r.sharer) + ":\n"
	}
	var blocks []slackgo.Block
	text := head
	if r.question != "" {
		text += "> " + Escape(oneLine(r.question)) + "\n"
	}
	text += Escape(a.Text)
	blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(text), nil, nil))

	if !a.Answered && len(a.Examples) > 0 {
		var b strings.Builder
		b.WriteString("*" + Escape(r.word("try_asking")) + "*")
		for _, ex := range a.Examples {
			b.WriteString("\n• " + Escape(ex))
		}
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(b.String()), nil, nil))
	}

	var ctx []slackgo.MixedElement
	if a.Attribution.Title != "" {
		line := a.SourceLine()
		if a.Attribution.URL != "" {
			line = "<" + a.Attribution.URL + "|" + Escape(line) + ">"
		} else {
			line = Escape(line)
		}
		ctx = append(ctx, mrkdwn(line))
	}
	if a.LegalNotice {
		ctx = append(ctx, mrkdwn("_"+Escape(r.word("not_legal_advice"))+"_"))
	}
	if len(ctx) > 0 {
		blocks = append(blocks, slackgo.NewContextBlock("", ctx...))
	}

	var buttons []slackgo.BlockElement
	if r.share && a.Answered && r.question != "" && len(r.question) <= maxButtonValue {
		buttons = append(buttons, slackgo.NewButtonBlockElement(ShareActionID, r.question,
			slackgo.NewTextBlockObject(slackgo.PlainTextType, r.word("share_in_channel"), false, false)))
	}
	if a.ID != "" && len(a.ID) <= maxButtonValue {
		buttons = append(buttons,
			slackgo.NewButtonBlockElement(FeedbackUpActionID, a.ID, slackgo.NewTextBlockObject(slackgo.PlainTextType, "👍", true, false)),
			slackgo.NewButtonBlockElement(FeedbackDownActionID, a.ID, slackgo.NewTextBlockObject(slackgo.PlainTextType, "👎", true, false)))
	}
	if len(buttons) > 0 {
		// The block ID carries the answer's language for the feedback
		// acknowledgement.
		blocks = append(blocks, slackgo.NewActionBlock(feedbackBlockPrefix+a.Lang, buttons...))
	}
	return blocks
}

// fallback is the notification text for clients that cannot show blocks.
func (r render) fallback() string { return Escape(r.answer.Text) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// usage is the reply to "/ask", "/ask help" or an empty mention, in lang.
// examples, when given, replace the catalogue's.
func usage(command, lang string, examples []string) []slackgo.Block {
	if len(examples) == 0 {
		for _, k := range []string{"example_penalty", "example_medical", "example_passage", "example_repeat"} {
			examples = append(examples, bot.Message(lang, k))
		}
	}
	var b strings.Builder
	b.WriteString(Escape(bot.Message(lang, "usage_intro")) + "\n")
	b.WriteString(Escape(bot.Message(lang, "usage_how", "command", "`"+command+" …`")) + "\n*" + Escape(bot.Message(lang, "usage_examples")) + "*")
	for _, ex := range examples {
		b.WriteString("\n• " + Escape(ex))
	}
	return []slackgo.Block{
		slackgo.NewSectionBlock(mrkdwn(b.String()), nil, nil),
		slackgo.NewContextBlock("", mrkdwn("Cannabis in Norway (Wikipedia, CC BY-SA 4.0) · _"+Escape(bot.Message(lang, "not_legal_advice"))+"_")),
	}
}

// reply is a message as Slack takes it in a slash-command response or a
// Socket Mode ack. It marshals the blocks directly: slack.Msg goes through
// slack.Blocks' MarshalJSON, which encodes every block twice.
type reply struct {
	ResponseType string          `json:"response_type"`
	Text         string          `json:"text"`
	Blocks       []slackgo.Block `json:"blocks"`
}
