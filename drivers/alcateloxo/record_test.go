package alcateloxo

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestReadDate(t *testing.T) {
	tests := []struct {
		in         string
		monthFirst bool
		want       civil
		ok         bool
	}{
		{"23/10/00", false, civil{2000, 10, 23}, true},
		{"23.10.25", false, civil{2025, 10, 23}, true},
		{"23-10-2025", false, civil{2025, 10, 23}, true},
		{"231025", false, civil{2025, 10, 23}, true},
		{"23102025", false, civil{2025, 10, 23}, true},
		{"23/10-25", false, civil{}, false},
		{"10/23/25", true, civil{2025, 10, 23}, true},
		{"29/02/24", false, civil{2024, 2, 29}, true},
		{"29/02/25", false, civil{}, false},
		{"10/23/25", false, civil{}, false},
		{"00/10/25", false, civil{}, false},
		{"1/10/25", false, civil{}, false},
		{"23/10/5", false, civil{}, false},
		{"aa/bb/cc", false, civil{}, false},
		{"", false, civil{}, false},
	}
	for _, tt := range tests {
		got, ok := readDate(tt.in, tt.monthFirst)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("readDate(%q, %v) = %v, %v; want %v, %v", tt.in, tt.monthFirst, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReadClock(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want [3]int
		ok   bool
	}{
		{"08:31", 2, [3]int{8, 31}, true},
		{"8:31", 2, [3]int{8, 31}, true},
		{"00:02:40", 3, [3]int{0, 2, 40}, true},
		{"100:00:01", 3, [3]int{100, 0, 1}, true},
		{"00:60", 2, [3]int{}, false},
		{"00:2:40", 3, [3]int{}, false},
		{"08:31", 3, [3]int{}, false},
		{"08:31:00", 2, [3]int{}, false},
		{"1000:00:00", 3, [3]int{}, false},
		{"08h31", 2, [3]int{}, false},
		{":31", 2, [3]int{}, false},
		{"", 2, [3]int{}, false},
	}
	for _, tt := range tests {
		got, ok := readClock(tt.in, tt.n)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("readClock(%q, %d) = %v, %v; want %v, %v", tt.in, tt.n, got, ok, tt.want, tt.ok)
		}
	}
}

// TestDirection covers the rules of README.md, "How calls are derived".
func TestDirection(t *testing.T) {
	tests := []struct {
		s    statement
		want drivers.Direction
	}{
		{statement{kind: outgoing, charged: "A101"}, drivers.Outbound},
		{statement{kind: incoming, charged: "A101"}, drivers.Inbound},
		{statement{kind: outgoing, charged: "L02"}, drivers.Tandem},
		{statement{kind: incoming, charged: "P01"}, drivers.Tandem},
		{statement{kind: incoming, charged: "G1"}, drivers.Inbound},
		{statement{initial: "****", charged: "A101"}, drivers.Outbound},
		{statement{initial: "", charged: "A101"}, drivers.Outbound},
		{statement{initial: "G9", charged: "A101"}, drivers.Inbound},
		{statement{initial: "A105", charged: "A101"}, drivers.Inbound},
	}
	for _, tt := range tests {
		if got := direction(&tt.s); got != tt.want {
			t.Errorf("direction(%+v) = %s, want %s", tt.s, got, tt.want)
		}
	}
}

// TestPageLines: what surrounds the statements on a page is no call, and
// says so; a statement that cannot be read is a failure.
func TestPageLines(t *testing.T) {
	tests := []struct {
		line    string
		notCall bool
	}{
		{"                   ACME SARL", true},
		{"USER      LINE           TIME           TAXES      ADD. SERVICES", true},
		{"===========================================", true},
		{"                                           00042", true},
		{"A105  CS- N01 23/10/25 10:00 00:00:00     1 ST", true},
		{"A110  --> R   23/10/25 07:00 00:00:30     0 ST", true},
		{"A110  --> CH  23/10/25 07:00 00:00:30     0 ST", true},
		{"\f\x11A101  --> N01 23/10/25 08:31 00:02:40     6 ST       0145678901", false},
		{"ACME 2000 SARL", false},
		{"123456", false},
	}
	for _, tt := range tests {
		got := parseLines(t, nil, tt.line)
		failed := len(got.Failed) > 0
		switch {
		case tt.notCall && (len(got.Errs) != 1 || failed || len(got.Calls) > 0):
			t.Errorf("%q: calls %d, errors %q; want no call, not a failure", tt.line, len(got.Calls), got.Errs)
		case !tt.notCall && strings.HasPrefix(tt.line, "\f") && len(got.Calls) != 1:
			t.Errorf("%q: errors %q, want a call", tt.line, got.Errs)
		case !tt.notCall && !strings.HasPrefix(tt.line, "\f") && !failed:
			t.Errorf("%q: %d calls, errors %q; want a failure", tt.line, len(got.Calls), got.Errs)
		}
	}
}

// TestReadByWords: a statement spaced otherwise than the layout's columns
// is read by the shapes of its words, field by field.
func TestReadByWords(t *testing.T) {
	tests := []struct {
		fields, line string
		want         string // extension/external/units/account, or the error
	}{
		{defaultFields, "A101 --> N01 23/10/25 08:31 00:02:40 6 ST 0145678901", "101/0145678901/6/"},
		{defaultFields, "A101    -->    N01    23/10/25    08:31    00:02:40    6    ST    0145678901", "101/0145678901/6/"},
		{defaultFields, "A101 --> N01 23/10/25 08:31 00:02:40 ST 0145678901", "101/0145678901/0/"},
		{defaultFields, "A101 --> N01 23/10/25 08:31 00:02:40 6 ST XR 0145678901", "101/0145678901/6/"},
		{defaultFields, "A101 --> N01 23/10/25 08:31 00:02:40 6 ST 0145678901 9", "field 6 (blank before TYPE (TYP))"},
		{defaultFields, "A101 --> N01 23/10/25 08:31 6 ST 0145678901", "field 6 (blank before TYPE (TYP))"},
		{allFields, "**** A201 --> N01 02/12/25 09:14 00:04:05 12 ST 0145678901 M 1.44 4711 PROJECT ALPHA", "201/0145678901/12/4711"},
		{allFields, "G1 A205 <-- N01 02/12/25 09:31 00:06:40 0 ST 0388123456 00:12 0.00 HOTLINE", "205/0388123456/0/"},
		{"SUB,TYP,TRK,DAT,TIM,DUR,SKIP:3,DNU", "A101 --> N01 23/10/25 08:31 00:02:40 0145678901", "field 6 (blank before TYPE (TYP))"},
	}
	for _, tt := range tests {
		got := parseLines(t, map[string]string{"fields": tt.fields}, tt.line)
		var s string
		if len(got.Calls) == 1 {
			c := got.Calls[0]
			s = strings.Join([]string{c.Extension, c.External, strconv.Itoa(c.ChargeUnits), c.AccountCode}, "/")
		} else if len(got.Errs) == 1 {
			s = got.Errs[0]
		}
		if !strings.Contains(s, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.line, s, tt.want)
		}
	}
}

