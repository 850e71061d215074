package mitelmivo400

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), in PC5 with the defaults and in PC4 with every
// other setting.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "mitel-mivo400", map[string]string{"format": formatPC4, "date-order": dayFirst, "caller-id": callerPresented,
		"outbound-number": numberUser, "data-protection": on, "voicemail": "899"})
}
