package discord

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
)

// The moderator toolkit on Discord: /facts cards, /ask public:true for
// moderators, 👍/👎 buttons on answers and /factbot-report. Moderators are
// guild members with one of Config.ModeratorRoles; in DMs nobody is one.

// Cards is what /facts needs from the engine; *bot.Bot implements it.
type Cards interface {
	// MatchTopics lists the topics for an autocomplete prefix.
	MatchTopics(prefix string) []string
	// Card is the card for a topic in lang; an unknown topic is an error
	// matching bot.ErrUnknownTopic.
	Card(topic, lang string) (bot.Card, error)
	// TopicsText and UnknownTopicText are the (ephemeral) replies to /facts
	// without a topic and with one no card matches.
	TopicsText(lang string) string
	UnknownTopicText(lang, topic string) string
}

// FeedbackRecorder records a 👍/👎 click; *bot.Recorder implements it.
type FeedbackRecorder interface {
	Feedback(ctx context.Context, platform, user, answerID string, v bot.Vote) (bot.FeedbackResult, error)
}

// Command and option names of the toolkit.
const (
	cmdFacts  = "facts"
	cmdReport = "factbot-report"
	optTopic  = "topic"
	optPublic = "public"
)

// The in-chat report: the top rows of the last week, as `factbot report
// unanswered` shows by default.
const (
	reportPeriod = 7 * 24 * time.Hour
	reportTop    = 10
)

// Feedback buttons carry "fb:up:<answer ID>" or "fb:down:<answer ID>",
// then ":<lang>" when the answer is not in English, so the ack is in the
// answer's language. At most 35 characters: Discord allows 100.
const feedbackPrefix = "fb:"

// Embed limits beyond those in render.go.
const (
	maxFields     = 25
	maxFieldName  = 256
	maxEmbedTotal = 6000
)

// isModerator reports whether the member who invoked i has a moderator
// role. Outside a guild (DMs) there are no roles, so nobody is.
func (a *Adapter) isModerator(i *discordgo.Interaction) bool {
	if i.GuildID == "" || i.Member == nil {
		return false
	}
	for _, r := range i.Member.Roles {
		if a.moderators[r] {
			return true
		}
	}
	return false
}

// replyLang is the language of a reply that is not an answer: the one
// the language configuration fixes for the channel or guild, else the
// invoker's Discord language.
func (a *Adapter) replyLang(i *discordgo.Interaction) string {
	if a.language != nil {
		if l := a.language(question("", interactionUser(i), i.ChannelID, i.GuildID)); l != "" {
			return l
		}
	}
	return interactionLang(i)
}

// interactionLang is the bot language for the invoker's Discord client
// locale: Bokmål for Norwegian ("no"), else English.
func interactionLang(i *discordgo.Interaction) string {
	if strings.EqualFold(string(i.Locale), string(discordgo.Norwegian)) {
		return "nb"
	}
	return "en"
}

// boolOption reads a boolean option; false when absent or malformed.
func boolOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) bool {
	for _, o := range opts {
		if o != nil && o.Name == name {
			b, _ := o.Value.(bool)
			return b
		}
	}
	return false
}

// commands are the commands this adapter registers: /facts only with
// cards, /factbot-report only with an event store.
func (a *Adapter) commands() []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range Commands() {
		switch {
		case c.Name == cmdFacts && a.cards == nil:
		case c.Name == cmdReport && a.events == nil:
		default:
			out = append(out, c)
		}
	}
	return out
}

// askEphemeral says whether an /ask answer is only for the asker: in
// ephemeral mode it is, unless a moderator asked with public:true.
func (a *Adapter) askEphemeral(i *discordgo.Interaction, public bool) bool {
	return a.cfg.Ephemeral && !(public && a.isModerator(i))
}

// factsResponse answers /facts: the card, publicly for moderators (or
// everyone with facts_public), else only for the invoker; the topic list,
// ephemeral, without a topic or for an unknown one. Cards are made in
// memory, so /facts never needs a deferred response.
func (a *Adapter) factsResponse(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) *discordgo.InteractionResponse {
	if a.cards == nil { // not registered; only a stale registration gets here
		return ephemeral(unknownCommand)
	}
	lang := a.replyLang(i)
	topic, _ := stringOption(data.Options, optTopic)
	topic = strings.Join(strings.Fields(topic), " ")
	if topic == "" {
		return ephemeral(a.cards.TopicsText(lang))
	}
	c, err := a.cards.Card(topic, lang)
	if err != nil {
		if !errors.Is(err, bot.ErrUnknownTopic) {
			a.log.Error("discord: making a fact card failed", "err", err)
		}
		return ephemeral(a.cards.UnknownTopicText(lang, clean(topic, maxChoiceName)))
	}
	public := a.cfg.FactsPublic || a.isModerator(i)
	return a.message(renderCard(c, a.msg), !public, nil)
}

