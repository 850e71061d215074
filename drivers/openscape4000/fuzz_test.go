package openscape4000

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check): in the default layout, in
// the recommended full layout with call IDs (calls joined by Key), and
// with a separator.
func FuzzParse(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds: %v", err)
	}
	for _, path := range inputs {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup("openscape-4000")
	if err != nil {
		f.Fatal(err)
	}
	full := map[string]string{"layout": fullLayout}
	separated := map[string]string{"separator": sepSemicolon, "layout": "CHRGEE,CALLDIR,ENDDAY,ENDMONTH,ENDHOUR,ENDMIN,DURSEC,CALLID"}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, full), data)
		dt.Check(t, d, openParser(t, separated), data)
	})
}

// fullLayout is the layout README.md recommends, as in testdata/full-layout.
const fullLayout = "RID:2,L:4,CHRGEE:6,CALLDIR:1,NOANSWER:1,CALLEPTY:22,DESTPTY:22,TKNOLIST:6,ROUTCN:2,ACCTCODE:12," +
	"CHRGUNIT:4,ENDYEAR:2,ENDMONTH:2,ENDDAY:2,ENDHOUR:2,ENDMIN:2,ENDSEC:2,RINGDUR:4,DURHOUR:2,DURMIN:2,DURSEC:2,CALLID:8"
