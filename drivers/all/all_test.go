package all

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

const driversPath = "calltally.app/drivers/"

// TestEveryDriverIsImported catches a driver folder that was added but
// never linked in: it would build, pass its tests and be missing.
func TestEveryDriverIsImported(t *testing.T) {
	imported := imports(t, "all.go")
	for _, dir := range driverDirs(t) {
		if !imported[driversPath+dir] {
			t.Errorf("drivers/%s is not imported by drivers/all/all.go: add _ %q", dir, driversPath+dir)
		}
	}
}

// TestDriverConventions checks what every driver owes its users and the
// next developer: a name, a transport, a README and golden test data.
func TestDriverConventions(t *testing.T) {
	all := drivers.All()
	if len(all) == 0 {
		t.Fatal("no driver registered")
	}
	for _, d := range all {
		t.Run(d.ID, func(t *testing.T) {
			if d.Name == "" {
				t.Error("Name is empty")
			}
			if len(d.Transports) == 0 {
				t.Error("no Transports")
			}
			dir := filepath.Join("..", dt.PackageDir(t, d))
			if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
				t.Errorf("no README.md: %v", err)
			}
			if fi, err := os.Stat(filepath.Join(dir, "testdata")); err != nil || !fi.IsDir() {
				t.Errorf("no testdata folder in %s", dir)
			}
		})
	}
}

// imports returns the import paths of a Go file.
func imports(t *testing.T, file string) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			t.Fatal(err)
		}
		paths[p] = true
	}
	return paths
}

// driverDirs lists the driver folders under drivers/: those whose code
// calls drivers.Register. Test kits (driverstest) and helpers that use
// the drivers (detect) are not drivers.
func driverDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "all" && registers(t, filepath.Join("..", e.Name())) {
			dirs = append(dirs, e.Name())
		}
	}
	return dirs
}

// registers reports whether a non-test Go file in dir calls drivers.Register.
func registers(t *testing.T, dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "drivers.Register(") {
			return true
		}
	}
	return false
}
