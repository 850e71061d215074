package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// pruneBlocks is how many record blocks one pruning transaction deletes,
// so the collector's writes wait for it only briefly.
const pruneBlocks = 200

// PruneRaw deletes the raw records stored before before and returns how
// many blocks it deleted. Calls stay, and so do the records' keys, so that
// an old input read again is still recognised.
func (t *Tenant) PruneRaw(ctx context.Context, before time.Time) (int, error) {
	total := 0
	for {
		n, err := t.pruneSome(ctx, before.Unix())
		total += n
		if err != nil || n < pruneBlocks {
			return total, err
		}
	}
}

func (t *Tenant) pruneSome(ctx context.Context, before int64) (int, error) {
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("prune raw records: %w", err)
	}
	defer tx.Rollback()
	ids, err := blockIDs(ctx, tx, before)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "DELETE FROM raw_status WHERE record >= ? AND record < ?", RecordID(id, 0), RecordID(id+1, 0)); err != nil {
			return 0, fmt.Errorf("prune raw records: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM raw_blocks WHERE id = ?", id); err != nil {
			return 0, fmt.Errorf("prune raw records: %w", err)
		}
	}
	return len(ids), tx.Commit()
}

func blockIDs(ctx context.Context, tx *sql.Tx, before int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM raw_blocks WHERE stored < ? ORDER BY stored LIMIT ?", before, pruneBlocks)
	if err != nil {
		return nil, fmt.Errorf("prune raw records: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("prune raw records: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
