package mitelmivb

import (
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.* and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "mitel-mivb") }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "mitel-mivb", settings)
}

// TestPublishedExamples holds the six examples of Mitel's "SMDR Examples"
// help page, rebuilt by column (testdata/published), to what the page
// says they are, whatever -update has written into want.jsonl.
func TestPublishedExamples(t *testing.T) {
	type call struct {
		start, direction, extension, external, trunk string
		duration, ring                               int
		answered                                     bool
	}
	want := []call{
		{"2025-06-13T11:42:00", "outbound", "214", "6135952122", "T054", 509, 0, true},   // 2-party outgoing call
		{"2025-05-17T10:51:00", "outbound", "213", "201", "X082", 112, 0, true},          // tie trunk, second station 1200
		{"2025-01-30T15:10:00", "inbound", "201", "", "T102", 142, 8, true},              // DID 201, answered in 8 s
		{"2025-03-12T09:11:00", "inbound", "224", "", "X116", 72, 7, true},               // dial-in tie trunk
		{"2025-01-30T15:27:00", "outbound", "201", "16545996951", "T052", 2111, 0, true}, // attendant-assisted
		{"2025-04-15T13:42:00", "inbound", "ATT2", "", "T090", 31, 9, true},              // attendant-handled incoming
	}
	got := dt.ParseCase(t, "mitel-mivb", "testdata/published")
	if len(got.Calls) != len(want) || len(got.Errs) > 0 {
		t.Fatalf("%d calls, errors %q; want %d calls", len(got.Calls), got.Errs, len(want))
	}
	for i, c := range got.Calls {
		g := call{c.Start.Format(drivers.WallClock), string(c.Direction), c.Extension, c.External, c.Trunk, c.Duration, c.Ring, c.Answered}
		if g != want[i] {
			t.Errorf("example %d:\n got %+v\nwant %+v", i+1, g, want[i])
		}
	}
}
