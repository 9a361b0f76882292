//go:build !linux

package main

import "time"

// threadCPU is 0 where the system cannot say: --stats then shows no CPU time.
func threadCPU() time.Duration { return 0 }
