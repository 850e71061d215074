package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// PBXID returns the ID, in this tenant's database, of the PBX called name,
// without adding it: ErrNotFound until the collector or an import stored
// its first record.
func (t *Tenant) PBXID(ctx context.Context, name string) (int64, error) {
	var id int64
	err := t.db.QueryRowContext(ctx, "SELECT id FROM pbx WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("pbx %q in tenant %q: %w", name, t.Slug, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("pbx %q: %w", name, err)
	}
	return id, nil
}

// RecentRecords returns the newest n raw records of pbxID (a PBX ID of
// this tenant's database), newest first, each with what became of it:
// StatusOK for records that are part of a stored call, else its
// raw_status with the reason. Records that failed are included, so the
// PBX screen shows why a line was not read.
func (t *Tenant) RecentRecords(ctx context.Context, pbxID int64, n int) ([]StoredRecord, error) {
	if n <= 0 {
		return nil, nil
	}
	blocks, err := t.recentBlocks(ctx, pbxID, n)
	if err != nil {
		return nil, err
	}
	var out []StoredRecord
	for _, id := range blocks {
		recs, err := t.block(ctx, id)
		if err != nil {
			return nil, err
		}
		for i := len(recs) - 1; i >= 0 && len(out) < n; i-- {
			out = append(out, StoredRecord{Record: recs[i], Status: StatusOK})
		}
	}
	return out, t.fillStatuses(ctx, out)
}

// recentBlocks returns the IDs of the newest blocks of pbxID that hold at
// least n records between them, newest first.
func (t *Tenant) recentBlocks(ctx context.Context, pbxID int64, n int) ([]int64, error) {
	rows, err := t.db.QueryContext(ctx, "SELECT id, count FROM raw_blocks WHERE pbx_id = ? ORDER BY id DESC", pbxID)
	if err != nil {
		return nil, fmt.Errorf("recent records of pbx %d: %w", pbxID, err)
	}
	defer rows.Close()
	var ids []int64
	for have := 0; have < n && rows.Next(); {
		var id int64
		var count int
		if err := rows.Scan(&id, &count); err != nil {
			return nil, fmt.Errorf("recent records of pbx %d: %w", pbxID, err)
		}
		ids, have = append(ids, id), have+count
	}
	return ids, rows.Err()
}

// fillStatuses sets the status and reason of the records that have a
// raw_status row; the others stay StatusOK.
func (t *Tenant) fillStatuses(ctx context.Context, recs []StoredRecord) error {
	if len(recs) == 0 {
		return nil
	}
	byID := func(a, b StoredRecord) int { return cmp.Compare(a.ID, b.ID) }
	lo, hi := slices.MinFunc(recs, byID).ID, slices.MaxFunc(recs, byID).ID
	rows, err := t.db.QueryContext(ctx, "SELECT record, status, error FROM raw_status WHERE record BETWEEN ? AND ?", lo, hi)
	if err != nil {
		return fmt.Errorf("recent record statuses: %w", err)
	}
	defer rows.Close()
	index := make(map[int64]int, len(recs))
	for i, r := range recs {
		index[r.ID] = i
	}
	for rows.Next() {
		var id int64
		var st Status
		var reason string
		if err := rows.Scan(&id, &st, &reason); err != nil {
			return fmt.Errorf("recent record statuses: %w", err)
		}
		if i, ok := index[id]; ok {
			recs[i].Status, recs[i].Error = st, reason
		}
	}
	return rows.Err()
}
