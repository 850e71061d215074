package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/calltally/calltally/drivers"
)

// A StoredRecord is a raw record as stored, with what became of it.
type StoredRecord struct {
	drivers.Record
	Status Status
	Error  string
}

// PendingRecords returns the records of pbxID that wait for the rest of
// their call, oldest first, to be fed to a new parser so that calls split
// across inputs or restarts are joined.
func (t *Tenant) PendingRecords(ctx context.Context, pbxID int64) ([]drivers.Record, error) {
	stored, err := t.records(ctx, "r.pbx_id = ? AND r.status = 'pending' ORDER BY r.id", pbxID)
	recs := make([]drivers.Record, len(stored))
	for i, s := range stored {
		recs[i] = s.Record
	}
	return recs, err
}

// FailedRecords returns the newest limit records of pbxID that could not
// be read, with the reasons.
func (t *Tenant) FailedRecords(ctx context.Context, pbxID int64, limit int) ([]StoredRecord, error) {
	return t.records(ctx, "r.pbx_id = ? AND r.status = 'error' ORDER BY r.id DESC LIMIT ?", pbxID, limit)
}

func (t *Tenant) records(ctx context.Context, cond string, args ...any) ([]StoredRecord, error) {
	rows, err := t.db.QueryContext(ctx, `SELECT r.id, r.text, s.name, r.line, r.received, r.status, r.error
		FROM raw_records r JOIN sources s ON s.id = r.source_id WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("query records: %w", err)
	}
	defer rows.Close()
	var recs []StoredRecord
	for rows.Next() {
		var r StoredRecord
		var ms int64
		if err := rows.Scan(&r.ID, &r.Text, &r.Source, &r.Line, &ms, &r.Status, &r.Error); err != nil {
			return nil, fmt.Errorf("read record: %w", err)
		}
		r.Received = time.UnixMilli(ms)
		recs = append(recs, r)
	}
	return recs, rows.Err()
}
