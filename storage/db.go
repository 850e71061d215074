// Package storage keeps CallTally's data in SQLite: a master database
// (tenants, sites, PBX systems, users, service status) and one database
// per tenant (calls, their legs, the raw records they came from). The
// collector and every user-facing part talk to each other only through
// these databases.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations
var migrations embed.FS

// ErrNotFound is returned when a named row does not exist.
var ErrNotFound = errors.New("not found")

// openDB opens the SQLite file at file with WAL, a busy timeout so that the
// collector and the app wait for each other instead of failing, foreign
// keys on, and immediate write transactions so that two writers queue at
// BEGIN rather than deadlock on upgrade. Then it applies the embedded
// migrations of kind ("master" or "tenant").
func openDB(ctx context.Context, file, kind string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_txlock", "immediate")
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)", "cache_size(-32000)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+file+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", file, err)
	}
	if err := migrate(ctx, db, kind); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", file, err)
	}
	return db, nil
}

// migrate applies, in order and each in its own transaction, the numbered
// .sql files of kind that are newer than the database's user_version.
// Shipped migrations are never edited; changes come as new files.
func migrate(ctx context.Context, db *sql.DB, kind string) error {
	steps, err := fs.Glob(migrations, "migrations/"+kind+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(steps)
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	for _, step := range steps {
		n, err := strconv.Atoi(strings.SplitN(path.Base(step), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", step)
		}
		if n <= version {
			continue
		}
		if err := applyStep(ctx, db, step, n); err != nil {
			return err
		}
	}
	return nil
}

func applyStep(ctx context.Context, db *sql.DB, step string, n int) error {
	body, err := migrations.ReadFile(step)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", step, err)
	}
	defer tx.Rollback()
	// Another process may have migrated while we waited for the write lock.
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version >= n {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", step, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
		return fmt.Errorf("migration %s: %w", step, err)
	}
	return tx.Commit()
}
