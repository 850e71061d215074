package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"calltally.app/drivers"
)

const insertCall = `INSERT INTO calls (pbx_id, start_local, start_utc, duration, ring, hold, direction,
	extension, extension_name, first_answerer, final_answerer, external, external_name,
	dialled, trunk, account_code, answered, voicemail, transferred_from, forwarded_from,
	call_id, driver, partial, charge_units, legs, call_key,
	external_e164, dest_country, dest_type, dest_scope, department, cost_centre, cost, currency, rate)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// AddCall stores c, its legs packed in its row, and returns its row ID. A
// call with a Key that matches a call of the same PBX already stored (its
// earlier legs) is joined to it instead, attributed as attr says; joined
// reports that.
func (b *Batch) AddCall(ctx context.Context, pbxID int64, c *drivers.Call, attr drivers.Attribution) (id int64, joined bool, err error) {
	if c.Key != "" {
		stored, id, err := b.keyed(ctx, pbxID, c)
		if err != nil {
			return 0, false, fmt.Errorf("find call %s: %w", c.Key, err)
		}
		if id != 0 {
			return id, true, b.join(ctx, id, stored, c, attr)
		}
	}
	b.account(c)
	a := &c.Accounting
	res, err := b.call.ExecContext(ctx, pbxID, wallSeconds(c.Start), c.Start.Unix(),
		c.Duration, c.Ring, c.Hold, string(c.Direction), c.Extension, c.ExtensionName,
		c.FirstAnswerer, c.FinalAnswerer, c.External, c.ExternalName, c.Dialled, c.Trunk,
		c.AccountCode, c.Answered, c.Voicemail, c.TransferredFrom, c.ForwardedFrom,
		c.CallID, c.Driver, c.Partial, c.ChargeUnits, packLegs(c.Legs, c.Start), c.Key,
		a.ExternalE164, a.Destination.Country, a.Destination.Type, a.Destination.Scope,
		a.Department, a.CostCentre, cost(a), a.Currency, a.Rate)
	if err != nil {
		return 0, false, fmt.Errorf("store call at %s: %w", c.Start.Format(drivers.WallClock), err)
	}
	id, err = res.LastInsertId()
	return id, false, err
}

// keyed finds the stored call with c's key nearest to c's start within
// drivers.KeyWindow; id 0 when there is none.
func (b *Batch) keyed(ctx context.Context, pbxID int64, c *drivers.Call) (drivers.Call, int64, error) {
	at, window := c.Start.Unix(), int64(drivers.KeyWindow/time.Second)
	row := b.tx.QueryRowContext(ctx, "SELECT "+callColumns+` FROM calls
		WHERE pbx_id = ? AND call_key = ? AND start_utc BETWEEN ? AND ?
		ORDER BY abs(start_utc - ?) LIMIT 1`, pbxID, c.Key, at-window, at+window, at)
	stored, id, err := scanCall(row)
	if errors.Is(err, sql.ErrNoRows) {
		return stored, 0, nil
	}
	return stored, id, err
}

// join stores stored and c joined, in stored's row.
func (b *Batch) join(ctx context.Context, id int64, stored drivers.Call, c *drivers.Call, attr drivers.Attribution) error {
	j := drivers.Join(stored, *c, attr)
	b.account(&j) // the whole call: its answerer and duration have changed
	a := &j.Accounting
	_, err := b.tx.ExecContext(ctx, `UPDATE calls SET start_local = ?, start_utc = ?, duration = ?,
		ring = ?, hold = ?, direction = ?, extension = ?, extension_name = ?, first_answerer = ?,
		final_answerer = ?, external = ?, external_name = ?, dialled = ?, trunk = ?, account_code = ?,
		answered = ?, voicemail = ?, transferred_from = ?, forwarded_from = ?, call_id = ?,
		partial = ?, charge_units = ?, legs = ?, external_e164 = ?, dest_country = ?, dest_type = ?,
		dest_scope = ?, department = ?, cost_centre = ?, cost = ?, currency = ?, rate = ? WHERE id = ?`,
		wallSeconds(j.Start), j.Start.Unix(), j.Duration, j.Ring, j.Hold, string(j.Direction),
		j.Extension, j.ExtensionName, j.FirstAnswerer, j.FinalAnswerer, j.External, j.ExternalName,
		j.Dialled, j.Trunk, j.AccountCode, j.Answered, j.Voicemail, j.TransferredFrom,
		j.ForwardedFrom, j.CallID, j.Partial, j.ChargeUnits, packLegs(j.Legs, j.Start),
		a.ExternalE164, a.Destination.Country, a.Destination.Type, a.Destination.Scope,
		a.Department, a.CostCentre, cost(a), a.Currency, a.Rate, id)
	if err != nil {
		return fmt.Errorf("join call %s: %w", c.Key, err)
	}
	return nil
}

// account fills in c's Accounting, if the batch has an Account function.
func (b *Batch) account(c *drivers.Call) {
	if b.Account != nil {
		b.Account(c)
	}
}

// cost is the cost column: NULL for a call no tariff priced.
func cost(a *drivers.Accounting) sql.NullInt64 {
	return sql.NullInt64{Int64: a.Cost, Valid: a.Rated}
}
