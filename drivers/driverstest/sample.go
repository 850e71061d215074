package driverstest

import (
	"path/filepath"
	"slices"
	"testing"

	"calltally.app/drivers"
)

// publishedKeys are the fields the public samples' expected calls give.
var publishedKeys = []string{"start", "duration", "direction", "extension", "external", "trunk", "answered", "account_code"}

// SamplePublicExpected holds the golden case in dir to the normalised
// calls published beside the sample (public.expected.jsonl, in start
// order), whatever -update has written into want.jsonl.
func SamplePublicExpected(t *testing.T, id, dir string) {
	got := ParseCase(t, id, dir).Calls
	slices.SortStableFunc(got, func(a, b drivers.Call) int { return a.Start.Compare(b.Start) })
	want := ReadLines(t, filepath.Join(dir, "public.expected.jsonl"))
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("got %d calls, want %d", len(got), len(want))
	}
	for i, line := range JSONLines(t, got) {
		g, w := Decode(t, line), Decode(t, want[i])
		for _, k := range publishedKeys {
			if !JSONEqual(g[k], w[k]) {
				t.Errorf("call %d (%s) %s = %v, want %v", i+1, w["start"], k, g[k], w[k])
			}
		}
	}
}
