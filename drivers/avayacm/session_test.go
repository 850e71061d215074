package avayacm

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
)

const (
	rspRecord1 = "030226 0916 00125 0020 7    9  101      004930123456            4120                               2"
	rspRecord2 = "030226 1003 00340 0056 9            102 4121                    08912345678                     007 "
)

// A fakeCM is the CM's end of a CDR link, driven step by step by a test.
type fakeCM struct {
	t    *testing.T
	conn net.Conn
}

func (cm *fakeCM) send(b ...byte) {
	cm.t.Helper()
	if _, err := cm.conn.Write(b); err != nil {
		cm.t.Errorf("CM send %x: %v", b, err)
	}
}

// expect reads the collector's answer and compares it with want.
func (cm *fakeCM) expect(want ...byte) {
	cm.t.Helper()
	got := make([]byte, len(want))
	if _, err := io.ReadFull(cm.conn, got); err != nil {
		cm.t.Errorf("CM waiting for %x: %v", want, err)
		return
	}
	if !bytes.Equal(got, want) {
		cm.t.Errorf("CM got %x, want %x", got, want)
	}
}

func dataPacket(seq byte, text string) []byte {
	return append([]byte{rspData, 0x00, 0x01, seq, 0x00}, text...)
}

// readAll runs the collector's side: Session wrapped in the reader the
// collector uses, until the connection ends. It returns the records and
// the error that ended them (nil for a clean end).
func readAll(conn net.Conn) ([]drivers.Record, error) {
	rd := drivers.NewReader(Session(conn, false), "tcp://cm", nil, nil)
	rd.Stream = true
	var recs []drivers.Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}

// runLink connects a fake CM to the collector's side over an in-memory
// pipe, plays script on the CM's side and returns what the collector read.
func runLink(t *testing.T, script func(cm *fakeCM)) ([]drivers.Record, error) {
	t.Helper()
	cmEnd, ourEnd := net.Pipe()
	deadline := time.Now().Add(5 * time.Second)
	cmEnd.SetDeadline(deadline)
	ourEnd.SetDeadline(deadline)
	type result struct {
		recs []drivers.Record
		err  error
	}
	done := make(chan result, 1)
	go func() {
		recs, err := readAll(ourEnd)
		ourEnd.Close()
		done <- result{recs, err}
	}()
	script(&fakeCM{t: t, conn: cmEnd})
	cmEnd.Close()
	r := <-done
	return r.recs, r.err
}

func texts(recs []drivers.Record) []string {
	var s []string
	for _, r := range recs {
		s = append(s, r.Text)
	}
	return s
}

// TestSessionReliable plays a session as the 2005 description of RDTT
// has it: start, keep-alive, data packets acknowledged with their
// sequence number plus one (wrapping at 255).
func TestSessionReliable(t *testing.T) {
	recs, err := runLink(t, func(cm *fakeCM) {
		cm.send(append([]byte{0x01, rspStartLen}, make([]byte, rspStartLen-2)...)...)
		cm.expect(rspStartReply...)
		cm.send(rspKeepAlive)
		cm.expect(rspAlive)
		cm.send(dataPacket(7, rspRecord1+"\r\n")...)
		cm.expect(0x40, 0x05, 0x01, 8, 0x81)
		cm.send(rspKeepAlive)
		cm.expect(rspAlive)
		cm.send(dataPacket(0xff, rspRecord2+"\r\n")...)
		cm.expect(0x40, 0x05, 0x01, 0x00, 0x81)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(recs); strings.Join(got, "|") != strings.TrimRight(rspRecord1, " ")+"|"+strings.TrimRight(rspRecord2, " ") {
		t.Errorf("records %q", got)
	}
}

// TestSessionPlain checks that a CM without RSP gets its stream read as
// it is, and no byte sent back.
func TestSessionPlain(t *testing.T) {
	recs, err := runLink(t, func(cm *fakeCM) {
		cm.send([]byte("0302\r\n" + rspRecord1 + "\r\n" + rspRecord2 + "\r\n\x00\x00\x00")...)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(recs); len(got) != 3 || got[0] != "0302" || got[2] != strings.TrimRight(rspRecord2, " ") {
		t.Errorf("records %q", got)
	}
}

func TestSessionErrors(t *testing.T) {
	start := append([]byte{0x01, rspStartLen}, make([]byte, rspStartLen-2)...)
	tests := []struct {
		name   string
		script func(cm *fakeCM)
		want   string // in the reader's error; "" for none
		cut    bool   // the last record read is cut off
	}{
		{"unknown packet", func(cm *fakeCM) {
			cm.send(start...)
			cm.expect(rspStartReply...)
			cm.send(0x33, 0x01)
		}, "unknown packet type 0x33", false},
		{"record without end", func(cm *fakeCM) {
			cm.send(start...)
			cm.expect(rspStartReply...)
			// The collector drops the link mid-packet: the write fails.
			cm.conn.Write(dataPacket(1, strings.Repeat("9", maxRecord+10)))
		}, "no line end within 4096 bytes", false},
		{"connection lost in a record", func(cm *fakeCM) {
			cm.send(start...)
			cm.expect(rspStartReply...)
			cm.send(dataPacket(1, rspRecord1[:40])...)
		}, "", true},
		{"connection lost in the start", func(cm *fakeCM) {
			cm.send(start[:5]...)
		}, "read session start", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := runLink(t, tt.script)
			if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if cut := len(recs) > 0 && recs[len(recs)-1].Cut; cut != tt.cut {
				t.Errorf("records %q, last cut %v, want %v", texts(recs), cut, tt.cut)
			}
		})
	}
}
