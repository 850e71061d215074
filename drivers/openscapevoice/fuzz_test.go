package openscapevoice

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with the default settings,
// a site's settings and the documented layout moved about.
func FuzzParse(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds in testdata (%v)", err)
	}
	for _, path := range inputs {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup("openscape-voice")
	if err != nil {
		f.Fatal(err)
	}
	site := map[string]string{"sequence-prefix": "yes", "trunks": "sbc*.carrier.example,10.20.0.5", "voicemail-numbers": "8000"}
	moved := map[string]string{"sequence-prefix": "no", "field-numbers": "destination=133,thread-node=129,thread-sequence=130,in-connect=20"}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, site), data)
		dt.Check(t, d, openParser(t, moved), data)
	})
}
