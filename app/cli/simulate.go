package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"os"
	"strconv"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
)

const (
	// feedBufferRecords is how many records wait for a collector before the
	// oldest are dropped: what an IP Office buffers.
	feedBufferRecords = 3000
	// Reconnecting waits from feedMinBackoff, doubling to feedMaxBackoff.
	feedMinBackoff  = 100 * time.Millisecond
	feedMaxBackoff  = 5 * time.Second
	feedDialTimeout = 5 * time.Second
)

// simulation is a checked `calltally simulate`: a PBX to play and where
// its records go.
type simulation struct {
	drv                  *drivers.Driver
	loc                  *time.Location
	listen, connect, dir string
	syslog               string // send each record as a syslog message over TCP
	rate                 float64
	count                int
	seed                 int64
	log                  *slog.Logger
	header               []byte // starts every file and connection
	// frame turns a call's records into what goes on the wire; nil sends
	// them as they are.
	frame func(records []byte) []byte
}

func runSimulate(ctx context.Context, e *env, args []string) error {
	s, err := e.simulateFlags(args)
	if err != nil {
		return err
	}
	gen := simulator.NewGenerator(simulator.NewOffice(), s.seed, s.loc)
	em, err := simulator.NewEmitter(gen, s.drv, s.rate, s.count, time.Now().In(s.loc))
	if err != nil {
		return err
	}
	s.log = slog.New(slog.NewTextHandler(e.stderr, nil))
	n, err := s.run(ctx, em)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "simulated %d calls\n", n)
	return nil
}

func (e *env) simulateFlags(args []string) (*simulation, error) {
	fs := e.flags("simulate")
	s := &simulation{}
	driver := fs.String("driver", "", "driver ID of the PBX to play (see calltally drivers)")
	tz := fs.String("tz", "", "the PBX's time zone, e.g. Europe/Berlin (default: this machine's)")
	fs.StringVar(&s.listen, "listen", "", "wait on HOST:PORT for the collector to connect, as a PBX the collector dials")
	fs.StringVar(&s.connect, "connect", "", "connect to the collector on HOST:PORT and push, as most PBXs do")
	fs.StringVar(&s.syslog, "syslog", "", "send each record as a syslog message (RFC 5424, TCP) to the collector on HOST:PORT, as Cisco gateways do")
	fs.StringVar(&s.dir, "dir", "", "append records to DIR/smdr-YYYYMMDD.txt, as a PBX that writes files")
	fs.Float64Var(&s.rate, "rate", 1, "calls per second; 0 for as fast as they are taken")
	fs.IntVar(&s.count, "count", 0, "calls to simulate; 0 until interrupted")
	fs.Int64Var(&s.seed, "seed", 1, "seed of the office's traffic: the same seed plays the same calls")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return s, s.check(*driver, *tz)
}

// check resolves the driver and zone and rejects what cannot run.
func (s *simulation) check(driver, tz string) error {
	var err error
	if s.drv, err = simulatedDriver(driver); err == nil {
		s.header, err = simulator.Header(s.drv)
	}
	if err != nil {
		return err
	}
	if s.loc, err = drivers.LoadZone(tz); err != nil {
		return err
	}
	if s.rate < 0 || math.IsNaN(s.rate) || math.IsInf(s.rate, 0) {
		return fmt.Errorf("--rate %v: want calls per second, 0 for as fast as possible", s.rate)
	}
	if s.count < 0 {
		return fmt.Errorf("--count %d: want a number of calls, 0 for no limit", s.count)
	}
	return s.checkOutput()
}

// simulatedDriver looks up a driver that can write its PBX's records.
func simulatedDriver(id string) (*drivers.Driver, error) {
	if id == "" {
		_, err := drivers.Lookup("")
		return nil, fmt.Errorf("--driver is required: %w", err)
	}
	d, err := drivers.Lookup(id)
	if err == nil && d.Encode == nil {
		err = fmt.Errorf("driver %s cannot simulate", id)
	}
	return d, err
}

// checkOutput wants exactly one of --listen, --connect and --dir, a
// HOST:PORT address, and a driver whose PBX can send that way.
func (s *simulation) checkOutput() error {
	type output struct {
		flag, value string
		t           drivers.Transport // how the collector reads it
	}
	var given []output
	outputs := []output{{"listen", s.listen, drivers.TCPDial}, {"connect", s.connect, drivers.TCPListen},
		{"syslog", s.syslog, drivers.Syslog}, {"dir", s.dir, drivers.Folder}}
	for _, o := range outputs {
		if o.value != "" {
			given = append(given, o)
		}
	}
	if len(given) != 1 {
		return errors.New("exactly one of --listen ADDR, --connect ADDR, --syslog ADDR or --dir DIR is required")
	}
	o := given[0]
	if !s.drv.Supports(o.t) {
		return fmt.Errorf("driver %s has no %s transport, so it cannot --%s", s.drv.ID, o.t, o.flag)
	}
	if o.flag == "dir" {
		return nil
	}
	_, port, err := net.SplitHostPort(o.value)
	if p, perr := strconv.ParseUint(port, 10, 16); err != nil || perr != nil || (p == 0 && o.flag != "listen") {
		return fmt.Errorf("--%s %q: bad address, want HOST:PORT", o.flag, o.value)
	}
	return nil
}

