package collector

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// syslogTestDriver stands in for a syslog PBX driver (the Cisco CME one
// is its own issue): every record containing "CALL" is a one-leg call
// whose extension is the record's text; any other is no call.
const syslogTestDriver = "syslog-test"

func init() {
	drivers.Register(&drivers.Driver{
		ID:         syslogTestDriver,
		Name:       "Syslog test fixture",
		Transports: []drivers.Transport{drivers.Syslog},
		New:        func(drivers.Config) (drivers.Parser, error) { return textParser{}, nil },
	})
}

type textParser struct{}

func (textParser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	if !strings.Contains(rec.Text, "CALL") {
		return nil, fmt.Errorf("no CALL: %w", drivers.ErrNotCall)
	}
	leg := drivers.Leg{Party: rec.Text, Start: rec.Received, Outcome: drivers.Answered, Record: rec.ID}
	return []drivers.Call{{Start: rec.Received, Direction: drivers.Internal, Extension: rec.Text,
		Answered: true, Legs: []drivers.Leg{leg}}}, nil
}

func (textParser) Flush() []drivers.Call { return nil }

// collectSyslog runs a syslog PBX with the test driver until the test
// ends, and returns the store and the address it listens on, once it does.
func collectSyslog(t *testing.T) (*storage.Store, string) {
	t.Helper()
	addr := freeAddr(t)
	st, _ := collect(t, t.TempDir(), storage.PBXSystem{Name: "cme", Driver: syslogTestDriver,
		Transport: "syslog", Address: addr, TimeZone: "Europe/Berlin"})
	dialSyslog(t, addr).Close() // UDP is bound before TCP listens
	return st, addr
}

