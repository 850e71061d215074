package storage

import (
	"context"
	"sync"
	"testing"
	"time"
)

// A fixture is a tenant filled once per benchmark run: 1,000,000 calls
// (50,000 with -short) stored by fill.
type fixture struct {
	once   sync.Once
	tenant *Tenant
}

func (f *fixture) get(b *testing.B, fill func(testing.TB, *Tenant, int)) *Tenant {
	f.once.Do(func() {
		n := 1_000_000
		if testing.Short() {
			n = 50_000
		}
		st, err := Open(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		f.tenant, _ = st.Tenant(context.Background(), DefaultTenant)
		start := time.Now()
		fill(b, f.tenant, n)
		b.Logf("stored %d calls in %v", n, time.Since(start).Round(time.Second))
	})
	return f.tenant
}

var million fixture

// millionCalls returns a tenant holding 1,000,000 calls (fewer with
// -short), built once per benchmark run.
func millionCalls(b *testing.B) *Tenant { return million.get(b, fill) }

func fill(b testing.TB, t *Tenant, n int) {
	ctx := context.Background()
	pbx, _ := t.PBX(ctx, "bench", "test")
	start := time.Now()
	for done := 0; done < n; {
		batch, err := t.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		end := min(done+5000, n)
		addCalls(b, batch, pbx, done, end)
		done = end
		if err := batch.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d calls in %v", n, time.Since(start).Round(time.Second))
}

// BenchmarkNewest100 is the call list's first page.
func BenchmarkNewest100(b *testing.B) {
	t := millionCalls(b)
	b.ResetTimer()
	for range b.N {
		calls, err := t.Calls(context.Background(), CallFilter{Limit: 100})
		if err != nil || len(calls) != 100 {
			b.Fatal(len(calls), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
}

// BenchmarkDeepPage is a page of 200 near the end of the list, where a
// scroll bar dragged to the bottom lands.
func BenchmarkDeepPage(b *testing.B) {
	t := millionCalls(b)
	n, _ := t.CountCalls(context.Background(), CallFilter{})
	b.ResetTimer()
	for range b.N {
		calls, err := t.Calls(context.Background(), CallFilter{Offset: n * 9 / 10, Limit: 200})
		if err != nil || len(calls) != 200 {
			b.Fatal(len(calls), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
}

// BenchmarkCount is the call list's row count.
func BenchmarkCount(b *testing.B) {
	t := millionCalls(b)
	b.ResetTimer()
	for range b.N {
		if _, err := t.CountCalls(context.Background(), CallFilter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
}

// BenchmarkExtensionMonth is a filtered grid query: one extension's calls
// in one month, newest 100.
func BenchmarkExtensionMonth(b *testing.B) {
	t := millionCalls(b)
	from := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for range b.N {
		if _, err := t.Calls(context.Background(), CallFilter{Extension: "205", From: from, To: from.AddDate(0, 1, 0), Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
}
