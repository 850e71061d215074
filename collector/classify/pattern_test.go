package classify

import (
	"strings"
	"testing"
)

func TestIsInternal(t *testing.T) {
	p, err := ParseText("country=DE internal=2xx,4[0-5]xx,1000-1099,0100-0199,[13]0x,*9x,55#")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		number string
		want   bool
	}{
		{"200", true}, {"299", true}, {"2000", false}, {"20", false}, {"2a0", false},
		{"4000", true}, {"4599", true}, {"4600", false}, {"3999", false},
		{"1000", true}, {"1099", true}, {"1100", false}, {"999", false}, {"10000", false},
		{"0100", true}, {"0199", true}, {"0200", false},
		{"100", true}, {"305", true}, {"205", true}, {"405", false},
		{"*97", true}, {"#97", false}, {"55#", true},
		{" 201 ", true}, {"", false}, {"+201", false},
	}
	for _, tt := range tests {
		if got := p.IsInternal(tt.number); got != tt.want {
			t.Errorf("IsInternal(%q) = %v, want %v", tt.number, got, tt.want)
		}
	}
}

func TestPatternErrors(t *testing.T) {
	tests := []struct{ pattern, err string }{
		{"2x-", "a range is two numbers"},
		{"200-29", "as many digits"},
		{"299-200", "ends before it starts"},
		{"4[0-5xx", "not closed"},
		{"4[]xx", "empty class"},
		{"4[a]xx", "a class holds digits"},
		{"4[5-0]", "bad range"},
		{"2y", "not a digit"},
	}
	for _, tt := range tests {
		_, err := ParseText("country=DE internal=" + tt.pattern)
		if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "setting internal") {
			t.Errorf("pattern %q: error %v, want one naming the setting and saying %q", tt.pattern, err, tt.err)
		}
	}
}
