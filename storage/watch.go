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
	conn, err := t.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch tenant %s: %w", t.Slug, err)
	}
	last, err := dataVersion(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("watch tenant %s: %w", t.Slug, err)
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
