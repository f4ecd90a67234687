package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/config"
)

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// fakeEngine answers penalty questions, declines the rest with examples,
// and records what it was asked.
type fakeEngine struct {
	mu    sync.Mutex
	asked []bot.Question
	// language reads a question's language as the engine would (its
	// Bokmål term list included), when set.
	language func(string) string
}

func (f *fakeEngine) Language(text string) string {
	if f.language != nil {
		return f.language(text)
	}
	return bot.DetectLanguage(text)
}

func (f *fakeEngine) Answer(_ context.Context, q bot.Question) bot.Answer {
	f.mu.Lock()
	f.asked = append(f.asked, q)
	f.mu.Unlock()
	attr := bot.Attribution{Publisher: "Wikipedia", Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"}
	if strings.Contains(strings.ToLower(q.Text), "penalty") {
		return bot.Answer{
			Question: q.Text, Answered: true, Intent: bot.IntentPenalty,
			Text:        "Possession of 20 grams can be punished with a fine or up to 2 years in prison.",
			Sources:     []bot.Source{{Section: "Enforcement", Text: "…"}},
			LegalNotice: true, Attribution: attr, Lang: "en",
		}
	}
	return bot.Answer{
		Question: q.Text, Intent: bot.IntentNone, Reason: "off_topic", Attribution: attr,
		Text:     "The article does not cover that.",
		Examples: []string{"What is the penalty for 20 grams?"}, Lang: "en",
	}
}

// Examples and Message are what the engine offers the core for help: its
// example questions and its messages with the subject filled in.
func (f *fakeEngine) Examples(lang string) []string {
	if lang == "nb" {
		return []string{"Hva er straffen for 20 gram?"}
	}
	return []string{"What is the penalty for 20 grams?"}
}

func (f *fakeEngine) Message(lang, key string) string {
	return bot.Message(lang, key, "subject", "cannabis law in Norway", "title", "Cannabis in Norway",
		"license", "CC BY-SA 4.0", "url", "https://en.wikipedia.org/wiki/Cannabis_in_Norway")
}

func (f *fakeEngine) questions() []bot.Question {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]bot.Question(nil), f.asked...)
}

// post is one call to the fake Web API or a response_url.
type post struct {
	Path string
	Form url.Values     // Web API methods (form-encoded)
	JSON map[string]any // response_url (JSON)
}

// fakeSlack plays Slack's Web API and response_url endpoints.
type fakeSlack struct {
	*httptest.Server
	posts chan post
	// throttle is how many chat.postMessage calls still get a 429 with
	// Retry-After: 1, as Slack answers a burst in one channel.
	throttle atomic.Int32
	// throttleHooks does the same for response_url posts (/hooks/…).
	throttleHooks atomic.Int32
}

func newFakeSlack(t *testing.T) *fakeSlack {
	t.Helper()
	f := &fakeSlack{posts: make(chan post, 16)}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := post{Path: r.URL.Path}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			_ = json.NewDecoder(r.Body).Decode(&p.JSON)
		} else {
			_ = r.ParseForm()
			p.Form = r.PostForm
		}
		f.posts <- p
		if strings.HasPrefix(r.URL.Path, "/hooks/") && f.throttleHooks.Add(-1) >= 0 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/api/chat.postMessage":
			if f.throttle.Add(-1) >= 0 {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte(`{"ok":false,"error":"ratelimited"}`))
				return
			}
			_, _ = w.Write([]byte(`{"ok":true,"channel":"C1","ts":"1700000000.000200"}`))
		case "/api/chat.postEphemeral":
			_, _ = w.Write([]byte(`{"ok":true,"message_ts":"1700000000.000300"}`))
		default:
			_, _ = w.Write([]byte(`{"ok":true}`))
		}
	}))
	t.Cleanup(f.Close)
	return f
}

// next returns the next post, failing the test if none comes.
func (f *fakeSlack) next(t *testing.T) post {
	t.Helper()
	select {
	case p := <-f.posts:
		return p
	case <-time.After(10 * time.Second): // a hang guard, not a timing assertion
		t.Fatal("no post arrived")
		return post{}
	}
}

