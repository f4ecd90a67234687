// Package store keeps factbot's events (questions and 👍/👎 feedback) in a
// local bbolt file: no server to run. It implements bot.EventStore.
//
// The file is opened for each operation and closed again, so `factbot
// report` can read it while `factbot serve` writes it: bbolt's file lock
// then serialises the two processes for the length of one transaction.
//
// Layout (all keys sort by time, so a period is a range scan and retention
// a delete from the start):
//
//	meta     "salt" → 32 random bytes (per install); "version" → 1
//	events   8-byte big-endian Unix nanoseconds + 8-byte sequence → event
//	answers  answer ID (24 hex digits, time first) → events key
//	votes    answer ID + 0x00 + hashed user → vote
package store

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterr "go.etcd.io/bbolt/errors"

	"github.com/factbot/factbot/bot"
)

// Defaults for Options.
const (
	DefaultRetention = 90 * 24 * time.Hour
	DefaultTimeout   = 2 * time.Second
	// pruneEvery is how often a write also removes expired records.
	pruneEvery = time.Hour
)

// ErrLocked and ErrCorrupt are wrapped in the errors of Open and of every
// operation, with the file's path.
var (
	ErrLocked  = errors.New("store file is locked by another process")
	ErrCorrupt = errors.New("store file is corrupt or not a factbot store")
)

var (
	bucketMeta    = []byte("meta")
	bucketEvents  = []byte("events")
	bucketAnswers = []byte("answers")
	bucketVotes   = []byte("votes")
	keySalt       = []byte("salt")
	keyVersion    = []byte("version")
)

const formatVersion = 1

// Options configure a Store; the zero value uses the defaults.
type Options struct {
	// Retention is how long records are kept (DefaultRetention when 0).
	Retention time.Duration
	// Timeout is how long to wait for the file lock (DefaultTimeout when 0).
	Timeout time.Duration
	// Now is the clock; time.Now when nil. Tests pass a fake one.
	Now    func() time.Time
	Logger *slog.Logger
}

