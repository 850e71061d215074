package storage

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
)

// TestStatsDashboardAgrees checks that the one-pass Dashboard gives what
// Summary, CallsPerHour and CostByDay give one by one.
func TestStatsDashboardAgrees(t *testing.T) {
	_, ten := openTenant(t)
	calls := append(append([]sc{}, statsDay...), missedDay...)
	calls = append(calls,
		sc{start: utcIn(2026, 10, 25, 0, 30), dir: drivers.Inbound, ext: "201", cost: 0, cur: "EUR"},
		sc{start: utcIn(2026, 10, 25, 1, 30), dir: drivers.Outbound, ext: "250", answered: true, talk: 61, cost: 20_000, cur: "GBP"},
		sc{start: bt("2026-03-03 00:30"), dir: drivers.Outbound, ext: "201", answered: true, talk: 5, cost: 2_000_000, cur: "EUR"},
		sc{start: bt("2026-03-03 01:30"), dir: drivers.Tandem, num: "0301112222"},
	)
	storeStats(t, ten, calls...)
	ctx := context.Background()
	for _, f := range []CallFilter{
		{},
		monday,
		{VoicemailMissed: true},
		{From: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		{Department: "Sales", Direction: drivers.Inbound},
		{Extension: "nobody"},
	} {
		got, err := ten.Dashboard(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var want Dashboard
		if want.Summary, err = ten.Summary(ctx, f); err != nil {
			t.Fatal(err)
		}
		if want.Hours, err = ten.CallsPerHour(ctx, f); err != nil {
			t.Fatal(err)
		}
		if want.CostByDay, err = ten.CostByDay(ctx, f); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("filter %+v: Dashboard =\n%+v\nwant\n%+v", f, got, want)
		}
	}
}

// TestStatsUseCoveringIndex guards the dashboard's speed: its queries of a
// period read the index calls_period alone, never the calls' rows.
func TestStatsUseCoveringIndex(t *testing.T) {
	_, ten := openTenant(t)
	where, args := monday.where()
	for name, q := range map[string]string{
		"Summary":      fmt.Sprintf(summaryQuery, answeredBy(false), where),
		"voicemail":    fmt.Sprintf(summaryQuery, answeredBy(true), where),
		"CallsPerHour": fmt.Sprintf(hoursQuery, where),
		"CostByDay":    fmt.Sprintf(dayCostQuery, and(where, "cost IS NOT NULL")),
		"Dashboard":    fmt.Sprintf(dashboardQuery, answeredBy(false), where),
	} {
		plan := queryPlan(t, ten, q, args...)
		if !strings.Contains(plan, "SEARCH calls USING COVERING INDEX calls_period (start_local>? AND start_local<?)") {
			t.Errorf("%s: plan does not read calls_period alone:\n%s", name, plan)
		}
	}
}
