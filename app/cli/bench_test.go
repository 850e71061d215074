package cli

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"calltally.app/storage"
)

// BenchmarkCollectorRSS measures the resident memory of `collect` with
// one tcp-listen PBX: idle (3 s after start) and its peak while 75 days
// of a busy office's calls (~20,000) are pushed and stored; for the
// headless service build (calltally-collector: -tags nogui, no cgo) and
// for the full calltally with the desktop app linked in.
func BenchmarkCollectorRSS(b *testing.B) {
	builds := []struct {
		name string
		env  []string
		args []string
	}{
		{"calltally-collector", []string{"CGO_ENABLED=0"}, []string{"-tags", "nogui"}},
		{"calltally", nil, nil},
	}
	for _, bd := range builds {
		b.Run(bd.name, func(b *testing.B) {
			bin := b.TempDir() + "/" + bd.name
			build := exec.Command("go", append(append([]string{"build"}, bd.args...), "-o", bin, "calltally.app")...)
			build.Env = append(os.Environ(), bd.env...)
			if out, err := build.CombinedOutput(); err != nil {
				b.Fatalf("go build: %v\n%s", err, out)
			}
			for range b.N {
				collectorRSS(b, bin)
			}
		})
	}
}

func collectorRSS(b *testing.B, bin string) {
	data, inbox := b.TempDir(), b.TempDir()
	want := writeDays(b, inbox, 75)
	var smdr bytes.Buffer
	entries, _ := os.ReadDir(inbox)
	for _, e := range entries {
		f, _ := os.ReadFile(inbox + "/" + e.Name())
		smdr.Write(f)
	}
	addr := freePort(b)
	configure(b, data, storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	cmd := exec.Command(bin, "--data", data, "collect")
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	idle, idleAnon := rss(b, cmd.Process.Pid, "VmRSS:"), rss(b, cmd.Process.Pid, "RssAnon:")
	peak := idle
	go push(addr, smdr.Bytes())
	for storedCalls(b, data) < want {
		peak = max(peak, rss(b, cmd.Process.Pid, "VmRSS:"))
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	b.ReportMetric(float64(idle)/1024, "idle-MB")
	b.ReportMetric(float64(idleAnon)/1024, "idle-anon-MB")
	b.ReportMetric(float64(peak)/1024, "loaded-MB")
}

// push sends data to a collector listening on addr, waiting for it to
// listen.
func push(addr string, data []byte) {
	for range 400 {
		if conn, err := net.Dial("tcp", addr); err == nil {
			conn.Write(data)
			conn.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// rss returns a resident-size field of process pid's status in KiB
// (Linux): VmRSS is all of it, RssAnon the part that is the process's own
// (the rest is the executable's pages, shared and reclaimable).
func rss(b *testing.B, pid int, field string) int {
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		b.Skip("no /proc here:", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.Atoi(f[1])
			return kb
		}
	}
	b.Fatal("no ", field, " in /proc status")
	return 0
}
