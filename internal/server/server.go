// Package server runs factbot's one HTTP listener: the platforms' endpoints,
// /healthz and /metrics, and the platforms' own loops (Socket Mode, gateways),
// with a graceful, bounded shutdown.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"golang.org/x/net/netutil"

	"github.com/factbot/factbot/internal/health"
)

// Platform is a chat platform adapter. Run blocks until ctx is done (or the
// platform fails for good) and returns after its in-flight replies.
type Platform interface {
	health.Reporter
	Run(ctx context.Context) error
}

// Options configures Run.
type Options struct {
	// Routes holds the platforms' HTTP endpoints; may be nil.
	Routes http.Handler
	// Metrics serves /metrics; may be nil.
	Metrics http.Handler
	// Admin, when not nil, serves /healthz and /metrics instead of the
	// main listener, which then serves only Routes: the platform
	// endpoints can be public while health and metrics stay private.
	Admin     net.Listener
	Platforms []Platform
	// MaxConnections bounds the main listener's open connections (default
	// 512): each may hold a request body while it arrives, so this bounds
	// what slow clients can make the process hold. More wait in the
	// kernel's accept queue until one closes.
	MaxConnections int
	// ShutdownTimeout bounds finishing in-flight requests and replies.
	ShutdownTimeout time.Duration
	Logger          *slog.Logger
}

// Handler is the main listener's mux: the routes, and /healthz (with
// /healthz/{platform}) and /metrics unless Admin serves them.
func Handler(o Options) http.Handler {
	mux := http.NewServeMux()
	if o.Admin == nil {
		adminRoutes(mux, o)
	}
	if o.Routes != nil {
		mux.Handle("/", o.Routes)
	}
	return mux
}

// AdminHandler serves /healthz, /healthz/{platform} and /metrics.
func AdminHandler(o Options) http.Handler {
	mux := http.NewServeMux()
	adminRoutes(mux, o)
	return mux
}

func adminRoutes(mux *http.ServeMux, o Options) {
	reporters := make([]health.Reporter, len(o.Platforms))
	for i, p := range o.Platforms {
		reporters[i] = p
	}
	h := health.Handler(reporters...)
	mux.Handle("/healthz", h)
	mux.Handle("/healthz/", h)
	if o.Metrics != nil {
		mux.Handle("/metrics", o.Metrics)
	}
}

// Run serves on ln and runs the platforms until ctx is done, then stops
// taking requests, lets those in flight finish, stops the platforms (which
// finish their own replies) and returns nil. All of that is bounded by
// ShutdownTimeout.
//
// A platform that fails for good is logged and shown as failed on /healthz
// (with its error, which names what to fix) while the others go on
// serving: one platform's bad token must not take another down. The
// process stays up even when no platform is left, so /healthz can say why
// (Discord's adapter already stays failed the same way). Only a failing
// listener stops Run early, with its error.
func Run(ctx context.Context, ln net.Listener, o Options) error {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = 10 * time.Second
	}
	if o.MaxConnections <= 0 {
		o.MaxConnections = 512
	}
	ln = netutil.LimitListener(ln, o.MaxConnections)
	platforms := make([]*tracked, len(o.Platforms))
	served := make([]Platform, len(o.Platforms)) // what /healthz reports
	for i, p := range o.Platforms {
		platforms[i] = &tracked{Platform: p}
		served[i] = platforms[i]
	}
	o.Platforms = served
	newServer := func(h http.Handler) *http.Server {
		return &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      10 * time.Second,
			IdleTimeout:       60 * time.Second,
			ErrorLog:          slog.NewLogLogger(o.Logger.Handler(), slog.LevelWarn),
		}
	}
	srv := newServer(Handler(o))
	var admin *http.Server
	if o.Admin != nil {
		admin = newServer(AdminHandler(o))
	}

	// Platforms outlive ctx a little: they stop only once the listener has
	// drained, so a request accepted late can still start its reply.
	platCtx, stopPlatforms := context.WithCancel(context.WithoutCancel(ctx))
	defer stopPlatforms()
	type result struct {
		p   *tracked
		err error
	}
	platDone := make(chan result, len(platforms))
	for _, p := range platforms {
		go func() { platDone <- result{p, p.Run(platCtx)} }()
	}
	serveErr := make(chan error, 3)
	go func() { serveErr <- srv.Serve(ln) }()
	o.Logger.Info("serving", "addr", ln.Addr().String(), "platforms", len(o.Platforms))
	if admin != nil {
		go func() {
			if err := admin.Serve(o.Admin); !errors.Is(err, http.ErrServerClosed) {
				serveErr <- fmt.Errorf("admin listener: %w", err)
			}
		}()
		o.Logger.Info("serving /healthz and /metrics", "admin_addr", o.Admin.Addr().String())
	}

	var failure error
	running := len(platforms)
wait:
	for {
		select {
		case <-ctx.Done():
			o.Logger.Info("shutting down")
			break wait
		case err := <-serveErr:
			failure = fmt.Errorf("http server: %w", err)
			serveErr <- nil // Serve has returned; let the shutdown path see that
			break wait
		case r := <-platDone:
			running--
			if r.err == nil {
				r.err = errors.New("stopped unexpectedly")
			}
			r.p.fail(r.err)
			o.Logger.Error("platform failed; serving on without it", "platform", r.p.Name(), "err", r.err)
		}
	}

	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
		failure = errors.Join(failure, fmt.Errorf("shutting down http: %w", err))
	}
	if admin != nil {
		// Health and metrics stay up until the platform listener drained.
		if err := admin.Shutdown(sctx); err != nil {
			_ = admin.Close()
		}
	}
	stopPlatforms()
	for ; running > 0; running-- {
		select {
		case r := <-platDone:
			if r.err != nil {
				o.Logger.Error("platform stopped with an error", "platform", r.p.Name(), "err", r.err)
			}
		case <-sctx.Done():
			return errors.Join(failure, fmt.Errorf("shutdown timed out waiting for %d platform(s)", running))
		}
	}
	if failure != nil {
		return failure
	}
	o.Logger.Info("stopped")
	return nil
}

// tracked is a platform as Run runs it: its own health until its Run
// fails, then "failed" with the error, which names what to fix.
type tracked struct {
	Platform
	failure atomic.Pointer[string]
}

func (t *tracked) fail(err error) {
	msg := err.Error()
	t.failure.Store(&msg)
}

// Health is the platform's own, or "failed" once it has stopped for good.
func (t *tracked) Health() health.Status {
	s := t.Platform.Health()
	if f := t.failure.Load(); f != nil {
		s.State, s.Ready, s.Detail = StateFailed, false, *f
	}
	return s
}

// StateFailed is the /healthz state of a platform that stopped for good.
const StateFailed = "failed"

// Disabled is a platform that is configured off: /healthz lists it as
// "disabled" (and ready), and it does nothing.
type Disabled string

// Name is the platform name.
func (d Disabled) Name() string { return string(d) }

// Health reports "disabled".
func (d Disabled) Health() health.Status { return health.Status{State: "disabled", Ready: true} }

// Run waits for ctx.
func (d Disabled) Run(ctx context.Context) error { <-ctx.Done(); return nil }
