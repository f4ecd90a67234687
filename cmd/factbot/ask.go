package main

import (
	"context"
	"io"
)

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return 0
}
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int { return 0 }
