package discord

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
)

// longText is 3,900 characters of what a user may type.
func longText() string {
	unit := "is **20 g** @everyone <@&1> legal at https://x.example? "
	return strings.Repeat(unit, 3900/len(unit)+1)[:3900]
}

// checkMessage holds a message to Discord's limits: content 2,000; per
// embed a title 256, description 4,096, 25 fields of name 256 and value
// 1,024, footer 2,048, author 256, 6,000 in all; 10 embeds; 5 rows of 5
// buttons with labels of 80 and custom IDs of 100.
func checkMessage(t *testing.T, name, content string, embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent) {
	t.Helper()
	over := func(what, s string, n int) {
		if c := utf8.RuneCountInString(s); c > n {
			t.Errorf("%s: %s is %d characters, limit %d", name, what, c, n)
		}
	}
	over("content", content, 2000)
	if len(embeds) > 10 {
		t.Errorf("%s: %d embeds", name, len(embeds))
	}
	for i, e := range embeds {
		where := fmt.Sprintf("embed %d", i)
		total := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		over(where+" title", e.Title, 256)
		over(where+" description", e.Description, 4096)
		if len(e.Fields) > 25 {
			t.Errorf("%s: %s has %d fields", name, where, len(e.Fields))
		}
		for _, f := range e.Fields {
			over(where+" field name", f.Name, 256)
			over(where+" field value", f.Value, 1024)
			total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
		if e.Footer != nil {
			over(where+" footer", e.Footer.Text, 2048)
			total += utf8.RuneCountInString(e.Footer.Text)
		}
		if e.Author != nil {
			over(where+" author", e.Author.Name, 256)
			total += utf8.RuneCountInString(e.Author.Name)
		}
		if total > 6000 {
			t.Errorf("%s: %s holds %d characters, limit 6,000", name, where, total)
		}
	}
	if len(comps) > 5 {
		t.Errorf("%s: %d component rows", name, len(comps))
	}
	for _, c := range comps {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		if len(row.Components) > 5 {
			t.Errorf("%s: a row of %d components", name, len(row.Components))
		}
		for _, b := range row.Components {
			if btn, ok := b.(discordgo.Button); ok {
				over("button label", btn.Label, 80)
				over("custom_id", btn.CustomID, 100)
			}
		}
	}
}

// Every kind of reply, with 3,900 characters wherever a user's text can
// go, renders within Discord's limits, as an interaction response and as
// a channel message.
func TestEveryReplyFitsDiscord(t *testing.T) {
	a := &Adapter{}
	long := longText()
	attr := bot.Attribution{Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"}
	answer := &bot.Answer{Question: long, Answered: true, Text: long, Lang: "en", LegalNotice: true, Attribution: attr,
		Sources: []bot.Source{{Section: long, Text: long}}}
	decline := &bot.Answer{Question: long, Text: long, Lang: "en", Reason: "too_long", Examples: []string{long, long, long}}
	card := &cards.Card{Topic: "penalties", Title: long, Note: long, Text: long, Section: long, Lang: "en",
		Fields: []cards.CardField{{Name: long, Value: long}, {Name: "b", Value: long}}, LegalNotice: true, Attribution: attr}
	var rows []chat.ReportRow
	for range 40 {
		rows = append(rows, chat.ReportRow{Title: long, Text: long + " {last}", Last: time.Now()})
	}
	replies := map[string]chat.Reply{
		"answer":  {Status: chat.StatusOK, Lang: "en", Question: long, ReadAs: long, Notice: long, Answer: answer, ShareToken: "0123456789abcdef"},
		"shared":  {Status: chat.StatusOK, Public: true, Lang: "en", Question: long, Answer: answer, SharedBy: "1"},
		"decline": {Status: chat.StatusDeclined, Lang: "en", Question: long, Answer: decline},
		"card":    {Status: chat.StatusOK, Lang: "en", Card: card, Notice: long},
		"report":  {Status: chat.StatusOK, Lang: "en", Report: &chat.Report{Title: long, Summary: long, Usage: long, Rows: rows, Empty: long}},
		"notice":  {Status: chat.StatusInvalid, Lang: "en", Notice: long},
		"help":    {Status: chat.StatusOK, Lang: "en", Help: &chat.Help{Examples: []string{long}, Intro: long, About: long}},
	}
	for name, r := range replies {
		resp := a.render(r)
		checkMessage(t, name, resp.Data.Content, resp.Data.Embeds, resp.Data.Components)
		m := a.message(r)
		checkMessage(t, name+" (message)", m.Content, m.Embeds, m.Components)
	}
}

// Through the signed HTTP endpoint: /ask (answered by the test engine, and
// declined), /penalty, /facts and /factbot-report with a 3,900-character
// text each get a reply within Discord's limits.
func TestLongQuestionRepliesFitThroughTheEndpoint(t *testing.T) {
	f := newHTTPFixture(t, testEngine{}, Options{})
	long := longText()
	for _, tc := range []struct{ command, option, text string }{
		{"ask", "question", "penalty " + long}, {"ask", "question", long},
		{"penalty", "amount", long}, {"facts", "topic", long}, {"factbot-report", "since", long},
	} {
		body, _ := json.Marshal(map[string]any{
			"id": "1", "application_id": "a", "type": 2, "token": "tok", "version": 1, "channel_id": "c1",
			"member": map[string]any{"user": map[string]any{"id": "42"}},
			"data":   map[string]any{"name": tc.command, "options": []any{map[string]any{"name": tc.option, "type": 3, "value": tc.text}}},
		})
		rec := f.post(string(body), f.priv, f.now)
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", tc.command, rec.Code, rec.Body)
		}
		var resp discordgo.InteractionResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || resp.Data == nil {
			t.Fatalf("%s: %v %s", tc.command, err, rec.Body)
		}
		checkMessage(t, "/"+tc.command, resp.Data.Content, resp.Data.Embeds, resp.Data.Components)
	}
}
