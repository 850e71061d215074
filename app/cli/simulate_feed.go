package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"
)

var (
	errCollectorHungUp = errors.New("the collector hung up")
	errLinkSuperseded  = errors.New("a newer connection replaced it")
)

// watchLink returns the context of l's life. It ends, with the reason as
// its cause, when the collector hangs up, a newer connection supersedes l
// or ctx ends; in the last two cases a write in progress fails at once
// (its call goes back to the buffer), so leaving never waits on a
// collector that stopped reading. Collectors send nothing, so a read ends
// only with the connection, unless the driver plays a session protocol
// (drivers.Driver.Play): then the session reads the collector's answers
// and a hang-up shows as a failed write, and watchLink must not read
// (it would take the answers the session waits for).
func watchLink(ctx context.Context, l feedLink, sessionReads bool) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	if !sessionReads {
		go func() {
			io.Copy(io.Discard, l.conn)
			cancel(errCollectorHungUp)
		}()
	}
	go func() {
		select {
		case <-l.superseded:
			cancel(errLinkSuperseded)
		case <-ctx.Done():
		}
	}()
	stop := context.AfterFunc(ctx, func() {
		if !errors.Is(context.Cause(ctx), errCollectorHungUp) {
			l.conn.SetWriteDeadline(time.Unix(1, 0))
		}
	})
	return ctx, func() { stop(); cancel(nil) }
}

// feedDialer connects to the collector, as a PBX that pushes its records,
// and again after each disconnection, backing off while it fails.
type feedDialer struct {
	addr  string
	log   *slog.Logger
	delay time.Duration // before the next attempt
	since time.Time     // when the last connection was made
}

func (d *feedDialer) next(ctx context.Context) (feedLink, error) {
	if !d.since.IsZero() && time.Since(d.since) > feedMaxBackoff {
		d.delay = feedMinBackoff // it worked a while: the collector is no lost cause
	}
	for {
		select {
		case <-time.After(d.delay):
		case <-ctx.Done():
			return feedLink{}, ctx.Err()
		}
		d.delay = min(max(2*d.delay, feedMinBackoff), feedMaxBackoff)
		conn, err := (&net.Dialer{Timeout: feedDialTimeout}).DialContext(ctx, "tcp", d.addr)
		if err == nil {
			d.since = time.Now()
			d.log.Info("Connected", "addr", d.addr)
			return feedLink{conn: conn}, nil
		}
		if ctx.Err() != nil {
			return feedLink{}, ctx.Err()
		}
		d.log.Warn("Cannot connect", "addr", d.addr, "error", err, "retry_in", d.delay)
	}
}

// feedAcceptor takes the collector's connections one at a time. A new one
// replaces the old, as a PBX serves a single client; or, where the PBX's
// port admits one client (drivers.Driver.OneClient), is refused while the
// old one lasts.
type feedAcceptor struct {
	ln        net.Listener
	oneClient bool
	log       *slog.Logger
	links     chan feedLink
	stop      chan struct{}
	err       error // why links was closed
}

func newFeedAcceptor(ln net.Listener, oneClient bool, log *slog.Logger) *feedAcceptor {
	a := &feedAcceptor{ln: ln, oneClient: oneClient, log: log, links: make(chan feedLink), stop: make(chan struct{})}
	go a.loop()
	return a
}

func (a *feedAcceptor) loop() {
	var superseded, active chan struct{}
	for {
		conn, err := a.ln.Accept()
		if err != nil {
			a.err = fmt.Errorf("accept: %w", err)
			close(a.links)
			return
		}
		if a.oneClient && busy(active) {
			a.log.Info("Collector refused: the port serves one client", "remote", conn.RemoteAddr().String())
			conn.Close()
			continue
		}
		a.log.Info("Collector connected", "remote", conn.RemoteAddr().String())
		if superseded != nil {
			close(superseded)
		}
		superseded, active = make(chan struct{}), make(chan struct{})
		select {
		case a.links <- feedLink{conn, superseded, active}:
		case <-a.stop:
			conn.Close()
			return
		}
	}
}

// busy reports whether a link whose done channel is active is still in use.
func busy(active chan struct{}) bool {
	if active == nil {
		return false
	}
	select {
	case <-active:
		return false
	default:
		return true
	}
}

func (a *feedAcceptor) next(ctx context.Context) (feedLink, error) {
	select {
	case l, ok := <-a.links:
		if !ok {
			return feedLink{}, a.err
		}
		return l, nil
	case <-ctx.Done():
		return feedLink{}, ctx.Err()
	}
}

func (a *feedAcceptor) close() {
	close(a.stop)
	a.ln.Close()
}
