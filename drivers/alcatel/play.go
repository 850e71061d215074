package alcatel

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// A cpu is the call server's end of the ticket port, as the simulator
// plays it.
type cpu struct {
	role  byte          // its answer to a hello: roleMain, or a standby's
	every time.Duration // between keep-alives
	wait  time.Duration // for the answer to one before the port is closed
}

// mainCPU is the call server Play plays: keep-alives every few seconds,
// and a collector that does not answer one within 30 s is dropped (a
// working client reads with a 31 s timeout, so the real interval is less).
var mainCPU = cpu{role: roleMain, every: 5 * time.Second, wait: 30 * time.Second}

var errPlayClosed = errors.New("ticket port: connection closed")

// Play is the driver's Driver.Play: the main CPU's side of the ticket port
// on a connection a collector opened. It answers the hello, waits for the
// start and returns the writer tickets go to as Encode writes them (lines;
// "#" dictionary lines, which only files have, are dropped). Each becomes
// a ticket message after a ticket-ready mark. Meanwhile Play sends a
// keep-alive every few seconds and closes conn when one goes unanswered.
func Play(conn io.ReadWriteCloser) (io.Writer, error) { return mainCPU.play(conn) }

func (c cpu) play(conn io.ReadWriteCloser) (io.Writer, error) {
	if err := c.handshake(conn); err != nil {
		conn.Close()
		return nil, err
	}
	p := &player{conn: conn, answered: make(chan struct{}, 1), done: make(chan struct{})}
	go p.listen()
	go p.keepAlive(c.every, c.wait)
	return p, nil
}

func (c cpu) handshake(conn io.ReadWriter) error {
	if err := expect(conn, hello, "hello"); err != nil {
		return err
	}
	if _, err := conn.Write([]byte{helloMain[0], helloMain[1], c.role}); err != nil {
		return fmt.Errorf("ticket port: answer the hello: %w", err)
	}
	if c.role != roleMain {
		return fmt.Errorf("%w (role byte %#02x)", errStandby, c.role)
	}
	return expect(conn, start, "start")
}

// expect reads len(want) bytes and insists they are want.
func expect(r io.Reader, want []byte, what string) error {
	got := make([]byte, len(want))
	if _, err := io.ReadFull(r, got); err != nil {
		return fmt.Errorf("ticket port: read the client's %s: %w", what, err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("ticket port: client's %s %x, want %x", what, got, want)
	}
	return nil
}

// A player frames tickets onto the connection and keeps it alive.
type player struct {
	mu       sync.Mutex // one frame at a time
	conn     io.ReadWriteCloser
	partial  []byte        // the start of a line whose end is not written yet
	answered chan struct{} // a keep-alive was answered
	done     chan struct{} // closed with the connection
	once     sync.Once
}

// Write sends each whole line of b as a ticket; one goroutine writes.
func (p *player) Write(b []byte) (int, error) {
	p.partial = append(p.partial, b...)
	for {
		i := bytes.IndexByte(p.partial, '\n')
		if i < 0 {
			return len(b), nil
		}
		text := bytes.TrimRight(p.partial[:i], "\r")
		err := p.ticket(text)
		p.partial = append(p.partial[:0], p.partial[i+1:]...)
		if err != nil {
			return 0, err
		}
	}
}

// ticket sends one line as a ticket message.
func (p *player) ticket(text []byte) error {
	if len(text) == 0 || isDictionary(string(text)) {
		return nil
	}
	if len(text) > messageLen-labelLen {
		return fmt.Errorf("ticket port: a ticket of %d bytes does not fit a message", len(text))
	}
	frame := make([]byte, 0, len(ready)+messageLen)
	frame = append(frame, ready...)
	frame = append(frame, 0x01, 0x00, labelCDR, 0x00)
	frame = append(frame, text...)
	return p.send(frame[:len(ready)+messageLen]) // NUL-padded
}

func (p *player) send(b []byte) error {
	select {
	case <-p.done:
		return errPlayClosed
	default:
	}
	p.mu.Lock()
	_, err := p.conn.Write(b)
	p.mu.Unlock()
	if err != nil {
		p.close()
		return fmt.Errorf("ticket port: %w", err)
	}
	return nil
}

func (p *player) close() {
	p.once.Do(func() {
		close(p.done)
		p.conn.Close()
	})
}

// listen reads the collector's answers until the connection ends, and
// ends it on anything that is not the protocol.
func (p *player) listen() {
	defer p.close()
	r := bufio.NewReader(p.conn)
	var mark [2]byte
	for {
		if _, err := io.ReadFull(r, mark[:]); err != nil {
			return
		}
		switch mark {
		case markReady: // an acknowledgement, which clients may send
		case markKeepAlive:
			if expect(r, testRsp[2:], "keep-alive answer") != nil {
				return
			}
			select {
			case p.answered <- struct{}{}:
			default:
			}
		default:
			return
		}
	}
}

// keepAlive sends a keep-alive every interval and closes the connection
// when one is not answered within wait.
func (p *player) keepAlive(every, wait time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-tick.C:
		}
		select {
		case <-p.answered: // an answer nobody asked for
		default:
		}
		overdue := time.AfterFunc(wait, p.close)
		if p.send(testReq) != nil {
			overdue.Stop()
			return
		}
		select {
		case <-p.answered:
			overdue.Stop()
		case <-p.done:
			overdue.Stop()
			return
		}
	}
}
