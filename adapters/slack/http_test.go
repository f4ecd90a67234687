package slack

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/ratelimit"
	"github.com/factbot/factbot/internal/syncbuf"
)

// Slack's published example (docs: verifying requests from Slack). slack-go
// rejects its 2018 timestamp, so it checks Sign, which the tests use.
func TestSignSlackExample(t *testing.T) {
	body := "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	want := "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
	if got := slacktest.Sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, []byte(body)); got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
}

func TestCommandAnswer(t *testing.T) {
	ta := newTestAdapter(t, nil)
	rec := ta.do(signed("/slack/commands", formType, commandForm("What is the penalty for 20 grams?")))
	if rec.Code != http.StatusOK {
		t.Fatalf("code = %d, body %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var msg map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &msg); err != nil {
		t.Fatal(err)
	}
	if msg["response_type"] != "ephemeral" {
		t.Errorf("response_type = %v", msg["response_type"])
	}
	if _, ok := msg["blocks"].([]any); !ok {
		t.Fatalf("no blocks: %s", rec.Body)
	}
	text := blockText(t, msg)
	for _, want := range []string{
		"2 years",
		"Enforcement · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)",
		bot.NotLegalAdvice,
		"Share in channel",
		ShareActionID,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("reply lacks %q:\n%s", want, text)
		}
	}
	q := ta.engine.questions()
	if len(q) != 1 || q[0].Platform != "slack" || q[0].User != "U2CERLKJA" || q[0].Channel != "C1" {
		t.Errorf("engine asked %+v", q)
	}
}

func TestCommandHelpAndDecline(t *testing.T) {
	ta := newTestAdapter(t, nil)
	for _, text := range []string{"", "  help ", "HELP"} {
		rec := ta.do(signed("/slack/commands", formType, commandForm(text)))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "What is the penalty for 20 grams?") || !strings.Contains(rec.Body.String(), "/ask") {
			t.Errorf("help %q: %d %s", text, rec.Code, rec.Body)
		}
	}
	// "hjelp" asks for usage in Bokmål.
	rec := ta.do(signed("/slack/commands", formType, commandForm("hjelp")))
	if body := rec.Body.String(); rec.Code != 200 || !strings.Contains(body, "Hva er straffen for 20 gram?") || !strings.Contains(body, "For eksempel") {
		t.Errorf("hjelp: %d %s", rec.Code, body)
	}
	rec = ta.do(signed("/slack/commands", formType, commandForm("weather in Oslo?")))
	var msg map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &msg)
	text := blockText(t, msg)
	if !strings.Contains(text, "Try asking") || !strings.Contains(text, "What is the penalty for 20 grams?") {
		t.Errorf("decline without examples:\n%s", text)
	}
	if strings.Contains(text, "Share in channel") || strings.Contains(text, bot.NotLegalAdvice) {
		t.Errorf("decline offers share or legal notice:\n%s", text)
	}
}

