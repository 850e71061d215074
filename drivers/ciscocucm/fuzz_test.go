package ciscocucm

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with default and other
// settings. Seeds: every golden input, whole and line by line.
func FuzzParse(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.cdr")
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
	other := map[string]string{"trunks": "CUBE*,*GW*", "voicemail-numbers": "8000", "account-code": "fac", "external": "outpulsed", "layout": "129"}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, other), data)
	})
}
