package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
)

// DefaultTenant is the tenant of a single-site install.
const DefaultTenant = "default"

// Store is the data directory: the master database and the tenant
// databases it lists. Tenant databases are reached only through Tenant,
// which checks the tenant exists: the one place tenant scoping is decided.
type Store struct {
	Dir    string
	master *sql.DB

	mu      sync.Mutex
	tenants map[string]*Tenant
}

// Open opens (creating if needed) the data directory dir.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := ensureDir(filepath.Join(dir, "tenants")); err != nil {
		return nil, err
	}
	master, err := openDB(ctx, filepath.Join(dir, "master.db"), "master")
	if err != nil {
		return nil, err
	}
	return &Store{Dir: dir, master: master, tenants: map[string]*Tenant{}}, nil
}

// Close closes every database the store opened.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := []error{s.master.Close()}
	for _, t := range s.tenants {
		errs = append(errs, t.db.Close())
	}
	return errors.Join(errs...)
}

// Tenant opens the database of the tenant with slug.
func (s *Store) Tenant(ctx context.Context, slug string) (*Tenant, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.tenants[slug]; ok {
		return t, nil
	}
	var id int64
	err := s.master.QueryRowContext(ctx, "SELECT id FROM tenants WHERE slug = ?", slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("tenant %q: %w", slug, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("tenant %q: %w", slug, err)
	}
	db, err := openDB(ctx, filepath.Join(s.Dir, "tenants", slug+".db"), "tenant")
	if err != nil {
		return nil, err
	}
	t := &Tenant{Slug: slug, db: db}
	s.tenants[slug] = t
	return t, nil
}
