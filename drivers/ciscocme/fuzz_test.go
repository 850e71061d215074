package ciscocme

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with default and other
// settings. It is seeded with the lines of every golden case.
func FuzzParse(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.cdr")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds (%v)", err)
	}
	for _, path := range inputs {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup("cisco-cme")
	if err != nil {
		f.Fatal(err)
	}
	other := map[string]string{"trunk-legs": "voip", "cdr-format": "compact", "voicemail": "8000,201", "group-timeout": "1m"}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, other), data)
	})
}
