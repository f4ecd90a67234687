package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// versionLine is what `factbot version` prints, from the build information
// the Go toolchain stamps into the binary: the module version (a tag, or a
// pseudo-version from the commit), the commit and its time, whether the
// work tree had changes, and the Go version. Nothing is set by hand.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "factbot (no build information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var details []string
	if rev != "" {
		details = append(details, "commit "+rev[:min(12, len(rev))])
	}
	if at != "" {
		details = append(details, at)
	}
	if modified {
		details = append(details, "modified")
	}
	line := "factbot " + v
	if len(details) > 0 {
		line += " (" + strings.Join(details, ", ") + ")"
	}
	return fmt.Sprintf("%s %s", line, info.GoVersion)
}
