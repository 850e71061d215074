package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAccountedCalls configures a site the way a call-accounting user
// does (a dial plan, a tariff plan, a department with its extension),
// imports records and expects every call to carry its destination,
// department, cost centre and cost; rerate prices them again.
func TestAccountedCalls(t *testing.T) {
	data := t.TempDir()
	run := func(args ...string) string { return pbxOK(t, data, "", args...) }
	run("pbx", "add", "hq", "--driver", "avaya-ipo", "--dir", t.TempDir(), "--tz", "Europe/Berlin",
		"--dial-plan", "country=DE area=30 internal=200-299")
	run("tariff", "import", "../../collector/costing/example-plan.csv")
	run("costcentre", "add", "4100", "--name", "Field sales")
	run("dept", "add", "Sales/Field")
	run("ext", "add", "201", "--name", "Anna Meier", "--dept", "Sales/Field", "--costcentre", "4100")
	run("import", "--pbx", "hq", "../../drivers/avayaipo/testdata/sample/input.cdr")
	var anna map[string]any
	for _, line := range strings.Split(strings.TrimSpace(run("calls", "--json", "--extension", "201")), "\n") {
		if err := json.Unmarshal([]byte(line), &anna); err != nil {
			t.Fatal(err)
		}
		if anna["direction"] == "outbound" {
			break
		}
	}
	want := map[string]any{"department": "Sales/Field", "cost_centre": "4100", "currency": "EUR", "external_e164": "+4930123456"}
	for k, v := range want {
		if anna[k] != v {
			t.Errorf("%s = %v, want %v (call %v)", k, anna[k], v, anna)
		}
	}
	if cost, ok := anna["cost"].(float64); !ok || cost <= 0 {
		t.Errorf("cost %v: want a positive amount", anna["cost"])
	}
	if d, _ := anna["destination"].(map[string]any); d["country"] != "DE" || d["scope"] != "local" {
		t.Errorf("destination %v: want a local number (Berlin from a Berlin site)", anna["destination"])
	}
	if out := run("rerate", "--from", "2026-03-01"); !strings.HasPrefix(out, "priced ") {
		t.Errorf("rerate said %q", out)
	}
	if unassigned := run("ext", "list", "--json"); !strings.Contains(unassigned, `"202"`) {
		t.Errorf("extension 202, seen in calls, was not added to the directory: %s", unassigned)
	}
}
