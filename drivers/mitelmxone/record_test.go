package mitelmxone

import (
	"errors"
	"slices"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestReadDuration(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0d00:00:00", 0, true},
		{"0d00:01:23", 83, true},
		{"0d23:59:59", 86399, true},
		{"1d02:03:04", 93784, true},
		{"12d00:00:01", 12*86400 + 1, true},
		{"00:01:23", 0, false},    // no days
		{"0d0:01:23", 0, false},   // one-digit hours
		{"0d24:00:00", 0, false},  // hours are below a day
		{"0d00:60:00", 0, false},  // minutes
		{"0d00:00:60", 0, false},  // seconds
		{"0d00:01:23 ", 0, false}, // the parser trims fields, readDuration does not
		{"-1d00:00:00", 0, false},
		{"1234d00:00:00", 0, false},
		{"83", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := readDuration(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("readDuration(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReadStart reads the PBX's wall clock in the site's zone; the label
// only chooses between the two occurrences of an hour clocks go back over.
func TestReadStart(t *testing.T) {
	berlin := dt.Location(t, "Europe/Berlin")
	utc := func(h, m int) time.Time { return time.Date(2026, 10, 25, h, m, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2026-10-25 01:30:00 (CEST)", utc(23, 30).AddDate(0, 0, -1), true},
		{"2026-10-25 02:30:00 (CEST)", utc(0, 30), true},
		{"2026-10-25 02:30:00 (CET)", utc(1, 30), true},
		{"2026-10-25 03:30:00 (CET)", utc(2, 30), true},
		{"2026-10-25 03:30:00 (MSK)", utc(2, 30), true}, // a label of another zone is ignored
		{"2026-10-25 03:30:00", utc(2, 30), true},
		{"2026-10-25 03:30:00  (CET)", utc(2, 30), true},
		{"2026-10-25 03:30:00 CET", time.Time{}, false},
		{"2026-10-25 03:30:00 (CET", time.Time{}, false},
		{"2026-10-25 03:30:00 ()", time.Time{}, false},
		{"2026-10-25 03:30:00 (C T)", time.Time{}, false},
		{"2026-10-25T03:30:00", time.Time{}, false},
		{"2026-02-29 03:30:00", time.Time{}, false},
		{"26-10-25 03:30:00", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := readStart(tt.in, berlin)
		if ok != tt.ok || !got.Equal(tt.want) || ok && got.Location() != berlin {
			t.Errorf("readStart(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestConditionCodes classifies every documented code, and codes built
// from a documented base and the modifiers.
func TestConditionCodes(t *testing.T) {
	tests := []struct {
		code    int
		dir     drivers.Direction
		outcome drivers.Outcome
		known   bool
	}{
		{7, drivers.Inbound, drivers.Answered, true},
		{8, drivers.Internal, drivers.Answered, true},
		{10, drivers.Outbound, drivers.Answered, true},
		{23, drivers.Inbound, drivers.Unanswered, true},
		{25, drivers.Internal, drivers.Unanswered, true},
		{28, drivers.Outbound, drivers.Unanswered, true},
		{29, "", drivers.Busy, true},
		{30, "", drivers.Failed, true},
		{7 + modOther, drivers.Inbound, drivers.Answered, true},               // 71
		{7 + modOther + modGroup, drivers.Inbound, drivers.Answered, true},    // 103
		{23 + modOther + modGroup, drivers.Inbound, drivers.Unanswered, true}, // 119
		{7 + modPickUp + modGroup, drivers.Inbound, drivers.Answered, true},   // 167
		{10 + modOther, drivers.Outbound, drivers.Answered, true},             // undocumented, by its base
		{0, "", "", false},
		{12, "", "", false},
		{31, "", "", false},
		{12 + modOther, "", "", false},
	}
	for _, tt := range tests {
		c, ok := lookup(tt.code)
		if ok != tt.known || c.dir != tt.dir || c.outcome != tt.outcome {
			t.Errorf("lookup(%d) = %s %s %v; want %s %s %v", tt.code, c.dir, c.outcome, ok, tt.dir, tt.outcome, tt.known)
		}
	}
}

func TestSplitFields(t *testing.T) {
	tests := []struct {
		in     string
		want   []string
		errAt  int // the FieldError's field; 0 for none
		reason string
	}{
		{"a,b,c", []string{"a", "b", "c"}, 0, ""},
		{" a , b ,c ", []string{"a", "b", "c"}, 0, ""},
		{"a,,", []string{"a", "", ""}, 0, ""},
		{`a, "b,c" ,d`, []string{"a", "b,c", "d"}, 0, ""},
		{`a,"say ""hi"""`, []string{"a", `say "hi"`}, 0, ""},
		{`a,"b`, nil, 2, "no closing quote"},
		{`a,"b"c,d`, nil, 2, "text after the closing quote"},
		{"", []string{""}, 0, ""},
	}
	for _, tt := range tests {
		got, err := splitFields(nil, tt.in)
		var fe *drivers.FieldError
		switch {
		case tt.errAt == 0 && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("splitFields(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.errAt != 0 && (!errors.As(err, &fe) || fe.Field != tt.errAt || fe.Reason != tt.reason):
			t.Errorf("splitFields(%q): error %v, want field %d: %s", tt.in, err, tt.errAt, tt.reason)
		}
	}
}

// TestColumnLine tells column lines from comments and records.
func TestColumnLine(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"# start time local, duration, condition code, dialed number", []string{"start time local", "duration", "condition code", "dialed number"}},
		{"#start time local,duration", []string{"start time local", "duration"}},
		{"Start_Time_Local, DURATION, Condition-Code", []string{"Start_Time_Local", "DURATION", "Condition-Code"}},
		{"# Subtype: commaseparated", nil},
		{"# created 2026-03-10, duration 7 days", nil}, // one name only
		{"# LIM 1, output 0", nil},
		{"2026-03-10 08:02:11 (CET),0d00:04:37,7,03012345678,2204,2204,1,,", nil},
		{`duration,"condition code"`, nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, ok := columnLine(tt.line, &defaultNames)
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("columnLine(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}

func TestIsPreamble(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"# start time local, duration, condition code", true},
		{"\ufeff# MX-ONE Call Information Logging", true},
		{"start time local, duration, condition code", true},
		{"2026-03-10 08:02:11 (CET),0d00:04:37,7,03012345678,2204,2204,1,,", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isPreamble(tt.line); got != tt.want {
			t.Errorf("isPreamble(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestFramingIgnored reads records framed by control characters (as a
// record option might send them) and NUL padding as plain ones.
func TestFramingIgnored(t *testing.T) {
	const line = "2026-03-10 08:06:02 (CET),0d00:01:23,10,2210,84951234567,,,2,4711"
	for _, framed := range []string{line, "\x02" + line + "\x03", "\ufeff" + line, line + "\x00\x00", " " + line + "\r"} {
		c := oneCall(t, openParser(t, nil), framed)
		if c.AccountCode != "4711" || c.Extension != "2210" {
			t.Errorf("%q: account %q, extension %q", framed, c.AccountCode, c.Extension)
		}
	}
	got := dt.ParseText(t, openParser(t, nil), "\x02\x03")
	if len(got.Calls) > 0 || len(got.Failed) > 0 || len(got.Errs) != 1 {
		t.Errorf("a line of framing characters: %d calls, errors %q; want one line without a call", len(got.Calls), got.Errs)
	}
}
