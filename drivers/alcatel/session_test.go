package alcatel

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// tickets returns n distinct ED5.2 tickets as Encode writes them, without
// their line ends.
func tickets(t *testing.T, n int) []string {
	t.Helper()
	out := make([]string, n)
	for i := range out {
		start := dt.At(t, 9, i%60, 0)
		c := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "4120", External: "0301234567",
			Trunk: "1", Answered: true, Duration: 60 + i, CallID: strconv.Itoa(1000 + i),
			Legs: dt.Legs(drivers.Leg{Party: "4120", Start: start, Talk: 60 + i, Outcome: drivers.Answered})}
		var b strings.Builder
		if err := Encode(&b, &c); err != nil {
			t.Fatal(err)
		}
		out[i] = strings.TrimSuffix(b.String(), "\n")
	}
	return out
}

// message is a ticket message: the label, the text, NUL padding.
func message(kind byte, text string) []byte {
	m := make([]byte, messageLen)
	copy(m, []byte{0x01, 0x00, kind, 0x00})
	copy(m[labelLen:], text)
	return m
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// A fakeCPU is the call server's end of the ticket port, driven byte by
// byte by a test.
type fakeCPU struct {
	t    *testing.T
	conn net.Conn
}

func (c *fakeCPU) send(b []byte) {
	c.t.Helper()
	if _, err := c.conn.Write(b); err != nil {
		c.t.Errorf("CPU send %x: %v", b, err)
	}
}

// expect reads what the collector sent and compares it with want.
func (c *fakeCPU) expect(want []byte) {
	c.t.Helper()
	got := make([]byte, len(want))
	if _, err := io.ReadFull(c.conn, got); err != nil {
		c.t.Errorf("CPU waiting for %x: %v", want, err)
		return
	}
	if !bytes.Equal(got, want) {
		c.t.Errorf("CPU got %x, want %x", got, want)
	}
}

// open plays the main CPU's side of the handshake.
func (c *fakeCPU) open() {
	c.t.Helper()
	c.expect(hello)
	c.send(cat(helloMain, ready))
	c.expect(start)
}

// collect runs the collector's side as the collector does: Session in
// the record reader of a stream, until the connection ends. It returns
// the records' texts and the error that ended them (nil for a clean end).
func collect(conn net.Conn) ([]string, error) {
	rd := drivers.NewReader(Session(conn, true), "tcp://oxe", nil, nil)
	rd.Stream = true
	var texts []string
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return texts, nil
		}
		if err != nil {
			return texts, err
		}
		texts = append(texts, rec.Text)
	}
}

// runPort connects a fake CPU to the collector's side over an in-memory
// pipe, plays script on the CPU's side and returns what the collector read.
func runPort(t *testing.T, script func(cpu *fakeCPU)) ([]string, error) {
	t.Helper()
	cpuEnd, ourEnd := net.Pipe()
	deadline := time.Now().Add(5 * time.Second)
	cpuEnd.SetDeadline(deadline)
	ourEnd.SetDeadline(deadline)
	type result struct {
		texts []string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		texts, err := collect(ourEnd)
		ourEnd.Close()
		done <- result{texts, err}
	}()
	script(&fakeCPU{t: t, conn: cpuEnd})
	cpuEnd.Close()
	r := <-done
	return r.texts, r.err
}

