package costing

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		err  string
	}{
		{"0.0123", 12_300, ""},
		{"12", 12_000_000, ""},
		{"0", 0, ""},
		{".5", 500_000, ""},
		{"5.", 5_000_000, ""},
		{"+1.5", 1_500_000, ""},
		{"-0.000001", -1, ""},
		{"6.900000", 6_900_000, ""},
		{"0.0000001", 0, "more than 6 decimal places"},
		{"0,029", 0, "decimal number"},
		{"1e3", 0, "decimal number"},
		{"", 0, "decimal number"},
		{".", 0, "decimal number"},
		{"--1", 0, "decimal number"},
		{"1.2.3", 0, "decimal number"},
		{"99999999999999", 0, "too large"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseMoney(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{120_000, "0.12"},
		{100_000, "0.1"},
		{12_000_000, "12"},
		{12_300, "0.0123"},
		{1, "0.000001"},
		{0, "0"},
		{-1_500_000, "-1.5"},
		{-1 << 63, "-9223372036854.775808"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Money(%d).String() = %q, want %q", int64(tt.m), got, tt.want)
		}
		if tt.m != -1<<63 {
			back, err := ParseMoney(tt.want)
			if err != nil || back != tt.m {
				t.Errorf("ParseMoney(%q) = %d, %v; want %d", tt.want, back, err, tt.m)
			}
		}
	}
}

// The documented JSON form: cost as a number in major units beside the
// ISO 4217 currency.
func TestMoneyJSON(t *testing.T) {
	v := struct {
		Cost     Money  `json:"cost"`
		Currency string `json:"currency"`
	}{120_000, "EUR"}
	b, err := json.Marshal(v)
	if err != nil || string(b) != `{"cost":0.12,"currency":"EUR"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	v.Cost = 0
	if err := json.Unmarshal(b, &v); err != nil || v.Cost != 120_000 {
		t.Fatalf("Unmarshal = %d, %v", v.Cost, err)
	}
}

func TestCurrencies(t *testing.T) {
	tests := []struct {
		code   string
		exp    int
		step   Money
		amount Money
		format string
	}{
		{"EUR", 2, 10_000, 100_000, "0.10"},
		{"usd", 2, 10_000, 12_340_000, "12.34"},
		{"JPY", 0, 1_000_000, 14_000_000, "14"},
		{"KWD", 3, 1_000, 15_000, "0.015"},
		{"BHD", 3, 1_000, 2_000_000, "2.000"},
		{"GBP", 2, 10_000, -50_000, "-0.05"},
	}
	for _, tt := range tests {
		c, err := LookupCurrency(tt.code)
		if err != nil {
			t.Fatalf("LookupCurrency(%q): %v", tt.code, err)
		}
		if c.Exponent != tt.exp || c.MinorStep() != tt.step {
			t.Errorf("%s: exponent %d step %d, want %d %d", tt.code, c.Exponent, c.MinorStep(), tt.exp, tt.step)
		}
		if got := c.Format(tt.amount); got != tt.format {
			t.Errorf("%s Format(%d) = %q, want %q", tt.code, int64(tt.amount), got, tt.format)
		}
	}
	for _, bad := range []string{"XXX", "EURO", "", "DEM"} {
		if _, err := LookupCurrency(bad); err == nil {
			t.Errorf("LookupCurrency(%q) accepted an unknown code", bad)
		}
	}
}

// A plan survives a JSON round trip (for storing plans), bands by name.
func TestPlanJSON(t *testing.T) {
	p := testPlan()
	b, err := json.Marshal(p)
	if err != nil || !strings.Contains(string(b), `"PerMinute":{"offpeak":0.015,"peak":0.029,"weekend":0.01}`) {
		t.Fatalf("Marshal: %v\n%s", err, b)
	}
	var back Plan
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil || back.Rates[0].PerMinute[OffPeak] != 15_000 {
		t.Fatalf("round trip: %v %+v", err, back.Rates[0])
	}
	if err := json.Unmarshal([]byte(`{"PerMinute":{"night":1}}`), &Rate{}); err == nil {
		t.Error("an unknown band was accepted")
	}
}
