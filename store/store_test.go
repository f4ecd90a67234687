package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/store/storetest"
)

// clock is a fake time.Now that tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// db is one test database: opening it again is another process (or
// instance) on the same data.
type db struct {
	source string
}

func (d db) open(t testing.TB, o Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), d.source, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newDB is a fresh database of the engine: a file in a temporary
// directory, or a schema of its own on the test PostgreSQL server.
func newDB(t testing.TB, e Engine) db {
	if e == Postgres {
		return db{storetest.PostgresURL(t)}
	}
	return db{filepath.Join(t.TempDir(), "sub", "factbot.db")}
}

// engines runs fn against SQLite, and against PostgreSQL when the test
// server is set (it skips that subtest otherwise).
func engines(t *testing.T, fn func(t *testing.T, e Engine)) {
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) { fn(t, e) })
	}
}

func all(t testing.TB, s *Store, q Query) []bot.Event {
	t.Helper()
	var out []bot.Event
	if err := s.Scan(context.Background(), q, func(e bot.Event) error { out = append(out, e); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func question(c *clock, user, text string, answered bool) bot.Event {
	e := bot.Event{Time: c.Now(), Kind: bot.EventQuestion, Platform: "discord", User: user, Question: text,
		Intent: bot.IntentSearch, Answered: answered, AnswerID: bot.NewAnswerID(c.Now())}
	if answered {
		e.Answer, e.Section = "An answer.", "Enforcement"
	} else {
		e.Reason = "off_topic"
	}
	return e
}

func TestRoundTripAndRestart(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		c := newClock()
		s := d.open(t, Options{Now: c.Now})
		want := question(c, "U123", "Is it legal in Sweden?", false)
		if err := s.Record(t.Context(), want); err != nil {
			t.Fatal(err)
		}
		c.Add(time.Minute)
		if err := s.Record(t.Context(), question(c, "U456", "What is the penalty for 20 g?", true)); err != nil {
			t.Fatal(err)
		}
		s.Close()

		// A new Store on the same database, as after a restart.
		s2 := d.open(t, Options{Now: c.Now})
		got := all(t, s2, Query{})
		if len(got) != 2 {
			t.Fatalf("got %d events after reopening, want 2", len(got))
		}
		e := got[0]
		if !e.Time.Equal(want.Time) || e.Question != want.Question || e.Platform != "discord" || e.Answered ||
			e.Reason != "off_topic" || e.Intent != bot.IntentSearch || e.AnswerID != want.AnswerID || e.Kind != bot.EventQuestion {
			t.Errorf("event read back differs:\n got %+v\nwant %+v", e, want)
		}
		if e.User == "U123" || e.User != s2.HashUser("discord", "U123") || len(e.User) != 16 {
			t.Errorf("user stored as %q: want the salted hash", e.User)
		}
		if got[1].Answer != "An answer." || got[1].Section != "Enforcement" || !got[1].Answered {
			t.Errorf("answered event read back as %+v", got[1])
		}
		declined := all(t, s2, Query{Kind: bot.EventQuestion, Declined: true})
		if len(declined) != 1 || declined[0].Question != want.Question {
			t.Errorf("declined filter: %+v", declined)
		}
		since := all(t, s2, Query{Since: c.Now()})
		if len(since) != 1 || !since[0].Answered {
			t.Errorf("since filter: %+v", since)
		}
		if eng == SQLite {
			// The raw ID is nowhere in the file (nor its write-ahead log).
			for _, p := range []string{d.source, d.source + "-wal"} {
				data, err := os.ReadFile(p)
				if err != nil && !errors.Is(err, os.ErrNotExist) {
					t.Fatal(err)
				}
				if bytes.Contains(data, []byte("U123")) {
					t.Errorf("the raw user ID is in %s", p)
				}
			}
		}
	})
}

func TestSaltPerInstall(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		a := newDB(t, eng).open(t, Options{})
		b := newDB(t, eng).open(t, Options{})
		if a.HashUser("slack", "U1") == b.HashUser("slack", "U1") {
			t.Error("two installs hash a user alike: the salt is not per install")
		}
		if a.HashUser("slack", "U1") == a.HashUser("discord", "U1") {
			t.Error("the platform is not part of the hash")
		}
	})
}