// dialSyslog connects to the collector over TCP like a router would.
func dialSyslog(t *testing.T, addr string) net.Conn {
	t.Helper()
	for range 250 {
		if conn, err := net.Dial("tcp", addr); err == nil {
			return conn
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("nothing listens on %s", addr)
	return nil
}

func write(t *testing.T, conn net.Conn, data string) {
	t.Helper()
	if _, err := conn.Write([]byte(data)); err != nil {
		t.Fatal(err)
	}
}

// octets frames msg with an octet count (RFC 6587).
func octets(msg string) string {
	return fmt.Sprintf("%d %s", len(msg), msg)
}

// callRecords returns the records the stored calls were read from, by text.
func callRecords(t *testing.T, st *storage.Store) map[string]drivers.Record {
	t.Helper()
	ctx := context.Background()
	ten, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := ten.Calls(ctx, storage.CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range calls {
		ids = append(ids, c.Records()...)
	}
	recs, err := ten.Records(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	byText := map[string]drivers.Record{}
	for _, r := range recs {
		byText[r.Text] = r
	}
	return byText
}

// checkRecords checks that the calls were read from records with these
// texts, numbered in their sender's order.
func checkRecords(t *testing.T, st *storage.Store, lines map[string]int) {
	t.Helper()
	got := callRecords(t, st)
	for text, line := range lines {
		r, ok := got[text]
		if !ok {
			t.Errorf("no call from a record %.80q", text)
			continue
		}
		if r.Source != "syslog://127.0.0.1" || r.Line != line {
			t.Errorf("record %.40q is %s, want syslog://127.0.0.1:%d", text, r.Where(), line)
		}
	}
}

const cdr = "%VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1, ConnectionId 8A3E2C1B 1DD211B2 8012ABCD 1234ABCD, SetupTime 09:16:01.100 CET Mon Mar 2 2026"

func TestSyslogUDP(t *testing.T) {
	st, addr := collectSyslog(t)
	conn, err := net.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ios := "123: cme1: *Mar  2 09:16:11.300: " + cdr
	for _, msg := range []string{
		"<189>1 2026-03-02T09:16:11.300+01:00 cme1 - - - - " + cdr + " #1\n",
		`<189>1 2026-03-02T09:16:11.400Z cme1 IOS 77 AAA [meta sequenceId="2" x="a \"]\" b"][y@9 z="1"] ` + "\uFEFF" + cdr + " #2",
		"<189>" + ios + " #3\r\n",
		"<189>" + ios + " #4\x00",
		"<187>125: cme1: *Mar  2 09:17:00.000: %SYS-5-CONFIG_I: Configured from console by vty0",
	} {
		write(t, conn, msg)
	}
	waitCalls(t, st, 4)
	checkRecords(t, st, map[string]int{cdr + " #1": 1, cdr + " #2": 2, ios + " #3": 3, ios + " #4": 4})
}

// TestSyslogTCPFraming sends both framings mixed on one connection while
// a second connection sends messages in pieces.
func TestSyslogTCPFraming(t *testing.T) {
	st, addr := collectSyslog(t)
	a, b := dialSyslog(t, addr), dialSyslog(t, addr)
	write(t, a, "<189>1: cme1: CALL a1\n"+
		octets("<189>1 2026-03-02T09:16:11.300Z cme1 - - - - CALL a2")+
		"<189>3: cme1: CALL a3\r\n"+
		octets("<189>4: cme1: CALL a4\n")+
		"<189>5: cme1: CALL a5\x00")
	long := octets("<189>1 2026-03-02T09:16:11.300Z cme1 - - - [x y=\"]\"] CALL b1")
	write(t, b, long[:12])
	time.Sleep(50 * time.Millisecond)
	write(t, b, long[12:]+"<189>2: cme1: CA")
	write(t, a, "\n<189>6: cme1: CALL a6\n")
	time.Sleep(50 * time.Millisecond)
	write(t, b, "LL b2\n")
	a.Close()
	b.Close()
	waitCalls(t, st, 8)
	checkRecords(t, st, map[string]int{"1: cme1: CALL a1": 1, "CALL a2": 2, "3: cme1: CALL a3": 3,
		"4: cme1: CALL a4": 4, "5: cme1: CALL a5": 5, "6: cme1: CALL a6": 6, "CALL b1": 1, "2: cme1: CALL b2": 2})
}

// TestSyslogTCPCut drops connections in the middle of messages and sends
// one too long: those are kept as cut, not parsed, and the rest is read.
func TestSyslogTCPCut(t *testing.T) {
	st, addr := collectSyslog(t)
	a, b := dialSyslog(t, addr), dialSyslog(t, addr)
	longLine := "<189>2: cme1: CALL long line " + strings.Repeat("x", 70000)
	write(t, a, "<189>1: cme1: CALL whole\n"+longLine+"\n<189>3: cme1: CALL frag")
	a.Close()
	long := "<189>4: cme1: CALL long " + strings.Repeat("x", 70000)
	write(t, b, octets(long)+"<189>5: cme1: CALL after\n100 <189>6: cme1: CALL short")
	b.Close()
	waitCalls(t, st, 2)
	checkRecords(t, st, map[string]int{"1: cme1: CALL whole": 1, "5: cme1: CALL after": 2})
	want := map[string]bool{longLine[:maxMessage]: true, "<189>3: cme1: CALL frag": true,
		long[:maxMessage]: true, "<189>6: cme1: CALL short": true}
	ten, _ := st.Tenant(context.Background(), storage.DefaultTenant)
	failed, err := ten.FailedRecords(context.Background(), 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range failed {
		if !want[r.Text] || !strings.Contains(r.Error, "cut off") {
			t.Errorf("failed record %.40q (%d bytes): %s", r.Text, len(r.Text), r.Error)
		}
		delete(want, r.Text)
	}
	for text := range want {
		t.Errorf("no cut record %.40q", text)
	}
}

// TestSyslogUDPBurst sends 2,000 messages as fast as the socket takes
// them, as a busy CUBE might at the end of a campaign: the read buffer
// holds them while the collector catches up.
func TestSyslogUDPBurst(t *testing.T) {
	msgs := make([]string, 2000)
	for i := range msgs {
		msgs[i] = fmt.Sprintf("<189>%d: cme1: *Mar  2 09:16:11.300: %s CALL %d %s", i, cdr, i, strings.Repeat("x", 300))
	}
	if held := udpBufferHolds(t, len(msgs), msgs[0]); held < len(msgs) {
		t.Skipf("the kernel grants a UDP buffer that holds %d of %d messages (Linux: raise net.core.rmem_max to 4 MiB)", held, len(msgs))
	}
	st, addr := collectSyslog(t)
	conn, err := net.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, msg := range msgs {
		write(t, conn, msg)
	}
	waitCalls(t, st, len(msgs))
}

// udpBufferHolds returns how many of n copies of msg a UDP socket with the
// collector's read buffer holds unread: the kernel may grant less than
// asked (Linux caps it at net.core.rmem_max, 208 KiB by default).
func udpBufferHolds(t *testing.T, n int, msg string) int {
	pc, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	pc.SetReadBuffer(udpReadBuffer)
	conn, err := net.DialUDP("udp", nil, pc.LocalAddr().(*net.UDPAddr))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for range n {
		write(t, conn, msg)
	}
	pc.SetReadDeadline(time.Now().Add(time.Second))
	buf := make([]byte, len(msg)+1)
	held := 0
	for ; held < n; held++ {
		if _, _, err := pc.ReadFrom(buf); err != nil {
			break
		}
	}
	return held
}

func TestMessageText(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"<13>1 2026-03-02T09:16:11Z h a p m - hello world", "hello world"},
		{"<13>1 - - - - - -", ""},
		{"<13>1 - h a p m [x y=\"1\"]", ""},
		{"<13>1 - h a p m [x y=\"\\\\\"][z] msg", "msg"},
		{"<13>1 2026-03-02 h a p m - msg", "1 2026-03-02 h a p m - msg"}, // no valid timestamp: RFC 3164
		{"<13>1 - h a  m - msg", "1 - h a  m - msg"},                     // empty field
		{"<13>1 - h a p m [x y=\"]\" msg", "1 - h a p m [x y=\"]\" msg"}, // SD not closed
		{"<13>1 - h a p m -msg", "1 - h a p m -msg"},
		{"<189>Mar  2 09:16:11 cme1 %VOIPAAA-5: x\r\n\x00", "Mar  2 09:16:11 cme1 %VOIPAAA-5: x"},
		{"<0>1 - h a p m - \uFEFF\uFEFFmsg", "\uFEFFmsg"},
		{"<191>x", "x"},
		{"<192>too high", "<192>too high"},
		{"<1a>x", "<1a>x"},
		{"<>x", "<>x"},
		{"Mar  2 09:16:11 relayed without PRI", "Mar  2 09:16:11 relayed without PRI"},
		{"\n\x00", ""},
	} {
		if got := messageText([]byte(c.msg), false); got != c.want {
			t.Errorf("messageText(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

func TestFrameReader(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // messages, "|" after each, "!" marking a cut one
	}{
		{"a\nb\r\nc\x00\n\n d", "a|b|c|d!|"},
		{"3 abc2 de\n1 f", "abc|de|f|"},
		{"12ab\n5 x", "12ab|x!|"},
		{"4 ab", "ab!|"},
		{"12", "12!|"},
		{"70000 " + strings.Repeat("y", 70000) + "z\n", strings.Repeat("y", maxMessage) + "!|z|"},
	} {
		fr := frameReader{bufio.NewReader(strings.NewReader(c.in))}
		var got strings.Builder
		for {
			msg, cut, err := fr.next()
			if len(msg) > 0 {
				got.Write(msg)
				if cut {
					got.WriteString("!")
				}
				got.WriteString("|")
			}
			if err != nil {
				break
			}
		}
		if got.String() != c.want {
			t.Errorf("%.20q read as %.40q, want %.40q", c.in, got.String(), c.want)
		}
	}
}
