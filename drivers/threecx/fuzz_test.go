package threecx

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// minimal leaves out what the parser derives when it must: the answer
// time, the callid, the types.
const minimal = "historyid,time-start,time-end,duration,from-no,to-no,from-dn,to-dn,final-dn"

// FuzzParse feeds any text to the parser under the invariants every
// driver is held to (see driverstest.Check), with the default field list,
// the reduced one real sites send and a minimal one.
func FuzzParse(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.cdr")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds in testdata (%v)", err)
	}
	for _, path := range inputs {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d, err := drivers.Lookup("3cx")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		dt.Check(t, d, openParser(t, nil), data)
		dt.Check(t, d, openParser(t, map[string]string{"fields": reduced, "times": "local", "queues": "800-899", "lines": "10000-10009"}), data)
		dt.Check(t, d, openParser(t, map[string]string{"fields": minimal}), data)
	})
}
