package avayaipo

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with default and other settings.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "avaya-ipo", map[string]string{"trunk": "line", "voicemail": "missed", "group-timeout": "1m"})
}
