package ciscocme

import (
	"slices"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.cdr, joining calls by Key
// as `calltally parse` does, and compares the calls with want.jsonl and
// the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "cisco-cme") }

// TestSamplePublicExpected holds the sample to the normalized calls
// published beside it, whatever -update has written into want.jsonl.
func TestSamplePublicExpected(t *testing.T) {
	keys := []string{"start", "duration", "direction", "extension", "external", "trunk", "answered", "account_code"}
	got := dt.ParseCase(t, "cisco-cme", "testdata/sample").Calls
	slices.SortStableFunc(got, func(a, b drivers.Call) int { return a.Start.Compare(b.Start) })
	want := dt.ReadLines(t, "testdata/sample/public.expected.jsonl")
	if len(got) != len(want) {
		t.Fatalf("got %d calls, want %d", len(got), len(want))
	}
	for i, line := range dt.JSONLines(t, got) {
		g, w := dt.Decode(t, line), dt.Decode(t, want[i])
		for _, k := range keys {
			if !dt.JSONEqual(g[k], w[k]) {
				t.Errorf("call %d (%s) %s = %v, want %v", i+1, w["start"], k, g[k], w[k])
			}
		}
	}
}

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "cisco-cme", settings)
}

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }

func parseText(t testing.TB, p drivers.Parser, lines ...string) dt.Parsed {
	t.Helper()
	return dt.ParseText(t, p, lines...)
}
