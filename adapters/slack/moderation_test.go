package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/store"
)

const (
	moderatorID = "UMOD00001"
	memberID    = "U2CERLKJA"
)

// toolkit is a test adapter with the moderator toolkit as serve wires it:
// the real bot's cards and catalogue, a recorder on a real store in a temp
// directory (so answers carry IDs), and one moderator.
type toolkit struct {
	*testAdapter
	bot   *bot.Bot
	store *store.Store
}

func newToolkit(t *testing.T, mutate func(*testSetup)) *toolkit {
	t.Helper()
	e := enginetest.Embedded(t)
	b := e.Bot
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "factbot.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rec := bot.NewRecorder(st, bot.RecorderOptions{})
	ta := newTestAdapter(t, func(o *testSetup) {
		o.Core.Cards, o.Core.Recorder, o.Core.Events = cards.New(b), rec, st
		o.Core.Answerer.(*fakeEngine).language = b.Language
		o.Moderators = []string{moderatorID}
		if mutate != nil {
			mutate(o)
		}
	})
	return &toolkit{testAdapter: ta, bot: b, store: st}
}

func slashForm(command, text, user string) string {
	return url.Values{
		"command": {command}, "text": {text}, "user_id": {user}, "user_name": {"someone"},
		"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"},
		"trigger_id": {"1.2.3"},
	}.Encode()
}

// command runs a signed slash command and decodes the reply.
func (tk *toolkit) command(t *testing.T, command, text, user string) map[string]any {
	t.Helper()
	rec := tk.do(signed("/slack/commands", formType, slashForm(command, text, user)))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s %q: code %d, body %s", command, text, rec.Code, rec.Body)
	}
	var msg map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &msg); err != nil {
		t.Fatalf("%s %q: %v: %s", command, text, err, rec.Body)
	}
	return msg
}

func mentionBody(eventID, text, user string) string {
	b, _ := json.Marshal(map[string]any{
		"type": "event_callback", "token": "x", "team_id": "T1", "api_app_id": "A1",
		"event": map[string]any{
			"type": "app_mention", "user": user, "text": text, "ts": "1700000000.000100",
			"channel": "C1", "event_ts": "1700000000.000100",
		},
		"event_id": eventID, "event_time": 1700000000,
	})
	return string(b)
}

// clickBody is a block_actions payload: user clicks actionID (value) in a
// block with blockID.
func clickBody(responseURL, user, blockID, actionID, value string) string {
	payload, _ := json.Marshal(map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": user, "name": "someone"},
		"channel":      map[string]any{"id": "C1"},
		"response_url": responseURL,
		"container":    map[string]any{"type": "message", "is_ephemeral": true},
		"actions": []any{map[string]any{
			"type": "button", "action_id": actionID, "block_id": blockID, "value": value,
			"text": map[string]any{"type": "plain_text", "text": "👍"},
		}},
	})
	return url.Values{"payload": {string(payload)}}.Encode()
}

// button finds the button with actionID in a message and returns its
// block's ID and its value.
func button(t *testing.T, msg any, actionID string) (blockID, value string, ok bool) {
	t.Helper()
	var walk func(v any, block string) bool
	walk = func(v any, block string) bool {
		switch x := v.(type) {
		case map[string]any:
			if id, _ := x["block_id"].(string); id != "" && x["type"] == "actions" {
				block = id
			}
			if x["action_id"] == actionID {
				blockID, value = block, x["value"].(string)
				return true
			}
			for _, e := range x {
				if walk(e, block) {
					return true
				}
			}
		case []any:
			for _, e := range x {
				if walk(e, block) {
					return true
				}
			}
		}
		return false
	}
	ok = walk(msg, "")
	return blockID, value, ok
}

