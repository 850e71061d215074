package storage

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"strings"
)

// The CSV columns of each directory list, the key first. README.md
// documents them (section Directory).
var (
	DepartmentColumns = []string{"path"}
	CostCentreColumns = []string{"code", "name"}
	PhonebookColumns  = []string{"number", "e164", "name", "company"}
)

// ImportDepartments adds the departments of a CSV file (column path) that
// do not exist, with the departments above them. file names r in errors.
func (t *Tenant) ImportDepartments(ctx context.Context, r io.Reader, file string) (ImportStats, error) {
	return t.importCSV(ctx, r, file, DepartmentColumns, &deptImporter{dupes{}})
}

type deptImporter struct{ seen dupes }

func (im *deptImporter) row(ctx context.Context, tx *sql.Tx, r csvRow) (outcome, error) {
	names, err := SplitDepartmentPath(r.get("path"))
	if err != nil {
		return 0, fieldErr("path", err)
	}
	if err := im.seen.check(strings.Join(names, "/"), r.line, "path"); err != nil {
		return 0, err
	}
	_, isNew, err := walkDepartments(ctx, tx, names, true)
	if isNew {
		return added, err
	}
	return unchanged, err
}

func (im *deptImporter) finish(context.Context, *sql.Tx, string) ([]RowError, error) { return nil, nil }

// ExportDepartments writes every department as ImportDepartments reads
// them, parents first.
func (t *Tenant) ExportDepartments(ctx context.Context, w io.Writer) error {
	list, err := t.Departments(ctx)
	if err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, d := range list {
		rows[i] = []string{d.Path}
	}
	return writeCSV(w, DepartmentColumns, rows)
}

// ImportCostCentres adds and updates cost centres from a CSV file, matched
// by code; a column the file lacks keeps its stored values.
func (t *Tenant) ImportCostCentres(ctx context.Context, r io.Reader, file string) (ImportStats, error) {
	return t.importCSV(ctx, r, file, CostCentreColumns, &costCentreImporter{dupes{}})
}

type costCentreImporter struct{ seen dupes }

func (im *costCentreImporter) row(ctx context.Context, tx *sql.Tx, r csvRow) (outcome, error) {
	c := CostCentre{Code: r.get("code"), Name: r.get("name")}
	if c.Code == "" {
		return 0, fieldErr("code", errors.New("empty: want the cost centre's code"))
	}
	if err := checkText("code", c.Code); err != nil {
		return 0, fieldErr("code", err)
	}
	if err := checkText("name", c.Name); err != nil {
		return 0, fieldErr("name", err)
	}
	if err := im.seen.check(c.Code, r.line, "code"); err != nil {
		return 0, err
	}
	old, err := costCentre(ctx, tx, c.Code)
	if errors.Is(err, ErrNotFound) {
		_, err = addCostCentre(ctx, tx, c)
		return added, err
	}
	if err != nil || !r.has("name") || old.Name == c.Name {
		return unchanged, err
	}
	old.Name = c.Name
	return changed, updateCostCentre(ctx, tx, old)
}

func (im *costCentreImporter) finish(context.Context, *sql.Tx, string) ([]RowError, error) {
	return nil, nil
}

// ExportCostCentres writes every cost centre as ImportCostCentres reads
// them.
func (t *Tenant) ExportCostCentres(ctx context.Context, w io.Writer) error {
	list, err := t.CostCentres(ctx)
	if err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, c := range list {
		rows[i] = []string{c.Code, c.Name}
	}
	return writeCSV(w, CostCentreColumns, rows)
}

// ImportPhonebook adds and updates phonebook entries from a CSV file,
// matched by number; a column the file lacks keeps its stored values.
func (t *Tenant) ImportPhonebook(ctx context.Context, r io.Reader, file string) (ImportStats, error) {
	return t.importCSV(ctx, r, file, PhonebookColumns, &phoneImporter{dupes{}})
}

type phoneImporter struct{ seen dupes }

func (im *phoneImporter) row(ctx context.Context, tx *sql.Tx, r csvRow) (outcome, error) {
	number := r.get("number")
	if err := checkNumber("number", number); err != nil {
		return 0, fieldErr("number", err)
	}
	if err := im.seen.check(number, r.line, "number"); err != nil {
		return 0, err
	}
	p, err := phonebookEntry(ctx, tx, number)
	isNew := errors.Is(err, ErrNotFound)
	if err != nil && !isNew {
		return 0, err
	}
	old := p
	for _, f := range []struct {
		column string
		v      *string
	}{{"e164", &p.E164}, {"name", &p.Name}, {"company", &p.Company}} {
		if r.has(f.column) {
			*f.v = r.get(f.column)
		}
	}
	if err := phoneFieldsValid(p); err != nil {
		return 0, err
	}
	switch {
	case isNew:
		p.Number = number
		_, err = addPhone(ctx, tx, p)
		return added, err
	case p == old:
		return unchanged, nil
	}
	return changed, updatePhone(ctx, tx, p)
}

func phoneFieldsValid(p PhonebookEntry) error {
	if err := checkE164(p.E164); err != nil {
		return fieldErr("e164", err)
	}
	if err := checkText("name", p.Name); err != nil {
		return fieldErr("name", err)
	}
	return fieldErr("company", checkText("company", p.Company))
}

func (im *phoneImporter) finish(context.Context, *sql.Tx, string) ([]RowError, error) {
	return nil, nil
}

// ExportPhonebook writes the phonebook as ImportPhonebook reads it.
func (t *Tenant) ExportPhonebook(ctx context.Context, w io.Writer) error {
	list, err := t.PhonebookEntries(ctx)
	if err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, p := range list {
		rows[i] = []string{p.Number, p.E164, p.Name, p.Company}
	}
	return writeCSV(w, PhonebookColumns, rows)
}
