// Package store keeps factbot's events (questions and 👍/👎 feedback) and
// claims on deliveries in SQL: an embedded SQLite file by default (no
// server to run, pure Go so the binary stays static), or PostgreSQL when
// several factbot instances share one store. It implements the store
// interfaces package bot defines; reports are SQL aggregations.
//
// The schema is versioned (goose migrations embedded under migrations/,
// one directory per engine) and brought up to date when a Store opens.
package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"

	"github.com/factbot/factbot/bot"
)

// Defaults for Options.
const (
	DefaultRetention = 90 * 24 * time.Hour
	// DefaultBusyTimeout is how long a SQLite statement waits for another
	// connection's (or process's) write lock before failing.
	DefaultBusyTimeout = 5 * time.Second
	// ClaimRetention is how long a claim on a delivery is kept: far longer
	// than Slack retries an event (three times within an hour) or a
	// Discord interaction token lives (15 minutes).
	ClaimRetention = 24 * time.Hour
)

// ErrCorrupt is wrapped in the error of Open for a file that is not a
// factbot store (or not a database at all); the error names the file.
var ErrCorrupt = errors.New("store file is corrupt or not a factbot store")

//go:embed migrations
var migrations embed.FS

// Engine is the SQL engine behind a Store.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Options configure a Store; the zero value uses the defaults.
type Options struct {
	// Retention is how long records are kept (DefaultRetention when 0).
	Retention time.Duration
	// BusyTimeout is SQLite's wait for a lock (DefaultBusyTimeout when 0).
	BusyTimeout time.Duration
	// Now is the clock; time.Now when nil. Tests pass a fake one.
	Now    func() time.Time
	Logger *slog.Logger
}

// Store is the event store on one SQL database. It is safe for concurrent
// use, and several processes may share it: serve and report on one SQLite
// file, or several serve instances on one PostgreSQL database.
type Store struct {
	db        *sql.DB
	engine    Engine
	where     string // the file, or the URL without its password, for errors
	salt      []byte
	retention time.Duration
	now       func() time.Time
	log       *slog.Logger

	mu        sync.Mutex
	lastPrune time.Time // guarded by mu
}

var _ bot.EventStore = (*Store)(nil)

// DefaultPath is factbot.db in factbot's directory under the user's data
// directory: $XDG_DATA_HOME/factbot (~/.local/share/factbot) on Linux.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("default store path: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "factbot", "factbot.db"), nil
}

// IsPostgresURL reports whether s names a PostgreSQL database rather than
// a SQLite file.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open opens the store at source: a postgres:// URL, or else the path of
// a SQLite file, created (with its directory) when missing. It brings the
// schema up to date, reads or makes the install's salt, and removes
// expired records. Errors name the file or the URL without its password.
func Open(ctx context.Context, source string, o Options) (*Store, error) {
	if o.Retention <= 0 {
		o.Retention = DefaultRetention
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = DefaultBusyTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if source == "" {
		return nil, errors.New("store: no path or URL")
	}
	s := &Store{retention: o.Retention, now: o.Now, log: o.Logger}
	var err error
	if IsPostgresURL(source) {
		err = s.openPostgres(source)
	} else {
		err = s.openSQLite(source, o.BusyTimeout)
	}
	if err != nil {
		return nil, err
	}
	if err := s.init(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) openSQLite(path string, busy time.Duration) error {
	s.engine, s.where = SQLite, path
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("store %s: %w", path, err)
	}
	// WAL lets `factbotd report` read while serve writes; NORMAL syncs at
	// checkpoints rather than every commit (a power cut can lose the last
	// commits, never corrupt the file); immediate transactions take the
	// write lock up front, so busy_timeout applies instead of a deadlock
	// error when two writers meet. Reports read through a memory map and
	// a 32 MiB page cache: with SQLite's default 2 MiB, the feedback
	// report's lookups (one per vote) cost twice the CPU in reads.
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-32768)")
	q.Add("_pragma", "mmap_size(268435456)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("store %s: %w", path, err)
	}
	s.db = db
	return nil
}

func (s *Store) openPostgres(raw string) error {
	s.engine, s.where = Postgres, redact(raw)
	db, err := sql.Open("pgx", raw)
	if err != nil {
		return fmt.Errorf("store %s: %w", s.where, err)
	}
	// Claims and votes are single statements and the writer one
	// transaction at a time: a few connections per instance suffice, and
	// many instances must not exhaust the server's max_connections.
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s.db = db
	return nil
}

// redact is a database URL without its password, for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unreadable database URL)"
	}
	return u.Redacted()
}

