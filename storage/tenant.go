package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Tenant is one tenant's database: its calls and raw records.
type Tenant struct {
	Slug string
	db   *sql.DB
}

// PBX returns the ID of the PBX called name in this tenant's database,
// adding it on first use. A name stays bound to the driver it was first
// used with, so that one PBX's records are never read with two formats.
func (t *Tenant) PBX(ctx context.Context, name, driver string) (int64, error) {
	var id int64
	var was string
	err := t.db.QueryRowContext(ctx, "SELECT id, driver FROM pbx WHERE name = ?", name).Scan(&id, &was)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := t.db.ExecContext(ctx, "INSERT INTO pbx (name, driver) VALUES (?, ?)", name, driver)
		if err != nil {
			return 0, fmt.Errorf("add pbx %q: %w", name, err)
		}
		return res.LastInsertId()
	}
	if err != nil {
		return 0, fmt.Errorf("pbx %q: %w", name, err)
	}
	if was != driver {
		return 0, fmt.Errorf("pbx %q was imported with driver %s, not %s (use another --pbx name)", name, was, driver)
	}
	return id, nil
}
