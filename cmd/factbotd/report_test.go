package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/metrics"
	"github.com/factbot/factbot/store"
	"github.com/factbot/factbot/store/storetest"
)

// storeEnv points the store config at a fresh file for this test, as an
// operator would with FACTBOT_STORE_PATH.
func storeEnv(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "factbot.db")
	t.Setenv("FACTBOT_STORE_PATH", path)
	return path
}

// servedAnswerer asks questions through the chat core serve builds around
// the real engine for the store config in the environment, and returns a
// function that writes what the store queued (as a clean stop does).
func servedAnswerer(t *testing.T) (bot.Answerer, func()) {
	t.Helper()
	cfg, err := config.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	eng := enginetest.Embedded(t)
	log := slog.New(slog.DiscardHandler)
	rec, err := openRecording(t.Context(), cfg.Store, log)
	if err != nil {
		t.Fatal(err)
	}
	p, flush := engineParts(eng), func() {}
	if rec != nil {
		t.Cleanup(func() { rec.close(context.Background(), log) })
		p = rec.parts(eng.Bot)
		flush = func() {
			if err := rec.writer.Flush(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
	}
	core, err := newCore(cfg, p, metrics.New(), log)
	if err != nil {
		t.Fatal(err)
	}
	return bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		r := core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Platform: q.Platform, User: q.User, Text: q.Text})
		if r.Answer == nil {
			t.Fatalf("%q: no answer (%s)", q.Text, r.Status)
		}
		return *r.Answer
	}), flush
}

func TestReportUnansweredThroughTheEngine(t *testing.T) {
	path := storeEnv(t)
	ans, flush := servedAnswerer(t)
	ctx := context.Background()
	asked := []struct{ user, q string }{
		{"U-ALICE", "Is cannabis legal in Sweden?"},
		{"U-BOB", "is cannabis legal in sweden"},
		{"U-ALICE", "Is cannabis legal in Sweden!!"},
		{"U-CAROL", "Can I grow cannabis plants at home?"},
		{"U-DAVE", "What is the penalty for 20 grams?"}, // answered: not in the report
		{"U-DAVE", "help"},                              // not a gap
	}
	declined := 0
	for _, a := range asked {
		got := ans.Answer(ctx, bot.Question{Text: a.q, Platform: "discord", User: a.user})
		if got.ID == "" {
			t.Fatalf("%q: no answer ID", a.q)
		}
		if !got.Answered && got.Intent != bot.IntentHelp {
			declined++
		}
	}
	if declined != 4 {
		t.Fatalf("the engine declined %d of the questions, want 4", declined)
	}
	flush()

	// The report runs as a new process would: it opens the file afresh.
	code, out, errOut := runCLI(t, "report", "unanswered", "--since", "7d")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	t.Logf("\n%s", out)
	if !regexp.MustCompile(`(?m)^\s+3\s+2\s+other_country\s+\S+ \S+\s+is cannabis legal in sweden$`).MatchString(out) {
		t.Errorf("report lacks the grouped Sweden question with count 3 and 2 users:\n%s", out)
	}
	if !strings.Contains(out, "4 declined questions, 2 different") {
		t.Errorf("report totals wrong:\n%s", out)
	}
	if strings.Contains(out, "20 grams") || strings.Contains(out, "help") {
		t.Errorf("answered or help questions in the report:\n%s", out)
	}
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"U-ALICE", "U-BOB", "U-CAROL", st.HashUser("discord", "U-ALICE")} {
		if strings.Contains(out, u) {
			t.Errorf("the report prints user ID %q", u)
		}
	}

	code, out, _ = runCLI(t, "report", "unanswered", "--top", "1", "--json")
	var rep bot.UnansweredReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
	}
	if len(rep.Rows) != 1 || rep.Rows[0].Count != 3 || rep.Declined != 4 {
		t.Errorf("--json --top 1: %+v", rep)
	}
}

