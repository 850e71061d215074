package openscapevoice

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with default, site and moved-field settings.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "openscape-voice",
		map[string]string{"sequence-prefix": "yes", "trunks": "sbc*.carrier.example,10.20.0.5", "voicemail-numbers": "8000"},
		map[string]string{"sequence-prefix": "no", "field-numbers": "destination=133,thread-node=129,thread-sequence=130,in-connect=20"})
}
