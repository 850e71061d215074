package costing

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A Plan is one carrier's tariff as it applies to some of a site's trunks:
// the rates by destination and time band and the rules that turn a call's
// duration into a cost. Build it by hand or with ParseCSV, call Validate
// once, and do not change it afterwards: Rate reads the index Validate
// builds and is then safe for concurrent use.
type Plan struct {
	Name    string
	Carrier string // the carrier's name, for display only
	// Currency is the ISO 4217 code every amount of the plan is in.
	Currency string
	// Trunks are the trunks or trunk groups, as the PBX names them, whose
	// calls this plan rates. A name ending in "*" matches every trunk that
	// starts with the rest ("SIP-*"). See Plans for how a plan is chosen.
	Trunks []string
	// Default makes the plan rate calls on trunks no plan names.
	Default bool
	// Markup is added to every cost, in basis points (1250 = +12.5%); a
	// discount is negative (-500 = 5% off). At least -10000 (free).
	Markup int
	// Rounding is how the cost is rounded to the currency's minor unit,
	// once, at the end of the call: RoundHalfUp when empty.
	Rounding Rounding
	// Increment is the billing increment of rates that set none: 1/1 when
	// zero.
	Increment Increment
	// Peak lists the weekly windows of the peak band. Other weekday times
	// are off-peak; with no windows every weekday time is peak.
	Peak []Window
	// Weekend are the days of the weekend band: Saturday and Sunday when 0.
	Weekend Days
	// Holidays are the dates of the holiday band in the site's calendar:
	// "2026-04-03" for one day, "12-25" for every year.
	Holidays []string
	// UnitPrice is the price of one charge unit the PBX reports (ISDN advice
	// of charge), so that the PBX's own figure can be shown as money beside
	// ours. Zero when the carrier sends none.
	UnitPrice Money
	// Rates are the plan's prices; see Rate for how one is chosen.
	Rates []Rate

	idx *index // built by Validate
}

// A Rate prices the calls of one destination: by E.164 prefix, or by the
// destination class the classifier gives (country, type, scope).
type Rate struct {
	Name string // shown in the call detail ("Germany mobile")
	// Direction is the direction of the calls the rate prices: "outbound"
	// (also tandem calls) when empty, "inbound" or "internal".
	Direction string
	// Prefix is the E.164 number prefix, digits without "+" ("4930").
	// When set, Country, Type and Scope must be empty.
	Prefix string
	// Country (ISO 3166 alpha-2), Type and Scope are the destination class;
	// an empty field (or "*") matches any value.
	Country, Type, Scope string
	Setup                Money // charged once per connected call
	Minimum              Money // the least a connected call costs, setup included
	// Increment is the billing increment; the plan's when zero.
	Increment Increment
	// PerMinute is the price per minute by band. A band without a price
	// takes the next one in holiday → weekend → off-peak → peak, and peak
	// without a price is 0 (a rate may charge its setup only).
	PerMinute map[Band]Money
}

// Increment is how a call's duration is rounded up to billed seconds: the
// First seconds are billed as a block, then every started Next seconds
// (60/60 bills per started minute, 30/6 a 30-second first block then
// 6-second steps, 1/1 per second).
type Increment struct {
	First, Next int
}

// String returns the increment as first/next ("60/60").
func (i Increment) String() string {
	return fmt.Sprintf("%d/%d", i.First, i.Next)
}

// billed returns the seconds billed for a call of secs connected seconds.
func (i Increment) billed(secs int) int {
	if secs <= i.First {
		return i.First
	}
	steps := (secs - i.First + i.Next - 1) / i.Next
	return i.First + steps*i.Next
}

// Rounding says how a cost is rounded to the currency's minor unit.
type Rounding string

const (
	RoundHalfUp Rounding = "half-up" // to the nearest, halves up (the default)
	RoundUp     Rounding = "up"      // any fraction of a minor unit is charged
	RoundDown   Rounding = "down"    // any fraction is dropped
)

func (r Rounding) check() error {
	switch r {
	case "", RoundHalfUp, RoundUp, RoundDown:
		return nil
	}
	return fmt.Errorf("rounding %q: want half-up, up or down", string(r))
}

// Call directions, as drivers.Direction writes them. A rate prices
// outbound (and tandem), inbound or internal calls.
const (
	Outbound = "outbound"
	Inbound  = "inbound"
	Internal = "internal"
	Tandem   = "tandem"
)

// The classifier's destination types and scopes (collector/classify). A
// rate naming another value is a typo: it could never match.
var (
	destTypes = []string{"fixed", "mobile", "fixed-or-mobile", "toll-free", "premium",
		"shared-cost", "voip", "personal", "pager", "uan", "voicemail", "emergency",
		"service", "internal", "unknown"}
	destScopes = []string{"internal", "local", "national", "international",
		"emergency", "service", "unknown"}
)

