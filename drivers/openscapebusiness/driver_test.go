package openscapebusiness

import (
	"fmt"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.txt and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "openscape-business") }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "openscape-business", settings)
}

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }

// parseJoined parses lines as `calltally parse` does: segments that share
// a Key are joined into one call.
func parseJoined(t testing.TB, settings map[string]string, lines ...string) dt.Parsed {
	t.Helper()
	return dt.ParseText(t, drivers.NewJoiner(openParser(t, settings), drivers.FinalAnswerer), lines...)
}

// oneCall parses lines that make exactly one call and returns it.
func oneCall(t *testing.T, settings map[string]string, lines ...string) drivers.Call {
	t.Helper()
	return dt.OneCall(t, drivers.NewJoiner(openParser(t, settings), drivers.FinalAnswerer), lines...)
}

// TestPublishedExamples holds the published OpenScape Office examples to
// what they say, whatever -update has written into want.jsonl: each is an
// incoming call answered by 33388, stamped with its end, so it began the
// ringing and call duration before.
func TestPublishedExamples(t *testing.T) {
	tests := []struct {
		dir   string
		want  []string // start, trunk, ring, talk, number
		notes int      // header lines read as no call
	}{
		{"testdata/office-compressed", []string{
			"2012-06-20T13:11:26 201 2 7 0123456789",
			"2012-06-20T13:20:57 202 5 12 0123456789",
		}, 0},
		{"testdata/office-uncompressed", []string{
			"2012-06-20T12:53:37 201 4 4 01706340803",
			"2012-06-20T13:38:20 202 2 5 01706340803",
		}, 2},
	}
	for _, tt := range tests {
		got := dt.ParseCase(t, "openscape-business", tt.dir)
		if len(got.Failed) > 0 || len(got.Errs) != tt.notes || len(got.Calls) != len(tt.want) {
			t.Fatalf("%s: %d calls, errors %q", tt.dir, len(got.Calls), got.Errs)
		}
		for i, c := range got.Calls {
			s := fmt.Sprintf("%s %s %d %d %s", c.Start.Format(drivers.WallClock), c.Trunk, c.Ring, c.Duration, c.External)
			if s != tt.want[i] || c.Extension != "33388" || c.Direction != drivers.Inbound || !c.Answered {
				t.Errorf("%s call %d: %s %s %s answered=%v, want %s from 33388, inbound, answered", tt.dir, i+1, s, c.Extension, c.Direction, c.Answered, tt.want[i])
			}
		}
	}
}
