// Package cli holds what factbot's two commands, factbot and factbotd,
// share: flag parsing that tells help from a bad flag, and the version
// line.
package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// VersionLine is what `NAME version` prints, from the build information
// the Go toolchain stamps into the binary: the module version (a tag, or a
// pseudo-version from the commit), the commit and its time, whether the
// work tree had changes, and the Go version. Nothing is set by hand.
func VersionLine(name string, info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return name + " (no build information)"
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
	line := name + " " + v
	if len(details) > 0 {
		line += " (" + strings.Join(details, ", ") + ")"
	}
	return fmt.Sprintf("%s %s", line, info.GoVersion)
}

// Version is the version line of the running binary.
func Version(name string) string {
	info, ok := debug.ReadBuildInfo()
	return VersionLine(name, info, ok)
}
