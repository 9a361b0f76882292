package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Exit codes.
const (
	exitOK          = 0
	exitError       = 2
	exitInterrupted = 130
)

// memoryLimit is the heap size the garbage collector keeps kgbuild near,
// unless GOMEMLIMIT says otherwise. A transaction of 100,000 quads needs
// some 150 MB live; left to the default (collect when the heap doubles)
// the process grew from 120 MB on the dev corpus to 470 MB on a hundred
// times it, with this limit to under 300 MB, at the same speed
// (docs/benchmarks.md, "Memory").
const memoryLimit = 256 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
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
