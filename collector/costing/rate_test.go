package costing

import (
	"errors"
	"testing"
	"time"
)

// cet is a fixed stand-in for the site's zone, so the tests need no tzdata.
var cet = time.FixedZone("CET", 3600)

// at returns a wall-clock time at the site: "2026-03-10 10:00:00".
func at(s string) time.Time {
	t, err := time.ParseInLocation(time.DateTime, s, cet)
	if err != nil {
		panic(err)
	}
	return t
}

const (
	tuePeak    = "2026-03-10 10:00:00" // a Tuesday
	tueEvening = "2026-03-10 19:00:00"
	saturday   = "2026-03-14 10:00:00"
)

var (
	deFixed  = Dest{E164: "+4930123456", Country: "DE", Type: "fixed", Scope: "national"}
	deMobile = Dest{E164: "+4915112345678", Country: "DE", Type: "mobile", Scope: "national"}
	ukFixed  = Dest{E164: "+442071234567", Country: "GB", Type: "fixed", Scope: "international"}
	ukMobile = Dest{E164: "+447700900123", Country: "GB", Type: "mobile", Scope: "international"}
	usFixed  = Dest{E164: "+12125550100", Country: "US", Type: "fixed-or-mobile", Scope: "international"}
	deFree   = Dest{E164: "+498001234567", Country: "DE", Type: "toll-free", Scope: "national"}
	ukFree   = Dest{E164: "+448001234567", Country: "GB", Type: "toll-free", Scope: "international"}
	frFree   = Dest{E164: "+33800123456", Country: "FR", Type: "toll-free", Scope: "international"}
	emerg    = Dest{Country: "DE", Type: "emergency", Scope: "emergency"}
	deInt    = Dest{Type: "internal", Scope: "internal"}
	inmarsat = Dest{E164: "+870773112345", Scope: "international"}
	service2 = Dest{E164: "+4918021234567", Country: "DE", Type: "shared-cost", Scope: "national"}
	dePrem   = Dest{E164: "+499001234567", Country: "DE", Type: "premium", Scope: "national"}
)

func eur(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// testPlan is the plan of the worked examples: 60/60 unless a rate says
// otherwise, peak Monday to Friday 08:00-18:00, half-up rounding to cents.
func testPlan() Plan {
	return Plan{
		Name: "test", Currency: "EUR", Increment: Increment{60, 60},
		Peak:     []Window{{Days: Weekdays, From: 8 * 60, To: 18 * 60}},
		Holidays: []string{"2026-12-25", "01-01"},
		Rates: []Rate{
			{Name: "National", Country: "DE", Type: "fixed", Scope: "national",
				PerMinute: map[Band]Money{Peak: eur("0.029"), OffPeak: eur("0.015"), Weekend: eur("0.01")}},
			{Name: "Mobile 30/6", Country: "DE", Type: "mobile", Increment: Increment{30, 6},
				PerMinute: map[Band]Money{Peak: eur("0.09")}},
			{Name: "UK per second", Prefix: "44", Increment: Increment{1, 1},
				PerMinute: map[Band]Money{Peak: eur("0.039")}},
			{Name: "UK mobile", Prefix: "447", Increment: Increment{1, 1},
				PerMinute: map[Band]Money{Peak: eur("0.149")}},
			{Name: "Satellite", Prefix: "870", Increment: Increment{1, 1},
				Setup: eur("0.50"), Minimum: eur("6.90"), PerMinute: map[Band]Money{Peak: eur("6.90")}},
			{Name: "Service 01802", Prefix: "491802", Setup: eur("0.06")},
			{Name: "Rest of world", Scope: "international", PerMinute: map[Band]Money{Peak: eur("0.49")}},
		},
	}
}

func mustPlan(t *testing.T, p Plan) *Plan {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return &p
}

type rateCase struct {
	name   string
	start  string
	secs   int
	dir    string
	dest   Dest
	want   string // cost in EUR
	billed int
	rate   string // matched rate, or the reason it is free
	band   Band
}

func runRateCases(t *testing.T, p *Plan, tests []rateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir
			if dir == "" {
				dir = Outbound
			}
			got, info, err := p.Rate(Call{Start: at(tt.start), Duration: tt.secs, Direction: dir, Dest: tt.dest})
			if err != nil {
				t.Fatal(err)
			}
			if got != eur(tt.want) || info.Billed != tt.billed {
				t.Errorf("cost %s billed %d s, want %s billed %d s (%+v)", got, info.Billed, tt.want, tt.billed, info)
			}
			if info.Rate+info.Free != tt.rate || info.Band != tt.band {
				t.Errorf("rate %q%q band %s, want %q band %s", info.Rate, info.Free, info.Band, tt.rate, tt.band)
			}
		})
	}
}

