package costing

import (
	"errors"
	"os"
	"strings"
	"testing"
)

const minimalPlan = `plan,Mini
currency,EUR
name,country,type,peak
National,DE,fixed,0.029
`

func TestParseCSVFields(t *testing.T) {
	in := "\ufeff# a comment\n" + `plan,Full
carrier,Example
currency,eur
trunks,SIP-*,ISDN-1,,,
default,yes
rounding,UP
markup,12.5%
increment,60/60
peak,mon-fri 08:00-12:00,mon-fri 13:00-18:00
weekend,fri-sat
holidays,12-25,2026-04-03
unit_price,0.06

Name,Direction,Prefix,Country,Type,Scope,Increment,Setup,Minimum,Peak,Offpeak,Weekend,Holiday
"Mobile, national",,,de,MOBILE,national,30/6,0.10,0.50,0.09,0.08,,0
UK,,+44,,,,1/1,,,0.039
Inbound,inbound,,,,,,,,0.02
,,,,,,,,,,
`
	plans, err := ParseCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	p := plans[0]
	if p.Name != "Full" || p.Carrier != "Example" || p.Currency != "EUR" || !p.Default ||
		p.Rounding != RoundUp || p.Markup != 1250 || p.Increment != (Increment{60, 60}) ||
		p.UnitPrice != 60_000 || strings.Join(p.Trunks, "|") != "SIP-*|ISDN-1" ||
		len(p.Peak) != 2 || p.Peak[1] != (Window{Weekdays, 13 * 60, 18 * 60}) ||
		p.Weekend != 1<<5|1<<6 || strings.Join(p.Holidays, "|") != "12-25|2026-04-03" {
		t.Errorf("plan fields: %+v", p)
	}
	if len(p.Rates) != 3 {
		t.Fatalf("%d rates, want 3", len(p.Rates))
	}
	m := p.Rates[0]
	if m.Name != "Mobile, national" || m.Country != "DE" || m.Type != "mobile" || m.Scope != "national" ||
		m.Increment != (Increment{30, 6}) || m.Setup != 100_000 || m.Minimum != 500_000 ||
		len(m.PerMinute) != 3 || m.PerMinute[OffPeak] != 80_000 || m.PerMinute[Holiday] != 0 {
		t.Errorf("rate: %+v", m)
	}
	if _, ok := m.PerMinute[Weekend]; ok {
		t.Error("an empty band cell was read as a price")
	}
	if p.Rates[1].Prefix != "44" || p.Rates[2].Direction != Inbound {
		t.Errorf("rates: %+v", p.Rates[1:])
	}
	if _, _, err := p.Rate(Call{Start: at(tuePeak), Duration: 10, Direction: Outbound, Dest: ukFixed}); err != nil {
		t.Errorf("the parsed plan is not ready to rate: %v", err)
	}
}

