package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes.
const (
	exitOK          = 0
	exitError       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
		os.Exit(exitOK)
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(os.Stderr, "kgbuild: interrupted")
		os.Exit(exitInterrupted)
	case errors.Is(err, errReported):
		os.Exit(exitError)
	default:
		fmt.Fprintln(os.Stderr, "kgbuild:", err)
		os.Exit(exitError)
	}
}
