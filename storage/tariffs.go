package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SetTariffs replaces the tenant's tariff plans with csv, the plan file as
// imported; the caller has checked it parses.
func (t *Tenant) SetTariffs(ctx context.Context, csv string) error {
	_, err := t.db.ExecContext(ctx, `INSERT INTO tariffs (id, csv, version, imported) VALUES (1, ?, 1, unixepoch())
		ON CONFLICT (id) DO UPDATE SET csv = excluded.csv, version = version + 1, imported = excluded.imported`, csv)
	if err != nil {
		return fmt.Errorf("store tariffs: %w", err)
	}
	return nil
}

// Tariffs returns the tenant's tariff plan file and its version, which
// changes with every import; "" and 0 when none was imported.
func (t *Tenant) Tariffs(ctx context.Context) (csv string, version int64, err error) {
	err = t.db.QueryRowContext(ctx, "SELECT csv, version FROM tariffs WHERE id = 1").Scan(&csv, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("read tariffs: %w", err)
	}
	return csv, version, nil
}

// TariffsVersion returns the version of the tenant's tariffs, cheaply.
func (t *Tenant) TariffsVersion(ctx context.Context) (int64, error) {
	var v int64
	err := t.db.QueryRowContext(ctx, "SELECT version FROM tariffs WHERE id = 1").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}
