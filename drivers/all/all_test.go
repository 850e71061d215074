package all

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"calltally.app/drivers"
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
			dir := filepath.Join("..", packageDir(t, d))
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

// driverDirs lists the folders under drivers/ that hold Go code, but all/;
// like net/http/httptest, a folder
// named …test holds test support, not a driver.
func driverDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "all" || e.Name() == "testdata" || strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), "test") {
			continue
		}
		if goFiles, _ := filepath.Glob(filepath.Join("..", e.Name(), "*.go")); len(goFiles) > 0 {
			dirs = append(dirs, e.Name())
		}
	}
	return dirs
}

// packageDir finds the folder of the package that registered d, from the
// name of its New function: a driver's ID ("3cx") need not be its folder.
func packageDir(t *testing.T, d *drivers.Driver) string {
	t.Helper()
	fn := runtime.FuncForPC(reflect.ValueOf(d.New).Pointer())
	if fn == nil {
		t.Fatal("cannot find the New function")
	}
	name, found := strings.CutPrefix(fn.Name(), driversPath) // avayaipo.New, avayaipo.init.func1
	pkg, _, _ := strings.Cut(name, ".")
	if !found || strings.Contains(pkg, "/") {
		t.Fatalf("New is %s, not a function of a package directly under drivers/", fn.Name())
	}
	return pkg
}
