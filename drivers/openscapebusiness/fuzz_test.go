package openscapebusiness

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with the default settings
// and with every other layout and option.
func FuzzParse(f *testing.F) {
	for _, path := range []string{
		"testdata/office-compressed/input.txt", "testdata/office-uncompressed/input.txt", "testdata/transfers/input.txt",
		"testdata/fixed-hipath/input.txt", "testdata/printer/input.txt", "testdata/bad-lines/input.txt",
	} {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup("openscape-business")
	if err != nil {
		f.Fatal(err)
	}
	variants := []map[string]string{
		nil,
		{"layout": "separated", "charges": "amount", "voicemail": "351", "transfer-gap": "0s"},
		{"layout": "fixed", "transfer-gap": "1h"},
		{"layout": "printer", "voicemail": "21,22"},
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, v := range variants {
			dt.Check(t, d, openParser(t, v), data)
		}
	})
}
