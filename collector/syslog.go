package collector

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"regexp"
	"strconv"
	"sync"
	"time"

	"calltally.app/collector/ingest"
	"calltally.app/drivers"
)

const (
	// maxMessage is the longest message kept whole; a longer one (TCP
	// only: a datagram holds at most 65,507 bytes) is cut and unreadable.
	maxMessage = 64 * 1024
	// udpReadBuffer is the socket buffer asked for, so that a burst of
	// call-end messages waits in the kernel while the collector catches
	// up (Linux caps it at net.core.rmem_max). UDP can still lose
	// messages under load, which is why the format notes recommend TCP.
	udpReadBuffer = 8 << 20
	// udpBacklog is how many UDP messages may wait for the pipe (about
	// 10 MB of call history); beyond it they are dropped, and counted.
	udpBacklog = 10000
	// maxPeers bounds the UDP senders remembered, the quietest forgotten.
	maxPeers = 256
	// inputRenew is how many messages an input counts before a new one
	// starts, so that a sender that never goes away (UDP) does not grow
	// its duplicate index forever.
	inputRenew = 1 << 16
)

// syslog receives syslog messages (Cisco CME/CUBE call history) on one
// address over both UDP and TCP (RFC 6587 framing), one record per message.
type syslog struct {
	addr  string
	mu    sync.Mutex
	conns int // open TCP connections
}

func (s *syslog) Run(ctx context.Context, p *pipe) error {
	for wait := time.Second; ctx.Err() == nil; wait = backoff(wait) {
		ln, pc, err := s.listen(ctx)
		if err == nil {
			wait = time.Second
			p.status.set(stateListening)
			err = s.serve(ctx, ln, pc, p)
		}
		if err != nil && ctx.Err() == nil {
			p.status.fail(err)
			p.status.set(stateWaiting)
			sleep(ctx, jitter(wait))
		}
	}
	return nil
}

// listen opens the UDP socket, then TCP on the same port (so that port 0
// picks one port for both, and TCP accepting means UDP is bound too).
func (s *syslog) listen(ctx context.Context) (net.Listener, *net.UDPConn, error) {
	lc := net.ListenConfig{KeepAlive: keepAlive}
	pc, err := lc.ListenPacket(ctx, "udp", s.addr)
	if err != nil {
		return nil, nil, fmt.Errorf("listen on udp %s: %w", s.addr, err)
	}
	udp := pc.(*net.UDPConn)
	if err := udp.SetReadBuffer(udpReadBuffer); err != nil {
		slog.Warn("Cannot enlarge the syslog UDP buffer", slog.String("address", s.addr), slog.Any("error", err))
	}
	host, _, _ := net.SplitHostPort(s.addr)
	port := strconv.Itoa(int(udp.LocalAddr().(*net.UDPAddr).AddrPort().Port()))
	ln, err := lc.Listen(ctx, "tcp", net.JoinHostPort(host, port))
	if err != nil {
		udp.Close()
		return nil, nil, fmt.Errorf("listen on tcp %s: %w", s.addr, err)
	}
	return ln, udp, nil
}

// serve reads both sockets until one fails or ctx ends.
func (s *syslog) serve(ctx context.Context, ln net.Listener, pc *net.UDPConn, p *pipe) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	q := make(chan udpMessage, udpBacklog)
	wg.Go(func() { drain(ctx, q, p) })
	var udpErr error
	wg.Go(func() {
		udpErr = s.readUDP(ctx, pc, q, p)
		cancel()
	})
	err := s.accept(ctx, ln, p, &wg)
	cancel()
	wg.Wait()
	return errors.Join(err, udpErr)
}

// readUDP reads one message per datagram into q until ctx ends. It never
// waits for the pipe: while the socket is not read, the kernel drops
// datagrams without a trace.
func (s *syslog) readUDP(ctx context.Context, pc *net.UDPConn, q chan<- udpMessage, p *pipe) error {
	stop := context.AfterFunc(ctx, func() { pc.Close() })
	defer stop()
	defer pc.Close()
	senders := peers{}
	buf := make([]byte, maxMessage)
	dropped := 0
	for {
		n, from, err := pc.ReadFromUDPAddrPort(buf)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("read on udp %s: %w", s.addr, err)
		}
		if text := messageText(buf[:n], false); text != "" {
			in, rec := senders.get(from.Addr()).next(text, false)
			dropped = enqueue(q, udpMessage{in, rec}, dropped, p)
		}
	}
}

