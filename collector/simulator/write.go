package simulator

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"time"

	"calltally.app/drivers"
)

// Write writes the calls of n days from first, up to (not after) until
// when it is not zero, in d's wire format, and returns the calls the PBX
// writes records for: a format may leave some out (internal calls, failed
// attempts), as the real PBX does.
func (g *Generator) Write(w io.Writer, d *drivers.Driver, first time.Time, n int, until time.Time) ([]drivers.Call, error) {
	calls := g.Days(first, n)
	if !until.IsZero() {
		for i, c := range calls {
			if c.Start.After(until) {
				calls = calls[:i]
				break
			}
		}
	}
	return Encode(w, d, calls)
}

// Encode writes d's header and calls in d's wire format, and returns those
// calls that became records.
func Encode(w io.Writer, d *drivers.Driver, calls []drivers.Call) ([]drivers.Call, error) {
	if d.Encode == nil {
		return nil, fmt.Errorf("driver %s cannot write records", d.ID)
	}
	header, err := Header(d)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(w)
	bw.Write(header) // a bufio.Writer's error comes again from Flush
	var buf bytes.Buffer
	var written []drivers.Call
	for i := range calls {
		buf.Reset()
		c := &calls[i]
		if err := d.Encode(&buf, c); err != nil {
			return nil, fmt.Errorf("write call %s of %s: %w", c.CallID, c.Start.Format(drivers.WallClock), err)
		}
		if buf.Len() > 0 {
			written = append(written, *c)
			bw.Write(buf.Bytes())
		}
	}
	return written, bw.Flush()
}

// Header returns what d's PBX sends before its first record in every file
// or on every connection; nil when nothing.
func Header(d *drivers.Driver) ([]byte, error) {
	if d.Header == nil {
		return nil, nil
	}
	var b bytes.Buffer
	if err := d.Header(&b); err != nil {
		return nil, fmt.Errorf("write %s header: %w", d.ID, err)
	}
	return b.Bytes(), nil
}
