package main

import (
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/syncbuf"
)

// TestAnswersGoOnWhileTheStoreIsLocked holds the SQLite store's write lock
// from another connection (as a stuck process would) while serve answers
// 60 questions: every one is answered, the questions that do not fit the
// queue are lost and counted instead of waited for, the loss is logged
// once, and once the lock is gone recording resumes.
func TestAnswersGoOnWhileTheStoreIsLocked(t *testing.T) {
	const secret = "locked-store-secret"
	cfg := config.Default()
	cfg.Slack.Enabled = true
	cfg.Slack.SigningSecret = secret
	cfg.Slack.BotToken = "xoxb-test"
	cfg.Slack.APIURL = "http://127.0.0.1:1/api/"
	cfg.Limits.Questions = 1000
	cfg.Store.Path = filepath.Join(t.TempDir(), "factbot.db")
	cfg.Store.QueueSize = 10
	cfg.Store.FlushInterval = config.Duration(time.Millisecond)
	eng := enginetest.Embedded(t)
	logs := &syncbuf.Buffer{}
	inst := startInstanceLogging(t, cfg, eng, slog.New(slog.NewTextHandler(logs, nil)))

	// Another process takes the write lock and keeps it.
	locker, err := sql.Open("sqlite", "file:"+cfg.Store.Path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close()
	conn, err := locker.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	ask := func(i int) {
		t.Helper()
		body := url.Values{"command": {"/ask"}, "text": {"Is cannabis legal in Sweden?"}, "user_id": {fmt.Sprintf("U%03d", i)},
			"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {"http://127.0.0.1:1/hook"}}.Encode()
		req, _ := http.NewRequest(http.MethodPost, inst.base+"/slack/commands", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		ts := time.Now().Unix()
		req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		req.Header.Set("X-Slack-Signature", slacktest.Sign(secret, ts, []byte(body)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		reply, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(reply), "ephemeral") {
			t.Fatalf("question %d while the store is locked: %d %s", i, resp.StatusCode, reply)
		}
	}
	for i := range 60 {
		ask(i)
	}
	// Still locked: had answers waited for the store, none would be lost.
	// The writer holds one batch (what came within its interval) and the
	// queue ten; the rest are lost.
	_, m := get(t, inst.base+"/metrics")
	match := regexp.MustCompile(`(?m)^factbot_store_lost_records_total (\d+)$`).FindStringSubmatch(m)
	if match == nil {
		t.Fatalf("no factbot_store_lost_records_total in /metrics:\n%s", m)
	}
	lost, _ := strconv.Atoi(match[1])
	if lost == 0 {
		t.Errorf("nothing lost while the store was locked: the answers waited for it")
	}
	if _, err := conn.ExecContext(t.Context(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	// The lock is gone: once the writer has written what waited, new
	// questions are recorded again, and a clean stop writes what is queued.
	for deadline := time.Now().Add(20 * time.Second); ; { // a hang guard, not a timing assertion
		if _, m := get(t, inst.base+"/metrics"); strings.Contains(m, "\nfactbot_store_queued_records 0\n") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the writer did not catch up after the lock was released")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i := range 5 {
		ask(100 + i)
	}
	inst.stop()
	out := logs.String()
	if n := strings.Count(out, "questions are not being recorded"); n != 1 {
		t.Errorf("the outage was logged %d times, want once:\n%s", n, out)
	}
	if !strings.Contains(out, fmt.Sprintf("recording questions again\" lost=%d", lost)) {
		t.Errorf("the recovery was not logged with the %d lost:\n%s", lost, out)
	}
	t.Setenv("FACTBOT_STORE_PATH", cfg.Store.Path)
	code, rep, errOut := runCLI(t, "report", "unanswered", "--since", "1h")
	if code != 0 {
		t.Fatalf("report: %d %s", code, errOut)
	}
	var declined int
	if _, err := fmt.Sscanf(rep[strings.Index(rep, "\n")+1:], "%d declined", &declined); err != nil || declined+lost != 65 {
		t.Errorf("%d declined questions recorded (%v) and %d lost, want 65 in all:\n%s", declined, err, lost, rep)
	}
}
