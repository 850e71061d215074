package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// lastMonth is the demo's calls of its last 30 days.
func lastMonth() storage.CallFilter {
	now := time.Now()
	return storage.CallFilter{From: now.AddDate(0, 0, -30), To: now.AddDate(0, 0, 1)}
}

func TestCSVRoundTrip(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		f    storage.CallFilter
	}{
		{"everything", storage.CallFilter{}},
		{"inbound last month", func() storage.CallFilter { f := lastMonth(); f.Direction = drivers.Inbound; return f }()},
		{"sorted by duration", storage.CallFilter{MinDuration: 600, Order: storage.CallOrder{Column: storage.OrderDuration}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			n, err := CSV(ctx, &buf, e.Tenant, tc.f, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := e.Tenant.CountCalls(ctx, tc.f)
			rows := readCSV(t, buf.Bytes())
			if n != want || len(rows) != want+1 || want == 0 {
				t.Fatalf("CSV wrote %d calls in %d rows; want %d calls (> 0) and a header", n, len(rows), want)
			}
			if !slices.Equal(rows[0], titles()) {
				t.Errorf("header %q; want %q", rows[0], titles())
			}
			checkRows(t, rows[1:], tc.f)
		})
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("no byte order mark: Excel would not read the file as UTF-8")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	return rows
}

// checkRows checks the filter's direction and order in exported rows.
func checkRows(t *testing.T, rows [][]string, f storage.CallFilter) {
	t.Helper()
	dir, dur := columnNamed("col.direction"), columnNamed("calls.duration_seconds")
	for i, row := range rows {
		if f.Direction != "" && row[dir] != DirectionText(f.Direction) {
			t.Fatalf("row %d direction %q; want %q", i, row[dir], DirectionText(f.Direction))
		}
		if f.Order.Column == storage.OrderDuration && i > 0 && len(row[dur]) > 0 && numLess(rows[i-1][dur], row[dur]) {
			t.Fatalf("row %d duration %s after %s: not descending", i, row[dur], rows[i-1][dur])
		}
	}
}

func numLess(a, b string) bool { return len(a) < len(b) || len(a) == len(b) && a < b }

// columnNamed returns the index of the column titled title.
func columnNamed(title string) int {
	return slices.IndexFunc(columns, func(c column) bool { return c.title == title })
}

func TestCSVHeaderLocalised(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	i18n.Set("de")
	var buf bytes.Buffer
	if _, err := CSV(context.Background(), &buf, e.Tenant, storage.CallFilter{Limit: 5}, nil); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if rows[0][0] != i18n.T("col.start") || rows[0][0] == "Date and time" {
		t.Errorf("German header starts %q; want %q", rows[0][0], i18n.T("col.start"))
	}
	if len(rows) != 6 {
		t.Errorf("%d rows with Limit 5; want a header and 5", len(rows))
	}
}

func TestXLSXReadable(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	f := lastMonth()
	f.Answered = storage.AnsweredByPerson
	path := filepath.Join(t.TempDir(), "calls.xlsx")
	var last int64
	n, err := File(context.Background(), path, FormatXLSX, e.Tenant, f, func(done, _ int64) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	want, _ := e.Tenant.CountCalls(context.Background(), f)
	if n != want || last != int64(want) {
		t.Errorf("wrote %d calls, progress ended at %d; want %d", n, last, want)
	}
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open the export: %v", err)
	}
	defer book.Close()
	rows, err := book.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != want+1 {
		t.Fatalf("%d rows in the sheet; want %d and a header", len(rows), want)
	}
	if !slices.Equal(rows[0], titles()) {
		t.Errorf("header %q; want %q", rows[0], titles())
	}
	outcome := columnNamed("leg.outcome")
	for i, row := range rows[1:] {
		if row[outcome] != i18n.T("outcome.answered") {
			t.Fatalf("row %d outcome %q; want answered", i+1, row[outcome])
		}
	}
}

func TestCancelRemovesFile(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	for _, format := range []Format{FormatCSV, FormatXLSX} {
		path := filepath.Join(t.TempDir(), "calls"+format.Ext())
		ctx, cancel := context.WithCancel(context.Background())
		_, err := File(ctx, path, format, e.Tenant, storage.CallFilter{}, func(done, _ int64) {
			if done >= 2*progressEvery {
				cancel()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v; want context.Canceled", format.Ext(), err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s: the partial file is still there (%v)", format.Ext(), err)
		}
	}
}

func TestFileUnwritable(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	path := filepath.Join(t.TempDir(), "no such folder", "calls.csv")
	if _, err := File(context.Background(), path, FormatCSV, e.Tenant, storage.CallFilter{}, nil); err == nil {
		t.Error("export into a missing folder: no error")
	}
}

func TestDecimal(t *testing.T) {
	for micros, want := range map[int64]string{
		0: "0.00", 350_000: "0.35", 1_234_567: "1.234567", -50_000: "-0.05", 12_000_000: "12.00", 5: "0.000005",
	} {
		if got := Decimal(micros); got != want {
			t.Errorf("Decimal(%d) = %q; want %q", micros, got, want)
		}
	}
}

func TestOutcomeAndDirection(t *testing.T) {
	for _, tc := range []struct {
		call drivers.Call
		want string
	}{
		{drivers.Call{Answered: true}, "outcome.answered"},
		{drivers.Call{Answered: true, Voicemail: true}, "outcome.voicemail"},
		{drivers.Call{}, "outcome.unanswered"},
	} {
		if got := OutcomeID(&tc.call); got != tc.want {
			t.Errorf("OutcomeID(%+v) = %s; want %s", tc.call, got, tc.want)
		}
	}
	if got := DirectionText("conference"); got != "conference" {
		t.Errorf("unknown direction shown as %q", got)
	}
	if got := DirectionText(drivers.Tandem); strings.Contains(got, "direction.") {
		t.Errorf("tandem shown as %q", got)
	}
}
