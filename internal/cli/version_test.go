package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	for _, tc := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "94bf868cafe0123456789"}, {Key: "vcs.time", Value: "2026-11-30T08:17:00Z"}, {Key: "vcs.modified", Value: "false"},
		}}, "factbot v1.2.0 (commit 94bf868cafe0, 2026-11-30T08:17:00Z) go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261130081700-94bf868cafe0+dirty"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "94bf868cafe0123456789"}, {Key: "vcs.modified", Value: "true"},
		}}, "factbot v0.0.0-20261130081700-94bf868cafe0+dirty (commit 94bf868cafe0, modified) go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8"}, "factbot (devel) go1.26.8"},
		{nil, "factbot (no build information)"},
	} {
		if got := VersionLine("factbot", tc.info, tc.info != nil); got != tc.want {
			t.Errorf("VersionLine = %q, want %q", got, tc.want)
		}
	}
}
