package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCLI runs the command as main would, without a process.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		output string // in stdout or stderr
	}{
		{[]string{"version"}, 0, "factbotd "},
		{[]string{"help"}, 0, "factbotd serve"},
		{[]string{"--help"}, 0, "factbotd report"},
		{[]string{"serve", "-h"}, 0, "Usage: factbotd serve"},
		{[]string{"report", "-h"}, 0, "Usage: factbotd report"},
		{[]string{"discord", "register", "-h"}, 0, "Usage: factbotd discord register"},
		{[]string{"ask", "x"}, 2, `unknown command "ask"`},
		{nil, 2, "Usage"},
	} {
		code, stdout, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.output) {
			t.Errorf("factbotd %q: exit %d, want %d with %q in:\n%s%s", tc.args, code, tc.code, tc.output, stdout, stderr)
		}
	}
}
