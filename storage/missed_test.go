package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"calltally.app/drivers"
)

// missedDay holds missed calls and the calls that return them, or not.
var missedDay = []sc{
	// Before any of them: a call out is no return of a later miss.
	{start: bt("2026-03-02 08:00"), dir: drivers.Outbound, ext: "201", num: "0301113333", e164: "+49301113333", answered: true, talk: 60},

	// 0: returned by a call back, matched on E.164 though written otherwise.
	{start: bt("2026-03-02 09:00"), dir: drivers.Inbound, ext: "201", num: "030 111-2222", e164: "+49301112222", dept: "Sales"},
	// 1: returned by the caller calling again and reaching a person, after
	// a second miss (2), returned by the same call.
	{start: bt("2026-03-02 09:05"), dir: drivers.Inbound, ext: "201", num: "0301113333", e164: "+49301113333", dept: "Sales"},
	// 3: no E.164 on either side: the digits as written, separators ignored;
	// a call back nobody answered still returns it.
	{start: bt("2026-03-02 09:10"), dir: drivers.Inbound, ext: "202", num: "030 4445555", dept: "Sales/Inside"},
	// 4: no E.164 here, one on the call back: the digits.
	{start: bt("2026-03-02 09:15"), dir: drivers.Inbound, ext: "202", num: "0305556666", dept: "Sales/Inside"},
	// 5: E.164 here, none on the call back: the digits.
	{start: bt("2026-03-02 09:16"), dir: drivers.Inbound, ext: "203", num: "0306667777", e164: "+49306667777"},
	{start: bt("2026-03-02 09:20"), dir: drivers.Inbound, ext: "201", num: "0301113333", e164: "+49301113333", dept: "Sales"},
	// 7: the caller called again and got voicemail: not returned.
	{start: bt("2026-03-02 09:22"), dir: drivers.Inbound, ext: "203", num: "0307778888", e164: "+49307778888"},
	// 8: withheld: the later withheld call answered is nobody's return.
	{start: bt("2026-03-02 09:25"), dir: drivers.Inbound, ext: "201", num: "", dept: "Sales"},
	{start: bt("2026-03-02 09:26"), dir: drivers.Inbound, ext: "201", num: "anonymous", dept: "Sales"},
	// 10: same digits, but both numbers in E.164 and they differ.
	{start: bt("2026-03-02 09:50"), dir: drivers.Inbound, ext: "202", num: "0301239999", e164: "+49301239999", dept: "Sales/Inside"},
	// 11: voicemail only: missed only if the setting says so.
	{start: bt("2026-03-02 10:10"), dir: drivers.Inbound, ext: "299", num: "0308889999", e164: "+49308889999", vm: true, talk: 20},

	// The returns, and calls that are not.
	{start: bt("2026-03-02 09:30"), dir: drivers.Outbound, ext: "202", name: "Ben", num: "00301112222", e164: "+49301112222", answered: true, talk: 90},
	{start: bt("2026-03-02 09:35"), dir: drivers.Inbound, ext: "201", num: "0301112222", e164: "+49301112222", answered: true, talk: 30},
	{start: bt("2026-03-02 09:40"), dir: drivers.Inbound, ext: "203", name: "Cleo", num: "0301113333", e164: "+49301113333", answered: true, talk: 100},
	{start: bt("2026-03-02 10:00"), dir: drivers.Outbound, ext: "201", name: "Anna", num: "030-444-5555"},
	{start: bt("2026-03-02 10:05"), dir: drivers.Outbound, ext: "202", num: "0305556666", e164: "+49305556666", answered: true, talk: 10},
	{start: bt("2026-03-02 10:06"), dir: drivers.Outbound, ext: "203", num: "0306667777", answered: true, talk: 10},
	{start: bt("2026-03-02 10:20"), dir: drivers.Inbound, ext: "299", num: "0307778888", e164: "+49307778888", vm: true, talk: 15},
	{start: bt("2026-03-02 10:30"), dir: drivers.Inbound, ext: "201", num: "", answered: true, talk: 40},
	{start: bt("2026-03-02 10:31"), dir: drivers.Inbound, ext: "201", num: "anonymous", answered: true, talk: 40},
	{start: bt("2026-03-02 10:40"), dir: drivers.Outbound, ext: "202", num: "0301239999", e164: "+43301239999", answered: true, talk: 10},
	{start: bt("2026-03-02 10:50"), dir: drivers.Internal, ext: "201", num: "", answered: true, talk: 10},
}

// brief shows a missed call as "HH:MM number → return", return being
// "-" or "HH:MM direction extension answered?".
func brief(m Missed) string {
	s := m.Start.Format("15:04") + " " + m.External + " → "
	if m.Return == nil {
		return s + "-"
	}
	r := m.Return
	return s + fmt.Sprintf("%s %s %s %s %v", r.Start.Format("15:04"), r.Direction, r.Extension, r.ExtensionName, r.Answered)
}

