package costing

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func namedPlan(name string, def bool, trunks ...string) Plan {
	return Plan{Name: name, Currency: "EUR", Default: def, Trunks: trunks,
		Rates: []Rate{{Name: name, PerMinute: map[Band]Money{Peak: eur("0.60")}}}}
}

// A trunk named exactly wins; then the longest pattern; then the default.
func TestPlansFor(t *testing.T) {
	set, err := NewPlans([]Plan{
		namedPlan("fallback", true),
		namedPlan("sip", false, "SIP-*"),
		namedPlan("sip-de", false, "SIP-DE*", "T7"),
		namedPlan("backup", false, "SIP-DE-BACKUP"),
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ trunk, want string }{
		{"SIP-FR", "sip"},
		{"SIP-DE-1", "sip-de"},
		{"SIP-DE-BACKUP", "backup"},
		{"T7", "sip-de"},
		{"T70", "fallback"},
		{"", "fallback"},
		{"sip-fr", "fallback"}, // names are matched as the PBX writes them
	}
	for _, tt := range tests {
		p, ok := set.For(tt.trunk)
		if !ok || p.Name != tt.want {
			t.Errorf("For(%q) = %v %v, want %q", tt.trunk, p, ok, tt.want)
		}
		cost, info, err := set.Rate(Call{Start: at(tuePeak), Duration: 60, Direction: Outbound, Trunk: tt.trunk})
		if err != nil || info.Plan != tt.want || cost != eur("0.60") {
			t.Errorf("Rate on %q: %s by %q, %v", tt.trunk, cost, info.Plan, err)
		}
	}
	if n := len(set.Plans()); n != 4 {
		t.Errorf("%d plans, want 4", n)
	}
}

func TestPlansNoDefault(t *testing.T) {
	set, err := NewPlans([]Plan{namedPlan("sip", false, "SIP-*")})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := set.Rate(Call{Duration: 60, Direction: Outbound, Trunk: "ISDN"}); !errors.Is(err, ErrNoPlan) {
		t.Errorf("trunk without plan: %v, want ErrNoPlan", err)
	}
}

func TestNewPlansErrors(t *testing.T) {
	bad := namedPlan("bad", false)
	bad.Rates[0].Type = "cellular"
	tests := []struct {
		name  string
		plans []Plan
		want  string
	}{
		{"two defaults", []Plan{namedPlan("a", true), namedPlan("b", true)}, `plan "b": plan "a" is already the default`},
		{"same name", []Plan{namedPlan("a", false), namedPlan("A", false)}, `plan "A": two plans have this name`},
		{"trunk twice", []Plan{namedPlan("a", false, "T1"), namedPlan("b", false, "T1")}, `trunk "T1" already belongs to plan "a"`},
		{"pattern twice", []Plan{namedPlan("a", false, "S*"), namedPlan("b", false, "S*")}, `trunk "S*" already belongs`},
		{"bad pattern", []Plan{namedPlan("a", false, "S*X")}, `trunk "S*X"`},
		{"catch-all pattern", []Plan{namedPlan("a", false, "*")}, `trunk "*"`},
		{"invalid rate", []Plan{bad}, `plan "bad": rate 1 ("bad"): type "cellular"`},
	}
	for _, tt := range tests {
		_, err := NewPlans(tt.plans)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// Validate's checks of hand-built plans.
func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *Plan)
		want string
	}{
		{"ok", func(p *Plan) {}, ""},
		{"no name", func(p *Plan) { p.Name = " " }, "no name"},
		{"markup below -100%", func(p *Plan) { p.Markup = -10001 }, "markup"},
		{"bad increment", func(p *Plan) { p.Increment = Increment{60, 0} }, `increment "60/0"`},
		{"negative unit price", func(p *Plan) { p.UnitPrice = -1 }, "unit price"},
		{"window across midnight", func(p *Plan) { p.Peak = []Window{{Weekdays, 22 * 60, 6 * 60}} }, "window"},
		{"window without days", func(p *Plan) { p.Peak = []Window{{0, 8 * 60, 18 * 60}} }, "window"},
		{"bad holiday", func(p *Plan) { p.Holidays = []string{"25.12."} }, "holiday"},
		{"yearly 29 February", func(p *Plan) { p.Holidays = []string{"02-29"} }, "holiday"},
		{"negative price", func(p *Plan) { p.Rates[0].PerMinute[OffPeak] = -1 }, "negative offpeak price"},
		{"unknown band", func(p *Plan) { p.Rates[0].PerMinute[Band(9)] = 1 }, "unknown band"},
		{"negative setup", func(p *Plan) { p.Rates[0].Setup = -1 }, "negative setup"},
		{"bad direction", func(p *Plan) { p.Rates[0].Direction = "tandem" }, `direction "tandem"`},
		{"lowercase country", func(p *Plan) { p.Rates[0].Country = "de" }, `country "de"`},
		{"bad scope", func(p *Plan) { p.Rates[0].Scope = "regional" }, `scope "regional"`},
		{"long prefix", func(p *Plan) { p.Rates[2].Prefix = "4412345678901234" }, "prefix"},
		{"same class by wildcard", func(p *Plan) { p.Rates[6].Country = "*" }, ""},
		{"same class twice", func(p *Plan) {
			p.Rates = append(p.Rates, Rate{Name: "dup", Country: "*", Scope: "international"})
		}, `rate 8 ("dup"): class * * international is already rate 7`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPlan()
			tt.edit(&p)
			err := p.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("%v, want %q", err, tt.want)
			}
		})
	}
}

func TestDaysAndWindows(t *testing.T) {
	for _, s := range []string{"mon-fri", "sat-sun", "mon-wed+fri", "sun", "mon-sun"} {
		d, err := ParseDays(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDays(%q) = %s, %v", s, d, err)
		}
	}
	for _, s := range []string{"", "fri-mon", "weekdays", "mon,tue", "mon-"} {
		if _, err := ParseDays(s); err == nil {
			t.Errorf("ParseDays(%q) accepted", s)
		}
	}
	for _, s := range []string{"mon-fri 08:00-18:00", "sat 00:00-24:00", "mon-wed+fri 09:30-12:15"} {
		w, err := ParseWindow(s)
		if err != nil || w.String() != s {
			t.Errorf("ParseWindow(%q) = %s, %v", s, w, err)
		}
	}
	for _, s := range []string{"mon-fri", "mon-fri 8:00-18:00", "mon-fri 08:00-24:01", "mon-fri 08:60-09:00", "mon-fri 09:00-09:00"} {
		if _, err := ParseWindow(s); err == nil {
			t.Errorf("ParseWindow(%q) accepted", s)
		}
	}
}

// monthDay agrees with the time package from 1600 to 2400.
func TestMonthDay(t *testing.T) {
	for d := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2400; d = d.AddDate(0, 0, 1) {
		m, day := monthDay(d.Unix() / 86400)
		if d.Unix()%86400 != 0 {
			t.Fatal("not midnight")
		}
		if time.Month(m) != d.Month() || day != d.Day() {
			t.Fatalf("%s: monthDay = %d-%d", d.Format(time.DateOnly), m, day)
		}
	}
}