func TestReportFeedback(t *testing.T) {
	path := storeEnv(t)
	ans, flush := servedAnswerer(t)
	ctx := context.Background()
	a := ans.Answer(ctx, bot.Question{Text: "What is the penalty for 20 grams?", Platform: "slack", User: "U1"})
	flush()
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := bot.NewRecorder(st, bot.RecorderOptions{})
	for _, user := range []string{"U2", "U2", "U3"} {
		if _, err := rec.Feedback(ctx, "slack", user, a.ID, bot.VoteDown); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI(t, "report", "feedback")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	t.Logf("\n%s", out)
	for _, want := range []string{"2 👎 and 0 👍 in all", "  2 👎   0 👍  20 grams is more than", "[Enforcement]", `asked as: "what is the penalty for 20 grams" ×1`} {
		if !strings.Contains(out, want) {
			t.Errorf("feedback report lacks %q:\n%s", want, out)
		}
	}
}

func TestReportErrors(t *testing.T) {
	path := storeEnv(t)
	code, _, errOut := runCLI(t, "report", "unanswered")
	if code != 1 || !strings.Contains(errOut, "no store at "+path) {
		t.Errorf("missing store: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the report created a store")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte{0xde, 0xad}, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "report", "unanswered")
	if code != 1 || !strings.Contains(errOut, path) || !strings.Contains(errOut, "corrupt") {
		t.Errorf("corrupt store: exit %d, %q", code, errOut)
	}
	for _, args := range [][]string{
		{"report"}, {"report", "questions"}, {"report", "unanswered", "--since", "soon"},
		{"report", "unanswered", "--since", "-3d"}, {"report", "feedback", "extra"}, {"report", "unanswered", "--bogus"},
	} {
		if code, _, errOut := runCLI(t, args...); code != 2 || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	t.Setenv("FACTBOT_STORE_URL", "postgres://factbot:hunter2-pw@127.0.0.1:1/factbot?connect_timeout=2")
	if code, _, errOut := runCLI(t, "report", "unanswered"); code != 1 || !strings.Contains(errOut, "127.0.0.1:1") || strings.Contains(errOut, "hunter2") {
		t.Errorf("unreachable database: exit %d, %q; want 1, the server named, no password", code, errOut)
	}
	t.Setenv("FACTBOT_STORE_URL", "")
	t.Setenv("FACTBOT_STORE_ENABLED", "false")
	if code, _, errOut := runCLI(t, "report", "unanswered"); code != 2 || !strings.Contains(errOut, "disabled") {
		t.Errorf("disabled store: exit %d, %q", code, errOut)
	}
	if code, out, _ := runCLI(t, "report", "-h"); code != 0 || !strings.Contains(out, "unanswered") || !strings.Contains(out, "-since") {
		t.Errorf("report -h: exit %d, %q", code, out)
	}
}

func TestServeStopsOnACorruptStore(t *testing.T) {
	path := storeEnv(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("garbage, not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FACTBOT_HTTP_ADDR", "127.0.0.1:0")
	var stderr bytes.Buffer
	if code := runServe(t.Context(), nil, io.Discard, &stderr); code != 1 || !strings.Contains(stderr.String(), path) {
		t.Errorf("serve on a corrupt store: exit %d, %q; want 1 and the path", code, stderr.String())
	}
}

func TestParseSince(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"7d": 7 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "36h": 36 * time.Hour, "90m": 90 * time.Minute,
		"all": 0, "0": 0, " 1D ": 24 * time.Hour,
	} {
		if got, err := parseSince(in); err != nil || got != want {
			t.Errorf("parseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"d", "1.5d", "-1h", "week", "0d"} {
		if _, err := parseSince(in); err == nil {
			t.Errorf("parseSince(%q) accepted", in)
		}
	}
}

// fillStore writes n records as storetest.Fill does and checks the store
// holds them all. It returns how many were declined.
func fillStore(b *testing.B, st *store.Store, n int) int {
	b.Helper()
	declined := storetest.Fill(b, st, n)
	if got, err := st.Count(context.Background()); err != nil || got != n {
		b.Fatalf("store holds %d events (%v), want %d", got, err, n)
	}
	return declined
}

// BenchmarkReportUnanswered runs `factbotd report unanswered` end to end
// (config, opening the store, migrations and retention, the SQL report,
// printing) over a SQLite store of a million records (see fillStore). The
// bar is under a second per report.
func BenchmarkReportUnanswered(b *testing.B) {
	path := filepath.Join(b.TempDir(), "factbot.db")
	b.Setenv("FACTBOT_STORE_PATH", path)
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	declined := fillStore(b, st, 1_000_000)
	var worst time.Duration
	for b.Loop() {
		t0 := time.Now()
		var out, errOut bytes.Buffer
		if code := run(ctx, []string{"report", "unanswered", "--since", "all"}, &out, &errOut); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut.String())
		}
		worst = max(worst, time.Since(t0))
		if !strings.Contains(out.String(), fmt.Sprintf("%d declined questions, 500 different", declined)) {
			b.Fatalf("unexpected report:\n%s", out.String())
		}
	}
	b.ReportMetric(worst.Seconds()*1000, "worst-ms")
	if info, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "file-MiB")
	}
}

// BenchmarkAnswersDuringReport measures signed slash commands answered by
// the whole serve stack with the default store (SQLite, a million records,
// see fillStore) while the store is otherwise idle, and while a moderator's
// `factbotd report unanswered` (another connection, as from another
// process) runs back to back. An answer never waits for a report: SQLite
// in WAL mode lets the writer and the report's reader run together, and
// the answer path only queues. What slows answers is the CPU the report
// takes from them on a small machine.
func BenchmarkAnswersDuringReport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "factbot.db")
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	fillStore(b, st, 1_000_000)
	reqs := signedCommands(20_000)
	h := storeHandlerAt(b, path)
	check(b, h, reqs[0])
	for _, reporting := range []bool{false, true} {
		name := "idle"
		if reporting {
			name = "report-running"
		}
		b.Run(name, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan int)
			go func() {
				n := 0
				for reporting && ctx.Err() == nil {
					if _, err := st.UnansweredReport(ctx, bot.ReportOptions{Top: 20}); err != nil && ctx.Err() == nil {
						b.Error(err)
						break
					}
					n++
				}
				done <- n
			}()
			var next atomic.Int64
			var mu sync.Mutex
			var worst time.Duration
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var mine time.Duration
				for pb.Next() {
					sr := reqs[int(next.Add(1))%len(reqs)]
					r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(sr.body))
					r.Header = sr.header.Clone()
					w := httptest.NewRecorder()
					t0 := time.Now()
					h.ServeHTTP(w, r)
					mine = max(mine, time.Since(t0))
					if w.Code != 200 {
						b.Fatalf("code %d", w.Code)
					}
				}
				mu.Lock()
				worst = max(worst, mine)
				mu.Unlock()
			})
			b.StopTimer()
			cancel()
			reports := <-done
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
			if reporting {
				b.ReportMetric(float64(reports), "reports")
			}
		})
	}
}