// init runs the migrations and reads (or makes) the salt.
func (s *Store) init(ctx context.Context) error {
	// Two processes opening a new SQLite file at once race to switch it
	// to WAL, and SQLite answers the loser with SQLITE_BUSY at once,
	// without its busy timeout: that is tried again, like a migration.
	if err := s.sqliteRetry(ctx, "connecting", s.db.PingContext); err != nil {
		return err
	}
	sub, err := fs.Sub(migrations, "migrations/"+string(s.engine))
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	dialect := goose.DialectSQLite3
	var opts []goose.ProviderOption
	if s.engine == Postgres {
		dialect = goose.DialectPostgres
		// Instances starting together migrate one at a time.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("store: migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, s.db, sub, opts...)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if err := s.migrate(ctx, p); err != nil {
		return err
	}
	salt := make([]byte, 32)
	_, _ = rand.Read(salt) // crypto/rand.Read never fails (Go 1.24+)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING`,
		hex.EncodeToString(salt)); err != nil {
		return s.fail("writing the salt", err)
	}
	var stored string
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'salt'`).Scan(&stored); err != nil {
		return s.fail("reading the salt", err)
	}
	if s.salt, err = hex.DecodeString(stored); err != nil || len(s.salt) != 32 {
		return fmt.Errorf("store %s: %w (the salt is not 32 hex-encoded bytes)", s.where, ErrCorrupt)
	}
	if _, err := s.Prune(ctx); err != nil {
		return err
	}
	return nil
}

// migrate brings the schema up to date. Two processes opening a new
// SQLite file at once (serve and report, say) can both find it
// unmigrated; the loser's migration fails (its transaction rolls back) and
// is tried again once the winner's is done. PostgreSQL takes a lock instead.
func (s *Store) migrate(ctx context.Context, p *goose.Provider) error {
	return s.sqliteRetry(ctx, "migrating the schema", func(ctx context.Context) error {
		_, err := p.Up(ctx)
		return err
	})
}

// sqliteRetry runs step, and on SQLite tries it again after a failure up
// to five more times, backing off from 20 ms, for the races between
// processes that open one new file together. On PostgreSQL it runs once.
func (s *Store) sqliteRetry(ctx context.Context, what string, step func(context.Context) error) error {
	wait := 20 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := step(ctx)
		if err == nil {
			return nil
		}
		if s.engine != SQLite || attempt == 6 {
			return s.fail(what, err)
		}
		select {
		case <-time.After(wait):
			wait *= 2
		case <-ctx.Done():
			return s.fail(what, ctx.Err())
		}
	}
}

// fail wraps err from doing what, naming the store; a SQLite file that is
// not a database wraps ErrCorrupt.
func (s *Store) fail(what string, err error) error {
	if s.engine == SQLite && strings.Contains(err.Error(), "file is not a database") {
		return fmt.Errorf("store %s: %w (%v); move the file aside to start a new store", s.where, ErrCorrupt, err)
	}
	return fmt.Errorf("store %s: %s: %w", s.where, what, err)
}

// Engine is the store's SQL engine.
func (s *Store) Engine() Engine { return s.engine }

// Where is the file, or the database URL without its password.
func (s *Store) Where() string { return s.where }

// Retention is how long records are kept.
func (s *Store) Retention() time.Duration { return s.retention }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return s.fail("ping", err)
	}
	return nil
}

// HashUser is the pseudonym stored for a platform user: an HMAC with this
// install's salt, so it cannot be reversed by hashing known user IDs
// without the database.
func (s *Store) HashUser(platform, user string) string {
	if user == "" {
		return ""
	}
	h := hmac.New(sha256.New, s.salt)
	h.Write([]byte(platform + "\x00" + user))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Prune removes records older than the retention period and claims older
// than ClaimRetention, and returns how many questions and votes it removed.
func (s *Store) Prune(ctx context.Context) (int, error) {
	now := s.now()
	cutoff := now.Add(-s.retention).UnixNano()
	var n int64
	for _, q := range []string{`DELETE FROM questions WHERE at < $1`, `DELETE FROM votes WHERE at < $1`} {
		r, err := s.db.ExecContext(ctx, q, cutoff)
		if err != nil {
			return 0, s.fail("removing expired records", err)
		}
		m, _ := r.RowsAffected()
		n += m
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM claims WHERE at < $1`, now.Add(-ClaimRetention).UnixNano()); err != nil {
		return 0, s.fail("removing old claims", err)
	}
	// A bucket whose time has passed is full: the row says nothing.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM rate_limits WHERE tat <= $1`, now.UnixNano()); err != nil {
		return 0, s.fail("removing idle rate limits", err)
	}
	s.mu.Lock()
	s.lastPrune = now
	s.mu.Unlock()
	if n > 0 {
		s.log.Info("store: removed expired records", "store", s.where, "records", n)
	}
	return int(n), nil
}

// pruneEvery is how often writes also remove expired records.
const pruneEvery = time.Hour

// pruneDue reports whether an hour has passed since the last prune.
func (s *Store) pruneDue() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now().Sub(s.lastPrune) >= pruneEvery
}
