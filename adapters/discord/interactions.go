package discord

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/inflight"
)

// Command and option names.
const (
	cmdAsk      = "ask"
	cmdPenalty  = "penalty"
	cmdAbout    = "about"
	cmdFacts    = "facts"
	cmdReport   = "factbot-report"
	optQuestion = "question"
	optAmount   = "amount"
	optTopic    = "topic"
	optPublic   = "public"
	optKind     = "kind"
	optSince    = "since"
)

// answerTimeout bounds one request; deferred responses may be edited for
// 15 minutes, but a local engine that needs more than this is broken.
const answerTimeout = 30 * time.Second

// Describer names what the engine covers in a language, for the commands'
// descriptions; *bot.Bot is one.
type Describer interface {
	Subject(lang string) string
}

// locales are the Discord locales of the languages factbot speaks besides
// English, which is every command's default description.
var locales = map[string]discordgo.Locale{"nb": discordgo.Norwegian}

// description is the catalogue's text for key in English and, for Discord to
// show users of those locales, factbot's other languages. The keys that
// name the subject take it from subject, or their general form without.
func description(subject Describer, key string) (string, map[discordgo.Locale]string) {
	text := func(lang string) string {
		if key == "cmd_ask" || key == "cmd_facts" {
			if subject == nil || subject.Subject(lang) == "" {
				return cut(bot.Message(lang, key+"_general"), maxDescription)
			}
			return cut(bot.Message(lang, key, "subject", subject.Subject(lang)), maxDescription)
		}
		return cut(bot.Message(lang, key), maxDescription)
	}
	localized := map[discordgo.Locale]string{}
	for lang, locale := range locales {
		localized[locale] = text(lang)
	}
	return text(bot.Languages[0]), localized
}

// Commands are the application commands factbot registers, described for
// subject (nil describes them generally) in each language factbot speaks.
func Commands(subject Describer) []*discordgo.ApplicationCommand {
	command := func(c *discordgo.ApplicationCommand, key string) *discordgo.ApplicationCommand {
		desc, localized := description(subject, key)
		c.Description, c.DescriptionLocalizations = desc, &localized
		return c
	}
	option := func(o *discordgo.ApplicationCommandOption, key string) *discordgo.ApplicationCommandOption {
		o.Description, o.DescriptionLocalizations = description(subject, key)
		return o
	}
	// Usable in guilds and in the bot's DMs (contexts replace the
	// deprecated dm_permission).
	contexts := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	str := discordgo.ApplicationCommandOptionString
	// Only members who may manage messages see /factbot-report until a
	// server changes it (Server Settings → Integrations); the core still
	// answers only moderator_roles.
	moderators := int64(discordgo.PermissionManageMessages)
	return []*discordgo.ApplicationCommand{
		command(&discordgo.ApplicationCommand{Name: cmdAsk, Contexts: contexts,
			Options: []*discordgo.ApplicationCommandOption{
				option(&discordgo.ApplicationCommandOption{Type: str, Name: optQuestion, Required: true, MaxLength: maxOptionInput}, "opt_question"),
				option(&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: optPublic}, "opt_public"),
			}}, "cmd_ask"),
		command(&discordgo.ApplicationCommand{Name: cmdPenalty, Contexts: contexts,
			Options: []*discordgo.ApplicationCommandOption{
				option(&discordgo.ApplicationCommandOption{Type: str, Name: optAmount, Required: true, Autocomplete: true, MaxLength: 50}, "opt_amount"),
			}}, "cmd_penalty"),
		command(&discordgo.ApplicationCommand{Name: cmdAbout, Contexts: contexts}, "cmd_about"),
		command(&discordgo.ApplicationCommand{Name: cmdFacts, Contexts: contexts,
			Options: []*discordgo.ApplicationCommandOption{
				option(&discordgo.ApplicationCommandOption{Type: str, Name: optTopic, Autocomplete: true, MaxLength: maxChoiceName}, "opt_topic"),
			}}, "cmd_facts"),
		command(&discordgo.ApplicationCommand{Name: cmdReport, Contexts: contexts, DefaultMemberPermissions: &moderators,
			Options: []*discordgo.ApplicationCommandOption{
				option(&discordgo.ApplicationCommandOption{Type: str, Name: optKind, Choices: []*discordgo.ApplicationCommandOptionChoice{
					{Name: chat.ReportUnanswered, Value: chat.ReportUnanswered}, {Name: chat.ReportFeedback, Value: chat.ReportFeedback}}}, "opt_kind"),
				option(&discordgo.ApplicationCommandOption{Type: str, Name: optSince, MaxLength: 10}, "opt_since"),
			}}, "cmd_report"),
	}
}

