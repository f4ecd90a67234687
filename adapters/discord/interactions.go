package discord

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
)

// Command and option names.
const (
	cmdAsk      = "ask"
	cmdPenalty  = "penalty"
	cmdAbout    = "about"
	optQuestion = "question"
	optAmount   = "amount"
)

// answerTimeout bounds one answer; deferred responses may be edited for 15
// minutes, but a local engine that needs more than this is broken.
const answerTimeout = 30 * time.Second

// aboutText is /about in lang. The article and license are fixed for this
// bot; mentions and DMs only reach it over the gateway.
func aboutText(lang string, gateway bool) string {
	var b strings.Builder
	b.WriteString(bot.Message(lang, "about_text", "url", "https://en.wikipedia.org/wiki/Cannabis_in_Norway") + "\n\n")
	b.WriteString("• " + bot.Message(lang, "about_ask", "command", "`/ask question:`") + "\n")
	b.WriteString("• " + bot.Message(lang, "about_penalty", "command", "`/penalty amount:`") + "\n")
	if gateway {
		b.WriteString("• " + bot.Message(lang, "about_mention") + "\n")
	}
	b.WriteString("\n" + bot.Message(lang, "not_legal_advice"))
	return b.String()
}

// Commands are the application commands factbot registers.
func Commands() []*discordgo.ApplicationCommand {
	// Usable in guilds and in the bot's DMs (contexts replace the
	// deprecated dm_permission).
	contexts := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask about cannabis law in Norway",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        optQuestion,
				Description: "Your question, e.g. Is cannabis legal in Norway?",
				Required:    true,
				MaxLength:   maxOptionInput,
			}, {
				Type:        discordgo.ApplicationCommandOptionBoolean,
				Name:        optPublic,
				Description: "Post the answer in the channel (moderators only)",
			}},
		},
		{
			Name:        cmdPenalty,
			Description: "The penalty for an amount of cannabis in Norway",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         optAmount,
				Description:  "An amount, e.g. 20 g or 2 oz",
				Required:     true,
				Autocomplete: true,
				MaxLength:    50,
			}},
		},
		{
			Name:        cmdAbout,
			Description: "What factbot covers, its source and license",
			Contexts:    contexts,
		},
		{
			Name:        cmdFacts,
			Description: "A sourced fact card about cannabis law in Norway; no topic lists the topics",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         optTopic,
				Description:  "A topic, e.g. penalties",
				Autocomplete: true,
				MaxLength:    maxChoiceName,
			}},
		},
		{
			Name:        cmdReport,
			Description: "Moderators: the most-asked questions factbot could not answer",
			Contexts:    contexts,
		},
	}
}

// penaltyQuestion is how an amount reaches the engine: the same words a
// user would type, so /penalty and /ask give the same tier.
func penaltyQuestion(amount string) string {
	return "What is the penalty for " + strings.Join(strings.Fields(amount), " ") + " of cannabis?"
}

// stringOption finds a string option without discordgo's panicking
// accessors: a malformed payload must not crash the server.
func stringOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (value string, focused bool) {
	for _, o := range opts {
		if o == nil || o.Name != name {
			continue
		}
		s, _ := o.Value.(string)
		return s, o.Focused
	}
	return "", false
}

// interactionUser is the ID of who invoked i: Member in guilds, User in DMs.
func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// isSnowflake accepts Discord IDs (decimal digits), so an ID can be put in
// mention syntax without injecting anything else.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// errUnsupported: an interaction type or command factbot does not handle.
var errUnsupported = errors.New("unsupported interaction")

// errClosing: the adapter is shutting down.
var errClosing = errors.New("discord adapter is shutting down")

// slow reports whether answering i may take a while: commands that ask the
// engine or read the store, and 👍/👎 clicks (a store write). The rest
// (PING, autocomplete, Share, /facts) is answered at once.
func slow(i *discordgo.Interaction) bool {
	if _, ok := isFeedbackClick(i); ok {
		return true
	}
	if i.Type != discordgo.InteractionApplicationCommand {
		return false
	}
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	return !ok || data.Name != cmdFacts
}

// deferEphemeral is whether the deferred ack of a slow interaction is
// ephemeral: it must be what the final response is, as an edit cannot
// change it.
func (a *Adapter) deferEphemeral(i *discordgo.Interaction) bool {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok { // a 👍/👎 click
		return true
	}
	switch data.Name {
	case cmdAsk:
		return a.askEphemeral(i, boolOption(data.Options, optPublic))
	case cmdReport:
		return true
	}
	return a.cfg.Ephemeral
}