// Store is an event store in one bbolt file. It is safe for concurrent
// use, also by several processes.
type Store struct {
	path      string
	salt      []byte
	retention time.Duration
	timeout   time.Duration
	now       func() time.Time
	log       *slog.Logger

	mu        sync.RWMutex // one transaction at a time per process for writes
	lastPrune time.Time    // guarded by mu (write lock)
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

// Open opens the store at path, creating it (and its directory) when
// missing, checks the whole file, and removes expired records. A file
// locked for longer than the timeout gives an error wrapping ErrLocked, a
// damaged or foreign one an error wrapping ErrCorrupt; both name the path.
func Open(ctx context.Context, path string, o Options) (*Store, error) {
	if o.Retention <= 0 {
		o.Retention = DefaultRetention
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if path == "" {
		return nil, errors.New("store: no path")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{path: path, retention: o.Retention, timeout: o.Timeout, now: o.Now, log: o.Logger}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.with(false, func(db *bolt.DB) error {
		if err := s.check(db); err != nil {
			return err
		}
		return db.Update(func(tx *bolt.Tx) error {
			if err := s.init(tx); err != nil {
				return err
			}
			_, err := s.prune(tx)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	s.lastPrune = s.now()
	return s, nil
}

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// Retention is how long records are kept.
func (s *Store) Retention() time.Duration { return s.retention }

// Close releases nothing (the file is closed after every operation); it is
// here so a Store can be used where an io.Closer is expected.
func (s *Store) Close() error { return nil }

// with opens the file (read-only when readOnly), calls fn and closes it.
// A fault or panic inside bbolt on a damaged file becomes an error
// wrapping ErrCorrupt.
func (s *Store) with(readOnly bool, fn func(*bolt.DB) error) (err error) {
	// bbolt reads the file through mmap: a truncated file faults, and
	// damaged pages make it panic. Neither may take the process down.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = s.corrupt(fmt.Errorf("%v", r))
		}
	}()
	mode := os.FileMode(0o600)
	db, err := bolt.Open(s.path, mode, &bolt.Options{Timeout: s.timeout, ReadOnly: readOnly})
	if err != nil {
		switch {
		case errors.Is(err, bolterr.ErrTimeout):
			return fmt.Errorf("store %s: %w (waited %s; is another factbot holding it?)", s.path, ErrLocked, s.timeout)
		case errors.Is(err, bolterr.ErrInvalid), errors.Is(err, bolterr.ErrVersionMismatch),
			errors.Is(err, bolterr.ErrChecksum), errors.Is(err, bolterr.ErrInvalidMapping):
			return s.corrupt(err)
		}
		return fmt.Errorf("opening store %s: %w", s.path, err)
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("closing store %s: %w", s.path, cerr)
		}
	}()
	return fn(db)
}

func (s *Store) corrupt(cause error) error {
	return fmt.Errorf("store %s: %w (%v); move the file aside to start a new store", s.path, ErrCorrupt, cause)
}

// check validates the file: no shorter than its pages say, every page
// reachable and sound (bbolt's consistency check), and the buckets a
// factbot store has, if it has any.
func (s *Store) check(db *bolt.DB) error {
	info, err := os.Stat(s.path)
	if err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	return db.View(func(tx *bolt.Tx) error {
		if tx.Size() > info.Size() {
			return s.corrupt(fmt.Errorf("file is %d bytes, its pages need %d: truncated", info.Size(), tx.Size()))
		}
		// Read every page of every bucket here, in this goroutine, where
		// with() turns a fault or an assertion panic into ErrCorrupt
		// (tx.Check would panic in a goroutine of its own).
		if err := walk(tx); err != nil {
			return s.corrupt(err)
		}
		empty := true
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error { empty = false; return nil })
		if empty {
			return nil
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil || len(meta.Get(keySalt)) != 32 {
			return s.corrupt(errors.New("no factbot meta bucket"))
		}
		if v := meta.Get(keyVersion); len(v) != 1 || v[0] != formatVersion {
			return s.corrupt(fmt.Errorf("format version %v, want %d", v, formatVersion))
		}
		return nil
	})
}

// walk reads every key and value of every bucket, and decodes every event.
func walk(tx *bolt.Tx) error {
	var visit func(path string, b *bolt.Bucket) error
	visit = func(path string, b *bolt.Bucket) error {
		events := path == string(bucketEvents)
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					return visit(path+"/"+string(k), nb)
				}
				return nil
			}
			if events {
				if _, ok := decode(k, v); !ok {
					return fmt.Errorf("event %x cannot be read", k)
				}
			}
			return nil
		})
	}
	return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return visit(string(name), b) })
}

// init creates the buckets and the salt on first open and reads the salt.
func (s *Store) init(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketEvents, bucketAnswers, bucketVotes} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("store %s: creating bucket %s: %w", s.path, name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keySalt) == nil {
		salt := make([]byte, 32)
		_, _ = rand.Read(salt) // crypto/rand.Read never fails (Go 1.24+)
		if err := meta.Put(keySalt, salt); err != nil {
			return fmt.Errorf("store %s: writing salt: %w", s.path, err)
		}
		if err := meta.Put(keyVersion, []byte{formatVersion}); err != nil {
			return fmt.Errorf("store %s: writing version: %w", s.path, err)
		}
	}
	s.salt = bytes.Clone(meta.Get(keySalt))
	return nil
}

