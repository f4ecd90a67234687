// Command factbot answers questions about cannabis law in Norway from the
// Wikipedia article "Cannabis in Norway": on the command line (ask, eval)
// and in Slack and Discord (serve).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `factbot answers questions about cannabis law in Norway, quoting the
Wikipedia article "Cannabis in Norway" (CC BY-SA 4.0), or about any other article
given with --corpus FILE.

Usage:
  factbot ask [--json] [--corpus FILE] [QUESTION]   answer one question (or one per stdin line)
  factbot eval [--min 0.9] [--corpus FILE] FILE     score a question set (JSON lines)
  factbot gate fit|cv [--out FILE] SET...          fit the answer-or-decline gate on labelled questions
  factbot serve [--config FILE]                     run the Slack and Discord adapters
  factbot report unanswered|feedback [--since 7d]   moderators' reports from the event store
  factbot discord register [--config FILE]         register the Discord slash commands (needs the bot token)
  factbot version                                   print the version
  factbot help                                      show this help

Run "factbot COMMAND -h" for the flags of a command.
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
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "report":
		return runReport(ctx, rest, stdout, stderr)
	case "discord":
		return runDiscord(ctx, rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, versionLine(debug.ReadBuildInfo()))
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "factbot: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}

// parseFlags parses a subcommand's flags. done says the command should stop
// with code: 0 after -h (the usage is printed), 2 on a bad flag (the flag
// package has said which).
func parseFlags(fs *flag.FlagSet, args []string) (code int, done bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		return 0, true
	default:
		return 2, true
	}
}
