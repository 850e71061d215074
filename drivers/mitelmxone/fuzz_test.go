package mitelmxone

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with the default columns and another site's.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, id, map[string]string{
		"columns":        "start time local, condition code, duration, a-number, dialed number, c-number, route in, route out, project",
		"calling-column": "a-number", "answering-column": "c-number", "incoming-route-column": "route in",
		"outgoing-route-column": "route out", "account-column": "project", "internal-digits": "3", "voicemail": "8000,2204",
	})
}