func TestInstancesShareTheSalt(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		// Two instances starting at once on a new database: one salt.
		var wg sync.WaitGroup
		stores := make([]*Store, 2)
		for i := range stores {
			wg.Go(func() {
				s, err := Open(context.Background(), d.source, Options{})
				if err != nil {
					t.Error(err)
					return
				}
				stores[i] = s
			})
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		defer stores[0].Close()
		defer stores[1].Close()
		if stores[0].HashUser("slack", "U1") != stores[1].HashUser("slack", "U1") {
			t.Error("two instances on one database hash a user differently")
		}
	})
}

func TestFeedbackOncePerUserAndAnswer(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		c := newClock()
		s := d.open(t, Options{Now: c.Now})
		q := question(c, "U1", "what about 20g", true)
		if err := s.Record(t.Context(), q); err != nil {
			t.Fatal(err)
		}
		rec := bot.NewRecorder(s, bot.RecorderOptions{Now: c.Now})
		for i, want := range []bot.FeedbackResult{bot.FeedbackRecorded, bot.FeedbackDuplicate, bot.FeedbackDuplicate} {
			vote := bot.VoteDown
			if i == 2 {
				vote = bot.VoteUp // changing one's mind does not count twice either
			}
			got, err := rec.Feedback(t.Context(), "discord", "U2", q.AnswerID, vote)
			if err != nil || got != want {
				t.Fatalf("click %d: %v, %v; want %v", i+1, got, err, want)
			}
		}
		// Another user counts.
		if got, err := rec.Feedback(t.Context(), "discord", "U3", q.AnswerID, bot.VoteDown); err != nil || got != bot.FeedbackRecorded {
			t.Fatalf("second user: %v, %v", got, err)
		}
		// Dedup holds for another instance (or after a restart).
		s2 := d.open(t, Options{Now: c.Now})
		rec2 := bot.NewRecorder(s2, bot.RecorderOptions{Now: c.Now})
		if got, err := rec2.Feedback(t.Context(), "discord", "U2", q.AnswerID, bot.VoteDown); err != nil || got != bot.FeedbackDuplicate {
			t.Fatalf("another instance: %v, %v; want duplicate", got, err)
		}
		fb := all(t, s2, Query{Kind: bot.EventFeedback})
		if len(fb) != 2 {
			t.Fatalf("%d feedback events, want 2", len(fb))
		}
		if fb[0].Question != "what about 20g" || fb[0].Answer != "An answer." || fb[0].Vote != bot.VoteDown {
			t.Errorf("feedback event not linked to its question: %+v", fb[0])
		}
		if _, err := rec2.Feedback(t.Context(), "discord", "U2", "not-an-id", bot.VoteDown); !errors.Is(err, bot.ErrUnknownAnswer) {
			t.Errorf("forged answer ID: %v, want ErrUnknownAnswer", err)
		}
		if _, err := rec2.Feedback(t.Context(), "discord", "U2", q.AnswerID, "meh"); err == nil {
			t.Error("a vote other than up or down was accepted")
		}
	})
}

