package alcatel

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with the defaults and with the other settings:
// an edition forced, an account field and tickets joined by reference.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "alcatel-oxe",
		map[string]string{"edition": "ED4", "account-field": "AccessCode", "join": "call-reference"},
		map[string]string{"edition": "ED5.2"})
}
