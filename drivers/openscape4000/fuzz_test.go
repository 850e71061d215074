package openscape4000

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz): in the default layout, in the recommended full
// layout with call IDs (calls joined by Key), and with a separator.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "openscape-4000",
		map[string]string{"layout": fullLayout},
		map[string]string{"separator": sepSemicolon, "layout": "CHRGEE,CALLDIR,ENDDAY,ENDMONTH,ENDHOUR,ENDMIN,DURSEC,CALLID"})
}
