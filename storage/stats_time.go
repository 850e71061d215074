package storage

import (
	"context"
	"fmt"
	"slices"
	"time"

	"calltally.app/drivers"
)

// HourCount is how many calls started in one hour of the site's day.
type HourCount struct {
	In, Out, Internal int
}

const hoursQuery = `SELECT start_local / 3600 %% 24, direction, count(*) FROM calls%s GROUP BY 1, 2`

// CallsPerHour counts the calls f selects by the hour of the site's wall
// clock they started in, and by direction (tandem calls are left out). On
// the day clocks go back the repeated hour counts twice; on the day they
// go forward the skipped hour has none.
func (t *Tenant) CallsPerHour(ctx context.Context, f CallFilter) ([24]HourCount, error) {
	var hours [24]HourCount
	where, args := f.where()
	rows, err := t.db.QueryContext(ctx, fmt.Sprintf(hoursQuery, where), args...)
	if err != nil {
		return hours, fmt.Errorf("calls per hour: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var hour, n int
		var dir string
		if err := rows.Scan(&hour, &dir, &n); err != nil {
			return hours, fmt.Errorf("calls per hour: %w", err)
		}
		if hour >= 0 { // else before 1970: no real call
			hours[hour].add(drivers.Direction(dir), n)
		}
	}
	return hours, rows.Err()
}

// add counts n calls in direction dir; tandem calls are not counted.
func (h *HourCount) add(dir drivers.Direction, n int) {
	switch dir {
	case drivers.Inbound:
		h.In += n
	case drivers.Outbound:
		h.Out += n
	case drivers.Internal:
		h.Internal += n
	}
}

// DayCost is what the calls of one site day cost in one currency.
type DayCost struct {
	// Day is midnight of the site's date, in UTC: its wall clock shows
	// the date (as CallFilter reads From and To).
	Day      time.Time
	Cost     int64 // micro-units
	Currency string
}

const dayCostQuery = `SELECT start_local / 86400, currency, sum(cost) FROM calls%s GROUP BY 1, 2`

// CostByDay returns what the calls f selects cost per site day and
// currency, ordered by day then currency. Every day of the period (from
// f.From, or the first day with a cost, to the day before f.To, or the
// last day with a cost) is listed for each currency that has a cost in
// it, with 0 where nothing was priced, so that a trend line has no gaps.
func (t *Tenant) CostByDay(ctx context.Context, f CallFilter) ([]DayCost, error) {
	where, args := f.where()
	rows, err := t.db.QueryContext(ctx, fmt.Sprintf(dayCostQuery, and(where, "cost IS NOT NULL")), args...)
	if err != nil {
		return nil, fmt.Errorf("cost by day: %w", err)
	}
	defer rows.Close()
	var days dayTotals
	for rows.Next() {
		var day, cost int64
		var currency string
		if err := rows.Scan(&day, &currency, &cost); err != nil {
			return nil, fmt.Errorf("cost by day: %w", err)
		}
		days.add(day, currency, cost)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cost by day: %w", err)
	}
	return days.list(f), nil
}

// dayTotals adds up costs per site day (start_local / 86400) and currency.
type dayTotals struct {
	costs       map[string]map[int64]int64 // currency → day → cost
	first, last int64
}

func (d *dayTotals) add(day int64, currency string, cost int64) {
	if d.costs == nil {
		d.costs, d.first, d.last = map[string]map[int64]int64{}, day, day
	}
	if d.costs[currency] == nil {
		d.costs[currency] = map[int64]int64{}
	}
	d.costs[currency][day] += cost
	d.first, d.last = min(d.first, day), max(d.last, day)
}

// list lists the costs of every day of f's period, or from the first to
// the last day with a cost where f leaves the period open, for every
// currency; nil when nothing was priced.
func (d *dayTotals) list(f CallFilter) []DayCost {
	if d.costs == nil {
		return nil
	}
	first, last := d.first, d.last
	if !f.From.IsZero() {
		first = wallSeconds(f.From) / 86400
	}
	if !f.To.IsZero() {
		last = (wallSeconds(f.To) - 1) / 86400
	}
	currencies := make([]string, 0, len(d.costs))
	for c := range d.costs {
		currencies = append(currencies, c)
	}
	slices.Sort(currencies)
	var out []DayCost
	for day := first; day <= last; day++ {
		for _, c := range currencies {
			out = append(out, DayCost{Day: time.Unix(day*86400, 0).UTC(), Cost: d.costs[c][day], Currency: c})
		}
	}
	return out
}
