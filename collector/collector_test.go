package collector

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	_ "calltally.app/drivers/avayaipo"
	"calltally.app/storage"
)

// smdr returns days of simulated IP Office SMDR and how many calls it holds.
func smdr(t testing.TB, seed int64, days int) ([]byte, int) {
	t.Helper()
	loc, _ := time.LoadLocation("Europe/Berlin")
	drv, _ := drivers.Lookup("avaya-ipo")
	gen := simulator.NewGenerator(simulator.NewOffice(), seed, loc)
	var b bytes.Buffer
	calls, err := gen.Write(&b, drv, time.Date(2026, 3, 2, 0, 0, 0, 0, loc), days, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), len(calls)
}

// collect runs one PBX configured as sys (an IP Office in Berlin unless
// sys says otherwise) in the data directory dir until the test ends, and
// returns the store and what stops it early.
func collect(t testing.TB, dir string, sys storage.PBXSystem) (*storage.Store, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	st, err := storage.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	sys.Tenant, sys.Enabled = storage.DefaultTenant, true
	if sys.Driver == "" {
		sys.Driver, sys.TimeZone = "avaya-ipo", "Europe/Berlin"
	}
	if sys.ID, err = st.AddPBXSystem(ctx, sys); err != nil {
		if existing, gerr := st.PBXSystem(ctx, sys.Tenant, sys.Name); gerr == nil {
			sys.ID = existing.ID
		} else {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	go func() {
		runPBX(ctx, st, sys)
		close(done)
	}()
	stop := func() {
		cancel()
		<-done
		st.Close()
	}
	t.Cleanup(stop)
	return st, stop
}

// waitCalls waits until the default tenant holds want calls and fails if
// it never does or holds more.
func waitCalls(t *testing.T, st *storage.Store, want int) {
	t.Helper()
	ten, err := st.Tenant(context.Background(), storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if n, err = ten.CountCalls(context.Background(), storage.CallFilter{}); err == nil && n >= want {
			break
		}
	}
	time.Sleep(3 * commitDelay) // anything more would arrive by now
	if n, _ = ten.CountCalls(context.Background(), storage.CallFilter{}); n != want {
		t.Fatalf("%d calls stored, want %d", n, want)
	}
}

func freeAddr(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestTCPListen(t *testing.T) {
	addr := freeAddr(t)
	st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	data, calls := smdr(t, 1, 3)
	half := bytes.IndexByte(data[len(data)/2:], '\n') + len(data)/2 + 1
	push(t, addr, data[:half])
	// The IP Office reconnects and resends its buffer: some records again.
	push(t, addr, data[half/2:])
	waitCalls(t, st, calls)
	var s storage.ServiceStatus
	var err error
	for deadline := time.Now().Add(2 * heartbeatEvery); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if s, err = st.Status(context.Background(), 1); err == nil && s.RecordsToday > 0 {
			break
		}
	}
	if err != nil || s.RecordsToday == 0 || s.State != stateListening {
		t.Errorf("status = %+v, %v; want listening with records", s, err)
	}
}

// push connects to addr like a PBX and sends data.
func push(t *testing.T, addr string, data []byte) {
	var conn net.Conn
	var err error
	for range 100 { // the collector may still be starting
		if conn, err = net.Dial("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write(data); err != nil {
		t.Fatal(err)
	}
}

// TestTCPDialReconnects serves records to the collector, drops the
// connection three times part-way and sends everything again each time,
// as a PBX that resends its buffer would.
func TestTCPDialReconnects(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "mivb", Transport: "tcp-dial", Address: ln.Addr().String()})
	data, calls := smdr(t, 2, 2)
	for i := 1; i <= 4; i++ {
		conn, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		conn.Write(data[:len(data)*i/4])
		conn.Close()
	}
	waitCalls(t, st, calls)
}

func TestFolderResumesAndNoticesOverwrite(t *testing.T) {
	dir, inbox := t.TempDir(), t.TempDir()
	file := filepath.Join(inbox, "smdr.txt")
	data, calls := smdr(t, 3, 2)
	cut := bytes.IndexByte(data[len(data)/3:], '\n') + len(data)/3 + 10 // part of a line too
	os.WriteFile(file, data[:cut], 0o644)
	sys := storage.PBXSystem{Name: "files", Transport: "folder", Address: inbox}
	st, stop := collect(t, dir, sys)
	time.Sleep(pollEvery + time.Second)
	stop() // a restart of the collector
	os.WriteFile(file, data, 0o644)
	st, stop = collect(t, dir, sys)
	waitCalls(t, st, calls)
	stop()
	// The PBX overwrites the file with other calls (a new week).
	other, more := smdr(t, 4, 1)
	os.WriteFile(file, other, 0o644)
	old := time.Now().Add(-time.Minute)
	os.Chtimes(file, old, old)
	st, _ = collect(t, dir, sys)
	waitCalls(t, st, calls+more)
}

func TestMisconfiguredPBXReportsWhy(t *testing.T) {
	st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "bad", Transport: "syslog", Address: "127.0.0.1:0"})
	var s storage.ServiceStatus
	var err error
	for range 100 {
		if s, err = st.Status(context.Background(), 1); err == nil && s.State == stateMisconfigd {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if s.State != stateMisconfigd || s.LastError == "" {
		t.Fatalf("status = %+v, %v; want misconfigured with the reason", s, err)
	}
}

// TestTCPListenAllowList refuses a PBX connecting from an address that is
// not on the allow-list, and accepts one that is.
func TestTCPListenAllowList(t *testing.T) {
	data, calls := smdr(t, 8, 1)
	for _, tt := range []struct {
		allow []string
		want  int
	}{{[]string{"10.0.0.0/8"}, 0}, {[]string{"192.0.2.1", "127.0.0.1"}, calls}} {
		addr := freeAddr(t)
		st, stop := collect(t, t.TempDir(), storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr, Allow: tt.allow})
		push(t, addr, data)
		time.Sleep(500 * time.Millisecond)
		waitCalls(t, st, tt.want)
		stop()
	}
}
