package storage

import (
	"cmp"
	"context"
	"reflect"
	"testing"
	"time"

	"calltally.app/drivers"
)

// sc is a hand-built call for the stats and missed-calls tests.
type sc struct {
	start     time.Time
	dir       drivers.Direction
	ext, name string
	num, e164 string // the outside number as written, and in E.164
	answered  bool
	vm        bool // voicemail only (answered too)
	talk      int
	dept      string
	cost      int64  // micro-units
	cur       string // "" leaves the call unrated
	country   string
	typ       string
	pbx       string // "pbx" when empty
}

// bt is a Berlin wall-clock time "2006-01-02 15:04".
func bt(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
	if err != nil {
		panic(err)
	}
	return t
}

func (c sc) call() drivers.Call {
	outcome := drivers.Unanswered
	if c.answered {
		outcome = drivers.Answered
	}
	return drivers.Call{
		Start: c.start, Duration: c.talk, Direction: c.dir, Extension: c.ext, ExtensionName: c.name,
		External: c.num, Answered: c.answered || c.vm, Voicemail: c.vm, Driver: "test",
		Legs: []drivers.Leg{{Party: c.ext, Start: c.start, Talk: c.talk, Outcome: outcome}},
		Accounting: drivers.Accounting{
			ExternalE164: c.e164, Department: c.dept, Cost: c.cost, Currency: c.cur, Rated: c.cur != "",
			Destination: drivers.Destination{Country: c.country, Type: c.typ},
		},
	}
}

