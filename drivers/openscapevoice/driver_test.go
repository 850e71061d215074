package openscapevoice

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.* and compares the calls
// with want.jsonl and the rejected records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "openscape-voice") }

func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "openscape-voice", settings)
}

func openConfig(t testing.TB, cfg drivers.Config) drivers.Parser {
	t.Helper()
	return dt.OpenConfig(t, "openscape-voice", cfg)
}

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }

// oneCall parses lines that make exactly one call, joined by key as
// `calltally parse` joins them, and returns it.
func oneCall(t *testing.T, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	return dt.OneCall(t, drivers.NewJoiner(p, drivers.FinalAnswerer), lines...)
}

// parseJoined parses text as a file, calls joined by key as `calltally
// parse` joins them; attr is the attribution p was opened with.
func parseJoined(t *testing.T, p drivers.Parser, attr drivers.Attribution, text string) dt.Parsed {
	t.Helper()
	d, err := drivers.Lookup("openscape-voice")
	if err != nil {
		t.Fatal(err)
	}
	return dt.ParseReader(t, d, drivers.NewJoiner(p, attr), "test", strings.NewReader(text))
}
