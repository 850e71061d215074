package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// A PriceInput is what pricing needs of a stored call.
type PriceInput struct {
	ID          int64
	Start       time.Time // in the zone the call was stored in
	Duration    int
	Direction   string
	Trunk       string
	E164        string
	Country     string
	Type        string
	Scope       string
	ChargeUnits int
}

// EachPriceInput calls fn with what pricing needs of each call f selects
// (From and To only), reading only those columns: re-rating a million
// calls should not unpack their legs.
func (t *Tenant) EachPriceInput(ctx context.Context, f CallFilter, fn func(*PriceInput) error) error {
	where, args := CallFilter{From: f.From, To: f.To}.where()
	rows, err := t.db.QueryContext(ctx, `SELECT id, start_local, start_utc, duration, direction, trunk,
		external_e164, dest_country, dest_type, dest_scope, charge_units FROM calls`+where, args...)
	if err != nil {
		return fmt.Errorf("read calls to price: %w", err)
	}
	defer rows.Close()
	var in PriceInput
	for rows.Next() {
		var local, utc int64
		if err := rows.Scan(&in.ID, &local, &utc, &in.Duration, &in.Direction, &in.Trunk,
			&in.E164, &in.Country, &in.Type, &in.Scope, &in.ChargeUnits); err != nil {
			return fmt.Errorf("read calls to price: %w", err)
		}
		in.Start = time.Unix(utc, 0).In(time.FixedZone("", int(local-utc)))
		if err := fn(&in); err != nil {
			return err
		}
	}
	return rows.Err()
}

// A Price is a stored call's new price (see drivers.Accounting).
type Price struct {
	ID       int64
	Cost     int64
	Rated    bool
	Currency string
	Rate     string
}

// Reprice stores new prices, all in one transaction: a re-rating is done
// whole or not at all. The prices go first into a temporary table, which
// takes no lock on the calls, so that the collector waits only for the one
// UPDATE that copies them over.
func (t *Tenant) Reprice(ctx context.Context, prices []Price) error {
	conn, err := t.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("reprice: %w", err)
	}
	defer conn.Close()
	if err := stagePrices(ctx, conn, prices); err != nil {
		return fmt.Errorf("reprice: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS temp.new_prices")
	return inTx(ctx, conn, "BEGIN IMMEDIATE", `UPDATE calls SET cost = p.cost, currency = p.currency, rate = p.rate
		FROM temp.new_prices AS p WHERE calls.id = p.id`)
}

// stagePrices writes prices into temp.new_prices on conn.
func stagePrices(ctx context.Context, conn *sql.Conn, prices []Price) error {
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS new_prices (
		id INTEGER PRIMARY KEY, cost INTEGER, currency TEXT NOT NULL, rate TEXT NOT NULL)`); err != nil {
		return err
	}
	// A deferred transaction on the temporary database alone locks
	// nothing the collector writes.
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return err
	}
	stmt, err := conn.PrepareContext(ctx, "INSERT OR REPLACE INTO temp.new_prices (id, cost, currency, rate) VALUES (?, ?, ?, ?)")
	if err != nil {
		conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	defer stmt.Close()
	for _, p := range prices {
		if _, err := stmt.ExecContext(ctx, p.ID, sql.NullInt64{Int64: p.Cost, Valid: p.Rated}, p.Currency, p.Rate); err != nil {
			conn.ExecContext(ctx, "ROLLBACK")
			return err
		}
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// inTx runs query in a transaction begun with begin on conn.
func inTx(ctx context.Context, conn *sql.Conn, begin, query string) error {
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return fmt.Errorf("reprice: %w", err)
	}
	if _, err := conn.ExecContext(ctx, query); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return fmt.Errorf("reprice: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return fmt.Errorf("reprice: %w", err)
	}
	return nil
}
