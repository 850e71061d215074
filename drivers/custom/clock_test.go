package custom

import (
	"strings"
	"testing"
	"time"
)

// TestFormats reads values by formats of the notation in README.md.
func TestFormats(t *testing.T) {
	tests := []struct {
		format, value string
		want          moment
	}{
		{"YYYY-MM-DD hh:mm:ss", "2026-03-02 09:14:05", moment{year: 2026, month: 3, day: 2, hour: 9, minute: 14, second: 5}},
		{"DD.MM.YYYY", "02.03.2026", moment{year: 2026, month: 3, day: 2}},
		{"D.M.YY", "2.3.26", moment{year: 2026, month: 3, day: 2}},
		{"D.M.YY", "12.11.26", moment{year: 2026, month: 11, day: 12}},
		{"MM/DD/YY h:mm AM", "03/02/26 9:14 PM", moment{year: 2026, month: 3, day: 2, hour: 21, minute: 14}},
		{"MM/DD/YY h:mm AM", "03/02/26 12:05   am", moment{year: 2026, month: 3, day: 2, minute: 5}},
		{"MM/DD hh:mmAM", "03/02 12:30P", moment{month: 3, day: 2, hour: 12, minute: 30}},
		{"MM/DD hh:mmAM", "03/02 09:14", moment{month: 3, day: 2, hour: 9, minute: 14}},
		{"YYYYMMDDhhmmss", "20260302091405", moment{year: 2026, month: 3, day: 2, hour: 9, minute: 14, second: 5}},
		{"DD-MMM-YYYY hh:mm", "02-mar-2026 09:14", moment{year: 2026, month: 3, day: 2, hour: 9, minute: 14}},
		{"YYYY-MM-DD'T'hh:mm:ss.fff", "2026-03-02T09:14:05.123456", moment{year: 2026, month: 3, day: 2, hour: 9, minute: 14, second: 5}},
		{"hh:mm", "23:59", moment{hour: 23, minute: 59}},
		{"h:mm:ss", "7:05:00", moment{hour: 7, minute: 5}},
		{"DD/MM/YYYY", "29/02/2024", moment{year: 2024, month: 2, day: 29}},
		{"DD/MM", "29/02", moment{month: 2, day: 29}},
	}
	for _, tt := range tests {
		f, err := parseFormat(tt.format)
		if err != nil {
			t.Fatalf("%q: %v", tt.format, err)
		}
		got, err := f.read(tt.value)
		if err != nil || got != tt.want {
			t.Errorf("%q read %q = %+v, %v; want %+v", tt.format, tt.value, got, err, tt.want)
		}
	}
}

func TestFormatRejects(t *testing.T) {
	tests := []struct {
		format, value, want string
	}{
		{"YYYY-MM-DD hh:mm:ss", "2026-3-02 09:14:05", `want the format "YYYY-MM-DD hh:mm:ss"`},
		{"YYYY-MM-DD hh:mm:ss", "2026-03-02 09:14", `want the format`},
		{"YYYY-MM-DD hh:mm:ss", "2026-03-02 09:14:05Z", `unexpected "Z" after the format`},
		{"YYYY-MM-DD hh:mm:ss", "2026-03-0209:14:05", `want the format`},
		{"YYYY-MM-DD", "0000-01-01", "year 0"},
		{"YYYY-MM-DD", "2026-00-01", "month 0"},
		{"YYYY-MM-DD", "2025-02-29", "day 29 of month 2"},
		{"DD/MM", "31/04", "day 31 of month 4"},
		{"hh:mm", "24:00", "time 24:00:00"},
		{"hh:mm:ss", "10:00:60", "time 10:00:60"},
		{"h:mm AM", "0:30 AM", "hour 0, want 1 to 12 with AM/PM"},
		{"h:mm AM", "13:30 PM", "hour 13"},
		{"h:mm AM", "1:30 XM", "want the format"},
		{"DD-MMM-YYYY", "02-Mrz-2026", "want the format"},
		{"hh:mm", "", "want the format"},
		{"unix", "-5", "want seconds since 1970"},
		{"unix", "+5", "want seconds since 1970"},
		{"unix", "1772439240.x", "want seconds since 1970"},
		{"unix", "2026-03-02", "want seconds since 1970"},
	}
	for _, tt := range tests {
		f, err := parseFormat(tt.format)
		if err != nil {
			t.Fatalf("%q: %v", tt.format, err)
		}
		if _, err := f.read(tt.value); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q read %q: error %v, want one containing %q", tt.format, tt.value, err, tt.want)
		}
	}
}

func TestUnix(t *testing.T) {
	f, err := parseFormat("unix")
	if err != nil {
		t.Fatal(err)
	}
	m, err := f.read("1772439240.999")
	if want := time.Date(2026, 3, 2, 8, 14, 0, 0, time.UTC); err != nil || !m.unix.Equal(want) {
		t.Errorf("got %v, %v; want %v", m.unix, err, want)
	}
}

// TestYearOf dates days written without a year in the most recent past.
func TestYearOf(t *testing.T) {
	received := time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		month time.Month
		day   int
		want  int
	}{
		{12, 31, 2025},
		{1, 1, 2026},
		{1, 2, 2026}, // a day's grace: a PBX clock running ahead
		{1, 3, 2025},
		{3, 2, 2025},
		{2, 29, 2024},
	}
	for _, tt := range tests {
		if got := yearOf(moment{month: tt.month, day: tt.day}, received); got != tt.want {
			t.Errorf("%02d-%02d: %d, want %d", tt.month, tt.day, got, tt.want)
		}
	}
}
