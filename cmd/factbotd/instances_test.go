package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/store/storetest"
)

// instance is one `factbotd serve` stack (engine, store writer, Slack
// adapter, listener) running in this process.
type instance struct {
	base string
	stop func() // stops serving, then writes the store's queue, as SIGTERM does
}

func startInstance(t *testing.T, cfg config.Config, eng *engine.Engine) instance {
	return startInstanceLogging(t, cfg, eng, slog.New(slog.DiscardHandler))
}

func startInstanceLogging(t *testing.T, cfg config.Config, eng *engine.Engine, log *slog.Logger) instance {
	t.Helper()
	rec, err := openRecording(t.Context(), cfg.Store, log)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, rec.parts(eng.Bot), ln, log, nil) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve = %v", err)
		}
		if err := rec.close(context.Background(), log); err != nil {
			t.Errorf("closing the store: %v", err)
		}
	}
	t.Cleanup(stop)
	return instance{base: "http://" + ln.Addr().String(), stop: stop}
}

// TestTwoInstancesOnOnePostgres runs two serve stacks on one PostgreSQL
// database, as two replicas behind a load balancer: a Slack event that
// reaches both (the second time as Slack's retry) is answered once, and
// the report shows both instances' declined questions, and the per-user
// rate limit holds across them.
func TestTwoInstancesOnOnePostgres(t *testing.T) {
	dbURL := storetest.PostgresURL(t)
	const secret = "two-instances-secret"
	var posts atomic.Int64
	fakeSlack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/chat.postMessage" {
			posts.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true,"channel":"C1","ts":"1700000000.000200"}`))
	}))
	defer fakeSlack.Close()

	cfg := config.Default()
	cfg.Slack.Enabled = true
	cfg.Slack.SigningSecret = secret
	cfg.Slack.BotToken = "xoxb-test"
	cfg.Slack.APIURL = fakeSlack.URL + "/api/"
	cfg.Store.URL = config.Secret(dbURL)
	cfg.Limits.Questions, cfg.Limits.Per = 2, config.Duration(time.Minute)
	eng := enginetest.Embedded(t)
	a, b := startInstance(t, cfg, eng), startInstance(t, cfg, eng)

	post := func(base, path, contentType, body string, header http.Header) string {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
		req.Header = header.Clone()
		req.Header.Set("Content-Type", contentType)
		ts := time.Now().Unix()
		req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		req.Header.Set("X-Slack-Signature", slacktest.Sign(secret, ts, []byte(body)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		reply, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s%s: %d %s", base, path, resp.StatusCode, reply)
		}
		return string(reply)
	}

	// One @mention, delivered to A, then retried by Slack to B.
	event, _ := json.Marshal(map[string]any{
		"type": "event_callback", "token": "x", "team_id": "T1", "api_app_id": "A1", "event_id": "Ev0TWOINST",
		"event_time": 1700000000,
		"event": map[string]any{"type": "app_mention", "user": "U-MENTION", "text": "<@UBOT> Is cannabis legal in Denmark?",
			"ts": "1700000000.000100", "channel": "C1", "event_ts": "1700000000.000100"},
	})
	post(a.base, "/slack/events", "application/json", string(event), http.Header{})
	post(b.base, "/slack/events", "application/json", string(event), http.Header{
		"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_timeout"}})

	// Declined questions on each instance, from different people.
	ask := func(base, user, text string) {
		t.Helper()
		body := url.Values{"command": {"/ask"}, "text": {text}, "user_id": {user}, "channel_id": {"C1"},
			"team_id": {"T1"}, "response_url": {fakeSlack.URL + "/hook"}}.Encode()
		if reply := post(base, "/slack/commands", "application/x-www-form-urlencoded", body, http.Header{}); !strings.Contains(reply, "ephemeral") {
			t.Fatalf("/ask %q: %s", text, reply)
		}
	}
	ask(a.base, "U-A1", "Is cannabis legal in Sweden?")
	ask(a.base, "U-A2", "is cannabis legal in sweden")
	ask(b.base, "U-B1", "Is cannabis legal in Sweden!")
	ask(b.base, "U-B2", "What does a beer cost in Oslo?")

	// The rate limit (2 questions a minute here) holds across instances:
	// a user alternating between them gets two answers, not four.
	answered := 0
	for i := range 4 {
		base := a.base
		if i%2 == 1 {
			base = b.base
		}
		body := url.Values{"command": {"/ask"}, "text": {"What is the penalty for 20 grams?"}, "user_id": {"U-FLOOD"},
			"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {fakeSlack.URL + "/hook"}}.Encode()
		if reply := post(base, "/slack/commands", "application/x-www-form-urlencoded", body, http.Header{}); !strings.Contains(reply, "faster than I answer") {
			answered++
		}
	}
	if answered != 2 {
		t.Errorf("a user alternating between the instances got %d answers, want 2 (limit 2 a minute)", answered)
	}

	// SIGTERM to both: in-flight replies finish, queues are written.
	a.stop()
	b.stop()
	if n := posts.Load(); n != 1 {
		t.Errorf("the event delivered to both instances was posted %d times, want once", n)
	}

	// The report, as a moderator runs it against that database.
	t.Setenv("FACTBOT_STORE_URL", dbURL)
	code, out, errOut := runCLI(t, "report", "unanswered", "--since", "1h")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	t.Logf("\n%s", out)
	if !regexp.MustCompile(`(?m)^\s+3\s+3\s+other_country\s+\S+ \S+\s+is cannabis legal in sweden$`).MatchString(out) {
		t.Errorf("the report lacks Sweden asked 3 times by 3 people on the two instances:\n%s", out)
	}
	for _, want := range []string{"is cannabis legal in denmark", "what does a beer cost in oslo", "5 declined questions, 3 different"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, strings.Split(dbURL, "?")[0]) {
		t.Error("the report printed the database URL")
	}
}

// TestSIGTERMWritesEveryDeclinedQuestion runs `factbotd serve` (runServe,
// as main does, on the default SQLite store), asks 300 questions it
// declines, sends the process SIGTERM, and counts them in the report:
// a clean stop writes the queue.
func TestSIGTERMWritesEveryDeclinedQuestion(t *testing.T) {
	storeEnv(t)
	const secret = "sigterm-secret"
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := free.Addr().String()
	free.Close()
	t.Setenv("FACTBOT_HTTP_ADDR", addr)
	t.Setenv("FACTBOT_SLACK_ENABLED", "true")
	t.Setenv("FACTBOT_SLACK_SIGNING_SECRET", secret)
	t.Setenv("FACTBOT_SLACK_BOT_TOKEN", "xoxb-test")
	t.Setenv("FACTBOT_SLACK_API_URL", "http://127.0.0.1:1/api/") // slash commands reply in the response
	// A flush interval longer than the test: only the stop writes them.
	t.Setenv("FACTBOT_STORE_FLUSH_INTERVAL", "1h")

	ctx, stopSignals := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stopSignals()
	done := make(chan int, 1)
	go func() { done <- runServe(ctx, nil, io.Discard, io.Discard) }()
	base := "http://" + addr
	for deadline := time.Now().Add(30 * time.Second); ; { // a start-up guard, not a timing assertion
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}

	const questions = 300
	countries := []string{"Sweden", "Denmark", "Finland", "Germany", "France", "Spain"}
	errs := make(chan error, questions)
	jobs := make(chan int)
	for range 8 {
		go func() {
			for i := range jobs {
				body := url.Values{"command": {"/ask"}, "text": {"Is cannabis legal in " + countries[i%len(countries)] + "?"},
					"user_id": {fmt.Sprintf("U%04d", i)}, "channel_id": {"C1"}, "team_id": {"T1"},
					"response_url": {"http://127.0.0.1:1/hook"}}.Encode()
				req, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				ts := time.Now().Unix()
				req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
				req.Header.Set("X-Slack-Signature", slacktest.Sign(secret, ts, []byte(body)))
				resp, err := http.DefaultClient.Do(req)
				if err == nil {
					reply, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK || !strings.Contains(string(reply), "ephemeral") {
						err = fmt.Errorf("question %d: %d %s", i, resp.StatusCode, reply)
					}
				}
				errs <- err
			}
		}()
	}
	for i := range questions {
		jobs <- i
	}
	close(jobs)
	for range questions {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}

	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 0 {
		t.Fatalf("serve exited %d after SIGTERM", code)
	}
	code, out, errOut := runCLI(t, "report", "unanswered", "--since", "1h")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d declined questions, %d different", questions, len(countries))) {
		t.Errorf("report after SIGTERM: exit %d\n%s%s", code, out, errOut)
	}
}