// maxIncrement bounds increments: a longer block is a typo, not a tariff.
const maxIncrement = 3600

// Validate checks the plan and builds the index Rate uses. Errors about a
// rate name its position (1-based) and name.
func (p *Plan) Validate() error {
	if err := p.checkFields(); err != nil {
		return fmt.Errorf("plan %q: %w", p.Name, err)
	}
	ix, err := newIndex(p)
	if err != nil {
		return fmt.Errorf("plan %q: %w", p.Name, err)
	}
	p.idx = ix
	return nil
}

func (p *Plan) checkFields() error {
	if strings.TrimSpace(p.Name) == "" {
		return errors.New("no name")
	}
	if _, err := LookupCurrency(p.Currency); err != nil {
		return err
	}
	if p.Markup < -10000 || p.Markup > 100000 {
		return fmt.Errorf("markup %d basis points: want -10000 to 100000", p.Markup)
	}
	if err := p.Rounding.check(); err != nil {
		return err
	}
	if p.Increment != (Increment{}) {
		if err := p.Increment.check(); err != nil {
			return err
		}
	}
	if p.UnitPrice < 0 {
		return errors.New("unit price is negative")
	}
	return checkTrunks(p.Trunks)
}

func (i Increment) check() error {
	if i.First < 1 || i.Next < 1 || i.First > maxIncrement || i.Next > maxIncrement {
		return fmt.Errorf("increment %q: want first/next seconds from 1 to %d", i.String(), maxIncrement)
	}
	return nil
}

func checkTrunks(trunks []string) error {
	for i, t := range trunks {
		if t == "" || t == "*" || strings.Contains(strings.TrimSuffix(t, "*"), "*") {
			return fmt.Errorf("trunk %q: want a name, or a prefix ending in *", t)
		}
		if slices.Contains(trunks[:i], t) {
			return fmt.Errorf("trunk %q listed twice", t)
		}
	}
	return nil
}

// rateError is a problem with the rate at index i of a plan; ParseCSV
// turns the index into the line the rate came from.
type rateError struct {
	i    int
	name string
	err  error
}

func (e *rateError) Error() string {
	return fmt.Sprintf("rate %d (%q): %v", e.i+1, e.name, e.err)
}

func (e *rateError) Unwrap() error { return e.err }

// check validates a rate's own fields.
func (r *Rate) check() error {
	if strings.TrimSpace(r.Name) == "" {
		return errors.New("no name")
	}
	for _, err := range []error{
		checkDirection(r.Direction), checkPrefix(r.Prefix),
		checkCountry(r.Country), checkType(r.Type), checkScope(r.Scope),
	} {
		if err != nil {
			return err
		}
	}
	if r.Prefix != "" && (wild(r.Country) != "" || wild(r.Type) != "" || wild(r.Scope) != "") {
		return errors.New("a prefix rate cannot also name a country, type or scope")
	}
	if r.Increment != (Increment{}) {
		if err := r.Increment.check(); err != nil {
			return err
		}
	}
	return r.checkAmounts()
}

func checkDirection(d string) error {
	switch d {
	case "", Outbound, Inbound, Internal:
		return nil
	}
	return fmt.Errorf("direction %q: want outbound, inbound or internal", d)
}

func checkPrefix(p string) error {
	// No country code starts with 0: a leading 0 is a national or access
	// prefix that the classifier strips, so such a rate would never match.
	if !allDigits(p) || len(p) > 15 || strings.HasPrefix(p, "0") {
		return fmt.Errorf("prefix %q: want up to 15 E.164 digits, without + or access codes", p)
	}
	return nil
}

func checkCountry(c string) error {
	c = wild(c)
	if c != "" && (len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z') {
		return fmt.Errorf("country %q: want an ISO 3166 code such as DE", c)
	}
	return nil
}

func checkType(t string) error {
	if t = wild(t); t != "" && !slices.Contains(destTypes, t) {
		return fmt.Errorf("type %q: want one of %s", t, strings.Join(destTypes, ", "))
	}
	return nil
}

func checkScope(s string) error {
	if s = wild(s); s != "" && !slices.Contains(destScopes, s) {
		return fmt.Errorf("scope %q: want one of %s", s, strings.Join(destScopes, ", "))
	}
	return nil
}

func (r *Rate) checkAmounts() error {
	if r.Setup < 0 || r.Minimum < 0 {
		return errors.New("negative setup or minimum charge")
	}
	for b, m := range r.PerMinute {
		if b >= numBands {
			return fmt.Errorf("unknown band %d", b)
		}
		if m < 0 {
			return fmt.Errorf("negative %s price", b)
		}
	}
	return nil
}

// wild returns a class field with the "*" wildcard written as empty.
func wild(s string) string {
	if s == "*" {
		return ""
	}
	return s
}
