package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// Setting keys and their defaults.
const (
	// RawRetentionDays is how long raw records are kept; 0 keeps them.
	RawRetentionDays        = "raw_retention_days"
	defaultRawRetentionDays = 365
)

// SetSetting stores an installation-wide setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.master.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("store setting %s: %w", key, err)
	}
	return nil
}

// Setting returns an installation-wide setting, or def when it is not set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.master.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("setting %s: %w", key, err)
	}
	return v, nil
}

// RetentionDays returns how many days raw records are kept (0: forever).
func (s *Store) RetentionDays(ctx context.Context) (int, error) {
	var v string
	err := s.master.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", RawRetentionDays).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return defaultRawRetentionDays, nil
	}
	if err != nil {
		return 0, fmt.Errorf("setting %s: %w", RawRetentionDays, err)
	}
	days, err := strconv.Atoi(v)
	if err != nil || days < 0 {
		return 0, fmt.Errorf("setting %s=%q: want a number of days, 0 to keep raw records", RawRetentionDays, v)
	}
	return days, nil
}

// Tenants returns the slugs of all tenants.
func (s *Store) Tenants(ctx context.Context) ([]string, error) {
	rows, err := s.master.QueryContext(ctx, "SELECT slug FROM tenants ORDER BY slug")
	if err != nil {
		return nil, fmt.Errorf("list tenants: %w", err)
	}
	defer rows.Close()
	var slugs []string
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, fmt.Errorf("list tenants: %w", err)
		}
		slugs = append(slugs, slug)
	}
	return slugs, rows.Err()
}