// respond answers an interaction through send, the first (and for most
// interactions only) response. A slow interaction whose answer is not
// ready after deferAfter is acknowledged with a deferred response and
// finished later by editing that response over REST, so Discord's
// 3-second limit holds whatever the engine or the store does.
func (a *Adapter) respond(i *discordgo.Interaction, send func(*discordgo.InteractionResponse) error) error {
	if !slow(i) {
		resp := a.quickResponse(i)
		if resp == nil {
			return errUnsupported
		}
		return send(resp)
	}

	var (
		mu       sync.Mutex
		deferred bool
		result   = make(chan *discordgo.InteractionResponse, 1)
		ackSent  = make(chan bool, 1) // the deferred ack reached Discord
	)
	started := a.goBG(func() {
		ctx, cancel := context.WithTimeout(a.bg, answerTimeout)
		defer cancel()
		var resp *discordgo.InteractionResponse
		if id, ok := isFeedbackClick(i); ok {
			resp = a.feedbackResponse(ctx, i, id)
		} else {
			resp = a.commandResponse(ctx, i)
		}
		// Hand over under the lock so the deadline path sees either the
		// result or a commitment to edit, never neither.
		mu.Lock()
		if !deferred {
			result <- resp // buffered: never blocks
			mu.Unlock()
			return
		}
		mu.Unlock()
		if ok := <-ackSent; ok {
			a.editDeferred(ctx, i, resp)
		}
	})
	if !started {
		return errClosing
	}
	timer := time.NewTimer(a.deferAfter)
	defer timer.Stop()
	select {
	case resp := <-result:
		return send(resp)
	case <-timer.C:
	}
	mu.Lock()
	select {
	case resp := <-result: // finished just now
		mu.Unlock()
		return send(resp)
	default:
		deferred = true
		mu.Unlock()
	}
	data := &discordgo.InteractionResponseData{}
	if a.deferEphemeral(i) {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := send(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: data})
	ackSent <- err == nil
	return err
}

// editDeferred replaces the "thinking…" placeholder with the answer.
func (a *Adapter) editDeferred(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) {
	d := resp.Data
	if d == nil {
		return
	}
	content := d.Content
	edit := &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &d.Embeds,
		AllowedMentions: noMentions(),
	}
	comps := d.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	edit.Components = &comps
	if _, err := a.session.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
		a.log.Error("discord: editing deferred response failed", "err", redact(err, i.Token, a.cfg.Token))
	}
}

// quickResponse handles what needs no answer from the engine: PING,
// autocomplete, the share button and /facts. Nil means unsupported.
func (a *Adapter) quickResponse(i *discordgo.Interaction) *discordgo.InteractionResponse {
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
	case discordgo.InteractionApplicationCommand:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok || data.Name != cmdFacts {
			return nil
		}
		return a.factsResponse(i, data)
	case discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return nil
		}
		choices := []*discordgo.ApplicationCommandOptionChoice{}
		switch data.Name {
		case cmdPenalty:
			typed, _ := stringOption(data.Options, optAmount)
			for _, s := range suggestAmounts(typed) {
				choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: cut(s, maxChoiceName), Value: s})
			}
		case cmdFacts:
			typed, _ := stringOption(data.Options, optTopic)
			if a.cards == nil {
				break
			}
			for _, t := range a.cards.MatchTopics(cut(typed, maxChoiceName)) {
				if len(choices) >= maxChoices {
					break
				}
				t = cut(t, maxChoiceName)
				choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: t, Value: t})
			}
		}
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		}
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok || data.CustomID != shareButtonID {
			return nil
		}
		return a.shareResponse(i)
	}
	return nil
}

// shareResponse posts the answer the button sits on publicly, naming the
// sharer. Responding (rather than sending a channel message) needs no
// channel permission and works in HTTP mode without a token.
func (a *Adapter) shareResponse(i *discordgo.Interaction) *discordgo.InteractionResponse {
	if i.Message == nil || len(i.Message.Embeds) == 0 || i.Message.Embeds[0] == nil {
		return ephemeral("There is nothing to share here; ask again with /ask.")
	}
	if !a.firstShare(i.Message.ID) {
		return ephemeral("This answer is already shared in the channel.")
	}
	components, lang := a.sharedFeedback(i)
	content := "Shared by a user"
	if u := interactionUser(i); isSnowflake(u) {
		// A mention names the sharer; empty AllowedMentions keeps it silent.
		content = cut(fill(a.msg(lang, "shared_by"), "user", "<@"+u+">"), maxContent)
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         content,
			Embeds:          []*discordgo.MessageEmbed{sharedEmbed(i.Message.Embeds[0])},
			Components:      components,
			AllowedMentions: noMentions(),
		},
	}
}