// Errors name the line and, where one cell is at fault, its column.
func TestParseCSVErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "# nothing\n", "no plan"},
		{"rate before plan", "name,peak\n", `line 1, column 1: "name" before the first plan row`},
		{"plan without name", "plan\n", "line 1: want plan,NAME"},
		{"unknown setting", "plan,A\ncurrency,EUR\ncolour,red\n", `line 3, column 1: unknown setting "colour"`},
		{"setting twice", "plan,A\ncurrency,EUR\ncurrency,EUR\n", "line 3, column 1 (currency): setting given twice"},
		{"setting without value", "plan,A\ncurrency\n", "line 2: want an ISO 4217 code"},
		{"two values", "plan,A\ncurrency,EUR,USD\n", "line 2: want an ISO 4217 code"},
		{"bad currency", "plan,A\ncurrency,EURO\n", `line 2, column 2 (currency): currency "EURO"`},
		{"no currency", "plan,A\nname,peak\nx,1\n", `line 1: plan "A": currency ""`},
		{"bad default", "plan,A\ndefault,maybe\n", "line 2, column 2 (default)"},
		{"markup and discount", "plan,A\nmarkup,5%\ndiscount,5%\n", "line 3, column 1 (discount): a plan has a markup or a discount"},
		{"bad markup", "plan,A\nmarkup,5.125%\n", "line 2, column 2 (markup): \"5.125%\": want a percentage"},
		{"bad rounding", "plan,A\ncurrency,EUR\nrounding,bankers\n", `line 3, column 2 (rounding): rounding "bankers"`},
		{"bad window", "plan,A\npeak,mon-fri 08:00-18:00,weekdays 9-5\n", "line 2, column 3 (peak)"},
		{"window backwards", "plan,A\npeak,mon-fri 18:00-08:00\n", "line 2, column 2 (peak)"},
		{"bad weekend", "plan,A\nweekend,fri-mon\n", "line 2, column 2 (weekend)"},
		{"bad holiday", "plan,A\nholidays,12-25,2026-02-30\n", "line 2, column 3 (holidays)"},
		{"trunk twice", "plan,A\ntrunks,T1,T1\n", "line 2, column 3 (trunks)"},
		{"bad increment", "plan,A\nincrement,60\n", "line 2, column 2 (increment)"},
		{"unknown column", "plan,A\ncurrency,EUR\nname,price\n", `line 3, column 2: unknown column "price"`},
		{"column twice", "plan,A\ncurrency,EUR\nname,peak,Peak\n", `line 3, column 3: column "peak" twice`},
		{"decimal comma", minimalPlan + "Mobile,DE,mobile,\"0,089\"\n", "line 5, column 4 (peak): amount \"0,089\": write a decimal point"},
		{"negative price", minimalPlan + "Mobile,DE,mobile,-0.089\n", "line 5, column 4 (peak): amount \"-0.089\" is negative"},
		{"too precise", minimalPlan + "Mobile,DE,mobile,0.0000001\n", "line 5, column 4 (peak)"},
		{"bad country", minimalPlan + "Mobile,Germany,mobile,1\n", `line 5, column 2 (country): country "GERMANY"`},
		{"bad type", minimalPlan + "Mobile,DE,mobil,1\n", `line 5, column 3 (type): type "mobil"`},
		{"extra cells", minimalPlan + "Mobile,DE,mobile,1,2\n", "line 5, column 5: more cells than the header"},
		{"setting after the header", minimalPlan + "holidays,12-25\n", `line 5, column 2 (country): country "12-25": want an ISO 3166 code such as DE (settings go before the rate header)`},
		{"rate without name", minimalPlan + ",DE,mobile,1\n", "line 5: no name"},
		{"same class twice", minimalPlan + "# again\nNational again,DE,fixed,0.03\n", "line 6: class DE fixed * is already rate 1"},
		{"bad direction", "plan,A\ncurrency,EUR\nname,direction\nX,sideways\n", "line 4, column 2 (direction)"},
		{"access code in prefix", "plan,A\ncurrency,EUR\nname,prefix\nX,0044\n", "line 4, column 2 (prefix): prefix \"0044\""},
		{"letters in prefix", "plan,A\ncurrency,EUR\nname,prefix\nX,44a\n", "line 4, column 2 (prefix)"},
		{"prefix and class", "plan,A\ncurrency,EUR\nname,prefix,country\nX,44,GB\n", "line 4: a prefix rate cannot also name"},
		{"prefix twice", "plan,A\ncurrency,EUR\nname,prefix\nX,44\nY,+44\n", "line 5: prefix 44 is already rate 1"},
		{"bad increment cell", "plan,A\ncurrency,EUR\nname,increment\nX,0/60\n", "line 4, column 2 (increment): increment \"0/60\""},
		{"quote", "plan,A\ncurrency,EUR\nname,peak\n\"X,1\n", "line 4"},
		{"two defaults", minimalPlan + "plan,B\ncurrency,EUR\ndefault,yes\n" + "plan,C\ncurrency,EUR\ndefault,yes\n", `line 8: plan "C": plan "B" is already the default`},
		{"trunk in two plans", "plan,A\ncurrency,EUR\ntrunks,T1\nplan,B\ncurrency,EUR\ntrunks,T2,T1\n", `line 4: plan "B": trunk "T1" already belongs to plan "A"`},
		{"same plan name", minimalPlan + "plan,mini\ncurrency,EUR\n", `line 5: plan "mini": two plans have this name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV(strings.NewReader(tt.in))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseErrorPosition(t *testing.T) {
	_, err := ParseCSV(strings.NewReader(minimalPlan + "Mobile,DE,mobile,abc\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 5 || pe.Column != 4 || pe.Field != "peak" {
		t.Fatalf("error %#v, want line 5 column 4 (peak)", err)
	}
}

// The example plan file the README documents parses, and rates calls as
// its comments say.
func TestExamplePlan(t *testing.T) {
	f, err := os.Open("example-plan.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plans, err := ParseCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewPlans(plans)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		trunk string
		start string
		secs  int
		dir   string
		dest  Dest
		units int
		want  string
		plan  string
		rate  string
		pbx   string
	}{
		// 60/60: 2 started minutes × 0.089 = 0.178.
		{"DE mobile", "SIP-1", tuePeak, 61, Outbound, deMobile, 0, "0.18", "DE Business SIP", "German mobile", "0"},
		// Off-peak national, 5 minutes × 0.015; the PBX counted 2 units of 0.06.
		{"DE national evening", "ISDN-1", tueEvening, 300, Outbound, deFixed, 2, "0.08", "DE Business SIP", "National fixed", "0.12"},
		// Per second: 90 s × 0.149/60 = 0.2235.
		{"UK mobile from DE", "SIP-2", tuePeak, 90, Outbound, ukMobile, 0, "0.22", "DE Business SIP", "UK mobile", "0"},
		// A holiday (Good Friday 2026) rates national calls at the weekend price.
		{"Good Friday", "SIP-1", "2026-04-03 10:00:00", 120, Outbound, deFixed, 0, "0.03", "DE Business SIP", "National fixed", "0"},
		{"per call 01802", "SIP-1", tuePeak, 600, Outbound, service2, 0, "0.06", "DE Business SIP", "Service 01802 (per call)", "0"},
		// Satellite: 0.50 + 6.90 × 20/60 = 2.80, minimum 6.90.
		{"Inmarsat minimum", "SIP-1", tuePeak, 20, Outbound, inmarsat, 0, "6.90", "DE Business SIP", "Inmarsat satellite", "0"},
		{"unknown trunk: default plan", "PRI-9", tuePeak, 30, Outbound, usFixed, 0, "0.01", "DE Business SIP", "USA and Canada", "0"},
		// UK branch, 30/6: 95 s → 96 s; (0.15 + 0.03 × 96/60) × 0.9 = 0.1782, rounded up.
		{"UK landline", "BT-1", tuePeak, 95, Outbound, Dest{E164: "+442079460000", Country: "GB", Type: "fixed", Scope: "national"}, 0, "0.18", "UK Branch", "UK landline", "0"},
		// Freephone trunk: the receiver pays 0.065/min for a mobile caller, per second.
		{"0800 inbound from mobile", "BT-0800", tuePeak, 120, Inbound, Dest{E164: "+447700900123", Country: "GB", Type: "mobile", Scope: "national"}, 0, "0.13", "UK Freephone 0800", "From UK mobiles", "0"},
		{"inbound on the SIP trunk", "SIP-1", tuePeak, 120, Inbound, deMobile, 0, "0", "DE Business SIP", "", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Call{Start: at(tt.start), Duration: tt.secs, Direction: tt.dir, Trunk: tt.trunk, Dest: tt.dest, ChargeUnits: tt.units}
			got, info, err := set.Rate(c)
			if err != nil {
				t.Fatal(err)
			}
			if got != eur(tt.want) || info.Plan != tt.plan || info.Rate != tt.rate || info.PBXCharge != eur(tt.pbx) {
				t.Errorf("cost %s plan %q rate %q pbx %s; want %s %q %q %s", got, info.Plan, info.Rate, info.PBXCharge, tt.want, tt.plan, tt.rate, tt.pbx)
			}
		})
	}
}
