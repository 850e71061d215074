package costing

import (
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

// benchDests is a site's mix of destinations: mostly national and mobile,
// some international, service and free numbers.
var benchDests = []Dest{
	{E164: "+4930123456", Country: "DE", Type: "fixed", Scope: "local"},
	{E164: "+49891234567", Country: "DE", Type: "fixed", Scope: "national"},
	{E164: "+4940123456", Country: "DE", Type: "fixed", Scope: "national"},
	{E164: "+4915112345678", Country: "DE", Type: "mobile", Scope: "national"},
	{E164: "+4917612345678", Country: "DE", Type: "mobile", Scope: "national"},
	{E164: "+498001234567", Country: "DE", Type: "toll-free", Scope: "national"},
	{E164: "+4918051234567", Country: "DE", Type: "shared-cost", Scope: "national"},
	{E164: "+43123456789", Country: "AT", Type: "fixed", Scope: "international"},
	{E164: "+41791234567", Country: "CH", Type: "mobile", Scope: "international"},
	{E164: "+447700900123", Country: "GB", Type: "mobile", Scope: "international"},
	{E164: "+12125550100", Country: "US", Type: "fixed-or-mobile", Scope: "international"},
	{E164: "+81312345678", Country: "JP", Type: "fixed", Scope: "international"},
	{Country: "DE", Type: "emergency", Scope: "emergency"},
}

// benchCalls returns n calls spread over a week of 2026 on the site's
// trunks, a third inbound, with durations up to 20 minutes.
func benchCalls(n int) []Call {
	rng := rand.New(rand.NewPCG(1, 2))
	week := at("2026-03-09 00:00:00")
	trunks := []string{"SIP-1", "SIP-2", "ISDN-1", "PRI-9"}
	calls := make([]Call, n)
	for i := range calls {
		dir := Outbound
		if rng.IntN(3) == 0 {
			dir = Inbound
		}
		calls[i] = Call{
			Start:     week.Add(time.Duration(rng.IntN(7*24*3600)) * time.Second),
			Duration:  rng.IntN(1200),
			Direction: dir,
			Trunk:     trunks[rng.IntN(len(trunks))],
			Dest:      benchDests[rng.IntN(len(benchDests))],
		}
	}
	return calls
}

// BenchmarkRate rates calls through the example plans (plan choice by
// trunk, band, rate lookup, arithmetic), as re-rating does for every stored
// call; calls/s is the figure for `make bench`.
func BenchmarkRate(b *testing.B) {
	f, err := os.Open("example-plan.csv")
	if err != nil {
		b.Fatal(err)
	}
	plans, err := ParseCSV(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	set, err := NewPlans(plans)
	if err != nil {
		b.Fatal(err)
	}
	calls := benchCalls(1 << 16)
	var total Money
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		cost, _, err := set.Rate(calls[i&(len(calls)-1)])
		if err != nil {
			b.Fatal(err)
		}
		total += cost
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	if total < 0 {
		b.Fatal("negative total")
	}
}
