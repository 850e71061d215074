package avayacm

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// The Reliable Session Protocol (RSP) as far as it is known without
// Avaya's specification, which comes only with the RDTT tool: from a 2005
// reverse-engineering of RDTT captures (README.md, "Reliable Session
// Protocol"). Each value below rests on that description alone.
const (
	rspStartLen  = 17   // the packet the CM opens a session with
	rspData      = 0x80 // first byte of a packet carrying a record
	rspHeaderLen = 5    // a data packet's header, the type byte included
	rspSeqAt     = 3    // where in that header the sequence number is
	rspKeepAlive = 0x50 // the CM's one-byte "are you there"
	rspAlive     = 0x51 // our answer
	// maxRecord bounds a record inside a packet: a CM record is a few
	// hundred characters; without a line end in 4 KiB the stream is lost.
	maxRecord = 4096
)

// rspStartReply accepts the session, byte for byte as RDTT's server does.
var rspStartReply = []byte{0x02, 0x06, 0x01, 0x00, 0x07, 0x01, 0x00, 0x02, 0x01, 0x06, 0x81}

// rspAck acknowledges the data packet with sequence number seq: RDTT's
// server answers with the number plus one.
func rspAck(seq byte) []byte { return []byte{0x40, 0x05, 0x01, seq + 1, 0x81} }

var errRecordTooLong = errors.New("no line end within 4096 bytes of a data packet")

// Session is the driver's Driver.Session. It passes a plain CDR stream
// through untouched and speaks RSP when the CM does: the link's "Reliable
// Protocol" field decides, so the first byte tells which it is (a plain
// stream starts with a digit or a blank, an RSP session with a binary
// byte). dialled is always false for CM, the client of its CDR link.
func Session(rw io.ReadWriter, dialled bool) io.Reader {
	return &session{r: bufio.NewReaderSize(rw, maxRecord), w: rw}
}

type sessionMode int

const (
	undecided sessionMode = iota
	plain
	reliable
)

// A session unwraps the records of one connection.
type session struct {
	r       *bufio.Reader
	w       io.Writer
	mode    sessionMode
	started bool   // the CM's session start was answered
	out     []byte // record text unwrapped and not yet read
	err     error  // the error to return once out is read
}

func (s *session) Read(b []byte) (int, error) {
	if s.mode == undecided {
		if err := s.decide(); err != nil {
			return 0, err
		}
	}
	if s.mode == plain {
		return s.r.Read(b)
	}
	for len(s.out) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		s.err = s.packet()
	}
	n := copy(b, s.out)
	s.out = s.out[n:]
	return n, nil
}

// decide looks at the first byte without taking it.
func (s *session) decide() error {
	first, err := s.r.Peek(1)
	if err != nil {
		return err
	}
	s.mode = plain
	if c := first[0]; c != 0 && c != '\t' && c != '\r' && c != '\n' && (c < 0x20 || c > 0x7e) {
		s.mode = reliable
	}
	return nil
}

// packet reads one packet and answers it; a record it carries goes to out.
func (s *session) packet() error {
	if !s.started {
		return s.start()
	}
	kind, err := s.r.ReadByte()
	if err != nil {
		return err
	}
	switch kind {
	case rspKeepAlive:
		return s.send([]byte{rspAlive})
	case rspData:
		return s.data()
	}
	return fmt.Errorf("reliable session: unknown packet type %#02x: set Reliable Protocol to n on the CDR link's ip-services form", kind)
}

func (s *session) start() error {
	var packet [rspStartLen]byte
	if _, err := io.ReadFull(s.r, packet[:]); err != nil {
		return fmt.Errorf("reliable session: read session start: %w", err)
	}
	s.started = true
	return s.send(rspStartReply)
}

// data reads a data packet: its header, then the record up to its line
// end, which is acknowledged as soon as it is read.
func (s *session) data() error {
	var header [rspHeaderLen - 1]byte
	if _, err := io.ReadFull(s.r, header[:]); err != nil {
		return fmt.Errorf("reliable session: read data header: %w", err)
	}
	text, err := s.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("reliable session: %w", errRecordTooLong)
	}
	s.out = append(s.out[:0], text...)
	if err != nil {
		return err // a cut record: the reader keeps what came
	}
	return s.send(rspAck(header[rspSeqAt-1]))
}

func (s *session) send(b []byte) error {
	if _, err := s.w.Write(b); err != nil {
		return fmt.Errorf("reliable session: answer the CM: %w", err)
	}
	return nil
}
