package collector

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	_ "calltally.app/drivers/all"
	"calltally.app/storage"
)

// TestEveryDriverThroughAFolder collects two days of the office, written
// by the simulator in each driver's format to a folder (a file per day,
// as PBXs write them), and expects every call stored once: legs the
// driver leaves to storage to join (drivers.Call.Key) are joined there,
// whichever file and batch they come in.
func TestEveryDriverThroughAFolder(t *testing.T) {
	for _, d := range drivers.All() {
		if d.Encode == nil || !d.Supports(drivers.Folder) {
			continue
		}
		t.Run(d.ID, func(t *testing.T) {
			inbox := t.TempDir()
			loc, _ := time.LoadLocation("Europe/Berlin")
			gen := simulator.NewGenerator(simulator.NewOffice(), 11, loc)
			first := time.Date(2026, 3, 2, 0, 0, 0, 0, loc)
			gen.Origin = first // call IDs go on counting from day to day, as a PBX's do
			calls := 0
			for i := range 2 {
				calls += writeDay(t, gen, d, filepath.Join(inbox, fmt.Sprintf("day%d.cdr", i)), first.AddDate(0, 0, i))
			}
			st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "pbx", Driver: d.ID, TimeZone: "Europe/Berlin",
				Transport: string(drivers.Folder), Address: inbox})
			waitCalls(t, st, calls)
		})
	}
}

// writeDay writes one day's calls to a settled file and returns how many
// calls the PBX wrote records for.
func writeDay(t *testing.T, gen *simulator.Generator, d *drivers.Driver, file string, day time.Time) int {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := gen.Write(f, d, day, 1, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	old := time.Now().Add(-time.Minute)
	os.Chtimes(file, old, old)
	return len(calls)
}
