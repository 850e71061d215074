package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The directory (extensions, departments, cost centres, phonebook) lives in
// each tenant's database (migration 0005). Its query functions are in the
// directory_*.go files; this one holds what they share.

var (
	// ErrOverlap is returned when two periods of one extension number
	// would overlap (see OverlapError).
	ErrOverlap = errors.New("periods overlap")
	// ErrInUse is returned when a department or cost centre to remove is
	// still referred to.
	ErrInUse = errors.New("in use")
)

// querier is what *sql.DB and *sql.Tx share: query functions that run
// alone or inside a caller's transaction (an import, an ingest batch) take
// one.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a write transaction and commits if it returns nil.
func (t *Tenant) inTx(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// DirectoryVersion returns a number that changes whenever the directory
// does, by any process: triggers keep it (migration 0005).
func (t *Tenant) DirectoryVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := t.db.QueryRowContext(ctx, "SELECT version FROM directory_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("directory version: %w", err)
	}
	return v, nil
}

// checkText rejects a value with spaces around it or control characters:
// what was typed or imported by mistake, and what would break a table.
func checkText(what, s string) error {
	if strings.TrimSpace(s) != s || strings.ContainsFunc(s, unicode.IsControl) {
		return fmt.Errorf("%s %q: want no spaces around it and no control characters", what, s)
	}
	return nil
}

// checkNumber checks an extension or phone number: not empty, no spaces.
func checkNumber(what, s string) error {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return fmt.Errorf("%s %q: want a number without spaces", what, s)
	}
	return nil
}

func isConstraint(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == code
}

func isUnique(err error) bool { return isConstraint(err, sqlite3.SQLITE_CONSTRAINT_UNIQUE) }

// wallArg is the column value of a period bound: its wall-clock seconds
// (as calls.start_local), NULL for the zero time (unbounded).
func wallArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return wallSeconds(t)
}

// wallTime reads a period bound: the wall clock labelled UTC, or the zero
// time for NULL.
func wallTime(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0).UTC()
}

// ParseWall reads a period bound as the command line and CSV files write
// it: a site wall-clock date (YYYY-MM-DD, the start of that day) or
// date-time (YYYY-MM-DDTHH:MM[:SS]), labelled UTC; empty is the zero time
// (since always, or open).
func ParseWall(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", s)
}

// FormatWall writes a period bound as ParseWall reads it: the date alone
// at midnight, "" for the zero time.
func FormatWall(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05")
}

// IsBusy reports whether err is SQLite saying that another connection
// held the database past the busy timeout: worth trying again later.
func IsBusy(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}
