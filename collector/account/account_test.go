package account

import (
	"context"
	"fmt"
	"testing"
	"time"

	"calltally.app/collector/classify"
	"calltally.app/collector/costing"
	"calltally.app/drivers"
	"calltally.app/storage"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

func tenant(t testing.TB) *storage.Tenant {
	st, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ten, err := st.Tenant(context.Background(), storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	return ten
}

// outbound is an answered outbound call of ext to number, at a weekday
// peak hour plus i minutes.
func outbound(i int, ext, number string, secs int) drivers.Call {
	start := time.Date(2026, 3, 10, 10, 0, 0, 0, berlin).Add(time.Duration(i) * time.Minute)
	return drivers.Call{Start: start, Duration: secs, Direction: drivers.Outbound, Extension: ext,
		External: number, Trunk: "T9001", Answered: true, Driver: "test",
		Legs: []drivers.Leg{{Party: ext, Start: start, Talk: secs, Outcome: drivers.Answered}}}
}

// store stores calls in one batch through an accountant.
func store(t testing.TB, ten *storage.Tenant, a *Accountant, calls []drivers.Call) {
	ctx := context.Background()
	pbx, _ := ten.PBX(ctx, "pbx", "test")
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	if err := a.Begin(ctx, b); err != nil {
		t.Fatal(err)
	}
	for i := range calls {
		if _, _, err := b.AddCall(ctx, pbx, &calls[i], drivers.FinalAnswerer); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Flush(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

const mobileOnly = `plan,Mobile only
currency,EUR
default,yes
increment,60/60
name,direction,prefix,country,type,scope,increment,setup,minimum,peak,offpeak,weekend,holiday
German mobile,,,DE,mobile,,,,,%s,
`

func TestAccountAndRerate(t *testing.T) {
	ctx := context.Background()
	ten := tenant(t)
	plan, err := classify.ParseText("country=DE area=30 access=0 internal=200-299")
	if err != nil {
		t.Fatal(err)
	}
	if err := ten.SetTariffs(ctx, fmt.Sprintf(mobileOnly, "0.10")); err != nil {
		t.Fatal(err)
	}
	store(t, ten, New(ten, &plan), []drivers.Call{
		outbound(0, "201", "001711234567", 90), // a mobile, 2 minutes billed
		outbound(1, "202", "00302345678", 30),  // a Berlin landline: no rate covers it
	})
	check := func(want map[string]string) {
		t.Helper()
		calls, _ := ten.Calls(ctx, storage.CallFilter{})
		for _, c := range calls {
			got := "unrated"
			if c.Rated {
				got = drivers.Micro(c.Cost) + " " + c.Currency
			}
			if got != want[c.Extension] {
				t.Errorf("call of %s to %s (%s %s): %s, want %s", c.Extension, c.External, c.Destination.Type, c.ExternalE164, got, want[c.Extension])
			}
		}
	}
	check(map[string]string{"201": "0.2 EUR", "202": "unrated"})
	if err := ten.SetTariffs(ctx, fmt.Sprintf(mobileOnly, "0.15")); err != nil {
		t.Fatal(err)
	}
	if n, err := Rerate(ctx, ten, storage.CallFilter{}); n != 2 || err != nil {
		t.Fatalf("Rerate = %d, %v", n, err)
	}
	check(map[string]string{"201": "0.3 EUR", "202": "unrated"})
	exts, _ := ten.Extensions(ctx, storage.ExtensionFilter{Unassigned: true})
	if len(exts) != 2 {
		t.Errorf("%d unassigned extensions, want 201 and 202", len(exts))
	}
}

// BenchmarkRerate prices 1,000,000 stored calls again, as `calltally
// rerate` does after a tariff change: reading them, pricing them, and
// writing the prices in one transaction.
func BenchmarkRerate(b *testing.B) {
	ctx := context.Background()
	ten := tenant(b)
	plan, _ := classify.ParseText("country=DE area=30 access=0 internal=200-299")
	ten.SetTariffs(ctx, costing.ExamplePlan)
	a := New(ten, &plan)
	numbers := []string{"001711234567", "00302345678", "0089123456", "0044207123456", "08001234567"}
	const total, batch = 1_000_000, 20_000
	for done := 0; done < total; done += batch {
		calls := make([]drivers.Call, batch)
		for i := range calls {
			calls[i] = outbound((done+i)%50_000, fmt.Sprint(200+i%40), numbers[i%len(numbers)], 10+i%600)
		}
		store(b, ten, a, calls)
	}
	b.ResetTimer()
	for range b.N {
		n, err := Rerate(ctx, ten, storage.CallFilter{})
		if err != nil || n != total {
			b.Fatalf("Rerate = %d, %v", n, err)
		}
	}
	b.ReportMetric(float64(total*b.N)/b.Elapsed().Seconds(), "calls/s")
}
