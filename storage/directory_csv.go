package storage

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Every directory list is imported and exported as CSV: a header row of
// the documented column names (any order; only the key column required),
// then one row per entry. An import runs in one transaction and commits
// only if every row is valid, so a file with a mistake changes nothing;
// rows are matched to stored entries by their key, so importing the same
// file again changes nothing, and an export imports back to the same
// directory.

// ImportStats counts what an import did.
type ImportStats struct{ Added, Changed, Unchanged int }

// A RowError is a problem with one row of an imported file.
type RowError struct {
	File   string
	Line   int
	Column string // "" when the problem is the row as a whole
	Reason string
}

func (e RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s:%d: column %s: %s", e.File, e.Line, e.Column, e.Reason)
}

// ImportErrors are all the problems found in a file, in line order; an
// import that finds any imports nothing.
type ImportErrors []RowError

func (e ImportErrors) Error() string {
	lines := make([]string, len(e))
	for i, re := range e {
		lines[i] = re.Error()
	}
	return strings.Join(lines, "\n")
}

// fieldError is a problem with one column of the row being imported.
type fieldError struct {
	column string
	err    error
}

func (e *fieldError) Error() string { return e.err.Error() }

func fieldErr(column string, err error) error {
	if err == nil {
		return nil
	}
	return &fieldError{column, err}
}

type outcome int

const (
	unchanged outcome = iota
	added
	changed
)

// csvRow is one row of an imported file, with the header's columns.
type csvRow struct {
	line   int
	fields []string
	cols   map[string]int
}

// has reports whether the file has column.
func (r csvRow) has(column string) bool {
	_, ok := r.cols[column]
	return ok
}

// get returns the value of column, trimmed; "" if the file has no such
// column.
func (r csvRow) get(column string) string {
	if i, ok := r.cols[column]; ok && i < len(r.fields) {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

// An importer stores the rows of one list. row returns a *fieldError for
// a problem with the row (the import goes on to find more), any other
// error to stop; finish checks what spans rows once all are stored.
type importer interface {
	row(ctx context.Context, tx *sql.Tx, r csvRow) (outcome, error)
	finish(ctx context.Context, tx *sql.Tx, file string) ([]RowError, error)
}

// importCSV reads the file r (called file in errors) with columns (the key
// first) and stores its rows with imp in one transaction.
func (t *Tenant) importCSV(ctx context.Context, r io.Reader, file string, columns []string, imp importer) (ImportStats, error) {
	var stats ImportStats
	rd, cols, err := openCSV(r, file, columns)
	if err != nil {
		return stats, err
	}
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return stats, fmt.Errorf("import %s: %w", file, err)
	}
	defer tx.Rollback()
	errs, err := importRows(ctx, tx, rd, file, cols, imp, &stats)
	if err != nil {
		return ImportStats{}, fmt.Errorf("import %s: %w", file, err)
	}
	if len(errs) == 0 {
		more, err := imp.finish(ctx, tx, file)
		if err != nil {
			return ImportStats{}, fmt.Errorf("import %s: %w", file, err)
		}
		errs = more
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b RowError) int { return a.Line - b.Line })
		return ImportStats{}, ImportErrors(errs)
	}
	if err := tx.Commit(); err != nil {
		return ImportStats{}, fmt.Errorf("import %s: %w", file, err)
	}
	return stats, nil
}

func importRows(ctx context.Context, tx *sql.Tx, rd *csv.Reader, file string, cols map[string]int, imp importer, stats *ImportStats) ([]RowError, error) {
	var errs []RowError
	for {
		fields, err := rd.Read()
		if err == io.EOF {
			return errs, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			errs = append(errs, RowError{file, pe.StartLine, "", csvReason(pe, len(cols))})
			if errors.Is(err, csv.ErrFieldCount) {
				continue
			}
			return errs, nil // the reader cannot find the next row
		} else if err != nil {
			return nil, err
		}
		line, _ := rd.FieldPos(0) // where the row starts, even if a field spans lines
		out, err := imp.row(ctx, tx, csvRow{line, fields, cols})
		var fe *fieldError
		if errors.As(err, &fe) {
			errs = append(errs, RowError{file, line, fe.column, fe.Error()})
			continue
		} else if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch out {
		case added:
			stats.Added++
		case changed:
			stats.Changed++
		default:
			stats.Unchanged++
		}
	}
}

func csvReason(pe *csv.ParseError, want int) string {
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return fmt.Sprintf("want %d fields, as in the header", want)
	}
	return pe.Err.Error()
}

// openCSV reads the header of r: known column names in any order (case,
// spaces and dashes aside), the key column (the first of columns)
// required. It takes ";" as the separator when the header has semicolons
// and no commas, as spreadsheets set to a decimal comma write, and skips a
// UTF-8 byte-order mark.
func openCSV(r io.Reader, file string, columns []string) (*csv.Reader, map[string]int, error) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	first, _ := br.Peek(4096) // the header line, unless it is very long
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	rd := csv.NewReader(br)
	if bytes.Contains(first, []byte(";")) && !bytes.Contains(first, []byte(",")) {
		rd.Comma = ';'
	}
	header, err := rd.Read()
	if err == io.EOF {
		return nil, nil, ImportErrors{{file, 1, "", "empty file: want a header row of " + strings.Join(columns, ",")}}
	} else if err != nil {
		return nil, nil, ImportErrors{{file, 1, "", err.Error()}}
	}
	cols, errs := readHeader(header, file, columns)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return rd, cols, nil
}

func readHeader(header []string, file string, columns []string) (map[string]int, ImportErrors) {
	cols := map[string]int{}
	var errs ImportErrors
	for i, h := range header {
		name := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(h)))
		if _, dup := cols[name]; dup {
			errs = append(errs, RowError{file, 1, name, "named twice in the header"})
		} else if !slices.Contains(columns, name) {
			errs = append(errs, RowError{file, 1, h, "unknown column (want " + strings.Join(columns, ",") + ")"})
		}
		cols[name] = i
	}
	if _, ok := cols[columns[0]]; !ok && len(errs) == 0 {
		errs = append(errs, RowError{file, 1, columns[0], "missing from the header (want " + strings.Join(columns, ",") + ")"})
	}
	return cols, errs
}

// dupes remembers the line of each key seen in a file.
type dupes map[string]int

func (d dupes) check(key string, line int, column string) error {
	if first, ok := d[key]; ok {
		return fieldErr(column, fmt.Errorf("%q is on line %d already", key, first))
	}
	d[key] = line
	return nil
}

// writeCSV writes a header of columns and rows.
func writeCSV(w io.Writer, columns []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.Write(columns)
	cw.WriteAll(rows) // flushes
	return cw.Error()
}
