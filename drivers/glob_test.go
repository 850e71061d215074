package drivers

import "testing"

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"CUBE-PSTN-01", "CUBE-PSTN-01", true},
		{"CUBE-PSTN-01", "cube-pstn-01", true},
		{"CUBE-PSTN-01", "CUBE-PSTN-011", false},
		{"CUBE*", "CUBE-PSTN-01", true},
		{"*PSTN*", "CUBE-PSTN-01", true},
		{"*-01", "CUBE-PSTN-01", true},
		{"*-01", "CUBE-PSTN-02", false},
		{"C*P*1", "CUBE-PSTN-01", true},
		{"C*P*1", "CUBE-PSTN-10", false},
		{"*@gw1*", "S0/SU0/DS1-0@gw1.example.com", true}, // path.Match's * would stop at /
		{"10.1.1.*", "10.1.1.20", true},
		{"*", "", true},
		{"ab*ba", "aba", false}, // the parts may not overlap
		{"*ab*b", "ab", false},
	}
	for _, tt := range tests {
		if got := NewGlob(tt.pattern).Match(tt.name); got != tt.want {
			t.Errorf("%q matching %q = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestGlobs(t *testing.T) {
	globs := Globs(" CUBE* , ,SEP00AABB000200,")
	if len(globs) != 2 || Globs("") != nil {
		t.Fatalf("Globs read %d patterns, want 2; %d from none", len(globs), len(Globs("")))
	}
	for _, name := range []string{"cube-pstn-01", "SEP00AABB000200"} {
		if !MatchAny(globs, name) {
			t.Errorf("%q matches none", name)
		}
	}
	if MatchAny(globs, "SEP00AABB000201") || MatchAny(nil, "") {
		t.Error("matched what no pattern names")
	}
}
