package locale

import "testing"

func TestIsNeutral(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{
		{"C", true}, {"C.UTF-8", true}, {"POSIX", true}, {"C.utf8", true},
		{"", false}, {"en_US.UTF-8", false}, {"ar_EG.UTF-8", false}, {"Ca", false},
	}
	for _, tt := range tests {
		if got := IsNeutral(tt.value); got != tt.want {
			t.Errorf("IsNeutral(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}
