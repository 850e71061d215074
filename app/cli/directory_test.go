package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extList returns ext list --json with extra flags.
func extList(t *testing.T, data string, args ...string) []extRow {
	t.Helper()
	var rows []extRow
	out := pbxOK(t, data, "", append([]string{"ext", "list", "--json"}, args...)...)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r extRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestDirectoryCommands(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	pbxOK(t, data, "", "dept", "add", "Sales/Inside Sales")
	pbxOK(t, data, "", "dept", "add", "Support")
	pbxOK(t, data, "", "costcentre", "add", "4100", "--name", "Sales")
	pbxOK(t, data, "", "costcentre", "add", "4200")
	pbxOK(t, data, "", "costcentre", "edit", "4200", "--name", "Support")

	out := pbxOK(t, data, "", "ext", "add", "201", "--name", "Desk A", "--user", "Anna", "--dept", "Sales/Inside Sales", "--costcentre", "4100", "--site", "Main")
	if out != "added extension 201 (Anna) for all time\n" {
		t.Errorf("add said %q", out)
	}
	out = pbxOK(t, data, "", "ext", "move", "201", "--from", "2026-03-01", "--to-user", "Ben", "--dept", "Support", "--costcentre", "4200")
	if out != "moved extension 201 to Ben from 2026-03-01 on (calls before 2026-03-01 keep their holder)\n" {
		t.Errorf("move said %q", out)
	}
	pbxOK(t, data, "", "ext", "edit", "201", "--at", "2026-01-15", "--name", "Desk A1")
	want := []extRow{
		{"201", "Desk A1", "Anna", "Sales/Inside Sales", "4100", "Main", "", "2026-03-01", false},
		{"201", "Desk A", "Ben", "Support", "4200", "Main", "2026-03-01", "", false},
	}
	if got := extList(t, data); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("ext list:\n got %v\nwant %v", got, want)
	}
	if got := extList(t, data, "--at", "2026-02-28T23:59:59"); len(got) != 1 || got[0].User != "Anna" {
		t.Fatalf("ext list --at: %v", got)
	}
	table := pbxOK(t, data, "", "ext", "list")
	if lines := strings.Split(table, "\n"); !strings.HasPrefix(lines[0], "NUMBER  NAME     USER  DEPARTMENT") ||
		strings.Join(strings.Fields(lines[2]), " ") != "201 Desk A Ben Support 4200 Main 2026-03-01 -" {
		t.Fatalf("table:\n%s", table)
	}

	// Export, remove, import: the same directory; importing again changes nothing.
	file := filepath.Join(t.TempDir(), "ext.csv")
	pbxOK(t, data, "", "ext", "export", file)
	if out := pbxOK(t, data, "", "ext", "remove", "201"); out != "removed 2 period(s) of extension 201\n" {
		t.Errorf("remove said %q", out)
	}
	if out := pbxOK(t, data, "", "ext", "import", file); out != "imported "+file+": 2 added, 0 changed, 0 unchanged\n" {
		t.Errorf("import said %q", out)
	}
	if out := pbxOK(t, data, "", "ext", "import", file); !strings.HasSuffix(out, ": 0 added, 0 changed, 2 unchanged\n") {
		t.Errorf("second import said %q", out)
	}
	if got := extList(t, data); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after the round trip:\n got %v\nwant %v", got, want)
	}

	// Renaming a department shows in the extensions' paths.
	pbxOK(t, data, "", "dept", "edit", "Sales", "--name", "Commercial")
	if got := extList(t, data, "--number", "201"); got[0].Department != "Commercial/Inside Sales" {
		t.Fatalf("after the rename: %v", got)
	}
	if out := pbxOK(t, data, "", "dept", "list", "--json"); !strings.Contains(out, `{"path":"Commercial/Inside Sales","name":"Inside Sales","parent":"Commercial"}`) {
		t.Errorf("dept list --json:\n%s", out)
	}
}

func TestPhonebookCommands(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	pbxOK(t, data, "", "phonebook", "add", "0301234567", "--e164", "+49301234567", "--name", "Anna Berg", "--company", "Berg GmbH")
	pbxOK(t, data, "", "phonebook", "edit", "0301234567", "--company", "Berg AG")
	out := pbxOK(t, data, "", "phonebook", "lookup", "+49301234567", "--json")
	if out != `{"number":"0301234567","e164":"+49301234567","name":"Anna Berg","company":"Berg AG"}`+"\n" {
		t.Fatalf("lookup: %q", out)
	}
	file := filepath.Join(t.TempDir(), "phones.csv")
	pbxOK(t, data, "", "phonebook", "export", file)
	if b, _ := os.ReadFile(file); string(b) != "number,e164,name,company\n0301234567,+49301234567,Anna Berg,Berg AG\n" {
		t.Fatalf("export: %q", b)
	}
	pbxOK(t, data, "", "phonebook", "remove", "0301234567")
	if r := calltally(t, "", "--data", data, "phonebook", "lookup", "0301234567"); r.code != 1 {
		t.Fatalf("lookup after remove: %+v", r)
	}
	// Import from standard input.
	in := "number;company\n0800111;Hotline\n"
	if out := pbxOK(t, data, in, "phonebook", "import", "-"); out != "imported -: 1 added, 0 changed, 0 unchanged\n" {
		t.Fatalf("import -: %q", out)
	}
}