// commandResponse runs a slash command.
func (a *Adapter) commandResponse(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return ephemeral("I could not read that command.")
	}
	switch data.Name {
	case cmdAsk:
		text, _ := stringOption(data.Options, optQuestion)
		return a.answerResponse(ctx, i, text, boolOption(data.Options, optPublic))
	case cmdPenalty:
		amount, _ := stringOption(data.Options, optAmount)
		if strings.TrimSpace(amount) == "" {
			return ephemeral("Give an amount, e.g. `/penalty amount: 20 g`.")
		}
		return a.answerResponse(ctx, i, penaltyQuestion(cut(amount, 50)), false)
	case cmdAbout:
		return a.message(&discordgo.MessageEmbed{
			Type:        discordgo.EmbedTypeRich,
			Title:       bot.Message(a.replyLang(i), "about_title"),
			Description: aboutText(a.replyLang(i), a.cfg.Mode == ModeGateway),
			URL:         "https://en.wikipedia.org/wiki/Cannabis_in_Norway",
			Color:       colorAnswered,
		}, a.cfg.Ephemeral, nil)
	case cmdReport:
		return a.reportResponse(ctx, i)
	}
	return ephemeral(unknownCommand)
}

// unknownCommand answers a command factbot does not serve.
const unknownCommand = "I don't know that command. Try /ask, /penalty or /about."

// answerResponse asks the engine and renders its answer. public is /ask's
// public:true: honoured for moderators, politely refused for others (the
// answer then stays ephemeral, with the refusal above it).
func (a *Adapter) answerResponse(ctx context.Context, i *discordgo.Interaction, text string, public bool) *discordgo.InteractionResponse {
	ans := a.ans.Answer(ctx, question(text, interactionUser(i), i.ChannelID, i.GuildID))
	if ans.Intent == bot.IntentLimited {
		return ephemeral(limitedText(ans))
	}
	eph := a.askEphemeral(i, public)
	resp := a.message(renderEmbed(text, ans, a.msg), eph, a.answerComponents(ans, eph && ans.Answered))
	if public && eph {
		resp.Data.Content = cut(a.msg(ans.Lang, "public_refused"), maxContent)
	}
	return resp
}

// message is a command reply, ephemeral or public, with components (nil:
// none).
func (a *Adapter) message(e *discordgo.MessageEmbed, eph bool, components []discordgo.MessageComponent) *discordgo.InteractionResponse {
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	d := &discordgo.InteractionResponseData{
		Embeds:          []*discordgo.MessageEmbed{e},
		Components:      components,
		AllowedMentions: noMentions(),
	}
	if eph {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}
}

// ephemeral is a short notice only the invoking user sees.
func ephemeral(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         cut(text, maxContent),
			Flags:           discordgo.MessageFlagsEphemeral,
			Components:      []discordgo.MessageComponent{},
			AllowedMentions: noMentions(),
		},
	}
}

// limitedText is the notice for a rate-limited question.
func limitedText(a bot.Answer) string {
	if t := strings.TrimSpace(a.Text); t != "" {
		return defuse(t)
	}
	return "You are asking faster than I can answer. Please wait a little and try again."
}

// Bounds of the share memory: an ephemeral message's buttons stop working
// when its interaction token expires (15 minutes) for practical purposes,
// and the map never grows past maxShared.
const (
	shareMemory = 15 * time.Minute
	maxShared   = 4096
)

// firstShare records messageID as shared and reports whether it was new.
func (a *Adapter) firstShare(messageID string) bool {
	if messageID == "" {
		return true
	}
	now := a.now()
	a.sharedMu.Lock()
	defer a.sharedMu.Unlock()
	if t, ok := a.shared[messageID]; ok && now.Sub(t) < shareMemory {
		return false
	}
	if len(a.shared) >= maxShared {
		for id, t := range a.shared {
			if now.Sub(t) >= shareMemory {
				delete(a.shared, id)
			}
		}
		for id := range a.shared { // still full: forget arbitrary entries
			if len(a.shared) < maxShared/2 {
				break
			}
			delete(a.shared, id)
		}
	}
	a.shared[messageID] = now
	return true
}
