package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
)

// Queries open the store read-only: bolt opens the file O_RDONLY under a
// shared lock, so no command can change it, and several kgquery processes can
// read at once. A running kgbuild holds the exclusive lock for its whole run;
// without --wait a query gives up after lockTimeout with a message that says
// so, instead of hanging until the build ends.

// lockTimeout is how long a query without --wait waits for the lock.
const lockTimeout = 500 * time.Millisecond

// defaultWait is how long --wait without a value waits.
const defaultWait = 10 * time.Minute

// lockPoll is how long each attempt to take the lock blocks while --wait
// waits, so that an interrupt or the end of --wait is noticed.
const lockPoll = 250 * time.Millisecond

// waitFlag registers --wait on fs: --wait waits defaultWait for a locked
// store, --wait=DURATION that long.
func waitFlag(fs *pflag.FlagSet, d *time.Duration) {
	fs.DurationVar(d, "wait", 0, "if kgbuild holds the store, wait for it (up to `DURATION`; --wait alone: "+defaultWait.String()+")")
	fs.Lookup("wait").NoOptDefVal = defaultWait.String()
}

// concurrentUse is what a locked bolt store's error says about the way out.
const concurrentUse = "bolt serves one writer or several readers; use PostgreSQL for concurrent use: docs/scale.md"

// open opens q.db read-only, waiting up to q.wait for a running kgbuild to
// release it.
func (q *query) open(ctx context.Context) (*store.Store, error) {
	st, err := store.Open(q.db, store.Options{ReadOnly: true, Timeout: lockTimeout})
	if !errors.Is(err, store.ErrLocked) {
		return st, err
	}
	if q.wait <= 0 {
		return nil, fmt.Errorf("%s is locked by a running kgbuild: wait for it or pass --wait (%w; %s)", q.db, store.ErrLocked, concurrentUse)
	}
	fmt.Fprintf(q.stderr, "kgquery: %s is locked by a running kgbuild; waiting up to %v\n", q.db, q.wait)
	deadline := time.Now().Add(q.wait)
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%s: stopped waiting for kgbuild's lock: %v", q.db, err)
		}
		st, err := store.Open(q.db, store.Options{ReadOnly: true, Timeout: min(lockPoll, max(time.Until(deadline), time.Millisecond))})
		if !errors.Is(err, store.ErrLocked) {
			return st, err
		}
		if !time.Now().Before(deadline) {
			return nil, fmt.Errorf("%s is still locked by a running kgbuild after --wait %v: try again later or raise --wait (%w; %s)", q.db, q.wait, store.ErrLocked, concurrentUse)
		}
	}
}
