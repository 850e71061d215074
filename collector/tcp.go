package collector

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/netip"
	"time"

	"calltally.app/collector/ingest"
	"calltally.app/drivers"
)

// keepAlive is how often TCP probes an idle PBX connection, so that a PBX
// that vanished (power cut, cable pulled) is noticed and reconnected.
const keepAlive = 30 * time.Second

// dialIdle is how long a pulled connection may carry no data before it is
// reopened. Quiet PBXs are silent for hours, so it is long: keep-alive
// catches dead peers sooner; this catches PBXs that stop sending on a
// connection that stays up.
const dialIdle = 2 * time.Hour

// reconnectDelay is the pause before reconnecting to a PBX whose
// connection just ended; failing connection attempts back off instead.
const reconnectDelay = 200 * time.Millisecond

// tcpListen accepts PBX connections that push records (IP Office, 3CX
// active socket, Avaya CM). Several connections may be open at once.
type tcpListen struct {
	addr  string
	allow []netip.Prefix // empty allows any peer
	drv   *drivers.Driver
}

func (s *tcpListen) Run(ctx context.Context, p *pipe) error {
	lc := net.ListenConfig{KeepAlive: keepAlive}
	for wait := time.Second; ctx.Err() == nil; wait = backoff(wait) {
		ln, err := lc.Listen(ctx, "tcp", s.addr)
		if err != nil {
			p.status.fail(fmt.Errorf("listen on %s: %w", s.addr, err))
			p.status.set(stateWaiting)
			sleep(ctx, jitter(wait))
			continue
		}
		p.status.set(stateListening)
		s.accept(ctx, ln, p)
	}
	return nil
}

func (s *tcpListen) accept(ctx context.Context, ln net.Listener, p *pipe) {
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() == nil {
				p.status.fail(fmt.Errorf("accept on %s: %w", s.addr, err))
			}
			ln.Close()
			return
		}
		if !s.allowed(conn.RemoteAddr()) {
			slog.Warn("Connection refused: not on the allow-list", slog.String("peer", conn.RemoteAddr().String()))
			conn.Close()
			continue
		}
		go func() {
			p.status.set(stateConnected)
			_, err := readConn(ctx, conn, s.drv, p, 0, false)
			p.status.set(stateListening)
			logClosed(conn, err)
		}()
	}
}

func (s *tcpListen) allowed(addr net.Addr) bool {
	if len(s.allow) == 0 {
		return true
	}
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return false
	}
	for _, pfx := range s.allow {
		if pfx.Contains(ap.Addr().Unmap()) {
			return true
		}
	}
	return false
}

// tcpDial connects to a PBX that serves its records (Mitel MiVoice
// Business on port 1752, IP Office in listen mode, 3CX passive socket) and
// reconnects, with capped exponential backoff and jitter, whenever the
// connection ends.
type tcpDial struct {
	addr string
	drv  *drivers.Driver
	idle time.Duration // reconnect after this long without data; 0 never
}

func (s *tcpDial) Run(ctx context.Context, p *pipe) error {
	d := net.Dialer{Timeout: 10 * time.Second, KeepAlive: keepAlive}
	for wait := time.Second; ctx.Err() == nil; {
		conn, err := d.DialContext(ctx, "tcp", s.addr)
		if err != nil {
			p.status.fail(fmt.Errorf("connect to %s: %w", s.addr, err))
			p.status.set(stateWaiting)
			sleep(ctx, jitter(wait))
			wait = backoff(wait)
			continue
		}
		p.status.set(stateConnected)
		records, err := readConn(ctx, conn, s.drv, p, s.idle, true)
		p.status.set(stateWaiting)
		logClosed(conn, err)
		if err != nil && ctx.Err() == nil {
			p.status.fail(err)
		}
		if records == 0 {
			// Connected but nothing came: a standby CPU that turned us away
			// or a port that serves another client. Back off as if refused.
			sleep(ctx, jitter(wait))
			wait = backoff(wait)
			continue
		}
		wait = time.Second
		sleep(ctx, jitter(reconnectDelay)) // the PBX was there a moment ago
	}
	return nil
}

// readConn hands every record read from conn to the pipe, as one input,
// until the connection or ctx ends; the driver's session protocol, if it
// has one, answers the PBX. dialled says we opened the connection. It
// returns how many records came.
func readConn(ctx context.Context, conn net.Conn, drv *drivers.Driver, p *pipe, idle time.Duration, dialled bool) (int, error) {
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	input := ingest.NewInput()
	var r io.Reader = idleReader{conn, idle}
	if drv.Session != nil {
		r = drv.Session(struct {
			io.Reader
			io.Writer
		}{r, conn}, dialled)
	}
	rd := drivers.NewReader(r, "tcp://"+conn.RemoteAddr().String(), drv.Split, time.Now)
	rd.Stream = true
	for n := 0; ; n++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) || ctx.Err() != nil {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if err := p.send(ctx, job{input: input, recs: []drivers.Record{rec}}); err != nil {
			return n, nil
		}
	}
}

// idleReader ends a read that waits longer than idle for data.
type idleReader struct {
	conn net.Conn
	idle time.Duration
}

func (r idleReader) Read(b []byte) (int, error) {
	if r.idle > 0 {
		r.conn.SetReadDeadline(time.Now().Add(r.idle))
	}
	return r.conn.Read(b)
}

func logClosed(conn net.Conn, err error) {
	attrs := []any{slog.String("peer", conn.RemoteAddr().String())}
	if err != nil {
		attrs = append(attrs, slog.Any("error", err))
	}
	slog.Info("PBX connection closed", attrs...)
}

// backoff doubles wait up to 30 s.
func backoff(wait time.Duration) time.Duration {
	return min(2*wait, 30*time.Second)
}

// jitter spreads reconnects of many collectors (or of one after a network
// outage) over ±25 % of wait.
func jitter(wait time.Duration) time.Duration {
	return wait*3/4 + rand.N(wait/2+1)
}
