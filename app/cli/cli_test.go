package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	_ "calltally.app/drivers/all"
	_ "calltally.app/i18n/locale"
)

// TestMain lets tests run the real command as a child process (see
// command): the test binary acts as calltally when CALLTALLY_CLI_MAIN=1.
func TestMain(m *testing.M) {
	if os.Getenv("CALLTALLY_CLI_MAIN") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Main(ctx, os.Args[1:])
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

type result struct {
	code           int
	stdout, stderr string
}

// calltally runs the command in-process with args.
func calltally(t testing.TB, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := e.main(context.Background(), args)
	return result{code, out.String(), errb.String()}
}

func TestDriversListsAvayaIPO(t *testing.T) {
	r := calltally(t, "", "drivers")
	if r.code != 0 || !strings.Contains(r.stdout, "avaya-ipo") || !strings.Contains(r.stdout, "tcp-listen") {
		t.Fatalf("drivers: %+v", r)
	}
	r = calltally(t, "", "drivers", "--settings", "avaya-ipo")
	if r.code != 0 || !strings.Contains(r.stdout, "trunk") {
		t.Fatalf("drivers --settings: %+v", r)
	}
}

func TestErrorsAreOneLine(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown driver", []string{"parse", "--driver", "nope"}, `unknown driver "nope" (valid: `},
		{"no driver", []string{"parse", "x"}, "--driver is required"},
		{"unreadable file", []string{"parse", "--driver", "avaya-ipo", filepath.Join(dir, "missing.txt")}, "missing.txt: no such file"},
		{"unknown setting", []string{"parse", "--driver", "avaya-ipo", "--set", "colour=red"}, `has no setting "colour"`},
		{"bad setting value", []string{"parse", "--driver", "avaya-ipo", "--set", "trunk=wire"}, "want one of"},
		{"bad zone", []string{"parse", "--driver", "avaya-ipo", "--tz", "Mars/Base"}, `time zone "Mars/Base"`},
		{"data dir is a file", []string{"--data", "/dev/null/x", "calls"}, "data directory /dev/null/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := calltally(t, "", tt.args...)
			if r.code == 0 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Fatalf("exit %d, stderr %q; want one line containing %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

// keys are the JSON keys the issue and checkers rely on.
var keys = []string{"start", "duration", "direction", "extension", "external", "trunk", "answered", "account_code"}

func readJSONL(t *testing.T, text string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		sub := map[string]any{}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Fatalf("key %q missing in %s", k, sc.Text())
			}
			sub[k] = m[k]
		}
		out = append(out, sub)
	}
	return out
}

func TestParseSampleJSON(t *testing.T) {
	want, err := os.ReadFile("testdata/ipo-sample.expected.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r := calltally(t, "", "parse", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", "--json", "testdata/ipo-sample.cdr")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("parse: %+v", r)
	}
	if got, w := readJSONL(t, r.stdout), readJSONL(t, string(want)); !reflect.DeepEqual(got, w) {
		t.Fatalf("parse --json:\n got %v\nwant %v", got, w)
	}
	// The same from standard input, and as a table.
	in, _ := os.ReadFile("testdata/ipo-sample.cdr")
	if r2 := calltally(t, string(in), "parse", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", "--json", "-"); r2.stdout != r.stdout {
		t.Errorf("stdin gives other calls:\n%s", r2.stdout)
	}
	if r3 := calltally(t, string(in), "parse", "--driver", "avaya-ipo"); r3.code != 0 || strings.Count(r3.stdout, "\n") != 7 {
		t.Errorf("table: %+v", r3)
	}
}

func TestParseReportsBadLines(t *testing.T) {
	input := "2026/03/02 09:14:00,00:02:05,4,201,O,0049301,0049301,,0,1000101,0,E201,Anna,T9001,Line 1.1,0,0\r\n" +
		"garbage\r\n" +
		"2026/03/02 25:14:00,00:02:05,4,201,O,0049301,0049301,,0,1000102,0,E201,Anna,T9001,Line 1.1,0,0\r\n"
	r := calltally(t, input, "parse", "--driver", "avaya-ipo", "--json")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "-:2: ") || !strings.HasPrefix(lines[1], "-:3: field 1") {
		t.Fatalf("stderr %q: want -:2: and -:3: field 1 …", r.stderr)
	}
	if strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("stdout %q: want the one good call", r.stdout)
	}
}

func TestImportTwiceAndQuery(t *testing.T) {
	data := t.TempDir()
	imp := func() result {
		return calltally(t, "", "--data", data, "import", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", "testdata/ipo-sample.cdr")
	}
	if r := imp(); r.code != 0 || r.stdout != "imported 6 calls, 0 duplicates skipped, 0 unparsed\n" {
		t.Fatalf("first import: %+v", r)
	}
	if r := imp(); r.code != 0 || r.stdout != "imported 0 calls, 7 duplicates skipped, 0 unparsed\n" {
		t.Fatalf("second import: %+v", r)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"calls", "--count"}, "6\n"},
		{[]string{"calls", "--count", "--direction", "inbound"}, "3\n"},
		{[]string{"calls", "--count", "--extension", "208"}, "1\n"},
		{[]string{"calls", "--count", "--from", "2026-03-02T10:00:00", "--to", "2026-03-02"}, "4\n"},
		{[]string{"calls", "--count", "--to", "2026-03-01"}, "0\n"},
		{[]string{"calls", "--count", "--limit", "2"}, "2\n"},
	}
	for _, tt := range tests {
		if r := calltally(t, "", append([]string{"--data", data}, tt.args...)...); r.stdout != tt.want {
			t.Errorf("%v = %q (%s), want %q", tt.args, r.stdout, r.stderr, tt.want)
		}
	}
	r := calltally(t, "", "calls", "--data", data, "--json")
	got := readJSONL(t, r.stdout)
	if len(got) != 6 || got[0]["start"] != "2026-03-02T13:20:00" || got[5]["start"] != "2026-03-02T09:14:00" {
		t.Fatalf("calls --json not newest first: %v", got)
	}
}