// renderCard lays a fact card out as an embed: the text (after its note)
// as the description, one inline field per table row, then the source
// field and, on cards about penalties, the legal notice as footer.
func renderCard(c bot.Card, msg func(lang, key string) string) *discordgo.MessageEmbed {
	desc := strings.TrimSpace(c.Text)
	if note := strings.TrimSpace(c.Note); note != "" {
		desc = note + "\n" + desc
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       cut(c.Title, maxEmbedTitle),
		Description: cut(defuse(desc), maxEmbedDesc),
		Color:       colorAnswered,
	}
	for _, f := range c.Fields {
		if len(e.Fields) >= maxFields-1 { // the last field is the source
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name: nonEmpty(cut(f.Name, maxFieldName)), Value: nonEmpty(cut(defuse(f.Value), maxFieldValue)), Inline: true,
		})
	}
	if c.Attribution.Title != "" {
		value := c.SourceLine()
		if c.Attribution.URL != "" {
			value += "\n" + c.Attribution.URL
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cut(msg(c.Lang, "source"), maxFieldName), Value: cut(value, maxFieldValue)})
	}
	if c.LegalNotice {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(msg(c.Lang, "not_legal_advice"), maxFooter)}
	}
	return fitEmbed(e)
}

// nonEmpty keeps a field from being empty, which Discord refuses.
func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "\u200b"
	}
	return s
}

// embedLen is what Discord counts toward an embed's 6000 characters.
func embedLen(e *discordgo.MessageEmbed) int {
	n := utf16Len(e.Title) + utf16Len(e.Description)
	for _, f := range e.Fields {
		n += utf16Len(f.Name) + utf16Len(f.Value)
	}
	if e.Footer != nil {
		n += utf16Len(e.Footer.Text)
	}
	return n
}

// fitEmbed shortens the description, then drops table fields from the end
// (keeping the last, the source), until the embed is within 6000.
func fitEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	if over := embedLen(e) - maxEmbedTotal; over > 0 {
		e.Description = cut(e.Description, max(utf16Len(e.Description)-over, 1000))
	}
	for embedLen(e) > maxEmbedTotal && len(e.Fields) > 1 {
		e.Fields = append(e.Fields[:len(e.Fields)-2], e.Fields[len(e.Fields)-1])
	}
	return e
}

// reportResponse answers /factbot-report: for moderators the ten
// most-asked unanswered questions of the last week, always ephemeral.
func (a *Adapter) reportResponse(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	lang := a.replyLang(i)
	if !a.isModerator(i) {
		return ephemeral(a.msg(lang, "report_moderators_only"))
	}
	if a.events == nil {
		return ephemeral(a.msg(lang, "report_store_disabled"))
	}
	since := a.now().Add(-reportPeriod)
	rep, err := bot.Unanswered(ctx, a.events, bot.ReportOptions{Since: since, Top: reportTop})
	if err != nil {
		a.log.Error("discord: report failed", "err", err)
		return ephemeral(a.msg(lang, "internal"))
	}
	return a.message(renderReport(rep, lang, a.msg), true, nil)
}

// renderReport lays the unanswered-questions report out as an embed: the
// summary as description, then a field per question with how often, by
// how many people and why it was declined, and when it was last asked (a
// Discord timestamp, shown in the reader's time zone).
func renderReport(r bot.UnansweredReport, lang string, msg func(lang, key string) string) *discordgo.MessageEmbed {
	since := "—"
	if !r.Since.IsZero() {
		since = r.Since.UTC().Format("2006-01-02 15:04 UTC")
	}
	e := &discordgo.MessageEmbed{
		Type:   discordgo.EmbedTypeRich,
		Title:  cut(fill(msg(lang, "report_unanswered_title"), "since", since), maxEmbedTitle),
		Color:  colorDeclined,
		Footer: &discordgo.MessageEmbedFooter{Text: "factbot report unanswered --since 7d"},
	}
	if len(r.Rows) == 0 {
		e.Description = msg(lang, "report_empty")
		return e
	}
	e.Description = fill(msg(lang, "report_unanswered_summary"),
		"declined", strconv.Itoa(r.Declined), "distinct", strconv.Itoa(r.Distinct))
	for n, row := range r.Rows {
		if len(e.Fields) >= maxFields {
			break
		}
		last := "—"
		if !row.Last.IsZero() {
			last = fmt.Sprintf("<t:%d:f>", row.Last.Unix())
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name: nonEmpty(cut(strconv.Itoa(n+1)+". "+defuse(row.Question), maxFieldName)),
			Value: nonEmpty(cut(fill(msg(lang, "report_unanswered_row"), "count", strconv.Itoa(row.Count),
				"users", strconv.Itoa(row.Users), "reason", row.Reason, "last", last), maxFieldValue)),
		})
	}
	return fitEmbed(e)
}

