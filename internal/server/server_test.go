package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/health"
)

type fakePlatform struct {
	name    string
	stopped atomic.Bool
	fail    chan error
}

func (p *fakePlatform) Name() string          { return p.name }
func (p *fakePlatform) Health() health.Status { return health.Status{State: "ready", Ready: true} }
func (p *fakePlatform) Run(ctx context.Context) error {
	select {
	case <-ctx.Done():
		p.stopped.Store(true)
		return nil
	case err := <-p.fail:
		return err
	}
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestGracefulShutdownWithRequestInFlight(t *testing.T) {
	ln := listen(t)
	base := "http://" + ln.Addr().String()
	entered, release := make(chan struct{}), make(chan struct{})
	routes := http.NewServeMux()
	routes.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	p := &fakePlatform{name: "slack", fail: make(chan error)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runErr := make(chan error, 1)
	go func() {
		runErr <- Run(ctx, ln, Options{Routes: routes, Platforms: []Platform{p}, ShutdownTimeout: time.Minute,
			Metrics: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "m 1\n") })})
	}()

	if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, `"slack"`) {
		t.Fatalf("healthz %d %s", code, body)
	}
	if code, body := get(t, base+"/metrics"); code != 200 || body != "m 1\n" {
		t.Fatalf("metrics %d %s", code, body)
	}

	slow := make(chan string, 1)
	go func() {
		resp, err := http.Get(base + "/slow")
		if err != nil {
			slow <- "error: " + err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		slow <- string(b)
	}()
	<-entered
	cancel()
	select {
	case err := <-runErr:
		t.Fatalf("Run returned %v with a request in flight", err)
	default:
	}
	close(release)
	if got := <-slow; got != "done" {
		t.Errorf("in-flight request got %q", got)
	}
	if err := <-runErr; err != nil {
		t.Errorf("Run = %v", err)
	}
	if !p.stopped.Load() {
		t.Error("platform not stopped")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still accepting after shutdown")
	}
}

// One platform failing for good (a bad token) leaves the others serving:
// /healthz stays 200 and names the failure, the failed platform's
// readiness is 503 and the working one's 200.
func TestPlatformFailureLeavesOthersServing(t *testing.T) {
	ln := listen(t)
	base := "http://" + ln.Addr().String()
	slack := &fakePlatform{name: "slack", fail: make(chan error, 1)}
	discord := &fakePlatform{name: "discord", fail: make(chan error)}
	routes := http.NewServeMux()
	routes.HandleFunc("/discord/interactions", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "pong") })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{Routes: routes, Platforms: []Platform{slack, discord, Disabled("irc")}})
	}()
	slack.fail <- errors.New("Slack refused the app-level token (invalid_auth): check FACTBOT_SLACK_APP_TOKEN")

	var body string
	for range 200 { // until Run has seen the failure; a hang guard, not timing
		var code int
		if code, body = get(t, base+"/healthz"); code != 200 {
			t.Fatalf("/healthz %d %s", code, body)
		}
		if strings.Contains(body, StateFailed) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(body, `"status":"degraded"`) || !strings.Contains(body, "FACTBOT_SLACK_APP_TOKEN") {
		t.Errorf("/healthz %s: want degraded, naming the variable", body)
	}
	if code, _ := get(t, base+"/healthz/slack"); code != http.StatusServiceUnavailable {
		t.Errorf("/healthz/slack %d, want 503", code)
	}
	if code, _ := get(t, base+"/healthz/discord"); code != 200 {
		t.Errorf("/healthz/discord %d, want 200", code)
	}
	if code, b := get(t, base+"/discord/interactions"); code != 200 || b != "pong" {
		t.Errorf("discord route %d %q after slack failed", code, b)
	}
	select {
	case err := <-done:
		t.Fatalf("Run returned %v while discord still serves", err)
	default:
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v after a clean shutdown", err)
	}
	if !discord.stopped.Load() {
		t.Error("discord not stopped")
	}
}

// Even with no platform left the process stays up (liveness 200) so
// /healthz can say why, until it is stopped.
func TestEveryPlatformFailedStaysUp(t *testing.T) {
	ln := listen(t)
	p := &fakePlatform{name: "slack", fail: make(chan error, 1)}
	p.fail <- errors.New("invalid_auth")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ln, Options{Platforms: []Platform{p, Disabled("discord")}}) }()
	var body string
	for range 200 { // until Run has seen the failure; a hang guard, not timing
		var code int
		if code, body = get(t, "http://"+ln.Addr().String()+"/healthz"); code != 200 {
			t.Fatalf("/healthz %d %s", code, body)
		}
		if strings.Contains(body, "invalid_auth") {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(body, `"slack":{"state":"failed","ready":false,"detail":"invalid_auth"}`) {
		t.Errorf("/healthz %s", body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v after a clean shutdown", err)
	}
}

func TestDisabledPlatform(t *testing.T) {
	ln := listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ln, Options{Platforms: []Platform{Disabled("slack")}}) }()
	code, body := get(t, "http://"+ln.Addr().String()+"/healthz")
	if code != 200 || !strings.Contains(body, `"disabled"`) {
		t.Errorf("healthz %d %s", code, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

func TestAdminListenerServesHealthAndMetricsApart(t *testing.T) {
	ln, admin := listen(t), listen(t)
	routes := http.NewServeMux()
	routes.HandleFunc("/slack/commands", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "slack") })
	metrics := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "factbot_metric 1") })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{Routes: routes, Metrics: metrics, Admin: admin,
			Platforms: []Platform{&fakePlatform{name: "slack", fail: make(chan error)}}})
	}()
	public, private := "http://"+ln.Addr().String(), "http://"+admin.Addr().String()
	if code, body := get(t, public+"/slack/commands"); code != 200 || body != "slack" {
		t.Errorf("public /slack/commands: %d %q", code, body)
	}
	for _, path := range []string{"/healthz", "/metrics"} {
		if code, _ := get(t, public+path); code != http.StatusNotFound {
			t.Errorf("public %s: %d, want 404 when admin_addr serves it", path, code)
		}
	}
	if code, body := get(t, private+"/healthz"); code != 200 || !strings.Contains(body, `"slack"`) {
		t.Errorf("admin /healthz: %d %q", code, body)
	}
	if code, body := get(t, private+"/metrics"); code != 200 || body != "factbot_metric 1" {
		t.Errorf("admin /metrics: %d %q", code, body)
	}
	if code, _ := get(t, private+"/slack/commands"); code != http.StatusNotFound {
		t.Errorf("admin /slack/commands: %d, want 404", code)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(private + "/healthz"); err == nil {
		t.Error("the admin listener still answers after Run returned")
	}
}
