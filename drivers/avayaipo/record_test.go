package avayaipo

import (
	"errors"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestParseCallStart(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		in   string
		want time.Time
		err  error
	}{
		{"2026/03/02 09:14:00", time.Date(2026, 3, 2, 9, 14, 0, 0, loc), nil},
		{"2024/02/29 23:59:59", time.Date(2024, 2, 29, 23, 59, 59, 0, loc), nil},
		{"2026/10/25 02:30:00", time.Date(2026, 10, 25, 2, 30, 0, 0, loc), nil}, // the hour DST repeats
		{"2025/02/29 10:00:00", time.Time{}, errStartRange},
		{"2026/13/01 10:00:00", time.Time{}, errStartRange},
		{"2026/03/02 24:00:00", time.Time{}, errStartRange},
		{"2026-03-02 09:14:00", time.Time{}, errStartLayout},
		{"2026/03/02 9:14:00", time.Time{}, errStartLayout},
		{"2026/03/02 09:14", time.Time{}, errStartLayout},
		{"2026/03/+2 09:14:00", time.Time{}, errStartLayout},
	}
	for _, tt := range tests {
		got, _, err := parseCallStart(tt.in, loc)
		if !got.Equal(tt.want) || !errors.Is(err, tt.err) {
			t.Errorf("parseCallStart(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestParseErrors checks the error of each kind of bad record: a
// FieldError naming the field, or a plain error for the whole line.
func TestParseErrors(t *testing.T) {
	const good = "2026/03/02 09:14:00,00:02:05,4,201,O,0301234,0301234,,0,1000101,0,E201,Anna Meier,T9001,Line 1.1,0,0"
	tests := []struct {
		name, line string
		field      int // 0: not a FieldError
		want       string
	}{
		{"header", "Call Start,Connected Time,Ring Time", 0, "header line: not a call record"},
		{"short", "2026/03/02 09:14:00,00:02:05,4,201,O", 0, "5 fields, want at least 17 (Call Start to Park Time)"},
		{"time", replaceField(good, fieldConnected, "2:05"), 2, `field 2 (Connected Time) "2:05": want h:mm:ss`},
		{"ring", replaceField(good, fieldRing, "4s"), 3, `field 3 (Ring Time) "4s": want whole seconds`},
		{"direction", replaceField(good, fieldDirection, "o"), 5, `field 5 (Direction) "o": want I or O`},
		{"call id", replaceField(good, fieldCallID, ""), 10, `field 10 (Call ID) "": want a whole number`},
		{"park", replaceField(good, fieldPark, "1.5"), 17, `field 17 (Park Time) "1.5": want whole seconds`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openParser(t, nil).Parse(drivers.Record{ID: 1, Text: tt.line})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v, want %s", err, tt.want)
			}
			dt.CheckField(t, err, tt.field)
			if tt.name == "header" && !errors.Is(err, drivers.ErrNotCall) {
				t.Errorf("header error %v does not wrap ErrNotCall", err)
			}
		})
	}
}

// TestDerive covers rules no golden case shows.
func TestDerive(t *testing.T) {
	tests := []struct {
		name, line string
		dir        drivers.Direction
		outcome    drivers.Outcome
		ext        string
	}{
		{"never got a trunk", "2026/03/02 09:00:00,00:00:00,0,201,O,0891234567,0891234567,,0,1000001,0,E201,Anna Meier,V8000,U1 0.0,0,0",
			drivers.Outbound, drivers.Failed, "201"},
		{"Is Internal I with a trunk", "2026/03/02 09:00:00,00:00:30,2,0891234567,I,201,201,,I,1000002,0,E201,Anna Meier,T9001,Line 1.1,0,0",
			drivers.Inbound, drivers.Answered, "201"},
		{"Continuation 2 is last", "2026/03/02 09:00:00,00:00:30,2,201,O,202,202,,1,1000003,2,E201,Anna Meier,E202,Ben Kurz,0,0",
			drivers.Internal, drivers.Answered, "201"},
		{"trunk written as Party1", "2026/03/02 09:00:00,00:00:30,2,0891234567,I,202,202,,0,1000004,0,T9001,Line 1.1,E202,Ben Kurz,0,0",
			drivers.Inbound, drivers.Answered, "202"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dt.OneCall(t, openParser(t, nil), tt.line)
			if c.Direction != tt.dir || c.Legs[0].Outcome != tt.outcome || c.Extension != tt.ext {
				t.Errorf("got %s %s extension %q, want %s %s %q", c.Direction, c.Legs[0].Outcome, c.Extension, tt.dir, tt.outcome, tt.ext)
			}
		})
	}
}

func replaceField(line string, i int, value string) string {
	f := drivers.SplitCommas(nil, line)
	f[i] = value
	return strings.Join(f, ",")
}
