package ciscocucm

import (
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

const id = "cisco-cucm"

// TestGolden parses every testdata/<case>/input.cdr and compares the calls
// (joined by Key, as `calltally parse` joins them) with want.jsonl and the
// rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, id) }

// TestSamplePublicExpected holds the sample to the normalized calls
// published beside it, whatever -update has written into want.jsonl.
func TestSamplePublicExpected(t *testing.T) { dt.SamplePublicExpected(t, id, "testdata/sample") }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, id, settings)
}
