// Command slackload measures a running `factbotd serve` from outside: it
// sends signed Slack slash commands from many users over keep-alive
// connections for a while and prints the rate and latencies. With -bare it
// is instead the baseline server: one that verifies the same signature and
// returns a fixed reply.
//
// Pin the server and the generator to different cores so they do not
// share one (compare.sh beside this file runs the whole comparison;
// docs/slack.md#throughput has the figures):
//
//	taskset -c 0 factbotd serve &
//	taskset -c 1 go run ./tools/slackload -url http://127.0.0.1:8080 -secret S
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
)

func main() {
	target := flag.String("url", "http://127.0.0.1:8080", "factbot's base URL")
	secret := flag.String("secret", "", "the Slack signing secret serve verifies with")
	users := flag.Int("users", 50_000, "distinct user IDs, one per pre-signed request")
	conns := flag.Int("c", 32, "concurrent keep-alive connections")
	duration := flag.Duration("d", 10*time.Second, "how long to measure")
	warmup := flag.Duration("warmup", 2*time.Second, "load before measuring")
	bare := flag.String("bare", "", "serve the baseline on this address instead of generating load")
	flag.Parse()
	if *secret == "" {
		fmt.Fprintln(os.Stderr, "slackload: -secret is required")
		os.Exit(2)
	}
	if *bare != "" {
		if err := serveBare(*bare, *secret); err != nil {
			fmt.Fprintln(os.Stderr, "slackload:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*target, *secret, *users, *conns, *warmup, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "slackload:", err)
		os.Exit(1)
	}
}

type request struct {
	body []byte
	ts   string
	sig  string
}

func run(target, secret string, users, conns int, warmup, duration time.Duration) error {
	if warmup+duration > 4*time.Minute {
		return fmt.Errorf("warm-up and duration exceed Slack's 5-minute signature window")
	}
	ts := time.Now().Unix()
	reqs := make([]request, users)
	for i := range reqs {
		body := slacktest.LoadCommand(i)
		reqs[i] = request{body: body, ts: strconv.FormatInt(ts, 10), sig: slacktest.Sign(secret, ts, body)}
	}
	endpoint := target + "/slack/commands"
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
	}, Timeout: 10 * time.Second}

	var (
		next     atomic.Int64
		measured atomic.Bool
		mu       sync.Mutex
		lat      []time.Duration
		ok, bad  atomic.Int64
	)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, warmup+duration)
	defer cancel()
	go func() {
		select {
		case <-time.After(warmup):
			measured.Store(true)
		case <-ctx.Done():
		}
	}()
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			var mine []time.Duration
			for ctx.Err() == nil {
				r := reqs[int(next.Add(1))%len(reqs)]
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(r.body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Slack-Request-Timestamp", r.ts)
				req.Header.Set("X-Slack-Signature", r.sig)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil && measured.Load() {
						bad.Add(1)
					}
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if !measured.Load() {
					continue
				}
				if resp.StatusCode == http.StatusOK {
					ok.Add(1)
					mine = append(mine, time.Since(t0))
				} else {
					bad.Add(1)
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Printf("%.0f req/s  (%d ok, %d failed in %s; %d users, %d connections)  p50 %s  p99 %s\n",
		float64(ok.Load())/duration.Seconds(), ok.Load(), bad.Load(), duration, users, conns,
		pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond))
	if ok.Load() == 0 {
		return fmt.Errorf("no request succeeded")
	}
	return nil
}

// serveBare is the baseline: verify the signature as factbot does (slack-go's
// SecretsVerifier), reply with a fixed ephemeral message.
func serveBare(addr, secret string) error {
	srv := &http.Server{Addr: addr, Handler: slacktest.BareHandler(secret), ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintln(os.Stderr, "slackload: bare baseline on", addr)
	return srv.ListenAndServe()
}
