package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// The periods of one extension number must not overlap, or a call would
// have two holders. The rule spans rows, so the query functions enforce it
// (settle) after each change, in the change's transaction.

// A period is [from, to) in wall-clock seconds, sinceAlways and openEnd
// standing for the unbounded ends.
type period struct{ from, to int64 }

func (p period) overlaps(o period) bool { return p.from < o.to && o.from < p.to }

// periodRow is what settle reads of a stored period.
type periodRow struct {
	id int64
	period
	unassigned bool
	holder     string
}

// An OverlapError says that two periods of one extension number overlap.
// It wraps ErrOverlap.
type OverlapError struct {
	Number string
	// ID, From and To are the period being stored; OtherID, OtherFrom,
	// OtherTo and Other (its holder) the period it overlaps.
	ID, OtherID                  int64
	From, To, OtherFrom, OtherTo time.Time
	Other                        string
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("extension %s %s overlaps its period %s (%s)",
		e.Number, periodText(e.From, e.To), periodText(e.OtherFrom, e.OtherTo), e.Other)
}

func (e *OverlapError) Unwrap() error { return ErrOverlap }

// periodText says [from, to) in words.
func periodText(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "for all time"
	case from.IsZero():
		return "until " + FormatWall(to)
	case to.IsZero():
		return "from " + FormatWall(from) + " on"
	}
	return "from " + FormatWall(from) + " to " + FormatWall(to)
}

func startText(from time.Time) string {
	if from.IsZero() {
		return "since always"
	}
	return FormatWall(from)
}

func boundTime(v, unbounded int64) time.Time {
	return wallTime(sql.NullInt64{Int64: v, Valid: v != unbounded})
}

func boundArg(v, unbounded int64) any {
	if v == unbounded {
		return nil
	}
	return v
}

