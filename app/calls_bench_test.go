package app

import (
	"context"
	"testing"
	"time"

	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/storage"
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
