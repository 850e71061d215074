package threecx

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// minimal leaves out what the parser derives when it must: the answer
// time, the callid, the types.
const minimal = "historyid,time-start,time-end,duration,from-no,to-no,from-dn,to-dn,final-dn"

// FuzzParse holds the parser to the invariants every driver is held to
// (see driverstest.Fuzz), with the default field list, the reduced one
// real sites send and a minimal one.
func FuzzParse(f *testing.F) {
	dt.Fuzz(f, "3cx",
		map[string]string{"fields": reduced, "times": "local", "queues": "800-899", "lines": "10000-10009"},
		map[string]string{"fields": minimal})
}
