package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// A ServiceStatus is the collector's heartbeat for one PBX.
type ServiceStatus struct {
	PBXID        int64
	State        string    // connected, listening, waiting, polling, error
	LastRecord   time.Time // zero when none yet
	RecordsToday int
	LastError    string
	Updated      time.Time
}

// StaleAfter is how old a heartbeat may be before the collector counts as
// not running: it writes one every 2 s while it runs, so two minutes
// without one is no hiccup.
const StaleAfter = 2 * time.Minute

// Stale reports whether the heartbeat is older than StaleAfter at now.
func (st ServiceStatus) Stale(now time.Time) bool { return now.Sub(st.Updated) > StaleAfter }

// SetStatus writes the heartbeat of one PBX.
func (s *Store) SetStatus(ctx context.Context, st ServiceStatus) error {
	var last sql.NullInt64
	if !st.LastRecord.IsZero() {
		last = sql.NullInt64{Int64: st.LastRecord.Unix(), Valid: true}
	}
	_, err := s.master.ExecContext(ctx, `INSERT INTO service_status (pbx_id, state, last_record, records_today, last_error, updated)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (pbx_id) DO UPDATE SET state = excluded.state,
		last_record = excluded.last_record, records_today = excluded.records_today,
		last_error = excluded.last_error, updated = excluded.updated`,
		st.PBXID, st.State, last, st.RecordsToday, st.LastError, st.Updated.Unix())
	if err != nil {
		return fmt.Errorf("write status of pbx %d: %w", st.PBXID, err)
	}
	return nil
}

// Status returns the heartbeat of one PBX (by its master ID).
func (s *Store) Status(ctx context.Context, pbxID int64) (ServiceStatus, error) {
	st := ServiceStatus{PBXID: pbxID}
	var last sql.NullInt64
	var updated int64
	err := s.master.QueryRowContext(ctx, `SELECT state, last_record, records_today, last_error, updated
		FROM service_status WHERE pbx_id = ?`, pbxID).Scan(&st.State, &last, &st.RecordsToday, &st.LastError, &updated)
	if err == sql.ErrNoRows {
		return st, fmt.Errorf("status of pbx %d: %w", pbxID, ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("status of pbx %d: %w", pbxID, err)
	}
	if last.Valid {
		st.LastRecord = time.Unix(last.Int64, 0)
	}
	st.Updated = time.Unix(updated, 0)
	return st, nil
}
