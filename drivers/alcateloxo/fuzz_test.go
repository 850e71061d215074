package alcateloxo

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz): with the default statement, with every field
// selected and voicemail numbers, and with the 8-digit plan's fields
// and month-first dates.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, ID,
		map[string]string{"fields": allFields, "voicemail": "500"},
		map[string]string{"fields": eightDigitFields, "date-order": monthFirst})
}
