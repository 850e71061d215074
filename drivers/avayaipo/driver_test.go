package avayaipo

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin on machines without a zone database

	"calltally.app/drivers"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.jsonl and want.err from the parser's output")

// TestGolden parses every testdata/<case>/input.cdr and compares the calls
// with want.jsonl and the rejected records with want.err. A bug report
// becomes a new folder, not new code.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*/input.cdr")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no testdata/*/input.cdr (%v)", err)
	}
	for _, input := range inputs {
		dir := filepath.Dir(input)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := parseFile(t, openParser(t, nil), input)
			checkGolden(t, filepath.Join(dir, "want.jsonl"), jsonLines(t, got.calls))
			checkGolden(t, filepath.Join(dir, "want.err"), got.errs)
		})
	}
}

// TestSamplePublicExpected holds the sample to the normalized calls
// published beside it, whatever -update has written into want.jsonl.
func TestSamplePublicExpected(t *testing.T) {
	keys := []string{"start", "duration", "direction", "extension", "external", "trunk", "answered", "account_code"}
	got := parseFile(t, openParser(t, nil), "testdata/sample/input.cdr").calls
	slices.SortStableFunc(got, func(a, b drivers.Call) int { return a.Start.Compare(b.Start) })
	want := readLines(t, "testdata/sample/public.expected.jsonl")
	if len(got) != len(want) {
		t.Fatalf("got %d calls, want %d", len(got), len(want))
	}
	for i, line := range jsonLines(t, got) {
		g, w := decode(t, line), decode(t, want[i])
		for _, k := range keys {
			if !jsonEqual(g[k], w[k]) {
				t.Errorf("call %d (%s) %s = %v, want %v", i+1, w["start"], k, g[k], w[k])
			}
		}
	}
}

// parsed is what a parser made of an input: its calls in order, then
// one "FILE:LINE: reason" per record it rejected.
type parsed struct {
	calls []drivers.Call
	errs  []string
}

func fixedClock() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// berlinZone is loaded once: the fuzzer opens thousands of parsers.
var berlinZone = sync.OnceValues(func() (*time.Location, error) { return time.LoadLocation("Europe/Berlin") })

func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := berlinZone()
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// openParser opens the registered driver, as the program does, in
// Europe/Berlin with the given settings.
func openParser(t testing.TB, settings map[string]string) drivers.Parser {
	t.Helper()
	return openConfig(t, drivers.Config{Location: berlin(t), Settings: settings})
}

func openConfig(t testing.TB, cfg drivers.Config) drivers.Parser {
	t.Helper()
	d, err := drivers.Lookup("avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func parseFile(t testing.TB, p drivers.Parser, path string) parsed {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return parseAll(t, p, filepath.Base(path), f)
}

// parseAll feeds every record of r to p, numbering them 1, 2, 3…, then
// flushes it.
func parseAll(t testing.TB, p drivers.Parser, source string, r io.Reader) parsed {
	t.Helper()
	rd := drivers.NewReader(r, source, nil, fixedClock)
	var out parsed
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rec.ID = id
		calls, err := p.Parse(rec)
		out.calls = append(out.calls, calls...)
		if err != nil {
			out.errs = append(out.errs, rec.Where()+": "+err.Error())
		}
	}
	out.calls = append(out.calls, p.Flush()...)
	return out
}

// parseText parses lines given in a test.
func parseText(t testing.TB, p drivers.Parser, lines ...string) parsed {
	t.Helper()
	return parseAll(t, p, "test", strings.NewReader(strings.Join(lines, "\n")))
}

func jsonLines(t testing.TB, calls []drivers.Call) []string {
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

// checkGolden compares lines with the golden file at path, or rewrites it
// with -update. A missing file means no lines; -update removes it then.
func checkGolden(t *testing.T, path string, got []string) {
	t.Helper()
	if *update {
		writeGolden(t, path, got)
		return
	}
	want := readLines(t, path)
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

func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))), "\n"), "\n")
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(none)"
}

func decode(t testing.TB, line string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	return m
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}
