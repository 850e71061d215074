package custom

import "testing"

func TestUnits(t *testing.T) {
	tests := []struct {
		unit  unit
		value string
		want  int
		ok    bool
	}{
		{unitSeconds, "75", 75, true},
		{unitSeconds, "", 0, true},
		{unitSeconds, "74.5", 75, true},
		{unitSeconds, "74,4", 74, true},
		{unitSeconds, "0.4999", 0, true},
		{unitSeconds, "-5", 0, false},
		{unitSeconds, "1e3", 0, false},
		{unitSeconds, "12.", 0, false},
		{unitSeconds, "1 5", 0, false},
		{unitSeconds, "99999999999", 0, false},
		{unitSeconds, "31622401", 0, false}, // more than a year
		{unitMillis, "75500", 76, true},
		{unitMillis, "499", 0, true},
		{unitMillis, "75.5", 0, false},
		{unitMinutes, "2", 120, true},
		{unitMinutes, "1,25", 75, true},
		{unitMinutes, "0.01", 1, true},
		{unitTenths, "21", 126, true},
		{unitTenths, "2.1", 0, false},
		{unitHMS, "00:02:05", 125, true},
		{unitHMS, "0:02:05", 125, true},
		{unitHMS, "102:00:00", 367200, true},
		{unitHMS, "02:05", 0, false},
		{unitHMS, "00:60:00", 0, false},
		{unitHMS, "00:2:05", 0, false},
		{unitMS, "02:05", 125, true},
		{unitMS, "125:00", 7500, true},
		{unitMS, "1:02:05", 0, false},
		{unitMS, "02:5", 0, false},
	}
	for _, tt := range tests {
		got, err := tt.unit.seconds(tt.value)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("%s %q = %d, %v; want %d, ok %v", tt.unit, tt.value, got, err, tt.want, tt.ok)
		}
	}
}
