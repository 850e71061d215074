package collector

import (
	"context"
	"database/sql"
	"net"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"calltally.app/storage"
)

// BenchmarkTCPListenIngest pushes simulated IP Office SMDR as fast as one
// connection carries it to a tcp-listen PBX with its database on disk, and
// reports the sustained rate at which calls become stored.
func BenchmarkTCPListenIngest(b *testing.B) {
	data, calls := smdr(b, 21, 30)
	for range b.N {
		addr := freeAddr(b)
		st, stop := collect(b, b.TempDir(), storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
		start := time.Now()
		conn := dialRetry(b, addr)
		conn.Write(data)
		conn.Close()
		waitCount(b, st, calls)
		b.ReportMetric(float64(calls)/time.Since(start).Seconds(), "calls/s")
		stop()
	}
}

// BenchmarkRecordToReadable sends one call at a time and measures how long
// after its last byte left the PBX it can be read through another
// database connection, as the desktop app would.
func BenchmarkRecordToReadable(b *testing.B) {
	data, _ := smdr(b, 22, 1)
	dir := b.TempDir()
	addr := freeAddr(b)
	st, stop := collect(b, dir, storage.PBXSystem{Name: "ipo", Transport: "tcp-listen", Address: addr})
	defer stop()
	conn := dialRetry(b, addr)
	defer conn.Close()
	reader, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "tenants", "default.db")+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		b.Fatal(err)
	}
	defer reader.Close()
	lines := splitLines(data)
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < len(lines) && i < 200; i++ {
		before := countRows(b, reader)
		sent := time.Now()
		conn.Write(lines[i])
		for countRows(b, reader) == before && time.Since(sent) < 5*time.Second {
			time.Sleep(200 * time.Microsecond)
		}
		lat = append(lat, time.Since(sent))
	}
	_ = st
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// splitLines returns the records of one-record calls only, so that each
// write completes exactly one call.
func splitLines(data []byte) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		i := 0
		for i < len(data) && data[i] != '\n' {
			i++
		}
		line := data[:min(i+1, len(data))]
		data = data[len(line):]
		if f := splitComma(line); len(f) > 10 && f[10] == "0" {
			out = append(out, line)
		}
	}
	return out
}

func splitComma(line []byte) []string {
	var f []string
	start := 0
	for i, c := range line {
		if c == ',' {
			f = append(f, string(line[start:i]))
			start = i + 1
		}
	}
	return f
}

func countRows(b *testing.B, db *sql.DB) int {
	var n int
	if err := db.QueryRow("SELECT count(*) FROM calls").Scan(&n); err != nil {
		b.Fatal(err)
	}
	return n
}

func dialRetry(b *testing.B, addr string) net.Conn {
	for range 200 {
		if conn, err := net.Dial("tcp", addr); err == nil {
			return conn
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.Fatalf("cannot connect to %s", addr)
	return nil
}

func waitCount(b *testing.B, st *storage.Store, want int) {
	ten, _ := st.Tenant(context.Background(), storage.DefaultTenant)
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if n, _ := ten.CountCalls(context.Background(), storage.CallFilter{}); n >= want {
			return
		}
	}
	b.Fatalf("fewer than %d calls stored", want)
}
