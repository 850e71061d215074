package avayaipo

import (
	"strings"
	"testing"

	"calltally.app/drivers"
)

// FuzzParse feeds any text to the parser: it must never panic, and every
// call it returns must be whole, made of records it was given, each record
// read used in exactly one call once the parser is flushed.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"testdata/sample/input.cdr", "testdata/kb-examples/input.cdr"} {
		lines := readLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	f.Fuzz(func(t *testing.T, data string) {
		checkParse(t, openParser(t, nil), data)
		checkParse(t, openParser(t, map[string]string{"trunk": "line", "voicemail": "missed", "group-timeout": "1m"}), data)
	})
}

func checkParse(t *testing.T, p drivers.Parser, data string) {
	rd := drivers.NewReader(strings.NewReader(data), "fuzz", nil, fixedClock)
	used := map[int64]int{} // how many calls used each record read without error
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if err != nil {
			break // the end, or a line longer than the reader takes
		}
		rec.ID = id
		calls, err := p.Parse(rec)
		if err == nil {
			used[id] = 0
		}
		checkCalls(t, calls, used)
	}
	checkCalls(t, p.Flush(), used)
	if again := p.Flush(); len(again) > 0 {
		t.Errorf("a second Flush returned %d calls", len(again))
	}
	for id, n := range used {
		if n != 1 {
			t.Errorf("record %d is in %d calls, want 1", id, n)
		}
	}
}

func checkCalls(t *testing.T, calls []drivers.Call, used map[int64]int) {
	t.Helper()
	for _, c := range calls {
		if !c.Direction.Valid() || c.Duration < 0 || len(c.Legs) == 0 {
			t.Fatalf("bad call: direction %q, duration %d, %d legs", c.Direction, c.Duration, len(c.Legs))
		}
		for _, l := range c.Legs {
			if _, ok := used[l.Record]; !ok {
				t.Fatalf("leg from record %d, which was not read", l.Record)
			}
			used[l.Record]++
		}
	}
}
