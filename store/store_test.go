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

	bolt "go.etcd.io/bbolt"

	"github.com/factbot/factbot/bot"
)

// clock is a fake time.Now that tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func open(t *testing.T, path string, c *clock) *Store {
	t.Helper()
	s, err := Open(t.Context(), path, Options{Now: c.Now, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func all(t *testing.T, s *Store, q bot.EventQuery) []bot.Event {
	t.Helper()
	var out []bot.Event
	if err := s.Scan(t.Context(), q, func(e bot.Event) error { out = append(out, e); return nil }); err != nil {
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
	path := filepath.Join(t.TempDir(), "sub", "factbot.db")
	c := newClock()
	s := open(t, path, c)
	want := question(c, "U123", "Is it legal in Sweden?", false)
	if err := s.Record(t.Context(), want); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Minute)
	if err := s.Record(t.Context(), question(c, "U456", "What is the penalty for 20 g?", true)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// A new Store on the same file, as after a restart of the process.
	s2 := open(t, path, c)
	got := all(t, s2, bot.EventQuery{})
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
	declined := all(t, s2, bot.EventQuery{Kind: bot.EventQuestion, Declined: true})
	if len(declined) != 1 || declined[0].Question != want.Question {
		t.Errorf("declined filter: %+v", declined)
	}
	since := all(t, s2, bot.EventQuery{Since: c.Now()})
	if len(since) != 1 || !since[0].Answered {
		t.Errorf("since filter: %+v", since)
	}
	// The salt stays with the file: the same user hashes alike after a
	// restart, and the raw ID is nowhere in the file.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("U123")) {
		t.Error("the raw user ID is in the file")
	}
}

func TestSaltPerInstall(t *testing.T) {
	c := newClock()
	a := open(t, filepath.Join(t.TempDir(), "a.db"), c)
	b := open(t, filepath.Join(t.TempDir(), "b.db"), c)
	if a.HashUser("slack", "U1") == b.HashUser("slack", "U1") {
		t.Error("two installs hash a user alike: the salt is not per install")
	}
	if a.HashUser("slack", "U1") == a.HashUser("discord", "U1") {
		t.Error("the platform is not part of the hash")
	}
}

func TestFeedbackOncePerUserAndAnswer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	c := newClock()
	s := open(t, path, c)
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
	// Another user counts; so does the same user on another platform
	// (another account).
	if got, err := rec.Feedback(t.Context(), "discord", "U3", q.AnswerID, bot.VoteDown); err != nil || got != bot.FeedbackRecorded {
		t.Fatalf("second user: %v, %v", got, err)
	}
	// Dedup survives a restart.
	s2 := open(t, path, c)
	rec2 := bot.NewRecorder(s2, bot.RecorderOptions{Now: c.Now})
	if got, err := rec2.Feedback(t.Context(), "discord", "U2", q.AnswerID, bot.VoteDown); err != nil || got != bot.FeedbackDuplicate {
		t.Fatalf("after restart: %v, %v; want duplicate", got, err)
	}
	fb := all(t, s2, bot.EventQuery{Kind: bot.EventFeedback})
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
}

func TestRetention(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	c := newClock()
	s, err := Open(t.Context(), path, Options{Now: c.Now, Retention: 10 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	old := question(c, "U1", "old question", false)
	if err := s.Record(t.Context(), old); err != nil {
		t.Fatal(err)
	}
	if _, err := bot.NewRecorder(s, bot.RecorderOptions{Now: c.Now}).Feedback(t.Context(), "slack", "U9", old.AnswerID, bot.VoteUp); err != nil {
		t.Fatal(err)
	}
	c.Add(9 * 24 * time.Hour)
	recent := question(c, "U1", "recent question", false)
	if err := s.Record(t.Context(), recent); err != nil {
		t.Fatal(err)
	}
	if n := len(all(t, s, bot.EventQuery{})); n != 3 {
		t.Fatalf("%d events before expiry, want 3", n)
	}

	// Two days on, the first question and its vote are older than ten
	// days: the next write removes them (writes prune at most hourly).
	c.Add(2 * 24 * time.Hour)
	if err := s.Record(t.Context(), question(c, "U2", "newest question", false)); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range all(t, s, bot.EventQuery{}) {
		texts = append(texts, e.Question)
	}
	if strings.Join(texts, "|") != "recent question|newest question" {
		t.Errorf("after retention: %q", texts)
	}
	// The vote index went too: the same user may vote on a reused ID.
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketVotes).Stats().KeyN; n != 0 {
			t.Errorf("%d votes left after retention, want 0", n)
		}
		if n := tx.Bucket(bucketAnswers).Stats().KeyN; n != 2 {
			t.Errorf("%d answer index entries, want 2", n)
		}
		return nil
	})
	db.Close()

	// Opening prunes too.
	c.Add(30 * 24 * time.Hour)
	s2, err := Open(t.Context(), path, Options{Now: c.Now, Retention: 10 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s2.Count(t.Context()); n != 0 {
		t.Errorf("%d events after opening a month later, want 0", n)
	}
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

func TestTruncatedFileIsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	c := newClock()
	s := open(t, path, c)
	var batch []bot.Event
	for i := range 3000 {
		batch = append(batch, question(c, "U1", strings.Repeat("a long question ", 5)+string(rune('a'+i%26)), i%2 == 0))
	}
	if err := s.RecordBatch(t.Context(), batch); err != nil {
		t.Fatal(err)
	}
	// Cut the file below the pages bbolt uses (the file itself may be
	// longer: it grows in steps).
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	var used int64
	_ = db.View(func(tx *bolt.Tx) error { used = tx.Size(); return nil })
	db.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int64{used / 2, used - 4096, 3 * 4096, 100} {
		cut := filepath.Join(t.TempDir(), "cut.db")
		data, _ := os.ReadFile(path)
		if err := os.WriteFile(cut, data[:size], 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(t.Context(), cut, Options{})
		t.Logf("cut to %d: %v", size, err)
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), cut) {
			t.Errorf("file cut to %d of %d bytes: %v; want ErrCorrupt naming the path", size, info.Size(), err)
		}
	}
}

func TestDamagedPagesAreAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	c := newClock()
	s := open(t, path, c)
	var batch []bot.Event
	for range 2000 {
		batch = append(batch, question(c, "U1", "what is the penalty in sweden for this", false))
	}
	if err := s.RecordBatch(t.Context(), batch); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over every page after the two meta pages: the meta pages
	// still check out, the tree does not.
	for i := 2 * 4096; i < len(data); i += 7 {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(t.Context(), path, Options{})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
		t.Fatalf("damaged pages: %v; want ErrCorrupt naming the path", err)
	}
}

func TestForeignBoltFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	db.Close()
	if _, err := Open(t.Context(), path, Options{}); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("another program's bbolt file: %v; want ErrCorrupt", err)
	}
}

func TestLockedFileIsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	c := newClock()
	s := open(t, path, c)
	holder, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(t.Context(), path, Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Fatalf("locked file: %v; want ErrLocked naming the path", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("waited %s for a 100ms timeout", d)
	}
	if err := s.Record(t.Context(), question(c, "U", "q", false)); !errors.Is(err, ErrLocked) {
		t.Errorf("record on a locked file: %v; want ErrLocked", err)
	}
	holder.Close()
	// Released, it works again: the store holds the file only during a
	// transaction, so a report and serve can share it.
	if err := s.Record(t.Context(), question(c, "U", "q", false)); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentWritersAndReaders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "factbot.db")
	c := newClock()
	// Two handles contend through the file lock, which bbolt polls every
	// 50 ms: give them the default timeout, not the tests' short one.
	s, err := Open(t.Context(), path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(t.Context(), path, Options{Now: c.Now}) // a second handle, as a report beside serve
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for range 10 {
				if err := s.Record(context.Background(), question(c, "U", "q", i%2 == 0)); err != nil {
					t.Error(err)
				}
				if err := other.Scan(context.Background(), bot.EventQuery{}, func(bot.Event) error { return nil }); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if n, _ := other.Count(t.Context()); n != 40 {
		t.Errorf("%d events, want 40", n)
	}
}

func TestScanStopsOnCallbackErrorAndContext(t *testing.T) {
	c := newClock()
	s := open(t, filepath.Join(t.TempDir(), "factbot.db"), c)
	_ = s.Record(t.Context(), question(c, "U", "q", false))
	stop := errors.New("stop")
	if err := s.Scan(t.Context(), bot.EventQuery{}, func(bot.Event) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("callback error: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s.Scan(ctx, bot.EventQuery{}, func(bot.Event) error { return nil }); !errors.Is(err, context.Canceled) {
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

// BenchmarkRecord is the cost the Recorder adds to an answer: open the
// file, one committed (fsynced) transaction, close.
func BenchmarkRecord(b *testing.B) {
	c := newClock()
	s, err := Open(b.Context(), filepath.Join(b.TempDir(), "factbot.db"), Options{Now: c.Now})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.Record(b.Context(), question(c, "U1", "Is cannabis legal in Sweden?", false)); err != nil {
			b.Fatal(err)
		}
	}
}
