package openscape4000

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The DPS immediate output: ISO 8073 class 0 transport over TCP (RFC
// 1006), the PBX connecting to us. Each transport data unit it sends is
// one CDR information block in EBCDIC: a block start record (AH) and the
// data records (AI), at most 1020 bytes. We acknowledge every block with
// "CDR information processed" (A1, the block's reference, 1: ready for
// the next), or the PBX sends the block again after 30 seconds.
const (
	tpktVersion = 3
	tpktHeader  = 4
	cotpCR      = 0xE0 // connection request
	cotpCC      = 0xD0 // connection confirm
	cotpDR      = 0x80 // disconnect request
	cotpER      = 0x70 // TPDU error
	cotpDT      = 0xF0 // data
	cotpEOT     = 0x80 // in a DT's third byte: the last TPDU of the unit
	// maxUnit bounds a transport data unit put together from DT TPDUs: a
	// block is at most 1020 bytes; far more means the stream is lost.
	maxUnit = 64 * 1024
)

// Session is the driver's Driver.Session. The DPS output starts with a
// TPKT header (version 3); anything else is passed through untouched, for
// a PBX whose records reach us as a plain text stream.
func Session(rw io.ReadWriter, dialled bool) io.Reader {
	return &session{r: bufio.NewReader(rw), w: rw}
}

// A session unwraps the records of one connection.
type session struct {
	r       *bufio.Reader
	w       io.Writer
	decided bool
	plain   bool
	unit    []byte // user data of DT TPDUs until the one marked EOT
	out     []byte // record text decoded and not yet read
	err     error  // the error to return once out is read
}

func (s *session) Read(b []byte) (int, error) {
	if !s.decided {
		first, err := s.r.Peek(1)
		if err != nil {
			return 0, err
		}
		s.decided, s.plain = true, first[0] != tpktVersion
	}
	if s.plain {
		return s.r.Read(b)
	}
	for len(s.out) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		s.err = s.tpdu()
	}
	n := copy(b, s.out)
	s.out = s.out[n:]
	return n, nil
}

// tpdu reads one TPKT and acts on the TPDU in it.
func (s *session) tpdu() error {
	var head [tpktHeader]byte
	if _, err := io.ReadFull(s.r, head[:]); err != nil {
		return err
	}
	size := int(head[2])<<8 | int(head[3])
	if head[0] != tpktVersion || size < tpktHeader+2 {
		return fmt.Errorf("rfc1006: bad TPKT header % x", head)
	}
	p := make([]byte, size-tpktHeader)
	if _, err := io.ReadFull(s.r, p); err != nil {
		return fmt.Errorf("rfc1006: TPDU cut short: %w", noEOF(err))
	}
	if int(p[0]) >= len(p) {
		return fmt.Errorf("rfc1006: TPDU header length %d in a TPDU of %d bytes", p[0], len(p))
	}
	switch p[1] & 0xF0 {
	case cotpCR:
		return s.confirm(p)
	case cotpDT:
		return s.data(p)
	case cotpDR:
		return io.EOF // the PBX ends the connection
	case cotpER:
		return fmt.Errorf("rfc1006: the PBX reports a TPDU error: % x", p)
	}
	return nil // nothing class 0 asks of us
}

// confirm answers a connection request: the PBX's reference as ours to
// it, class 0, and the TPDU size and TSAP parameters it proposed.
func (s *session) confirm(cr []byte) error {
	if cr[0] < 6 {
		return fmt.Errorf("rfc1006: connection request header of %d bytes", cr[0])
	}
	cc := []byte{0, cotpCC, cr[4], cr[5], 0x00, 0x01, 0x00}
	params := cr[7 : int(cr[0])+1]
	for len(params) >= 2 && 2+int(params[1]) <= len(params) {
		n := 2 + int(params[1])
		if code := params[0]; code == 0xC0 || code == 0xC1 || code == 0xC2 {
			cc = append(cc, params[:n]...)
		}
		params = params[n:]
	}
	cc[0] = byte(len(cc) - 1)
	return s.send(cc)
}

// data gathers a DT TPDU's user data; the last one of a unit completes a
// block, which is decoded into records and acknowledged.
func (s *session) data(dt []byte) error {
	if dt[0] < 2 {
		return fmt.Errorf("rfc1006: data TPDU header of %d bytes", dt[0])
	}
	s.unit = append(s.unit, dt[int(dt[0])+1:]...)
	if len(s.unit) > maxUnit {
		return errors.New("rfc1006: more than 64 KiB without the end of a data unit")
	}
	if dt[2]&cotpEOT == 0 {
		return nil
	}
	for _, rec := range splitBlock(string(s.unit)) {
		s.out = append(s.out, fromEBCDIC([]byte(rec))...)
		s.out = append(s.out, '\n')
	}
	ack, ok := processed(fromEBCDIC(s.unit[:min(4, len(s.unit))]))
	s.unit = s.unit[:0]
	if ok {
		return s.send(append([]byte{2, cotpDT, cotpEOT}, toEBCDIC(ack)...))
	}
	return nil
}

// send writes a TPDU in its TPKT.
func (s *session) send(tpdu []byte) error {
	size := tpktHeader + len(tpdu)
	frame := append([]byte{tpktVersion, 0, byte(size >> 8), byte(size)}, tpdu...)
	if _, err := s.w.Write(frame); err != nil {
		return fmt.Errorf("rfc1006: answer the PBX: %w", err)
	}
	return nil
}

// processed is the "CDR information processed" message acknowledging a
// block start or an end message, echoing its reference as the messages of
// one sequence must; other messages (a retrieval request of the output
// on demand CallTally does not drive) get no answer.
func processed(msg string) (string, bool) {
	if len(msg) < 4 {
		return "", false
	}
	switch msg[:2] {
	case "AA", "AH", "AC", "AD":
		return "A1" + msg[2:4] + "1", true
	}
	return "", false
}

// dataRIDs are the data record identifiers that follow each block start
// identifier, in EBCDIC: AI after AH (immediate output), AB after AA.
var dataRIDs = map[string]string{
	string(toEBCDIC("AH")): string(toEBCDIC("AI")),
	string(toEBCDIC("AA")): string(toEBCDIC("AB")),
}

// splitBlock cuts a block, still in EBCDIC, into its records: the block
// start, then the data records, all of one length in a fixed-width format
// and each beginning with the data record identifier. Any other unit is
// one record.
func splitBlock(block string) []string {
	rid := dataRIDs[block[:min(2, len(block))]]
	i := strings.Index(block[min(2, len(block)):], rid)
	if rid == "" || i < 0 {
		return []string{block}
	}
	head, data := block[:i+2], block[i+2:]
	return append([]string{head}, splitEqual(data, rid)...)
}

// splitEqual cuts data into the most pieces of one length that all start
// with rid.
func splitEqual(data, rid string) []string {
	for n := len(data) / len(rid); n > 1; n-- {
		if len(data)%n != 0 {
			continue
		}
		size := len(data) / n
		pieces := make([]string, 0, n)
		for at := 0; at < len(data) && strings.HasPrefix(data[at:], rid); at += size {
			pieces = append(pieces, data[at:at+size])
		}
		if len(pieces) == n {
			return pieces
		}
	}
	return []string{data}
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
