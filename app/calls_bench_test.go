package app

import (
	"context"
	"testing"
	"time"

	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/storage"
	"fyne.io/fyne/v2"
)

// BenchmarkCallsPage is the grid's query for one page of 200 calls on a
// 1,000,000-call tenant, at the top, deep down, filtered and sorted, and
// the count and totals a filter change runs (all off the UI goroutine).
func BenchmarkCallsPage(b *testing.B) {
	ctx := context.Background()
	st, err := storage.Open(ctx, uitest.Million(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	t, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		b.Fatal(err)
	}
	src := tenantCalls{t}
	now := time.Now()
	month := storage.CallFilter{From: now.AddDate(0, -1, 0), To: now.AddDate(0, 0, 1)}
	inbound := month
	inbound.Direction = drivers.Inbound
	byDuration := storage.CallFilter{Order: storage.CallOrder{Column: storage.OrderDuration}}
	search := storage.CallFilter{Search: "201"}
	for _, bc := range []struct {
		name   string
		f      storage.CallFilter
		offset int
	}{
		{"top", storage.CallFilter{}, 0},
		{"offset-900k", storage.CallFilter{}, 900_000},
		{"inbound-month", inbound, 0},
		{"inbound-month-deep", inbound, 5_000},
		{"search-201", search, 0},
		{"by-duration", byDuration, 0},
		{"by-duration-offset-500k", byDuration, 500_000},
	} {
		b.Run("page/"+bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := src.CallPage(ctx, bc.f, bc.offset, callPageSize); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, bc := range []struct {
		name string
		f    storage.CallFilter
	}{{"all", storage.CallFilter{}}, {"inbound-month", inbound}, {"search-201", search}} {
		b.Run("count/"+bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := src.CountCalls(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("totals/"+bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := src.Summary(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCallsScroll is the UI goroutine's share of scrolling the grid
// through all 1,000,000 calls, 40 rows a step: laying out the rows in
// view (placeholders for pages not yet loaded), then showing a page once
// it has loaded. Page loads themselves run off the UI goroutine and are
// measured by BenchmarkCallsPage. Fyne's test driver stands in for the
// GL window, so drawing is not included.
func BenchmarkCallsScroll(b *testing.B) {
	e := uitest.New(b, uitest.Options{Dir: uitest.Million(b)})
	var worstShow time.Duration // of the functions queued for the UI goroutine
	do := e.Do
	e.Do = func(fn func()) {
		do(func() {
			start := time.Now()
			fn()
			worstShow = max(worstShow, time.Since(start))
		})
	}
	s := newCallsScreen(e, tenantCalls{e.Tenant})
	e.Window.SetContent(s.Content())
	s.filters.period.SetRange(time.Now().AddDate(-20, 0, 0), time.Now().AddDate(0, 0, 1))
	s.Refresh()
	uitest.Settle(b, e)
	if s.rows < uitest.MillionCalls/2 {
		b.Fatalf("the grid shows %d calls, want all of the million", s.rows)
	}
	rowHeight := s.table.MinSize().Height
	worstShow = 0
	var worstScroll time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		s.table.ScrollToOffset(fyne.NewPos(0, float32(i*40)*rowHeight))
		worstScroll = max(worstScroll, time.Since(start))
		b.StopTimer()
		uitest.Settle(b, e)
		b.StartTimer()
	}
	b.ReportMetric(float64(worstScroll.Microseconds())/1000, "worst-scroll-ms")
	b.ReportMetric(float64(worstShow.Microseconds())/1000, "worst-show-ms")
}
