package driverstest

import (
	"strings"
	"testing"

	"calltally.app/drivers"
)

// Check is the invariant fuzz targets hold every driver to: fed any text,
// p never panics, every call it returns is whole and made of records it
// read without error, and once flushed every such record is in exactly
// one call (joined calls sharing a Key count as one).
func Check(t *testing.T, d *drivers.Driver, p drivers.Parser, data string) {
	rd := drivers.NewReader(strings.NewReader(data), "fuzz", d.Split, FixedClock)
	used := map[int64]int{}
	j := drivers.NewJoiner(p, drivers.FinalAnswerer)
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if err != nil {
			break // the end, or a record longer than the reader takes
		}
		rec.ID = id
		calls, err := j.Parse(rec)
		if err == nil {
			used[id] = 0
		}
		checkCalls(t, calls, used)
	}
	checkCalls(t, j.Flush(), used)
	if again := j.Flush(); len(again) > 0 {
		t.Errorf("a second Flush returned %d calls", len(again))
	}
	for id, n := range used {
		if n != 1 {
			t.Errorf("record %d is in %d calls, want 1", id, n)
		}
	}
}

func checkCalls(t *testing.T, calls []drivers.Call, used map[int64]int) {
	t.Helper()
	for _, c := range calls {
		if !c.Direction.Valid() || c.Duration < 0 || c.Ring < 0 || len(c.Legs) == 0 {
			t.Fatalf("bad call: direction %q, duration %d, ring %d, %d legs", c.Direction, c.Duration, c.Ring, len(c.Legs))
		}
		for _, rec := range c.Records() {
			if _, ok := used[rec]; !ok {
				t.Fatalf("call from record %d, which was not read or failed", rec)
			}
			used[rec]++
		}
	}
}
