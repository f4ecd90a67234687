package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/config"
)

// rss is the process's resident memory in bytes, from /proc (0 elsewhere).
func rss() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), 10, 64)
			return n << 10
		}
	}
	return 0
}

// inUse is the Go heap and stacks in use after a collection.
func inUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse + m.StackInuse)
}

// 3,000 connections that each declare a 60,000-byte body, send all of it
// but the last byte and then nothing (a slow-body attack on both platforms'
// endpoints, with a fresh timestamp and a well-formed signature header so
// Slack's header checks pass) must not grow the server by more than
// 75 MB: a 25 MB process stays under 100 MB. Bodies are read through a
// size-capped reader that allocates only what arrives, and the listener
// holds at most http.max_connections of them at once.
func TestSlowBodiesBoundMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 3,000 loopback connections")
	}
	const conns, declared, sent = 3000, 60000, 59999
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Slack.Enabled, cfg.Slack.SigningSecret, cfg.Slack.BotToken = true, "secret", "xoxb-test"
	cfg.Discord.Enabled, cfg.Discord.Mode = true, config.DiscordModeHTTP
	cfg.Discord.PublicKey = hex.EncodeToString(pub)
	base := startServe(t, cfg)
	addr := strings.TrimPrefix(base, "http://")

	heapBefore, rssBefore := inUse(), rss()
	var mu sync.Mutex
	var open []net.Conn
	t.Cleanup(func() {
		for _, c := range open {
			c.Close()
		}
	})
	body := strings.Repeat("a", sent)
	var wg sync.WaitGroup
	work := make(chan int)
	for range 64 {
		wg.Go(func() {
			for i := range work {
				c, err := net.DialTimeout("tcp", addr, 5*time.Second)
				if err != nil {
					continue // a full backlog: the server held off, which is the point
				}
				path, headers := "/slack/commands", fmt.Sprintf("X-Slack-Request-Timestamp: %d\r\nX-Slack-Signature: v0=%s\r\n",
					time.Now().Unix(), strings.Repeat("ab", 32))
				if i%2 == 1 {
					path, headers = "/discord/interactions", fmt.Sprintf("X-Signature-Timestamp: %d\r\nX-Signature-Ed25519: %s\r\n",
						time.Now().Unix(), strings.Repeat("ab", 64))
				}
				_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
				_, _ = fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: factbot\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n%s\r\n%s",
					path, declared, headers, body)
				mu.Lock()
				open = append(open, c)
				mu.Unlock()
			}
		})
	}
	for i := range conns {
		work <- i
	}
	close(work)
	wg.Wait()
	time.Sleep(500 * time.Millisecond) // let the server read what was sent; not a timing assertion

	heapDuring, rssDuring := inUse(), rss()
	t.Logf("%d connections open: Go heap+stacks %d → %d MB, RSS %d → %d MB",
		len(open), heapBefore>>20, heapDuring>>20, rssBefore>>20, rssDuring>>20)
	if grown := heapDuring - heapBefore; grown > 75<<20 {
		t.Errorf("3,000 slow bodies grew the heap and stacks by %d MB, want under 75", grown>>20)
	}
}
