package drivers

import "testing"

func TestDirectionOf(t *testing.T) {
	tests := []struct {
		from, to bool
		want     Direction
	}{
		{true, true, Tandem},
		{true, false, Inbound},
		{false, true, Outbound},
		{false, false, Internal},
	}
	for _, tt := range tests {
		if got := DirectionOf(tt.from, tt.to); got != tt.want {
			t.Errorf("DirectionOf(%v, %v) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}