// storeStats stores calls and returns their row IDs in order.
func storeStats(t *testing.T, ten *Tenant, calls ...sc) []int64 {
	t.Helper()
	ctx := context.Background()
	pbxs := map[string]int64{}
	for _, c := range calls {
		name := cmp.Or(c.pbx, "pbx")
		id, err := ten.PBX(ctx, name, "test")
		if err != nil {
			t.Fatal(err)
		}
		pbxs[name] = id
	}
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	var ids []int64
	for _, c := range calls {
		call := c.call()
		id, _, err := b.AddCall(ctx, pbxs[cmp.Or(c.pbx, "pbx")], &call, drivers.FinalAnswerer)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// statsDay is one Monday of a small office with two currencies (a London
// desk, 250, is priced in GBP).
var statsDay = []sc{
	{start: bt("2026-03-02 09:00"), dir: drivers.Inbound, ext: "201", name: "Anna", num: "030 1234567", e164: "+49301234567", answered: true, talk: 120, dept: "Sales", cur: "EUR"},
	{start: bt("2026-03-02 09:10"), dir: drivers.Inbound, ext: "201", name: "Anna", num: "0301112222", e164: "+49301112222", dept: "Sales"},
	{start: bt("2026-03-02 09:20"), dir: drivers.Inbound, ext: "299", num: "0301113333", e164: "+49301113333", vm: true, talk: 30},
	{start: bt("2026-03-02 09:30"), dir: drivers.Outbound, ext: "202", name: "Ben", num: "00301112222", e164: "+49301112222", answered: true, talk: 200, dept: "Sales/Inside", cost: 350_000, cur: "EUR", country: "DE", typ: "fixed"},
	{start: bt("2026-03-02 10:00"), dir: drivers.Internal, ext: "201", name: "Anna", num: "", answered: true, talk: 60, dept: "Sales"},
	{start: bt("2026-03-02 10:30"), dir: drivers.Outbound, ext: "250", name: "Cleo", num: "00442071234567", e164: "+442071234567", answered: true, talk: 300, dept: "London", cost: 2_400_000, cur: "GBP", country: "GB", typ: "fixed"},
	{start: bt("2026-03-02 10:40"), dir: drivers.Outbound, ext: "203", num: "0171234567", e164: "+49171234567", dept: "Sales/Inside", cur: "EUR", country: "DE", typ: "mobile"},
	{start: bt("2026-03-02 11:00"), dir: drivers.Inbound, ext: "202", name: "Ben", num: "0301114444", e164: "+49301114444", dept: "Sales/Inside"},
	{start: bt("2026-03-02 11:30"), dir: drivers.Inbound, ext: "201", name: "Anna", num: "", dept: "Sales"},
	{start: bt("2026-03-02 12:00"), dir: drivers.Outbound, ext: "202", name: "Ben", num: "0891234567", e164: "+49891234567", answered: true, talk: 45, dept: "Sales/Inside", country: "DE", typ: "fixed"},
	{start: bt("2026-03-03 08:00"), dir: drivers.Outbound, ext: "202", name: "Ben", num: "00301114444", e164: "+49301114444", answered: true, talk: 90, dept: "Sales/Inside", cost: 150_000, cur: "EUR", country: "DE", typ: "fixed"},
}

func TestStatsSummary(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, statsDay...)
	monday := CallFilter{From: bt("2026-03-02 00:00"), To: bt("2026-03-03 00:00")}
	vmMissed := monday
	vmMissed.VoicemailMissed = true
	tests := []struct {
		name string
		f    CallFilter
		want Summary
	}{
		{"monday", monday, Summary{
			Calls: 10, Inbound: 5, Outbound: 4, Internal: 1, Answered: 6, InboundAnswered: 2,
			// 09:10 was returned by 09:30; 11:00 only on Tuesday, which still counts; 11:30 is withheld
			Missed: 3, Unreturned: 1, Voicemail: 1, Talk: 755, Connected: 6,
			Cost: Costs{{"EUR", 350_000}, {"GBP", 2_400_000}}, Unrated: 6,
		}},
		{"voicemail missed", vmMissed, Summary{
			Calls: 10, Inbound: 5, Outbound: 4, Internal: 1, Answered: 5, InboundAnswered: 1,
			Missed: 4, Unreturned: 2, Voicemail: 1, Talk: 755, Connected: 6,
			Cost: Costs{{"EUR", 350_000}, {"GBP", 2_400_000}}, Unrated: 6,
		}},
		{"two days", CallFilter{}, Summary{
			Calls: 11, Inbound: 5, Outbound: 5, Internal: 1, Answered: 7, InboundAnswered: 2,
			Missed: 3, Unreturned: 1, Voicemail: 1, Talk: 845, Connected: 7,
			Cost: Costs{{"EUR", 500_000}, {"GBP", 2_400_000}}, Unrated: 6,
		}},
		{"department and below", CallFilter{Department: "Sales"}, Summary{
			Calls: 9, Inbound: 4, Outbound: 4, Internal: 1, Answered: 5, InboundAnswered: 1,
			Missed: 3, Unreturned: 1, Talk: 515, Connected: 5, Cost: Costs{{"EUR", 500_000}}, Unrated: 5,
		}},
		{"nothing", CallFilter{Extension: "999"}, Summary{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ten.Summary(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Summary =\n%+v, want\n%+v", got, tt.want)
			}
		})
	}
}

func TestStatsSummaryFigures(t *testing.T) {
	s := Summary{Inbound: 3, InboundAnswered: 2, Talk: 755, Connected: 6}
	if p := s.AnsweredPercent(); p < 66.66 || p > 66.67 {
		t.Errorf("AnsweredPercent = %v, want 66.67", p)
	}
	if a := s.AverageTalk(); a != 126 {
		t.Errorf("AverageTalk = %d, want 126 (755/6 rounded)", a)
	}
	if (Summary{}).AnsweredPercent() != 0 || (Summary{}).AverageTalk() != 0 {
		t.Error("an empty summary should give 0, not NaN or a panic")
	}
}

func TestStatsFilters(t *testing.T) {
	_, ten := openTenant(t)
	calls := append([]sc{
		{start: bt("2026-03-02 13:00"), dir: drivers.Outbound, ext: "260", num: "(030) 555-12/34", answered: true, talk: 10, pbx: "branch", cost: 90_000, cur: "EUR"},
		{start: bt("2026-03-02 13:05"), dir: drivers.Inbound, ext: "270", num: "030 9999", answered: true, dept: "Salesforce"},
	}, statsDay...)
	storeStats(t, ten, calls...)
	cents := func(n int64) *int64 { n *= 10_000; return &n }
	tests := []struct {
		name string
		f    CallFilter
		want int
	}{
		{"department and below, not a name it prefixes", CallFilter{Department: "Sales"}, 9},
		{"sub-department", CallFilter{Department: "Sales/Inside"}, 5},
		{"answered by a person", CallFilter{Answered: AnsweredByPerson}, 8},
		{"voicemail", CallFilter{Answered: AnsweredByMachine}, 1},
		{"nobody", CallFilter{Answered: NotAnswered}, 4},
		{"nobody or voicemail", CallFilter{Answered: NotByPerson}, 5},
		{"missed", CallFilter{Direction: drivers.Inbound, Answered: NotAnswered}, 3},
		{"min duration", CallFilter{MinDuration: 90}, 4},
		{"number, separators ignored", CallFilter{NumberContains: "555 1234"}, 1},
		{"number as digits", CallFilter{NumberContains: "0301112222"}, 2},
		{"number in E.164", CallFilter{NumberContains: "+44207"}, 1},
		{"pbx", CallFilter{PBX: "branch"}, 1},
		{"unknown pbx", CallFilter{PBX: "nowhere"}, 0},
		{"cost from 0.35", CallFilter{MinCost: cents(35)}, 2},
		{"cost up to 0.35", CallFilter{MaxCost: cents(35)}, 5},
		{"cost between", CallFilter{MinCost: cents(1), MaxCost: cents(20)}, 2},
		{"free", CallFilter{MaxCost: cents(0)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ten.CountCalls(context.Background(), tt.f)
			if err != nil || n != tt.want {
				t.Fatalf("CountCalls = %d, %v; want %d", n, err, tt.want)
			}
		})
	}
}

func TestStatsVoicemailMissedSetting(t *testing.T) {
	st, _ := openTenant(t)
	ctx := context.Background()
	if vm, err := st.VoicemailMissed(ctx); err != nil || vm {
		t.Fatalf("default VoicemailMissed = %v, %v; want false", vm, err)
	}
	st.SetSetting(ctx, VoicemailMissedSetting, "true")
	if vm, err := st.VoicemailMissed(ctx); err != nil || !vm {
		t.Fatalf("VoicemailMissed = %v, %v; want true", vm, err)
	}
	st.SetSetting(ctx, VoicemailMissedSetting, "sometimes")
	if _, err := st.VoicemailMissed(ctx); err == nil {
		t.Fatal("want an error for a setting that is not true or false")
	}
}

func TestStatsSummaryCurrencies(t *testing.T) {
	_, ten := openTenant(t)
	var calls []sc
	for i, cur := range []string{"USD", "CHF", "GBP", "EUR", "CHF", "", "SEK", "EUR"} {
		calls = append(calls, sc{start: bt("2026-03-02 09:00").Add(time.Duration(i) * time.Minute),
			dir: drivers.Outbound, ext: "201", cost: int64(i+1) * 10_000, cur: cur})
	}
	storeStats(t, ten, calls...)
	want := Costs{{"CHF", 70_000}, {"EUR", 120_000}, {"GBP", 30_000}, {"SEK", 70_000}, {"USD", 10_000}}
	for _, f := range []CallFilter{{}, monday} {
		s, err := ten.Summary(context.Background(), f)
		if err != nil || !reflect.DeepEqual(s.Cost, want) || s.Unrated != 1 {
			t.Errorf("Summary costs = %v (%d unrated), %v; want %v (1)", s.Cost, s.Unrated, err, want)
		}
		d, err := ten.Dashboard(context.Background(), f)
		if err != nil || !reflect.DeepEqual(d.Summary.Cost, want) {
			t.Errorf("Dashboard costs = %v, %v; want %v", d.Summary.Cost, err, want)
		}
	}
}