func TestRejectedRequests(t *testing.T) {
	ta := newTestAdapter(t, nil)
	body := commandForm("penalty?")
	now := time.Now().Unix()
	withHeaders := func(path, body, ts, sig string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		r.Header.Set("Content-Type", formType)
		if ts != "" {
			r.Header.Set("X-Slack-Request-Timestamp", ts)
		}
		if sig != "" {
			r.Header.Set("X-Slack-Signature", sig)
		}
		return r
	}
	nowS := strconv.FormatInt(now, 10)
	stale := now - 10*60
	big := "text=" + strings.Repeat("a", 70<<10)
	tests := []struct {
		name   string
		req    *http.Request
		code   int
		reason string
	}{
		{"wrong signature", withHeaders("/slack/commands", body, nowS, slacktest.Sign("other-secret", now, []byte(body))), 401, RejectBadSignature},
		{"tampered body", withHeaders("/slack/commands", body+"&x=1", nowS, slacktest.Sign(testSecret, now, []byte(body))), 401, RejectBadSignature},
		{"not hex", withHeaders("/slack/commands", body, nowS, "v0=zz"), 401, RejectBadSignature},
		{"stale timestamp", withHeaders("/slack/commands", body, strconv.FormatInt(stale, 10), slacktest.Sign(testSecret, stale, []byte(body))), 401, RejectStaleTimestamp},
		{"future timestamp", withHeaders("/slack/commands", body, strconv.FormatInt(now+600, 10), slacktest.Sign(testSecret, now+600, []byte(body))), 401, RejectStaleTimestamp},
		{"missing headers", withHeaders("/slack/commands", body, "", ""), 401, RejectMissingSignature},
		{"missing signature", withHeaders("/slack/events", body, nowS, ""), 401, RejectMissingSignature},
		{"oversize body", signed("/slack/commands", formType, big), 413, RejectTooLarge},
		{"malformed form", signed("/slack/commands", formType, "text=%zz&user_id=%"), 400, RejectMalformed},
		{"form without user", signed("/slack/commands", formType, "text=hi"), 400, RejectMalformed},
		{"malformed json", signed("/slack/events", "application/json", `{"type":`), 400, RejectMalformed},
		{"json without type", signed("/slack/events", "application/json", `[1,2]`), 400, RejectMalformed},
		{"interaction without payload", signed("/slack/interactions", formType, "x=1"), 400, RejectMalformed},
		{"interaction bad json", signed("/slack/interactions", formType, "payload=%7Bnope"), 400, RejectMalformed},
		{"GET", httptest.NewRequest(http.MethodGet, "/slack/commands", nil), 405, RejectMethod},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := ta.rejects.get(tt.reason)
			rec := ta.do(tt.req)
			if rec.Code != tt.code {
				t.Errorf("code = %d, want %d (%s)", rec.Code, tt.code, rec.Body)
			}
			if ta.rejects.get(tt.reason) != before+1 {
				t.Errorf("reject %q not counted", tt.reason)
			}
		})
	}
	if n := len(ta.engine.questions()); n != 0 {
		t.Errorf("refused requests reached the engine %d times", n)
	}
}

