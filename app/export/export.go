package export

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// Progress is told how many of total rows are written; total is 0 when
// unknown. It is called from the exporting goroutine.
type Progress func(done, total int64)

// Format is a file format an export writes.
type Format int

const (
	FormatCSV Format = iota
	FormatXLSX
)

// Ext is the usual file name extension of the format, with its dot.
func (f Format) Ext() string {
	if f == FormatXLSX {
		return ".xlsx"
	}
	return ".csv"
}

// progressEvery is how many rows pass between progress reports.
const progressEvery = 1000

// each streams the calls f selects to row, counting them first so that
// progress has a total, and stops when ctx ends.
func each(ctx context.Context, t *storage.Tenant, f storage.CallFilter, progress Progress, row func(*drivers.Call) error) (int, error) {
	total, err := t.CountCalls(ctx, f)
	if err != nil {
		return 0, err
	}
	if f.Limit > 0 {
		total = min(total, f.Limit)
	}
	n := 0
	report := func() {
		if progress != nil {
			progress(int64(n), int64(total))
		}
	}
	report()
	err = t.EachCall(ctx, f, func(c *drivers.Call) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := row(c); err != nil {
			return err
		}
		if n++; n%progressEvery == 0 {
			report()
		}
		return nil
	})
	report()
	return n, err
}

// CSV writes the calls f selects to w as CSV (UTF-8 with a byte order
// mark, which Excel needs to read it as UTF-8), a header of localised
// titles first, and returns the number of calls written.
func CSV(ctx context.Context, w io.Writer, t *storage.Tenant, f storage.CallFilter, progress Progress) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return 0, err
	}
	cw := csv.NewWriter(bw)
	if err := cw.Write(titles()); err != nil {
		return 0, err
	}
	record := make([]string, len(columns))
	n, err := each(ctx, t, f, progress, func(c *drivers.Call) error {
		for i, col := range columns {
			record[i] = text(col.value(c))
		}
		return cw.Write(record)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

func text(v any) string {
	if n, ok := v.(int64); ok {
		return strconv.FormatInt(n, 10)
	}
	return v.(string)
}

// sheetName is the one worksheet of an Excel export.
const sheetName = "Sheet1"

// XLSX writes the calls f selects to w as an Excel workbook of one sheet,
// through excelize's stream writer (rows go to a temporary file, not
// memory), and returns the number of calls written. A sheet holds at most
// 1,048,575 calls under its header; more is an error.
func XLSX(ctx context.Context, w io.Writer, t *storage.Tenant, f storage.CallFilter, progress Progress) (int, error) {
	book := excelize.NewFile()
	defer book.Close()
	sw, err := book.NewStreamWriter(sheetName)
	if err != nil {
		return 0, fmt.Errorf("export: new sheet: %w", err)
	}
	header := make([]any, len(columns))
	for i, title := range titles() {
		header[i] = excelize.Cell{Value: title}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return 0, err
	}
	values := make([]any, len(columns))
	row := 1
	n, err := each(ctx, t, f, progress, func(c *drivers.Call) error {
		if row++; row > excelize.TotalRows {
			return errTooManyRows
		}
		for i, col := range columns {
			values[i] = cellValue(col, c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, values)
	})
	if err != nil {
		return n, err
	}
	if err := sw.Flush(); err != nil {
		return n, fmt.Errorf("export: finish sheet: %w", err)
	}
	// excelize zips the workbook into a bytes.Buffer (110 MiB for a
	// million calls, 250 MiB of heap as it grows) before writing it out:
	// zip straight into w instead, leaving its buffer empty.
	book.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	return n, book.Write(io.Discard)
}

var errTooManyRows = errors.New("export: more calls than an Excel sheet holds (1,048,575); export a shorter period or use CSV")

// cellValue is a column's value for a spreadsheet cell: the cost as a
// number, so that it adds up (a double holds any call's cost exactly to
// the cent), the rest as the CSV has them.
func cellValue(col column, c *drivers.Call) any {
	v := col.value(c)
	if col.title == "col.cost" && c.Rated {
		f, _ := strconv.ParseFloat(v.(string), 64)
		return f
	}
	return v
}

// File exports to the file at path in format, replacing it. The file is
// removed again when the export fails or is cancelled, so no partial
// export is left behind.
func File(ctx context.Context, path string, format Format, t *storage.Tenant, f storage.CallFilter, progress Progress) (n int, err error) {
	out, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
		}
	}()
	if format == FormatXLSX {
		return XLSX(ctx, out, t, f, progress)
	}
	return CSV(ctx, out, t, f, progress)
}