// Worked examples of each increment rule, at peak (Tuesday 10:00).
func TestRateIncrements(t *testing.T) {
	p := mustPlan(t, testPlan())
	runRateCases(t, p, []rateCase{
		// 60/60 at 0.029/min: every started minute.
		{"60/60 1s", tuePeak, 1, "", deFixed, "0.03", 60, "National", Peak},      // 0.029 → 0.03
		{"60/60 60s", tuePeak, 60, "", deFixed, "0.03", 60, "National", Peak},    // 0.029
		{"60/60 61s", tuePeak, 61, "", deFixed, "0.06", 120, "National", Peak},   // 0.058
		{"60/60 125s", tuePeak, 125, "", deFixed, "0.09", 180, "National", Peak}, // 0.087
		// 30/6 at 0.09/min: a 30 s block, then 6 s steps.
		{"30/6 10s", tuePeak, 10, "", deMobile, "0.05", 30, "Mobile 30/6", Peak}, // 0.045, a half: up
		{"30/6 31s", tuePeak, 31, "", deMobile, "0.05", 36, "Mobile 30/6", Peak}, // 0.054
		{"30/6 95s", tuePeak, 95, "", deMobile, "0.14", 96, "Mobile 30/6", Peak}, // 30+11×6 = 96 s: 0.144
		// 1/1 at 0.039/min: per second.
		{"1/1 1s", tuePeak, 1, "", ukFixed, "0.00", 1, "UK per second", Peak},    // 0.00065
		{"1/1 77s", tuePeak, 77, "", ukFixed, "0.05", 77, "UK per second", Peak}, // 0.05005
		{"1/1 1000s", tuePeak, 1000, "", ukFixed, "0.65", 1000, "UK per second", Peak},
		// Minimum charge: setup 0.50 + 6.90/min, at least 6.90.
		{"minimum applies", tuePeak, 10, "", inmarsat, "6.90", 10, "Satellite", Peak},     // 0.50 + 1.15 = 1.65
		{"minimum exceeded", tuePeak, 120, "", inmarsat, "14.30", 120, "Satellite", Peak}, // 0.50 + 13.80
		// Setup only: a price per call.
		{"setup per call", tuePeak, 300, "", service2, "0.06", 300, "Service 01802", Peak},
		// A class rate with the plan's 60/60.
		{"plan increment", tuePeak, 61, "", usFixed, "0.98", 120, "Rest of world", Peak},
	})
}

// Worked examples per band: national, 61 s billed as 2 minutes.
func TestRateBands(t *testing.T) {
	p := mustPlan(t, testPlan())
	runRateCases(t, p, []rateCase{
		{"peak", tuePeak, 61, "", deFixed, "0.06", 120, "National", Peak},                            // 2 × 0.029
		{"peak starts 08:00", "2026-03-10 08:00:00", 61, "", deFixed, "0.06", 120, "National", Peak}, //
		{"off-peak morning", "2026-03-10 07:59:59", 61, "", deFixed, "0.03", 120, "National", OffPeak},
		{"off-peak evening", tueEvening, 61, "", deFixed, "0.03", 120, "National", OffPeak}, // 2 × 0.015
		{"weekend", saturday, 61, "", deFixed, "0.02", 120, "National", Weekend},            // 2 × 0.01
		{"sunday night", "2026-03-15 23:00:00", 61, "", deFixed, "0.02", 120, "National", Weekend},
		// A holiday on a Friday; National has no holiday price: the weekend's.
		{"holiday", "2026-12-25 10:00:00", 61, "", deFixed, "0.02", 120, "National", Holiday},
		{"yearly holiday", "2027-01-01 10:00:00", 61, "", deFixed, "0.02", 120, "National", Holiday},
		{"not a holiday next year", "2027-12-24 10:00:00", 61, "", deFixed, "0.06", 120, "National", Peak},
		// A rate with a peak price only charges it in every band.
		{"single price weekend", saturday, 31, "", deMobile, "0.05", 36, "Mobile 30/6", Weekend},
	})
}

