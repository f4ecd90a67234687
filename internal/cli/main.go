package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Main runs a command: run gets a context cancelled on SIGINT or SIGTERM,
// and its result is the process's exit status.
func Main(run func(ctx context.Context) int) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx)
	stop()
	os.Exit(code)
}
