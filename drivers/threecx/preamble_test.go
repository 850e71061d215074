package threecx

import "testing"

func TestIsHeader(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"historyid,callid,duration,time-start", true},
		{"%historyid%,%callid%", true},
		{"Call 23193,00000C8A1E2B,00:01:02,2026/03/10 08:00:00", false},
		{"23193,00000C8A1E2B,00:01:02", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isHeader(tt.line); got != tt.want {
			t.Errorf("isHeader(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
