package avayaipo

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with default and other
// settings.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"testdata/sample/input.cdr", "testdata/kb-examples/input.cdr"} {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup("avaya-ipo")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, map[string]string{"trunk": "line", "voicemail": "missed", "group-timeout": "1m"}), data)
	})
}
