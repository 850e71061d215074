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
// when it is not zero, in d's wire format.
func (g *Generator) Write(w io.Writer, d *drivers.Driver, first time.Time, n int, until time.Time) error {
	if d.Encode == nil {
		return fmt.Errorf("driver %s cannot write records", d.ID)
	}
	header, err := Header(d)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.Write(header) // a bufio.Writer's error comes again from Flush
	for _, c := range g.Days(first, n) {
		if !until.IsZero() && c.Start.After(until) {
			break
		}
		if err := d.Encode(bw, &c); err != nil {
			return fmt.Errorf("write call %s of %s: %w", c.CallID, c.Start.Format(drivers.WallClock), err)
		}
	}
	return bw.Flush()
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