// TestSessionTickets plays a session as the reference client meets it:
// tickets after ticket-ready marks, other tickets dropped, keep-alives
// between tickets, inside one, split over reads, and one that begins in
// a ticket's last byte.
func TestSessionTickets(t *testing.T) {
	tk := tickets(t, 6)
	m3, m4, m5 := message(labelCDR, tk[3]), message(labelCDR, tk[4]), message(labelCDR, tk[5])
	texts, err := runPort(t, func(cpu *fakeCPU) {
		cpu.open()
		cpu.send(cat(ready, message(labelCDR, tk[0]), testReq))
		cpu.expect(testRsp)
		cpu.send(cat(ready, message(0x06, "MAO=1;"), ready, message(0x07, "\xc0\x01voip"), ready, message(0x01, "")))
		cpu.send(cat(message(labelCDR, tk[1]), ready, message(labelCDR, tk[2])[:300]))
		cpu.send(message(labelCDR, tk[2])[300:])
		cpu.send(testReq[:2])
		cpu.send(testReq[2:])
		cpu.expect(testRsp)
		cpu.send(cat(ready, m3[:400], testReq, m3[400:]))
		cpu.expect(testRsp)
		cpu.send(cat(ready, m4[:messageLen-3], testReq, m4[messageLen-3:]))
		cpu.expect(testRsp)
		cpu.send(cat(ready, m5[:messageLen-1], testReq, m5[messageLen-1:], ready))
		cpu.expect(testRsp)
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(texts, "\n") != strings.Join(tk, "\n") {
		t.Errorf("read %d tickets:\n%s\nwant %d:\n%s", len(texts), strings.Join(texts, "\n"), len(tk), strings.Join(tk, "\n"))
	}
}

func TestSessionErrors(t *testing.T) {
	tk := tickets(t, 1)[0]
	tests := []struct {
		name   string
		script func(cpu *fakeCPU)
		want   string // in the reader's error
		is     error  // the error it wraps, if any
	}{
		{"standby CPU", func(cpu *fakeCPU) {
			cpu.expect(hello)
			cpu.send([]byte{0x00, 0x01, 0x51})
		}, "role byte 0x51", errStandby},
		{"not a call server", func(cpu *fakeCPU) {
			cpu.expect(hello)
			cpu.send([]byte{0xff, 0xff, 0x00})
		}, "no OXE call server's", nil},
		{"closed in the handshake", func(cpu *fakeCPU) {
			cpu.expect(hello)
			cpu.send([]byte{0x00})
		}, "read the CPU's answer", io.ErrUnexpectedEOF},
		{"unknown frame", func(cpu *fakeCPU) {
			cpu.open()
			cpu.send([]byte{0x07, 0x07})
		}, "unexpected bytes 0707", nil},
		{"mangled keep-alive", func(cpu *fakeCPU) {
			cpu.open()
			cpu.send([]byte("\x00\x08TEST_XYZ"))
		}, "where a keep-alive begins", nil},
		{"closed inside a ticket", func(cpu *fakeCPU) {
			cpu.open()
			cpu.send(cat(ready, message(labelCDR, tk)[:200]))
		}, "connection ended inside a ticket", io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runPort(t, tt.script)
			if err == nil || !strings.Contains(err.Error(), tt.want) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("error %v, want one containing %q (wrapping %v)", err, tt.want, tt.is)
			}
		})
	}
}

// quickCPU keeps the link busy with keep-alives and drops a collector
// that leaves one unanswered for 200 ms, less than playPort pauses.
var quickCPU = cpu{role: roleMain, every: 2 * time.Millisecond, wait: 200 * time.Millisecond}

// playPort runs Play's side on cpuEnd and Session's on ourEnd: the
// simulator writes tickets (after their dictionary, which only files
// have), pausing midway for keep-alives to come, then hangs up.
func playPort(t *testing.T, c cpu, cpuEnd, ourEnd net.Conn, tk []string) ([]string, error) {
	t.Helper()
	type result struct {
		texts []string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		texts, err := collect(ourEnd)
		ourEnd.Close()
		done <- result{texts, err}
	}()
	w, err := c.play(cpuEnd)
	if err != nil {
		t.Fatal(err)
	}
	var header strings.Builder
	Header(&header)
	io.WriteString(w, header.String())
	for i, text := range tk {
		if _, err := io.WriteString(w, text+"\r\n"); err != nil {
			t.Fatalf("ticket %d: %v", i, err)
		}
		if i == len(tk)/2 {
			time.Sleep(2 * quickCPU.wait)
		}
	}
	cpuEnd.Close()
	r := <-done
	return r.texts, r.err
}

