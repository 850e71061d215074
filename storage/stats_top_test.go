package storage

import (
	"context"
	"reflect"
	"testing"

	"calltally.app/drivers"
)

var monday = CallFilter{From: bt("2026-03-02 00:00"), To: bt("2026-03-03 00:00")}

func TestStatsTopExtensions(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, statsDay...)
	eur0 := Costs{{"EUR", 0}}
	all := []ExtensionStat{
		{"201", "Anna", Tally{Calls: 4, Talk: 180, Cost: eur0}},
		{"202", "Ben", Tally{Calls: 3, Talk: 245, Cost: Costs{{"EUR", 350_000}}}},
		{"250", "Cleo", Tally{Calls: 1, Talk: 300, Cost: Costs{{"GBP", 2_400_000}}}},
		{"299", "", Tally{Calls: 1, Talk: 30}},
		{"203", "", Tally{Calls: 1, Cost: eur0}},
	}
	for _, tt := range []struct {
		name string
		n    int
		want []ExtensionStat
	}{{"all", 0, all}, {"top 2", 2, all[:2]}, {"more than there are", 9, all}} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ten.TopExtensions(context.Background(), monday, tt.n)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("TopExtensions = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestStatsTopExtensionsNameAndCurrencies(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten,
		sc{start: bt("2026-03-02 09:00"), dir: drivers.Outbound, ext: "205", name: "Old holder", cost: 100_000, cur: "EUR"},
		sc{start: bt("2026-03-02 10:00"), dir: drivers.Outbound, ext: "205", name: "New holder"},
		sc{start: bt("2026-03-02 11:00"), dir: drivers.Outbound, ext: "205"},
		sc{start: bt("2026-03-02 12:00"), dir: drivers.Outbound, ext: "205", name: "Older name", cost: 200_000, cur: "GBP"},
		sc{start: bt("2026-03-02 12:30"), dir: drivers.Outbound, ext: "206", name: "Other", cost: 50_000, cur: "EUR"},
		sc{start: bt("2026-03-03 12:00"), dir: drivers.Outbound, ext: "205", name: "Next day"},
	)
	got, err := ten.TopExtensions(context.Background(), monday, 0)
	want := []ExtensionStat{
		{"205", "Older name", Tally{Calls: 4, Cost: Costs{{"EUR", 100_000}, {"GBP", 200_000}}}},
		{"206", "Other", Tally{Calls: 1, Cost: Costs{{"EUR", 50_000}}}},
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("TopExtensions = %+v, %v; want %+v: 205 named after its last named call of the period, its costs in two currencies", got, err, want)
	}
}

func TestStatsTopDestinations(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, statsDay...)
	outbound := []DestinationStat{
		{"DE", "fixed", Tally{Calls: 2, Talk: 245, Cost: Costs{{"EUR", 350_000}}}},
		{"GB", "fixed", Tally{Calls: 1, Talk: 300, Cost: Costs{{"GBP", 2_400_000}}}},
		{"DE", "mobile", Tally{Calls: 1, Cost: Costs{{"EUR", 0}}}},
	}
	inbound := monday
	inbound.Direction = drivers.Inbound
	for _, tt := range []struct {
		name string
		f    CallFilter
		n    int
		want []DestinationStat
	}{
		{"outbound by default", monday, 0, outbound},
		{"top 1", monday, 1, outbound[:1]},
		{"inbound: unclassified callers", inbound, 5, []DestinationStat{{"", "", Tally{Calls: 5, Talk: 150, Cost: Costs{{"EUR", 0}}}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ten.TopDestinations(context.Background(), tt.f, tt.n)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("TopDestinations = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestStatsByDepartment(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, statsDay...)
	want := []DepartmentStat{
		{"", Tally{Calls: 1, Talk: 30}},
		{"London", Tally{Calls: 1, Talk: 300, Cost: Costs{{"GBP", 2_400_000}}}},
		{"Sales", Tally{Calls: 4, Talk: 180, Cost: Costs{{"EUR", 0}}}},
		{"Sales/Inside", Tally{Calls: 4, Talk: 245, Cost: Costs{{"EUR", 350_000}}}},
	}
	got, err := ten.ByDepartment(context.Background(), monday)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ByDepartment = %+v, %v; want %+v", got, err, want)
	}
	f := monday
	f.Department = "Sales"
	got, err = ten.ByDepartment(context.Background(), f)
	if err != nil || !reflect.DeepEqual(got, want[2:]) {
		t.Errorf("ByDepartment of Sales = %+v, %v; want %+v", got, err, want[2:])
	}
}
