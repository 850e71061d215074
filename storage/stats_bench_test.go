package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"calltally.app/drivers"
)

// The dashboard and missed-calls queries on 1,000,000 calls (50,000 with
// -short): a busy office over two years, some 1,370 calls a day.
// The target: a dashboard refresh within 2 s, so each query well under
// 100 ms for a month.

var march = CallFilter{From: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}

// benchQuery times q and reports ms per query, in wall time and in CPU
// time (all of the process's threads): on a shared machine the first
// varies with what else runs, the second much less.
func benchQuery(b *testing.B, q func(context.Context, *Tenant) error) {
	t := officeCalls(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		if err := q(ctx, t); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/query")
}

func BenchmarkStatsSummary(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		s, err := t.Summary(ctx, march)
		if err == nil && s.Calls == 0 && !testing.Short() {
			err = fmt.Errorf("no calls in March")
		}
		return err
	})
}

func BenchmarkStatsCallsPerHour(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.CallsPerHour(ctx, march)
		return err
	})
}

func BenchmarkStatsTopExtensions(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.TopExtensions(ctx, march, 10)
		return err
	})
}

func BenchmarkStatsTopDestinations(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.TopDestinations(ctx, march, 10)
		return err
	})
}

func BenchmarkStatsCostByDay(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.CostByDay(ctx, march)
		return err
	})
}

func BenchmarkStatsByDepartment(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.ByDepartment(ctx, march)
		return err
	})
}

func BenchmarkMissedCalls(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		m, err := t.MissedCalls(ctx, MissedFilter{CallFilter: march})
		if err == nil && len(m) == 0 && !testing.Short() {
			err = fmt.Errorf("no missed calls in March")
		}
		return err
	})
}

var lastYear = CallFilter{From: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}

// BenchmarkMissedCallsUnreturnedYear is every call of a year still to
// return.
func BenchmarkMissedCallsUnreturnedYear(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.MissedCalls(ctx, MissedFilter{CallFilter: lastYear, Unreturned: true})
		return err
	})
}

// BenchmarkStatsDashboardOnePass is Summary, CallsPerHour and CostByDay
// of a month in one pass.
func BenchmarkStatsDashboardOnePass(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.Dashboard(ctx, march)
		return err
	})
}

// BenchmarkStatsDashboard is one refresh of the dashboard for a month:
// every figure and chart.
func BenchmarkStatsDashboard(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error { return dashboard(ctx, t, march) })
}

// BenchmarkStatsDashboardToday is the dashboard's default period, a day.
func BenchmarkStatsDashboardToday(b *testing.B) {
	day := CallFilter{From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)}
	benchQuery(b, func(ctx context.Context, t *Tenant) error { return dashboard(ctx, t, day) })
}

// BenchmarkStatsDashboardYear is the longest period the dashboard offers.
func BenchmarkStatsDashboardYear(b *testing.B) {
	benchQuery(b, func(ctx context.Context, t *Tenant) error { return dashboard(ctx, t, lastYear) })
}

// BenchmarkStatsSummaryFiltered is the call grid's totals for a month of
// one department's long outbound calls.
func BenchmarkStatsSummaryFiltered(b *testing.B) {
	f := march
	f.Department, f.Direction, f.MinDuration = "Sales", drivers.Outbound, 60
	benchQuery(b, func(ctx context.Context, t *Tenant) error {
		_, err := t.Summary(ctx, f)
		return err
	})
}

// dashboard is a refresh of the dashboard: its figures and charts.
func dashboard(ctx context.Context, t *Tenant, f CallFilter) error {
	if _, err := t.Dashboard(ctx, f); err != nil {
		return err
	}
	if _, err := t.TopExtensions(ctx, f, 10); err != nil {
		return err
	}
	_, err := t.TopDestinations(ctx, f, 10)
	return err
}
