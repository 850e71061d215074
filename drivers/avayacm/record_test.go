package avayacm

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestParseTenths(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0000", 0, true},
		{"0020", 120, true},  // 125 s, truncated to 2.0 minutes
		{"0301", 1806, true}, // 30.1 minutes
		{"9599", 9*3600 + 59*60 + 54, true},
		{"0600", 0, false}, // 60 minutes
		{"020", 0, false},
		{" 020", 0, false},
		{"00a0", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseTenths(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseTenths(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReadDate(t *testing.T) {
	tests := []struct {
		in       string
		dayFirst bool
		want     civil
		ok       bool
	}{
		{"030226", false, civil{2026, 3, 2}, true},
		{"030226", true, civil{2026, 2, 3}, true},
		{"0302", false, civil{0, 3, 2}, true},
		{"0229", false, civil{0, 2, 29}, true}, // the year decides later
		{"022925", false, civil{}, false},      // 2025 is no leap year
		{"022924", false, civil{2024, 2, 29}, true},
		{"130226", false, civil{}, false},
		{"003226", false, civil{}, false},
		{"0300", false, civil{}, false},
		{"03", false, civil{}, false},
		{"03-226", false, civil{}, false},
	}
	for _, tt := range tests {
		got, ok := readDate(tt.in, tt.dayFirst)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("readDate(%q, %v) = %v, %v; want %v, %v", tt.in, tt.dayFirst, got, ok, tt.want, tt.ok)
		}
	}
}

// TestWithYear: the most recent such date not after the day after arrival.
func TestWithYear(t *testing.T) {
	loc := berlin(t)
	received := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 30, 0, 0, loc) }
	tests := []struct {
		d        civil
		received time.Time
		want     int
	}{
		{civil{0, 12, 31}, received(2026, 1, 1), 2025},
		{civil{0, 1, 1}, received(2026, 1, 1), 2026},
		{civil{0, 1, 2}, received(2026, 1, 1), 2026}, // the CM's clock a day ahead
		{civil{0, 1, 3}, received(2026, 1, 1), 2025},
		{civil{0, 3, 2}, received(2026, 1, 1), 2025},
		{civil{0, 2, 29}, received(2026, 3, 1), 2024},
		{civil{2019, 3, 2}, received(2026, 1, 1), 2019}, // the record has the year
	}
	for _, tt := range tests {
		if got := withYear(tt.d, tt.received); got.year != tt.want {
			t.Errorf("withYear(%v, %s) = %d, want %d", tt.d, tt.received.Format(time.DateOnly), got.year, tt.want)
		}
	}
}

func TestReadDateRecord(t *testing.T) {
	tests := []struct {
		text     string
		dayFirst bool
		want     civil
		ok       bool
		field    bool // a FieldError: a date record, but no date
	}{
		{"0302", false, civil{0, 3, 2}, true, false},
		{"03 02", false, civil{0, 3, 2}, true, false},
		{"  03 02", false, civil{0, 3, 2}, true, false},
		{"0203", true, civil{0, 3, 2}, true, false},
		{"1340", false, civil{}, true, true},
		{"03  02", false, civil{}, false, false},
		{"030226", false, civil{}, false, false},
		{"0302 0916", false, civil{}, false, false},
	}
	for _, tt := range tests {
		got, ok, err := readDateRecord(tt.text, tt.dayFirst)
		var fe *drivers.FieldError
		if got != tt.want || ok != tt.ok || errors.As(err, &fe) != tt.field {
			t.Errorf("readDateRecord(%q) = %v, %v, %v; want %v, %v, field error %v", tt.text, got, ok, err, tt.want, tt.ok, tt.field)
		}
	}
}

// TestDirection covers the rules README.md gives per condition code and
// format, record by record.
func TestDirection(t *testing.T) {
	tests := []struct {
		name, format, line string
		dir                drivers.Direction
		ext, external      string
		trunk              string
		outcome            drivers.Outcome
	}{
		{"attendant, trunk used out", "customized", "030226 0916 00060 0010 1       101      0891234567              4200",
			drivers.Outbound, "4200", "0891234567", "101", drivers.Answered},
		{"redirected, internal", "customized", "030226 0916 00060 0010 T                4202                    4201",
			drivers.Internal, "4201", "", "", drivers.Answered},
		{"ineffective, no trunk", "customized", "030226 0916 00000 0000 F    9           0891234567              4200",
			drivers.Outbound, "4200", "0891234567", "", drivers.Failed},
		{"printer incoming: the caller is the trunk", "printer", "0916 0010 9         4202            102",
			drivers.Inbound, "4202", "", "102", drivers.Answered},
		{"printer conference: the calling number is an extension", "printer", "0916 0010 C     101 0891234567      4200",
			drivers.Outbound, "4200", "0891234567", "101", drivers.Answered},
		{"printer tandem", "printer", "0916 0010 9     101 0891234567      102",
			drivers.Tandem, "", "", "102", drivers.Answered},
		{"printer unanswered", "printer", "0916 0003 H         4202            102",
			drivers.Inbound, "4202", "", "102", drivers.Unanswered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dt.ParseText(t, openParser(t, map[string]string{"format": tt.format}), "0302", tt.line)
			if len(got.Calls) != 1 {
				t.Fatalf("calls %+v, errors %q", got.Calls, got.Errs)
			}
			c := got.Calls[0]
			if c.Direction != tt.dir || c.Extension != tt.ext || c.External != tt.external || c.Trunk != tt.trunk || c.Legs[0].Outcome != tt.outcome {
				t.Errorf("got %s ext %q external %q trunk %q %s; want %s %q %q %q %s", c.Direction, c.Extension, c.External,
					c.Trunk, c.Legs[0].Outcome, tt.dir, tt.ext, tt.external, tt.trunk, tt.outcome)
			}
		})
	}
}

// TestAttribution: a call joined by its UCID counts against the first or
// the final answerer as the site says.
func TestAttribution(t *testing.T) {
	const ucid = "00010007091709912345"
	lines := []string{
		fmt.Sprintf("030426 1002 00040 9 %4s %4s %-23s %-15s %s", "", "102", "4230", "0891234567", ucid),
		fmt.Sprintf("030426 1006 00200 9 %4s %4s %-23s %-15s %s", "", "102", "4231", "0891234567", ucid),
	}
	settings := map[string]string{"fields": "date,space,time,space,sec-dur,space,cond-code,space,code-used,space,in-trk-code,space,dialed-num,space,calling-num,space,ucid"}
	for _, tt := range []struct {
		attr drivers.Attribution
		want string
	}{{drivers.FinalAnswerer, "4231"}, {drivers.FirstAnswerer, "4230"}} {
		p := openParser(t, settings)
		var calls []drivers.Call
		for i, line := range lines {
			got, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: line})
			if err != nil {
				t.Fatal(err)
			}
			calls = append(calls, got...)
		}
		if len(calls) != 2 || calls[0].Key != calls[1].Key || calls[0].Key == "" {
			t.Fatalf("calls %+v: want two with one key", calls)
		}
		if c := drivers.Join(calls[0], calls[1], tt.attr); c.Extension != tt.want || c.Duration != 240 {
			t.Errorf("%s: extension %s, duration %d; want %s, 240", tt.attr, c.Extension, c.Duration, tt.want)
		}
	}
}
