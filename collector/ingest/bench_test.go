package ingest

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	_ "calltally.app/drivers/avayaipo"
	"calltally.app/storage"
)

// BenchmarkImport imports simulated IP Office SMDR through the real path
// (parse, raw records, calls, legs) and, in the same run, times the
// sqlite3 shell's .import of the same calls' fields into a table with the
// same columns and indexes: the baseline the import is held to.
func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	file := filepath.Join(dir, "smdr.txt")
	days := 250
	if testing.Short() {
		days = 20
	}
	writeBenchSMDR(b, file, days)
	// The best of b.N runs each side: both are single-threaded SQLite
	// writers on a shared 2-core machine, and the best run is the one least
	// disturbed by others.
	var calls int
	ours := time.Duration(1 << 62)
	for range b.N {
		n, d := importOnce(b, file)
		calls, ours = n, min(ours, d)
	}
	base := time.Duration(0)
	for range max(b.N, 3) {
		if d := sqlite3Import(b, dir); d > 0 && (base == 0 || d < base) {
			base = d
		}
	}
	b.ReportMetric(float64(calls)/ours.Seconds(), "calls/s")
	if base > 0 {
		b.ReportMetric(float64(calls)/base.Seconds(), "sqlite3-calls/s")
		b.ReportMetric(100*base.Seconds()/ours.Seconds(), "%-of-sqlite3")
	}
}

func writeBenchSMDR(b *testing.B, file string, days int) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	drv, _ := drivers.Lookup("avaya-ipo")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gen := simulator.NewGenerator(simulator.NewOffice(), 1, loc)
	if _, err := gen.Write(f, drv, time.Date(2025, 1, 1, 0, 0, 0, 0, loc), days, time.Time{}); err != nil {
		b.Fatal(err)
	}
}

// importOnce imports file into a new data directory and returns the
// number of calls and the time taken.
func importOnce(b *testing.B, file string) (int, time.Duration) {
	ctx := context.Background()
	data := filepath.Join(b.TempDir(), "data")
	st, err := storage.Open(ctx, data)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	t, _ := st.Tenant(ctx, storage.DefaultTenant)
	drv, _ := drivers.Lookup("avaya-ipo")
	loc, _ := time.LoadLocation("Europe/Berlin")
	start := time.Now()
	p, _ := drv.Open(drivers.Config{Location: loc})
	in, err := New(ctx, t, "bench", drv, p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	f, _ := os.Open(file)
	defer f.Close()
	if err := in.ReadAll(ctx, drivers.NewReader(f, file, nil, nil), nil); err != nil {
		b.Fatal(err)
	}
	elapsed := time.Since(start)
	exportCalls(b, t, filepath.Join(filepath.Dir(file), "calls.csv"))
	return in.Stats().Calls, elapsed
}

// exportCalls writes the stored calls' fields (every column but the row
// ID) as CSV for the sqlite3 baseline.
func exportCalls(b *testing.B, t *storage.Tenant, file string) {
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := csv.NewWriter(f)
	err = t.EachCall(context.Background(), storage.CallFilter{}, func(c *drivers.Call) error {
		_, off := c.Start.Zone()
		return w.Write([]string{"1", fmt.Sprint(c.Start.Unix() + int64(off)), fmt.Sprint(c.Start.Unix()),
			fmt.Sprint(c.Duration), fmt.Sprint(c.Ring), fmt.Sprint(c.Hold), string(c.Direction), c.Extension,
			c.ExtensionName, c.FirstAnswerer, c.FinalAnswerer, c.External, c.ExternalName, c.Dialled, c.Trunk,
			c.AccountCode, b2s(c.Answered), b2s(c.Voicemail), c.TransferredFrom, c.ForwardedFrom, c.CallID,
			c.Driver, b2s(c.Partial), fmt.Sprint(c.ChargeUnits)})
	})
	if err != nil {
		b.Fatal(err)
	}
	w.Flush()
}

func b2s(v bool) string {
	if v {
		return "1"
	}
	return "0"
}

// sqlite3Import times the sqlite3 shell importing calls.csv into a calls
// table created with the migration's own DDL (columns and indexes); 0 when
// the shell is not installed.
func sqlite3Import(b *testing.B, dir string) time.Duration {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Log("sqlite3 shell not installed: no baseline")
		return 0
	}
	db := filepath.Join(dir, "baseline.db")
	os.Remove(db)
	script := "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n" + callsDDL(b) +
		".mode csv\n.import " + filepath.Join(dir, "calls.csv") + " calls_import\n"
	start := time.Now()
	cmd := exec.Command(shell, db)
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("sqlite3: %v\n%s", err, out)
	}
	elapsed := time.Since(start)
	var n int
	conn, _ := sql.Open("sqlite", db)
	defer conn.Close()
	conn.QueryRow("SELECT count(*) FROM calls_import").Scan(&n)
	if n == 0 {
		b.Fatal("sqlite3 imported no rows")
	}
	return elapsed
}

// callsDDL is the calls table and its indexes from the tenant migration,
// renamed calls_import, without the reference to the pbx table, without
// the packed legs (which, like the raw records, the baseline does not
// store) and with an id filled in by SQLite as ours is.
func callsDDL(b *testing.B) string {
	body, err := os.ReadFile("../../storage/migrations/tenant/0001_init.sql")
	if err != nil {
		b.Fatal(err)
	}
	table := regexp.MustCompile(`(?s)CREATE TABLE calls \(.*?\n\);`).FindString(string(body))
	idx := regexp.MustCompile(`CREATE INDEX calls_\w+ ON calls \([^)]*\);`).FindAllString(string(body), -1)
	ddl := table + "\n" + strings.Join(idx, "\n") + "\n"
	ddl = strings.ReplaceAll(ddl, " REFERENCES pbx(id)", "")
	ddl = strings.ReplaceAll(ddl, "charge_units     INTEGER NOT NULL,\n    legs             BLOB NOT NULL", "charge_units     INTEGER NOT NULL")
	ddl = strings.ReplaceAll(ddl, "id               INTEGER PRIMARY KEY,\n", "")
	ddl = strings.ReplaceAll(ddl, " calls ", " calls_import ")
	ddl = strings.ReplaceAll(ddl, "ON calls (", "ON calls_import (")
	ddl = strings.ReplaceAll(ddl, "INDEX calls_", "INDEX import_")
	return ddl
}
