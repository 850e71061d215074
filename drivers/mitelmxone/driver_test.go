package mitelmxone

import (
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.dat and compares the
// calls with want.jsonl and the rejected lines with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, id) }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, id, settings)
}

// oneCall parses lines that make exactly one call and returns it.
func oneCall(t *testing.T, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	got := dt.ParseText(t, p, lines...)
	if len(got.Failed) > 0 || len(got.Calls) != 1 {
		t.Fatalf("got %d calls and errors %q, want one call", len(got.Calls), got.Errs)
	}
	return got.Calls[0]
}
