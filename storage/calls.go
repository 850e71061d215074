package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// CallFilter selects calls. Zero fields select everything. From and To are
// site wall-clock times: From inclusive, To exclusive.
type CallFilter struct {
	From, To  time.Time
	Extension string
	Direction drivers.Direction
	// Department selects the calls of a department and of those below it,
	// by path ("Sales" takes "Sales/Inside Sales" too).
	Department string
	Answered   Answer // who answered; AnyAnswer selects all
	// MinDuration is the fewest connected seconds.
	MinDuration int
	// NumberContains selects calls whose outside number (as written, its
	// E.164 form or the digits dialled) contains these digits; separators
	// (spaces, -, ., /, parentheses) are ignored on both sides.
	NumberContains string
	PBX            string // the PBX's name
	// Search selects calls whose extension, extension name or outside
	// party's name contains it (letters in any case), or whose outside
	// number contains its digits as NumberContains does.
	Search string
	// MinCost and MaxCost bound the cost in micro-units, both inclusive;
	// either selects rated calls only, whatever their currency.
	MinCost, MaxCost *int64
	// VoicemailMissed counts inbound calls that only voicemail took as
	// missed rather than answered, in Summary and MissedCalls; where()
	// ignores it, as it does Offset and Limit.
	VoicemailMissed bool
	// Order is the order Calls and EachCall list calls in; the zero value
	// is newest first. Count and the figures ignore it.
	Order  CallOrder
	Offset int
	Limit  int // 0 means no limit
}

// Answer selects calls by who answered them.
type Answer int

const (
	AnyAnswer         Answer = iota
	AnsweredByPerson         // a person answered
	AnsweredByMachine        // only voicemail or an auto-attendant answered
	NotAnswered              // nobody answered, not even voicemail
	NotByPerson              // nobody or only voicemail: missed, when voicemail counts as missed
)

// answerConds are the conditions of each Answer.
var answerConds = map[Answer]string{
	AnsweredByPerson:  "answered = 1 AND voicemail = 0",
	AnsweredByMachine: "voicemail = 1",
	NotAnswered:       "answered = 0",
	NotByPerson:       "(answered = 0 OR voicemail = 1)",
}

// digitsOf is SQL for a number column as written without separators; the
// index calls_return_digits (tenant migration 0008) is on this very
// expression, so keep them the same.
func digitsOf(col string) string {
	return "replace(replace(replace(replace(replace(replace(" + col +
		", ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', '')"
}

// digits removes what digitsOf removes.
func digits(number string) string {
	return strings.NewReplacer(" ", "", "-", "", ".", "", "(", "", ")", "", "/", "").Replace(number)
}

const callColumns = `id, start_local, start_utc, duration, ring, hold, direction, extension,
	extension_name, first_answerer, final_answerer, external, external_name, dialled, trunk,
	account_code, answered, voicemail, transferred_from, forwarded_from, call_id, driver,
	(SELECT name FROM pbx WHERE pbx.id = calls.pbx_id), partial, charge_units, legs, call_key,
	external_e164, dest_country, dest_type, dest_scope, department, cost_centre, cost, currency, rate`