// The band-crossing rule: a call is rated in full in the band it started in.
// Both sides of the 18:00 boundary, and a Friday night call into Saturday.
func TestRateBandCrossing(t *testing.T) {
	p := mustPlan(t, testPlan())
	runRateCases(t, p, []rateCase{
		// 17:59:30 + 10 min ends 18:09:30, 9.5 min of it off-peak: all peak.
		{"starts peak, ends off-peak", "2026-03-10 17:59:30", 600, "", deFixed, "0.29", 600, "National", Peak},
		{"starts off-peak", "2026-03-10 18:00:00", 600, "", deFixed, "0.15", 600, "National", OffPeak},
		{"starts 07:59, ends peak", "2026-03-10 07:59:00", 600, "", deFixed, "0.15", 600, "National", OffPeak},
		{"Friday night into Saturday", "2026-03-13 23:59:00", 600, "", deFixed, "0.15", 600, "National", OffPeak},
		{"Sunday night into Monday peak", "2026-03-15 23:59:00", 36000, "", deFixed, "6.00", 36000, "National", Weekend},
	})
}

// The band is read on the call's own wall clock: the same instant is peak
// in a site at UTC+1 and off-peak in one at UTC+10.
func TestRateSiteZone(t *testing.T) {
	p := mustPlan(t, testPlan())
	start := at("2026-03-10 10:00:00")
	for _, tt := range []struct {
		zone *time.Location
		want Band
	}{{cet, Peak}, {time.FixedZone("AEST", 10*3600), OffPeak}} {
		_, info, err := p.Rate(Call{Start: start.In(tt.zone), Duration: 60, Direction: Outbound, Dest: deFixed})
		if err != nil || info.Band != tt.want {
			t.Errorf("%s: band %s, %v; want %s", tt.zone, info.Band, err, tt.want)
		}
	}
}

