package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	sample := "../../drivers/avayaipo/testdata/sample/input.cdr"
	r := calltally(t, "", "detect", "--json", "--tz", "Europe/Berlin", "--received", "2026-04-01", sample)
	var got []struct {
		Driver  string            `json:"driver"`
		Score   float64           `json:"score"`
		Preview []json.RawMessage `json:"preview"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); r.code != 0 || err != nil {
		t.Fatalf("exit %d, %v, stdout %q, stderr %q", r.code, err, r.stdout, r.stderr)
	}
	if len(got) == 0 || got[0].Driver != "avaya-ipo" || got[0].Score < 0.9 || len(got[0].Preview) != 3 {
		t.Fatalf("best %+v; want avaya-ipo scoring at least 0.9 with three calls to preview", got)
	}
	table := calltally(t, "", "detect", "--tz", "Europe/Berlin", sample)
	if table.code != 0 || !strings.HasPrefix(table.stdout, "DRIVER") || !strings.Contains(table.stdout, "avaya-ipo reads:") {
		t.Errorf("table: exit %d, stdout:\n%s", table.code, table.stdout)
	}
	none := calltally(t, "hello\nworld\n", "detect", "-")
	if none.code != 1 || !strings.Contains(none.stdout, "No driver reads calls from this sample") {
		t.Errorf("no match: exit %d, stdout %q", none.code, none.stdout)
	}
}

// TestLayoutFlag: --layout reads the driver's layout setting from a file,
// as a site describes its records once and points every command at it.
func TestLayoutFlag(t *testing.T) {
	layout := filepath.Join(t.TempDir(), "layout.txt")
	os.WriteFile(layout, []byte("CHRGEE,CALLDIR,CALLEPTY,DESTPTY,TKNOLIST,ENDDAY,ENDMONTH,ENDYEAR,ENDHOUR,ENDMIN,ENDSEC,DURSEC,ACCTCODE:12\n"), 0o644)
	r := calltally(t, "", "parse", "--driver", "openscape-4000", "--tz", "Europe/Vienna", "--json",
		"--set", "separator=semicolon", "--set", "call-directions=ANK=inbound,ABG=outbound,INT=internal,TRANS=tandem",
		"--layout", layout, "../../drivers/openscape4000/testdata/separated/input.csv")
	// The case's bad lines make the exit status 1; its five calls are read.
	if n := strings.Count(r.stdout, "\n"); r.code != 1 || n != 5 || strings.Contains(r.stderr, "setting layout") {
		t.Fatalf("exit %d, %d calls, stderr %q; want 5 calls", r.code, n, r.stderr)
	}
	missing := calltally(t, "", "parse", "--driver", "openscape-4000", "--layout", "/nonexistent/layout")
	if missing.code == 0 || !strings.Contains(missing.stderr, "/nonexistent/layout") {
		t.Errorf("missing file: exit %d, stderr %q", missing.code, missing.stderr)
	}
}
