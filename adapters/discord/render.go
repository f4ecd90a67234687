package discord

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/internal/textcut"
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
	maxDescription = 100 // a command's or option's description
	maxButtonLabel = 80
	maxChoices     = 25
	maxOptionInput = 500 // what /ask accepts; the engine declines longer text anyway
	maxFields      = 25
	maxFieldName   = 256
	maxEmbedTotal  = 6000
)

// shareButtonPrefix starts the custom_id of a Share button; the core's
// share token follows (16 hex digits, well inside custom_id's 100).
const shareButtonPrefix = "factbot:share:"

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

// utf16Len is the length Discord measures (as JavaScript does).
var utf16Len = textcut.UTF16Len

// cut shortens s to at most max UTF-16 units, cleanly (textcut.UTF16).
var cut = textcut.UTF16

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
