package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// A PBXSystem is a PBX the collector reads, as configured in the master
// database.
type PBXSystem struct {
	ID        int64
	Tenant    string // slug
	Name      string
	Driver    string
	Transport string
	Address   string
	Settings  map[string]string // the driver's settings
	TimeZone  string            // IANA name; empty means the machine's zone
	Enabled   bool
}

// PBXSystem returns the PBX called name of tenant.
func (s *Store) PBXSystem(ctx context.Context, tenant, name string) (PBXSystem, error) {
	p := PBXSystem{Tenant: tenant}
	var settings string
	err := s.master.QueryRowContext(ctx, `SELECT p.id, p.name, p.driver, p.transport, p.address, p.settings, p.time_zone, p.enabled
		FROM pbx_systems p JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = ? AND p.name = ?`, tenant, name).
		Scan(&p.ID, &p.Name, &p.Driver, &p.Transport, &p.Address, &settings, &p.TimeZone, &p.Enabled)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("pbx %q of tenant %q: %w", name, tenant, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("pbx %q: %w", name, err)
	}
	if err := json.Unmarshal([]byte(settings), &p.Settings); err != nil {
		return p, fmt.Errorf("pbx %q settings: %w", name, err)
	}
	return p, nil
}

// AddPBXSystem stores a new PBX configuration and returns its ID.
func (s *Store) AddPBXSystem(ctx context.Context, p PBXSystem) (int64, error) {
	settings, err := json.Marshal(p.Settings)
	if err != nil {
		return 0, err
	}
	res, err := s.master.ExecContext(ctx, `INSERT INTO pbx_systems (tenant_id, name, driver, transport, address, settings, time_zone, enabled)
		SELECT id, ?, ?, ?, ?, ?, ?, ? FROM tenants WHERE slug = ?`,
		p.Name, p.Driver, p.Transport, p.Address, string(settings), p.TimeZone, p.Enabled, p.Tenant)
	if err != nil {
		return 0, fmt.Errorf("add pbx %q: %w", p.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("add pbx %q: tenant %q: %w", p.Name, p.Tenant, ErrNotFound)
	}
	return res.LastInsertId()
}
