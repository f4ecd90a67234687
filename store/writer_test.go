package store

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/syncbuf"
)

func TestWriterDrainsOnClose(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		st := newDB(t, eng).open(t, Options{})
		// A long interval: nothing is written before Close unless a batch fills.
		w := NewWriter(st, WriterOptions{Interval: time.Hour, BatchSize: 128})
		c := newClock()
		for i := range 300 {
			if err := w.Record(t.Context(), question(c, "U", "q"+string(rune('a'+i%26)), false)); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		rep, err := st.UnansweredReport(t.Context(), bot.ReportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Declined != 300 || w.Lost() != 0 {
			t.Errorf("%d declined questions written, %d lost; want 300 and 0", rep.Declined, w.Lost())
		}
		// After Close, questions are counted as lost, not queued for nobody.
		_ = w.Record(t.Context(), question(c, "U", "late", false))
		if w.Lost() != 1 {
			t.Errorf("%d lost after Close, want 1", w.Lost())
		}
	})
}

// stalledStore is a store whose writes wait for release, or fail.
type stalledStore struct {
	release chan struct{}
	fail    atomic.Bool
	written atomic.Int64
}

func (s *stalledStore) Record(ctx context.Context, e bot.Event) error {
	return s.RecordBatch(ctx, []bot.Event{e})
}

func (s *stalledStore) RecordBatch(ctx context.Context, es []bot.Event) error {
	select {
	case <-s.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	if s.fail.Load() {
		return errors.New("connection refused")
	}
	s.written.Add(int64(len(es)))
	return nil
}

func TestWriterNeverBlocksAndCountsLossOnce(t *testing.T) {
	st := &stalledStore{release: make(chan struct{})}
	logs := &syncbuf.Buffer{}
	w := NewWriter(st, WriterOptions{QueueSize: 10, BatchSize: 5, Interval: time.Millisecond, WriteTimeout: time.Hour,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	lost := &w.total
	c := newClock()
	// The store hangs: Record still returns at once, and once the queue
	// is full the rest are lost.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 100 {
			_ = w.Record(context.Background(), question(c, "U", "q", false))
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Record blocked on a hanging store")
	}
	// At most one batch in the writer's hands and ten queued: the rest lost.
	if n := lost.Load(); n < 100-10-5 {
		t.Errorf("%d lost, want at least 85", n)
	}
	if n := strings.Count(logs.String(), "questions are not being recorded"); n != 1 {
		t.Errorf("the loss was logged %d times, want once:\n%s", n, logs)
	}

	// The store comes back: what was queued is written, and that is logged.
	close(st.release)
	if err := w.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := st.written.Load() + lost.Load(); got != 100 {
		t.Errorf("written %d + lost %d = %d, want 100", st.written.Load(), lost.Load(), got)
	}
	if !strings.Contains(logs.String(), "recording questions again") {
		t.Errorf("recovery not logged:\n%s", logs)
	}
}

func TestWriterCountsFailedWritesAndCloseTimeout(t *testing.T) {
	st := &stalledStore{release: make(chan struct{})}
	close(st.release)
	st.fail.Store(true)
	w := NewWriter(st, WriterOptions{Interval: time.Millisecond})
	lost := &w.total
	c := newClock()
	for range 7 {
		_ = w.Record(t.Context(), question(c, "U", "q", false))
	}
	if err := w.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if lost.Load() != 7 {
		t.Errorf("%d lost on a failing store, want 7", lost.Load())
	}

	// Close with no time left: what is queued is lost, and said so.
	hang := &stalledStore{release: make(chan struct{})}
	w2 := NewWriter(hang, WriterOptions{Interval: time.Hour})
	lost2 := &w2.total
	for range 5 {
		_ = w2.Record(t.Context(), question(c, "U", "q", false))
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := w2.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Close on an ended context: %v", err)
	}
	if lost2.Load() != 5 {
		t.Errorf("%d lost when Close ran out of time, want 5", lost2.Load())
	}
}

func TestWriterWritesFeedbackAtOnce(t *testing.T) {
	st := newDB(t, SQLite).open(t, Options{})
	w := NewWriter(st, WriterOptions{Interval: time.Hour})
	defer w.Close(t.Context())
	rec := bot.NewRecorder(w, bot.RecorderOptions{})
	id := bot.NewAnswerID(time.Now())
	for i, want := range []bot.FeedbackResult{bot.FeedbackRecorded, bot.FeedbackDuplicate} {
		got, err := rec.Feedback(t.Context(), "slack", "U1", id, bot.VoteDown)
		if err != nil || got != want {
			t.Errorf("click %d: %v, %v; want %v", i+1, got, err, want)
		}
	}
}

func TestWriterFlush(t *testing.T) {
	st := newDB(t, SQLite).open(t, Options{})
	w := NewWriter(st, WriterOptions{Interval: time.Hour, BatchSize: 7})
	defer w.Close(t.Context())
	c := newClock()
	for round := 1; round <= 2; round++ {
		for range 20 {
			_ = w.Record(t.Context(), question(c, "U", "q", false))
		}
		if err := w.Flush(t.Context()); err != nil {
			t.Fatal(err)
		}
		if n, _ := st.Count(t.Context()); n != 20*round {
			t.Errorf("round %d: %d written after Flush, want %d", round, n, 20*round)
		}
	}
}