// none checks that nothing was posted; call it after a.tasks.Wait().
func (f *fakeSlack) none(t *testing.T) {
	t.Helper()
	select {
	case p := <-f.posts:
		t.Fatalf("unexpected post %+v", p)
	default:
	}
}

type rejects struct {
	mu sync.Mutex
	n  map[string]int
}

func (r *rejects) add(reason string) { r.mu.Lock(); r.n[reason]++; r.mu.Unlock() }
func (r *rejects) get(reason string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n[reason]
}

type testAdapter struct {
	*Adapter
	engine  *fakeEngine
	slack   *fakeSlack
	rejects *rejects
	mux     *http.ServeMux
}

// newCore is a chat core with nothing but an engine.
func newCore(t *testing.T, eng bot.Answerer) *chat.Core {
	t.Helper()
	c, err := chat.New(chat.Options{Answerer: eng})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testSetup is what a test may change before the adapter is built: the
// [slack] configuration (which also gives the core its policy), the
// adapter's options and the chat core's.
type testSetup struct {
	Config
	Options
	Core chat.Options
}

func newTestAdapter(t *testing.T, mutate func(*testSetup)) *testAdapter {
	t.Helper()
	fs := newFakeSlack(t)
	eng := &fakeEngine{}
	rj := &rejects{n: map[string]int{}}
	cfg := config.DefaultSlack()
	cfg.SigningSecret, cfg.BotToken, cfg.APIURL = testSecret, "xoxb-test", fs.URL+"/api/"
	o := testSetup{
		Config:  cfg,
		Options: Options{HTTPClient: fs.Client(), Reject: rj.add},
		Core:    chat.Options{Answerer: eng},
	}
	if mutate != nil {
		mutate(&o)
	}
	o.Core.Platforms = map[string]chat.Platform{Platform: o.Config.Policy()}
	core, err := chat.New(o.Core)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(o.Config, core, o.Options)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	t.Cleanup(func() { a.tasks.Close(0) })
	return &testAdapter{Adapter: a, engine: eng, slack: fs, rejects: rj, mux: mux}
}

// signed builds a request as Slack sends it, signed now.
func signed(path, contentType, body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	ts := time.Now().Unix()
	r.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	r.Header.Set("X-Slack-Signature", slacktest.Sign(testSecret, ts, []byte(body)))
	return r
}

func (ta *testAdapter) do(r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	ta.mux.ServeHTTP(rec, r)
	return rec
}

const formType = "application/x-www-form-urlencoded"

func commandForm(text string) string {
	return url.Values{
		"command": {"/ask"}, "text": {text}, "user_id": {"U2CERLKJA"}, "user_name": {"roadrunner"},
		"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"},
		"trigger_id": {"1.2.3"},
	}.Encode()
}

func eventBody(eventID, text, botID string) string {
	inner := map[string]any{
		"type": "app_mention", "user": "U2CERLKJA", "text": text, "ts": "1700000000.000100",
		"channel": "C1", "event_ts": "1700000000.000100",
	}
	if botID != "" {
		inner["bot_id"] = botID
	}
	b, _ := json.Marshal(map[string]any{
		"type": "event_callback", "token": "x", "team_id": "T1", "api_app_id": "A1",
		"event": inner, "event_id": eventID, "event_time": 1700000000,
	})
	return string(b)
}

// blockText gathers every text in a Block Kit JSON document.
func blockText(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && (k == "text" || k == "value" || k == "action_id") {
					b.WriteString(s + "\n")
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

func renderJSON(t *testing.T, a *Adapter, r chat.Reply) string {
	t.Helper()
	b, err := json.Marshal(a.blocks(r))
	if err != nil {
		t.Fatal(err)
	}
	// json.Marshal escapes <, > and & as \u003c …: undo that to look at the text.
	s := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
	return s
}
