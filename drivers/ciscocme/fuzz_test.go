package ciscocme

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with default and other settings.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "cisco-cme", map[string]string{"trunk-legs": "voip", "cdr-format": "compact", "voicemail": "8000,201", "group-timeout": "1m"})
}
