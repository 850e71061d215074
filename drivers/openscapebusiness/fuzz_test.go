package openscapebusiness

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), in each layout and with other settings.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "openscape-business",
		map[string]string{"layout": "separated", "charges": "amount", "voicemail": "351", "transfer-gap": "0s"},
		map[string]string{"layout": "fixed", "transfer-gap": "1h"},
		map[string]string{"layout": "printer", "voicemail": "21,22"})
}
