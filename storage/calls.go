package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// CallFilter selects calls. Zero fields select everything. From and To are
// site wall-clock times: From inclusive, To exclusive.
type CallFilter struct {
	From, To  time.Time
	Extension string
	Direction drivers.Direction
	Offset    int
	Limit     int // 0 means no limit
}

const callColumns = `id, start_local, start_utc, duration, ring, hold, direction, extension,
	extension_name, first_answerer, final_answerer, external, external_name, dialled, trunk,
	account_code, answered, voicemail, transferred_from, forwarded_from, call_id, driver,
	(SELECT name FROM pbx WHERE pbx.id = calls.pbx_id), partial, charge_units, legs, call_key,
	external_e164, dest_country, dest_type, dest_scope, department, cost_centre, cost, currency, rate`

// where builds the WHERE clause of f; the only place call filters become SQL.
func (f CallFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if !f.From.IsZero() {
		add("start_local >= ?", wallSeconds(f.From))
	}
	if !f.To.IsZero() {
		add("start_local < ?", wallSeconds(f.To))
	}
	if f.Extension != "" {
		add("extension = ?", f.Extension)
	}
	if f.Direction != "" {
		add("direction = ?", string(f.Direction))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// wallSeconds reads t's wall clock as if it were UTC: the encoding of
// start_local.
func wallSeconds(t time.Time) int64 {
	_, off := t.Zone()
	return t.Unix() + int64(off)
}

// CountCalls returns how many calls f selects (ignoring Offset and Limit).
func (t *Tenant) CountCalls(ctx context.Context, f CallFilter) (int, error) {
	where, args := f.where()
	var n int
	if err := t.db.QueryRowContext(ctx, "SELECT count(*) FROM calls"+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count calls: %w", err)
	}
	return n, nil
}

// Calls returns the calls f selects, newest first. Deep offsets stay fast
// because the offset is walked in the start index alone before any call
// row is read.
func (t *Tenant) Calls(ctx context.Context, f CallFilter) ([]drivers.Call, error) {
	where, args := f.where()
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	q := "SELECT " + callColumns + " FROM calls WHERE id IN (SELECT id FROM calls" + where +
		" ORDER BY start_local DESC, id DESC LIMIT ? OFFSET ?) ORDER BY start_local DESC, id DESC"
	calls, _, err := t.queryCalls(ctx, q, append(args, limit, f.Offset)...)
	return calls, err
}

// EachCall calls fn for every call f selects, newest first. It pages by
// position in the start index (not by offset), so it streams any number
// of calls in bounded memory and does not slow down with depth.
func (t *Tenant) EachCall(ctx context.Context, f CallFilter, fn func(*drivers.Call) error) error {
	return t.EachCallID(ctx, f, func(_ int64, c *drivers.Call) error { return fn(c) })
}

// EachCallID is EachCall with each call's row ID, for changing it later.
func (t *Tenant) EachCallID(ctx context.Context, f CallFilter, fn func(int64, *drivers.Call) error) error {
	const pageSize = 1000
	where, args := f.where()
	pageWhere, pageArgs := where, args
	for done := 0; f.Limit <= 0 || done < f.Limit; {
		n := pageSize
		if f.Limit > 0 {
			n = min(n, f.Limit-done)
		}
		q := "SELECT " + callColumns + " FROM calls" + pageWhere + " ORDER BY start_local DESC, id DESC LIMIT ?"
		calls, ids, err := t.queryCalls(ctx, q, append(pageArgs, n)...)
		if err != nil {
			return err
		}
		for i := range calls {
			if err := fn(ids[i], &calls[i]); err != nil {
				return err
			}
		}
		if len(calls) < n {
			return nil
		}
		done += len(calls)
		pageWhere, pageArgs = after(where, args, wallSeconds(calls[len(calls)-1].Start), ids[len(ids)-1])
	}
	return nil
}

// after narrows a WHERE clause to the calls listed after (start, id).
func after(where string, args []any, local, id int64) (string, []any) {
	cond := "(start_local < ? OR (start_local = ? AND id < ?))"
	args = append(args[:len(args):len(args)], local, local, id)
	if where == "" {
		return " WHERE " + cond, args
	}
	return where + " AND " + cond, args
}

func (t *Tenant) queryCalls(ctx context.Context, q string, args ...any) ([]drivers.Call, []int64, error) {
	rows, err := t.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("query calls: %w", err)
	}
	defer rows.Close()
	var calls []drivers.Call
	var ids []int64
	for rows.Next() {
		c, id, err := scanCall(rows)
		if err != nil {
			return nil, nil, err
		}
		calls, ids = append(calls, c), append(ids, id)
	}
	return calls, ids, rows.Err()
}

func scanCall(rows interface{ Scan(...any) error }) (drivers.Call, int64, error) {
	var c drivers.Call
	var id, local, utc int64
	var dir string
	var pbx sql.NullString
	var legs []byte
	var cost sql.NullInt64
	a := &c.Accounting
	err := rows.Scan(&id, &local, &utc, &c.Duration, &c.Ring, &c.Hold, &dir, &c.Extension,
		&c.ExtensionName, &c.FirstAnswerer, &c.FinalAnswerer, &c.External, &c.ExternalName,
		&c.Dialled, &c.Trunk, &c.AccountCode, &c.Answered, &c.Voicemail, &c.TransferredFrom,
		&c.ForwardedFrom, &c.CallID, &c.Driver, &pbx, &c.Partial, &c.ChargeUnits, &legs, &c.Key,
		&a.ExternalE164, &a.Destination.Country, &a.Destination.Type, &a.Destination.Scope,
		&a.Department, &a.CostCentre, &cost, &a.Currency, &a.Rate)
	a.Cost, a.Rated = cost.Int64, cost.Valid
	if err != nil {
		return c, 0, fmt.Errorf("read call: %w", err)
	}
	c.Direction = drivers.Direction(dir)
	c.PBX = pbx.String
	c.Start = time.Unix(utc, 0).In(time.FixedZone("", int(local-utc)))
	if c.Legs, err = unpackLegs(legs, c.Start); err != nil {
		return c, 0, fmt.Errorf("read legs of call %d: %w", id, err)
	}
	return c, id, nil
}