func TestURLVerification(t *testing.T) {
	ta := newTestAdapter(t, nil)
	rec := ta.do(signed("/slack/events", "application/json", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`))
	var got map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if got["challenge"] != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("challenge = %q", got["challenge"])
	}
}

func TestAppMentionRepliesInThread(t *testing.T) {
	ta := newTestAdapter(t, nil)
	rec := ta.do(signed("/slack/events", "application/json", eventBody("Ev1", "<@UFACTBOT> what is the penalty for 20 grams &amp; more?", "")))
	if rec.Code != 200 {
		t.Fatalf("code %d", rec.Code)
	}
	p := ta.slack.next(t)
	if p.Path != "/api/chat.postMessage" {
		t.Fatalf("posted to %s", p.Path)
	}
	if p.Form.Get("channel") != "C1" || p.Form.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("channel/thread = %q/%q", p.Form.Get("channel"), p.Form.Get("thread_ts"))
	}
	var blocks []any
	if err := json.Unmarshal([]byte(p.Form.Get("blocks")), &blocks); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	text := blockText(t, blocks)
	if !strings.Contains(text, "2 years") || strings.Contains(text, "Share in channel") {
		t.Errorf("thread reply:\n%s", text)
	}
	if q := ta.engine.questions(); len(q) != 1 || q[0].Text != "what is the penalty for 20 grams & more?" {
		t.Errorf("engine asked %+v", q)
	}
}

func TestRetriedEventAnsweredOnce(t *testing.T) {
	ta := newTestAdapter(t, nil)
	body := eventBody("Ev42", "<@UFACTBOT> penalty for 20 grams?", "")
	for retry := range 3 {
		r := signed("/slack/events", "application/json", body)
		if retry > 0 {
			r.Header.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
			r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		if rec := ta.do(r); rec.Code != 200 {
			t.Fatalf("retry %d: code %d", retry, rec.Code)
		}
	}
	ta.tasks.Wait()
	ta.slack.next(t)
	ta.slack.none(t)
	if got := ta.rejects.get(RejectDuplicate); got != 2 {
		t.Errorf("duplicates counted = %d", got)
	}
}

func TestBotMessagesIgnored(t *testing.T) {
	ta := newTestAdapter(t, nil)
	ta.do(signed("/slack/events", "application/json", eventBody("Ev7", "<@UFACTBOT> penalty for 20 grams?", "B01")))
	// An event type factbot does not handle is acknowledged, not refused.
	rec := ta.do(signed("/slack/events", "application/json", `{"type":"event_callback","event_id":"Ev8","event":{"type":"no_such_event"}}`))
	if rec.Code != 200 {
		t.Errorf("unknown event: %d", rec.Code)
	}
	ta.tasks.Wait()
	ta.slack.none(t)
	if n := len(ta.engine.questions()); n != 0 {
		t.Errorf("engine asked %d times", n)
	}
}

// interactionBody is a click on a Share button whose token this process
// does not know (as after a restart), carrying its question.
func interactionBody(t *testing.T, responseURL, question string) string {
	t.Helper()
	return shareClick(t, responseURL, "0000000000000000:"+question)
}

// shareClick is a click on a Share button with value.
func shareClick(t *testing.T, responseURL, value string) string {
	t.Helper()
	question := value
	payload, _ := json.Marshal(map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": "U2CERLKJA", "name": "roadrunner"},
		"channel":      map[string]any{"id": "C1"},
		"response_url": responseURL,
		"container":    map[string]any{"type": "message", "is_ephemeral": true},
		"actions": []any{map[string]any{
			"type": "button", "action_id": ShareActionID, "block_id": "b", "value": question,
			"text": map[string]any{"type": "plain_text", "text": "Share in channel"},
		}},
	})
	return url.Values{"payload": {string(payload)}}.Encode()
}

func TestShareButtonPostsInChannel(t *testing.T) {
	ta := newTestAdapter(t, nil)
	rec := ta.do(signed("/slack/interactions", formType, interactionBody(t, ta.slack.URL+"/hooks/T1/1/abc", "What is the penalty for 20 grams? <!channel>")))
	if rec.Code != 200 {
		t.Fatalf("code %d: %s", rec.Code, rec.Body)
	}
	p := ta.slack.next(t)
	if p.Path != "/hooks/T1/1/abc" {
		t.Fatalf("posted to %s", p.Path)
	}
	if p.JSON["response_type"] != "in_channel" {
		t.Errorf("response_type = %v", p.JSON["response_type"])
	}
	text := blockText(t, p.JSON)
	for _, want := range []string{"Shared by <@U2CERLKJA>:", "2 years", bot.NotLegalAdvice, "&lt;!channel&gt;"} {
		if !strings.Contains(text, want) {
			t.Errorf("shared message lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<!channel>") || strings.Contains(text, "Share in channel") {
		t.Errorf("shared message pings or offers sharing again:\n%s", text)
	}
	// The private original now says it is shared, without the button.
	orig := ta.slack.next(t)
	if orig.Path != "/hooks/T1/1/abc" || orig.JSON["replace_original"] != true || orig.JSON["response_type"] == "in_channel" {
		t.Fatalf("second post %s %v, want the original replaced", orig.Path, orig.JSON)
	}
	if text := blockText(t, orig.JSON); !strings.Contains(text, bot.Message("en", "share_done")) || strings.Contains(text, ShareActionID) || !strings.Contains(text, "2 years") {
		t.Errorf("replaced original:\n%s", text)
	}
}

// Two clicks on one Share button (or a replayed signed click) post once;
// the second is told the answer is already shared, privately.
func TestShareTwiceVisibleOnce(t *testing.T) {
	ta := newTestAdapter(t, nil)
	click := interactionBody(t, ta.slack.URL+"/hooks/T1/1/abc", "What is the penalty for 20 grams?")
	for range 2 {
		if rec := ta.do(signed("/slack/interactions", formType, click)); rec.Code != 200 {
			t.Fatalf("click: %d", rec.Code)
		}
		ta.tasks.Wait()
	}
	public := 0
	for {
		select {
		case p := <-ta.slack.posts:
			if p.JSON["response_type"] == "in_channel" {
				public++
			}
			continue
		default:
		}
		break
	}
	if public != 1 {
		t.Errorf("%d posts in the channel from two clicks, want 1", public)
	}
}

func TestRateLimited(t *testing.T) {
	lim := ratelimit.New(1, time.Hour, nil)
	ta := newTestAdapter(t, func(o *testSetup) { o.Core.Limiter = lim })
	first := ta.do(signed("/slack/commands", formType, commandForm("penalty for 20 grams?")))
	second := ta.do(signed("/slack/commands", formType, commandForm("penalty for 20 grams?")))
	if !strings.Contains(first.Body.String(), "2 years") {
		t.Errorf("first: %s", first.Body)
	}
	if second.Code != 200 || !strings.Contains(second.Body.String(), bot.Message("en", "rate_limited")) || !strings.Contains(second.Body.String(), `"ephemeral"`) {
		t.Errorf("second: %d %s", second.Code, second.Body)
	}
	// Over the limit a mention gets an ephemeral reply, not a thread post.
	ta.do(signed("/slack/events", "application/json", eventBody("Ev9", "<@UFACTBOT> penalty?", "")))
	if p := ta.slack.next(t); p.Path != "/api/chat.postEphemeral" || p.Form.Get("user") != "U2CERLKJA" {
		t.Errorf("limited mention posted %s %v", p.Path, p.Form)
	}
	if n := len(ta.engine.questions()); n != 1 {
		t.Errorf("engine asked %d times", n)
	}
}

func TestHealthHTTPMode(t *testing.T) {
	ta := newTestAdapter(t, nil)
	if h := ta.Health(); !h.Ready || h.State != "ready" {
		t.Errorf("health = %+v", h)
	}
}

func TestNewErrors(t *testing.T) {
	core, err := chat.New(chat.Options{Answerer: &fakeEngine{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{BotToken: "x", SigningSecret: "s"}, nil, Options{}); err == nil {
		t.Error("New without a core did not fail")
	}
	for _, c := range []Config{
		{BotToken: "x"},
		{SigningSecret: "s"},
		{BotToken: "x", Mode: ModeSocket},
		{BotToken: "x", Mode: ModeSocket, AppToken: "xoxb-not-an-app-token"},
		{BotToken: "x", SigningSecret: "s", Mode: "pigeon"},
		{BotToken: "x", SigningSecret: "s", Moderators: []string{"@alice"}},
	} {
		if _, err := New(c, core, Options{}); err == nil {
			t.Errorf("New(%+v) did not fail", c)
		} else if strings.Contains(err.Error(), "xoxb") {
			t.Errorf("error names a secret: %v", err)
		}
	}
}

func TestShareErrorDoesNotLogResponseURL(t *testing.T) {
	var logs syncbuf.Buffer
	ta := newTestAdapter(t, func(o *testSetup) {
		o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	})
	hook := "http://127.0.0.1:1/hooks/T1/SECRETPATH"
	ta.do(signed("/slack/interactions", formType, interactionBody(t, hook, "What is the penalty for 20 grams?")))
	ta.tasks.Wait()
	out := logs.String()
	if !strings.Contains(out, "replying through response_url") || strings.Contains(out, "SECRETPATH") {
		t.Errorf("log = %q", out)
	}
}

// A mention reply Slack refuses with 429 (several mentions at once in one
// channel) is posted again after Retry-After, a bounded number of times.
func TestMentionReplyRetriedAfter429(t *testing.T) {
	ta := newTestAdapter(t, nil)
	ta.slack.throttle.Store(1)
	ta.do(signed("/slack/events", "application/json", eventBody("Ev429", "<@UFACTBOT> penalty for 20 grams?", "")))
	first, retry := ta.slack.next(t), ta.slack.next(t)
	if first.Path != "/api/chat.postMessage" || retry.Path != "/api/chat.postMessage" {
		t.Fatalf("posts %s then %s, want chat.postMessage twice", first.Path, retry.Path)
	}
	if retry.Form.Get("blocks") != first.Form.Get("blocks") || retry.Form.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("the retry is not the same reply:\n%v\n%v", first.Form, retry.Form)
	}
	ta.tasks.Wait()
	ta.slack.none(t)

	// Slack that keeps refusing gets maxPostRetries retries, then the reply
	// is given up (and logged), not retried forever.
	ta.slack.throttle.Store(100)
	ta.do(signed("/slack/events", "application/json", eventBody("Ev430", "<@UFACTBOT> penalty for 20 grams?", "")))
	ta.tasks.Wait()
	if got := len(ta.slack.posts); got != 1+maxPostRetries {
		t.Errorf("%d posts to a Slack that always answers 429, want %d", got, 1+maxPostRetries)
	}
}

// An unauthenticated flood is counted request by request but logged at
// warn once a minute, not once a request.
func TestUnsignedFloodLoggedOnce(t *testing.T) {
	var logs syncbuf.Buffer
	ta := newTestAdapter(t, func(s *testSetup) {
		s.Options.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	})
	for range 200 {
		r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(commandForm("x")))
		if rec := ta.do(r); rec.Code != http.StatusUnauthorized {
			t.Fatalf("unsigned request: %d", rec.Code)
		}
	}
	if got := ta.rejects.get(RejectMissingSignature); got != 200 {
		t.Errorf("%d refusals counted, want 200", got)
	}
	if n := strings.Count(logs.String(), "request refused"); n != 1 {
		t.Errorf("%d log lines at info and above for 200 unsigned requests, want 1:\n%s", n, logs.String())
	}
}

// A URL or domain in a shared question is never linked in the channel:
// Slack links bare URLs and domain names in mrkdwn.
func TestShareNeverLinksTheQuestionsURLs(t *testing.T) {
	ta := newTestAdapter(t, nil)
	ta.do(signed("/slack/interactions", formType, interactionBody(t, ta.slack.URL+"/hooks/T1/1/abc",
		"What is the penalty for 20 grams? see https://evil.example/x or evil.com")))
	text := blockText(t, ta.slack.next(t).JSON)
	if !strings.Contains(text, "2 years") {
		t.Fatalf("no answer shared:\n%s", text)
	}
	for _, link := range []string{"https://evil", "evil.example", "evil.com"} {
		if strings.Contains(text, link) {
			t.Errorf("shared message holds %q, which Slack would link:\n%s", link, text)
		}
	}
	if !strings.Contains(text, "evil.\u200bcom") {
		t.Errorf("the question is not shown:\n%s", text)
	}
}

// A share Slack's response_url refuses with 429 is posted again after
// Retry-After, like a Web API call.
func TestShareRetriedAfter429(t *testing.T) {
	ta := newTestAdapter(t, nil)
	ta.slack.throttleHooks.Store(1)
	ta.do(signed("/slack/interactions", formType, interactionBody(t, ta.slack.URL+"/hooks/T1/1/abc", "What is the penalty for 20 grams?")))
	first, retry := ta.slack.next(t), ta.slack.next(t)
	if first.Path != "/hooks/T1/1/abc" || retry.Path != first.Path || retry.JSON["response_type"] != "in_channel" {
		t.Errorf("posts %s %v then %s %v, want the share twice", first.Path, first.JSON["response_type"], retry.Path, retry.JSON["response_type"])
	}
}
