package ciscocucm

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with default and other settings.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, id, map[string]string{"trunks": "CUBE*,*GW*", "voicemail-numbers": "8000", "account-code": "fac", "external": "outpulsed", "layout": "129"})
}
