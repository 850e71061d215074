package collector

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"net"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"calltally.app/storage"
)

// TestConnectionDropped50Times drops the PBX connection 50 times at random
// points (often in the middle of a record); each time the PBX sends again
// from an earlier point, as an IP Office replays its buffer. Every call is
// stored once: cut records are kept as unreadable, resent ones skipped.
func TestConnectionDropped50Times(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "flaky", Transport: "tcp-dial", Address: ln.Addr().String()})
	data, calls := smdr(t, 5, 3)
	rng := rand.New(rand.NewPCG(9, 9))
	sent := 0
	for i := range 51 {
		conn, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		from := rng.IntN(sent + 1) // replay from somewhere already sent
		end := min(len(data), sent+rng.IntN(len(data)/25+1))
		if i == 50 {
			end = len(data)
		}
		from = lineStart(data, from)
		conn.Write(data[from:max(from, end)])
		conn.Close()
		sent = max(sent, end)
	}
	waitCalls(t, st, calls)
}

// lineStart moves i back to the start of its line, as a PBX resends whole
// records.
func lineStart(data []byte, i int) int {
	for i > 0 && data[i-1] != '\n' {
		i--
	}
	return i
}

// TestDatabaseLockedTenSeconds holds the tenant database's write lock from
// another connection for 10 s while the PBX sends: the collector waits
// (and retries) and then stores everything.
func TestDatabaseLockedTenSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 10 s")
	}
	dir := t.TempDir()
	addr := freeAddr(t)
	st, _ := collect(t, dir, storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	data, calls := smdr(t, 6, 2)
	push(t, addr, data[:lineStart(data, len(data)/3)]) // some calls first
	waitSome(t, st)
	release := lock(t, filepath.Join(dir, "tenants", storage.DefaultTenant+".db"))
	push(t, addr, data)
	time.Sleep(10 * time.Second)
	release()
	waitCalls(t, st, calls)
}

// lock takes the write lock of the SQLite file and returns its release.
func lock(t *testing.T, file string) func() {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	return func() {
		conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
		db.Close()
	}
}

func waitSome(t *testing.T, st *storage.Store) {
	ten, _ := st.Tenant(context.Background(), storage.DefaultTenant)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if n, _ := ten.CountCalls(context.Background(), storage.CallFilter{}); n > 0 {
			return
		}
	}
	t.Fatal("no call stored")
}

// TestDataDirReadOnlyThenWritable makes the tenant database unwritable
// (immutable, which holds even for root) while the PBX sends, then
// writable again: the collector holds the records and stores them all.
func TestDataDirReadOnlyThenWritable(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	st, _ := collect(t, dir, storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	data, calls := smdr(t, 7, 2)
	push(t, addr, data[:lineStart(data, len(data)/3)])
	waitSome(t, st)
	files, _ := filepath.Glob(filepath.Join(dir, "tenants", "*"))
	files = append(files, filepath.Join(dir, "tenants"))
	if out, err := exec.Command("chattr", append([]string{"+i"}, files...)...).CombinedOutput(); err != nil {
		t.Skipf("cannot make files immutable here (needs root and chattr): %v %s", err, out)
	}
	writable := func() { exec.Command("chattr", append([]string{"-i"}, files...)...).Run() }
	defer writable()
	push(t, addr, data)
	time.Sleep(3 * time.Second)
	writable()
	waitCalls(t, st, calls)
}
