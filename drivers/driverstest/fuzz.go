package driverstest

import (
	"path/filepath"
	"strings"
	"testing"
)

// Fuzz is the body of every driver's FuzzParse: seeded with each golden
// input of testdata/, whole and line by line, it feeds any text to driver
// id's parser under the invariants of Check, opened with the default
// settings and with each of variants.
func Fuzz(f *testing.F, id string, variants ...map[string]string) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds in testdata/*/input.*: %v", err)
	}
	for _, path := range inputs {
		lines := ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
	d := lookup(f, id)
	variants = append([]map[string]string{nil}, variants...)
	f.Fuzz(func(t *testing.T, data string) {
		for _, settings := range variants {
			Check(t, d, Open(t, id, settings), data)
		}
	})
}