// accept serves each TCP connection in its own goroutine (added to wg)
// until the listener fails or ctx ends.
func (s *syslog) accept(ctx context.Context, ln net.Listener, p *pipe, wg *sync.WaitGroup) error {
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	defer ln.Close()
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("accept on %s: %w", s.addr, err)
		}
		wg.Go(func() {
			s.connected(p, 1)
			err := readSyslogConn(ctx, conn, p)
			s.connected(p, -1)
			logClosed(conn, err)
		})
	}
}

// connected counts open TCP connections: the PBX is connected while one is.
func (s *syslog) connected(p *pipe, delta int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	state := stateListening
	if s.conns += delta; s.conns > 0 {
		state = stateConnected
	}
	p.status.set(state)
}

// readSyslogConn hands every message of conn to the pipe, as one input,
// until the connection or ctx ends. A message the connection ends in the
// middle of is kept as cut.
func readSyslogConn(ctx context.Context, conn net.Conn, p *pipe) error {
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	sender := newPeer(remoteIP(conn.RemoteAddr()))
	fr := frameReader{bufio.NewReader(conn)}
	for {
		msg, cut, err := fr.next()
		if text := messageText(msg, cut); text != "" {
			in, rec := sender.next(text, cut)
			if p.send(ctx, job{input: in, recs: []drivers.Record{rec}}) != nil {
				return nil
			}
		}
		if errors.Is(err, io.EOF) || ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read syslog from %s: %w", conn.RemoteAddr(), err)
		}
	}
}

func remoteIP(addr net.Addr) netip.Addr {
	ap, _ := netip.ParseAddrPort(addr.String())
	return ap.Addr()
}

// A peer is one sender: a TCP connection, or a UDP source address.
type peer struct {
	input  *ingest.Input
	source string
	line   int       // messages so far
	seen   time.Time // the last one
}

func newPeer(ip netip.Addr) *peer {
	return &peer{input: ingest.NewInput(), source: "syslog://" + ip.Unmap().String()}
}

// next numbers the peer's next message and returns it as a record of
// the input it belongs to.
func (pr *peer) next(text string, cut bool) (*ingest.Input, drivers.Record) {
	pr.seen = time.Now()
	pr.line++
	if pr.line%inputRenew == 0 {
		pr.input = ingest.NewInput()
	}
	return pr.input, drivers.Record{Text: text, Source: pr.source, Line: pr.line, Received: pr.seen, Cut: cut}
}

// peers holds the UDP senders by address, at most maxPeers of them.
type peers map[netip.Addr]*peer

func (m peers) get(ip netip.Addr) *peer {
	ip = ip.Unmap()
	if pr := m[ip]; pr != nil {
		return pr
	}
	if len(m) >= maxPeers {
		m.forgetQuietest()
	}
	pr := newPeer(ip)
	m[ip] = pr
	return pr
}

func (m peers) forgetQuietest() {
	var oldest netip.Addr
	for ip, pr := range m {
		if !oldest.IsValid() || pr.seen.Before(m[oldest].seen) {
			oldest = ip
		}
	}
	delete(m, oldest)
}

// A udpMessage waits between the UDP socket and the pipe.
type udpMessage struct {
	input *ingest.Input
	rec   drivers.Record
}

// enqueue adds m to q, or drops it when q is full; it returns the count of
// messages dropped in a row, reported when they stop.
func enqueue(q chan<- udpMessage, m udpMessage, dropped int, p *pipe) int {
	select {
	case q <- m:
		if dropped > 0 {
			slog.Warn("Syslog UDP messages dropped: the database could not keep up", slog.Int("dropped", dropped))
		}
		return 0
	default:
		if dropped == 0 {
			p.status.fail(errors.New("syslog: dropping UDP messages: the database cannot keep up"))
		}
		return dropped + 1
	}
}

// drain hands the messages of q to the pipe, as many as wait together at
// once, until ctx ends.
func drain(ctx context.Context, q <-chan udpMessage, p *pipe) {
	for {
		var msgs []udpMessage
		select {
		case m := <-q:
			msgs = append(msgs, m)
		case <-ctx.Done():
			return
		}
		for len(msgs) < commitRecords && len(q) > 0 {
			msgs = append(msgs, <-q)
		}
		if sendRuns(ctx, p, msgs) != nil {
			return
		}
	}
}

