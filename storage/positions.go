package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A Position is how far a file has been read and committed.
type Position struct {
	Path        string
	Offset      int64
	Fingerprint []byte // hash of the file's first bytes when it was read
}

// SetPosition records, in the batch, that the records of pos.Path up to
// pos.Offset are stored: it commits with them.
func (b *Batch) SetPosition(ctx context.Context, pbxID int64, pos Position) error {
	_, err := b.tx.ExecContext(ctx, `INSERT INTO source_positions (pbx_id, path, offset, fingerprint, updated)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (pbx_id, path) DO UPDATE
		SET offset = excluded.offset, fingerprint = excluded.fingerprint, updated = excluded.updated`,
		pbxID, pos.Path, pos.Offset, pos.Fingerprint, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("store position in %s: %w", pos.Path, err)
	}
	return nil
}

// Position returns the committed position in path; ok is false when the
// file was never read.
func (t *Tenant) Position(ctx context.Context, pbxID int64, path string) (pos Position, ok bool, err error) {
	pos.Path = path
	err = t.db.QueryRowContext(ctx, "SELECT offset, fingerprint FROM source_positions WHERE pbx_id = ? AND path = ?",
		pbxID, path).Scan(&pos.Offset, &pos.Fingerprint)
	if errors.Is(err, sql.ErrNoRows) {
		return pos, false, nil
	}
	if err != nil {
		return pos, false, fmt.Errorf("position in %s: %w", path, err)
	}
	return pos, true, nil
}
