package cli

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"calltally.app/collector/ingest"
	"calltally.app/collector/simulator"
	"calltally.app/drivers"
)

// child starts calltally as a separate process (the test binary, see
// TestMain) so that it can be killed.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CALLTALLY_CLI_MAIN=1")
	return cmd
}

// writeSMDR writes days of simulated office traffic as IP Office SMDR.
func writeSMDR(t *testing.T, file string, days int) {
	t.Helper()
	loc, _ := time.LoadLocation("Europe/Berlin")
	drv, err := drivers.Lookup("avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gen := simulator.NewGenerator(simulator.NewOffice(), 7, loc)
	if _, err := gen.Write(f, drv, time.Date(2026, 3, 2, 0, 0, 0, 0, loc), days, time.Time{}); err != nil {
		t.Fatal(err)
	}
}

// TestKilledImportStoresEveryCallOnce kills `calltally import` with
// SIGKILL at random moments, runs it again to the end, and checks that the
// stored calls are exactly the parsed calls: none lost, none twice.
func TestKilledImportStoresEveryCallOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	file, data := filepath.Join(dir, "smdr.txt"), filepath.Join(dir, "data")
	writeSMDR(t, file, 30)
	importArgs := []string{"--data", data, "import", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", file}
	want := callKeys(t, calltally(t, "", "parse", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", "--json", file).stdout)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	midway := 0
	for kill := range 6 {
		stored := storedCalls(t, data)
		if stored == len(want) {
			break
		}
		target := stored + 1 + rng.IntN(min(len(want)-stored, ingest.BatchSize*2))
		cmd := child(importArgs...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, data, target)
		cmd.Process.Kill()
		cmd.Wait()
		after := storedCalls(t, data)
		t.Logf("kill %d at %d of %d calls: %d stored", kill, target, len(want), after)
		if after < len(want) {
			midway++
		}
	}
	if midway == 0 {
		t.Fatal("no kill landed during an import; the test proved nothing")
	}
	if out, err := child(importArgs...).CombinedOutput(); err != nil {
		t.Fatalf("final import: %v\n%s", err, out)
	}
	got := callKeys(t, calltally(t, "", "--data", data, "calls", "--json").stdout)
	if len(got) != len(want) {
		t.Fatalf("stored %d calls, parsed %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("call %d: stored %s, parsed %s", i, got[i], want[i])
		}
	}
	t.Logf("%d calls stored exactly once after %d kills during imports", len(got), midway)
}

// waitFor returns once data holds at least n calls.
func waitFor(t *testing.T, data string, n int) {
	for deadline := time.Now().Add(2 * time.Minute); storedCalls(t, data) < n; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("import did not reach %d calls", n)
		}
	}
}

func storedCalls(t testing.TB, data string) int {
	r := calltally(t, "", "--data", data, "calls", "--count")
	n, err := strconv.Atoi(strings.TrimSpace(r.stdout))
	if err != nil {
		t.Fatalf("calls --count: %+v", r)
	}
	return n
}

// callKeys reduces JSON calls to sorted one-line summaries.
func callKeys(t *testing.T, jsonl string) []string {
	var keys []string
	for _, m := range readJSONL(t, jsonl) {
		keys = append(keys, strings.TrimSpace(strings.Join([]string{
			m["start"].(string), m["direction"].(string), m["extension"].(string),
			m["external"].(string), jsonNumber(m["duration"]),
		}, " ")))
	}
	sort.Strings(keys)
	return keys
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