func TestFactsPenaltiesModeratorPostsEveryTier(t *testing.T) {
	tk := newToolkit(t, nil)
	msg := tk.command(t, "/facts", "penalties", moderatorID)
	if msg["response_type"] != "in_channel" {
		t.Errorf("response_type = %v, want in_channel", msg["response_type"])
	}
	card, err := cards.New(tk.bot).Card("penalties", "en")
	if err != nil || len(card.Fields) < 4 {
		t.Fatalf("card %+v, %v", card, err)
	}
	text := blockText(t, msg)
	want := []string{"Penalties", "Enforcement · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)",
		"https://en.wikipedia.org/wiki/Cannabis_in_Norway", bot.NotLegalAdvice}
	for _, f := range card.Fields {
		want = append(want, f.Name, f.Value)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("card lacks %q:\n%s", w, text)
		}
	}
	// The tiers are section fields: at most 10 to a section, each ≤ 2000.
	blocks, _ := msg["blocks"].([]any)
	if b0, _ := blocks[0].(map[string]any); b0["type"] != "header" {
		t.Errorf("first block %v, want the header", b0)
	}
	nfields := 0
	for _, b := range blocks {
		fields, _ := b.(map[string]any)["fields"].([]any)
		if len(fields) > 10 {
			t.Errorf("a section has %d fields", len(fields))
		}
		for _, f := range fields {
			if s := f.(map[string]any)["text"].(string); len([]rune(s)) > 2000 {
				t.Errorf("field of %d characters", len([]rune(s)))
			}
		}
		nfields += len(fields)
	}
	if nfields != len(card.Fields) {
		t.Errorf("%d fields, want one per tier (%d)", nfields, len(card.Fields))
	}
	if _, _, ok := button(t, msg, FeedbackUpActionID); ok {
		t.Error("a fact card offers feedback buttons (it is not an answer)")
	}
}

func TestFactsForOthersEphemeralUnlessPublic(t *testing.T) {
	tk := newToolkit(t, nil)
	msg := tk.command(t, "/facts", "medical", memberID)
	if msg["response_type"] != "ephemeral" || !strings.Contains(blockText(t, msg), "Medical use") {
		t.Errorf("member's card: %v", msg)
	}
	open := newToolkit(t, func(o *testSetup) { o.FactsPublic = true })
	if msg := open.command(t, "/facts", "medical", memberID); msg["response_type"] != "in_channel" {
		t.Errorf("facts_public: response_type %v", msg["response_type"])
	}
}

func TestFactsTopicListAndUnknownTopic(t *testing.T) {
	tk := newToolkit(t, nil)
	for _, topic := range []string{"", "help"} {
		msg := tk.command(t, "/facts", topic, moderatorID)
		text := blockText(t, msg)
		if msg["response_type"] != "ephemeral" || !strings.Contains(text, "Fact card topics:") || !strings.Contains(text, "penalties, personal use") {
			t.Errorf("/facts %q: %v", topic, msg)
		}
	}
	msg := tk.command(t, "/facts", "weather <!channel> @here", moderatorID)
	text := blockText(t, msg)
	if msg["response_type"] != "ephemeral" || !strings.Contains(text, "I have no fact card about") || !strings.Contains(text, "Enforcement") {
		t.Errorf("unknown topic: %v", msg)
	}
	if strings.Contains(text, "<!channel>") || strings.Contains(text, "@here") || !strings.Contains(text, "&lt;!channel&gt;") {
		t.Errorf("unknown topic echoes a ping:\n%s", text)
	}
}

func TestFactsInBokmal(t *testing.T) {
	tk := newToolkit(t, nil)
	text := blockText(t, tk.command(t, "/facts", "straff", moderatorID))
	for _, w := range []string{"Straffer", "Ikke juridisk rådgivning.", "Inntil 15 g"} {
		if !strings.Contains(text, w) {
			t.Errorf("Bokmål card lacks %q:\n%s", w, text)
		}
	}
}