// HashUser is the pseudonym stored for a platform user: an HMAC with this
// install's salt, so it cannot be reversed by hashing known user IDs
// without the file.
func (s *Store) HashUser(platform, user string) string {
	if user == "" {
		return ""
	}
	h := hmac.New(sha256.New, s.salt)
	h.Write([]byte(platform + "\x00" + user))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Record stores one event in a committed transaction (see
// bot.EventStore). Records past retention are removed on the way, at most
// once an hour.
func (s *Store) Record(ctx context.Context, e bot.Event) error {
	return s.RecordBatch(ctx, []bot.Event{e})
}

// RecordBatch stores events in one transaction: all or none. A duplicate
// vote among them fails the whole batch with bot.ErrDuplicateFeedback.
func (s *Store) RecordBatch(ctx context.Context, events []bot.Event) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	prune := now.Sub(s.lastPrune) >= pruneEvery
	err := s.with(false, func(db *bolt.DB) error {
		return db.Update(func(tx *bolt.Tx) error {
			for _, e := range events {
				if err := s.put(tx, e, now); err != nil {
					return err
				}
			}
			if prune {
				n, err := s.prune(tx)
				if err != nil {
					return err
				}
				if n > 0 {
					s.log.Info("store: removed expired records", "path", s.path, "records", n)
				}
			}
			return nil
		})
	})
	if err == nil && prune {
		s.lastPrune = now
	}
	return err
}

func (s *Store) put(tx *bolt.Tx, e bot.Event, now time.Time) error {
	if e.Time.IsZero() {
		e.Time = now
	}
	e.User = s.HashUser(e.Platform, e.User)
	events, answers, votes := tx.Bucket(bucketEvents), tx.Bucket(bucketAnswers), tx.Bucket(bucketVotes)
	// Keys mostly arrive in time order: fill pages up rather than split
	// them in half, which would double the file.
	events.FillPercent, answers.FillPercent = 0.9, 0.9
	switch e.Kind {
	case bot.EventQuestion:
	case bot.EventFeedback:
		if !e.Vote.Valid() {
			return fmt.Errorf("store: feedback vote %q: want up or down", e.Vote)
		}
		if _, err := bot.AnswerIDTime(e.AnswerID); err != nil {
			return fmt.Errorf("store: feedback on %q: %w", e.AnswerID, err)
		}
		vk := append([]byte(e.AnswerID+"\x00"), e.User...)
		if votes.Get(vk) != nil {
			return bot.ErrDuplicateFeedback
		}
		if err := votes.Put(vk, []byte(e.Vote)); err != nil {
			return fmt.Errorf("store %s: writing vote: %w", s.path, err)
		}
		if ek := answers.Get([]byte(e.AnswerID)); ek != nil {
			if q, ok := decode(ek, events.Get(ek)); ok {
				e.Question, e.Intent, e.Answered, e.Reason = q.Question, q.Intent, q.Answered, q.Reason
				e.Answer, e.Section = q.Answer, q.Section
			}
		}
	default:
		return fmt.Errorf("store: unknown event kind %q", e.Kind)
	}
	seq, err := events.NextSequence()
	if err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	key := eventKey(e.Time, seq)
	if err := events.Put(key, encode(e)); err != nil {
		return fmt.Errorf("store %s: writing event: %w", s.path, err)
	}
	if e.Kind == bot.EventQuestion && e.AnswerID != "" {
		if err := answers.Put([]byte(e.AnswerID), key); err != nil {
			return fmt.Errorf("store %s: writing answer index: %w", s.path, err)
		}
	}
	return nil
}

// Prune removes records older than the retention period now, and returns
// how many events it removed.
func (s *Store) Prune(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int
	err := s.with(false, func(db *bolt.DB) error {
		return db.Update(func(tx *bolt.Tx) (err error) {
			n, err = s.prune(tx)
			return err
		})
	})
	if err == nil {
		s.lastPrune = s.now()
	}
	return n, err
}

func (s *Store) prune(tx *bolt.Tx) (int, error) {
	cutoff := s.now().Add(-s.retention)
	n, err := deleteBefore(tx.Bucket(bucketEvents), eventKey(cutoff, 0))
	if err != nil {
		return 0, fmt.Errorf("store %s: removing expired events: %w", s.path, err)
	}
	idPrefix := []byte(bot.NewAnswerID(cutoff)[:16])
	for _, name := range [][]byte{bucketAnswers, bucketVotes} {
		if _, err := deleteBefore(tx.Bucket(name), idPrefix); err != nil {
			return 0, fmt.Errorf("store %s: removing expired %s: %w", s.path, name, err)
		}
	}
	return n, nil
}

// deleteBefore deletes every key of b that sorts before limit.
func deleteBefore(b *bolt.Bucket, limit []byte) (int, error) {
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k, limit) < 0; k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return 0, err
		}
	}
	return len(keys), nil
}

