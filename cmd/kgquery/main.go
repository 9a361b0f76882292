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
	exitNoResults   = 1
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
		fmt.Fprintln(os.Stderr, "kgquery: interrupted")
		os.Exit(exitInterrupted)
	case errors.Is(err, ErrNoResults):
		fmt.Fprintln(os.Stderr, "kgquery:", err)
		os.Exit(exitNoResults)
	default:
		fmt.Fprintln(os.Stderr, "kgquery:", err)
		os.Exit(exitError)
	}
}
