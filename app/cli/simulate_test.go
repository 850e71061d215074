package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"calltally.app/drivers"
)

// lockedBuffer is a buffer a running command writes while the test reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runningCommand is a command started in-process with a context the
// test ends.
type runningCommand struct {
	stdout, stderr lockedBuffer
	done           chan int
}

func startCommand(ctx context.Context, args ...string) *runningCommand {
	r := &runningCommand{done: make(chan int, 1)}
	e := &env{stdin: strings.NewReader(""), stdout: &r.stdout, stderr: &r.stderr}
	go func() { r.done <- e.main(ctx, args) }()
	return r
}

// wait returns the command's exit status.
func (r *runningCommand) wait(t *testing.T) int {
	t.Helper()
	select {
	case code := <-r.done:
		return code
	case <-time.After(2 * time.Minute): // -race on two busy cores is slow
		t.Fatalf("the command did not end; stderr:\n%s", r.stderr.String())
		return 0
	}
}

// logged waits for a log line with message msg and returns its key's value.
func (r *runningCommand) logged(t *testing.T, msg, key string) string {
	t.Helper()
	re := regexp.MustCompile(`msg=` + msg + ` .*\b` + key + `=(\S+)`)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if m := re.FindStringSubmatch(r.stderr.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("no %q in the log:\n%s", msg, r.stderr.String())
	return ""
}

// parseWholeSMDR parses IP Office SMDR as a collector would, failing on any
// line that is not a whole record and any call left without its last one.
func parseWholeSMDR(t *testing.T, text string) []drivers.Call {
	t.Helper()
	drv, err := drivers.Lookup("avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := drivers.LoadZone("Europe/Berlin")
	p, err := drv.Open(drivers.Config{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	var calls []drivers.Call
	for rd := drivers.NewReader(strings.NewReader(text), "received", nil, nil); ; {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		got, err := p.Parse(rec)
		if err != nil {
			t.Fatalf("%s: %v: %q", rec.Where(), err, rec.Text)
		}
		calls = append(calls, got...)
	}
	if open := p.Flush(); len(open) > 0 {
		t.Fatalf("%d calls without their last record", len(open))
	}
	return calls
}

// checkDelivered parses what each connection carried on its own and checks
// that together they hold want different calls, none of them lost.
func checkDelivered(t *testing.T, conns [][]byte, want int) {
	t.Helper()
	ids := map[string]bool{}
	total := 0
	for i, data := range conns {
		calls := parseWholeSMDR(t, string(data))
		t.Logf("connection %d: %d calls", i+1, len(calls))
		for _, c := range calls {
			ids[c.CallID] = true
		}
		total += len(calls)
	}
	if len(ids) != want || total < want {
		t.Fatalf("%d calls with %d Call IDs, want %d", total, len(ids), want)
	}
}

// fakeCollector accepts connections on ln until it is closed and returns
// what each carried. It hangs up the first after cut lines: closing its
// sending side and reading on, as a collector that stops cleanly does.
// (Records still in flight when a collector closes outright are lost in
// TCP itself, with a real PBX as with the simulator.)
func fakeCollector(ln net.Listener, cut int) <-chan [][]byte {
	out := make(chan [][]byte, 1)
	go func() {
		var conns [][]byte
		for {
			conn, err := ln.Accept()
			if err != nil {
				out <- conns
				return
			}
			conns = append(conns, receiveRecords(conn.(*net.TCPConn), cut))
			conn.Close()
			cut = 0
		}
	}()
	return out
}

func receiveRecords(conn *net.TCPConn, cut int) []byte {
	var data bytes.Buffer
	br := bufio.NewReader(conn)
	for i := 0; i < cut; i++ {
		line, err := br.ReadString('\n')
		data.WriteString(line)
		if err != nil {
			return data.Bytes()
		}
	}
	if cut > 0 {
		conn.CloseWrite()
	}
	io.Copy(&data, br)
	return data.Bytes()
}

func TestSimulateConnect(t *testing.T) {
	tests := []struct {
		name      string
		rate      string
		cut       int // lines after which the collector hangs up; 0 never
		wantConns int
	}{
		{"one connection", "0", 0, 1},
		{"collector hangs up", "300", 60, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			received := fakeCollector(ln, tt.cut)
			r := calltally(t, "", "simulate", "--driver", "avaya-ipo", "--tz", "Europe/Berlin",
				"--connect", ln.Addr().String(), "--rate", tt.rate, "--count", "200")
			ln.Close()
			conns := <-received
			if r.code != 0 || r.stdout != "simulated 200 calls\n" || len(conns) != tt.wantConns {
				t.Fatalf("exit %d, stdout %q, %d connections; stderr:\n%s", r.code, r.stdout, len(conns), r.stderr)
			}
			if n := strings.Count(r.stderr, "msg=Connected"); n != tt.wantConns {
				t.Errorf("%d connection events logged, want %d:\n%s", n, tt.wantConns, r.stderr)
			}
			checkDelivered(t, conns, 200)
		})
	}
}

func TestSimulateListen(t *testing.T) {
	r := startCommand(context.Background(), "simulate", "--driver", "avaya-ipo", "--tz", "Europe/Berlin",
		"--listen", "127.0.0.1:0", "--rate", "0", "--count", "100")
	conn, err := net.Dial("tcp", r.logged(t, "Listening", "addr"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	data, err := io.ReadAll(conn)
	if code := r.wait(t); code != 0 || err != nil || r.stdout.String() != "simulated 100 calls\n" {
		t.Fatalf("exit %d, read error %v, stdout %q; stderr:\n%s", code, err, r.stdout.String(), r.stderr.String())
	}
	checkDelivered(t, [][]byte{data}, 100)
}

// TestSimulateListenReplaces connects a second collector while the first
// reads: the first is let go, the second gets the rest.
func TestSimulateListenReplaces(t *testing.T) {
	r := startCommand(context.Background(), "simulate", "--driver", "avaya-ipo", "--tz", "Europe/Berlin",
		"--listen", "127.0.0.1:0", "--rate", "200", "--count", "100")
	addr := r.logged(t, "Listening", "addr")
	first, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	br := bufio.NewReader(first)
	head, _ := br.ReadString('\n') // the first is being served
	second, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	rest, err := io.ReadAll(br) // ends when the simulator lets it go
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(second)
	if code := r.wait(t); code != 0 || len(data) == 0 || !strings.Contains(r.stderr.String(), "a newer connection replaced it") {
		t.Fatalf("exit %d, %d bytes on the second connection; stderr:\n%s", code, len(data), r.stderr.String())
	}
	checkDelivered(t, [][]byte{append([]byte(head), rest...), data}, 100)
}

// readDayFiles returns the day files in dir, in date order, joined.
func readDayFiles(t *testing.T, dir string) string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "smdr-*.txt"))
	if err != nil || len(names) == 0 || len(names) > 2 {
		t.Fatalf("day files %v, %v", names, err)
	}
	var all strings.Builder
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	return all.String()
}

func TestSimulateDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "smdr")
	r := calltally(t, "", "simulate", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", "--dir", dir, "--rate", "0", "--count", "30")
	if r.code != 0 || r.stdout != "simulated 30 calls\n" || !strings.Contains(r.stderr, "msg=Writing") {
		t.Fatalf("%+v", r)
	}
	if calls := parseWholeSMDR(t, readDayFiles(t, dir)); len(calls) != 30 {
		t.Fatalf("%d calls in the day files, want 30", len(calls))
	}
}

// TestSimulateStops interrupts unlimited runs: they end cleanly and say
// how many calls they made.
func TestSimulateStops(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	nobody := ln.Addr().String()
	ln.Close() // a collector that is not running
	tests := []struct {
		name, flag, value string
		wantLog           string
	}{
		{"writing files", "--dir", dir, "msg=Writing"},
		{"no collector to push to", "--connect", nobody, "msg=\"Cannot connect\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			r := startCommand(ctx, "simulate", "--driver", "avaya-ipo", "--tz", "Europe/Berlin", tt.flag, tt.value, "--rate", "50")
			time.Sleep(300 * time.Millisecond)
			cancel()
			var n int
			if code := r.wait(t); code != 0 || !strings.Contains(r.stderr.String(), tt.wantLog) {
				t.Fatalf("exit %d; stderr:\n%s", code, r.stderr.String())
			}
			if _, err := fmt.Sscanf(r.stdout.String(), "simulated %d calls\n", &n); err != nil || n == 0 {
				t.Fatalf("stdout %q", r.stdout.String())
			}
			if tt.flag == "--dir" && len(parseWholeSMDR(t, readDayFiles(t, dir))) != n {
				t.Errorf("the day files do not hold the %d calls made", n)
			}
		})
	}
}

func TestSimulateErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().String()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no output", []string{"--driver", "avaya-ipo"}, "exactly one of --listen ADDR, --connect ADDR, --syslog ADDR or --dir DIR is required"},
		{"two outputs", []string{"--driver", "avaya-ipo", "--dir", t.TempDir(), "--connect", "127.0.0.1:1"}, "exactly one of"},
		{"unknown driver", []string{"--driver", "nope", "--dir", t.TempDir()}, `unknown driver "nope" (valid: `},
		{"no driver", []string{"--dir", t.TempDir()}, "--driver is required"},
		{"bad address", []string{"--driver", "avaya-ipo", "--connect", "localhost"}, `--connect "localhost": bad address`},
		{"port out of range", []string{"--driver", "avaya-ipo", "--listen", "127.0.0.1:65536"}, `--listen "127.0.0.1:65536": bad address`},
		{"address in use", []string{"--driver", "avaya-ipo", "--listen", busy}, "--listen " + busy + ": listen tcp"},
		{"no port to connect to", []string{"--driver", "avaya-ipo", "--connect", "127.0.0.1:0"}, "bad address"},
		{"bad rate", []string{"--driver", "avaya-ipo", "--dir", t.TempDir(), "--rate", "-1"}, "--rate -1"},
		{"unusable directory", []string{"--driver", "avaya-ipo", "--dir", "/dev/null/smdr"}, "/dev/null/smdr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := calltally(t, "", append([]string{"simulate"}, tt.args...)...)
			if r.code == 0 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Fatalf("exit %d, stderr %q; want one line containing %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

// TestSimulateSyslogToCollector plays a Cisco gateway that sends its call
// history as syslog over TCP to a running collector: every simulated
// call must be stored once, its two gateway legs joined.
func TestSimulateSyslogToCollector(t *testing.T) {
	data, addr := t.TempDir(), freePort(t)
	pbxOK(t, data, "", "pbx", "add", "cme", "--driver", "cisco-cme", "--syslog", addr, "--tz", "Europe/Berlin")
	ctx, cancel := context.WithCancel(context.Background())
	collector := startCommand(ctx, "--data", data, "collect")
	defer func() { cancel(); collector.wait(t) }()
	r := calltally(t, "", "simulate", "--driver", "cisco-cme", "--tz", "Europe/Berlin", "--syslog", addr, "--rate", "0", "--count", "100")
	if r.code != 0 || r.stdout != "simulated 100 calls\n" {
		t.Fatalf("simulate: exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	var got string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got = calltally(t, "", "--data", data, "calls", "--count").stdout; got == "100\n" {
			return
		}
	}
	t.Fatalf("calls --count = %q, want 100; collector stderr:\n%s", got, collector.stderr.String())
}

// TestSimulateOXERealTimePort plays an OmniPCX Enterprise's real-time
// ticket port (TCP 2533: handshake, keep-alives, one client at a time) to
// a collector that dials it: every simulated call is stored once, and a
// second client is turned away while the collector holds the port.
func TestSimulateOXERealTimePort(t *testing.T) {
	data, addr := t.TempDir(), freePort(t)
	pbxOK(t, data, "", "pbx", "add", "oxe", "--driver", "alcatel-oxe", "--connect", addr, "--tz", "Europe/Berlin")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pbx := startCommand(ctx, "simulate", "--driver", "alcatel-oxe", "--tz", "Europe/Berlin", "--listen", addr, "--rate", "20", "--count", "60")
	collector := startCommand(ctx, "--data", data, "collect")
	defer func() { cancel(); collector.wait(t) }()
	eventually(t, "the collector to take the port", func() bool { return strings.Contains(pbx.stderr.String(), "Collector connected") })
	if conn, err := net.Dial("tcp", addr); err == nil {
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		if n, _ := conn.Read(make([]byte, 1)); n != 0 {
			t.Error("a second client was served while the collector held the port")
		}
		conn.Close()
	}
	if code := pbx.wait(t); code != 0 {
		t.Fatalf("simulate exit %d:\n%s", code, pbx.stderr.String())
	}
	eventually(t, "60 calls stored", func() bool {
		return calltally(t, "", "--data", data, "calls", "--count").stdout == "60\n"
	})
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}
