package threecx

import (
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.cdr and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "3cx") }

// TestSamplePublicExpected holds the sample to the normalized calls
// published beside it, whatever -update has written into want.jsonl.
func TestSamplePublicExpected(t *testing.T) { dt.SamplePublicExpected(t, "3cx", "testdata/sample") }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "3cx", settings)
}

func openConfig(t testing.TB, cfg drivers.Config) drivers.Parser {
	t.Helper()
	return dt.OpenConfig(t, "3cx", cfg)
}

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }

// oneCall parses lines that make exactly one call, joined by its Key as
// storage joins them, and returns it.
func oneCall(t *testing.T, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	return dt.OneCall(t, drivers.NewJoiner(p, drivers.FinalAnswerer), lines...)
}