func TestRetention(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		c := newClock()
		o := Options{Now: c.Now, Retention: 10 * 24 * time.Hour}
		s := d.open(t, o)
		old := question(c, "U1", "old question", false)
		if err := s.Record(t.Context(), old); err != nil {
			t.Fatal(err)
		}
		if _, err := bot.NewRecorder(s, bot.RecorderOptions{Now: c.Now}).Feedback(t.Context(), "slack", "U9", old.AnswerID, bot.VoteUp); err != nil {
			t.Fatal(err)
		}
		if ok, err := s.Claim(t.Context(), "slack:event:Ev1"); !ok || err != nil {
			t.Fatalf("claim: %v, %v", ok, err)
		}
		c.Add(9 * 24 * time.Hour)
		recent := question(c, "U1", "recent question", false)
		if err := s.Record(t.Context(), recent); err != nil {
			t.Fatal(err)
		}
		if n := len(all(t, s, Query{})); n != 3 {
			t.Fatalf("%d events before expiry, want 3", n)
		}

		// Two days on, the first question and its vote are older than ten
		// days: the next write removes them (writes prune at most hourly).
		c.Add(2 * 24 * time.Hour)
		if err := s.Record(t.Context(), question(c, "U2", "newest question", false)); err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, e := range all(t, s, Query{}) {
			texts = append(texts, e.Question)
		}
		if strings.Join(texts, "|") != "recent question|newest question" {
			t.Errorf("after retention: %q", texts)
		}
		// The old claim is gone: the key can be claimed again.
		if ok, err := s.Claim(t.Context(), "slack:event:Ev1"); !ok || err != nil {
			t.Errorf("claim after its retention: %v, %v; want a fresh claim", ok, err)
		}

		// Opening prunes too.
		c.Add(30 * 24 * time.Hour)
		s2 := d.open(t, o)
		if n, _ := s2.Count(t.Context()); n != 0 {
			t.Errorf("%d events after opening a month later, want 0", n)
		}
	})
}

func TestClaimsAcrossInstances(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		a, b := d.open(t, Options{}), d.open(t, Options{})
		// Both instances race for the same deliveries: each is won once.
		for _, key := range []string{"slack:event:Ev1", "discord:interaction:123", "slack:event:Ev2"} {
			var wg sync.WaitGroup
			wins := make(chan bool, 8)
			for i := range 8 {
				st := a
				if i%2 == 1 {
					st = b
				}
				wg.Go(func() {
					ok, err := st.Claim(context.Background(), key)
					if err != nil {
						t.Error(err)
					}
					wins <- ok
				})
			}
			wg.Wait()
			close(wins)
			n := 0
			for ok := range wins {
				if ok {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s claimed %d times, want once", key, n)
			}
		}
	})
}

func TestGarbageFileIsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("not a database "), 2000), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(t.Context(), path, Options{})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
		t.Fatalf("garbage file: %v; want ErrCorrupt naming %s", err, path)
	}
}

func TestUnreachablePostgresIsAClearErrorWithoutThePassword(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	// Port 1 on loopback: nothing listens there.
	_, err := Open(ctx, "postgres://factbot:s3cret-pw@127.0.0.1:1/factbot?sslmode=disable&connect_timeout=2", Options{})
	if err == nil {
		t.Fatal("opened a store on a server that is not there")
	}
	if strings.Contains(err.Error(), "s3cret-pw") {
		t.Errorf("the error shows the password: %v", err)
	}
	if !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("the error does not say which server: %v", err)
	}
}

func TestConcurrentWritersAndReaders(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		c := newClock()
		s, other := d.open(t, Options{Now: c.Now}), d.open(t, Options{Now: c.Now})
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Go(func() {
				for range 10 {
					if err := s.Record(context.Background(), question(c, "U", "q", i%2 == 0)); err != nil {
						t.Error(err)
					}
					if _, err := other.UnansweredReport(context.Background(), bot.ReportOptions{}); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		if n, _ := other.Count(t.Context()); n != 40 {
			t.Errorf("%d events, want 40", n)
		}
	})
}

func TestScanStopsOnCallbackErrorAndContext(t *testing.T) {
	c := newClock()
	s := newDB(t, SQLite).open(t, Options{Now: c.Now})
	_ = s.Record(t.Context(), question(c, "U", "q", false))
	stop := errors.New("stop")
	if err := s.Scan(t.Context(), Query{}, func(bot.Event) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("callback error: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s.Scan(ctx, Query{}, func(bot.Event) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, err := DefaultPath(); err != nil || p != "/data/factbot/factbot.db" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/mod")
	if p, err := DefaultPath(); err != nil || p != "/home/mod/.local/share/factbot/factbot.db" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
}

func TestPathsThatNeedEscaping(t *testing.T) {
	// The file name goes into a file: URI; spaces, ? and # must stay part
	// of the name.
	p := filepath.Join(t.TempDir(), "my data?#x", "fact bot.db")
	s, err := Open(t.Context(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(p); err != nil {
		t.Errorf("the store is not at %s: %v", p, err)
	}
}