// commandsFor are the commands to register, described for subject:
// /penalty only with a penalty table, /facts only with cards,
// /factbot-report only with an event store.
func commandsFor(subject Describer, penalties, facts, reports bool) []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range Commands(subject) {
		switch {
		case c.Name == cmdPenalty && !penalties:
		case c.Name == cmdFacts && !facts:
		case c.Name == cmdReport && !reports:
		default:
			out = append(out, c)
		}
	}
	return out
}

// option finds an option's value of type T without discordgo's panicking
// accessors: a malformed payload must not crash the server. The zero value
// when absent or of another type.
func option[T any](opts []*discordgo.ApplicationCommandInteractionDataOption, name string) T {
	var v T
	for _, o := range opts {
		if o != nil && o.Name == name {
			v, _ = o.Value.(T)
			break
		}
	}
	return v
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

// interactionLang is the bot language for the invoker's Discord client
// locale: Bokmål for Norwegian ("no"), else English.
func interactionLang(i *discordgo.Interaction) string {
	if strings.EqualFold(string(i.Locale), string(discordgo.Norwegian)) {
		return "nb"
	}
	return "en"
}

// conversation names where a user's follow-ups belong: a DM, or a channel
// and the user in it.
func conversation(guild, channel, user string) string {
	if guild == "" {
		return "dm:" + channel
	}
	return channel + ":" + user
}

// isSnowflake accepts Discord IDs (decimal digits), so an ID can be put in
// mention syntax without injecting anything else.
var isSnowflake = regexp.MustCompile(`^[0-9]{1,20}$`).MatchString

// request translates an interaction into a request for the core; ok is
// false for what factbot does not handle.
func request(i *discordgo.Interaction) (chat.Request, bool) {
	r := chat.Request{
		Via: chat.ViaCommand, Platform: Platform, User: interactionUser(i), Channel: i.ChannelID,
		Server: i.GuildID, Lang: interactionLang(i),
	}
	if i.GuildID != "" && i.Member != nil { // roles only count in a guild
		r.Roles = i.Member.Roles
	}
	r.Conversation = conversation(i.GuildID, i.ChannelID, r.User)
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return r, false
		}
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			r.Kind = chat.KindSuggest
			switch data.Name {
			case cmdPenalty:
				r.Field, r.Text = chat.FieldAmount, option[string](data.Options, optAmount)
			case cmdFacts:
				r.Field, r.Text = chat.FieldTopic, option[string](data.Options, optTopic)
			}
			return r, true
		}
		switch data.Name {
		case cmdAsk:
			r.Kind, r.Text, r.Public = chat.KindAsk, option[string](data.Options, optQuestion), option[bool](data.Options, optPublic)
		case cmdPenalty:
			r.Kind, r.Text = chat.KindPenalty, option[string](data.Options, optAmount)
		case cmdAbout:
			r.Kind = chat.KindHelp
		case cmdFacts:
			r.Kind, r.Text = chat.KindFacts, option[string](data.Options, optTopic)
		case cmdReport:
			r.Kind = chat.KindReport
			r.Text = strings.TrimSpace(option[string](data.Options, optKind) + " " + option[string](data.Options, optSince))
		default:
			r.Kind = "" // the core says it does not know the command
		}
		return r, true
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return r, false
		}
		if token, ok := strings.CutPrefix(data.CustomID, shareButtonPrefix); ok {
			r.Kind, r.Token = chat.KindShare, token
			// For a token the core no longer knows (a restart): the question
			// is the embed's title, unless it was cut or read as another.
			if m := i.Message; m != nil && m.Content == "" && len(m.Embeds) == 1 && m.Embeds[0] != nil && !strings.HasSuffix(m.Embeds[0].Title, "…") {
				r.Text = strings.ReplaceAll(m.Embeds[0].Title, "\u200b", "")
			}
			return r, true
		}
		if v, answerID, lang, ok := parseFeedbackID(data.CustomID); ok {
			r.Kind, r.Vote, r.Token = chat.KindFeedback, v, answerID
			if lang != "" {
				r.Lang = lang // the answer's language, not the clicker's
			}
			return r, true
		}
	}
	return r, false
}

// errUnsupported: an interaction type or command factbot does not handle.
var errUnsupported = errors.New("unsupported interaction")

// errClosing: the adapter is shutting down.
var errClosing = errors.New("discord adapter is shutting down")

