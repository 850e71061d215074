package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/calltally/calltally/drivers"
)

// EachCall calls fn for every call f selects, newest first, with its legs.
// It pages by position in the start index (not by offset), so it streams
// any number of calls in bounded memory and does not slow down with depth.
func (t *Tenant) EachCall(ctx context.Context, f CallFilter, fn func(*drivers.Call) error) error {
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
		if err := t.eachWithLegs(ctx, calls, ids, fn); err != nil || len(calls) < n {
			return err
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

// eachWithLegs loads the legs of calls (one query for the page) and hands
// each call to fn.
func (t *Tenant) eachWithLegs(ctx context.Context, calls []drivers.Call, ids []int64, fn func(*drivers.Call) error) error {
	legs, err := t.legs(ctx, ids)
	if err != nil {
		return err
	}
	for i := range calls {
		calls[i].Legs = legs[ids[i]]
		for j := range calls[i].Legs {
			calls[i].Legs[j].Start = calls[i].Legs[j].Start.In(calls[i].Start.Location())
		}
		if err := fn(&calls[i]); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tenant) legs(ctx context.Context, ids []int64) (map[int64][]drivers.Leg, error) {
	out := make(map[int64][]drivers.Leg, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `SELECT call_id, raw_id, party, party_name, peer, start_utc, ring, talk, hold, outcome
		FROM legs WHERE call_id IN (?` + strings.Repeat(",?", len(ids)-1) + `) ORDER BY call_id, seq`
	rows, err := t.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query legs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var callID, start int64
		var raw sql.NullInt64
		var l drivers.Leg
		if err := rows.Scan(&callID, &raw, &l.Party, &l.PartyName, &l.Peer, &start, &l.Ring, &l.Talk, &l.Hold, &l.Outcome); err != nil {
			return nil, fmt.Errorf("read leg: %w", err)
		}
		l.Record, l.Start = raw.Int64, time.Unix(start, 0)
		out[callID] = append(out[callID], l)
	}
	return out, rows.Err()
}
