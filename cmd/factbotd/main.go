// Command factbotd is factbot's service: it answers questions in Slack and
// Discord (serve), registers the Discord commands (discord register) and
// prints the moderators' reports from its event store (report). Asking on
// the command line is factbot's.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/factbot/factbot/internal/cli"
)

func main() {
	cli.Main(func(ctx context.Context) int { return run(ctx, os.Args[1:], os.Stdout, os.Stderr) })
}

const usage = `factbotd is factbot's service: it answers questions about cannabis law in
Norway in Slack and Discord, quoting the Wikipedia article "Cannabis in Norway"
(CC BY-SA 4.0), or another article given with --corpus FILE.

Usage:
  factbotd serve [--config FILE]                     run the Slack and Discord adapters
  factbotd report unanswered|feedback [--since 7d]   moderators' reports from the event store
  factbotd discord register [--config FILE]         register the Discord slash commands (needs the bot token)
  factbotd version                                   print the version
  factbotd help                                      show this help

Run "factbotd COMMAND -h" for the flags of a command. Asking on the command
line is factbot's (go run ./cmd/factbot help).
`

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "report":
		return runReport(ctx, rest, stdout, stderr)
	case "discord":
		return runDiscord(ctx, rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, cli.Version("factbotd"))
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "factbotd: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}
