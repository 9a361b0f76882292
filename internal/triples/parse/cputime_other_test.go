//go:build !unix

package parse

import "time"

var processStart = time.Now()

// cpuTime approximates the CPU time used by the wall-clock time since the
// tests started, where the system offers no rusage.
func cpuTime() time.Duration { return time.Since(processStart) }
