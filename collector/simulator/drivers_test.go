package simulator

import (
	"bytes"
	"cmp"
	"slices"
	"testing"
	"time"

	"calltally.app/drivers"
	_ "calltally.app/drivers/all"
	dt "calltally.app/drivers/driverstest"
)

// TestEveryDriverRoundTrips holds every driver that can simulate, present
// and future, to what the demo, the simulator and load tests rely on: a
// day of the office written in the driver's wire format parses back,
// with calls joined as `calltally parse` joins them, into the same calls
// (their number, start minute, direction and whether they were answered).
func TestEveryDriverRoundTrips(t *testing.T) {
	loc := dt.Location(t, dt.Zone)
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, loc)
	for _, d := range drivers.All() {
		if d.Encode == nil {
			continue
		}
		t.Run(d.ID, func(t *testing.T) {
			gen := NewGenerator(NewOffice(), 7, loc)
			var b bytes.Buffer
			if err := gen.Write(&b, d, day, 1, time.Time{}); err != nil {
				t.Fatal(err)
			}
			p := drivers.NewJoiner(dt.Open(t, d.ID, nil), drivers.FinalAnswerer)
			got := dt.ParseReader(t, d, p, d.ID, &b)
			if len(got.Errs) > 0 {
				t.Fatalf("%d records failed, the first: %s", len(got.Errs), got.Errs[0])
			}
			compareCalls(t, got.Calls, gen.Day(day))
		})
	}
}

func compareCalls(t *testing.T, got, want []drivers.Call) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("parsed %d calls, simulated %d", len(got), len(want))
	}
	byStart := func(a, b drivers.Call) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Direction, b.Direction), cmp.Compare(a.External, b.External))
	}
	slices.SortStableFunc(got, byStart)
	slices.SortStableFunc(want, byStart)
	mismatches := 0
	for i := range want {
		g, w := got[i], want[i]
		if g.Start.Truncate(time.Minute).Equal(w.Start.Truncate(time.Minute)) && g.Direction == w.Direction && g.Answered == w.Answered {
			continue
		}
		if mismatches++; mismatches <= 5 {
			t.Errorf("call %d: got %s %s answered=%v, simulated %s %s answered=%v", i,
				g.Start.Format(drivers.WallClock), g.Direction, g.Answered, w.Start.Format(drivers.WallClock), w.Direction, w.Answered)
		}
	}
}