// Markup and discount apply to the whole cost, before rounding once.
func TestRateMarkupRounding(t *testing.T) {
	tests := []struct {
		name     string
		markup   int
		rounding Rounding
		secs     int
		dest     Dest
		want     string
	}{
		{"no markup", 0, "", 61, deFixed, "0.06"},                             // 0.058
		{"markup 12.5%", 1250, "", 61, deFixed, "0.07"},                       // 0.06525
		{"discount 5%", -500, "", 61, deFixed, "0.06"},                        // 0.0551
		{"discount 50%", -5000, "", 61, deFixed, "0.03"},                      // 0.029
		{"discount 100%", -10000, "", 61, deFixed, "0.00"},                    //
		{"markup on minimum", 1000, "", 10, inmarsat, "7.59"},                 // 6.90 × 1.1
		{"half-up tie", 0, RoundHalfUp, 100, ukFixed, "0.07"},                 // 0.065
		{"down on tie", 0, RoundDown, 100, ukFixed, "0.06"},                   // 0.065
		{"up on tie", 0, RoundUp, 100, ukFixed, "0.07"},                       // 0.065
		{"half-up below half", 0, RoundHalfUp, 77, ukFixed, "0.05"},           // 0.05005
		{"up on a fraction", 0, RoundUp, 77, ukFixed, "0.06"},                 // 0.05005
		{"down below", 0, RoundDown, 77, ukFixed, "0.05"},                     // 0.05005
		{"exact needs none", 0, RoundUp, 600, ukFixed, "0.39"},                // 0.39
		{"rounded once, after markup", -1, RoundHalfUp, 100, ukFixed, "0.06"}, // 0.065 × 0.9999 = 0.0649935
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := testPlan()
			plan.Markup, plan.Rounding = tt.markup, tt.rounding
			p := mustPlan(t, plan)
			got, _, err := p.Rate(Call{Start: at(tuePeak), Duration: tt.secs, Direction: Outbound, Dest: tt.dest})
			if err != nil || got != eur(tt.want) {
				t.Errorf("cost %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

// Free by default: inbound, internal, toll-free, emergency, not connected.
func TestRateFree(t *testing.T) {
	p := mustPlan(t, testPlan())
	runRateCases(t, p, []rateCase{
		{"inbound", tuePeak, 300, Inbound, deMobile, "0", 0, "inbound", Peak},
		{"internal call", tuePeak, 300, Internal, Dest{}, "0", 0, "internal", Peak},
		{"internal destination", tuePeak, 300, Outbound, deInt, "0", 0, "internal", Peak},
		{"toll-free", tuePeak, 300, Outbound, deFree, "0", 0, "toll-free", Peak},
		// The international catch-all does not name toll-free: still free.
		{"foreign toll-free", tuePeak, 300, Outbound, frFree, "0", 0, "toll-free", Peak},
		// A prefix names the number: UK freephone from abroad is charged.
		{"toll-free by prefix", tuePeak, 60, Outbound, ukFree, "0.04", 60, "UK per second", Peak},
		{"emergency", tuePeak, 300, Outbound, emerg, "0", 0, "emergency", Peak},
		{"not connected", tuePeak, 0, Outbound, deFixed, "0", 0, "not connected", Peak},
		{"tandem is outbound", tuePeak, 61, Tandem, deFixed, "0.06", 120, "National", Peak},
	})
}

// A rate says otherwise: inbound, internal and toll-free rates charge.
func TestRateChargedByRate(t *testing.T) {
	plan := testPlan()
	plan.Rates = append(plan.Rates,
		Rate{Name: "Inbound", Direction: Inbound, Increment: Increment{1, 1}, PerMinute: map[Band]Money{Peak: eur("0.02")}},
		Rate{Name: "Inbound mobile", Direction: Inbound, Type: "mobile", Increment: Increment{1, 1}, PerMinute: map[Band]Money{Peak: eur("0.06")}},
		Rate{Name: "Site link", Direction: Internal, Setup: eur("0.01")},
		Rate{Name: "0800 abroad", Type: "toll-free", Scope: "international", PerMinute: map[Band]Money{Peak: eur("0.10")}},
	)
	p := mustPlan(t, plan)
	runRateCases(t, p, []rateCase{
		{"inbound", tuePeak, 60, Inbound, deFixed, "0.02", 60, "Inbound", Peak},
		{"inbound from mobile", tuePeak, 60, Inbound, deMobile, "0.06", 60, "Inbound mobile", Peak},
		{"inbound withheld", tuePeak, 60, Inbound, Dest{}, "0.02", 60, "Inbound", Peak},
		{"internal", tuePeak, 600, Internal, Dest{}, "0.01", 600, "Site link", Peak},
		{"foreign toll-free", tuePeak, 60, Outbound, frFree, "0.10", 60, "0800 abroad", Peak},
		{"national toll-free still free", tuePeak, 60, Outbound, deFree, "0", 0, "toll-free", Peak},
	})
}

// Precedence: the longest prefix, then prefixes over classes, then the
// class naming most of country, type, scope (country before type before scope).
func TestRatePrecedence(t *testing.T) {
	plan := Plan{Name: "precedence", Currency: "EUR", Rates: []Rate{
		{Name: "any", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "national", Scope: "national", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "mobile", Type: "mobile", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "DE", Country: "DE", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "DE national", Country: "DE", Scope: "national", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "DE mobile", Country: "DE", Type: "mobile", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "44", Prefix: "44", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "447", Prefix: "447", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "4477009", Prefix: "4477009", PerMinute: map[Band]Money{Peak: 1}},
		{Name: "49151", Prefix: "49151", PerMinute: map[Band]Money{Peak: 1}},
	}}
	p := mustPlan(t, plan)
	tests := []struct {
		dest Dest
		want string
	}{
		{Dest{E164: "+447700900123", Country: "GB", Type: "mobile"}, "4477009"},
		{Dest{E164: "+447911123456", Country: "GB", Type: "mobile"}, "447"},
		{Dest{E164: "+442071234567", Country: "GB", Type: "fixed"}, "44"},
		{Dest{E164: "4420", Country: "GB"}, "44"}, // without +
		{deMobile, "49151"}, // a prefix beats every class
		{Dest{E164: "+4917012345678", Country: "DE", Type: "mobile", Scope: "national"}, "DE mobile"},
		{deFixed, "DE national"},
		{Dest{Country: "DE", Type: "fixed"}, "DE"},
		{Dest{Country: "AT", Type: "mobile", Scope: "national"}, "mobile"},
		{Dest{Country: "AT", Type: "fixed", Scope: "national"}, "national"},
		{Dest{Country: "AT", Type: "fixed", Scope: "international"}, "any"},
		{Dest{}, "any"},
	}
	for _, tt := range tests {
		_, info, err := p.Rate(Call{Start: at(tuePeak), Duration: 1, Direction: Outbound, Dest: tt.dest})
		if err != nil || info.Rate != tt.want {
			t.Errorf("%+v: rate %q, %v; want %q", tt.dest, info.Rate, err, tt.want)
		}
	}
}

// Currencies round to their own minor unit: yen to the yen, dinar to the fils.
func TestRateCurrencyExponents(t *testing.T) {
	tests := []struct {
		currency string
		price    string
		inc      Increment
		secs     int
		want     string
		format   string
	}{
		{"JPY", "8.5", Increment{1, 1}, 100, "14", "14"},           // 14.1666…
		{"JPY", "9", Increment{60, 60}, 61, "18", "18"},            // 2 × 9
		{"JPY", "3", Increment{1, 1}, 10, "1", "1"},                // 0.5: half-up
		{"KWD", "0.0125", Increment{60, 60}, 61, "0.025", "0.025"}, //
		{"KWD", "0.0125", Increment{1, 1}, 70, "0.015", "0.015"},   // 0.0145833…
		{"BHD", "0.0125", Increment{1, 1}, 1, "0", "0.000"},        // 0.000208…
		{"EUR", "0.0125", Increment{1, 1}, 70, "0.01", "0.01"},     // 0.0145833…
	}
	for _, tt := range tests {
		plan := Plan{Name: "x", Currency: tt.currency, Increment: tt.inc, Rates: []Rate{
			{Name: "all", PerMinute: map[Band]Money{Peak: eur(tt.price)}}}}
		p := mustPlan(t, plan)
		got, info, err := p.Rate(Call{Start: at(tuePeak), Duration: tt.secs, Direction: Outbound})
		if err != nil || got != eur(tt.want) || info.Currency != tt.currency {
			t.Errorf("%s %s × %d s: %s %s, %v; want %s", tt.currency, tt.price, tt.secs, got, info.Currency, err, tt.want)
		}
		c, _ := LookupCurrency(tt.currency)
		if f := c.Format(got); f != tt.format {
			t.Errorf("%s Format(%s) = %q, want %q", tt.currency, got, f, tt.format)
		}
	}
}

func TestRateErrors(t *testing.T) {
	p := mustPlan(t, Plan{Name: "narrow", Currency: "EUR", Rates: []Rate{
		{Name: "DE fixed", Country: "DE", Type: "fixed", PerMinute: map[Band]Money{Peak: 1}}}})
	_, _, err := p.Rate(Call{Start: at(tuePeak), Duration: 60, Direction: Outbound, Dest: dePrem})
	if !errors.Is(err, ErrNoRate) {
		t.Errorf("premium without a rate: %v, want ErrNoRate", err)
	}
	if _, _, err := p.Rate(Call{Start: at(tuePeak), Duration: 60, Dest: deFixed}); err == nil {
		t.Error("a call without direction was rated")
	}
	raw := testPlan()
	if _, _, err := raw.Rate(Call{Duration: 60, Direction: Outbound}); !errors.Is(err, ErrNotValidated) {
		t.Errorf("unvalidated plan: %v, want ErrNotValidated", err)
	}
	huge := mustPlan(t, Plan{Name: "huge", Currency: "EUR", Rates: []Rate{
		{Name: "all", PerMinute: map[Band]Money{Peak: 1 << 62}}}})
	if _, _, err := huge.Rate(Call{Start: at(tuePeak), Duration: 60, Direction: Outbound}); err == nil {
		t.Error("an overflowing cost was returned")
	}
}

// The PBX's own charge units are kept beside our cost, as money.
func TestRatePBXCharge(t *testing.T) {
	plan := testPlan()
	plan.UnitPrice = eur("0.06")
	p := mustPlan(t, plan)
	cost, info, err := p.Rate(Call{Start: at(tuePeak), Duration: 61, Direction: Outbound, Dest: deFixed, ChargeUnits: 3})
	if err != nil || cost != eur("0.06") || info.PBXCharge != eur("0.18") {
		t.Errorf("cost %s, PBX charge %s, %v; want 0.06 and 0.18", cost, info.PBXCharge, err)
	}
	_, info, _ = p.Rate(Call{Start: at(tuePeak), Duration: 61, Direction: Outbound, Dest: deFixed, ChargeUnits: 3, ChargeAmount: eur("0.25")})
	if info.PBXCharge != eur("0.25") {
		t.Errorf("PBX charge %s, want the reported amount 0.25", info.PBXCharge)
	}
}
