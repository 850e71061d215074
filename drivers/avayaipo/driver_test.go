package avayaipo

import (
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.cdr and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "avaya-ipo") }

// TestSamplePublicExpected holds the sample to the normalized calls
// published beside it, whatever -update has written into want.jsonl.
func TestSamplePublicExpected(t *testing.T) {
	dt.SamplePublicExpected(t, "avaya-ipo", "testdata/sample")
}

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "avaya-ipo", settings)
}

func openConfig(t testing.TB, cfg drivers.Config) drivers.Parser {
	t.Helper()
	return dt.OpenConfig(t, "avaya-ipo", cfg)
}

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }
