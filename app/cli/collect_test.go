package cli

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// configure adds a PBX to the data directory's master database.
func configure(t testing.TB, data string, sys storage.PBXSystem) {
	t.Helper()
	st, err := storage.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sys.Tenant, sys.Driver, sys.TimeZone, sys.Enabled = storage.DefaultTenant, "avaya-ipo", "Europe/Berlin", true
	if _, err := st.AddPBXSystem(context.Background(), sys); err != nil {
		t.Fatal(err)
	}
}

// writeDays writes days of simulated SMDR, one file per day, into dir and
// returns the number of calls.
func writeDays(t testing.TB, dir string, days int) int {
	t.Helper()
	loc, _ := time.LoadLocation("Europe/Berlin")
	drv, _ := drivers.Lookup("avaya-ipo")
	gen := simulator.NewGenerator(simulator.NewOffice(), 11, loc)
	first := time.Date(2026, 3, 2, 0, 0, 0, 0, loc)
	gen.Origin = first
	calls := 0
	for d := range days {
		day := first.AddDate(0, 0, d)
		f, err := os.Create(filepath.Join(dir, "smdr-"+day.Format("20060102")+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := gen.Write(f, drv, day, 1, time.Time{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		calls += len(gen.Day(day))
	}
	old := time.Now().Add(-time.Minute) // settled: no file is being written
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Chtimes(filepath.Join(dir, e.Name()), old, old)
	}
	return calls
}

// TestCollectorKilledExactlyOnce feeds ~20,000 calls in daily files to a
// collector killed with SIGKILL at random moments and restarted: in the
// end every call is stored exactly once.
func TestCollectorKilledExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	data, inbox := t.TempDir(), t.TempDir()
	want := writeDays(t, inbox, 75)
	configure(t, data, storage.PBXSystem{Name: "files", Transport: "folder", Address: inbox})
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	kills := 0
	for stored := 0; stored < want && kills < 12; kills++ {
		cmd := child("--data", data, "collect")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, data, stored+1+rng.IntN(min(want-stored, 4000)))
		cmd.Process.Kill()
		cmd.Wait()
		stored = storedCalls(t, data)
	}
	cmd := child("--data", data, "collect")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, data, want)
	time.Sleep(time.Second) // time to store a duplicate, if there were one
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Errorf("collector stopped with %v after SIGINT", err)
	}
	if n := storedCalls(t, data); n != want {
		t.Fatalf("%d calls stored, want %d (after %d kills)", n, want, kills)
	}
	t.Logf("%d calls stored exactly once after %d kills", want, kills)
}

// TestCollectTCPListen runs `calltally collect` with a tcp-listen PBX and
// pushes the sample to it as an IP Office would, twice (a resend).
func TestCollectTCPListen(t *testing.T) {
	data := t.TempDir()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	configure(t, data, storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	cmd := child("--data", data, "collect")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGINT); cmd.Wait() }()
	sample, _ := os.ReadFile("testdata/ipo-sample.cdr")
	for range 2 {
		pushTo(t, addr, sample)
	}
	waitFor(t, data, 6)
	time.Sleep(500 * time.Millisecond)
	if r := calltally(t, "", "--data", data, "calls", "--count"); strings.TrimSpace(r.stdout) != strconv.Itoa(6) {
		t.Fatalf("calls --count = %q, want 6", r.stdout)
	}
}

func pushTo(t testing.TB, addr string, data []byte) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			conn.Write(data)
			conn.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("collector never listened on %s: %v", addr, err)
		}
	}
}

// TestCollectorKilledTCP kills a tcp-listen collector at random moments
// while `calltally simulate` pushes calls to it, as an IP Office would,
// reconnecting and resending its buffer: what was committed is never lost
// and no call is stored twice.
func TestCollectorKilledTCP(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	data, addr := t.TempDir(), freePort(t)
	configure(t, data, storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	pbx := child("simulate", "--driver", "avaya-ipo", "--connect", addr, "--rate", "300", "--count", "3000", "--tz", "Europe/Berlin")
	if err := pbx.Start(); err != nil {
		t.Fatal(err)
	}
	defer pbx.Process.Kill()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	stored := 0
	for range 5 {
		cmd := child("--data", data, "collect")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(500+rng.IntN(1500)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		n := storedCalls(t, data)
		if n < stored {
			t.Fatalf("%d calls stored after a kill, %d before: committed calls were lost", n, stored)
		}
		stored = n
	}
	cmd := child("--data", data, "collect")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pbx.Wait() // the simulator has delivered everything it still held
	time.Sleep(time.Second)
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	keys := callIDs(t, calltally(t, "", "--data", data, "calls", "--json").stdout)
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			t.Fatalf("call stored twice: %s", keys[i])
		}
	}
	if len(keys) < stored || len(keys) > 3000 {
		t.Fatalf("%d calls stored at the end (%d before), want between them and 3000", len(keys), stored)
	}
	t.Logf("%d of 3000 calls stored once, none lost after commit, through 5 kills", len(keys))
}

// callIDs returns the sorted PBX call IDs of JSON calls (the simulator
// numbers its calls uniquely).
func callIDs(t *testing.T, jsonl string) []string {
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var c struct {
			CallID string `json:"call_id"`
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		ids = append(ids, c.CallID)
	}
	sort.Strings(ids)
	return ids
}
