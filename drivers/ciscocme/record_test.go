package ciscocme

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	dt "calltally.app/drivers/driverstest"
)

func TestParseTime(t *testing.T) {
	loc := berlin(t)
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		in   string
		want time.Time
		err  error
	}{
		{"*09:14:00.100 CET Mon Mar 2 2026", utc("2026-03-02T08:14:00.1Z"), nil},
		{".09:14:00.100 CET Mon Mar 2 2026", utc("2026-03-02T08:14:00.1Z"), nil},
		{"09:14:00.100 CET Mon Mar  2 2026", utc("2026-03-02T08:14:00.1Z"), nil}, // day padded with a blank
		{"09:14:00 CET Mon Mar 2 2026", utc("2026-03-02T08:14:00Z"), nil},
		{"09:14:00.5 CET Mar 2 2026", utc("2026-03-02T08:14:00.5Z"), nil}, // no weekday
		{"09:14:00.100 KRSK Mon Mar 2 2026", utc("2026-03-02T08:14:00.1Z"), nil},
		{"09:14:00.100 UTC Mon Mar 2 2026", utc("2026-03-02T09:14:00.1Z"), nil},
		{"09:14:00.100 gmt Mon Mar 2 2026", utc("2026-03-02T09:14:00.1Z"), nil},
		{"02:30:00.000 CEST Sun Oct 25 2026", utc("2026-10-25T00:30:00Z"), nil}, // the hour summer time ends repeats
		{"02:30:00.000 CET Sun Oct 25 2026", utc("2026-10-25T01:30:00Z"), nil},
		{"03:30:00.000 CEST Sun Mar 29 2026", utc("2026-03-29T01:30:00Z"), nil},
		{"1772442840", utc("2026-03-02T09:14:00Z"), nil},
		{"23:59:59.999 CET Sun Feb 29 2032", utc("2032-02-29T22:59:59.999Z"), nil},
		{"09:14:00.100 CET Mon Feb 29 2026", time.Time{}, errTimeRange},
		{"24:00:00.000 CET Mon Mar 2 2026", time.Time{}, errTimeRange},
		{"09:60:00.000 CET Mon Mar 2 2026", time.Time{}, errTimeRange},
		{"09:14:00.100 CET Mon Mrz 2 2026", time.Time{}, errTimeLayout},
		{"09:14:00.100 CET Mon Mar 2 26", time.Time{}, errTimeLayout},
		{"9:14:00.100 CET Mon Mar 2 2026", time.Time{}, errTimeLayout},
		{"09:14:00. CET Mon Mar 2 2026", time.Time{}, errTimeLayout},
		{"09:14:00.1x CET Mon Mar 2 2026", time.Time{}, errTimeLayout},
		{"09:14:00.100 CET Mon Mar 2 2026 extra", time.Time{}, errTimeLayout},
		{"", time.Time{}, errTimeLayout},
		{"12345", time.Time{}, errTimeLayout},
	}
	for _, tt := range tests {
		got, err := parseTime(tt.in, loc)
		if !got.Equal(tt.want) || !errors.Is(err, tt.err) {
			t.Errorf("parseTime(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil && got.Location() != loc {
			t.Errorf("parseTime(%q) in %v, want the site's zone", tt.in, got.Location())
		}
	}
}