func TestMissedCalls(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, missedDay...)
	unreturned := []string{
		"09:22 0307778888 → -",
		"09:25  → -",
		"09:26 anonymous → -",
		"09:50 0301239999 → -",
	}
	returned := []string{
		"09:00 030 111-2222 → 09:30 outbound 202 Ben true",
		"09:05 0301113333 → 09:40 inbound 203 Cleo true",
		"09:10 030 4445555 → 10:00 outbound 201 Anna false",
		"09:15 0305556666 → 10:05 outbound 202  true",
		"09:16 0306667777 → 10:06 outbound 203  true",
		"09:20 0301113333 → 09:40 inbound 203 Cleo true",
	}
	withVoicemail := append(append(append([]string{}, unreturned...), "10:10 0308889999 → -", "10:20 0307778888 → -"), returned...)
	tests := []struct {
		name string
		f    MissedFilter
		want []string
	}{
		{"unreturned oldest first, then returned", MissedFilter{CallFilter: monday}, append(unreturned, returned...)},
		{"voicemail counted as missed", MissedFilter{CallFilter: CallFilter{VoicemailMissed: true}}, withVoicemail},
		{"only unreturned", MissedFilter{Unreturned: true}, unreturned},
		{"extension", MissedFilter{CallFilter: CallFilter{Extension: "202"}}, []string{unreturned[3], returned[2], returned[3]}},
		{"department and below", MissedFilter{CallFilter: CallFilter{Department: "Sales"}, Unreturned: true}, []string{unreturned[1], unreturned[2], unreturned[3]}},
		{"period", MissedFilter{CallFilter: CallFilter{From: bt("2026-03-02 09:10"), To: bt("2026-03-02 09:20")}}, returned[2:5]},
		{"page", MissedFilter{CallFilter: CallFilter{Offset: 3, Limit: 2}}, []string{unreturned[3], returned[0]}},
		{"direction and answered are the missed calls'", MissedFilter{CallFilter: CallFilter{Direction: drivers.Outbound, Answered: AnsweredByPerson, Extension: "203"}}, []string{unreturned[0], returned[4]}},
		{"none", MissedFilter{CallFilter: CallFilter{From: bt("2026-03-03 00:00")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ten.MissedCalls(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, m := range got {
				lines = append(lines, brief(m))
			}
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("MissedCalls =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestMissedCallFields(t *testing.T) {
	_, ten := openTenant(t)
	ids := storeStats(t, ten, missedDay...)
	got, err := ten.MissedCalls(context.Background(), MissedFilter{CallFilter: CallFilter{Extension: "201", To: bt("2026-03-02 09:01")}})
	if err != nil || len(got) != 1 {
		t.Fatalf("MissedCalls = %+v, %v; want the 09:00 call", got, err)
	}
	m := got[0]
	if m.ID != ids[1] || !m.Start.Equal(bt("2026-03-02 09:00")) || m.Start.Format("15:04 -0700") != "09:00 +0100" ||
		m.Extension != "201" || m.Department != "Sales" || m.ExternalE164 != "+49301112222" || m.PBX != "pbx" || m.Voicemail {
		t.Errorf("missed call = %+v", m)
	}
	if r := m.Return; r == nil || r.ID != ids[12] || !r.Start.Equal(bt("2026-03-02 09:30")) {
		t.Errorf("return = %+v, want the call back at 09:30 (row %d)", r, ids[12])
	}
}

func TestMissedSummaryAgrees(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, missedDay...)
	for _, vm := range []bool{false, true} {
		f := CallFilter{VoicemailMissed: vm}
		s, err := ten.Summary(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		all, _ := ten.MissedCalls(context.Background(), MissedFilter{CallFilter: f})
		open, _ := ten.MissedCalls(context.Background(), MissedFilter{CallFilter: f, Unreturned: true})
		if s.Missed != len(all) || s.Unreturned != len(open) {
			t.Errorf("voicemail missed %v: Summary says %d missed, %d unreturned; MissedCalls lists %d and %d",
				vm, s.Missed, s.Unreturned, len(all), len(open))
		}
	}
}

// TestMissedUsesIndexes guards the SQL against a change that would make
// SQLite stop using the indexes of migration 0008 (an edited digits
// expression, a lost literal that lets the partial index be used): the
// results would stay right and become slow on a big database.
func TestMissedUsesIndexes(t *testing.T) {
	_, ten := openTenant(t)
	for _, vm := range []bool{false, true} {
		f := CallFilter{From: bt("2026-03-01 00:00"), To: bt("2026-04-01 00:00"), VoicemailMissed: vm}
		q, args := missedWithReturns(f)
		text := queryPlan(t, ten, q, args...)
		for want, n := range map[string]int{
			"SEARCH calls USING INDEX calls_missed (start_local>? AND start_local<?)":          1,
			"SEARCH r USING INDEX calls_return_e164 (external_e164=? AND start_utc>?)":         1,
			"SEARCH r USING INDEX calls_return_digits (<expr>=? AND <expr>=? AND start_utc>?)": 2,
		} {
			if strings.Count(text, want) != n {
				t.Errorf("voicemail missed %v: plan should have %d times %s:\n%s", vm, n, want, text)
			}
		}
	}
}

// queryPlan is what EXPLAIN QUERY PLAN says of q, a step a line.
func queryPlan(t *testing.T, ten *Tenant, q string, args ...any) string {
	t.Helper()
	rows, err := ten.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "\n")
}
