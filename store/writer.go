package store

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factbot/factbot/bot"
)

// Writer takes the recording of questions off the answer path: Record
// puts a question in a bounded queue and returns at once, and one
// goroutine writes the queue in batches, one transaction each. When the
// store is slow or down the queue fills and further questions are lost,
// never waited for: the loss is counted (WriterOptions.Lost) and logged
// once per outage. Close drains the queue.
//
// What a crash (not a clean stop) can lose: the questions still queued,
// normally those of the last Interval; up to QueueSize while the store is
// slow.
type Writer struct {
	store    batchStore
	queue    chan bot.Event
	flushReq chan chan struct{}
	stop     chan struct{}
	done     chan struct{}
	interval time.Duration
	batch    int
	timeout  time.Duration
	log      *slog.Logger
	total    atomic.Int64 // questions lost since NewWriter
	// runCtx is the loop's writes' context: Close ends it when its own
	// context ends, so a hanging write does not outlast Close.
	runCtx    context.Context
	cancelRun context.CancelFunc
	// leftover is the batch the loop was gathering when Close stopped
	// it; Close writes it. Read only after done is closed.
	leftover []bot.Event

	// gate orders Record's send before Close's drain: Record holds it
	// shared while it checks closing and sends, Close exclusively to set it.
	gate    sync.RWMutex
	closing bool
	// closeMu makes a second Close wait for the first's drain.
	closeMu sync.Mutex

	mu     sync.Mutex
	losing bool // an outage is under way: it has been logged
	lost   int  // lost since the outage started
}

// batchStore is what a Writer writes to; *Store implements it.
type batchStore interface {
	bot.EventRecorder
	RecordBatch(ctx context.Context, events []bot.Event) error
}

// WriterOptions configure a Writer; the zero value uses the defaults.
type WriterOptions struct {
	// QueueSize bounds the questions waiting to be written (10,000).
	QueueSize int
	// BatchSize bounds the questions written in one transaction (1,000).
	BatchSize int
	// Interval is how long the first question of a batch may wait for
	// others before the batch is written (100 ms).
	Interval time.Duration
	// WriteTimeout bounds one batch's write (5 s); a batch that fails is lost.
	WriteTimeout time.Duration
	Logger       *slog.Logger
}

