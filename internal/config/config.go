// Package config loads factbot's server configuration from a TOML file and
// the environment. Every key can be set as FACTBOT_<SECTION>_<KEY>; the
// environment wins over the file, so secrets never have to sit in a file.
package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/secret"
	"github.com/factbot/factbot/internal/tomlfile"
)

// Secret is a string that never prints itself (package secret), so a
// Config can be logged or wrapped in an error without leaking tokens.
type Secret = secret.Secret

// Config is the whole server configuration. Each section is one TOML table
// and one FACTBOT_<SECTION>_ environment prefix; a new platform adds its own
// section next to Slack.
type Config struct {
	HTTP    HTTP    `toml:"http"`
	Slack   Slack   `toml:"slack"`
	Discord Discord `toml:"discord"`
	Limits  Limits  `toml:"limits"`
	Log     Log     `toml:"log"`
	Store   Store   `toml:"store"`
	// Language fixes the answer language where a community wants one.
	Language Language `toml:"language"`
}

// Language fixes the answer language ("en" or "nb") instead of detecting
// it per question: everywhere, per platform, or per channel, Discord
// server or Slack workspace ("ID=nb" entries). Empty means detect.
type Language struct {
	Default string   `toml:"default"`
	Slack   string   `toml:"slack"`
	Discord string   `toml:"discord"`
	Places  []string `toml:"places"`
}

// HTTP is the listener for platform endpoints, and for /healthz and
// /metrics unless AdminAddr gives them a listener of their own.
type HTTP struct {
	Addr string `toml:"addr"`
	// AdminAddr, when set, serves /healthz and /metrics there instead, so
	// that only the platform endpoints need be public.
	AdminAddr       string   `toml:"admin_addr"`
	ShutdownTimeout Duration `toml:"shutdown_timeout"`
	// MaxBodyBytes bounds a request body (at most MaxBodyLimit).
	MaxBodyBytes int64 `toml:"max_body_bytes"`
	// MaxConnections bounds the platform listener's open connections;
	// more wait in the kernel's queue until one closes.
	MaxConnections int `toml:"max_connections"`
}

// MaxBodyLimit is the most max_body_bytes may be: Slack's and Discord's
// requests are a few kilobytes, and every open connection may hold this
// much while its body arrives.
const MaxBodyLimit = 1 << 20

// Limits is the per-user rate limit shared by all platforms.
type Limits struct {
	Questions int      `toml:"questions"` // questions allowed per Per
	Per       Duration `toml:"per"`
}

// Store configures the event store behind moderators' reports (package
// store): declined questions and feedback, and claims on platform
// deliveries, in an embedded SQLite file or in PostgreSQL.
type Store struct {
	Enabled bool `toml:"enabled"`
	// Path of the SQLite file; empty means factbot/factbot.db under the
	// user's data directory ($XDG_DATA_HOME or ~/.local/share on Linux).
	Path string `toml:"path"`
	// URL of a PostgreSQL database (postgres://…), shared by several
	// instances; it replaces Path. A secret: it may hold a password.
	URL Secret `toml:"url"`
	// QueueSize bounds the questions waiting to be written; past it
	// questions are lost (counted), never waited for.
	QueueSize int `toml:"queue_size"`
	// FlushInterval is how long a question may wait to be written with
	// others in one batch: what a crash can lose.
	FlushInterval Duration `toml:"flush_interval"`
	// Retention is how long records are kept.
	Retention Duration `toml:"retention"`
	// DeclinedOnly records declined questions only, not answered ones.
	DeclinedOnly bool `toml:"declined_only"`
}

// Log configures log/slog.
type Log struct {
	Level  string `toml:"level"`  // debug, info, warn, error
	Format string `toml:"format"` // text or json
}

// Default returns the configuration used for keys nobody set.
func Default() Config {
	return Config{
		HTTP:    HTTP{Addr: ":8080", ShutdownTimeout: Duration(10 * time.Second), MaxBodyBytes: 64 << 10, MaxConnections: 512},
		Slack:   DefaultSlack(),
		Discord: DefaultDiscord(),
		Limits:  Limits{Questions: 5, Per: Duration(30 * time.Second)},
		Log:     Log{Level: "info", Format: "text"},
		Store:   Store{Enabled: true, Retention: Duration(90 * 24 * time.Hour), QueueSize: 10_000, FlushInterval: Duration(100 * time.Millisecond)},
	}
}

// EnvPrefix starts every environment variable that config reads.
const EnvPrefix = "FACTBOT_"