func TestFactsMention(t *testing.T) {
	tk := newToolkit(t, nil)
	// A moderator's card goes in the thread, for everyone.
	tk.do(signed("/slack/events", "application/json", mentionBody("EvF1", "<@UFACTBOT> facts penalties", moderatorID)))
	p := tk.slack.next(t)
	if p.Path != "/api/chat.postMessage" || p.Form.Get("thread_ts") != "1700000000.000100" || !strings.Contains(p.Form.Get("blocks"), "up to 2 years in prison") {
		t.Errorf("moderator's facts mention: %s %v", p.Path, p.Form)
	}
	// Anyone else's is for them alone.
	tk.do(signed("/slack/events", "application/json", mentionBody("EvF2", "<@UFACTBOT> facts penalties", memberID)))
	p = tk.slack.next(t)
	if p.Path != "/api/chat.postEphemeral" || p.Form.Get("user") != memberID || p.Form.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("member's facts mention: %s %v", p.Path, p.Form)
	}
	// An unknown topic lists the topics, ephemeral, even for a moderator.
	tk.do(signed("/slack/events", "application/json", mentionBody("EvF3", "<@UFACTBOT> facts nonsense", moderatorID)))
	p = tk.slack.next(t)
	if p.Path != "/api/chat.postEphemeral" || !strings.Contains(p.Form.Get("blocks"), "I have no fact card") {
		t.Errorf("unknown topic mention: %s %v", p.Path, p.Form)
	}
	tk.tasks.Wait()
	tk.slack.none(t)
	if n := len(tk.engine.questions()); n != 0 {
		t.Errorf("facts mentions reached the engine %d times", n)
	}
}

func TestAskPublic(t *testing.T) {
	tk := newToolkit(t, nil)
	// A moderator's answer goes to the channel, with 👍/👎 and no Share.
	msg := tk.command(t, "/ask", "--public What is the penalty for 20 grams?", moderatorID)
	text := blockText(t, msg)
	if msg["response_type"] != "in_channel" || !strings.Contains(text, "2 years") || strings.Contains(text, "--public") {
		t.Errorf("moderator --public: %v", msg)
	}
	if _, _, ok := button(t, msg, ShareActionID); ok {
		t.Error("a public answer offers Share")
	}
	if _, id, ok := button(t, msg, FeedbackDownActionID); !ok || id == "" {
		t.Error("a public answer has no 👎 button")
	}
	// Anyone else is refused politely; the answer stays ephemeral.
	msg = tk.command(t, "/ask", "—public What is the penalty for 20 grams?", memberID)
	text = blockText(t, msg)
	if msg["response_type"] != "ephemeral" || !strings.Contains(text, "Only moderators can post answers publicly") || !strings.Contains(text, "2 years") {
		t.Errorf("member --public: %v", msg)
	}
	// As for any ephemeral answer, Share in channel (naming the sharer)
	// stays; so do 👍/👎.
	if _, _, ok := button(t, msg, ShareActionID); !ok {
		t.Error("a refused public answer offers no Share")
	}
	if _, _, ok := button(t, msg, FeedbackUpActionID); !ok {
		t.Error("a refused public answer has no 👍")
	}
	// The flag never reaches the engine.
	for _, q := range tk.engine.questions() {
		if q.Text != "What is the penalty for 20 grams?" {
			t.Errorf("engine asked %q", q.Text)
		}
	}
	// A moderator's decline stays with the moderator, with the note saying
	// why: the same rule as on Discord.
	if msg := tk.command(t, "/ask", "--public weather in Oslo?", moderatorID); msg["response_type"] != "ephemeral" ||
		!strings.Contains(blockText(t, msg), bot.Message("en", "public_declined")) {
		t.Errorf("moderator's declined --public: %v", msg)
	}
}

