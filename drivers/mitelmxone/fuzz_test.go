package mitelmxone

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with the default settings
// and with another layout and other column names. Seeds: every golden
// input, whole and line by line.
func FuzzParse(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.dat")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds: %v", err)
	}
	for _, path := range inputs {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup(id)
	if err != nil {
		f.Fatal(err)
	}
	other := map[string]string{
		"columns":        "start time local, condition code, duration, a-number, dialed number, c-number, route in, route out, project",
		"calling-column": "a-number", "answering-column": "c-number", "incoming-route-column": "route in",
		"outgoing-route-column": "route out", "account-column": "project", "internal-digits": "3", "voicemail": "8000,2204",
	}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, other), data)
	})
}
