package app

import (
	"slices"
	"testing"

	"calltally.app/drivers"
)

func TestSpreadWidths(t *testing.T) {
	mins := []float32{100, 50, 80, 60}
	flex := []float32{0, 3, 0, 1}
	for _, tc := range []struct {
		name  string
		total float32
		want  []float32
	}{
		{"room to spare", 342, []float32{100, 80, 80, 70}}, // 40 spare: 30 and 10
		{"exactly the minimum", 302, mins},
		{"too narrow", 200, mins},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := spreadWidths(mins, flex, tc.total, 4); !slices.Equal(got, tc.want) {
				t.Errorf("spreadWidths(…, %v, 4) = %v; want %v", tc.total, got, tc.want)
			}
		})
	}
}

func TestCellTexts(t *testing.T) {
	for _, tc := range []struct {
		name string
		call drivers.Call
		want []string
	}{
		{
			name: "answered inbound",
			call: drivers.Call{Start: newest, Direction: drivers.Inbound, Extension: "201", ExtensionName: "Reception",
				External: "+44 20 7946 0018", Duration: 3725, Answered: true},
			want: []string{"2026-03-14 17:45", "Inbound", "201 – Reception", "+44 20 7946 0018", "1:02:05", "Answered", "", ""},
		},
		{
			name: "voicemail, named caller",
			call: drivers.Call{Start: newest, Direction: drivers.Inbound, Extension: "201", External: "0171 555",
				ExternalName: "ACME", Answered: true, Voicemail: true, Accounting: drivers.Accounting{Department: "Sales/Inside", Cost: 350_000, Currency: "EUR", Rated: true}},
			want: []string{"2026-03-14 17:45", "Inbound", "201", "0171 555 – ACME", "0:00", "Voicemail", "Sales/Inside", "€0.35"},
		},
		{
			name: "unanswered internal",
			call: drivers.Call{Start: newest, Direction: drivers.Internal, Extension: "305", ExtensionName: "305", Duration: 59},
			want: []string{"2026-03-14 17:45", "Internal", "305", "", "0:59", "Not answered", "", ""},
		},
		{
			name: "unknown direction",
			call: drivers.Call{Start: newest, Direction: "conference"},
			want: []string{"2026-03-14 17:45", "conference", "", "", "0:00", "Not answered", "", ""},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cellTexts(tc.call); !slices.Equal(got, tc.want) {
				t.Errorf("cells %q; want %q", got, tc.want)
			}
		})
	}
}
