package avayacm

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), in the default customized layout and in the
// teleseer format with other settings.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "avaya-cm", map[string]string{"format": "teleseer", "date-format": "day/month", "ineffective": "ignore"})
}
