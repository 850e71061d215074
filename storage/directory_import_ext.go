package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ExtensionColumns are the CSV columns of extension periods, the key
// (number, with active_from) first.
var ExtensionColumns = []string{"number", "name", "user", "department", "cost_centre", "site", "active_from", "active_to", "unassigned"}

// ImportExtensions adds and updates extension periods from a CSV file in
// one transaction. A row is matched to the stored period of its number
// that starts at active_from (empty: since always); in a file without an
// active_from column, to the number's latest period. A column the file
// lacks keeps its stored values. Departments (by path) and cost centres
// (by code) must exist. The periods of every number in the file are
// checked for overlaps once all rows are stored, so rows may come in any
// order.
func (t *Tenant) ImportExtensions(ctx context.Context, r io.Reader, file string) (ImportStats, error) {
	im := &extImporter{seen: dupes{}, lines: map[int64]int{}, numbers: map[string][]int64{}}
	return t.importCSV(ctx, r, file, ExtensionColumns, im)
}

type extImporter struct {
	seen    dupes
	depts   map[string]int64   // by path, loaded with the first row
	paths   map[int64]string   // by ID
	ccs     map[string]int64   // by code
	lines   map[int64]int      // the line of each period stored
	numbers map[string][]int64 // the periods stored, by number
	order   []string           // numbers in file order
}

func (im *extImporter) row(ctx context.Context, tx *sql.Tx, r csvRow) (outcome, error) {
	if err := im.loadRefs(ctx, tx); err != nil {
		return 0, err
	}
	number, from, err := im.key(r)
	if err != nil {
		return 0, err
	}
	old, found, err := storedPeriod(ctx, tx, number, from, r.has("active_from"))
	if err != nil {
		return 0, err
	}
	old.Department = im.paths[old.DepartmentID]
	e := old
	if !found {
		e = Extension{Number: number, From: from}
	}
	if err := im.apply(&e, r); err != nil {
		return 0, err
	}
	if found && samePeriod(old, e) {
		return unchanged, nil
	}
	if e.ID, err = im.store(ctx, tx, e); err != nil {
		return 0, err
	}
	im.note(e, r.line)
	if found {
		return changed, nil
	}
	return added, nil
}

// key reads the row's number and start, and refuses a second row for the
// same period.
func (im *extImporter) key(r csvRow) (string, time.Time, error) {
	number := r.get("number")
	if err := checkNumber("number", number); err != nil {
		return "", time.Time{}, fieldErr("number", err)
	}
	from, err := ParseWall(r.get("active_from"))
	if err != nil {
		return "", time.Time{}, fieldErr("active_from", err)
	}
	key := number
	if r.has("active_from") {
		key += " starting " + startText(from)
	}
	return number, from, im.seen.check(key, r.line, "active_from")
}

// store inserts e (ID 0) or updates it, its references resolved by the
// import's maps, and returns its ID.
func (im *extImporter) store(ctx context.Context, tx *sql.Tx, e Extension) (int64, error) {
	if err := makeRoom(ctx, tx, e); err != nil {
		return 0, err
	}
	var err error
	dept, cc := im.ref(im.depts, e.Department), im.ref(im.ccs, e.CostCentre)
	if e.ID == 0 {
		e.ID, err = insertExtension(ctx, tx, e, dept, cc)
	} else {
		err = updateExtension(ctx, tx, e, dept, cc)
	}
	if errors.Is(err, ErrOverlap) {
		return 0, fieldErr("active_from", err)
	}
	return e.ID, err
}

func (im *extImporter) loadRefs(ctx context.Context, tx *sql.Tx) error {
	if im.depts != nil {
		return nil
	}
	var err error
	if im.paths, err = departmentPaths(ctx, tx); err != nil {
		return err
	}
	im.depts = map[string]int64{}
	for id, path := range im.paths {
		im.depts[path] = id
	}
	ccs, err := costCentres(ctx, tx)
	im.ccs = map[string]int64{}
	for _, c := range ccs {
		im.ccs[c.Code] = c.ID
	}
	return err
}

// ref is the ID of key in ids, NULL for "".
func (im *extImporter) ref(ids map[string]int64, key string) sql.NullInt64 {
	id, ok := ids[key]
	return sql.NullInt64{Int64: id, Valid: ok && key != ""}
}

