package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"calltally.app/drivers"
)

// MissedFilter selects missed calls: the calls its CallFilter selects
// (period, extension, department, PBX, number…) that came in and that no
// person answered. Direction and Answered are set by MissedCalls;
// VoicemailMissed lists calls only voicemail took as well; Offset and
// Limit page the list.
type MissedFilter struct {
	CallFilter
	Unreturned bool // only the calls not returned yet
}

// Missed is a missed call and whether it was returned.
type Missed struct {
	ID            int64
	Start         time.Time
	Ring          int    // seconds it rang
	Extension     string // the extension or group that rang
	ExtensionName string
	Department    string
	// External is the caller's number as written; empty (or without a
	// digit) when withheld: such calls can never be returned.
	External     string
	ExternalName string
	ExternalE164 string
	PBX          string
	Voicemail    bool    // voicemail took it (listed with VoicemailMissed only)
	Return       *Return // nil: not returned yet
}

// Return is the call that returned a missed call: the first later
// outbound call to its number (answered or not), or the first later
// inbound call from it that a person answered. Numbers match on their
// E.164 form when both calls have one, else on the number as written
// without separators.
type Return struct {
	ID            int64
	Start         time.Time
	Direction     drivers.Direction // outbound: called back; inbound: called again and answered
	Extension     string            // who called back, or who answered
	ExtensionName string
	Answered      bool // false for a call back nobody answered
}

// MissedCalls returns the missed calls f selects, the ones not returned
// first, oldest first. Each is matched with its return through the indexes
// calls_return_e164 and calls_return_digits: a seek or two per missed
// call, however long the history.
func (t *Tenant) MissedCalls(ctx context.Context, f MissedFilter) ([]Missed, error) {
	m, args := missedWithReturns(f.CallFilter)
	q := `SELECT m.id, m.start_local, m.start_utc, m.ring, m.extension, m.extension_name,
		m.department, m.external, m.external_name, m.external_e164, m.voicemail,
		(SELECT name FROM pbx WHERE pbx.id = m.pbx_id),
		r.id, r.start_local, r.start_utc, r.direction, r.extension, r.extension_name, r.answered
		FROM (` + m + `) m LEFT JOIN calls r ON r.id = (SELECT c.id FROM calls c
			WHERE c.id IN (m.by_e164, m.by_digits, m.by_digits_e164) ORDER BY c.start_utc, c.id LIMIT 1)`
	if f.Unreturned {
		q += " WHERE r.id IS NULL"
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	q += " ORDER BY r.id IS NOT NULL, m.start_utc, m.id LIMIT ? OFFSET ?"
	rows, err := t.db.QueryContext(ctx, q, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("missed calls: %w", err)
	}
	defer rows.Close()
	var out []Missed
	for rows.Next() {
		m, err := scanMissed(rows)
		if err != nil {
			return nil, fmt.Errorf("missed calls: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// countUnreturned counts the missed calls f selects not returned yet.
func (t *Tenant) countUnreturned(ctx context.Context, f CallFilter) (int, error) {
	m, args := missedWithReturns(f)
	var n int
	err := t.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+m+`)
		WHERE by_e164 IS NULL AND by_digits IS NULL AND by_digits_e164 IS NULL`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count unreturned calls: %w", err)
	}
	return n, nil
}

// missedWithReturns is the query of the missed calls f selects, each with
// the ID of its first return found by each way numbers can match (NULL:
// none); numbers without a digit (withheld, "anonymous") match nothing.
// The literal conditions on direction, answered and voicemail let SQLite
// use the partial index calls_missed; it is named because SQLite, without
// statistics, would rather take calls_direction and read every inbound
// call of the period. MATERIALIZED works out each number's digits once,
// where SQLite would otherwise do it at each use.
func missedWithReturns(f CallFilter) (string, []any) {
	where, args := missedWhere(f)
	return `WITH missed AS MATERIALIZED (SELECT id, pbx_id, start_local, start_utc, ring, extension, extension_name, department,
			external, external_name, external_e164, voicemail, ` + digitsOf("external") + ` AS digits
			FROM calls INDEXED BY calls_missed` + where + `)
		SELECT *,
		CASE WHEN m.external_e164 <> '' THEN (SELECT r.id FROM calls r
			WHERE r.external_e164 <> '' AND r.external_e164 = m.external_e164
			AND r.start_utc > m.start_utc AND ` + returns + `
			ORDER BY r.start_utc LIMIT 1) END AS by_e164,
		CASE WHEN m.digits GLOB '*[0-9]*' THEN (SELECT r.id FROM calls r
			WHERE r.external <> '' AND ` + digitsOf("r.external") + ` = m.digits AND (r.external_e164 = '') = 1
			AND r.start_utc > m.start_utc AND ` + returns + `
			ORDER BY r.start_utc LIMIT 1) END AS by_digits,
		CASE WHEN m.external_e164 = '' AND m.digits GLOB '*[0-9]*' THEN (SELECT r.id FROM calls r
			WHERE r.external <> '' AND ` + digitsOf("r.external") + ` = m.digits AND (r.external_e164 = '') = 0
			AND r.start_utc > m.start_utc AND ` + returns + `
			ORDER BY r.start_utc LIMIT 1) END AS by_digits_e164
		FROM missed m`, args
}

// missedWhere is the WHERE clause of the missed calls f selects, for a
// query FROM calls INDEXED BY calls_missed.
func missedWhere(f CallFilter) (string, []any) {
	missed := "direction = 'inbound' AND answered = 0"
	if f.VoicemailMissed {
		missed = "direction = 'inbound' AND (answered = 0 OR voicemail = 1)"
	}
	f.Direction, f.Answered = "", AnyAnswer
	where, args := f.where()
	return and(where, missed), args
}

// returns is when a call r returns a missed call from its number: a call
// back, or the caller calling again and reaching a person.
const returns = `(r.direction = 'outbound' OR (r.direction = 'inbound' AND r.answered = 1 AND r.voicemail = 0))`

func scanMissed(rows *sql.Rows) (Missed, error) {
	var m Missed
	var local, utc int64
	var pbx sql.NullString
	var rID, rLocal, rUTC sql.NullInt64
	var rDir, rExt, rName sql.NullString
	var rAnswered sql.NullBool
	err := rows.Scan(&m.ID, &local, &utc, &m.Ring, &m.Extension, &m.ExtensionName, &m.Department,
		&m.External, &m.ExternalName, &m.ExternalE164, &m.Voicemail, &pbx,
		&rID, &rLocal, &rUTC, &rDir, &rExt, &rName, &rAnswered)
	if err != nil {
		return m, err
	}
	m.Start, m.PBX = siteTime(local, utc), pbx.String
	if rID.Valid {
		m.Return = &Return{ID: rID.Int64, Start: siteTime(rLocal.Int64, rUTC.Int64),
			Direction: drivers.Direction(rDir.String), Extension: rExt.String,
			ExtensionName: rName.String, Answered: rAnswered.Bool}
	}
	return m, nil
}