func TestFeedbackRecordedOnce(t *testing.T) {
	tk := newToolkit(t, nil)
	msg := tk.command(t, "/ask", "What is the penalty for 20 grams?", memberID)
	blockID, id, ok := button(t, msg, FeedbackDownActionID)
	if !ok || id == "" {
		t.Fatalf("no 👎 button: %v", msg)
	}
	if _, upID, _ := button(t, msg, FeedbackUpActionID); upID != id {
		t.Errorf("👍 carries %q, 👎 %q", upID, id)
	}
	hook := tk.slack.URL + "/hooks/T1/2/fb"
	acks := []string{"Thanks for the feedback.", "You already gave feedback on this answer."}
	for i, want := range acks {
		rec := tk.do(signed("/slack/interactions", formType, clickBody(hook, memberID, blockID, FeedbackDownActionID, id)))
		if rec.Code != http.StatusOK {
			t.Fatalf("click %d: code %d", i, rec.Code)
		}
		p := tk.slack.next(t)
		if p.Path != "/hooks/T1/2/fb" || p.JSON["response_type"] != "ephemeral" || p.JSON["replace_original"] != false || p.JSON["text"] != want {
			t.Errorf("click %d acknowledged %s %v, want %q", i, p.Path, p.JSON, want)
		}
	}
	// Another person's vote counts.
	tk.do(signed("/slack/interactions", formType, clickBody(hook, moderatorID, blockID, FeedbackDownActionID, id)))
	tk.slack.next(t)
	rep, err := bot.Feedback(context.Background(), tk.store, bot.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Down != 2 || rep.Up != 0 || len(rep.Rows) != 1 || !strings.Contains(rep.Rows[0].Answer, "2 years") {
		t.Errorf("feedback report %+v, want 2 👎 on the answer", rep)
	}
}

func TestFeedbackAcknowledgements(t *testing.T) {
	tk := newToolkit(t, nil)
	hook := tk.slack.URL + "/hooks/T1/3/fb"
	// A forged ID is not recorded.
	tk.do(signed("/slack/interactions", formType, clickBody(hook, memberID, feedbackBlockPrefix+"en", FeedbackUpActionID, "not-an-id")))
	if p := tk.slack.next(t); p.JSON["text"] != "I couldn't record your feedback just now; please try again." {
		t.Errorf("forged ID acknowledged %v", p.JSON)
	}
	// The acknowledgement speaks the answer's language.
	id := bot.NewAnswerID(time.Now())
	tk.do(signed("/slack/interactions", formType, clickBody(hook, memberID, feedbackBlockPrefix+"nb", FeedbackUpActionID, id)))
	if p := tk.slack.next(t); p.JSON["text"] != "Takk for tilbakemeldingen." {
		t.Errorf("Bokmål acknowledgement %v", p.JSON)
	}
}

func TestNoFeedbackButtonsWithoutAnID(t *testing.T) {
	ta := newTestAdapter(t, nil) // no recorder: answers have no ID
	rec := ta.do(signed("/slack/commands", formType, commandForm("What is the penalty for 20 grams?")))
	var msg map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &msg)
	if _, _, ok := button(t, msg, FeedbackUpActionID); ok {
		t.Error("👍 without an answer ID")
	}
	if _, _, ok := button(t, msg, ShareActionID); !ok {
		t.Error("no Share button")
	}
}

func TestMentionAndShareCarryFeedback(t *testing.T) {
	tk := newToolkit(t, nil)
	tk.do(signed("/slack/events", "application/json", mentionBody("EvM1", "<@UFACTBOT> penalty for 20 grams?", memberID)))
	p := tk.slack.next(t)
	var blocks []any
	_ = json.Unmarshal([]byte(p.Form.Get("blocks")), &blocks)
	if _, id, ok := button(t, blocks, FeedbackUpActionID); !ok || id == "" {
		t.Errorf("thread answer without 👍: %s", p.Form.Get("blocks"))
	}
	tk.do(signed("/slack/interactions", formType, interactionBody(t, tk.slack.URL+"/hooks/share", "What is the penalty for 20 grams?")))
	p = tk.slack.next(t)
	if _, id, ok := button(t, p.JSON, FeedbackDownActionID); p.JSON["response_type"] != "in_channel" || !ok || id == "" {
		t.Errorf("shared answer: %v", p.JSON)
	}
}