func TestExtImportFiveHundredAndErrors(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	var b strings.Builder
	b.WriteString("number,name,user\n")
	for i := range 500 {
		fmt.Fprintf(&b, "%d,Desk %d,User %d\n", 1000+i, i, i)
	}
	if out := pbxOK(t, data, b.String(), "ext", "import", "-"); out != "imported -: 500 added, 0 changed, 0 unchanged\n" {
		t.Fatalf("import: %q", out)
	}
	if n := strings.Count(pbxOK(t, data, "", "ext", "list"), "\n"); n != 501 {
		t.Fatalf("ext list: %d lines", n)
	}
	bad := "number,user,department\n1000,Anna,\n1001,Ben,Nowhere\n1002,Cleo,\n10 03,Dan,\n"
	r := calltally(t, bad, "--data", data, "ext", "import", "-")
	want := "-:3: column department: no department \"Nowhere\" (add it with calltally dept add, or import the departments first)\n" +
		"-:5: column number: number \"10 03\": want a number without spaces\n" +
		"calltally: ext import: 2 problem(s) in -: nothing imported\n"
	if r.code != 1 || r.stderr != want || r.stdout != "" {
		t.Fatalf("bad import: exit %d, stderr\n%s\nwant\n%s", r.code, r.stderr, want)
	}
	if got := extList(t, data, "--number", "1000"); got[0].User != "User 0" {
		t.Fatalf("a failed import changed 1000: %v", got)
	}
}

func TestDirectoryErrorsAreOneLine(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	pbxOK(t, data, "", "dept", "add", "Sales")
	pbxOK(t, data, "", "ext", "add", "201", "--user", "Anna", "--dept", "Sales")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ext", "add", "201", "--user", "Ben", "--from", "2026-03-01"}, "calltally: ext: extension 201 from 2026-03-01 on overlaps its period for all time (Anna): end that period first (ext edit --at DATE --to DATE) or use ext move"},
		{[]string{"ext", "add", "202", "--dept", "Nowhere"}, `calltally: ext: department "Nowhere": not found`},
		{[]string{"ext", "add", "202", "--from", "March"}, `calltally: ext: --from: date "March": want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS`},
		{[]string{"ext", "move", "201", "--to-user", "Ben"}, "calltally: ext: --from is required: the date the change takes effect"},
		{[]string{"ext", "move", "201", "--from", "2026-03-01"}, "calltally: ext: nothing to change: give --to-user"},
		{[]string{"ext", "edit", "999", "--user", "x"}, "calltally: ext: extension 999: not found"},
		{[]string{"ext", "remove", "201", "--at", "2020-01-01T00:00"}, ""}, // for all time: found
		{[]string{"ext", "remove", "201"}, "calltally: ext: extension 201: not found"},
		{[]string{"dept", "remove", "Nowhere"}, `calltally: dept: department "Nowhere": not found`},
		{[]string{"dept", "edit", "Sales", "--parent", "Sales"}, "calltally: dept: move department \"Sales\" to \"Sales/Sales\": a department cannot be moved under itself"},
		{[]string{"costcentre", "remove", "9"}, `calltally: costcentre: cost centre "9": not found`},
		{[]string{"phonebook", "add", "0301", "--e164", "0049301"}, `calltally: phonebook: E.164 number "0049301": want + and up to 15 digits`},
		{[]string{"phonebook", "add", "0301", "--name", "x"}, ""},
		{[]string{"phonebook", "add", "0301"}, `calltally: phonebook: phonebook number "0301": already exists`},
	}
	for _, tt := range tests {
		r := calltally(t, "", append([]string{"--data", data}, tt.args...)...)
		if tt.want == "" {
			if r.code != 0 {
				t.Errorf("%v: exit %d, %s", tt.args, r.code, r.stderr)
			}
			continue
		}
		if r.code != 1 || !strings.HasPrefix(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want one line starting %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
	pbxOK(t, data, "", "ext", "add", "201", "--dept", "Sales")
	r := calltally(t, "", "--data", data, "dept", "remove", "Sales")
	if r.code != 1 || r.stderr != "calltally: dept: department \"Sales\" has 1 extension period(s): in use: move them first (dept edit --parent, ext edit --dept)\n" {
		t.Errorf("dept remove in use: %+v", r)
	}
	if r := calltally(t, "", "--data", data, "ext", "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, `unknown subcommand "frobnicate" (want add, edit, export, import, list, move, remove)`) {
		t.Errorf("unknown subcommand: %+v", r)
	}
}
