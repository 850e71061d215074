package simulator

import (
	"bufio"
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
	bw := bufio.NewWriter(w)
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