// TestSessionPlaysWithPlay runs the two sides against each other, in
// memory and over loopback TCP, with keep-alives every 2 ms: Play drops
// a collector that leaves one unanswered, and the tickets after the
// pause would not arrive.
func TestSessionPlaysWithPlay(t *testing.T) {
	tk := tickets(t, 50)
	t.Run("pipe", func(t *testing.T) {
		cpuEnd, ourEnd := net.Pipe()
		texts, err := playPort(t, quickCPU, cpuEnd, ourEnd, tk)
		checkTexts(t, texts, err, tk)
	})
	t.Run("tcp", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ourEnd, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		cpuEnd, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		texts, err := playPort(t, quickCPU, cpuEnd, ourEnd, tk)
		checkTexts(t, texts, err, tk)
	})
}

func checkTexts(t *testing.T, texts []string, err error, want []string) {
	t.Helper()
	if err != nil && !errors.Is(err, net.ErrClosed) {
		t.Fatal(err)
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Errorf("read %d tickets, want %d; first: %q", len(texts), len(want), texts[:min(1, len(texts))])
	}
}

// TestPlayStandby: a standby CPU answers the hello and closes, and the
// collector says why.
func TestPlayStandby(t *testing.T) {
	cpuEnd, ourEnd := net.Pipe()
	done := make(chan error, 1)
	go func() {
		_, err := collect(ourEnd)
		done <- err
	}()
	if _, err := (cpu{role: 0x51}).play(cpuEnd); !errors.Is(err, errStandby) {
		t.Errorf("Play: %v, want the standby error", err)
	}
	if err := <-done; !errors.Is(err, errStandby) {
		t.Errorf("Session: %v, want the standby error", err)
	}
}

// TestPlayDropsSilentClient: a client that opens the session but never
// answers a keep-alive is disconnected, and writing to it then fails.
func TestPlayDropsSilentClient(t *testing.T) {
	cpuEnd, ourEnd := net.Pipe()
	ourEnd.SetDeadline(time.Now().Add(5 * time.Second))
	c := cpu{role: roleMain, every: 5 * time.Millisecond, wait: 30 * time.Millisecond}
	go func() {
		ourEnd.Write(hello)
		io.ReadFull(ourEnd, make([]byte, len(helloMain)))
		ourEnd.Write(start)
	}()
	w, err := c.play(cpuEnd)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(ourEnd) // keep-alives, until Play hangs up
	if err != nil {
		t.Fatalf("after %x: %v, want the connection closed by Play", got, err)
	}
	if !bytes.HasPrefix(got, testReq) || len(got) != len(testReq) {
		t.Errorf("read %x, want one keep-alive", got)
	}
	if _, err := io.WriteString(w, tickets(t, 1)[0]+"\n"); err == nil {
		t.Error("writing a ticket after the drop succeeded")
	}
}

// TestPlayFrames pins the bytes of a ticket on the port and the lines
// Play does not send.
func TestPlayFrames(t *testing.T) {
	cpuEnd, ourEnd := net.Pipe()
	ourEnd.SetDeadline(time.Now().Add(5 * time.Second))
	c := cpu{role: roleMain, every: time.Hour, wait: time.Hour}
	go func() {
		ourEnd.Write(hello)
		io.ReadFull(ourEnd, make([]byte, len(helloMain)))
		ourEnd.Write(start)
	}()
	w, err := c.play(cpuEnd)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		io.WriteString(w, "#TicketVersion,1,5,5\n\r\nED5.2 first")
		io.WriteString(w, " ticket\r\n")
		if _, err := io.WriteString(w, strings.Repeat("9", 769)+"\n"); err == nil {
			t.Error("a 769-byte ticket was sent")
		}
		cpuEnd.Close()
	}()
	got, _ := io.ReadAll(ourEnd)
	if want := cat(ready, message(labelCDR, "ED5.2 first ticket")); !bytes.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
