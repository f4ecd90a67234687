package discord

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/unlink"
)

// Replies from the core drawn as Discord messages: embeds for answers,
// cards, reports and /about, content for notices, a row of buttons.

// render draws a reply as an interaction response: ephemeral unless the
// reply is public.
func (a *Adapter) render(r chat.Reply) *discordgo.InteractionResponse {
	d := &discordgo.InteractionResponseData{
		Content:         cut(strings.Join(a.lines(r), "\n"), maxContent),
		Components:      a.components(r),
		AllowedMentions: noMentions(),
	}
	if e := a.embed(r); e != nil {
		d.Embeds = []*discordgo.MessageEmbed{e}
	}
	if !r.Public {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}
}

// message draws a reply as a channel message (a mention or a DM).
func (a *Adapter) message(r chat.Reply) *discordgo.MessageSend {
	m := &discordgo.MessageSend{Content: cut(strings.Join(a.lines(r), "\n"), maxContent), AllowedMentions: noMentions()}
	if e := a.embed(r); e != nil {
		m.Embeds = []*discordgo.MessageEmbed{e}
	}
	if c := a.components(r); len(c) > 0 {
		m.Components = c
	}
	return m
}

// lines are the message content: who shared it, the notice, and how a
// follow-up was read.
func (a *Adapter) lines(r chat.Reply) []string {
	var out []string
	if r.SharedBy != "" {
		who := "a user"
		if isSnowflake(r.SharedBy) {
			who = "<@" + r.SharedBy + ">" // named, never pinged: AllowedMentions is empty
		}
		out = append(out, bot.Message(r.Lang, "shared_by", "user", who))
	}
	// Either may hold what a user typed (a topic, a question): it never
	// pings, and Discord links none of its URLs.
	if r.Notice != "" {
		out = append(out, defuse(unlink.String(r.Notice)))
	}
	if n := r.ReadingNotice(); n != "" {
		out = append(out, defuse(unlink.String(n)))
	}
	return out
}

// embed is the reply's one embed, or nil for a notice alone.
func (a *Adapter) embed(r chat.Reply) *discordgo.MessageEmbed {
	switch {
	case r.Help != nil:
		return a.aboutEmbed(r.Lang, r.Help)
	case r.Answer != nil:
		return renderEmbed(r.Question, *r.Answer)
	case r.Card != nil:
		return renderCard(*r.Card)
	case r.Report != nil:
		return renderReport(*r.Report)
	}
	return nil
}

// components is the button row: Share and 👍/👎. Never nil, so "no
// components" is sent explicitly (an edit then removes old buttons).
func (a *Adapter) components(r chat.Reply) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if r.ShareToken != "" {
		row = append(row, discordgo.Button{Label: cut(bot.Message(r.Lang, "share_in_channel"), maxButtonLabel),
			Style: discordgo.SecondaryButton, CustomID: shareButtonPrefix + r.ShareToken})
	}
	if r.Feedback && r.Answer != nil && validAnswerID(r.Answer.ID) {
		row = append(row,
			discordgo.Button{Label: "👍", Style: discordgo.SecondaryButton, CustomID: feedbackCustomID(bot.VoteUp, r.Answer.ID, r.Answer.Lang)},
			discordgo.Button{Label: "👎", Style: discordgo.SecondaryButton, CustomID: feedbackCustomID(bot.VoteDown, r.Answer.ID, r.Answer.Lang)})
	}
	if len(row) == 0 {
		return []discordgo.MessageComponent{}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// validAnswerID accepts what bot.NewAnswerID makes, so a button never
// carries anything else.
func validAnswerID(id string) bool {
	_, err := bot.AnswerIDTime(id)
	return err == nil
}

// aboutEmbed is /about (and the reply to a bare mention) in lang.
// Mentions and DMs only reach factbot over the gateway.
func (a *Adapter) aboutEmbed(lang string, h *chat.Help) *discordgo.MessageEmbed {
	var b strings.Builder
	b.WriteString(h.About + "\n\n")
	b.WriteString("• " + bot.Message(lang, "about_ask", "command", "`/ask question:`") + "\n")
	if a.penalties {
		b.WriteString("• " + bot.Message(lang, "about_penalty", "command", "`/penalty amount:`") + "\n")
	}
	if a.cfg.Mode == ModeGateway {
		b.WriteString("• " + bot.Message(lang, "about_mention") + "\n")
	}
	b.WriteString("\n" + bot.Message(lang, "not_legal_advice"))
	return &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: bot.Message(lang, "about_title"),
		Description: cut(b.String(), maxEmbedDesc), URL: h.Source.URL, Color: colorAnswered}
}

// renderEmbed turns an answer into one embed within Discord's limits. The
// title is the question, the description the answer, a field the source
// line with the article link, and the footer the legal notice.
func renderEmbed(question string, a bot.Answer) *discordgo.MessageEmbed {
	title := unlink.String(strings.Join(strings.Fields(question), " "))
	if title == "" {
		title = "factbot"
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       clean(title, maxEmbedTitle),
		Description: cut(describe(a), maxEmbedDesc),
		Color:       colorDeclined,
	}
	if a.Answered {
		e.Color = colorAnswered
	}
	if a.Attribution.Title != "" {
		e.Fields = []*discordgo.MessageEmbedField{sourceField(a.SourceLine(), a.Attribution.URL, a.Lang)}
	}
	if a.LegalNotice {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(bot.Message(a.Lang, "not_legal_advice"), maxFooter)}
	}
	return e
}

func sourceField(line, url, lang string) *discordgo.MessageEmbedField {
	if url != "" {
		line += "\n" + url
	}
	return &discordgo.MessageEmbedField{Name: cut(bot.Message(lang, "source"), maxFieldName), Value: cut(line, maxFieldValue)}
}

// describe is the description text: the answer, and on a decline the
// example questions the engine offers.
func describe(a bot.Answer) string {
	text := strings.TrimSpace(a.Text)
	if !a.Answered && len(a.Examples) > 0 {
		var b strings.Builder
		b.WriteString(text + "\n\n" + bot.Message(a.Lang, "try_asking"))
		for _, ex := range a.Examples {
			b.WriteString("\n• " + ex)
		}
		text = b.String()
	}
	return defuse(text)
}

// renderCard lays a fact card out as an embed: the text (after its note)
// as the description, one inline field per table row, then the source
// field and, on cards about penalties, the legal notice as footer.
func renderCard(c cards.Card) *discordgo.MessageEmbed {
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
		e.Fields = append(e.Fields, sourceField(c.SourceLine(), c.Attribution.URL, c.Lang))
	}
	if c.LegalNotice {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(bot.Message(c.Lang, "not_legal_advice"), maxFooter)}
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

// renderReport lays a report out as an embed: the summary as
// description, then a field per row; times are Discord timestamps, shown
// in the reader's time zone.
func renderReport(r chat.Report) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       cut(r.Title, maxEmbedTitle),
		Description: r.Summary,
		Color:       colorDeclined,
		Footer:      &discordgo.MessageEmbedFooter{Text: cut(r.Usage, maxFooter)},
	}
	if len(r.Rows) == 0 {
		e.Description = r.Empty
	}
	for _, row := range r.Rows[:min(len(r.Rows), maxFields)] {
		last := "—"
		if !row.Last.IsZero() {
			last = fmt.Sprintf("<t:%d:f>", row.Last.Unix())
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: nonEmpty(cut(defuse(row.Title), maxFieldName)),
			Value: nonEmpty(cut(defuse(strings.ReplaceAll(row.Text, "{last}", last)), maxFieldValue))})
	}
	return fitEmbed(e)
}
