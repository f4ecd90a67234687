// Package metrics counts questions, answer latency and rejected requests
// for Prometheus, on a registry of its own rather than the global one, so
// tests and several servers in one process never collide.
package metrics

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/factbot/factbot/bot"
)

// Metrics holds factbot's collectors.
type Metrics struct {
	reg       *prometheus.Registry
	questions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	rejected  *prometheus.CounterVec
}

// New registers factbot's collectors, plus Go and process collectors, on a
// new registry.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "factbot",
			Name:      "questions_total",
			Help:      "Questions answered or declined, by platform, intent and whether they were answered.",
		}, []string{"platform", "intent", "answered"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "factbot",
			Name:      "answer_duration_seconds",
			Help:      "Time to produce an answer, by platform.",
			// The engine answers in microseconds; the top buckets catch trouble.
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"platform"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "factbot",
			Name:      "rejected_requests_total",
			Help:      "Requests refused before or instead of answering, by platform and reason.",
		}, []string{"platform", "reason"}),
	}
	m.reg.MustRegister(m.questions, m.latency, m.rejected,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// WatchStore exports the store's write queue: how many questions wait to
// be written (a gauge) and how many were lost because the store was slow
// or down (a counter), read from the functions given at each scrape.
func (m *Metrics) WatchStore(queued func() int, lost func() int64) {
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: "factbot", Name: "store_queued_records",
			Help: "Questions waiting to be written to the store.",
		}, func() float64 { return float64(queued()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Namespace: "factbot", Name: "store_lost_records_total",
			Help: "Questions not recorded because the store was slow or down (answers went on).",
		}, func() float64 { return float64(lost()) }),
	)
}

// Registry is the registry the collectors live on.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves /metrics in Prometheus format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Reject counts a request refused for reason (bad_signature, too_large,
// malformed, rate_limited, duplicate …).
func (m *Metrics) Reject(platform, reason string) {
	m.rejected.WithLabelValues(platform, reason).Inc()
}

// Middleware counts every question passing through to next and times it.
// A rate-limited answer is also counted as a rejected request.
func (m *Metrics) Middleware(next bot.Answerer) bot.Answerer {
	return bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		start := time.Now()
		a := next.Answer(ctx, q)
		m.latency.WithLabelValues(q.Platform).Observe(time.Since(start).Seconds())
		m.questions.WithLabelValues(q.Platform, string(a.Intent), strconv.FormatBool(a.Answered)).Inc()
		if a.Intent == bot.IntentLimited {
			m.Reject(q.Platform, a.Reason)
		}
		return a
	})
}
