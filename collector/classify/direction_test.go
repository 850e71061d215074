package classify

import (
	"testing"

	"calltally.app/drivers"
)

func TestDirectionOf(t *testing.T) {
	p, err := ParseText("country=DE area=30 access=0 internal=2xx")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		caller, called string
		want           drivers.Direction
	}{
		{"201", "202", drivers.Internal},
		{"201", "00891234567", drivers.Outbound},
		{"201", "112", drivers.Outbound},
		{"0891234567", "201", drivers.Inbound},
		{"", "201", drivers.Inbound}, // caller withheld
		{"0891234567", "01711234567", drivers.Tandem},
		{"201", "", ""},
	}
	for _, tt := range tests {
		if got := p.DirectionOf(tt.caller, tt.called); got != tt.want {
			t.Errorf("DirectionOf(%q, %q) = %q, want %q", tt.caller, tt.called, got, tt.want)
		}
	}
}

func TestDirection(t *testing.T) {
	p, err := ParseText("country=DE area=30 access=0 internal=2xx")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call drivers.Call
		want drivers.Direction
	}{
		{"driver's own", drivers.Call{Direction: drivers.Inbound, Extension: "201", External: "0891234567", Dialled: "0891234567"}, drivers.Inbound},
		{"extension to extension", drivers.Call{Extension: "201", Dialled: "202"}, drivers.Internal},
		{"dialled out", drivers.Call{Extension: "201", External: "0891234567", Dialled: "0891234567"}, drivers.Outbound},
		{"dialled with access code", drivers.Call{Extension: "201", External: "0891234567", Dialled: "00891234567"}, drivers.Outbound},
		{"dialled in E.164", drivers.Call{Extension: "201", External: "+49891234567", Dialled: "00891234567"}, drivers.Outbound},
		{"answered, DDI", drivers.Call{Extension: "201", External: "0891234567", Dialled: "493012345201"}, drivers.Inbound},
		{"answered, no DDI", drivers.Call{Extension: "201", External: "0891234567"}, drivers.Inbound},
		{"to an extension, unanswered", drivers.Call{External: "0891234567", Dialled: "201"}, drivers.Inbound},
		{"trunk to trunk", drivers.Call{External: "0891234567", Dialled: "01711234567"}, drivers.Tandem},
		{"nothing known", drivers.Call{Dialled: "0891234567"}, ""},
	}
	for _, tt := range tests {
		if got := p.Direction(&tt.call); got != tt.want {
			t.Errorf("%s: Direction = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNormaliseKeepsOthers(t *testing.T) {
	p, err := ParseText("country=DE area=30 access=0 internal=2xx")
	if err != nil {
		t.Fatal(err)
	}
	for _, number := range []string{"112", "201", "116117", "0", "+", "089123????", "abc", "00891", "+999123456789"} {
		if e164, ok := p.Normalise(number); ok || e164 != "" {
			t.Errorf("Normalise(%q) = %q, %v: want it left as dialled", number, e164, ok)
		}
	}
}
