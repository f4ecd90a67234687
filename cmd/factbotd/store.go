package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/store"
)

// storeSource is the database the [store] section names: the PostgreSQL
// URL when set, else the SQLite file (the default path when empty).
func storeSource(c config.Store) (string, error) {
	if u := c.URL.Value(); u != "" {
		return u, nil
	}
	if c.Path != "" {
		return c.Path, nil
	}
	return store.DefaultPath()
}

// openStore opens the store the config names. With create false a missing
// SQLite file is an error that says where it was looked for, rather than a
// new, empty store.
func openStore(ctx context.Context, c config.Store, log *slog.Logger, create bool) (*store.Store, error) {
	src, err := storeSource(c)
	if err != nil {
		return nil, err
	}
	if !create && !store.IsPostgresURL(src) {
		if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: serve has recorded nothing there yet (set [store] path or %s to the file serve uses, or %s to its database)",
				src, config.EnvName("store", "path"), config.EnvName("store", "url"))
		}
	}
	return store.Open(ctx, src, store.Options{Retention: time.Duration(c.Retention), Logger: log})
}

// recording is the store as serve runs it: the Recorder the chat core
// records through (so answers carry an ID for 👍/👎), questions queued to
// a Writer that writes them in batches off the answer path, and the store
// itself for reports and claims.
type recording struct {
	recorder *bot.Recorder
	store    *store.Store
	writer   *store.Writer
}

// openRecording opens the store and starts its writer; nil when the store
// is disabled. The chat core records inside its rate limit, so
// rate-limited questions are not recorded. Close it after the server has
// stopped.
func openRecording(ctx context.Context, c config.Store, log *slog.Logger) (*recording, error) {
	if !c.Enabled {
		log.Info("store disabled: no reports for moderators")
		return nil, nil
	}
	st, err := openStore(ctx, c, log, true)
	if err != nil {
		return nil, err
	}
	w := store.NewWriter(st, store.WriterOptions{QueueSize: c.QueueSize, Interval: time.Duration(c.FlushInterval), Logger: log})
	log.Info("store enabled", "engine", st.Engine(), "store", st.Where(), "retention", st.Retention(),
		"declined_only", c.DeclinedOnly, "queue_size", c.QueueSize, "flush_interval", c.FlushInterval)
	rec := bot.NewRecorder(w, bot.RecorderOptions{Logger: log, DeclinedOnly: c.DeclinedOnly})
	return &recording{recorder: rec, store: st, writer: w}, nil
}

// parts are the core's parts with the store: the engine b, the recorder,
// reports, claims and the write queue, and on PostgreSQL the shared rate
// limit.
func (r *recording) parts(b *bot.Bot) parts {
	p := parts{answerer: b, bot: b, recorder: r.recorder, events: r.store, claims: r.store, queue: r.writer}
	if r.store.Engine() == store.Postgres {
		// Instances share the database: the rate limit holds across them.
		p.sharedLimits = r.store
	}
	return p
}

// close writes the queued questions (within ctx) and closes the store.
func (r *recording) close(ctx context.Context, log *slog.Logger) error {
	queued := r.writer.Queued()
	werr := r.writer.Close(ctx)
	if werr != nil {
		werr = fmt.Errorf("writing the store's queue: %w", werr)
	}
	log.Info("store closed", "written_at_stop", queued, "lost", r.writer.Lost())
	return errors.Join(werr, r.store.Close())
}