func TestReportCommand(t *testing.T) {
	now := time.Now()
	tk := newToolkit(t, func(o *testSetup) { o.Core.Now = func() time.Time { return now } })
	for _, u := range []string{"U1AAA", "U2BBB", "U1AAA"} {
		tk.command(t, "/ask", "Weather in Oslo?", u)
	}
	tk.command(t, "/ask", "Is it legal in <!channel> Sweden?", "U3CCC")
	tk.command(t, "/ask", "What is the penalty for 20 grams?", "U3CCC") // answered: not in the report

	msg := tk.command(t, "/factbot-report", "", moderatorID)
	text := blockText(t, msg)
	if msg["response_type"] != "ephemeral" {
		t.Errorf("report response_type %v", msg["response_type"])
	}
	for _, w := range []string{
		"Most-asked questions I could not answer, since " + now.Add(-7*24*time.Hour).UTC().Format("2006-01-02 15:04 UTC") + " (7d)",
		"4 declined questions, 2 different.",
		"*1. weather in oslo*", "asked 3× · 👤 2 · off_topic",
		"*2. is it legal in channel sweden*", "asked 1× · 👤 1",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "penalty for 20 grams") || strings.Contains(text, "U1AAA") {
		t.Errorf("report shows an answered question or a user:\n%s", text)
	}

	// Not for members.
	msg = tk.command(t, "/factbot-report", "", memberID)
	if text := blockText(t, msg); msg["response_type"] != "ephemeral" || !strings.Contains(text, "Only moderators can see reports.") || strings.Contains(text, "oslo") {
		t.Errorf("member's report: %v", msg)
	}

	// The feedback report, and a bad argument.
	msg = tk.command(t, "/factbot-report", "feedback 30d", moderatorID)
	if text := blockText(t, msg); !strings.Contains(text, "Answers with the most 👎, since") || !strings.Contains(text, "(30d)") || !strings.Contains(text, "Nothing recorded in that period.") {
		t.Errorf("feedback report:\n%s", text)
	}
	msg = tk.command(t, "/factbot-report", "yesterday", moderatorID)
	if text := blockText(t, msg); !strings.Contains(text, "Use /factbot-report [unanswered|feedback]") {
		t.Errorf("bad argument:\n%s", text)
	}
}

func TestReportWithoutStore(t *testing.T) {
	tk := newToolkit(t, func(o *testSetup) { o.Core.Events = nil })
	if text := blockText(t, tk.command(t, "/factbot-report", "", moderatorID)); !strings.Contains(text, "the store is disabled") {
		t.Errorf("report without a store:\n%s", text)
	}
}

func TestCommandNamesFromOptions(t *testing.T) {
	tk := newToolkit(t, func(o *testSetup) { o.FactsCommand, o.ReportCommand = "/fakta", "/rapport" })
	if msg := tk.command(t, "/fakta", "penalties", moderatorID); msg["response_type"] != "in_channel" || !strings.Contains(blockText(t, msg), "Penalties") {
		t.Errorf("/fakta: %v", msg)
	}
	if text := blockText(t, tk.command(t, "/rapport", "", memberID)); !strings.Contains(text, "Only moderators") {
		t.Errorf("/rapport:\n%s", text)
	}
}