// sendRuns hands msgs to the pipe, a job per run of one sender's messages.
func sendRuns(ctx context.Context, p *pipe, msgs []udpMessage) error {
	for len(msgs) > 0 {
		j := job{input: msgs[0].input}
		for len(msgs) > 0 && msgs[0].input == j.input {
			j.recs, msgs = append(j.recs, msgs[0].rec), msgs[1:]
		}
		if err := p.send(ctx, j); err != nil {
			return err
		}
	}
	return nil
}

// A frameReader splits a TCP syslog stream into messages (RFC 6587),
// choosing the framing per message by its first byte: a digit starts an
// octet count ("57 <189>1 …"), anything else a message ending with LF
// (CR LF) or NUL.
type frameReader struct {
	br *bufio.Reader
}

// next returns the next message; cut says that it was cut off: too long,
// or the stream ended (err) in its middle.
func (f frameReader) next() ([]byte, bool, error) {
	for {
		c, err := f.br.ReadByte()
		if err != nil {
			return nil, false, err
		}
		switch {
		case c == '\n' || c == '\r' || c == 0 || c == ' ' || c == '\t':
			// between frames
		case c >= '0' && c <= '9':
			return f.counted([]byte{c})
		default:
			return f.line([]byte{c})
		}
	}
}

// counted reads the rest of an octet count and its message. Digits not
// followed by a space were no count: the message is read as a line.
func (f frameReader) counted(digits []byte) ([]byte, bool, error) {
	for len(digits) < 10 {
		c, err := f.br.ReadByte()
		switch {
		case err != nil:
			return digits, true, err
		case c == ' ':
			n, _ := strconv.Atoi(string(digits))
			return f.body(n)
		case c < '0' || c > '9':
			f.br.UnreadByte()
			return f.line(digits)
		}
		digits = append(digits, c)
	}
	return f.line(digits)
}

// body reads n bytes, keeping at most maxMessage of them.
func (f frameReader) body(n int) ([]byte, bool, error) {
	msg := make([]byte, min(n, maxMessage))
	got, err := io.ReadFull(f.br, msg)
	if err != nil { // io.ErrUnexpectedEOF: the connection ended in it
		return msg[:got], true, err
	}
	if n > len(msg) {
		_, err = f.br.Discard(n - len(msg))
		return msg, true, err
	}
	return msg, false, nil
}

// line reads up to LF or NUL, keeping at most maxMessage bytes.
func (f frameReader) line(msg []byte) ([]byte, bool, error) {
	for n := len(msg); ; n++ { // n bytes read
		c, err := f.br.ReadByte()
		if err != nil {
			return msg, true, err
		}
		if c == '\n' || c == 0 {
			return bytes.TrimSuffix(msg, []byte{'\r'}), n > maxMessage, nil
		}
		if n < maxMessage {
			msg = append(msg, c)
		}
	}
}

// header matches the syslog header a record leaves out: the <PRI>
// (0-191), and, when the rest is a well-formed RFC 5424 header, that too:
// "1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD " and the BOM before MSG.
// SD is "-" or [id k="v" …] elements, with \" \] \\ escaped in values.
var header = regexp.MustCompile(`(?s)^<(?:1[0-8]\d|19[01]|\d{1,2})>` +
	`(?:1 (?:-|\d{4}-\d\d-\d\dT\S+) \S+ \S+ \S+ \S+ ` +
	`(?:-|(?:\[(?:[^"\]]|"(?:[^"\\]|\\.)*")*\])+)(?:$| \x{FEFF}?))?`)

// messageText is the record text of a syslog message: its MSG when it is
// well-formed RFC 5424, else (RFC 3164, Cisco IOS) the message without its
// <PRI>, since drivers find their tag after any prefix. A cut message is
// kept as it came.
func messageText(msg []byte, cut bool) string {
	msg = bytes.TrimRight(msg, "\r\n\x00")
	if loc := header.FindIndex(msg); loc != nil && !cut {
		msg = msg[loc[1]:]
	}
	return string(msg)
}
