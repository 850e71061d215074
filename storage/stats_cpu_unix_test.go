//go:build unix

package storage

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used: benchmarks report it
// beside the wall time, which other work on a shared machine inflates.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
