package storage

import (
	"context"
	"reflect"
	"testing"
	"time"

	"calltally.app/drivers"
)

// utcIn is the Berlin time of a UTC instant: on the days clocks change,
// wall-clock strings are missing or ambiguous.
func utcIn(year int, month time.Month, day, hour, min int) time.Time {
	return time.Date(year, month, day, hour, min, 0, 0, time.UTC).In(berlin)
}

func TestStatsCallsPerHourOnDSTDays(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten,
		sc{start: utcIn(2026, 3, 28, 22, 30), dir: drivers.Inbound, ext: "201"},  // 23:30 on the 28th
		sc{start: utcIn(2026, 3, 29, 0, 30), dir: drivers.Inbound, ext: "201"},   // 01:30 CET
		sc{start: utcIn(2026, 3, 29, 1, 30), dir: drivers.Outbound, ext: "201"},  // 03:30 CEST: 02:xx never was
		sc{start: utcIn(2026, 3, 29, 1, 45), dir: drivers.Internal, ext: "201"},  // 03:45 CEST
		sc{start: utcIn(2026, 3, 29, 21, 59), dir: drivers.Inbound, ext: "201"},  // 23:59 CEST
		sc{start: utcIn(2026, 3, 29, 22, 30), dir: drivers.Inbound, ext: "201"},  // 00:30 on the 30th
		sc{start: utcIn(2026, 10, 25, 0, 30), dir: drivers.Inbound, ext: "201"},  // 02:30 CEST
		sc{start: utcIn(2026, 10, 25, 1, 30), dir: drivers.Inbound, ext: "202"},  // 02:30 CET, again
		sc{start: utcIn(2026, 10, 25, 2, 30), dir: drivers.Outbound, ext: "202"}, // 03:30 CET
		sc{start: utcIn(2026, 10, 25, 4, 0), dir: drivers.Tandem, ext: ""},       // left out
	)
	day := func(m time.Month, d int) CallFilter {
		from := time.Date(2026, m, d, 0, 0, 0, 0, time.UTC)
		return CallFilter{From: from, To: from.AddDate(0, 0, 1)}
	}
	var spring, autumn [24]HourCount
	spring[1].In, spring[3].Out, spring[3].Internal, spring[23].In = 1, 1, 1, 1
	autumn[2].In, autumn[3].Out = 2, 1
	tests := []struct {
		name string
		f    CallFilter
		want [24]HourCount
	}{
		{"clocks go forward: no 02:00 hour", day(3, 29), spring},
		{"clocks go back: 02:00 twice", day(10, 25), autumn},
		{"extension", CallFilter{From: day(10, 25).From, Extension: "202"}, func() (h [24]HourCount) {
			h[2].In, h[3].Out = 1, 1
			return h
		}()},
		{"nothing", day(5, 1), [24]HourCount{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ten.CallsPerHour(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("CallsPerHour =\n%v, want\n%v", got, tt.want)
			}
		})
	}
}

func TestStatsCostByDay(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten,
		sc{start: bt("2026-03-02 23:30"), dir: drivers.Outbound, ext: "201", cost: 1_000_000, cur: "EUR"},
		sc{start: bt("2026-03-03 00:30"), dir: drivers.Outbound, ext: "201", cost: 2_000_000, cur: "EUR"}, // 23:30 UTC on the 2nd
		sc{start: bt("2026-03-03 17:00"), dir: drivers.Outbound, ext: "201", cost: 10_000, cur: "EUR"},
		sc{start: bt("2026-03-04 12:00"), dir: drivers.Outbound, ext: "250", cost: 500_000, cur: "GBP"},
		sc{start: bt("2026-03-05 12:00"), dir: drivers.Outbound, ext: "201"}, // unrated
	)
	d := func(day int, cost int64, cur string) DayCost {
		return DayCost{Day: time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC), Cost: cost, Currency: cur}
	}
	tests := []struct {
		name string
		f    CallFilter
		want []DayCost
	}{
		{"days with a cost", CallFilter{}, []DayCost{
			d(2, 1_000_000, "EUR"), d(2, 0, "GBP"), d(3, 2_010_000, "EUR"), d(3, 0, "GBP"), d(4, 0, "EUR"), d(4, 500_000, "GBP"),
		}},
		{"the whole period", CallFilter{From: bt("2026-03-01 00:00"), To: bt("2026-03-06 00:00"), Extension: "201"}, []DayCost{
			d(1, 0, "EUR"), d(2, 1_000_000, "EUR"), d(3, 2_010_000, "EUR"), d(4, 0, "EUR"), d(5, 0, "EUR"),
		}},
		{"nothing priced", CallFilter{From: bt("2026-03-05 00:00")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ten.CostByDay(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CostByDay =\n%v, want\n%v", got, tt.want)
			}
		})
	}
}
