package mitelmivb

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
)

func TestHour24(t *testing.T) {
	tests := []struct {
		hour       int
		flag       byte
		twelveHour bool
		want       int
		err        string
	}{
		{0, 0, false, 0, ""},
		{12, 0, false, 12, ""},
		{23, 0, false, 23, ""},
		{3, 'P', false, 15, ""}, // a P on the 24-hour clock is still PM
		{12, 'p', false, 12, ""},
		{12, 'A', false, 0, ""},
		{24, 0, false, 0, "want an hour from 00 to 23"},
		{13, 'P', false, 0, "want an hour from 00 to 23, or 01 to 12 with P"},
		{12, 0, true, 0, ""},
		{12, 'P', true, 12, ""},
		{11, 'P', true, 23, ""},
		{1, 0, true, 1, ""},
		{0, 0, true, 0, "01 to 12 on the 12-hour clock"},
		{13, 0, true, 0, "01 to 12 on the 12-hour clock"},
		{9, 'X', false, 0, "PM flag 'X'"},
		{9, ':', false, 0, "extended-reporting=level2"},
	}
	for _, tt := range tests {
		got, reason := hour24(tt.hour, tt.flag, tt.twelveHour)
		if got != tt.want || !strings.Contains(reason, tt.err) || (tt.err == "") != (reason == "") {
			t.Errorf("hour24(%d, %q, %v) = %d, %q; want %d, %q", tt.hour, tt.flag, tt.twelveHour, got, reason, tt.want, tt.err)
		}
	}
}

func TestYearOf(t *testing.T) {
	received := time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		month    time.Month
		day      int
		received time.Time
		want     int
	}{
		{12, 31, received, 2025},
		{1, 1, received, 2026},
		{1, 2, received, 2026}, // a day ahead: the PBX clock runs ahead
		{1, 3, received, 2025},
		{2, 29, received, 2024},
		{2, 29, time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC), 2028},
		{3, 10, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), 2026},
	}
	for _, tt := range tests {
		if got := yearOf(tt.month, tt.day, tt.received); got != tt.want {
			t.Errorf("yearOf(%d/%d, %s) = %d, want %d", tt.month, tt.day, tt.received.Format(time.DateOnly), got, tt.want)
		}
	}
}

// TestStartWithoutArrival: records made up in code (no arrival time) are
// dated as if they arrived now.
func TestStartWithoutArrival(t *testing.T) {
	p := &parser{loc: time.UTC}
	now := time.Now().UTC()
	r := record{month: int(now.Month()), day: now.Day()}
	if got := p.start(&r, time.Time{}); got.Year() != now.Year() {
		t.Errorf("start %s, want the year %d", got, now.Year())
	}
}

func TestOutcome(t *testing.T) {
	tests := []struct {
		status   byte
		tta      int
		duration int
		dir      drivers.Direction
		want     drivers.Outcome
	}{
		{0, 5, 60, drivers.Inbound, drivers.Answered},
		{0, 0, 0, drivers.Inbound, drivers.Answered}, // answered at once, hung up at once
		{0, ttaNever, 30, drivers.Inbound, drivers.Unanswered},
		{'B', ttaNever, 0, drivers.Inbound, drivers.Busy},
		{'E', ttaBlank, 4, drivers.Inbound, drivers.Failed},
		{'T', 3, 60, drivers.Inbound, drivers.Answered}, // answered from any station
		{'A', ttaBlank, 60, drivers.Outbound, drivers.Answered},
		{'A', ttaBlank, 0, drivers.Outbound, drivers.Answered},
		{0, ttaBlank, 60, drivers.Outbound, drivers.Answered}, // no answer supervision: by duration
		{0, ttaBlank, 0, drivers.Outbound, drivers.Unanswered},
		{'B', ttaBlank, 0, drivers.Outbound, drivers.Busy},
		{'T', ttaBlank, 0, drivers.Outbound, drivers.Failed},
		{'E', ttaBlank, 0, drivers.Outbound, drivers.Failed},
		{'I', ttaBlank, 60, drivers.Internal, drivers.Answered},
		{'O', ttaBlank, 0, drivers.Internal, drivers.Busy},
		{'D', ttaBlank, 12, drivers.Internal, drivers.Unanswered},
		{'S', ttaBlank, 12, drivers.Internal, drivers.Unanswered},
		{'U', ttaBlank, 12, drivers.Internal, drivers.Unanswered},
		{'Z', ttaBlank, 12, drivers.Outbound, drivers.Answered}, // unknown letters read as blank
	}
	for _, tt := range tests {
		r := record{status: tt.status, tta: tt.tta, duration: tt.duration}
		if got := outcome(&r, tt.dir); got != tt.want {
			t.Errorf("outcome(%q, tta %d, %ds, %s) = %s, want %s", tt.status, tt.tta, tt.duration, tt.dir, got, tt.want)
		}
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		calling, called string
		want            drivers.Direction
	}{
		{"T101", "2201", drivers.Inbound},
		{"X116", "ATT2", drivers.Inbound},
		{"2201", "T104", drivers.Outbound},
		{"ATT1", "X082", drivers.Outbound},
		{"T101", "T102", drivers.Tandem},
		{"2201", "2202", drivers.Internal},
		{"TEAM", "2202", drivers.Internal}, // a T followed by letters is no trunk
		{"T", "", drivers.Internal},
	}
	for _, tt := range tests {
		if got := direction(&record{calling: tt.calling, called: tt.called}); got != tt.want {
			t.Errorf("direction(%q → %q) = %s, want %s", tt.calling, tt.called, got, tt.want)
		}
	}
}

// TestReadRecord reads every field of one full record with the default
// layout, extended digit length and ANI/DNIS and OLI on.
func TestReadRecord(t *testing.T) {
	const line = "%12/01 09:00P 0000:12:00 T1001   *012 5551211                    FT1002  T 4105    4471        R001 " +
		"  6135550147 4100    C0019001A C0019001"
	l := presetLayout(preset{aniDNIS: true, networkOLI: true, reporting: reportingOff}, true)
	r, err := readRecord(line, l, false)
	if err != nil {
		t.Fatal(err)
	}
	want := record{month: 12, day: 1, hour: 21, duration: 720, calling: "T1001", called: "T1002", third: "4105",
		digits: "5551211", account: "4471", ani: "6135550147", dnis: "4100", callID: "C0019001A", assocID: "C0019001",
		attendant: true, tta: 12, speed: 'F', transfer: 'T'}
	if r != want {
		t.Errorf("got\n%+v\nwant\n%+v", r, want)
	}
}