// Load reads the TOML file at path (none when path is empty), then applies
// environment overrides from lookup (os.LookupEnv when nil), then validates.
// Errors name the file, line and key, and never contain a secret. With the
// process environment (lookup nil), a FACTBOT_ variable that sets nothing
// stops it too (see UnknownEnv).
func Load(path string, lookup func(string) (string, bool)) (Config, error) {
	if lookup == nil {
		if err := UnknownEnv(os.Environ()); err != nil {
			return Config{}, err
		}
		lookup = os.LookupEnv
	}
	cfg := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("reading config: %w", err)
		}
		if err := decode(path, data, &cfg); err != nil {
			return Config{}, err
		}
	}
	if err := applyEnv(&cfg, lookup); err != nil {
		return Config{}, err
	}
	cleanLists(&cfg)
	if err := cfg.Validate(); err != nil {
		if path != "" {
			return Config{}, fmt.Errorf("%s: %w", path, err)
		}
		return Config{}, err
	}
	return cfg, nil
}

var secretType = reflect.TypeFor[Secret]()

// Duration is a time.Duration written as Go writes one ("30s", "90m").
type Duration time.Duration

// UnmarshalText reads a duration from the file.
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(strings.TrimSpace(string(text)))
	if err != nil {
		return fmt.Errorf("want a duration such as 30s: %w", err)
	}
	*d = Duration(v)
	return nil
}

// String is how the duration is logged.
func (d Duration) String() string { return time.Duration(d).String() }

func decode(path string, data []byte, cfg *Config) error {
	err := tomlfile.Decode(data, cfg)
	var fe *tomlfile.Error
	if !errors.As(err, &fe) {
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	if fe.Unknown {
		return fmt.Errorf("%s:%d: unknown key %s", path, fe.Line, fe.Key)
	}
	msg := fe.Message
	// A value that failed to parse may be echoed in the message; if it
	// sits on a secret's line, say less.
	if mentionsSecret(lineText(data, fe.Line)) {
		msg = "invalid value (not shown: secret)"
	}
	if fe.Key != "" {
		return fmt.Errorf("%s:%d: key %s: %s", path, fe.Line, fe.Key, msg)
	}
	return fmt.Errorf("%s:%d: %s", path, fe.Line, msg)
}

// secretKeys lists the TOML key names of every Secret field.
func secretKeys() []string {
	var keys []string
	forEachKey(reflect.ValueOf(&Config{}).Elem(), func(_, key string, f reflect.Value) {
		if f.Type() == secretType {
			keys = append(keys, key)
		}
	})
	return keys
}

func mentionsSecret(line string) bool {
	k, _, ok := strings.Cut(line, "=")
	if !ok {
		return false
	}
	k = strings.Trim(strings.TrimSpace(k), `"'`)
	for _, s := range secretKeys() {
		if k == s || strings.HasSuffix(k, "."+s) {
			return true
		}
	}
	return false
}

func lineText(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// forEachKey calls fn for every key field of every section of cfg.
func forEachKey(cfg reflect.Value, fn func(section, key string, field reflect.Value)) {
	t := cfg.Type()
	for i := range t.NumField() {
		section := t.Field(i).Tag.Get("toml")
		sv := cfg.Field(i)
		st := sv.Type()
		for j := range st.NumField() {
			fn(section, st.Field(j).Tag.Get("toml"), sv.Field(j))
		}
	}
}

// EnvName is the environment variable that overrides section.key.
func EnvName(section, key string) string {
	return EnvPrefix + strings.ToUpper(section) + "_" + strings.ToUpper(key)
}

func applyEnv(cfg *Config, lookup func(string) (string, bool)) error {
	var errs []error
	forEachKey(reflect.ValueOf(cfg).Elem(), func(section, key string, f reflect.Value) {
		name := EnvName(section, key)
		v, ok := lookup(name)
		if !ok {
			return
		}
		if err := setField(f, v); err != nil {
			if f.Type() == secretType {
				err = errors.New("invalid value")
			}
			errs = append(errs, fmt.Errorf("environment %s: %w", name, err))
		}
	})
	return errors.Join(errs...)
}

func setField(f reflect.Value, v string) error {
	switch {
	case f.Type() == reflect.TypeFor[Duration]():
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("want a duration such as 30s: %w", err)
		}
		f.SetInt(int64(d))
	case f.Kind() == reflect.String:
		f.SetString(v)
	case f.Type() == reflect.TypeFor[[]string]():
		// A list is comma-separated: FACTBOT_SLACK_MODERATORS="U1,U2".
		// An empty value clears the list the file set.
		f.Set(reflect.ValueOf(splitList(v)))
	case f.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("want true or false: %w", err)
		}
		f.SetBool(b)
	case f.Kind() == reflect.Int || f.Kind() == reflect.Int64:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return fmt.Errorf("want an integer: %w", err)
		}
		f.SetInt(n)
	default:
		return fmt.Errorf("unsupported type %s", f.Type())
	}
	return nil
}

