package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Watch signals on the returned channel each time the tenant's database
// changed (the collector stored calls, an import ran, a call was joined),
// checking every interval; the channel closes when ctx ends. Screens use
// it to reload only when something changed, without asking the writer.
//
// It reads SQLite's data_version, which moves when any other connection,
// in this process or another, commits; it must be read on one connection,
// so Watch holds one for as long as ctx lasts.
func (t *Tenant) Watch(ctx context.Context, interval time.Duration) (<-chan struct{}, error) {
	return watch(ctx, t.db, "tenant "+t.Slug, interval)
}

// Watch is Tenant.Watch for the master database: PBX settings, service
// status and the collector's heartbeat.
func (s *Store) Watch(ctx context.Context, interval time.Duration) (<-chan struct{}, error) {
	return watch(ctx, s.master, "master database", interval)
}

func watch(ctx context.Context, db *sql.DB, what string, interval time.Duration) (<-chan struct{}, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", what, err)
	}
	last, err := dataVersion(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("watch %s: %w", what, err)
	}
	changed := make(chan struct{}, 1)
	go func() {
		defer conn.Close()
		defer close(changed)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			v, err := dataVersion(ctx, conn)
			if err != nil || v == last {
				continue // a busy or closing database: try again next tick
			}
			last = v
			select {
			case changed <- struct{}{}:
			default: // one signal pending is enough
			}
		}
	}()
	return changed, nil
}

func dataVersion(ctx context.Context, conn *sql.Conn) (int64, error) {
	var v int64
	err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}
