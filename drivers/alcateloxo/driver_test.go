package alcateloxo

import (
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.* and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, ID) }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, ID, settings)
}

func parseLines(t testing.TB, settings map[string]string, lines ...string) dt.Parsed {
	t.Helper()
	return dt.ParseText(t, openParser(t, settings), lines...)
}