// where builds the WHERE clause of f; the only place call filters become SQL.
func (f CallFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if !f.From.IsZero() {
		add("start_local >= ?", wallSeconds(f.From))
	}
	if !f.To.IsZero() {
		add("start_local < ?", wallSeconds(f.To))
	}
	if f.Extension != "" {
		add("extension = ?", f.Extension)
	}
	if f.Direction != "" {
		add("direction = ?", string(f.Direction))
	}
	if f.Department != "" {
		// The department and every path below it, as a range on the path.
		add("(department = ? OR (department >= ? AND department < ?))", f.Department, f.Department+"/", f.Department+"0")
	}
	if cond, ok := answerConds[f.Answered]; ok {
		add(cond)
	}
	f.accountingWhere(add)
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// accountingWhere adds to where() the conditions of the grid's further
// filters.
func (f CallFilter) accountingWhere(add func(string, ...any)) {
	if f.MinDuration > 0 {
		add("duration >= ?", f.MinDuration)
	}
	if n := digits(f.NumberContains); n != "" {
		add("(instr("+digitsOf("external")+", ?) > 0 OR instr(external_e164, ?) > 0 OR instr("+
			digitsOf("dialled")+", ?) > 0)", n, n, n)
	}
	if f.PBX != "" {
		add("pbx_id = (SELECT id FROM pbx WHERE name = ?)", f.PBX)
	}
	if f.MinCost != nil {
		add("cost >= ?", *f.MinCost)
	}
	if f.MaxCost != nil {
		add("cost <= ?", *f.MaxCost)
	}
	if cond, args := searchWhere(f.Search); cond != "" {
		add(cond, args...)
	}
}

// searchWhere is the condition of CallFilter.Search. LIKE ignores the case
// of ASCII letters only, as SQLite does without ICU.
func searchWhere(search string) (string, []any) {
	search = strings.TrimSpace(search)
	if search == "" {
		return "", nil
	}
	like := "%" + likeEscaper.Replace(search) + "%"
	conds := []string{`extension LIKE ? ESCAPE '\'`, `extension_name LIKE ? ESCAPE '\'`, `external_name LIKE ? ESCAPE '\'`}
	args := []any{like, like, like}
	if n := digits(search); isNumber(n) {
		conds = append(conds, "instr("+digitsOf("external")+", ?) > 0", "instr(external_e164, ?) > 0")
		args = append(args, n, n)
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// likeEscaper makes a text match itself in a LIKE pattern with ESCAPE '\'.
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// isNumber reports whether s is a phone number without separators: digits,
// perhaps after a +.
func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "+")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// wallSeconds reads t's wall clock as if it were UTC: the encoding of
// start_local.
func wallSeconds(t time.Time) int64 {
	_, off := t.Zone()
	return t.Unix() + int64(off)
}

// CountCalls returns how many calls f selects (ignoring Offset and Limit).
func (t *Tenant) CountCalls(ctx context.Context, f CallFilter) (int, error) {
	where, args := f.where()
	var n int
	if err := t.db.QueryRowContext(ctx, "SELECT count(*) FROM calls"+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count calls: %w", err)
	}
	return n, nil
}

// Calls returns the calls f selects, in f.Order (newest first by
// default). Deep offsets stay fast because the offset is walked in an
// index, or in the sort, before any other column of a call is read.
func (t *Tenant) Calls(ctx context.Context, f CallFilter) ([]drivers.Call, error) {
	calls, _, err := t.callPage(ctx, f)
	return calls, err
}

// CallsWithIDs is Calls with each call's row ID.
func (t *Tenant) CallsWithIDs(ctx context.Context, f CallFilter) ([]drivers.Call, []int64, error) {
	return t.callPage(ctx, f)
}

func (t *Tenant) callPage(ctx context.Context, f CallFilter) ([]drivers.Call, []int64, error) {
	col, err := f.Order.column()
	if err != nil {
		return nil, nil, err
	}
	where, args := f.where()
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	order := f.Order.orderBy(col)
	q := "SELECT " + callColumns + " FROM calls WHERE id IN (SELECT id FROM calls" + where +
		order + " LIMIT ? OFFSET ?)" + order
	return t.queryCalls(ctx, q, append(args, limit, f.Offset)...)
}

// EachCall calls fn for every call f selects, in f.Order. It streams any
// number of calls in bounded memory.
func (t *Tenant) EachCall(ctx context.Context, f CallFilter, fn func(*drivers.Call) error) error {
	return t.EachCallID(ctx, f, func(_ int64, c *drivers.Call) error { return fn(c) })
}

// EachCallID is EachCall with each call's row ID, for changing it later.
// In start order it pages by position in the start index (not by offset),
// so it does not slow down with depth and holds no read open between
// pages; other orders sort once and stream (see eachSorted).
func (t *Tenant) EachCallID(ctx context.Context, f CallFilter, fn func(int64, *drivers.Call) error) error {
	col, err := f.Order.column()
	if err != nil {
		return err
	}
	if !f.Order.indexed() {
		return t.eachSorted(ctx, f, col, fn)
	}
	const pageSize = 1000
	where, args := f.where()
	pageWhere, pageArgs := where, args
	for done := 0; f.Limit <= 0 || done < f.Limit; {
		n := pageSize
		if f.Limit > 0 {
			n = min(n, f.Limit-done)
		}
		q := "SELECT " + callColumns + " FROM calls" + pageWhere + f.Order.orderBy(col) + " LIMIT ?"
		calls, ids, err := t.queryCalls(ctx, q, append(pageArgs, n)...)
		if err != nil {
			return err
		}
		for i := range calls {
			if err := fn(ids[i], &calls[i]); err != nil {
				return err
			}
		}
		if len(calls) < n {
			return nil
		}
		done += len(calls)
		last := len(calls) - 1
		pageWhere, pageArgs = f.Order.after(col, where, args, col.key(&calls[last]), ids[last])
	}
	return nil
}

func (t *Tenant) queryCalls(ctx context.Context, q string, args ...any) ([]drivers.Call, []int64, error) {
	rows, err := t.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("query calls: %w", err)
	}
	defer rows.Close()
	var calls []drivers.Call
	var ids []int64
	for rows.Next() {
		c, id, err := scanCall(rows)
		if err != nil {
			return nil, nil, err
		}
		calls, ids = append(calls, c), append(ids, id)
	}
	return calls, ids, rows.Err()
}

func scanCall(rows interface{ Scan(...any) error }) (drivers.Call, int64, error) {
	var c drivers.Call
	var id, local, utc int64
	var dir string
	var pbx sql.NullString
	var legs []byte
	var cost sql.NullInt64
	a := &c.Accounting
	err := rows.Scan(&id, &local, &utc, &c.Duration, &c.Ring, &c.Hold, &dir, &c.Extension,
		&c.ExtensionName, &c.FirstAnswerer, &c.FinalAnswerer, &c.External, &c.ExternalName,
		&c.Dialled, &c.Trunk, &c.AccountCode, &c.Answered, &c.Voicemail, &c.TransferredFrom,
		&c.ForwardedFrom, &c.CallID, &c.Driver, &pbx, &c.Partial, &c.ChargeUnits, &legs, &c.Key,
		&a.ExternalE164, &a.Destination.Country, &a.Destination.Type, &a.Destination.Scope,
		&a.Department, &a.CostCentre, &cost, &a.Currency, &a.Rate)
	a.Cost, a.Rated = cost.Int64, cost.Valid
	if err != nil {
		return c, 0, fmt.Errorf("read call: %w", err)
	}
	c.Direction = drivers.Direction(dir)
	c.PBX = pbx.String
	c.Start = time.Unix(utc, 0).In(time.FixedZone("", int(local-utc)))
	if c.Legs, err = unpackLegs(legs, c.Start); err != nil {
		return c, 0, fmt.Errorf("read legs of call %d: %w", id, err)
	}
	return c, id, nil
}
