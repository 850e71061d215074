package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// An Extension is one period in which an extension number had one holder.
// A desk that changes hands is two periods of the same number, so that
// each call keeps the holder it had when it was made.
type Extension struct {
	ID         int64
	Number     string
	Name       string // the extension's label ("Reception 2", "Anna Berg")
	User       string // who has it
	Department string // the department's path, "" for none
	CostCentre string // the cost centre's code, "" for none
	Site       string
	// From and To bound the period in the site's wall clock, as call
	// starts are compared: From inclusive, To exclusive. A zero From is
	// "since always", a zero To "open". Read back, they are the wall clock
	// labelled UTC.
	From, To time.Time
	// Unassigned marks an entry added because calls used the number while
	// the directory did not know it (AddUnassigned). Such periods yield to
	// assigned ones: adding an assigned period cuts them around it.
	Unassigned bool
	// DepartmentID and CostCentreID are filled when read (0 for none);
	// writes go by Department and CostCentre.
	DepartmentID, CostCentreID int64
}

// Check reports whether e can be stored, as far as e alone says: that its
// department and cost centre exist and its period overlaps no other is
// checked when it is stored.
func (e Extension) Check() error {
	if err := checkNumber("extension number", e.Number); err != nil {
		return err
	}
	for _, f := range []struct{ what, v string }{{"name", e.Name}, {"user", e.User}, {"site", e.Site}, {"cost centre", e.CostCentre}} {
		if err := checkText("extension "+f.what, f.v); err != nil {
			return err
		}
	}
	if e.Department != "" {
		if _, err := SplitDepartmentPath(e.Department); err != nil {
			return err
		}
	}
	if !e.From.IsZero() && !e.To.IsZero() && wallSeconds(e.To) <= wallSeconds(e.From) {
		return fmt.Errorf("extension %s: period ends (%s) before it starts (%s)", e.Number, FormatWall(e.To), FormatWall(e.From))
	}
	return nil
}

// The unbounded ends of a period, as compared in SQL and Go.
const (
	sinceAlways = math.MinInt64
	openEnd     = math.MaxInt64
)

// selectExtension reads extension periods; fillPaths adds the department
// paths, read once for all rows rather than per row.
const selectExtension = `SELECT e.id, e.number, e.name, e.user_name, ifnull(e.department_id, 0), ifnull(c.code, ''),
	ifnull(e.cost_centre_id, 0), e.site, e.active_from, e.active_to, e.unassigned
	FROM extensions e LEFT JOIN cost_centres c ON c.id = e.cost_centre_id `

// ExtensionFilter selects extension periods; zero fields select all.
type ExtensionFilter struct {
	Number     string
	At         time.Time // only the periods valid at this wall-clock time
	Unassigned bool      // only unassigned entries
}