// run plays the PBX until the count is reached or ctx ends, and returns
// the calls it produced.
func (s *simulation) run(ctx context.Context, em *simulator.Emitter) (int, error) {
	switch {
	case s.dir != "":
		return s.toDir(ctx, em)
	case s.connect != "":
		return s.overTCP(ctx, em, &feedDialer{addr: s.connect, log: s.log})
	case s.syslog != "":
		s.frame = syslogFrames
		return s.overTCP(ctx, em, &feedDialer{addr: s.syslog, log: s.log})
	}
	ln, err := net.Listen("tcp", s.listen)
	if err != nil {
		return 0, fmt.Errorf("--listen %s: %w", s.listen, err)
	}
	s.log.Info("Listening", "addr", ln.Addr().String())
	a := newFeedAcceptor(ln, s.drv.OneClient, s.log)
	defer a.close()
	return s.overTCP(ctx, em, a)
}

// toDir writes the calls into day files, as a PBX that writes its
// records to a folder.
func (s *simulation) toDir(ctx context.Context, em *simulator.Emitter) (int, error) {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return 0, fmt.Errorf("--dir %s: %w", s.dir, err)
	}
	files := simulator.NewDayFiles(s.dir, s.loc, s.log)
	files.Header = s.header
	n, err := em.Run(ctx, files)
	if cerr := files.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// overTCP runs the emitter into a buffer while deliver sends the buffer
// to the collector; both stop when either fails or ctx ends.
func (s *simulation) overTCP(ctx context.Context, em *simulator.Emitter, p feedPeer) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	buf := simulator.NewBuffer(feedBufferRecords, s.log)
	delivered := make(chan error, 1)
	go func() {
		err := s.deliver(ctx, buf, p)
		if err != nil {
			cancel()
		}
		delivered <- err
	}()
	n, err := em.Run(ctx, buf)
	if err != nil {
		cancel()
	}
	buf.Close() // deliver sends what is left, then returns
	if derr := <-delivered; derr != nil {
		return n, derr
	}
	if left := buf.Len(); left > 0 {
		s.log.Warn("Calls not sent", "calls", left)
	}
	return n, err
}

// A feedPeer hands out connections to the collector: those it opens to
// us (--listen) or those we open to it (--connect).
type feedPeer interface {
	// next waits for a connection; it fails only when ctx ends or no
	// connection can come any more.
	next(ctx context.Context) (feedLink, error)
}

// A feedLink is one connection to the collector. superseded is closed
// when a newer connection replaces it; nil when none can.
type feedLink struct {
	conn       net.Conn
	superseded <-chan struct{}
	done       chan struct{} // closed once the link is given up; nil if no one waits
}

// deliver sends the buffer's calls over one connection after another
// until the buffer is closed and empty. The end of ctx is a stop, not a
// failure.
func (s *simulation) deliver(ctx context.Context, buf *simulator.Buffer, p feedPeer) error {
	for {
		l, err := p.next(ctx)
		if err != nil && ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		done := s.stream(ctx, buf, l)
		l.conn.Close()
		if l.done != nil {
			close(l.done)
		}
		if done {
			return nil
		}
	}
}

// stream writes calls to l until the buffer is finished (true), or the
// link fails or must be left (false). A call whose write failed goes
// back to the buffer, to be sent whole on the next connection.
func (s *simulation) stream(ctx context.Context, buf *simulator.Buffer, l feedLink) bool {
	lctx, stop := watchLink(ctx, l, s.drv.Play != nil)
	defer stop()
	out, err := s.open(l.conn)
	if err == nil && len(s.header) > 0 {
		_, err = out.Write(s.header)
	}
	if err != nil {
		s.log.Info("Connection closed", "remote", l.conn.RemoteAddr().String(), "reason", err)
		return false
	}
	for {
		call, err := buf.Next(lctx)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err == nil {
			if _, err = out.Write(s.framed(call)); err != nil {
				buf.Unread(call)
			}
		}
		if err != nil {
			if lctx.Err() != nil {
				err = context.Cause(lctx) // rather than the write's i/o timeout
			}
			if ctx.Err() == nil {
				s.log.Info("Connection closed", "remote", l.conn.RemoteAddr().String(), "reason", err)
			}
			return false
		}
	}
}
