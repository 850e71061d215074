package storage

import (
	"context"
	"testing"

	"calltally.app/drivers"
)

func TestCountMissedAgreesWithList(t *testing.T) {
	_, ten := openTenant(t)
	storeStats(t, ten, missedDay...)
	filters := []struct {
		name string
		f    CallFilter
		want int // missed calls in all (unreturned: see the list)
	}{
		{"all", CallFilter{}, 10},
		{"voicemail counted as missed", CallFilter{VoicemailMissed: true}, 12},
		{"extension", CallFilter{Extension: "202"}, 3},
		{"department and below", CallFilter{Department: "Sales"}, 8},
		{"period", CallFilter{From: bt("2026-03-02 09:10"), To: bt("2026-03-02 09:20")}, 3},
		{"paging is ignored", CallFilter{Offset: 3, Limit: 2}, 10},
		{"direction and answered are the missed calls'", CallFilter{Direction: drivers.Outbound, Answered: AnsweredByPerson}, 10},
		{"none", CallFilter{From: bt("2026-03-03 00:00")}, 0},
	}
	for _, tt := range filters {
		t.Run(tt.name, func(t *testing.T) {
			for _, unreturned := range []bool{false, true} {
				f := MissedFilter{CallFilter: tt.f, Unreturned: unreturned}
				got, err := ten.CountMissed(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				f.Offset, f.Limit = 0, 0
				list, err := ten.MissedCalls(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				if got != len(list) || !unreturned && got != tt.want {
					t.Errorf("unreturned %v: CountMissed = %d, MissedCalls lists %d, want %d in all", unreturned, got, len(list), tt.want)
				}
			}
		})
	}
}
