package storage

import (
	"context"
	"database/sql"
	"fmt"

	"calltally.app/drivers"
)

// Dashboard is what the dashboard shows of a period: the key figures, the
// calls per hour of the day and the cost per day, as Summary, CallsPerHour
// and CostByDay give them.
type Dashboard struct {
	Summary   Summary
	Hours     [24]HourCount
	CostByDay []DayCost
}

// dashboardQuery counts per hour (since 1970, site wall clock), direction
// and currency, from the covering index calls_period: one sort of the
// period's calls gives all three figures. %[1]s is when a call counts as
// answered.
const dashboardQuery = `SELECT start_local / 3600, direction, currency, count(*), sum(%[1]s),
	sum(voicemail), sum(duration), sum(duration > 0), count(*) - count(cost), sum(cost)
	FROM calls%[2]s GROUP BY 1, 2, 3`

// Dashboard returns Summary, CallsPerHour and CostByDay of the calls f
// selects in one pass over them, in about half the three's time.
func (t *Tenant) Dashboard(ctx context.Context, f CallFilter) (Dashboard, error) {
	where, args := f.where()
	rows, err := t.db.QueryContext(ctx, fmt.Sprintf(dashboardQuery, answeredBy(f.VoicemailMissed), where), args...)
	if err != nil {
		return Dashboard{}, fmt.Errorf("dashboard: %w", err)
	}
	defer rows.Close()
	var d Dashboard
	var days dayTotals
	for rows.Next() {
		if err := d.addRow(rows, &days); err != nil {
			return Dashboard{}, fmt.Errorf("dashboard: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return Dashboard{}, fmt.Errorf("dashboard: %w", err)
	}
	d.CostByDay = days.list(f)
	s := &d.Summary
	s.Missed = s.Inbound - s.InboundAnswered
	if s.Missed > 0 {
		if s.Unreturned, err = t.countUnreturned(ctx, f); err != nil {
			return Dashboard{}, err
		}
	}
	return d, nil
}

// addRow adds a row of dashboardQuery: the calls of one hour, direction
// and currency.
func (d *Dashboard) addRow(rows *sql.Rows, days *dayTotals) error {
	var hour int64
	var dir, currency string
	var calls, answered, voicemail, talk, connected, unrated int
	var cost sql.NullInt64
	if err := rows.Scan(&hour, &dir, &currency, &calls, &answered, &voicemail, &talk, &connected, &unrated, &cost); err != nil {
		return err
	}
	s := &d.Summary
	s.Calls, s.Answered, s.Talk, s.Connected, s.Unrated = s.Calls+calls, s.Answered+answered, s.Talk+talk, s.Connected+connected, s.Unrated+unrated
	switch drivers.Direction(dir) {
	case drivers.Inbound:
		s.Inbound, s.InboundAnswered, s.Voicemail = s.Inbound+calls, s.InboundAnswered+answered, s.Voicemail+voicemail
	case drivers.Outbound:
		s.Outbound += calls
	case drivers.Internal:
		s.Internal += calls
	}
	if hour >= 0 {
		d.Hours[hour%24].add(drivers.Direction(dir), calls)
	}
	if cost.Valid {
		s.Cost = s.Cost.add(currency, cost.Int64)
		days.add(hour/24, currency, cost.Int64)
	}
	return nil
}