func TestConnectionID(t *testing.T) {
	tests := []struct {
		in, key string
		ok      bool
	}{
		{"3C4D5E6F 16B111F1 8001A1B2 C3D4E501", "3C4D5E6F16B111F18001A1B2C3D4E501", true},
		{"3c4d5e6f 16b111f1 8001a1b2 c3d4e501", "3C4D5E6F16B111F18001A1B2C3D4E501", true},
		{"3C4D5E6F  16B111F1 8001A1B2 C3D4E501 ", "3C4D5E6F16B111F18001A1B2C3D4E501", true},
		{"3C4D5E6F 16B111F1 801A1B2 C3D4E501", "3C4D5E6F16B111F10801A1B2C3D4E501", true}, // a word without its leading zero
		{"CA5210B082B11E0A142A279BD84410", "CA5210B082B11E0A142A279BD84410", true},
		{"00000000 00000000 00000000 00000000", "", true},
		{"", "", false},
		{"3C4D5E6F 16B111F1 8001A1B2 C3D4E501 0", "", false},
		{"3C4D5E6F0 16B111F1", "", false},
		{"3C4D-5E6F", "", false},
		{strings.Repeat("A", 33), "", false},
	}
	for _, tt := range tests {
		rd := fieldReader{}
		_, key := rd.connectionID(&field{pos: 2, name: "ConnectionId", value: tt.in})
		if key != tt.key || (rd.err == nil) != tt.ok {
			t.Errorf("connectionID(%q) = %q, error %v; want %q, ok %v", tt.in, key, rd.err, tt.key, tt.ok)
		}
	}
}

func TestCause(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"10", 16, true}, {"10  ", 16, true}, {"11", 17, true}, {"13", 19, true}, {"1F", 31, true},
		{"1f", 31, true}, {"0", 0, true}, {"7F", 127, true},
		{"", -1, false}, {"X1", -1, false}, {"100", -1, false}, {"-1", -1, false},
	}
	for _, tt := range tests {
		rd := fieldReader{}
		got := rd.cause(&field{pos: 6, name: "DisconnectCause", value: tt.in})
		if got != tt.want || (rd.err == nil) != tt.ok {
			t.Errorf("cause(%q) = %d, error %v; want %d, ok %v", tt.in, got, rd.err, tt.want, tt.ok)
		}
	}
}

func TestCauseOutcome(t *testing.T) {
	tests := []struct {
		causes []int
		want   string
	}{
		{[]int{17, 21}, "busy"},
		{[]int{-1, 0, 16, 18, 19, 20, 26, 31, 102}, "unanswered"},
		{[]int{1, 3, 22, 27, 28, 34, 38, 41, 44, 47, 63, 88, 111, 127}, "failed"},
	}
	for _, tt := range tests {
		for _, c := range tt.causes {
			if got := causeOutcome(c); string(got) != tt.want {
				t.Errorf("causeOutcome(%d) = %s, want %s", c, got, tt.want)
			}
		}
	}
}

func TestSplitCSV(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  string
	}{
		{`1,2,3`, []string{"1", "2", "3"}, ""},
		{`1,"a b",,"",x`, []string{"1", "a b", "", "", "x"}, ""},
		{`"ton:0,npi:0,#:123",2`, []string{"ton:0,npi:0,#:123", "2"}, ""},
		{`"say ""hi""",2,`, []string{`say "hi"`, "2", ""}, ""},
		{`"""",""""""`, []string{`"`, `""`}, ""},
		{`1,"open`, nil, "field 2: no closing quote"},
		{`1,"a"b,2`, nil, "field 2: text after the closing quote"},
	}
	for _, tt := range tests {
		got, err := splitCSV(nil, tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("splitCSV(%q): error %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("splitCSV(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestReadLayout(t *testing.T) {
	tests := []struct {
		format, list string
		width        int
		err          string
	}{
		{formatDetailed, "", 23, ""},
		{formatCompact, "", 20, ""},
		{formatDetailed, "h323-conf-id, LEG-TYPE,h323-call-origin,h323-setup-time,,h323-disconnect-time,", 7, ""},
		{formatDetailed, "h323-conf-id,leg-type,h323-call-origin,h323-setup-time", 0, "no h323-disconnect-time column"},
		{formatDetailed, "h323-conf-id,leg-type,h323-call-origin,h323-setup-time,h323-disconnect-time,leg-type", 0, "leg-type twice"},
	}
	for _, tt := range tests {
		l, err := readLayout(tt.format, tt.list)
		call := fmt.Sprintf("readLayout(%s, %q)", tt.format, tt.list)
		if dt.CheckError(t, call, err, tt.err) && l.width != tt.width {
			t.Errorf("%s: width %d, want %d", call, l.width, tt.width)
		}
	}
}
