package custom

import (
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// layouts returns the layout of every golden case and of the README's
// examples: the variants the fuzz targets run under.
func layouts(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob("testdata/*/settings")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata/*/settings: %v", err)
	}
	var all []string
	for _, path := range paths {
		for _, line := range dt.ReadLines(t, path) {
			if v, ok := strings.CutPrefix(line, "layout="); ok {
				all = append(all, v)
			}
		}
	}
	for _, example := range []string{"delimited", "fixed-width"} {
		_, l := readmeExample(t, example)
		all = append(all, l)
	}
	return all
}

// seeds adds every golden input, whole and line by line.
func seeds(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil || len(inputs) == 0 {
		f.Fatalf("no seeds in testdata/*/input.*: %v", err)
	}
	for _, path := range inputs {
		lines := dt.ReadLines(f, path)
		for _, line := range lines {
			f.Add(line)
		}
		f.Add(strings.Join(lines, "\n"))
	}
}

// FuzzParse holds the parser to the invariants every driver is held to
// (driverstest.Check) under the layout of every golden case and README
// example. driverstest.Fuzz cannot be used: it opens the driver with its
// default settings, which have no layout.
func FuzzParse(f *testing.F) {
	seeds(f)
	all := layouts(f)
	d, err := drivers.Lookup("custom")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, l := range all {
			dt.Check(t, d, openLayout(t, l), data)
		}
	})
}

// FuzzLayout feeds any text as the layout: it is refused with an error
// or opens a parser that holds to the invariants on the golden lines.
func FuzzLayout(f *testing.F) {
	for _, l := range layouts(f) {
		f.Add(l)
	}
	f.Add(`{"format": "fixed", "fields": {"start": {"column": 1, "width": 5, "format": "hh:mm"}}}`)
	d, err := drivers.Lookup("custom")
	if err != nil {
		f.Fatal(err)
	}
	const lines = "2026-03-02 09:14:00,00:02:05,201,004930123456\n02.03. 09:14 00:02:05 201   004930123456   1   O\n" +
		"1000101,2026-03-02 09:14:00,O,201,004930123456,201,\"Meier, Anna\",1,4,00:02:05,A,\n202603020816|21|201|004930123456|A"
	f.Fuzz(func(t *testing.T, layout string) {
		p, err := d.Open(drivers.Config{Location: berlin(t), Settings: map[string]string{"layout": layout}})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "open custom: layout: ") {
				t.Fatalf("error %q does not name the layout", err)
			}
			return
		}
		dt.Check(t, d, p, lines)
	})
}
