package export

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"calltally.app/app/ui/uitest"
	"calltally.app/storage"
)

// openMillion opens the 1,000,000-call data directory of uitest.Million.
func openMillion(b *testing.B) *storage.Tenant {
	dir := uitest.Million(b)
	ctx := context.Background()
	st, err := storage.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	t, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		b.Fatal(err)
	}
	return t
}

// peakHeap samples the heap in use every 20 ms until stop is called, and
// returns the most it saw.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak.Load() {
			peak.Store(m.HeapInuse)
		}
	}
	go func() {
		defer close(finished)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		sample()
		return peak.Load()
	}
}

func benchmarkExport(b *testing.B, format Format, f storage.CallFilter) {
	t := openMillion(b)
	path := filepath.Join(b.TempDir(), "calls"+format.Ext())
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := peakHeap()
	var n int
	start := time.Now()
	for b.Loop() {
		var err error
		if n, err = File(context.Background(), path, format, t, f, nil); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start) / time.Duration(b.N)
	peak := stop()
	info, _ := os.Stat(path)
	b.ReportMetric(float64(n), "rows")
	b.ReportMetric(elapsed.Seconds(), "s/export")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(before.HeapInuse)/(1<<20), "heap-before-MiB")
	b.ReportMetric(float64(info.Size())/(1<<20), "file-MiB")
}

// BenchmarkXLSX1M exports all 1,000,000 calls to an Excel file.
func BenchmarkXLSX1M(b *testing.B) { benchmarkExport(b, FormatXLSX, storage.CallFilter{}) }

// BenchmarkCSV1M exports all 1,000,000 calls to CSV.
func BenchmarkCSV1M(b *testing.B) { benchmarkExport(b, FormatCSV, storage.CallFilter{}) }

// BenchmarkXLSX1MByDuration exports them sorted by duration, a sort no
// index gives.
func BenchmarkXLSX1MByDuration(b *testing.B) {
	benchmarkExport(b, FormatXLSX, storage.CallFilter{Order: storage.CallOrder{Column: storage.OrderDuration}})
}
