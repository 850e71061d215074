package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"calltally.app/drivers"
)

// Tally is how many calls a group had, their talk time and their cost.
type Tally struct {
	Calls int
	Talk  int // connected seconds
	Cost  Costs
}

// ExtensionStat is one extension's calls.
type ExtensionStat struct {
	Extension string
	Name      string // the name on its latest call in the period that had one
	Tally
}

// TopExtensions returns the n extensions with the most calls among those f
// selects (all of them when n <= 0), most first. A call counts for the
// extension it is attributed to: the caller of outbound and internal
// calls, the answerer of inbound calls (the extension that rang when
// nobody answered).
func (t *Tenant) TopExtensions(ctx context.Context, f CallFilter, n int) ([]ExtensionStat, error) {
	where, args := f.where()
	groups, err := t.groups(ctx, "extension, ''", and(where, "extension <> ''"), args)
	if err != nil {
		return nil, fmt.Errorf("top extensions: %w", err)
	}
	stats := make([]ExtensionStat, len(groups))
	for i, g := range groups {
		stats[i] = ExtensionStat{Extension: g.keys[0], Tally: g.Tally}
	}
	stats = top(stats, n, func(a, b ExtensionStat) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(b.Talk, a.Talk), cmp.Compare(a.Extension, b.Extension))
	})
	for i := range stats {
		if stats[i].Name, err = t.extensionName(ctx, f, stats[i].Extension); err != nil {
			return nil, fmt.Errorf("top extensions: %w", err)
		}
	}
	return stats, nil
}

// extensionName is the name on ext's latest call among those f selects
// that had one; it reads the extension's calls from the newest back in
// calls_extension, mostly only the newest.
func (t *Tenant) extensionName(ctx context.Context, f CallFilter, ext string) (string, error) {
	f.Extension = ext
	where, args := f.where()
	var name string
	err := t.db.QueryRowContext(ctx, `SELECT extension_name FROM calls`+and(where, "extension_name <> ''")+
		` ORDER BY start_local DESC LIMIT 1`, args...).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return name, err
}

// DestinationStat is the calls to one kind of destination.
type DestinationStat struct {
	Country string // ISO 3166 alpha-2; empty when the number was not classified
	Type    string // fixed, mobile, toll-free, …
	Tally
}

// TopDestinations returns the n destinations (country and type) with the
// most calls among those f selects (all when n <= 0), most first. Unless
// f names a direction, only outbound calls count: the destinations of
// inbound calls are where callers called from.
func (t *Tenant) TopDestinations(ctx context.Context, f CallFilter, n int) ([]DestinationStat, error) {
	if f.Direction == "" {
		f.Direction = drivers.Outbound
	}
	where, args := f.where()
	groups, err := t.groups(ctx, "dest_country, dest_type", where, args)
	if err != nil {
		return nil, fmt.Errorf("top destinations: %w", err)
	}
	stats := make([]DestinationStat, len(groups))
	for i, g := range groups {
		stats[i] = DestinationStat{Country: g.keys[0], Type: g.keys[1], Tally: g.Tally}
	}
	return top(stats, n, func(a, b DestinationStat) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(b.Talk, a.Talk),
			cmp.Compare(a.Country, b.Country), cmp.Compare(a.Type, b.Type))
	}), nil
}

// DepartmentStat is the calls of one department.
type DepartmentStat struct {
	Department string // its path, "Sales/Inside Sales"; empty: no department
	Tally
}

// ByDepartment returns the calls f selects per department (as the calls
// recorded it when they were made), ordered by path. A department's own
// calls only: those of the departments below it are listed under theirs
// (a CallFilter with Department gives the total of a branch).
func (t *Tenant) ByDepartment(ctx context.Context, f CallFilter) ([]DepartmentStat, error) {
	where, args := f.where()
	groups, err := t.groups(ctx, "department, ''", where, args)
	if err != nil {
		return nil, fmt.Errorf("calls by department: %w", err)
	}
	stats := make([]DepartmentStat, len(groups))
	for i, g := range groups {
		stats[i] = DepartmentStat{Department: g.keys[0], Tally: g.Tally}
	}
	return stats, nil
}

// top sorts stats by order and returns the first n (all when n <= 0).
func top[S any](stats []S, n int, order func(a, b S) int) []S {
	slices.SortFunc(stats, order)
	if n > 0 && n < len(stats) {
		stats = stats[:n]
	}
	return stats
}

// group is a Tally of the calls that have the same two keys.
type group struct {
	keys [2]string
	Tally
}

// groups tallies the calls of where by two key columns, keys, such as
// "dest_country, dest_type" (one column and an empty string constant for
// one key), ordered by keys. Grouping by currency too costs next to
// nothing: the sort GROUP BY needs is what costs.
func (t *Tenant) groups(ctx context.Context, keys, where string, args []any) ([]group, error) {
	rows, err := t.db.QueryContext(ctx, `SELECT `+keys+`, currency, count(*), coalesce(sum(duration), 0), sum(cost)
		FROM calls`+where+` GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []group
	for rows.Next() {
		var keys [2]string
		var m Money
		var calls, talk int
		var cost sql.NullInt64
		if err := rows.Scan(&keys[0], &keys[1], &m.Currency, &calls, &talk, &cost); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].keys != keys {
			out = append(out, group{keys: keys})
		}
		g := &out[len(out)-1]
		g.Calls, g.Talk = g.Calls+calls, g.Talk+talk
		if cost.Valid {
			m.Amount = cost.Int64
			g.Cost = append(g.Cost, m)
		}
	}
	return out, rows.Err()
}