// Scan calls fn with the events matching q, oldest first (see
// bot.EventStore). It reads a snapshot: writes made during the scan wait
// for it.
func (s *Store) Scan(ctx context.Context, q bot.EventQuery, fn func(bot.Event) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.with(true, func(db *bolt.DB) error {
		return db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			if b == nil {
				return s.corrupt(errors.New("no events bucket"))
			}
			c := b.Cursor()
			i := 0
			for k, v := c.Seek(eventKey(q.Since, 0)); k != nil; k, v = c.Next() {
				if i++; i%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				if !matches(v, q) {
					continue
				}
				e, ok := decode(k, v)
				if !ok {
					return s.corrupt(fmt.Errorf("event %x cannot be read", k))
				}
				if err := fn(e); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// Count returns how many events the store holds.
func (s *Store) Count(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var n int
	err := s.with(true, func(db *bolt.DB) error {
		return db.View(func(tx *bolt.Tx) error {
			n = tx.Bucket(bucketEvents).Stats().KeyN
			return nil
		})
	})
	return n, err
}

// eventKey is the big-endian time in Unix nanoseconds (times before 1970
// count as 1970) and a sequence number that keeps keys unique.
func eventKey(t time.Time, seq uint64) []byte {
	var k [16]byte
	ns := t.UnixNano()
	if t.IsZero() || ns < 0 {
		ns = 0
	}
	binary.BigEndian.PutUint64(k[:8], uint64(ns))
	binary.BigEndian.PutUint64(k[8:], seq)
	return k[:]
}

// An event is stored as a format byte, a flags byte and its strings, each
// a uvarint length and bytes; the time is the key's. The flags let a scan
// skip events without decoding them.
const (
	encFormat      = 1
	flagFeedback   = 1 << 0
	flagAnswered   = 1 << 1
	encStringCount = 9
)

func encode(e bot.Event) []byte {
	var flags byte
	if e.Kind == bot.EventFeedback {
		flags |= flagFeedback
	}
	if e.Answered {
		flags |= flagAnswered
	}
	fields := [encStringCount]string{e.Platform, e.User, e.Question, string(e.Intent), e.Reason, e.AnswerID, e.Answer, e.Section, string(e.Vote)}
	n := 2
	for _, f := range fields {
		n += binary.MaxVarintLen64 + len(f)
	}
	buf := make([]byte, 0, n)
	buf = append(buf, encFormat, flags)
	for _, f := range fields {
		buf = binary.AppendUvarint(buf, uint64(len(f)))
		buf = append(buf, f...)
	}
	return buf
}

func matches(v []byte, q bot.EventQuery) bool {
	if len(v) < 2 {
		return true // let decode report it
	}
	feedback := v[1]&flagFeedback != 0
	switch q.Kind {
	case bot.EventQuestion:
		if feedback {
			return false
		}
	case bot.EventFeedback:
		if !feedback {
			return false
		}
	}
	return !(q.Declined && !feedback && v[1]&flagAnswered != 0)
}

func decode(k, v []byte) (bot.Event, bool) {
	if len(k) != 16 || len(v) < 2 || v[0] != encFormat {
		return bot.Event{}, false
	}
	var fields [encStringCount]string
	rest := v[2:]
	for i := range fields {
		n, w := binary.Uvarint(rest)
		if w <= 0 || uint64(len(rest)-w) < n {
			return bot.Event{}, false
		}
		fields[i] = string(rest[w : w+int(n)])
		rest = rest[w+int(n):]
	}
	e := bot.Event{
		Time:     time.Unix(0, int64(binary.BigEndian.Uint64(k[:8]))),
		Kind:     bot.EventQuestion,
		Answered: v[1]&flagAnswered != 0,
		Platform: fields[0], User: fields[1], Question: fields[2], Intent: bot.Intent(fields[3]),
		Reason: fields[4], AnswerID: fields[5], Answer: fields[6], Section: fields[7], Vote: bot.Vote(fields[8]),
	}
	if v[1]&flagFeedback != 0 {
		e.Kind = bot.EventFeedback
	}
	return e, true
}
