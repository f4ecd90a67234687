package store

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/store/storetest"
)

// fill writes n records as storetest.Fill does, and on PostgreSQL gathers
// the planner's statistics. It returns how many were declined.
func fill(tb testing.TB, s *Store, n int) int {
	tb.Helper()
	declined := storetest.Fill(tb, s, n)
	if s.engine == Postgres {
		// What autovacuum does soon after a bulk load in a live database:
		// the planner needs the statistics.
		if _, err := s.db.ExecContext(context.Background(), `ANALYZE`); err != nil {
			tb.Fatal(err)
		}
	}
	return declined
}

// BenchmarkReport1M times both reports over a store of a million records
// (see fill), on each engine: the bar is under a second per report.
func BenchmarkReport1M(b *testing.B) {
	for _, eng := range []Engine{SQLite, Postgres} {
		b.Run(string(eng), func(b *testing.B) {
			s := newDB(b, eng).open(b, Options{})
			t0 := time.Now()
			declined := fill(b, s, 1_000_000)
			b.Logf("%s: 1M records written in %s", eng, time.Since(t0).Round(time.Millisecond))
			for _, kind := range []string{"unanswered", "feedback"} {
				b.Run(kind, func(b *testing.B) {
					var worst time.Duration
					for b.Loop() {
						t0 := time.Now()
						if kind == "unanswered" {
							rep, err := s.UnansweredReport(context.Background(), bot.ReportOptions{Top: 20})
							if err != nil || rep.Declined != declined || rep.Distinct != 500 {
								b.Fatalf("report %d/%d declined, %d distinct, %v", rep.Declined, declined, rep.Distinct, err)
							}
						} else {
							rep, err := s.FeedbackReport(context.Background(), bot.ReportOptions{Top: 20})
							if err != nil || rep.Down == 0 {
								b.Fatalf("report %+v, %v", rep, err)
							}
						}
						worst = max(worst, time.Since(t0))
					}
					b.ReportMetric(worst.Seconds()*1000, "worst-ms")
				})
			}
		})
	}
}

// BenchmarkRecordDuringReport is the cost of recording a question on the
// answer path (the Writer's Record: an answer waits for nothing else),
// with the store idle and with unanswered reports over a million records
// running back to back beside it. The writer's batches go on meanwhile:
// written/s says how many reached the database. The loop records far
// faster than any chat community asks, faster than the database writes,
// so once the queue is full the rest are lost (counted, as in serve):
// lost says how many.
func BenchmarkRecordDuringReport(b *testing.B) {
	s := newDB(b, SQLite).open(b, Options{})
	fill(b, s, 1_000_000)
	for _, reporting := range []bool{false, true} {
		name := "idle"
		if reporting {
			name = "report-running"
		}
		b.Run(name, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			var reports atomic.Int64
			var wg sync.WaitGroup
			if reporting {
				wg.Go(func() {
					for ctx.Err() == nil {
						if _, err := s.UnansweredReport(ctx, bot.ReportOptions{Top: 20}); err != nil && ctx.Err() == nil {
							b.Error(err)
							return
						}
						reports.Add(1)
					}
				})
			}
			before, _ := s.Count(context.Background())
			w := NewWriter(s, WriterOptions{QueueSize: 1 << 20})
			c := newClock()
			e := question(c, "U1", "Is cannabis legal in Sweden?", false)
			start := time.Now()
			var worst time.Duration
			for b.Loop() {
				t0 := time.Now()
				_ = w.Record(ctx, e)
				worst = max(worst, time.Since(t0))
			}
			if err := w.Close(context.Background()); err != nil {
				b.Fatal(err)
			}
			elapsed := time.Since(start)
			cancel()
			wg.Wait()
			after, _ := s.Count(context.Background())
			b.ReportMetric(float64(w.Lost()), "lost")
			b.ReportMetric(float64(worst.Microseconds()), "worst-µs")
			b.ReportMetric(float64(after-before)/elapsed.Seconds(), "written/s")
			if reporting {
				b.ReportMetric(float64(reports.Load()), "reports")
			}
		})
	}
}
