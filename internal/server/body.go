package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/time/rate"
)

// ReadBody reads a request body of at most limit bytes, for the platform
// endpoints. Memory follows the bytes that arrive, never the declared
// Content-Length: a client that declares 60 kB and sends one must not cost
// 60 kB (3,000 such connections cost 150 MB). A declared length over the
// limit is refused without reading. On failure it returns the status and
// the reason a refusal is counted under: 413 "too_large" or 400
// "malformed".
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) (body []byte, status int, reason string) {
	var err error
	if r.ContentLength > limit {
		err = &http.MaxBytesError{Limit: limit}
	} else {
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, http.StatusRequestEntityTooLarge, "too_large"
	case err != nil:
		return nil, http.StatusBadRequest, "malformed"
	}
	return body, 0, ""
}

// Refuser refuses platform requests: every refusal is counted (Count feeds
// factbot_rejected_requests_total) and logged at debug, and at most one a
// minute at warn, so a wrong secret still shows while an unauthenticated
// flood cannot fill the log.
type Refuser struct {
	Count func(reason string)
	Log   *slog.Logger
	warn  *rate.Limiter
}

// NewRefuser counts refusals with count (nil: not counted) and logs them
// to log.
func NewRefuser(count func(string), log *slog.Logger) *Refuser {
	if count == nil {
		count = func(string) {}
	}
	return &Refuser{Count: count, Log: log, warn: rate.NewLimiter(rate.Every(time.Minute), 1)}
}

// Refuse answers code and counts and logs the refusal under reason.
func (f *Refuser) Refuse(w http.ResponseWriter, endpoint, reason string, code int) {
	f.Count(reason)
	level := slog.LevelDebug
	if f.warn.Allow() {
		level = slog.LevelWarn
	}
	f.Log.Log(context.Background(), level, "request refused (each one is counted in factbot_rejected_requests_total; at most one a minute is logged at warn)",
		"endpoint", endpoint, "reason", reason, "status", code)
	http.Error(w, http.StatusText(code), code)
}

// WriteJSON answers v as JSON.
func WriteJSON(w http.ResponseWriter, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(b)
	return err
}

// Fresh reports whether ts (Unix seconds, as a platform's signature header
// carries it) is within skew of now: a signature alone would let a
// captured request be replayed forever.
func Fresh(ts string, now time.Time, skew time.Duration) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := now.Sub(time.Unix(sec, 0))
	return d <= skew && d >= -skew
}
