package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// Status says what became of a raw record.
type Status string

const (
	StatusOK      Status = "ok"      // part of a stored call
	StatusPending Status = "pending" // waiting for the rest of its call
	StatusIgnored Status = "ignored" // no call in it (a header, a notice)
	StatusError   Status = "error"   // could not be read; the reason is kept
)

// blockShift places a record's index in its block in the low bits of its
// ID: IDs grow in arrival order and name their block.
const blockShift = 16

// MaxBlock is the most records one block holds.
const MaxBlock = 1 << blockShift

// RecordID is the ID of the i-th record of block.
func RecordID(block int64, i int) int64 { return block<<blockShift | int64(i) }

// A NewRecord is a record to store, with its key and what became of it.
type NewRecord struct {
	drivers.Record
	Key    []byte
	Status Status
	Error  string
}

// A Batch is one write transaction of the ingest: raw records and the calls
// they complete are committed together or not at all, so a crash never
// leaves a call without its records or a record counted but missing.
type Batch struct {
	// Account, when set, works out a call's Accounting (destination,
	// department, cost) just before it is stored, and again when later
	// legs are joined to it.
	Account func(*drivers.Call)

	tx        *sql.Tx
	nextBlock int64
	sources   map[string]int64
	call      *sql.Stmt
}

// Begin starts a write transaction. It waits (up to the busy timeout) for
// another writer, such as the collector, to finish its own.
func (t *Tenant) Begin(ctx context.Context) (*Batch, error) {
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	b := &Batch{tx: tx, sources: map[string]int64{}}
	// Block IDs are handed out before records are parsed, so that calls
	// can refer to their records; the write lock keeps max(id) ours.
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM raw_blocks").Scan(&b.nextBlock); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin: %w", err)
	}
	if b.call, err = tx.PrepareContext(ctx, insertCall); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin: %w", err)
	}
	return b, nil
}

// Commit makes the batch durable.
func (b *Batch) Commit() error {
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Rollback abandons the batch; after Commit it does nothing.
func (b *Batch) Rollback() error { return b.tx.Rollback() }

// ReserveBlock returns the ID of the next block AddBlock stores.
func (b *Batch) ReserveBlock() int64 {
	b.nextBlock++
	return b.nextBlock - 1
}

// Existing returns which of keys are stored already.
func (b *Batch) Existing(ctx context.Context, keys [][]byte) (map[string]bool, error) {
	found := map[string]bool{}
	for len(keys) > 0 {
		n := min(len(keys), 500)
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = k
		}
		q := "SELECT rkey FROM raw_keys WHERE rkey IN (?" + strings.Repeat(",?", n-1) + ")"
		if err := b.collectKeys(ctx, found, q, args); err != nil {
			return nil, err
		}
		keys = keys[n:]
	}
	return found, nil
}

func (b *Batch) collectKeys(ctx context.Context, found map[string]bool, q string, args []any) error {
	rows, err := b.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("look up records: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k []byte
		if err := rows.Scan(&k); err != nil {
			return fmt.Errorf("look up records: %w", err)
		}
		found[string(k)] = true
	}
	return rows.Err()
}

// AddBlock stores recs, all from one source, as block (from ReserveBlock);
// recs[i].ID must be RecordID(block, i).
func (b *Batch) AddBlock(ctx context.Context, pbxID, block int64, recs []NewRecord) error {
	if len(recs) == 0 {
		return nil
	}
	src, err := b.source(ctx, recs[0].Source)
	if err != nil {
		return err
	}
	plain := make([]drivers.Record, len(recs))
	for i, r := range recs {
		if r.ID != RecordID(block, i) || r.Source != recs[0].Source || i >= MaxBlock {
			return fmt.Errorf("store block %d: record %s out of place", block, r.Where())
		}
		plain[i] = r.Record
	}
	meta, text := packBlock(plain, recs[0].Received)
	_, err = b.tx.ExecContext(ctx, "INSERT INTO raw_blocks (id, pbx_id, source_id, received, stored, count, meta, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		block, pbxID, src, recs[0].Received.UnixMilli(), time.Now().Unix(), len(recs), meta, text)
	if err != nil {
		return fmt.Errorf("store records of %s: %w", recs[0].Source, err)
	}
	if err := b.addKeys(ctx, recs); err != nil {
		return err
	}
	return b.addStatuses(ctx, pbxID, recs)
}

// addKeys inserts the records' keys, many rows per statement.
func (b *Batch) addKeys(ctx context.Context, recs []NewRecord) error {
	for len(recs) > 0 {
		n := min(len(recs), 400)
		args := make([]any, 0, 2*n)
		for _, r := range recs[:n] {
			args = append(args, r.Key, r.ID)
		}
		q := "INSERT INTO raw_keys (rkey, record) VALUES (?, ?)" + strings.Repeat(", (?, ?)", n-1)
		if _, err := b.tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("store record keys: %w", err)
		}
		recs = recs[n:]
	}
	return nil
}

// addStatuses notes the records that are not simply part of a call.
func (b *Batch) addStatuses(ctx context.Context, pbxID int64, recs []NewRecord) error {
	for _, r := range recs {
		if r.Status == StatusOK {
			continue
		}
		_, err := b.tx.ExecContext(ctx, "INSERT INTO raw_status (record, pbx_id, status, error) VALUES (?, ?, ?, ?)",
			r.ID, pbxID, string(r.Status), r.Error)
		if err != nil {
			return fmt.Errorf("store status of %s: %w", r.Where(), err)
		}
	}
	return nil
}

func (b *Batch) source(ctx context.Context, name string) (int64, error) {
	if id, ok := b.sources[name]; ok {
		return id, nil
	}
	var id int64
	err := b.tx.QueryRowContext(ctx, `INSERT INTO sources (name) VALUES (?)
		ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`, name).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store source %q: %w", name, err)
	}
	b.sources[name] = id
	return id, nil
}

// Resolve records that stored pending records became part of a call.
func (b *Batch) Resolve(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := b.tx.ExecContext(ctx, "DELETE FROM raw_status WHERE record = ? AND status = 'pending'", id); err != nil {
			return fmt.Errorf("resolve record %d: %w", id, err)
		}
	}
	return nil
}