func periodsOf(ctx context.Context, q querier, number string) ([]periodRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, ifnull(active_from, ?), ifnull(active_to, ?), unassigned,
		coalesce(nullif(user_name, ''), nullif(name, ''), CASE WHEN unassigned THEN 'unassigned' ELSE 'nobody' END)
		FROM extensions WHERE number = ? ORDER BY 2`, int64(sinceAlways), int64(openEnd), number)
	if err != nil {
		return nil, fmt.Errorf("periods of extension %s: %w", number, err)
	}
	defer rows.Close()
	var list []periodRow
	for rows.Next() {
		var p periodRow
		if err := rows.Scan(&p.id, &p.from, &p.to, &p.unassigned, &p.holder); err != nil {
			return nil, fmt.Errorf("periods of extension %s: %w", number, err)
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

// settle enforces the rule for number after a change: assigned periods
// must not overlap each other, nor unassigned ones each other (an
// *OverlapError, reported against one of mine, the periods just stored,
// where it can); unassigned periods are then cut around assigned ones.
func settle(ctx context.Context, q querier, number string, mine ...int64) error {
	rows, err := periodsOf(ctx, q, number)
	if err != nil {
		return err
	}
	var assigned, free []periodRow
	for _, r := range rows {
		if r.unassigned {
			free = append(free, r)
		} else {
			assigned = append(assigned, r)
		}
	}
	for _, group := range [][]periodRow{assigned, free} {
		if err := checkDisjoint(number, group, mine); err != nil {
			return err
		}
	}
	for _, u := range free {
		if err := yieldPeriod(ctx, q, u, assigned); err != nil {
			return fmt.Errorf("extension %s: %w", number, err)
		}
	}
	return nil
}

// checkDisjoint returns an *OverlapError for the first two periods of
// list that overlap, one of mine first if either is.
func checkDisjoint(number string, list []periodRow, mine []int64) error {
	for i, a := range list {
		for _, b := range list[i+1:] {
			if !a.overlaps(b.period) {
				continue
			}
			if slices.Contains(mine, b.id) {
				a, b = b, a
			}
			return &OverlapError{Number: number, ID: a.id, OtherID: b.id,
				From: boundTime(a.from, sinceAlways), To: boundTime(a.to, openEnd),
				OtherFrom: boundTime(b.from, sinceAlways), OtherTo: boundTime(b.to, openEnd), Other: b.holder}
		}
	}
	return nil
}

// yieldPeriod cuts the unassigned period u around the assigned periods
// (sorted by start): it keeps the pieces between them, in its own row and
// in copies of it, or is removed if none is left.
func yieldPeriod(ctx context.Context, q querier, u periodRow, assigned []periodRow) error {
	var pieces []period
	cur := u.from
	for _, a := range assigned {
		if !a.overlaps(u.period) {
			continue
		}
		if a.from > cur {
			pieces = append(pieces, period{cur, a.from})
		}
		cur = max(cur, a.to)
	}
	if cur < u.to {
		pieces = append(pieces, period{cur, u.to})
	}
	if len(pieces) == 1 && pieces[0] == u.period {
		return nil
	}
	if len(pieces) == 0 {
		_, err := q.ExecContext(ctx, "DELETE FROM extensions WHERE id = ?", u.id)
		return err
	}
	for _, p := range pieces[1:] {
		_, err := q.ExecContext(ctx, `INSERT INTO extensions (number, name, user_name, department_id, cost_centre_id,
			site, active_from, active_to, unassigned) SELECT number, name, user_name, department_id, cost_centre_id,
			site, ?, ?, 1 FROM extensions WHERE id = ?`, boundArg(p.from, sinceAlways), boundArg(p.to, openEnd), u.id)
		if err != nil {
			return err
		}
	}
	_, err := q.ExecContext(ctx, "UPDATE extensions SET active_from = ?, active_to = ? WHERE id = ?",
		boundArg(pieces[0].from, sinceAlways), boundArg(pieces[0].to, openEnd), u.id)
	return err
}

// periodOf is e's period in wall-clock seconds.
func periodOf(e Extension) period {
	p := period{sinceAlways, openEnd}
	if !e.From.IsZero() {
		p.from = wallSeconds(e.From)
	}
	if !e.To.IsZero() {
		p.to = wallSeconds(e.To)
	}
	return p
}

// makeRoom cuts the unassigned periods of e's number around e's period
// before an assigned e is written: settle would cut them after, but e may
// take the start of one, which the unique index refuses while it is there
// (the common case: a number added as unassigned, then given a holder).
func makeRoom(ctx context.Context, q querier, e Extension) error {
	if e.Unassigned {
		return nil
	}
	rows, err := periodsOf(ctx, q, e.Number)
	if err != nil {
		return err
	}
	p := periodRow{period: periodOf(e)}
	for _, r := range rows {
		if r.unassigned && r.id != e.ID && r.overlaps(p.period) {
			if err := yieldPeriod(ctx, q, r, []periodRow{p}); err != nil {
				return fmt.Errorf("extension %s: %w", e.Number, err)
			}
		}
	}
	return nil
}

// AddUnassigned adds each of numbers that the directory does not know at
// all as an unassigned extension for all time, so that reports by holder
// or department still show its calls. Numbers it knows, blanks, and
// strings that are no extension number are skipped, so calling it again
// changes nothing. It returns the numbers added.
func (t *Tenant) AddUnassigned(ctx context.Context, numbers []string) ([]string, error) {
	var added []string
	err := t.inTx(ctx, "add unassigned extensions", func(tx *sql.Tx) error {
		var err error
		added, err = addUnassigned(ctx, tx, numbers)
		return err
	})
	return added, err
}

// AddUnassigned is Tenant.AddUnassigned inside the ingest's transaction,
// so that the entries commit with the calls that revealed them.
func (b *Batch) AddUnassigned(ctx context.Context, numbers []string) ([]string, error) {
	return addUnassigned(ctx, b.tx, numbers)
}

func addUnassigned(ctx context.Context, q querier, numbers []string) ([]string, error) {
	var added []string
	for _, n := range numbers {
		if checkNumber("", n) != nil {
			continue
		}
		res, err := q.ExecContext(ctx, `INSERT INTO extensions (number, unassigned)
			SELECT ?1, 1 WHERE NOT EXISTS (SELECT 1 FROM extensions WHERE number = ?1)`, n)
		if err != nil {
			return added, fmt.Errorf("add unassigned extension %s: %w", n, err)
		}
		if k, _ := res.RowsAffected(); k > 0 {
			added = append(added, n)
		}
	}
	return added, nil
}

// Period says e's period in words: "from 2026-03-01 on", "until
// 2026-03-01", "from 2026-01-01 to 2026-03-01" or "for all time".
func (e Extension) Period() string { return periodText(e.From, e.To) }
