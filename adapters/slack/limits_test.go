package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
)

// longText is 3,900 characters of what a user may type, with everything
// escaping lengthens (&, <, >) and a URL.
func longText() string {
	unit := "is <b>20 g</b> & more legal at https://x.example? "
	return strings.Repeat(unit, 3900/len(unit)+1)[:3900]
}

// Block Kit's limits (api.slack.com/reference/block-kit): a message may
// hold 50 blocks; a section's text 3,000 characters and 10 fields of
// 2,000; a context 10 elements of 3,000; a header 150; an actions block 25
// elements; a button's text 75, value 2,000, action_id and block_id 255.
func checkBlocks(t *testing.T, name string, blocks any) {
	t.Helper()
	b, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	if len(list) > 50 {
		t.Errorf("%s: %d blocks", name, len(list))
	}
	text := func(v any) string {
		m, _ := v.(map[string]any)
		s, _ := m["text"].(string)
		return s
	}
	over := func(what, s string, n int) {
		if c := utf8.RuneCountInString(s); c > n {
			t.Errorf("%s: %s is %d characters, limit %d", name, what, c, n)
		}
	}
	for i, blk := range list {
		where := fmt.Sprintf("block %d (%s)", i, blk["type"])
		if id, _ := blk["block_id"].(string); len(id) > 255 {
			t.Errorf("%s: %s block_id %d", name, where, len(id))
		}
		switch blk["type"] {
		case "section":
			over(where+" text", text(blk["text"]), 3000)
			fields, _ := blk["fields"].([]any)
			if len(fields) > 10 {
				t.Errorf("%s: %s has %d fields", name, where, len(fields))
			}
			for _, f := range fields {
				over(where+" field", text(f), 2000)
			}
		case "context":
			els, _ := blk["elements"].([]any)
			if len(els) > 10 {
				t.Errorf("%s: %s has %d elements", name, where, len(els))
			}
			for _, e := range els {
				over(where+" element", text(e), 3000)
			}
		case "header":
			over(where+" text", text(blk["text"]), 150)
		case "actions":
			els, _ := blk["elements"].([]any)
			if len(els) > 25 {
				t.Errorf("%s: %s has %d elements", name, where, len(els))
			}
			for _, e := range els {
				m, _ := e.(map[string]any)
				over(where+" button text", text(m["text"]), 75)
				v, _ := m["value"].(string)
				over(where+" button value", v, 2000)
				id, _ := m["action_id"].(string)
				over(where+" action_id", id, 255)
			}
		}
	}
}

// Every kind of reply, with 3,900 characters wherever a user's text can
// go, renders within Block Kit's limits (Slack refuses the whole message,
// invalid_blocks, for one field over).
func TestEveryReplyFitsBlockKit(t *testing.T) {
	ta := newTestAdapter(t, nil)
	long := longText()
	answer := &bot.Answer{Question: long, Answered: true, Text: "Up to 2 years in prison.", Lang: "en", ID: "a1", LegalNotice: true,
		Attribution: bot.Attribution{Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"},
		Sources:     []bot.Source{{Section: "Enforcement", Text: "…"}}}
	decline := &bot.Answer{Question: long, Text: bot.Message("en", "too_long", "max", "1000"), Lang: "en", Reason: "too_long",
		Examples: []string{long, "What is the penalty for 20 grams?"}}
	card := &cards.Card{Topic: "penalties", Title: long, Note: long, Text: long, Section: long, Lang: "en",
		Fields: []cards.CardField{{Name: long, Value: long}, {Name: "b", Value: long}}, LegalNotice: true,
		Attribution: answer.Attribution}
	var rows []chat.ReportRow
	for range 60 {
		rows = append(rows, chat.ReportRow{Title: long, Text: long + " {last}", Last: time.Now()})
	}
	replies := map[string]chat.Reply{
		"answer": {Status: chat.StatusOK, Lang: "en", Question: long, ReadAs: long, Notice: long, Answer: answer,
			ShareToken: "0123456789abcdef", Feedback: true},
		"shared answer": {Status: chat.StatusOK, Public: true, Lang: "en", Question: long, Answer: answer, SharedBy: "U1", Feedback: true},
		"decline":       {Status: chat.StatusDeclined, Lang: "en", Question: long, Answer: decline},
		"card":          {Status: chat.StatusOK, Lang: "en", Card: card, Notice: long},
		"report":        {Status: chat.StatusOK, Lang: "en", Report: &chat.Report{Title: long, Summary: long, Usage: long, Rows: rows, Empty: long}},
		"notice":        {Status: chat.StatusInvalid, Lang: "en", Notice: long},
		"help":          {Status: chat.StatusOK, Lang: "en", Help: &chat.Help{Examples: []string{long, long}, Intro: long, About: long}},
	}
	for name, r := range replies {
		checkBlocks(t, name, ta.blocks(r))
		if n := utf8.RuneCountInString(fallback(r)); n > 4000 {
			t.Errorf("%s: fallback text %d characters, over 4,000", name, n)
		}
	}
}

// Through the endpoints: /ask with a 3,900-character question (answered by
// the fake engine, and declined), /facts and /factbot-report with one, and
// a mention, each reply within Block Kit's limits.
func TestLongQuestionRepliesFitThroughTheEndpoints(t *testing.T) {
	ta := newTestAdapter(t, nil)
	long := longText()
	for _, tc := range []struct{ command, text string }{
		{"/ask", "penalty " + long}, {"/ask", long}, {"/facts", long}, {"/factbot-report", long},
	} {
		form := strings.Replace(commandForm(tc.text), "command=%2Fask", "command="+strings.ReplaceAll(tc.command, "/", "%2F"), 1)
		rec := ta.do(signed("/slack/commands", formType, form))
		var rep struct {
			Text   string `json:"text"`
			Blocks any    `json:"blocks"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil || rec.Code != 200 {
			t.Fatalf("%s: %d %s", tc.command, rec.Code, rec.Body)
		}
		checkBlocks(t, tc.command, rep.Blocks)
	}
	ta.do(signed("/slack/events", "application/json", eventBody("EvLong", "<@UFACTBOT> penalty "+long, "")))
	p := ta.slack.next(t)
	var blocks any
	if err := json.Unmarshal([]byte(p.Form.Get("blocks")), &blocks); err != nil {
		t.Fatalf("mention reply blocks: %v", err)
	}
	checkBlocks(t, "mention", blocks)
}
