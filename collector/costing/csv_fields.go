package costing

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// setting is one plan-level row of the CSV format: its name, then one value
// (or, when many, one or more values, one per cell).
type setting struct {
	many bool
	want string // the expected values, for errors
	set  func(p *Plan, v string) error
}

var settings = map[string]setting{
	"carrier":  {want: "the carrier's name", set: func(p *Plan, v string) error { p.Carrier = v; return nil }},
	"currency": {want: "an ISO 4217 code such as EUR", set: setCurrency},
	"trunks":   {many: true, want: "trunk names or prefixes ending in *, one per cell", set: addTrunk},
	"default":  {want: "yes or no", set: setDefault},
	"rounding": {want: "half-up, up or down", set: func(p *Plan, v string) error {
		p.Rounding = Rounding(strings.ToLower(v))
		return p.Rounding.check()
	}},
	"markup":   {want: "a percentage such as 12.5%", set: setMarkup(1)},
	"discount": {want: "a percentage such as 5%", set: setMarkup(-1)},
	"increment": {want: "first/next seconds such as 60/60", set: func(p *Plan, v string) (err error) {
		p.Increment, err = ParseIncrement(v)
		return err
	}},
	"peak":       {many: true, want: "windows such as mon-fri 08:00-18:00, one per cell", set: addPeak},
	"weekend":    {many: true, want: "days such as sat-sun", set: addWeekend},
	"holidays":   {many: true, want: "dates YYYY-MM-DD or MM-DD (every year), one per cell", set: addHoliday},
	"unit_price": {want: "the price of one PBX charge unit, such as 0.06", set: setUnitPrice},
}

func settingList() string {
	names := make([]string, 0, len(settings))
	for k := range settings {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func setCurrency(p *Plan, v string) error {
	c, err := LookupCurrency(v)
	p.Currency = c.Code
	return err
}

func addTrunk(p *Plan, v string) error {
	p.Trunks = append(p.Trunks, v)
	return checkTrunks(p.Trunks)
}

func setDefault(p *Plan, v string) error {
	switch strings.ToLower(v) {
	case "yes", "true":
		p.Default = true
	case "no", "false":
		p.Default = false
	default:
		return fmt.Errorf("%q: want yes or no", v)
	}
	return nil
}

// setMarkup reads a markup (sign 1) or discount (sign -1).
func setMarkup(sign int) func(p *Plan, v string) error {
	return func(p *Plan, v string) error {
		bp, err := parsePercent(v)
		p.Markup = sign * bp
		return err
	}
}

// parsePercent reads "12.5%" (the % is optional, a sign allowed) as basis
// points: 1250.
func parsePercent(v string) (int, error) {
	m, err := ParseMoney(strings.TrimSpace(strings.TrimSuffix(v, "%")))
	if err != nil || m%10000 != 0 || m > 1000*Micro || m < -1000*Micro {
		return 0, fmt.Errorf("%q: want a percentage with at most two decimals, such as 12.5%%", v)
	}
	return int(m / 10000), nil
}

func addPeak(p *Plan, v string) error {
	w, err := ParseWindow(v)
	p.Peak = append(p.Peak, w)
	return err
}

func addWeekend(p *Plan, v string) error {
	if strings.EqualFold(v, "none") {
		return errors.New(`"none": a plan always has weekend days; give weekend days no prices of their own instead`)
	}
	d, err := ParseDays(v)
	p.Weekend |= d
	return err
}

func addHoliday(p *Plan, v string) error {
	_, err := holidayKey(v)
	p.Holidays = append(p.Holidays, v)
	return err
}

func setUnitPrice(p *Plan, v string) (err error) {
	p.UnitPrice, err = parseAmount(v)
	return err
}

// ParseIncrement reads "first/next" seconds: "60/60", "30/6", "1/1".
func ParseIncrement(s string) (Increment, error) {
	first, next, ok := strings.Cut(s, "/")
	f, err1 := strconv.Atoi(strings.TrimSpace(first))
	n, err2 := strconv.Atoi(strings.TrimSpace(next))
	if !ok || err1 != nil || err2 != nil {
		return Increment{}, fmt.Errorf("increment %q: want first/next seconds such as 60/60", s)
	}
	i := Increment{First: f, Next: n}
	return i, i.check()
}

// parseAmount reads a non-negative amount in major units.
func parseAmount(v string) (Money, error) {
	if strings.Contains(v, ",") {
		return 0, fmt.Errorf("amount %q: write a decimal point, not a comma", v)
	}
	m, err := ParseMoney(v)
	if err == nil && m < 0 {
		err = fmt.Errorf("amount %q is negative", v)
	}
	return m, err
}

// rateColumns are the columns of a rate row, each setting a field of the
// rate from a non-empty cell.
var rateColumns = map[string]func(r *Rate, v string) error{
	"name":      func(r *Rate, v string) error { r.Name = v; return nil },
	"direction": func(r *Rate, v string) error { r.Direction = strings.ToLower(v); return checkDirection(r.Direction) },
	"prefix": func(r *Rate, v string) error {
		r.Prefix = strings.TrimPrefix(v, "+")
		return checkPrefix(r.Prefix)
	},
	"country":   func(r *Rate, v string) error { r.Country = strings.ToUpper(v); return checkCountry(r.Country) },
	"type":      func(r *Rate, v string) error { r.Type = strings.ToLower(v); return checkType(r.Type) },
	"scope":     func(r *Rate, v string) error { r.Scope = strings.ToLower(v); return checkScope(r.Scope) },
	"increment": func(r *Rate, v string) (err error) { r.Increment, err = ParseIncrement(v); return err },
	"setup":     func(r *Rate, v string) (err error) { r.Setup, err = parseAmount(v); return err },
	"minimum":   func(r *Rate, v string) (err error) { r.Minimum, err = parseAmount(v); return err },
	"peak":      bandColumn(Peak),
	"offpeak":   bandColumn(OffPeak),
	"weekend":   bandColumn(Weekend),
	"holiday":   bandColumn(Holiday),
}

// columnOrder is the documented order of the rate columns, for errors.
var columnOrder = []string{"name", "direction", "prefix", "country", "type", "scope",
	"increment", "setup", "minimum", "peak", "offpeak", "weekend", "holiday"}

func columnList() string { return strings.Join(columnOrder, ", ") }

func bandColumn(b Band) func(r *Rate, v string) error {
	return func(r *Rate, v string) error {
		m, err := parseAmount(v)
		r.PerMinute[b] = m
		return err
	}
}