func (f ExtensionFilter) where() (string, []any) {
	conds, args := []string{"1"}, []any{}
	if f.Number != "" {
		conds, args = append(conds, "e.number = ?"), append(args, f.Number)
	}
	if !f.At.IsZero() {
		s := wallSeconds(f.At)
		conds = append(conds, "ifnull(e.active_from, ?) <= ? AND ifnull(e.active_to, ?) > ?")
		args = append(args, int64(sinceAlways), s, int64(openEnd), s)
	}
	if f.Unassigned {
		conds = append(conds, "e.unassigned")
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// Extensions returns the periods f selects, by number (shorter numbers
// first, so 99 before 100) and start.
func (t *Tenant) Extensions(ctx context.Context, f ExtensionFilter) ([]Extension, error) {
	return extensions(ctx, t.db, f)
}

func extensions(ctx context.Context, q querier, f ExtensionFilter) ([]Extension, error) {
	where, args := f.where()
	rows, err := q.QueryContext(ctx, selectExtension+where+
		" ORDER BY length(e.number), e.number, ifnull(e.active_from, ?)", append(args, int64(sinceAlways))...)
	if err != nil {
		return nil, fmt.Errorf("list extensions: %w", err)
	}
	defer rows.Close()
	var list []Extension
	for rows.Next() {
		e, err := scanExtension(rows)
		if err != nil {
			return nil, fmt.Errorf("list extensions: %w", err)
		}
		list = append(list, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list extensions: %w", err)
	}
	return list, fillPaths(ctx, q, list)
}

func scanExtension(row interface{ Scan(...any) error }) (Extension, error) {
	var e Extension
	var from, to sql.NullInt64
	err := row.Scan(&e.ID, &e.Number, &e.Name, &e.User, &e.DepartmentID, &e.CostCentre, &e.CostCentreID,
		&e.Site, &from, &to, &e.Unassigned)
	e.From, e.To = wallTime(from), wallTime(to)
	return e, err
}

// fillPaths sets the Department path of each of list from its ID.
func fillPaths(ctx context.Context, q querier, list []Extension) error {
	if !slices.ContainsFunc(list, func(e Extension) bool { return e.DepartmentID != 0 }) {
		return nil
	}
	paths, err := departmentPaths(ctx, q)
	if err != nil {
		return err
	}
	for i := range list {
		list[i].Department = paths[list[i].DepartmentID]
	}
	return nil
}

// ExtensionAt returns the directory entry of number valid at at, a call's
// start: its wall clock is compared, as calls.start_local stores it. ok is
// false when the number has no period then. For many calls, use a
// Directory instead.
func (t *Tenant) ExtensionAt(ctx context.Context, number string, at time.Time) (Extension, bool, error) {
	list, err := extensions(ctx, t.db, ExtensionFilter{Number: number, At: at})
	if err != nil || len(list) == 0 {
		return Extension{}, false, err
	}
	return list[0], true, nil
}

// extensionAt is the period of number valid at at, or with a zero at, the
// number's latest period.
func extensionAt(ctx context.Context, q querier, number string, at time.Time) (Extension, error) {
	list, err := extensions(ctx, q, ExtensionFilter{Number: number, At: at})
	switch {
	case err != nil:
		return Extension{}, err
	case len(list) > 0 && at.IsZero():
		return list[len(list)-1], nil
	case len(list) > 0:
		return list[0], nil
	case at.IsZero():
		return Extension{}, fmt.Errorf("extension %s: %w", number, ErrNotFound)
	}
	return Extension{}, fmt.Errorf("extension %s at %s: %w", number, FormatWall(at), ErrNotFound)
}

// AddExtension stores a new period and returns it with its ID.
func (t *Tenant) AddExtension(ctx context.Context, e Extension) (Extension, error) {
	if err := e.Check(); err != nil {
		return e, err
	}
	e.ID = 0
	err := t.inTx(ctx, "add extension", func(tx *sql.Tx) error {
		var err error
		if e.ID, err = putExtension(ctx, tx, e); err != nil {
			return err
		}
		return settle(ctx, tx, e.Number, e.ID)
	})
	if err != nil {
		e.ID = 0 // rolled back
	}
	return e, err
}

// UpdateExtension stores e over the period with e.ID, which must be a
// period of e.Number: a number is not renumbered, it is removed and added.
func (t *Tenant) UpdateExtension(ctx context.Context, e Extension) error {
	if err := e.Check(); err != nil {
		return err
	}
	return t.inTx(ctx, "update extension", func(tx *sql.Tx) error {
		if _, err := putExtension(ctx, tx, e); err != nil {
			return err
		}
		return settle(ctx, tx, e.Number, e.ID)
	})
}

// EditExtension changes, in place, the period of number valid at at (with
// a zero at, its latest): a correction that rewrites history. To change
// who has a desk from a date on, use MoveExtension.
func (t *Tenant) EditExtension(ctx context.Context, number string, at time.Time, edit func(*Extension) error) (Extension, error) {
	var e Extension
	err := t.inTx(ctx, "edit extension", func(tx *sql.Tx) error {
		var err error
		if e, err = extensionAt(ctx, tx, number, at); err != nil {
			return err
		}
		if err := edit(&e); err != nil {
			return err
		}
		e.Number = number
		if err := e.Check(); err != nil {
			return err
		}
		if _, err := putExtension(ctx, tx, e); err != nil {
			return err
		}
		return settle(ctx, tx, number, e.ID)
	})
	return e, err
}

// MoveExtension changes number from from on, keeping history: the period
// valid at from is closed at from and a new one opens there, a copy of it
// changed by edit, assigned, and ending where the old one ended. A period
// that starts exactly at from is changed in place.
func (t *Tenant) MoveExtension(ctx context.Context, number string, from time.Time, edit func(*Extension) error) (Extension, error) {
	var e Extension
	if from.IsZero() {
		return e, fmt.Errorf("move extension %s: want the date the change takes effect", number)
	}
	err := t.inTx(ctx, "move extension", func(tx *sql.Tx) error {
		old, err := extensionAt(ctx, tx, number, from)
		if err != nil {
			return err
		}
		e = old
		if err := edit(&e); err != nil {
			return err
		}
		e.Number, e.From, e.To, e.Unassigned = number, from, old.To, false
		if err := e.Check(); err != nil {
			return err
		}
		if old.From.IsZero() || wallSeconds(old.From) != wallSeconds(from) {
			err = closeExtension(ctx, tx, old.ID, e)
			e.ID = 0
		}
		if err == nil {
			e.ID, err = putExtension(ctx, tx, e)
		}
		if err != nil {
			return err
		}
		return settle(ctx, tx, number, e.ID)
	})
	return e, err
}

// closeExtension ends the period with id where e starts.
func closeExtension(ctx context.Context, q querier, id int64, e Extension) error {
	if _, err := q.ExecContext(ctx, "UPDATE extensions SET active_to = ? WHERE id = ?", wallArg(e.From), id); err != nil {
		return fmt.Errorf("close extension %s at %s: %w", e.Number, FormatWall(e.From), err)
	}
	return nil
}

// RemoveExtension removes the period of number valid at at, or with a
// zero at every period of number, and returns how many it removed.
func (t *Tenant) RemoveExtension(ctx context.Context, number string, at time.Time) (int, error) {
	q, args := "DELETE FROM extensions WHERE number = ?", []any{number}
	if !at.IsZero() {
		s := wallSeconds(at)
		q += " AND ifnull(active_from, ?) <= ? AND ifnull(active_to, ?) > ?"
		args = append(args, int64(sinceAlways), s, int64(openEnd), s)
	}
	res, err := t.db.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("remove extension %s: %w", number, err)
	}
	n, _ := res.RowsAffected()
	if n == 0 && at.IsZero() {
		return 0, fmt.Errorf("extension %s: %w", number, ErrNotFound)
	}
	if n == 0 {
		return 0, fmt.Errorf("extension %s at %s: %w", number, FormatWall(at), ErrNotFound)
	}
	return int(n), nil
}

// extensionRefs returns the IDs of e's department and cost centre (NULL
// for none).
func extensionRefs(ctx context.Context, q querier, e Extension) (dept, cc sql.NullInt64, err error) {
	if e.Department != "" {
		if dept.Int64, err = departmentID(ctx, q, e.Department); err != nil {
			return dept, cc, err
		}
		dept.Valid = true
	}
	if e.CostCentre != "" {
		c, err := costCentre(ctx, q, e.CostCentre)
		if err != nil {
			return dept, cc, err
		}
		cc = sql.NullInt64{Int64: c.ID, Valid: true}
	}
	return dept, cc, nil
}

// putExtension resolves e's department and cost centre and inserts e
// (with ID 0) or updates it; it returns e's ID.
func putExtension(ctx context.Context, q querier, e Extension) (int64, error) {
	dept, cc, err := extensionRefs(ctx, q, e)
	if err == nil {
		err = makeRoom(ctx, q, e)
	}
	if err != nil {
		return 0, err
	}
	if e.ID == 0 {
		return insertExtension(ctx, q, e, dept, cc)
	}
	return e.ID, updateExtension(ctx, q, e, dept, cc)
}

// insertExtension stores e with its department and cost centre IDs (see
// extensionRefs).
func insertExtension(ctx context.Context, q querier, e Extension, dept, cc sql.NullInt64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `INSERT INTO extensions (number, name, user_name, department_id, cost_centre_id,
		site, active_from, active_to, unassigned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		e.Number, e.Name, e.User, dept, cc, e.Site, wallArg(e.From), wallArg(e.To), e.Unassigned).Scan(&id)
	return id, periodTaken(err, e, "add")
}

func updateExtension(ctx context.Context, q querier, e Extension, dept, cc sql.NullInt64) error {
	res, err := q.ExecContext(ctx, `UPDATE extensions SET name = ?, user_name = ?, department_id = ?,
		cost_centre_id = ?, site = ?, active_from = ?, active_to = ?, unassigned = ? WHERE id = ? AND number = ?`,
		e.Name, e.User, dept, cc, e.Site, wallArg(e.From), wallArg(e.To), e.Unassigned, e.ID, e.Number)
	if err != nil {
		return periodTaken(err, e, "update")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("extension %s: no period %d: %w", e.Number, e.ID, ErrNotFound)
	}
	return nil
}

// periodTaken turns the unique index on (number, start) into ErrOverlap.
func periodTaken(err error, e Extension, verb string) error {
	switch {
	case err == nil:
		return nil
	case isUnique(err):
		return fmt.Errorf("extension %s already has a period starting %s: %w", e.Number, startText(e.From), ErrOverlap)
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%s extension %s: %w", verb, e.Number, ErrNotFound)
	}
	return fmt.Errorf("%s extension %s: %w", verb, e.Number, err)
}