// NewWriter starts a Writer on st. Close it to write what is queued.
func NewWriter(st batchStore, o WriterOptions) *Writer {
	if o.QueueSize <= 0 {
		o.QueueSize = 10_000
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 1000
	}
	if o.Interval <= 0 {
		o.Interval = 100 * time.Millisecond
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 5 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	w := &Writer{
		store: st, queue: make(chan bot.Event, o.QueueSize), flushReq: make(chan chan struct{}),
		stop: make(chan struct{}), done: make(chan struct{}),
		interval: o.Interval, batch: o.BatchSize, timeout: o.WriteTimeout, log: o.Logger,
	}
	w.runCtx, w.cancelRun = context.WithCancel(context.Background())
	go w.run()
	return w
}

// Record queues a question and returns nil at once; a full queue loses it
// (counted and logged, see Writer). Feedback is written before Record
// returns, since the click's reply says whether it counted.
func (w *Writer) Record(ctx context.Context, e bot.Event) error {
	if e.Kind != bot.EventQuestion {
		return w.store.Record(ctx, e)
	}
	w.gate.RLock()
	defer w.gate.RUnlock()
	if w.closing {
		w.lose(1, "the writer is closed", nil)
		return nil
	}
	select {
	case w.queue <- e:
	default:
		w.lose(1, "the queue is full: the store is slow or down", nil)
	}
	return nil
}

// Lost is how many questions were lost since NewWriter: the queue was
// full, a write failed, the writer was closed, or Close ran out of time.
// Serve exports it as factbot_store_lost_records_total.
func (w *Writer) Lost() int64 { return w.total.Load() }

// Queued is how many questions wait to be written.
func (w *Writer) Queued() int { return len(w.queue) }

// Flush writes every question queued before it was called, and returns
// when they are written (or lost: see Writer), or with ctx's error.
func (w *Writer) Flush(ctx context.Context) error {
	ack := make(chan struct{})
	select {
	case w.flushReq <- ack:
	case <-w.done:
		return nil // closed: Close writes the queue
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-ack:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops taking questions and writes those queued, in batches. When
// ctx ends first, the rest are counted as lost and ctx's error returned.
func (w *Writer) Close(ctx context.Context) error {
	w.closeMu.Lock()
	defer w.closeMu.Unlock()
	w.gate.Lock()
	already := w.closing
	w.closing = true
	w.gate.Unlock()
	if !already {
		close(w.stop)
	}
	defer context.AfterFunc(ctx, w.cancelRun)()
	<-w.done // the loop has stopped; its unwritten batch is in leftover
	batch := w.leftover
	w.leftover = nil
	for {
	fill:
		for len(batch) < w.batch {
			select {
			case e := <-w.queue:
				batch = append(batch, e)
			default:
				break fill
			}
		}
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			w.lose(len(batch)+len(w.queue), "stopping before the queue was written", err)
			return err
		}
		w.write(ctx, batch)
		batch = batch[:0]
	}
}

// run writes batches until Close: it waits for a question, gathers more
// for up to the interval (or a full batch), and writes them. A batch being
// gathered when Close stops it is left to Close.
func (w *Writer) run() {
	defer close(w.done)
	defer w.cancelRun()
	batch := make([]bot.Event, 0, w.batch)
	timer := time.NewTimer(0)
	<-timer.C
	for {
		var flush chan struct{}
		select {
		case e := <-w.queue:
			batch = append(batch, e)
		case flush = <-w.flushReq:
		case <-w.stop:
			return
		}
		timer.Reset(w.interval)
	gather:
		for flush == nil && len(batch) < w.batch {
			select {
			case e := <-w.queue:
				batch = append(batch, e)
			case <-timer.C:
				break gather
			case flush = <-w.flushReq:
			case <-w.stop:
				timer.Stop()
				w.leftover = batch
				return
			}
		}
		timer.Stop()
		if flush != nil {
			// Everything queued now goes, in as many batches as it takes
			// (only this goroutine takes from the queue: n are there).
			for n := len(w.queue); ; {
				for ; n > 0 && len(batch) < w.batch; n-- {
					batch = append(batch, <-w.queue)
				}
				if len(batch) > 0 {
					w.write(w.runCtx, batch)
					batch = batch[:0]
				}
				if n == 0 {
					break
				}
			}
			close(flush)
			continue
		}
		w.write(w.runCtx, batch)
		batch = batch[:0]
	}
}

// write writes one batch, counting it lost when it fails.
func (w *Writer) write(ctx context.Context, batch []bot.Event) {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	if err := w.store.RecordBatch(ctx, batch); err != nil {
		w.lose(len(batch), "writing to the store failed", err)
		return
	}
	w.mu.Lock()
	recovered, lost := w.losing, w.lost
	w.losing, w.lost = false, 0
	w.mu.Unlock()
	if recovered {
		w.log.Warn("store: recording questions again", "lost", lost)
	}
}

// lose counts n lost questions and logs the first loss of an outage.
func (w *Writer) lose(n int, why string, err error) {
	if n <= 0 {
		return
	}
	w.total.Add(int64(n))
	w.mu.Lock()
	first := !w.losing
	w.losing = true
	w.lost += n
	w.mu.Unlock()
	if first {
		attrs := []any{"why", why, "lost", n}
		if err != nil && !errors.Is(err, context.Canceled) {
			attrs = append(attrs, "err", err)
		}
		w.log.Error("store: questions are not being recorded (answers go on; counted in factbot_store_lost_records_total)", attrs...)
	}
}
