package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The dashboard's figures. Every function takes a CallFilter and reports
// on the calls it selects (Offset and Limit ignored), in one pass over
// them: a month of a busy site is some 40,000 calls, read in 30–70 ms
// (stats_bench_test.go). Dashboard gives three of them in one pass.

// Money is an amount in micro-units (10⁻⁶) of Currency's major unit.
type Money struct {
	Currency string // ISO 4217
	Amount   int64
}

// Costs is what calls cost, one Money per currency, ordered by currency;
// empty when no call was priced. A site has one currency; a tenant with
// branches abroad may have more, which are never added together.
type Costs []Money

// add returns c with amount added to currency's total.
func (c Costs) add(currency string, amount int64) Costs {
	i, found := slices.BinarySearchFunc(c, currency, func(m Money, cur string) int { return strings.Compare(m.Currency, cur) })
	if found {
		c[i].Amount += amount
		return c
	}
	return slices.Insert(c, i, Money{Currency: currency, Amount: amount})
}

// Summary is the dashboard's key figures for a period.
type Summary struct {
	Calls                       int
	Inbound, Outbound, Internal int // tandem calls count in Calls only
	// Answered counts calls a person answered, or voicemail unless the
	// filter's VoicemailMissed says voicemail is missed; in any direction.
	Answered        int
	InboundAnswered int
	// Missed is the inbound calls not answered (Inbound - InboundAnswered);
	// Unreturned those of them not returned yet (see MissedCalls).
	Missed, Unreturned int
	Voicemail          int // inbound calls only voicemail took, missed or not
	Talk               int // connected seconds
	Connected          int // calls with talk time, over which AverageTalk is taken
	Cost               Costs
	Unrated            int // calls no tariff priced (no cost)
}

// AnsweredPercent is the share of inbound calls answered, 0–100; 0 when
// there were none.
func (s Summary) AnsweredPercent() float64 {
	if s.Inbound == 0 {
		return 0
	}
	return 100 * float64(s.InboundAnswered) / float64(s.Inbound)
}

// AverageTalk is the average talk time in seconds of the calls that had
// any, rounded; 0 when none had.
func (s Summary) AverageTalk() int {
	if s.Connected == 0 {
		return 0
	}
	return (s.Talk + s.Connected/2) / s.Connected
}

// answeredBy says when a call counts as answered.
func answeredBy(voicemailMissed bool) string {
	if voicemailMissed {
		return "answered = 1 AND voicemail = 0"
	}
	return "answered = 1"
}

// summaryQuery counts in one row from the covering index calls_period
// (tenant migration 0008), without a GROUP BY: sorting the calls is most
// of the time Dashboard's pass takes. %[1]s is when a call counts as
// answered. The costs are added up whatever their currency; where the
// least and the greatest currency differ, costs splits them.
const summaryQuery = `SELECT count(*),
	coalesce(sum(direction = 'inbound'), 0), coalesce(sum(direction = 'outbound'), 0),
	coalesce(sum(direction = 'internal'), 0), coalesce(sum(%[1]s), 0),
	coalesce(sum(direction = 'inbound' AND %[1]s), 0), coalesce(sum(direction = 'inbound' AND voicemail = 1), 0),
	coalesce(sum(duration), 0), coalesce(sum(duration > 0), 0), count(*) - count(cost),
	sum(cost), min(CASE WHEN cost IS NOT NULL THEN currency END), max(CASE WHEN cost IS NOT NULL THEN currency END)
	FROM calls%[2]s`

// Summary returns the key figures of the calls f selects.
func (t *Tenant) Summary(ctx context.Context, f CallFilter) (Summary, error) {
	where, args := f.where()
	var s Summary
	var cost sql.NullInt64
	var least, most sql.NullString
	err := t.db.QueryRowContext(ctx, fmt.Sprintf(summaryQuery, answeredBy(f.VoicemailMissed), where), args...).Scan(
		&s.Calls, &s.Inbound, &s.Outbound, &s.Internal, &s.Answered, &s.InboundAnswered, &s.Voicemail,
		&s.Talk, &s.Connected, &s.Unrated, &cost, &least, &most)
	if err != nil {
		return Summary{}, fmt.Errorf("summary: %w", err)
	}
	if cost.Valid {
		if s.Cost, err = t.costs(ctx, where, args, cost.Int64, least.String, most.String); err != nil {
			return Summary{}, err
		}
	}
	s.Missed = s.Inbound - s.InboundAnswered
	if s.Missed > 0 {
		if s.Unreturned, err = t.countUnreturned(ctx, f); err != nil {
			return Summary{}, err
		}
	}
	return s, nil
}

// costs splits total, the costs of the calls of where in currencies from
// least to most, by currency. With one currency (most sites) that is all;
// else each further read, again without sorting, adds up the costs in
// least and in most and finds the next currency between them: one read
// for two currencies, one more for each further one.
func (t *Tenant) costs(ctx context.Context, where string, args []any, total int64, least, most string) (Costs, error) {
	if least == most {
		return Costs{{Currency: least, Amount: total}}, nil
	}
	var c Costs
	for {
		var low, high sql.NullInt64
		var next sql.NullString
		err := t.db.QueryRowContext(ctx, `SELECT sum(cost) FILTER (WHERE currency = ?), sum(cost) FILTER (WHERE currency = ?),
			min(currency) FILTER (WHERE currency > ? AND currency < ? AND cost IS NOT NULL) FROM calls`+where,
			append([]any{least, most, least, most}, args...)...).Scan(&low, &high, &next)
		if err != nil {
			return nil, fmt.Errorf("costs by currency: %w", err)
		}
		c = append(c, Money{Currency: least, Amount: low.Int64})
		if !next.Valid {
			return append(c, Money{Currency: most, Amount: high.Int64}), nil
		}
		least = next.String
	}
}

// and adds cond to a WHERE clause from where().
func and(where, cond string) string {
	if where == "" {
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

// siteTime is the time stored as start_local and start_utc: the instant,
// in a zone that shows the site's wall clock.
func siteTime(local, utc int64) time.Time {
	return time.Unix(utc, 0).In(time.FixedZone("", int(local-utc)))
}
