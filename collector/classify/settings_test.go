package classify

import (
	"strings"
	"testing"
)

func TestParsePlanErrors(t *testing.T) {
	tests := []struct {
		settings map[string]string
		err      string // a part of the error: the setting's name and why
	}{
		{map[string]string{}, "setting country: missing"},
		{map[string]string{"country": "XX"}, `setting country: "XX" is not`},
		{map[string]string{"country": "Germany"}, "setting country"},
		{map[string]string{"country": "DE", "area": "030"}, "setting area: \"030\": give the area code without the national prefix 0 (30)"},
		{map[string]string{"country": "DE", "area": "3a"}, "setting area"},
		{map[string]string{"country": "DE", "access": "9,x"}, `setting access: "x": digits only`},
		{map[string]string{"country": "DE", "national": "+"}, "setting national"},
		{map[string]string{"country": "DE", "international": "00a"}, "setting international"},
		{map[string]string{"country": "DE", "emergency": "11[2"}, "setting emergency"},
		{map[string]string{"country": "DE", "service": "1-"}, "setting service"},
		{map[string]string{"country": "DE", "areacode": "30"}, `unknown setting "areacode"`},
	}
	for _, tt := range tests {
		_, err := ParsePlan(tt.settings)
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParsePlan(%v): error %v, want one containing %q", tt.settings, err, tt.err)
		}
	}
}

func TestTextForm(t *testing.T) {
	text := "country=DE area=30 access=0,9 national=0 international=00 internal=2xx,4[0-5]xx emergency=19222 service=11833"
	p, err := ParseText(text)
	if err != nil {
		t.Fatal(err)
	}
	if p.String() != text {
		t.Errorf("String() = %q, want %q", p.String(), text)
	}
	if len(p.Map()) != len(Settings) {
		t.Errorf("Map() = %v: not every setting", p.Map())
	}
	q, err := ParsePlan(p.Map())
	if err != nil || q.String() != text {
		t.Errorf("ParsePlan(Map()) = %q, %v", q.String(), err)
	}
	// Blanks around list items and lower-case countries are read too.
	r, err := ParsePlan(map[string]string{"country": "de", "internal": " 2xx , 4xx ", "access": ""})
	if err != nil || r.String() != "country=DE internal=2xx,4xx" {
		t.Errorf("ParsePlan: %q, %v", r.String(), err)
	}
	for _, bad := range []string{"country=DE area", "country=DE country=AT"} {
		if _, err := ParseText(bad); err == nil {
			t.Errorf("ParseText(%q) did not fail", bad)
		}
	}
}

// TestPrefixes checks the prefixes read from the library against the
// countries' numbering plans.
func TestPrefixes(t *testing.T) {
	tests := []struct{ country, national, international string }{
		{"DE", "0", "00"}, {"GB", "0", "00"}, {"FR", "0", "00"},
		{"US", "1", "011"}, {"CA", "1", "011"},
		{"AU", "0", "0011"}, {"RU", "8", "810"}, {"JP", "0", "010"},
		{"IT", "", "00"}, {"ES", "", "00"},
	}
	for _, tt := range tests {
		p, err := NewPlan(DialPlan{Country: tt.country})
		if err != nil {
			t.Fatal(err)
		}
		if p.NationalPrefix() != tt.national || p.InternationalPrefix() != tt.international {
			t.Errorf("%s: prefixes %q %q, want %q %q", tt.country, p.NationalPrefix(), p.InternationalPrefix(), tt.national, tt.international)
		}
	}
	br, _ := NewPlan(DialPlan{Country: "BR"})
	if !strings.HasPrefix(br.InternationalPrefix(), "00") {
		t.Errorf("BR: international prefix %q", br.InternationalPrefix())
	}
	o, _ := NewPlan(DialPlan{Country: "DE", National: "8", International: "810"})
	if o.NationalPrefix() != "8" || o.InternationalPrefix() != "810" {
		t.Errorf("overrides: %q %q", o.NationalPrefix(), o.InternationalPrefix())
	}
}

// TestOverrides: a site whose PBX dials its own prefixes (here an old
// private network's 8 and 810 in Germany) is read with them, and with
// the country's too.
func TestOverrides(t *testing.T) {
	p, err := ParseText("country=DE national=8 international=810")
	if err != nil {
		t.Fatal(err)
	}
	for number, want := range map[string]string{
		"8891234567":      "+49891234567",
		"8104930123456":   "+4930123456",
		"0891234567":      "+49891234567",
		"0033142685300":   "+33142685300",
		"810441632960999": "",
	} {
		if got, _ := p.Normalise(number); got != want {
			t.Errorf("Normalise(%q) = %q, want %q", number, got, want)
		}
	}
}

// TestPlanWithoutNewPlan: a plan built as a literal works, more slowly;
// one that does not check out reads every number as unknown.
func TestPlanWithoutNewPlan(t *testing.T) {
	p := DialPlan{Country: "DE", AreaCode: "30", Internal: []string{"2xx"}}
	if got, _ := p.Normalise("1234567"); got != "+49301234567" || !p.IsInternal("201") {
		t.Errorf("literal plan: %q, internal %v", got, p.IsInternal("201"))
	}
	bad := DialPlan{Country: "XX"}
	if d := bad.Classify("0891234567"); d != unknown {
		t.Errorf("bad plan: %+v", d)
	}
	var zero DialPlan
	if d := zero.Classify("112"); d != unknown {
		t.Errorf("zero plan: %+v", d)
	}
}