// splitList reads a comma-separated list, trimming spaces and dropping
// empty entries; nil when nothing is left.
func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cleanLists trims every list's entries and drops empty ones, so a TOML
// array and the environment give the same value (nil for no entries).
func cleanLists(cfg *Config) {
	forEachKey(reflect.ValueOf(cfg).Elem(), func(_, _ string, f reflect.Value) {
		if f.Type() != reflect.TypeFor[[]string]() {
			return
		}
		var out []string
		for _, s := range f.Interface().([]string) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		f.Set(reflect.ValueOf(out))
	})
}

// Validate checks values and that every enabled platform has its secrets.
func (c Config) Validate() error {
	var errs []error
	forEachKey(reflect.ValueOf(&c).Elem(), func(section, key string, f reflect.Value) {
		// A bare number in the file is read as nanoseconds: "5" meant
		// five seconds, not a shutdown over before it starts.
		if d := f.Interface(); f.Type() == reflect.TypeFor[Duration]() && d.(Duration) > 0 && d.(Duration) < Duration(time.Millisecond) {
			errs = append(errs, fmt.Errorf("%s.%s is %s, too short: write a duration such as \"30s\"", section, key, d))
		}
	})
	if c.HTTP.Addr == "" {
		errs = append(errs, fmt.Errorf("http.addr is empty (set it or %s)", EnvName("http", "addr")))
	}
	if c.HTTP.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("http.shutdown_timeout must be positive"))
	}
	if c.HTTP.MaxBodyBytes <= 0 || c.HTTP.MaxBodyBytes > MaxBodyLimit {
		errs = append(errs, fmt.Errorf("http.max_body_bytes %d: want 1 to %d (check %s)", c.HTTP.MaxBodyBytes, MaxBodyLimit, EnvName("http", "max_body_bytes")))
	}
	if c.HTTP.MaxConnections <= 0 {
		errs = append(errs, fmt.Errorf("http.max_connections %d: want a positive number such as 512 (check %s)", c.HTTP.MaxConnections, EnvName("http", "max_connections")))
	}
	if c.Limits.Questions <= 0 || c.Limits.Per <= 0 {
		errs = append(errs, errors.New("limits.questions and limits.per must be positive"))
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log.level %q: want debug, info, warn or error", c.Log.Level))
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("log.format %q: want text or json", c.Log.Format))
	}
	if c.Store.Retention <= 0 {
		errs = append(errs, fmt.Errorf("store.retention must be positive, such as \"2160h\" for 90 days (check %s)", EnvName("store", "retention")))
	}
	if u := c.Store.URL.Value(); u != "" && !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") {
		errs = append(errs, fmt.Errorf("store.url must be a postgres:// URL (check %s); a SQLite file goes in store.path", EnvName("store", "url")))
	}
	if c.Store.QueueSize <= 0 || c.Store.FlushInterval <= 0 {
		errs = append(errs, errors.New("store.queue_size and store.flush_interval must be positive"))
	}
	if c.HTTP.AdminAddr != "" && c.HTTP.AdminAddr == c.HTTP.Addr {
		errs = append(errs, errors.New("http.admin_addr must differ from http.addr (or be empty to serve /healthz and /metrics on http.addr)"))
	}
	for key, lang := range map[string]string{"default": c.Language.Default, "slack": c.Language.Slack, "discord": c.Language.Discord} {
		if err := chat.CheckLanguage(lang); err != nil {
			errs = append(errs, fmt.Errorf("language.%s: %w", key, err))
		}
	}
	if _, err := chat.ParseLanguagePlaces(c.Language.Places); err != nil {
		errs = append(errs, fmt.Errorf("language.places: %w", err))
	}
	if c.Slack.Enabled {
		errs = append(errs, c.Slack.Validate())
	}
	if c.Discord.Enabled {
		errs = append(errs, c.Discord.Validate())
	}
	return errors.Join(errs...)
}

// Rules turns the language settings into the bot's language rules; call it
// on a validated Config.
func (l Language) Rules() chat.LanguageRules {
	places, _ := chat.ParseLanguagePlaces(l.Places) // checked by Validate
	return chat.LanguageRules{
		Default:   l.Default,
		Platforms: map[string]string{"slack": l.Slack, "discord": l.Discord},
		Places:    places,
	}
}
