package discord

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/discord/discordtest"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

// guard is the failure guard for waits: tests wait on events, and only
// fail if nothing happens for this long.
const guard = discordtest.Guard

// testLogger writes the adapter's log to the test log.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// penaltyAnswer is what a fake engine says about an amount.
func penaltyAnswer(q bot.Question) bot.Answer {
	return bot.Answer{
		Question: q.Text, Answered: true, Intent: bot.IntentPenalty,
		Text:        "Possession of up to 15 g is fined; more can mean prison.",
		Sources:     []bot.Source{{Section: "Penalties", Text: "…"}},
		LegalNotice: true,
		Attribution: bot.Attribution{Publisher: "Wikipedia", Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"},
		Lang:        "en",
	}
}

// recordingAnswerer answers every question with penaltyAnswer and reports
// each question on a channel.
func recordingAnswerer() (bot.Answerer, chan bot.Question) {
	qs := make(chan bot.Question, 20)
	return testEngine{bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		qs <- q
		return penaltyAnswer(q)
	})}, qs
}

// testEngine is an answerer with what the engine offers the core for help:
// example questions and messages with the subject filled in.
type testEngine struct{ bot.AnswererFunc }

func (testEngine) Examples(lang string) []string {
	if lang == "nb" {
		return []string{"Hva er straffen for 20 gram?"}
	}
	return []string{"What is the penalty for 20 grams?"}
}

func (testEngine) Message(lang, key string) string {
	return bot.Message(lang, key, "subject", "cannabis law in Norway", "title", "Cannabis in Norway",
		"license", "CC BY-SA 4.0", "url", "https://en.wikipedia.org/wiki/Cannabis_in_Norway")
}

// testSetup is what a test may change before the adapter is built: the
// adapter's options and the chat core's (the platform policy comes from
// the Config, as serve makes it).
type testSetup struct {
	Options
	Core chat.Options
}

// newAdapter builds the adapter over a chat core around ans, as serve
// does: /facts and /factbot-report are registered when the core has cards
// and an event store.
func newAdapter(t testing.TB, cfg Config, ans bot.Answerer, opts Options, mods ...func(*testSetup)) (*Adapter, error) {
	t.Helper()
	s := testSetup{Options: opts, Core: chat.Options{Answerer: ans, Logger: opts.Logger}}
	for _, m := range mods {
		m(&s)
	}
	s.Core.Platforms = map[string]chat.Platform{Platform: cfg.Policy()}
	core, err := chat.New(s.Core)
	if err != nil {
		t.Fatal(err)
	}
	s.Options.Facts, s.Options.Reports = s.Core.Cards != nil, s.Core.Events != nil
	return New(cfg, core, s.Options)
}

// waitFor polls cond until it holds; a condition, not a timing assertion.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestMain fails the run if adapter, session or fake goroutines outlive
// the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if leak := waitNoLeaks(); leak != "" {
			os.Stderr.WriteString("goroutines left running after the tests:\n" + leak)
			code = 1
		}
	}
	os.Exit(code)
}

func waitNoLeaks() string {
	deadline := time.Now().Add(guard)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var leaks []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "discordgo.(*Session)") || strings.Contains(g, "discord.(*Adapter)") || strings.Contains(g, "discordtest.(*Server)") {
				leaks = append(leaks, g)
			}
		}
		if len(leaks) == 0 {
			return ""
		}
		if time.Now().After(deadline) {
			return strings.Join(leaks, "\n\n")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
