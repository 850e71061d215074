package alcatel

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// The golden cases of each driver ID are the testdata folders named with
// its prefix; driverstest.Golden would run every case with one ID.
var goldenPrefixes = map[string]string{
	"alcatel-oxe":       "oxe-",
	"alcatel-4400":      "4400-",
	"alcatel-opentouch": "opentouch-",
}

// TestGolden parses each ID's testdata/<prefix>*/input.* and compares the
// calls with want.jsonl and the rejected records with want.err, as
// driverstest.Golden does (-update rewrites them).
func TestGolden(t *testing.T) {
	for id, prefix := range goldenPrefixes {
		t.Run(id, func(t *testing.T) {
			inputs, err := filepath.Glob("testdata/" + prefix + "*/input.*")
			if err != nil || len(inputs) == 0 {
				t.Fatalf("no testdata/%s*/input.* (%v)", prefix, err)
			}
			for _, input := range inputs {
				dir := filepath.Dir(input)
				t.Run(filepath.Base(dir), func(t *testing.T) {
					got := dt.ParseCase(t, id, dir)
					dt.CheckGolden(t, filepath.Join(dir, "want.jsonl"), dt.JSONLines(t, got.Calls))
					dt.CheckGolden(t, filepath.Join(dir, "want.err"), got.Errs)
				})
			}
		})
	}
}

// TestEveryCaseHasAnID keeps cases from being left out of TestGolden.
func TestEveryCaseHasAnID(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*/input.*")
	for _, input := range inputs {
		dir := filepath.Base(filepath.Dir(input))
		if !hasPrefix(dir) {
			t.Errorf("testdata/%s: name it oxe-, 4400- or opentouch- so that TestGolden runs it", dir)
		}
	}
}

func hasPrefix(dir string) bool {
	for _, prefix := range goldenPrefixes {
		if strings.HasPrefix(dir, prefix) {
			return true
		}
	}
	return false
}

func openParser(t testing.TB, id string, settings map[string]string) drivers.Parser {
	t.Helper()
	return dt.Open(t, id, settings)
}