// storedPeriod finds the period a row updates: by start if the file gives
// starts, else the number's latest. Its Department is left to the caller.
func storedPeriod(ctx context.Context, q querier, number string, from time.Time, byStart bool) (Extension, bool, error) {
	where, args := "WHERE e.number = ? AND e.active_from IS ?", []any{number, wallArg(from)}
	if !byStart {
		where, args = "WHERE e.number = ? ORDER BY ifnull(e.active_from, ?) DESC LIMIT 1", []any{number, int64(sinceAlways)}
	}
	e, err := scanExtension(q.QueryRowContext(ctx, selectExtension+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return Extension{}, false, nil
	}
	return e, err == nil, err
}

// apply sets the fields of e the row has, and checks them.
func (im *extImporter) apply(e *Extension, r csvRow) error {
	for _, f := range []struct {
		column string
		v      *string
	}{{"name", &e.Name}, {"user", &e.User}, {"site", &e.Site}} {
		if r.has(f.column) {
			*f.v = r.get(f.column)
		}
		if err := checkText(f.column, *f.v); err != nil {
			return fieldErr(f.column, err)
		}
	}
	if err := im.applyRefs(e, r); err != nil {
		return err
	}
	if r.has("active_to") {
		to, err := ParseWall(r.get("active_to"))
		if err == nil && !to.IsZero() && !e.From.IsZero() && wallSeconds(to) <= wallSeconds(e.From) {
			err = fmt.Errorf("%s is not after active_from %s", FormatWall(to), FormatWall(e.From))
		}
		if err != nil {
			return fieldErr("active_to", err)
		}
		e.To = to
	}
	if r.has("unassigned") {
		v, err := parseYesNo(r.get("unassigned"))
		if err != nil {
			return fieldErr("unassigned", err)
		}
		e.Unassigned = v
	}
	return nil
}

func (im *extImporter) applyRefs(e *Extension, r csvRow) error {
	if r.has("department") {
		e.Department = normalPath(r.get("department"))
		if _, ok := im.depts[e.Department]; !ok && e.Department != "" {
			return fieldErr("department", fmt.Errorf("no department %q (add it with calltally dept add, or import the departments first)", e.Department))
		}
	}
	if r.has("cost_centre") {
		e.CostCentre = r.get("cost_centre")
		if _, ok := im.ccs[e.CostCentre]; !ok && e.CostCentre != "" {
			return fieldErr("cost_centre", fmt.Errorf("no cost centre %q (add it with calltally costcentre add, or import the cost centres first)", e.CostCentre))
		}
	}
	return nil
}

func parseYesNo(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "no", "false", "0":
		return false, nil
	case "yes", "true", "1":
		return true, nil
	}
	return false, fmt.Errorf("%q: want yes or no", s)
}

// samePeriod reports whether storing b over a would change nothing.
func samePeriod(a, b Extension) bool {
	return a.Name == b.Name && a.User == b.User && a.Department == b.Department && a.CostCentre == b.CostCentre &&
		a.Site == b.Site && a.Unassigned == b.Unassigned &&
		FormatWall(a.From) == FormatWall(b.From) && FormatWall(a.To) == FormatWall(b.To)
}

func (im *extImporter) note(e Extension, line int) {
	if _, seen := im.numbers[e.Number]; !seen {
		im.order = append(im.order, e.Number)
	}
	im.numbers[e.Number] = append(im.numbers[e.Number], e.ID)
	im.lines[e.ID] = line
}

// finish settles every number the file stored a period of, reporting an
// overlap on the line of the file's period.
func (im *extImporter) finish(ctx context.Context, tx *sql.Tx, file string) ([]RowError, error) {
	var errs []RowError
	for _, number := range im.order {
		err := settle(ctx, tx, number, im.numbers[number]...)
		var oe *OverlapError
		if errors.As(err, &oe) {
			line := im.lines[oe.ID]
			if line == 0 {
				line = im.lines[oe.OtherID]
			}
			errs = append(errs, RowError{file, line, "active_from", oe.Error()})
		} else if err != nil {
			return nil, err
		}
	}
	return errs, nil
}

// ExportExtensions writes every extension period as ImportExtensions
// reads them.
func (t *Tenant) ExportExtensions(ctx context.Context, w io.Writer) error {
	list, err := t.Extensions(ctx, ExtensionFilter{})
	if err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, e := range list {
		rows[i] = []string{e.Number, e.Name, e.User, e.Department, e.CostCentre, e.Site,
			FormatWall(e.From), FormatWall(e.To), map[bool]string{true: "yes", false: "no"}[e.Unassigned]}
	}
	return writeCSV(w, ExtensionColumns, rows)
}
