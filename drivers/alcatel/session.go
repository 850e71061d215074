package alcatel

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// errStandby says the CPU that answered is not the main one: a
// duplicated call server's standby CPU answers the port but sends nothing.
var errStandby = errors.New("ticket port: the CPU answered as standby, not main: connect to the main CPU")

// Session is the driver's Driver.Session: the collector's side of the
// call server's real-time ticket port. It opens the session, answers every
// keep-alive, wherever in the stream it comes, and returns the text of the
// accounting tickets, one per line; MAO, VoIP and empty tickets are
// dropped. The call server only ever serves the port, so dialled is true.
func Session(rw io.ReadWriter, dialled bool) io.Reader {
	return &session{r: bufio.NewReaderSize(rw, 4*messageLen), w: rw}
}

// A session unwraps the tickets of one connection.
type session struct {
	r       *bufio.Reader
	w       io.Writer
	started bool
	msg     []byte // the ticket message being read
	out     []byte // ticket text not yet read
	err     error  // the error to return once out is read
}

func (s *session) Read(b []byte) (int, error) {
	for len(s.out) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		if !s.started {
			s.err = s.open()
		} else {
			s.err = s.frame()
		}
	}
	n := copy(b, s.out)
	s.out = s.out[n:]
	return n, nil
}

// open says hello, checks that the main CPU answered and asks for tickets.
func (s *session) open() error {
	if err := s.send(hello); err != nil {
		return err
	}
	var answer [3]byte
	if _, err := io.ReadFull(s.r, answer[:]); err != nil {
		return fmt.Errorf("ticket port: read the CPU's answer: %w", err)
	}
	if answer[0] != helloMain[0] || answer[1] != helloMain[1] {
		return fmt.Errorf("ticket port: answer %x is no OXE call server's: check the address and port (2533)", answer)
	}
	if answer[2] != roleMain {
		return fmt.Errorf("%w (role byte %#02x)", errStandby, answer[2])
	}
	s.started = true
	return s.send(start)
}

// frame reads what the stream holds next: a ticket-ready mark, a
// keep-alive or a ticket message.
func (s *session) frame() error {
	b, err := s.r.Peek(2)
	switch {
	case len(b) == 0 && err != nil:
		return err // io.EOF: the call server closed the port between tickets
	case errors.Is(err, io.EOF) && b[0] == 0:
		return io.EOF // a last byte of padding
	case err != nil:
		return fmt.Errorf("ticket port: connection ended inside a frame: %w", err)
	}
	switch [2]byte(b) {
	case markReady:
		_, err = s.r.Discard(2)
		return err
	case markKeepAlive:
		return s.keepAlive(testReq)
	case markMessage:
		return s.message()
	case [2]byte{testReq[1], testReq[2]}:
		// A keep-alive whose NUL ended the message before it as padding.
		return s.keepAlive(testReq[1:])
	}
	if b[0] == 0 { // padding: an empty frame, or a NUL a keep-alive displaced
		_, err = s.r.Discard(1)
		return err
	}
	return fmt.Errorf("ticket port: unexpected bytes %x: not the OXE ticket protocol", b)
}

// keepAlive reads a keep-alive (want: all of it or its rest) and answers.
func (s *session) keepAlive(want []byte) error {
	got, err := s.r.Peek(len(want))
	if err != nil {
		return fmt.Errorf("ticket port: keep-alive cut off: %w", err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("ticket port: unexpected bytes %x where a keep-alive begins", got)
	}
	s.r.Discard(len(want))
	return s.send(testRsp)
}

// message reads a ticket message, taking out any keep-alive the call
// server sent in the middle of it, and keeps the text of an accounting
// ticket for Read.
func (s *session) message() error {
	if s.msg == nil {
		s.msg = make([]byte, 0, messageLen)
	}
	msg := s.msg[:0]
	for len(msg) < messageLen {
		have := len(msg)
		msg = msg[:messageLen]
		if _, err := io.ReadFull(s.r, msg[have:]); err != nil {
			return fmt.Errorf("ticket port: connection ended inside a ticket: %w", err)
		}
		var err error
		if msg, err = s.takeKeepAlives(msg); err != nil {
			return err
		}
	}
	s.msg = msg
	s.out = ticketLine(msg)
	return nil
}

// takeKeepAlives removes and answers the keep-alives in msg, and one that
// begins in its last bytes and goes on in the stream. A last NUL alone
// is taken for padding (frame mends the rare keep-alive it began).
func (s *session) takeKeepAlives(msg []byte) ([]byte, error) {
	for i := bytes.Index(msg, testReq); i >= 0; i = bytes.Index(msg, testReq) {
		msg = append(msg[:i], msg[i+len(testReq):]...)
		if err := s.send(testRsp); err != nil {
			return msg, err
		}
	}
	k := begunKeepAlive(msg)
	if k == 0 {
		return msg, nil
	}
	if rest, err := s.r.Peek(len(testReq) - k); err != nil || !bytes.Equal(rest, testReq[k:]) {
		return msg, nil // binary data that looked like one (VoIP tickets)
	}
	s.r.Discard(len(testReq) - k)
	return msg[:len(msg)-k], s.send(testRsp)
}

// begunKeepAlive returns how many of msg's last bytes begin a keep-alive,
// two at least; 0 if they do not.
func begunKeepAlive(msg []byte) int {
	for k := len(testReq) - 1; k >= 2; k-- {
		if bytes.HasSuffix(msg, testReq[:k]) {
			return k
		}
	}
	return 0
}

// ticketLine is an accounting ticket's text as a line; nil for the other
// tickets. Control characters become blanks, so a ticket stays one line
// and keeps its columns.
func ticketLine(msg []byte) []byte {
	if msg[2] != labelCDR {
		return nil
	}
	body := msg[labelLen:]
	if i := bytes.IndexByte(body, 0); i >= 0 {
		body = body[:i]
	}
	out := make([]byte, len(body)+1)
	for i, c := range body {
		if c < ' ' {
			c = ' '
		}
		out[i] = c
	}
	out[len(body)] = '\n'
	return out
}

func (s *session) send(b []byte) error {
	if _, err := s.w.Write(b); err != nil {
		return fmt.Errorf("ticket port: write to the CPU: %w", err)
	}
	return nil
}
