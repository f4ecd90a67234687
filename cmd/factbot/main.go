// Command factbot answers questions about cannabis law in Norway from the
// Wikipedia article "Cannabis in Norway", or about another article, on
// the command line (ask, eval) and fits its answer-or-decline gate (gate).
// The bot's service for Slack and Discord is a command of its own,
// factbotd: this one links none of it, so a process that answers one
// question starts without initialising the platforms, store and metrics.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/factbot/factbot/internal/cli"
)

func main() {
	cli.Main(func(ctx context.Context) int { return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr) })
}

const usage = `factbot answers questions about cannabis law in Norway, quoting the
Wikipedia article "Cannabis in Norway" (CC BY-SA 4.0), or about any other article
given with --corpus FILE.

Usage:
  factbot ask [--json] [--corpus FILE] [QUESTION]   answer one question (or one per stdin line)
  factbot eval [--min 0.9] [--corpus FILE] FILE     score a question set (JSON lines)
  factbot gate fit|cv [--out FILE] SET...          fit the answer-or-decline gate on labelled questions
  factbot version                                   print the version
  factbot help                                      show this help

Run "factbot COMMAND -h" for the flags of a command. The bot in Slack and
Discord, and its moderators' reports, are factbotd (go run ./cmd/factbotd help).
`

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "gate":
		return runGate(ctx, rest, stdout, stderr)
	case "serve", "report", "discord":
		fmt.Fprintf(stderr, "factbot: %q is a command of factbotd, the bot's service: factbotd %s (go run ./cmd/factbotd %s)\n", cmd, cmd, cmd)
		return 2
	case "version", "--version":
		fmt.Fprintln(stdout, cli.Version("factbot"))
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "factbot: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}
