package drivers

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"
)

// A Record is one raw record as the PBX sent it: usually one line.
type Record struct {
	// ID identifies the record: its row in the tenant database when the
	// record is stored, a running number when it is only parsed.
	ID   int64
	Text string // the record without its terminator and NUL padding
	// Source names where the record came from (a file name, a peer
	// address); Line is its 1-based line number there, 0 for streams.
	Source string
	Line   int
	// End is the byte offset just past the record in Source, where reading
	// resumes after it.
	End      int64
	Received time.Time // when the record arrived
	// Cut is set when a stream ended in the middle of the record (a dropped
	// connection): it is kept raw as unreadable and never parsed.
	Cut bool
}

// Where returns "source:line" (or just the source), for messages.
func (r *Record) Where() string {
	if r.Line == 0 {
		return r.Source
	}
	return fmt.Sprintf("%s:%d", r.Source, r.Line)
}

// ErrNotCall marks a record that is well-formed but describes no call: a
// header line, a date record, an "incoming call" notice. Such records are
// kept raw as ignored, not counted as failures. Wrap it with the reason.
var ErrNotCall = errors.New("not a call record")

// A FieldError says which field of a record could not be read and why.
type FieldError struct {
	Field  int    // 1-based field number, or the first column for fixed-width formats
	Name   string // the field's name in the PBX's documentation
	Value  string
	Reason string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("field %d (%s) %q: %s", e.Field, e.Name, e.Value, e.Reason)
}

// A Reader splits a PBX byte stream into Records using the driver's framing.
type Reader struct {
	// Stream marks a connection, where data that ends without a line end
	// is a record cut off (Record.Cut), not a last line without one as in
	// a file. It applies to line framing only.
	Stream bool

	sc       *bufio.Scanner
	source   string
	line     int
	end      int64
	received func() time.Time
	tail     bool // the last token had no terminator
}

// NewReader reads records from r, naming them after source. received
// gives each record's arrival time (time.Now when nil). split is the
// driver's framing; nil means one record per line.
func NewReader(r io.Reader, source string, split bufio.SplitFunc, received func() time.Time) *Reader {
	if received == nil {
		received = time.Now
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	rd := &Reader{sc: sc, source: source, received: received}
	lines := split == nil
	if lines {
		split = ScanLines
	}
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := split(data, atEOF)
		rd.end += int64(adv)
		rd.tail = lines && atEOF && tok != nil && bytes.IndexByte(data[:adv], '\n') < 0
		return adv, tok, err
	})
	return rd
}

// Next returns the next non-blank record, or io.EOF at the end.
func (rd *Reader) Next() (Record, error) {
	for rd.sc.Scan() {
		rd.line++
		text := clean(rd.sc.Bytes())
		if len(text) == 0 {
			continue
		}
		rec := Record{Text: string(text), Source: rd.source, Line: rd.line, End: rd.end, Received: rd.received()}
		rec.Cut = rd.Stream && rd.tail
		return rec, nil
	}
	if err := rd.sc.Err(); err != nil {
		return Record{}, fmt.Errorf("read %s after line %d: %w", rd.source, rd.line, err)
	}
	return Record{}, io.EOF
}

// ScanLines is the framing of line-based formats: records end with LF or
// CR LF; a last record without a terminator counts once the input ends.
func ScanLines(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// clean drops NUL padding (several PBXs pad records with NULs) and the
// trailing CR and blanks of a line.
func clean(b []byte) []byte {
	if bytes.IndexByte(b, 0) >= 0 {
		b = bytes.ReplaceAll(b, []byte{0}, nil)
	}
	return bytes.TrimRight(b, "\r \t")
}
