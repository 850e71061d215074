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
			compareCalls(t, got.Calls, written)
		})
	}
}

// compareCalls pairs each simulated call with a parsed one of the same
// direction and answer within two minutes of its start: formats that
// write the end to the minute, or durations in six-second steps, move a
// start by up to that much.
func compareCalls(t *testing.T, got, want []drivers.Call) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("parsed %d calls, simulated %d", len(got), len(want))
	}
	used := make([]bool, len(got))
	unmatched := 0
	for _, w := range want {
		if i := match(got, used, w); i >= 0 {
			used[i] = true
			continue
		}
		if unmatched++; unmatched <= 5 {
			t.Errorf("no parsed call like the simulated %s %s answered=%v", w.Start.Format(drivers.WallClock), w.Direction, w.Answered)
		}
	}
}

func match(got []drivers.Call, used []bool, w drivers.Call) int {
	for i, g := range got {
		near := g.Start.Sub(w.Start).Abs() <= 2*time.Minute
		if !used[i] && near && g.Direction == w.Direction && g.Answered == w.Answered {
			return i
		}
	}
	return -1
}