// fill replaces {name} placeholders in a catalogue message with values
// from pairs ("name", value, …).
func fill(text string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		text = strings.ReplaceAll(text, "{"+pairs[i]+"}", pairs[i+1])
	}
	return text
}

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

// validAnswerID accepts what bot.NewAnswerID makes, so a button never
// carries anything else.
func validAnswerID(id string) bool {
	_, err := bot.AnswerIDTime(id)
	return err == nil
}

// feedbackButtons are 👍 and 👎 for an answer, or nil when feedback is not
// recorded or the answer has no ID.
func (a *Adapter) feedbackButtons(answerID, lang string) []discordgo.MessageComponent {
	if a.feedback == nil || !validAnswerID(answerID) {
		return nil
	}
	return []discordgo.MessageComponent{
		discordgo.Button{Label: "👍", Style: discordgo.SecondaryButton, CustomID: feedbackCustomID(bot.VoteUp, answerID, lang)},
		discordgo.Button{Label: "👎", Style: discordgo.SecondaryButton, CustomID: feedbackCustomID(bot.VoteDown, answerID, lang)},
	}
}

// answerComponents is the button row under an answer: Share (on
// ephemeral answers that are shareable) and 👍/👎 (when the answer has
// an ID). Never nil, so "no components" is sent explicitly.
func (a *Adapter) answerComponents(ans bot.Answer, share bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if share {
		row = append(row, shareButton(a.msg(ans.Lang, "share_in_channel")))
	}
	row = append(row, a.feedbackButtons(ans.ID, ans.Lang)...)
	if len(row) == 0 {
		return []discordgo.MessageComponent{}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// sharedFeedback finds the 👍/👎 buttons on the message a Share button
// sits on and makes them anew for the shared copy. lang is the answer's
// language as the buttons carry it, or the sharer's.
func (a *Adapter) sharedFeedback(i *discordgo.Interaction) (components []discordgo.MessageComponent, lang string) {
	for _, id := range customIDs(i.Message.Components) {
		if _, answerID, l, ok := parseFeedbackID(id); ok {
			if l == "" {
				l = "en"
			}
			if row := a.feedbackButtons(answerID, l); row != nil {
				return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}, l
			}
		}
	}
	return []discordgo.MessageComponent{}, a.replyLang(i)
}

// customIDs lists the custom_ids of the buttons in components, whether
// discordgo decoded them as values or pointers.
func customIDs(components []discordgo.MessageComponent) []string {
	var out []string
	for _, c := range components {
		switch c := c.(type) {
		case discordgo.ActionsRow:
			out = append(out, customIDs(c.Components)...)
		case *discordgo.ActionsRow:
			if c != nil {
				out = append(out, customIDs(c.Components)...)
			}
		case discordgo.Button:
			out = append(out, c.CustomID)
		case *discordgo.Button:
			if c != nil {
				out = append(out, c.CustomID)
			}
		}
	}
	return out
}

// isFeedbackClick reports whether i is a click on a 👍/👎 button.
func isFeedbackClick(i *discordgo.Interaction) (string, bool) {
	if i.Type != discordgo.InteractionMessageComponent {
		return "", false
	}
	data, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok || !strings.HasPrefix(data.CustomID, feedbackPrefix) {
		return "", false
	}
	return data.CustomID, true
}

// feedbackResponse records a click and acknowledges it, only to the
// clicker: thanks, or "already" for a second vote on the same answer.
func (a *Adapter) feedbackResponse(ctx context.Context, i *discordgo.Interaction, customID string) *discordgo.InteractionResponse {
	v, answerID, lang, ok := parseFeedbackID(customID)
	if !slices.Contains(bot.Languages, lang) { // none, or not one the bot speaks
		lang = a.replyLang(i)
	}
	user := interactionUser(i)
	if !ok || a.feedback == nil || user == "" {
		return ephemeral(a.msg(lang, "feedback_failed"))
	}
	res, err := a.feedback.Feedback(ctx, Platform, user, answerID, v)
	switch {
	case errors.Is(err, bot.ErrUnknownAnswer):
		a.log.Debug("discord: feedback on something that is not an answer ID")
		return ephemeral(a.msg(lang, "feedback_failed"))
	case err != nil:
		a.log.Error("discord: recording feedback failed", "err", err)
		return ephemeral(a.msg(lang, "feedback_failed"))
	case res == bot.FeedbackDuplicate:
		return ephemeral(a.msg(lang, "feedback_duplicate"))
	}
	return ephemeral(a.msg(lang, "feedback_thanks"))
}
