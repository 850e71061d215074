package storage

import (
	"context"
	"fmt"
)

// CountMissed counts the missed calls f selects, all of them whatever its
// Offset and Limit: with f.Unreturned only those not returned yet, as
// MissedCalls lists them. The missed calls screen shows at most some
// thousands of rows and says how many there are in all.
func (t *Tenant) CountMissed(ctx context.Context, f MissedFilter) (int, error) {
	if f.Unreturned {
		return t.countUnreturned(ctx, f.CallFilter)
	}
	where, args := missedWhere(f.CallFilter)
	var n int
	if err := t.db.QueryRowContext(ctx, `SELECT count(*) FROM calls INDEXED BY calls_missed`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count missed calls: %w", err)
	}
	return n, nil
}
