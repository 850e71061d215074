package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// A PhonebookEntry names an outside number, to label the calls to and
// from it.
type PhonebookEntry struct {
	ID int64
	// Number is the number as the site's PBX writes it ("0301234567").
	Number string
	// E164 is its international form ("+49301234567") when known, so that
	// a number the PBX writes another way (with a trunk prefix, with the
	// country code) is found too once calls carry their E.164 form.
	E164    string
	Name    string
	Company string
}

// Check reports whether p can be stored.
func (p PhonebookEntry) Check() error {
	if err := checkNumber("phonebook number", p.Number); err != nil {
		return err
	}
	if err := checkE164(p.E164); err != nil {
		return err
	}
	if err := checkText("phonebook name", p.Name); err != nil {
		return err
	}
	return checkText("phonebook company", p.Company)
}

// checkE164 accepts "" or + and 2 to 15 digits, the first not 0.
func checkE164(s string) error {
	digits, ok := strings.CutPrefix(s, "+")
	valid := ok && len(digits) >= 2 && len(digits) <= 15 && digits[0] != '0' &&
		strings.Trim(digits, "0123456789") == ""
	if s != "" && !valid {
		return fmt.Errorf("E.164 number %q: want + and up to 15 digits, e.g. +49301234567", s)
	}
	return nil
}

const selectPhone = "SELECT id, number, e164, name, company FROM phonebook "

// PhonebookEntries returns the phonebook ordered by number.
func (t *Tenant) PhonebookEntries(ctx context.Context) ([]PhonebookEntry, error) {
	return phonebook(ctx, t.db)
}

func phonebook(ctx context.Context, q querier) ([]PhonebookEntry, error) {
	rows, err := q.QueryContext(ctx, selectPhone+"ORDER BY length(number), number")
	if err != nil {
		return nil, fmt.Errorf("list phonebook: %w", err)
	}
	defer rows.Close()
	var list []PhonebookEntry
	for rows.Next() {
		p, err := scanPhone(rows)
		if err != nil {
			return nil, fmt.Errorf("list phonebook: %w", err)
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

func scanPhone(row interface{ Scan(...any) error }) (PhonebookEntry, error) {
	var p PhonebookEntry
	err := row.Scan(&p.ID, &p.Number, &p.E164, &p.Name, &p.Company)
	return p, err
}

// PhonebookEntry returns the entry for number, as written in the phonebook.
func (t *Tenant) PhonebookEntry(ctx context.Context, number string) (PhonebookEntry, error) {
	return phonebookEntry(ctx, t.db, number)
}

func phonebookEntry(ctx context.Context, q querier, number string) (PhonebookEntry, error) {
	p, err := scanPhone(q.QueryRowContext(ctx, selectPhone+"WHERE number = ?", number))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("phonebook number %q: %w", number, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("phonebook number %q: %w", number, err)
	}
	return p, nil
}

// LookupPhone returns the entry that names a call's outside number:
// the entry written as number, else the one whose E.164 form is e164 (if
// given) or is number itself (a PBX that writes +49…).
func (t *Tenant) LookupPhone(ctx context.Context, number, e164 string) (PhonebookEntry, bool, error) {
	p, err := scanPhone(t.db.QueryRowContext(ctx, selectPhone+`WHERE number = ?1
		OR (e164 <> '' AND e164 IN (?1, ?2)) ORDER BY number = ?1 DESC, length(number), number LIMIT 1`, number, e164))
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("look up %q in the phonebook: %w", number, err)
	}
	return p, true, nil
}

// AddPhonebookEntry stores a new entry and returns its ID.
func (t *Tenant) AddPhonebookEntry(ctx context.Context, p PhonebookEntry) (int64, error) {
	return addPhone(ctx, t.db, p)
}

func addPhone(ctx context.Context, q querier, p PhonebookEntry) (int64, error) {
	if err := p.Check(); err != nil {
		return 0, err
	}
	var id int64
	err := q.QueryRowContext(ctx, "INSERT INTO phonebook (number, e164, name, company) VALUES (?, ?, ?, ?) RETURNING id",
		p.Number, p.E164, p.Name, p.Company).Scan(&id)
	if isUnique(err) {
		return 0, fmt.Errorf("phonebook number %q: %w", p.Number, ErrExists)
	}
	if err != nil {
		return 0, fmt.Errorf("add phonebook number %q: %w", p.Number, err)
	}
	return id, nil
}

// UpdatePhonebookEntry stores p over the entry with p.ID.
func (t *Tenant) UpdatePhonebookEntry(ctx context.Context, p PhonebookEntry) error {
	return updatePhone(ctx, t.db, p)
}

func updatePhone(ctx context.Context, q querier, p PhonebookEntry) error {
	if err := p.Check(); err != nil {
		return err
	}
	res, err := q.ExecContext(ctx, "UPDATE phonebook SET number = ?, e164 = ?, name = ?, company = ? WHERE id = ?",
		p.Number, p.E164, p.Name, p.Company, p.ID)
	if isUnique(err) {
		return fmt.Errorf("phonebook number %q: %w", p.Number, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("update phonebook number %q: %w", p.Number, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("phonebook entry %d: %w", p.ID, ErrNotFound)
	}
	return nil
}

// RemovePhonebookEntry removes the entry for number.
func (t *Tenant) RemovePhonebookEntry(ctx context.Context, number string) error {
	res, err := t.db.ExecContext(ctx, "DELETE FROM phonebook WHERE number = ?", number)
	if err != nil {
		return fmt.Errorf("remove phonebook number %q: %w", number, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("phonebook number %q: %w", number, ErrNotFound)
	}
	return nil
}
