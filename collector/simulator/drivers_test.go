package simulator_test

import (
	"bytes"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	_ "calltally.app/drivers/all"
	dt "calltally.app/drivers/driverstest"
)

// TestEveryDriverRoundTrips holds every driver that can simulate, present
// and future, to what the demo, the simulator and load tests rely on: a
// day of the office written in the driver's wire format parses back,
// with calls joined as `calltally parse` joins them, into the same calls
// (their number, start minute, direction and whether they were answered)
// as the PBX wrote records for.
func TestEveryDriverRoundTrips(t *testing.T) {
	loc := dt.Location(t, dt.Zone)
	// Before driverstest.FixedClock, the records' arrival: formats without
	// a year date them in the most recent past.
	day := time.Date(2025, 12, 10, 0, 0, 0, 0, loc)
	for _, d := range drivers.All() {
		if d.Encode == nil {
			continue
		}
		t.Run(d.ID, func(t *testing.T) {
			gen := simulator.NewGenerator(simulator.NewOffice(), 7, loc)
			var b bytes.Buffer
			written, err := gen.Write(&b, d, day, 1, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			p := drivers.NewJoiner(dt.Open(t, d.ID, nil), drivers.FinalAnswerer)
			got := dt.ParseReader(t, d, p, d.ID, &b)
			if len(got.Failed) > 0 {
				t.Fatalf("%d records failed, the first: %s", len(got.Failed), got.Failed[0])
			}
			dt.CheckSimilarCalls(t, got.Calls, written)
		})
	}
}
