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

// fullLayout is the layout README.md recommends, as in testdata/full-layout.
const fullLayout = "RID:2,L:4,CHRGEE:6,CALLDIR:1,NOANSWER:1,CALLEPTY:22,DESTPTY:22,TKNOLIST:6,ROUTCN:2,ACCTCODE:12," +
	"CHRGUNIT:4,ENDYEAR:2,ENDMONTH:2,ENDDAY:2,ENDHOUR:2,ENDMIN:2,ENDSEC:2,RINGDUR:4,DURHOUR:2,DURMIN:2,DURSEC:2,CALLID:8"
