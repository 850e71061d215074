package avayacm

import (
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.* and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "avaya-cm") }

// TestSamplePublicExpected holds the sample to the normalized calls
// published beside it, whatever -update has written into want.jsonl.
func TestSamplePublicExpected(t *testing.T) {
	dt.SamplePublicExpected(t, "avaya-cm", "testdata/sample")
}

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "avaya-cm", settings)
}

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }
