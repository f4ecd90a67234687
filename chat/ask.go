package chat

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/factbot/factbot/bot"
)

// maxAmountText bounds the amount a penalty request may carry.
const maxAmountText = 50

// penaltyQuestion is how an amount reaches the engine: the words a user
// would type, so a penalty command and a question give the same tier.
func penaltyQuestion(amount string) string {
	return "What is the penalty for " + amount + "?"
}

// textCommand reads what a question's text asks besides a question, the
// same on every platform: in a mention or DM, "facts <topic>" asks for a
// fact card; in a command, a leading "--public" asks for a public answer
// ("—public" and "–public" too, as Slack clients autocorrect "--").
func textCommand(r Request) Request {
	first, rest, _ := strings.Cut(strings.TrimSpace(r.Text), " ")
	switch {
	case r.Via == ViaMessage && strings.EqualFold(first, "facts"):
		r.Kind, r.Text = KindFacts, strings.TrimSpace(rest)
	case r.Via == ViaCommand && slices.Contains([]string{"--public", "—public", "–public"}, strings.ToLower(first)):
		r.Text, r.Public = strings.TrimSpace(rest), true
	}
	return r
}

// isHelp reports whether a question asks for usage rather than an answer.
func isHelp(text string) bool {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "", "help", "hjelp", "?":
		return true
	}
	return false
}

// ask answers a question, read against the conversation's previous one
// when it only makes sense that way, and decides who sees the answer:
//
//   - a mention or DM is answered where it was asked;
//   - a moderator's public answer is posted for everyone, but a decline
//     stays private with a notice: a decline settles no discussion, and
//     the moderator can rephrase;
//   - anyone else asking for a public answer gets it privately, told why;
//   - otherwise commands are private (with a Share button on answers)
//     unless the platform posts answers publicly.
func (c *Core) ask(ctx context.Context, r Request, text string) Reply {
	key := ""
	if r.Conversation != "" {
		key = r.Platform + "\x00" + r.Conversation
	}
	// The conversation's last question goes with this one: the engine
	// reads a follow-up ("and for dealers?") against it.
	previous := ""
	if key != "" {
		previous, _ = c.conversations.Get(key)
	}
	bq := c.question(r, text)
	bq.Previous = previous
	ans := c.o.Answerer.Answer(ctx, bq)
	ans.Question = text
	if isHelp(text) || ans.Intent == bot.IntentHelp {
		// The engine's answer stays for adapters that show only answers
		// (the command line); chat platforms show the usage.
		reply := c.help(r)
		reply.Question, reply.Answer = text, &ans
		return reply
	}
	// A question read against the one before it stands alone as read:
	// "when did it open?" as the question it was answered as. It is what
	// the conversation remembers and what a share re-asks.
	asRead := text
	if previous != "" && ans.ReadAs != "" {
		asRead = ans.ReadAs
	}
	if ans.Answered && key != "" {
		c.conversations.Add(key, asRead)
	}
	reply := Reply{Status: StatusOK, Lang: ans.Lang, Question: text, ReadAs: ans.ReadAs, Answer: &ans}
	if !ans.Answered {
		reply.Status = StatusDeclined
	}
	moderator := c.isModerator(r)
	switch {
	case r.Via == ViaMessage:
		reply.Public = true
	case r.Public && moderator && ans.Answered:
		reply.Public = true
	case r.Public && moderator:
		reply.Notice = bot.Message(ans.Lang, "public_declined")
	case r.Public:
		c.log.Debug("public answer refused: not a moderator", "platform", r.Platform)
		reply.Notice = bot.Message(ans.Lang, "public_refused")
	default:
		reply.Public = c.policy(r).AnswersPublic
	}
	if !reply.Public && ans.Answered && r.Via == ViaCommand {
		reply.ShareToken = c.offerShare(asRead)
	}
	return reply
}

// question is the engine's question for a request.
func (c *Core) question(r Request, text string) bot.Question {
	return bot.Question{Text: text, Platform: r.Platform, User: r.User, Channel: r.Channel, Server: r.Server, Lang: c.fixedLang(r)}
}

// offerShare remembers a question that may be shared, under a new token.
func (c *Core) offerShare(question string) string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	token := hex.EncodeToString(b[:])
	c.sharesMu.Lock()
	c.shares.Add(token, &shareEntry{question: question})
	c.sharesMu.Unlock()
	return token
}

// share posts an answer in the channel, once per button, naming who
// shared it. The question is answered again (the answer is the same; it
// gets an ID of its own for 👍/👎). A token this process does not know
// (after a restart, or from another replica) is shared from the question
// the button carries, where the platform lets it carry one.
//
// Once means once per button, replays included: a token this process has
// not offered is remembered as shared too, so a replayed click (Slack
// accepts a signed request for 5 minutes) posts nothing more; and with
// Options.Claims the first instance to claim the token shares it, so a
// click that reaches another replica, or this one after a restart, does
// not post again either.
func (c *Core) share(ctx context.Context, r Request) Reply {
	question := r.Text
	c.sharesMu.Lock()
	e, known := c.shares.Get(r.Token)
	switch {
	case known && e.shared:
		c.sharesMu.Unlock()
		return c.notice(r, StatusInvalid, "share_done")
	case known:
		e.shared = true
		question = e.question
	case strings.TrimSpace(question) != "" && r.Token != "":
		c.shares.Add(r.Token, &shareEntry{question: question, shared: true})
	}
	c.sharesMu.Unlock()
	if strings.TrimSpace(question) == "" {
		return c.notice(r, StatusInvalid, "share_expired")
	}
	if c.o.Claims != nil && r.Token != "" {
		first, err := c.o.Claims.Claim(ctx, "share:"+r.Platform+":"+r.Token)
		switch {
		case err != nil:
			// A rare second post beats a share that never happens.
			c.log.Warn("claiming a share failed; sharing anyway", "platform", r.Platform, "err", err)
		case !first:
			return c.notice(r, StatusInvalid, "share_done")
		}
	}
	ans := c.o.Answerer.Answer(ctx, c.question(r, question))
	reply := Reply{Status: StatusOK, Lang: ans.Lang, Question: question, Answer: &ans, Public: ans.Answered, SharedBy: r.User}
	if !ans.Answered {
		reply.Status = StatusDeclined
	}
	return reply
}
