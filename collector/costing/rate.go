package costing

import (
	"errors"
	"fmt"
	"math/bits"
	"time"
)

// Dest is the destination class of a call's outside number as the
// classifier (collector/classify) gives it; mirrored here so that costing
// does not depend on the classifier.
type Dest struct {
	E164    string // "+4930123456"; empty when the number could not be normalised
	Country string // ISO 3166 alpha-2
	Type    string // fixed, mobile, toll-free, premium, shared-cost, emergency, …
	Scope   string // internal, local, national, international, emergency, service, unknown
}

// Call is what rating needs to know about a call.
type Call struct {
	// Start is when the call began, in the site's time zone: its wall
	// clock decides the time band.
	Start     time.Time
	Duration  int    // connected seconds; 0 for a call that never connected
	Direction string // inbound, outbound, internal or tandem (drivers.Direction)
	Trunk     string // as the PBX names it; chooses the plan in Plans
	Dest      Dest   // the outside party (called outbound, caller inbound)
	// ChargeUnits and ChargeAmount are the charge the PBX itself reported
	// (advice of charge: units, or an amount in the plan's currency). They
	// do not change our cost; RateInfo.PBXCharge shows them beside it.
	ChargeUnits  int
	ChargeAmount Money
}

// RateInfo says how a call was rated, for the call detail.
type RateInfo struct {
	Plan     string `json:"plan"`
	Currency string `json:"currency"`        // ISO 4217
	Rate     string `json:"rate,omitempty"`  // the matched rate's name
	Match    string `json:"match,omitempty"` // "prefix +4930" or "class DE mobile *"
	Band     Band   `json:"band"`            // the band at the start of the call
	Billed   int    `json:"billed"`          // seconds billed after the increments
	// Free says why the call cost nothing without a rate: "not connected",
	// "inbound", "internal", "toll-free" or "emergency".
	Free string `json:"free,omitempty"`
	// PBXCharge is the charge the PBX reported, kept beside our cost: its
	// amount, else its units times the plan's unit price; 0 when unknown.
	PBXCharge Money `json:"pbx_charge,omitempty"`
}

// ErrNoRate is returned (wrapped) for a chargeable call no rate of the plan
// matches. Its cost is unknown, not zero: store it as unrated.
var ErrNoRate = errors.New("no rate matches")

// ErrNotValidated is returned by Rate on a plan Validate was not called on.
var ErrNotValidated = errors.New("plan not validated")

// Rate returns the cost of c under the plan, rounded to the currency's minor
// unit, and how it was reached.
//
// The rate is found among the rates of the call's direction (tandem calls
// use outbound rates): the longest prefix of the E.164 number wins, over any
// class rate; failing that, the class rate naming most of country, type and
// scope. Inbound and internal calls no rate matches are free. Outbound calls
// to toll-free, emergency and internal destinations are free unless a rate
// names them: a prefix rate, or a class rate with that type (or scope).
//
// The whole call is rated in the band it started in (see README). The cost
// is max(setup + per-minute price × billed seconds / 60, minimum), with
// the markup applied, rounded once at the end.
func (p *Plan) Rate(c Call) (Money, RateInfo, error) {
	ix := p.idx
	if ix == nil {
		return 0, RateInfo{}, fmt.Errorf("plan %q: %w", p.Name, ErrNotValidated)
	}
	info := RateInfo{Plan: p.Name, Currency: ix.currency.Code, Band: ix.bands.at(c.Start)}
	info.PBXCharge = c.ChargeAmount
	if info.PBXCharge == 0 && c.ChargeUnits > 0 {
		info.PBXCharge = Money(c.ChargeUnits) * p.UnitPrice
	}
	dir, err := callDirection(c.Direction)
	if err != nil {
		return 0, info, fmt.Errorf("plan %q: %w", p.Name, err)
	}
	if c.Duration <= 0 {
		info.Free = "not connected"
		return 0, info, nil
	}
	r := ix.dirs[dir].find(&c.Dest)
	if info.Free = freeReason(dir, &c.Dest, r); info.Free != "" {
		return 0, info, nil
	}
	if r == nil {
		return 0, info, fmt.Errorf("plan %q: %w %s call to %s (%s %s %s)", p.Name, ErrNoRate,
			c.Direction, c.Dest.E164, star(c.Dest.Country), star(c.Dest.Type), star(c.Dest.Scope))
	}
	info.Rate, info.Match = r.name, r.match
	cost, billed, err := ix.cost(r, info.Band, c.Duration)
	info.Billed = billed
	if err != nil {
		return 0, info, fmt.Errorf("plan %q: rate %q: %w", p.Name, r.name, err)
	}
	return cost, info, nil
}

// callDirection maps a call's direction to the rates that price it.
func callDirection(dir string) (int, error) {
	switch dir {
	case Outbound, Tandem:
		return dirOutbound, nil
	case Inbound:
		return dirInbound, nil
	case Internal:
		return dirInternal, nil
	}
	return 0, fmt.Errorf("direction %q: want inbound, outbound, internal or tandem", dir)
}

// freeReason says why a call is free by default despite rate r (nil when
// none matched), or "" when it is charged or has no rate.
func freeReason(dir int, d *Dest, r *compiled) string {
	switch dir {
	case dirInbound, dirInternal:
		if r == nil {
			return [numDirs]string{"", "inbound", "internal"}[dir]
		}
		return ""
	}
	switch {
	case d.Type == "toll-free" || d.Type == "emergency" || d.Type == "internal":
		if r == nil || !r.prefix && r.typ != d.Type {
			return d.Type
		}
	case d.Scope == "emergency" || d.Scope == "internal":
		if r == nil || !r.prefix && r.scope != d.Scope {
			return d.Scope
		}
	}
	return ""
}

// cost prices secs connected seconds in band under r. All arithmetic is in
// integers: the exact cost in micro-units × 60 × 10000 (per-minute prices
// over seconds, markup in basis points) is divided by the same factor times
// the minor unit once, at the end, with the plan's rounding.
func (ix *index) cost(r *compiled, band Band, secs int) (Money, int, error) {
	billed := r.inc.billed(secs)
	hi, usage := bits.Mul64(r.prices[band], uint64(billed))
	total, carry := bits.Add64(usage, r.setup*60, 0)
	if hi != 0 || carry != 0 {
		return 0, billed, fmt.Errorf("cost of %d s overflows", secs)
	}
	total = max(total, r.min*60)
	// factor ≤ 110000 < den, so hi < den and Div64 cannot panic.
	hi, lo := bits.Mul64(total, ix.factor)
	q, rem := bits.Div64(hi, lo, ix.den)
	switch {
	case rem == 0, ix.rounding == RoundDown:
	case ix.rounding == RoundUp, rem*2 >= ix.den: // "" is half-up
		q++
	}
	return Money(q * ix.step), billed, nil
}
