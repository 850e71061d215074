package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/calltally/calltally/drivers"
)

// Status says what became of a raw record.
type Status string

const (
	StatusOK      Status = "ok"      // part of a stored call
	StatusPending Status = "pending" // waiting for the rest of its call
	StatusIgnored Status = "ignored" // no call in it (a header, a notice)
	StatusError   Status = "error"   // could not be read; the reason is kept
)

// A Batch is one write transaction of the ingest: raw records and the calls
// they complete are committed together or not at all, so a crash never
// leaves a call without its records or a record counted but missing.
type Batch struct {
	tx      *sql.Tx
	nextID  int64
	sources map[string]int64
	stmt    map[string]*sql.Stmt
}

var batchSQL = map[string]string{
	"seen":   `SELECT 1 FROM raw_records WHERE rkey = ?`,
	"source": `INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
	"raw": `INSERT INTO raw_records (id, pbx_id, rkey, received, source_id, line, status, error, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"ok": `UPDATE raw_records SET status = 'ok' WHERE id = ? AND status = 'pending'`,
	"call": `INSERT INTO calls (pbx_id, start_local, start_utc, duration, ring, hold, direction,
		extension, extension_name, first_answerer, final_answerer, external, external_name,
		dialled, trunk, account_code, answered, voicemail, transferred_from, forwarded_from,
		call_id, driver, partial, charge_units)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"leg": `INSERT INTO legs (call_id, seq, raw_id, party, party_name, peer, start_utc, ring, talk, hold, outcome)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
}

// Begin starts a write transaction. It waits (up to the busy timeout) for
// another writer, such as the collector, to finish its own.
func (t *Tenant) Begin(ctx context.Context) (*Batch, error) {
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	b := &Batch{tx: tx, sources: map[string]int64{}, stmt: map[string]*sql.Stmt{}}
	// IDs are handed out before records are parsed, so that calls can refer
	// to their records; the write lock makes max(id) stable until commit.
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM raw_records").Scan(&b.nextID); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin: %w", err)
	}
	for name, q := range batchSQL {
		if b.stmt[name], err = tx.PrepareContext(ctx, q); err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
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

// Seen reports whether a record with key is already stored.
func (b *Batch) Seen(ctx context.Context, key []byte) (bool, error) {
	var one int
	err := b.stmt["seen"].QueryRowContext(ctx, key).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up record: %w", err)
	}
	return true, nil
}

// ReserveID returns the ID the next stored record gets.
func (b *Batch) ReserveID() int64 {
	b.nextID++
	return b.nextID - 1
}

// AddRecord stores rec (whose ID came from ReserveID) with its status and,
// for errors, the reason.
func (b *Batch) AddRecord(ctx context.Context, pbxID int64, rec *drivers.Record, key []byte, st Status, reason string) error {
	src, err := b.source(ctx, rec.Source)
	if err != nil {
		return err
	}
	_, err = b.stmt["raw"].ExecContext(ctx, rec.ID, pbxID, key, rec.Received.UnixMilli(), src, rec.Line, string(st), reason, rec.Text)
	if err != nil {
		return fmt.Errorf("store record %s: %w", rec.Where(), err)
	}
	return nil
}

func (b *Batch) source(ctx context.Context, name string) (int64, error) {
	if id, ok := b.sources[name]; ok {
		return id, nil
	}
	var id int64
	if err := b.stmt["source"].QueryRowContext(ctx, name).Scan(&id); err != nil {
		return 0, fmt.Errorf("store source %q: %w", name, err)
	}
	b.sources[name] = id
	return id, nil
}

// MarkOK records that pending records became part of a stored call.
func (b *Batch) MarkOK(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := b.stmt["ok"].ExecContext(ctx, id); err != nil {
			return fmt.Errorf("mark record %d: %w", id, err)
		}
	}
	return nil
}

// AddCall stores c and its legs and returns the call's row ID.
func (b *Batch) AddCall(ctx context.Context, pbxID int64, c *drivers.Call) (int64, error) {
	_, off := c.Start.Zone()
	res, err := b.stmt["call"].ExecContext(ctx, pbxID, c.Start.Unix()+int64(off), c.Start.Unix(),
		c.Duration, c.Ring, c.Hold, string(c.Direction), c.Extension, c.ExtensionName,
		c.FirstAnswerer, c.FinalAnswerer, c.External, c.ExternalName, c.Dialled, c.Trunk,
		c.AccountCode, c.Answered, c.Voicemail, c.TransferredFrom, c.ForwardedFrom,
		c.CallID, c.Driver, c.Partial, c.ChargeUnits)
	if err != nil {
		return 0, fmt.Errorf("store call at %s: %w", c.Start.Format(drivers.WallClock), err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for i, l := range c.Legs {
		_, err := b.stmt["leg"].ExecContext(ctx, id, i, nullID(l.Record), l.Party, l.PartyName, l.Peer,
			l.Start.Unix(), l.Ring, l.Talk, l.Hold, string(l.Outcome))
		if err != nil {
			return 0, fmt.Errorf("store leg %d of call at %s: %w", i, c.Start.Format(drivers.WallClock), err)
		}
	}
	return id, nil
}

func nullID(id int64) sql.NullInt64 {
	return sql.NullInt64{Int64: id, Valid: id != 0}
}
