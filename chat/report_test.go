package chat

import (
	"testing"
	"time"
)

func TestParseReportArgs(t *testing.T) {
	tests := []struct {
		in     string
		kind   string
		period time.Duration
		ok     bool
	}{
		{"", "unanswered", 7 * 24 * time.Hour, true},
		{"feedback", "feedback", 7 * 24 * time.Hour, true},
		{"2w unanswered", "unanswered", 14 * 24 * time.Hour, true},
		{"feedback 36h", "feedback", 36 * time.Hour, true},
		{"FEEDBACK 3D", "feedback", 3 * 24 * time.Hour, true},
		{"0d", "", 0, false},
		{"-5h", "", 0, false},
		{"soon", "", 0, false},
		{"99999d", "", 0, false},
	}
	for _, tt := range tests {
		kind, period, _, ok := parseReportArgs(tt.in)
		if kind != tt.kind || period != tt.period || ok != tt.ok {
			t.Errorf("parseReportArgs(%q) = %q %v %v, want %q %v %v", tt.in, kind, period, ok, tt.kind, tt.period, tt.ok)
		}
	}
}

func FuzzParseReportArgs(f *testing.F) {
	for _, s := range []string{"", "feedback 7d", "2w", "36h", "1e9h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, period, _, ok := parseReportArgs(s)
		if ok && (period <= 0 || (kind != ReportUnanswered && kind != ReportFeedback)) {
			t.Fatalf("%q: accepted %q over %v", s, kind, period)
		}
	})
}
