package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/storage"
)

// millionEnv is an Env over uitest.Million's 1,000,000 calls, its UI
// queue run by the returned settle.
func millionEnv(b *testing.B) (*ui.Env, func()) {
	dir := uitest.Million(b)
	test.NewTempApp(b)
	ctx, cancel := context.WithCancel(context.Background())
	st, err := storage.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	ten, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		b.Fatal(err)
	}
	q := make(chan func(), 4096)
	e := &ui.Env{Ctx: ctx, Store: st, Tenant: ten, Slug: storage.DefaultTenant, Dir: dir,
		Window: test.NewTempWindow(b, nil), Do: func(fn func()) { q <- fn }}
	e.Window.Resize(fyne.NewSize(1200, 800))
	b.Cleanup(func() { cancel(); st.Close() })
	return e, func() {
		for e.Busy() > 0 {
			(<-q)()
		}
	}
}

// benchRefresh times refreshes of a screen from the call to the result
// shown, the worst one too.
func benchRefresh(b *testing.B, s ui.Screen, settle func(), before func()) {
	var worst time.Duration
	for b.Loop() {
		if before != nil {
			before()
		}
		start := time.Now()
		s.Refresh()
		settle()
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-ms")
}

// BenchmarkDashboardMonth is a live refresh of the dashboard over this
// month of a million-call site when calls arrived: every figure queried,
// every chart drawn again.
func BenchmarkDashboardMonth(b *testing.B) {
	e, settle := millionEnv(b)
	s := newDashboard(e).(*dashboardScreen)
	e.Window.SetContent(s.Content())
	pickPeriod(b, s.period, "period.this_month")
	settle()
	benchRefresh(b, s, settle, func() { s.cache = dashChartCache{} })
}

// BenchmarkDashboardToday is the same for today, the dashboard's default.
func BenchmarkDashboardToday(b *testing.B) {
	e, settle := millionEnv(b)
	s := newDashboard(e).(*dashboardScreen)
	e.Window.SetContent(s.Content())
	benchRefresh(b, s, settle, func() { s.cache = dashChartCache{} })
}

// BenchmarkMissedWeek is a refresh of the missed calls of the last 7
// days, returned ones included, on a million-call site.
func BenchmarkMissedWeek(b *testing.B) {
	e, settle := millionEnv(b)
	s := newMissed(e).(*missedScreen)
	e.Window.SetContent(s.Content())
	s.unreturned.SetChecked(false)
	settle()
	benchRefresh(b, s, settle, nil)
}
