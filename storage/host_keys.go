package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// HostKey returns the SSH host key pinned for host (HOST:PORT) of the PBX
// pbxID, in SSH wire format; ok is false when none is pinned yet.
func (t *Tenant) HostKey(ctx context.Context, pbxID int64, host string) (key []byte, ok bool, err error) {
	err = t.db.QueryRowContext(ctx, "SELECT key FROM host_keys WHERE pbx_id = ? AND host = ?", pbxID, host).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key of %s: %w", host, err)
	}
	return key, true, nil
}

// PinHostKey remembers key as the host key of host for the PBX pbxID,
// unless one is pinned already: a pinned key is only replaced by
// forgetting it first (ForgetHostKey), never by a server that shows
// another.
func (t *Tenant) PinHostKey(ctx context.Context, pbxID int64, host string, key []byte) error {
	_, err := t.db.ExecContext(ctx, `INSERT INTO host_keys (pbx_id, host, key, pinned) VALUES (?, ?, ?, ?)
		ON CONFLICT (pbx_id, host) DO NOTHING`, pbxID, host, key, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("pin host key of %s: %w", host, err)
	}
	return nil
}

// ForgetHostKeys removes the host keys pinned for the PBX pbxID and says
// how many there were, so that the next connection pins the key the
// server then shows: for a server reinstalled or replaced on purpose.
func (t *Tenant) ForgetHostKeys(ctx context.Context, pbxID int64) (int, error) {
	res, err := t.db.ExecContext(ctx, "DELETE FROM host_keys WHERE pbx_id = ?", pbxID)
	if err != nil {
		return 0, fmt.Errorf("forget host keys: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
