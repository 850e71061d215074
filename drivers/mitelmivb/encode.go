package mitelmivb

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// encodeLayout is what Encode writes: the standard 90-column record, all
// options of the SMDR Options form off.
var encodeLayout = presetLayout(preset{extendedDigits: no, reporting: reportingOff}, false)

// What Encode writes where the call does not say.
const (
	systemID = "000"
	maxTTA   = 999 // seconds the 3-digit time to answer holds
)

// An encoded is a record as Encode writes it: the text of each field.
type encoded struct {
	fields [numItems]string
	long   byte // the long-call flag in column 1
}

// Encode writes c as a MiVoice Business with every SMDR option off would
// send it: one 90-column record, CR LF, on the 24-hour clock. Inbound
// calls are answered (with a time to answer) or not (***), a transfer
// naming the first and the last extension that answered; outbound calls
// carry A when answered, B when busy, nothing when the far end did not
// answer; answered internal calls are written as internal SMDR writes
// them (I). No record is written for outbound calls that failed (Mitel
// records none for calls that found all trunks busy) nor for unanswered
// internal calls (only extended reporting has them). c.Trunk is a line
// number: line 1 is trunk T001.
func Encode(w io.Writer, c *drivers.Call) error {
	e, ok, err := encodeCall(c)
	if err == nil && ok {
		var line string
		if line, err = e.line(); err == nil {
			_, err = io.WriteString(w, line+"\r\n")
		}
	}
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	return nil
}

// encodeCall lays out the fields of c's record; ok is false when the
// PBX writes none.
func encodeCall(c *drivers.Call) (encoded, bool, error) {
	var e encoded
	if err := checkLegs(c); err != nil {
		return e, false, err
	}
	f := &e.fields
	f[itemDate], f[itemTime] = c.Start.Format("01/02"), c.Start.Format("15:04")
	f[itemAccount], f[itemSystem] = c.AccountCode, systemID
	ok, err := true, error(nil)
	switch c.Direction {
	case drivers.Inbound:
		err = e.inbound(c)
	case drivers.Outbound:
		ok, err = e.outbound(c)
	case drivers.Internal:
		ok = e.internal(c)
	default:
		err = fmt.Errorf("direction %q: Encode writes inbound, outbound and internal calls", c.Direction)
	}
	return e, ok, err
}

func checkLegs(c *drivers.Call) error {
	if len(c.Legs) == 0 {
		return errors.New("no legs")
	}
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return errors.New("negative seconds")
		}
	}
	return nil
}

// inbound writes the trunk as caller, the extension first reached as
// called party and, after a transfer, the last one to answer as third
// party. An unanswered call's duration is its ringing.
func (e *encoded) inbound(c *drivers.Call) error {
	tk, err := trunkName(c.Trunk)
	if err != nil {
		return err
	}
	f := &e.fields
	f[itemCalling], f[itemDigits] = tk, c.Dialled
	f[itemCalled] = firstParty(c)
	if !c.Answered {
		f[itemTTA] = "***"
		e.setDuration(c.Ring)
		if anyOutcome(c, drivers.Busy) {
			f[itemStatus] = "B"
		}
		return nil
	}
	f[itemTTA] = fmt.Sprintf("%03d", min(c.Ring, maxTTA))
	e.setDuration(c.Duration)
	if third := lastAnswerer(c); third != "" && third != f[itemCalled] {
		f[itemTransfer], f[itemThird] = "T", third
	}
	return nil
}

// outbound writes the extension as caller and the trunk as called party.
// A failed call writes nothing.
func (e *encoded) outbound(c *drivers.Call) (bool, error) {
	tk, err := trunkName(c.Trunk)
	if err != nil {
		return false, err
	}
	f := &e.fields
	f[itemCalling], f[itemCalled], f[itemDigits] = c.Extension, tk, cmp.Or(c.External, c.Dialled)
	e.setDuration(0)
	switch {
	case c.Answered:
		f[itemStatus] = "A"
		e.setDuration(c.Duration)
	case anyOutcome(c, drivers.Failed):
		return false, nil
	case anyOutcome(c, drivers.Busy):
		f[itemStatus] = "B"
	}
	return true, nil
}

// internal writes an answered internal call; others write nothing.
func (e *encoded) internal(c *drivers.Call) bool {
	if !c.Answered {
		return false
	}
	f := &e.fields
	f[itemCalling], f[itemCalled], f[itemDigits] = c.Extension, cmp.Or(firstParty(c), c.Dialled), c.Dialled
	f[itemStatus] = "I"
	e.setDuration(c.Duration)
	return true
}

// setDuration writes hh:mm:ss and the long-call flag that goes with it.
func (e *encoded) setDuration(secs int) {
	e.fields[itemDuration] = drivers.FormatHMS(secs)
	if secs >= overflow {
		e.fields[itemDuration] = "99:99:99"
	}
	switch {
	case secs >= 30*60:
		e.long = '+'
	case secs >= 10*60:
		e.long = '%'
	case secs >= 5*60:
		e.long = '-'
	default:
		e.long = ' '
	}
}

// line lays the fields out in the standard layout: all left-aligned.
func (e *encoded) line() (string, error) {
	line := []byte(strings.Repeat(" ", encodeLayout.width))
	line[0] = e.long
	for id, v := range e.fields {
		f := encodeLayout.at[id]
		if v == "" {
			continue
		}
		if len(v) > f.width || strings.ContainsAny(v, "\r\n") {
			return "", &drivers.FieldError{Field: f.col + 1, Name: f.name, Value: v, Reason: fmt.Sprintf("does not fit %d columns", f.width)}
		}
		copy(line[f.col:], v)
	}
	return string(line), nil
}

// trunkName renders a line number as Mitel names a CO trunk.
func trunkName(line string) (string, error) {
	n, err := strconv.Atoi(line)
	if err != nil || n < 1 || n > 999 {
		return "", fmt.Errorf("trunk %q: want a line number from 1 to 999", line)
	}
	return fmt.Sprintf("T%03d", n), nil
}

// firstParty is the first internal party the call reached.
func firstParty(c *drivers.Call) string {
	for _, l := range c.Legs {
		if l.Party != "" {
			return l.Party
		}
	}
	return c.Extension
}

// lastAnswerer is the last extension that answered the call in person.
func lastAnswerer(c *drivers.Call) string {
	for i := len(c.Legs) - 1; i >= 0; i-- {
		if l := c.Legs[i]; l.Outcome == drivers.Answered && l.Party != "" {
			return l.Party
		}
	}
	return ""
}

func anyOutcome(c *drivers.Call, o drivers.Outcome) bool {
	for _, l := range c.Legs {
		if l.Outcome == o {
			return true
		}
	}
	return false
}