// Socket Mode runs the same handlers: a moderator's /facts card and public
// answer come back in the ack, a 👍 is recorded and acknowledged through
// response_url, and the report answers in the ack.
func TestSocketModeToolkit(t *testing.T) {
	fs := newFakeSocketSlack(t)
	e := enginetest.Embedded(t)
	b := e.Bot
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "factbot.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := bot.NewRecorder(st, bot.RecorderOptions{})
	core, err := chat.New(chat.Options{Answerer: &fakeEngine{}, Cards: cards.New(b), Recorder: rec, Events: st,
		Platforms: map[string]chat.Platform{Platform: {Moderators: []string{moderatorID}, ReportCommand: "/factbot-report"}}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Config{Mode: ModeSocket, BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: fs.ws.URL + "/api/"},
		core, Options{HTTPClient: fs.ws.Client()})
	if err != nil {
		t.Fatal(err)
	}
	defer start(t, a)()
	conn := fs.conn(t)
	send(t, conn, map[string]any{"type": "hello", "num_connections": 1})

	slash := func(id, command, text, user string) map[string]any {
		t.Helper()
		env := slashEnvelope(id, text)
		p := env["payload"].(map[string]any)
		p["command"], p["user_id"] = command, user
		send(t, conn, env)
		payload, _ := readAck(t, conn, id)["payload"].(map[string]any)
		return payload
	}
	card := slash("s-1", "/facts", "penalties", moderatorID)
	if text := blockText(t, card); card["response_type"] != "in_channel" || !strings.Contains(text, "Over 80 kg") || !strings.Contains(text, bot.NotLegalAdvice) {
		t.Errorf("/facts over Socket Mode: %v", card)
	}
	ans := slash("s-2", "/ask", "--public What is the penalty for 20 grams?", moderatorID)
	blockID, id, ok := button(t, ans, FeedbackUpActionID)
	if ans["response_type"] != "in_channel" || !ok {
		t.Fatalf("/ask --public over Socket Mode: %v", ans)
	}
	if refused := slash("s-3", "/ask", "--public What is the penalty for 20 grams?", memberID); refused["response_type"] != "ephemeral" || !strings.Contains(blockText(t, refused), "Only moderators") {
		t.Errorf("member's --public over Socket Mode: %v", refused)
	}

	var click map[string]any
	values, _ := url.ParseQuery(clickBody(fs.ws.URL+"/hooks/fb", memberID, blockID, FeedbackUpActionID, id))
	_ = json.Unmarshal([]byte(values.Get("payload")), &click)
	send(t, conn, map[string]any{"envelope_id": "i-1", "type": "interactive", "payload": click})
	readAck(t, conn, "i-1")
	if p := fs.next(t); p.Path != "/hooks/fb" || p.JSON["text"] != "Thanks for the feedback." {
		t.Errorf("feedback over Socket Mode: %s %v", p.Path, p.JSON)
	}
	rep := slash("s-4", "/factbot-report", "feedback", moderatorID)
	if text := blockText(t, rep); !strings.Contains(text, "0 👎 and 1 👍 in all.") {
		t.Errorf("report over Socket Mode:\n%s", text)
	}
	a.tasks.Wait()
	fs.none(t)
}

// A language fixed for a channel or workspace words cards, topic lists and
// the report in it; questions carry the workspace for such rules.
func TestToolkitFollowsFixedLanguage(t *testing.T) {
	rules := chat.LanguageRules{Places: map[string]string{"T1": "nb"}}
	tk := newToolkit(t, func(o *testSetup) { o.Core.Language = rules })
	if text := blockText(t, tk.command(t, "/facts", "penalties", moderatorID)); !strings.Contains(text, "Straffer") || !strings.Contains(text, "Ikke juridisk rådgivning.") {
		t.Errorf("card in a Bokmål workspace:\n%s", text)
	}
	if text := blockText(t, tk.command(t, "/facts", "", moderatorID)); !strings.Contains(text, "Emner for faktakort") {
		t.Errorf("topic list in a Bokmål workspace:\n%s", text)
	}
	if text := blockText(t, tk.command(t, "/factbot-report", "", moderatorID)); !strings.Contains(text, "Spørsmål jeg oftest ikke kunne svare på") {
		t.Errorf("report in a Bokmål workspace:\n%s", text)
	}
	tk.command(t, "/ask", "What is the penalty for 20 grams?", memberID)
	if q := tk.engine.questions(); len(q) != 1 || q[0].Server != "T1" || q[0].Channel != "C1" {
		t.Errorf("engine asked %+v, want workspace T1", q)
	}
}

func TestFactsWithoutCards(t *testing.T) {
	ta := newTestAdapter(t, nil)
	rec := ta.do(signed("/slack/commands", formType, slashForm("/facts", "penalties", moderatorID)))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"ephemeral"`) || !strings.Contains(rec.Body.String(), "try asking a question") {
		t.Errorf("/facts without cards: %d %s", rec.Code, rec.Body)
	}
}

func TestFactsLongUnknownTopicFitsASection(t *testing.T) {
	tk := newToolkit(t, nil)
	msg := tk.command(t, "/facts", strings.Repeat("<!channel> ", 400), memberID)
	for _, b := range msg["blocks"].([]any) {
		if text, _ := b.(map[string]any)["text"].(map[string]any); len([]rune(text["text"].(string))) > 3000 {
			t.Errorf("section of %d characters", len([]rune(text["text"].(string))))
		}
	}
	if text := blockText(t, msg); !strings.Contains(text, "I have no fact card") || strings.Contains(text, "<!channel>") {
		t.Errorf("long unknown topic:\n%.300s", text)
	}
}