// respond answers an interaction through send, the first (and for most
// interactions only) response. PING and autocomplete are answered at once;
// anything else that is not ready after deferAfter is acknowledged with a
// deferred response and finished later over REST, so Discord's 3-second
// limit holds whatever the engine or the store does.
func (a *Adapter) respond(i *discordgo.Interaction, send func(*discordgo.InteractionResponse) error) error {
	if i.Type == discordgo.InteractionPing {
		return send(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	}
	req, ok := request(i)
	if !ok {
		return errUnsupported
	}
	if req.Kind == chat.KindSuggest {
		ctx, cancel := context.WithTimeout(a.bg, answerTimeout)
		defer cancel()
		return send(suggestions(a.core.Handle(ctx, req)))
	}

	handle := func() *discordgo.InteractionResponse {
		ctx, cancel := context.WithTimeout(a.bg, answerTimeout)
		defer cancel()
		return a.render(a.core.Handle(ctx, req))
	}
	late := func(resp *discordgo.InteractionResponse) {
		ctx, cancel := context.WithTimeout(a.bg, answerTimeout)
		defer cancel()
		a.finishDeferred(ctx, i, resp, a.deferPrivate(req))
	}
	resp, in, ack, started := inflight.Deadline(&a.work, a.deferAfter, handle, late)
	switch {
	case !started:
		return errClosing
	case in:
		return send(resp)
	}
	data := &discordgo.InteractionResponseData{}
	if a.deferPrivate(req) {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := send(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: data})
	ack(err == nil)
	return err
}

// deferPrivate is whether the deferred ack of req is private, whose
// visibility an edit cannot change: the core's guess when it makes one
// (chat.Core does), else private. finishDeferred mends a wrong guess.
func (a *Adapter) deferPrivate(req chat.Request) bool {
	if g, ok := a.core.(interface{ LikelyPublic(chat.Request) bool }); ok {
		return !g.LikelyPublic(req)
	}
	return true
}

// finishDeferred replaces the "thinking…" placeholder with the response.
// When the placeholder's visibility is not the response's (a moderator's
// public question that was declined, a refused share), the placeholder is
// deleted and the response sent as a follow-up with the right visibility.
func (a *Adapter) finishDeferred(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse, placeholderPrivate bool) {
	d := resp.Data
	if d == nil {
		return
	}
	comps := d.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	private := d.Flags&discordgo.MessageFlagsEphemeral != 0
	if private != placeholderPrivate {
		if err := a.session.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
			a.log.Error("discord: deleting deferred response failed", "err", redact(err, i.Token, a.cfg.Token.Value()))
		}
		_, err := a.session.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content: d.Content, Embeds: d.Embeds, Components: comps, Flags: d.Flags, AllowedMentions: noMentions(),
		}, discordgo.WithContext(ctx))
		if err != nil {
			a.log.Error("discord: sending follow-up failed", "err", redact(err, i.Token, a.cfg.Token.Value()))
		}
		return
	}
	content := d.Content
	edit := &discordgo.WebhookEdit{Content: &content, Embeds: &d.Embeds, Components: &comps, AllowedMentions: noMentions()}
	if _, err := a.session.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
		a.log.Error("discord: editing deferred response failed", "err", redact(err, i.Token, a.cfg.Token.Value()))
	}
}

// suggestions is an autocomplete result.
func suggestions(r chat.Reply) *discordgo.InteractionResponse {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, s := range r.Choices {
		if len(choices) >= maxChoices {
			break
		}
		s = cut(s, maxChoiceName)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: s, Value: s})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// Feedback buttons carry "fb:up:<answer ID>" or "fb:down:<answer ID>",
// then ":<lang>" when the answer is not in English, so the ack is in the
// answer's language. At most 35 characters: Discord allows 100.
const feedbackPrefix = "fb:"

// feedbackCustomID is the custom_id of a 👍/👎 button.
func feedbackCustomID(v bot.Vote, answerID, lang string) string {
	id := feedbackPrefix + string(v) + ":" + answerID
	if lang != "" && lang != "en" && len(lang) <= 5 {
		id += ":" + lang
	}
	return id
}

// parseFeedbackID reads a custom_id made by feedbackCustomID.
func parseFeedbackID(s string) (v bot.Vote, answerID, lang string, ok bool) {
	rest, found := strings.CutPrefix(s, feedbackPrefix)
	if !found {
		return "", "", "", false
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return "", "", "", false
	}
	v = bot.Vote(parts[0])
	if !v.Valid() || parts[1] == "" {
		return "", "", "", false
	}
	if len(parts) == 3 {
		lang = parts[2]
	}
	return v, parts[1], lang, true
}
