package mitelmivb

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with the default settings and with the other
// clock, extended digits insisted on, extended TTA, meter pulses and
// extended reporting level 2.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "mitel-mivb",
		map[string]string{"clock": "12", "extended-digits": "yes", "extended-tta": "yes", "meter-pulses": "yes",
			"extended-reporting": "level2", "network-format": "yes", "voicemail": "6000"},
		map[string]string{"fields": "date,space:1,time:8,pm,duration:10,calling:7,called:7,call-id:9"})
}
