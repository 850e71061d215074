package storage

import (
	"context"
	"fmt"
	"time"

	"calltally.app/drivers"
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
	stored, err := t.recordsWithStatus(ctx, "pbx_id = ? AND status = 'pending' ORDER BY record", pbxID)
	recs := make([]drivers.Record, len(stored))
	for i, s := range stored {
		recs[i] = s.Record
	}
	return recs, err
}

// FailedRecords returns the newest limit records of pbxID that could not
// be read, with the reasons.
func (t *Tenant) FailedRecords(ctx context.Context, pbxID int64, limit int) ([]StoredRecord, error) {
	return t.recordsWithStatus(ctx, "pbx_id = ? AND status = 'error' ORDER BY record DESC LIMIT ?", pbxID, limit)
}

func (t *Tenant) recordsWithStatus(ctx context.Context, cond string, args ...any) ([]StoredRecord, error) {
	rows, err := t.db.QueryContext(ctx, "SELECT record, status, error FROM raw_status WHERE "+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("query records: %w", err)
	}
	var out []StoredRecord
	var ids []int64
	for rows.Next() {
		var s StoredRecord
		if err := rows.Scan(&s.ID, &s.Status, &s.Error); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read record status: %w", err)
		}
		out, ids = append(out, s), append(ids, s.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	recs, err := t.Records(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Record = recs[out[i].ID]
	}
	return out, nil
}

// Records returns the stored records with the given IDs.
func (t *Tenant) Records(ctx context.Context, ids []int64) (map[int64]drivers.Record, error) {
	out := make(map[int64]drivers.Record, len(ids))
	blocks := map[int64]bool{}
	for _, id := range ids {
		blocks[id>>blockShift] = true
	}
	for block := range blocks {
		recs, err := t.block(ctx, block)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if i := int(id & (MaxBlock - 1)); id>>blockShift == block && i < len(recs) {
				out[id] = recs[i]
			}
		}
	}
	return out, nil
}

func (t *Tenant) block(ctx context.Context, id int64) ([]drivers.Record, error) {
	var meta, text []byte
	var source string
	var ms int64
	err := t.db.QueryRowContext(ctx, `SELECT b.meta, b.text, s.name, b.received
		FROM raw_blocks b JOIN sources s ON s.id = b.source_id WHERE b.id = ?`, id).Scan(&meta, &text, &source, &ms)
	if err != nil {
		return nil, fmt.Errorf("read record block %d: %w", id, err)
	}
	recs, err := unpackBlock(meta, text, time.UnixMilli(ms), RecordID(id, 0), source)
	if err != nil {
		return nil, fmt.Errorf("read record block %d: %w", id, err)
	}
	return recs, nil
}
