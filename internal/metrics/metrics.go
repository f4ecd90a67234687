// Package metrics counts requests, questions, answer latency and rejected requests
// for Prometheus, on a registry of its own rather than the global one, so
// tests and several servers in one process never collide.
package metrics

import (
	"net/http"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/factbot/factbot/chat"
)

// Metrics holds factbot's collectors.
type Metrics struct {
	reg       *prometheus.Registry
	questions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	rejected  *prometheus.CounterVec
	requests  *prometheus.CounterVec
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
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "factbot",
			Name:      "requests_total",
			Help:      "Requests of every kind (ask, facts, feedback, report …), by platform, kind and status.",
		}, []string{"platform", "kind", "status"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "factbot",
			Name:      "rejected_requests_total",
			Help:      "Requests refused before or instead of answering, by platform and reason.",
		}, []string{"platform", "reason"}),
	}
	m.reg.MustRegister(m.questions, m.latency, m.rejected, m.requests,
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

// Observe counts one request handled by the chat core: every request by
// platform, kind and status; questions by intent and whether they were
// answered, with their latency; a rate-limited request as rejected.
func (m *Metrics) Observe(o chat.Observation) {
	m.requests.WithLabelValues(o.Platform, string(o.Kind), string(o.Status)).Inc()
	if o.Intent != "" {
		m.latency.WithLabelValues(o.Platform).Observe(o.Duration.Seconds())
		m.questions.WithLabelValues(o.Platform, string(o.Intent), strconv.FormatBool(o.Answered)).Inc()
	}
	if o.Status == chat.StatusRateLimited {
		m.Reject(o.Platform, string(o.Status))
	}
}
