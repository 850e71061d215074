package driverstest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"calltally.app/drivers"
)

// Golden parses every testdata/<case>/input.* with driver id and compares
// the calls with want.jsonl and the rejected records with want.err; -update
// rewrites both. A case's optional settings file holds KEY=VALUE lines:
// driver settings, plus tz (default Zone) and answerer (final or first).
// Calls with a Key are joined as `calltally parse` joins them. A bug
// report becomes a new folder, not new code.
func Golden(t *testing.T, id string) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no testdata/*/input.* (%v)", err)
	}
	for _, input := range inputs {
		dir := filepath.Dir(input)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := ParseCase(t, id, dir)
			CheckGolden(t, filepath.Join(dir, "want.jsonl"), JSONLines(t, got.Calls))
			CheckGolden(t, filepath.Join(dir, "want.err"), got.Errs)
		})
	}
}

// ParseCase parses the input of the golden case in dir as Golden does.
func ParseCase(t testing.TB, id, dir string) Parsed {
	t.Helper()
	inputs, err := filepath.Glob(filepath.Join(dir, "input.*"))
	if err != nil || len(inputs) != 1 {
		t.Fatalf("%s: want one input.* file, found %d (%v)", dir, len(inputs), err)
	}
	set := caseSettings(t, filepath.Join(dir, "settings"))
	cfg := drivers.Config{Location: Location(t, Zone), Attribution: drivers.Attribution(set["answerer"])}
	if tz := set["tz"]; tz != "" {
		cfg.Location = Location(t, tz)
	}
	delete(set, "tz")
	delete(set, "answerer")
	cfg.Settings = set
	return ParseFile(t, lookup(t, id), drivers.NewJoiner(OpenConfig(t, id, cfg), cfg.Attribution), inputs[0])
}

func caseSettings(t testing.TB, path string) map[string]string {
	t.Helper()
	set := map[string]string{}
	for _, line := range ReadLines(t, path) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: %q is not KEY=VALUE", path, line)
		}
		set[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return set
}

// JSONLines renders calls in their documented JSON form, one per line.
func JSONLines(t testing.TB, calls []drivers.Call) []string {
	t.Helper()
	lines := make([]string, len(calls))
	for i, c := range calls {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		lines[i] = string(b)
	}
	return lines
}

// CheckGolden compares lines with the golden file at path, or rewrites it
// with -update. A missing file means no lines; -update removes it then.
func CheckGolden(t *testing.T, path string, got []string) {
	t.Helper()
	if *update {
		writeGolden(t, path, got)
		return
	}
	want := ReadLines(t, path)
	for i := range max(len(got), len(want)) {
		g, w := lineAt(got, i), lineAt(want, i)
		if g != w {
			t.Errorf("%s line %d:\n got: %s\nwant: %s", path, i+1, g, w)
		}
	}
}

func writeGolden(t *testing.T, path string, lines []string) {
	t.Helper()
	if len(lines) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		return
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ReadLines returns the lines of the file at path, none if it is missing.
func ReadLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(none)"
}

// Decode reads one JSON object line.
func Decode(t testing.TB, line string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	return m
}

// JSONEqual compares two decoded JSON values.
func JSONEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}