// TestSettle: in the hour the clocks go back, a statement is dated the
// later time unless it arrived before that call could have ended.
func TestSettle(t *testing.T) {
	loc := dt.Location(t, dt.Zone)
	const line = "A401  --> N01 26/10/25 02:30 00:10:00     1 ST       0891234567"
	tests := []struct {
		received time.Time
		wantUTC  string
	}{
		{time.Date(2025, 10, 26, 0, 45, 0, 0, time.UTC), "2025-10-26T00:30:00Z"}, // 02:45 summer time: the first 02:30
		{time.Date(2025, 10, 26, 1, 45, 0, 0, time.UTC), "2025-10-26T01:30:00Z"},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2025-10-26T01:30:00Z"},
	}
	for _, tt := range tests {
		p := dt.OpenConfig(t, ID, drivers.Config{Location: loc})
		calls, err := p.Parse(drivers.Record{ID: 1, Text: line, Received: tt.received})
		if err != nil || len(calls) != 1 || calls[0].Start.UTC().Format(time.RFC3339) != tt.wantUTC {
			t.Errorf("received %s: calls %+v, error %v; want start %s", tt.received, calls, err, tt.wantUTC)
		}
	}
}

// TestFieldErrors: a statement the driver cannot read names the field
// and its column, and is no call.
func TestFieldErrors(t *testing.T) {
	p := openParser(t, nil)
	_, err := p.Parse(drivers.Record{ID: 1, Text: "A101  --> N01 23/10/25 08:31 00:02:40    6x ST       0145678901"})
	var fe *drivers.FieldError
	if !errors.As(err, &fe) || fe.Field != 39 || fe.Name != "TAXES (TAX)" || errors.Is(err, drivers.ErrNotCall) {
		t.Errorf("error %v, want a field error at column 39 (TAXES (TAX))", err)
	}
}

// TestTolerated: what the manual does not show but a printout may hold
// is read rather than rejected.
func TestTolerated(t *testing.T) {
	tests := []struct {
		name, line string
		wantExt    string
		wantStart  string
	}{
		{"user without its A, in its column", "101   --> N01 23/10/25 08:31 00:02:40     6 ST       0145678901", "101", "2025-10-23T08:31:00"},
		{"time with seconds", "A101 --> N01 23/10/25 08:31:17 00:02:40 6 ST 0145678901", "101", "2025-10-23T08:31:17"},
		{"4-digit year", "A101  --> N01 23/10/2025 08:31 00:02:40     6 ST       0145678901", "101", "2025-10-23T08:31:00"},
		{"dots in the date", "A101  --> N01 23.10.25 08:31 00:02:40     6 ST       0145678901", "101", "2025-10-23T08:31:00"},
	}
	for _, tt := range tests {
		got := parseLines(t, nil, tt.line)
		if len(got.Calls) != 1 || got.Calls[0].Extension != tt.wantExt || got.Calls[0].Start.Format(drivers.WallClock) != tt.wantStart {
			t.Errorf("%s: calls %+v, errors %q; want extension %s at %s", tt.name, got.Calls, got.Errs, tt.wantExt, tt.wantStart)
		}
	}
}
