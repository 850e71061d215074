package storage

import (
	"context"
	"database/sql"
	"fmt"
)

// A Price is a stored call's new price (see drivers.Accounting).
type Price struct {
	ID       int64
	Cost     int64
	Rated    bool
	Currency string
	Rate     string
}

// Reprice stores new prices, all in one transaction: a re-rating is all
// done or not at all. The writer waits meanwhile; prices are worked out
// before, so the transaction holds the lock only while rows are written.
func (t *Tenant) Reprice(ctx context.Context, prices []Price) error {
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reprice: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "UPDATE calls SET cost = ?, currency = ?, rate = ? WHERE id = ?")
	if err != nil {
		return fmt.Errorf("reprice: %w", err)
	}
	for _, p := range prices {
		cost := sql.NullInt64{Int64: p.Cost, Valid: p.Rated}
		if _, err := stmt.ExecContext(ctx, cost, p.Currency, p.Rate, p.ID); err != nil {
			return fmt.Errorf("reprice call %d: %w", p.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("reprice: %w", err)
	}
	return nil
}
