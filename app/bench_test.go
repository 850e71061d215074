package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"calltally.app/app/ui/uitest"
	"calltally.app/storage"
)

// BenchmarkFirstWindow is the time from opening a data directory of
// 1,000,000 calls to the first screen (the dashboard, today) showing its
// data: opening the databases, building the frame and the screen, and its
// queries. Fyne's test driver stands in for the window (the GL window's
// own start-up is outside our code and measured by make screenshots).
func BenchmarkFirstWindow(b *testing.B) {
	dir := uitest.Million(b)
	test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	var worst time.Duration
	for b.Loop() {
		start := time.Now()
		q := make(chan func(), 4096)
		sh := newShell(w, Options{Dir: dir, Slug: storage.DefaultTenant}, func(fn func()) { q <- fn })
		if err := sh.open(dir); err != nil {
			b.Fatal(err)
		}
		sh.show(sh.first())
		uitest.Drain(b, q, sh.env)
		worst = max(worst, time.Since(start))
		b.StopTimer()
		sh.close()
		b.StartTimer()
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-ms")
}
