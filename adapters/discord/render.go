package discord

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
)

// Discord's limits. Discord counts characters as JavaScript does (UTF-16
// code units), which is never fewer than runes, so cutting by UTF-16
// length is safe either way.
const (
	maxContent     = 2000
	maxEmbedTitle  = 256
	maxEmbedDesc   = 4096
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxChoiceName  = 100
	maxButtonLabel = 80
	maxChoices     = 25
	maxOptionInput = 500 // what /ask accepts; the engine declines longer text anyway
)

// Component IDs. The share button carries no payload: the answer is copied
// from the message it is attached to, so custom_id's 100-character limit
// never cuts a question.
const shareButtonID = "factbot:share"

const (
	colorAnswered = 0x2E7D32
	colorDeclined = 0x757575
)

// noMentions is sent with every message: an echoed @everyone, role or user
// mention renders as text and never pings. parse:[] is Discord's documented
// "allow nothing" form.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// utf16Len is the length Discord measures.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r) // range yields U+FFFD for bad bytes: never -1
	}
	return n
}

// cut shortens s to at most max UTF-16 units. A cut text ends with "…" and,
// when a word boundary is near, breaks there rather than inside a word.
// Invalid UTF-8 is replaced so the result is always valid.
func cut(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if utf16Len(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	const ellipsis = "…" // one UTF-16 unit
	budget := max - 1
	end, used := 0, 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if used+w > budget {
			break
		}
		used += w
		end = i + utf8.RuneLen(r)
	}
	head := s[:end]
	// Prefer a word boundary when it keeps at least half the text, unless
	// the cut already falls on one.
	next, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsSpace(next) {
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 && i >= len(head)/2 {
			head = head[:i]
		}
	}
	return strings.TrimRightFunc(head, unicode.IsSpace) + ellipsis
}

// defuse neutralises mention syntax in echoed user text, as a second line of
// defence behind empty AllowedMentions: a zero-width space after "@" in
// @everyone/@here and after "<@" / "<#" keeps Discord from parsing them.
func defuse(s string) string {
	if !strings.Contains(s, "@") && !strings.Contains(s, "<#") {
		return s
	}
	const zwsp = "\u200b"
	// Undo earlier defusing first so that defusing twice (a shared answer)
	// changes nothing.
	s = strings.NewReplacer("@"+zwsp, "@", "<#"+zwsp, "<#").Replace(s)
	r := strings.NewReplacer(
		"@everyone", "@"+zwsp+"everyone",
		"@here", "@"+zwsp+"here",
		"<@", "<@"+zwsp,
		"<#", "<#"+zwsp,
	)
	return r.Replace(s)
}

// clean is what every piece of echoed user text goes through: mention-safe
// and cut to the limit.
func clean(s string, max int) string { return cut(defuse(s), max) }

// renderEmbed turns an answer into one embed within Discord's limits. The
// title is the question, the description the answer, a field the source
// line with the article link, and the footer the legal notice.
func renderEmbed(question string, a bot.Answer, msg func(lang, key string) string) *discordgo.MessageEmbed {
	title := strings.Join(strings.Fields(question), " ")
	if title == "" {
		title = "factbot"
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       clean(title, maxEmbedTitle),
		Description: cut(describe(a, msg), maxEmbedDesc),
		Color:       colorDeclined,
	}
	if a.Answered {
		e.Color = colorAnswered
	}
	if a.Attribution.Title != "" {
		value := a.SourceLine()
		if a.Attribution.URL != "" {
			value += "\n" + a.Attribution.URL
		}
		e.Fields = []*discordgo.MessageEmbedField{{Name: cut(msg(a.Lang, "source"), 256), Value: cut(value, maxFieldValue)}}
	}
	if a.LegalNotice {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(msg(a.Lang, "not_legal_advice"), maxFooter)}
	}
	return e
}

// describe is the description text: the answer, and on a decline the
// example questions the engine offers.
func describe(a bot.Answer, msg func(lang, key string) string) string {
	text := strings.TrimSpace(a.Text)
	if text == "" {
		text = "No answer."
	}
	if !a.Answered && len(a.Examples) > 0 {
		var b strings.Builder
		b.WriteString(text)
		b.WriteString("\n\n")
		b.WriteString(msg(a.Lang, "try_asking"))
		for _, ex := range a.Examples {
			b.WriteString("\n• ")
			b.WriteString(ex)
		}
		text = b.String()
	}
	return defuse(text)
}

// shareButton is the "Share in channel" button, labelled label.
func shareButton(label string) discordgo.Button {
	return discordgo.Button{Label: cut(label, maxButtonLabel), Style: discordgo.SecondaryButton, CustomID: shareButtonID}
}

// sharedEmbed rebuilds the embed of the message a share button sits on,
// keeping only what factbot renders and re-applying the limits.
func sharedEmbed(src *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       clean(src.Title, maxEmbedTitle),
		Description: cut(defuse(src.Description), maxEmbedDesc),
		Color:       src.Color,
	}
	for _, f := range src.Fields {
		if f == nil || len(e.Fields) >= 3 {
			continue
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cut(f.Name, 256), Value: cut(defuse(f.Value), maxFieldValue)})
	}
	if src.Footer != nil && src.Footer.Text != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(src.Footer.Text, maxFooter)}
	}
	return e
}

// msg returns the catalogue's sentence for key in lang: the one given in
// Options, else the bot's own.
func (a *Adapter) msg(lang, key string) string {
	if a.messages != nil {
		if s := a.messages(lang, key); s != "" {
			return s
		}
	}
	return bot.Message(lang, key)
}
