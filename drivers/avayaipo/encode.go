package avayaipo

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// An smdr is one record being written, field by field, in the R10 layout.
type smdr [encodedFields]string

const callStartLayout = "2006/01/02 15:04:05"

// The devices Encode writes where a leg has no extension.
const (
	voicemailDevice, voicemailName = "V9501", "VM Channel 1"
	noRouteDevice, noRouteName     = "V8000", "U1 0.0" // an outbound call that never got a trunk
)

// Encode writes c as an IP Office would have sent it: one 30-field record
// per leg, CR LF terminated, all with c's Call ID and Call Start and
// Continuation 1 on all but the last. c.Trunk is a line number (1 →
// T9001 "Line 1.1"); a leg without a party is voicemail (V9501).
func Encode(w io.Writer, c *drivers.Call) error {
	if len(c.Legs) == 0 {
		return fmt.Errorf("encode call %s: no legs", c.CallID)
	}
	shared, err := sharedFields(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	for i := range c.Legs {
		f := shared
		if err := legFields(&f, c, i); err != nil {
			return fmt.Errorf("encode call %s leg %d: %w", c.CallID, i+1, err)
		}
		if err := writeRecord(&b, &f); err != nil {
			return fmt.Errorf("encode call %s leg %d: %w", c.CallID, i+1, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// sharedFields fills what every record of the call carries.
func sharedFields(c *drivers.Call) (smdr, error) {
	var f smdr
	f[fieldCallStart] = c.Start.Format(callStartLayout)
	f[fieldAccount] = c.AccountCode
	f[fieldCallID] = c.CallID
	if c.CallID == "" {
		f[fieldCallID] = "1000000" // where the IP Office starts counting
	} else if _, ok := drivers.Digits(c.CallID, 18); !ok {
		return f, fmt.Errorf("call ID %q: want a whole number", c.CallID)
	}
	f[fieldAuthValid], f[fieldAuthCode] = "0", "n/a" // as R10 writes them without authorization codes
	if err := directionFields(&f, c); err != nil {
		return f, err
	}
	if c.Direction == drivers.Internal || (c.Direction == drivers.Outbound && c.Trunk == "") {
		return f, nil // no trunk; legFields rejects an outbound leg that needed one
	}
	var err error
	f[fieldParty2], f[fieldParty2Name], err = trunkParty(c.Trunk)
	return f, err
}

// directionFields fills caller, direction and numbers. Internal calls are
// Direction O, as the IP Office writes them.
func directionFields(f *smdr, c *drivers.Call) error {
	f[fieldDirection], f[fieldInternal] = "O", "0"
	f[fieldCalled], f[fieldDialled] = c.Dialled, c.Dialled
	switch c.Direction {
	case drivers.Inbound:
		f[fieldCaller], f[fieldDirection] = c.External, "I"
	case drivers.Outbound:
		f[fieldCaller], f[fieldCalled] = c.Extension, c.External
		if c.Dialled == "" {
			f[fieldDialled] = c.External
		}
	case drivers.Internal:
		f[fieldCaller] = c.Extension
	default:
		return fmt.Errorf("direction %q: the IP Office writes only inbound, outbound and internal calls", c.Direction)
	}
	return nil
}

// trunkParty renders a line number as the trunk device and its name.
func trunkParty(line string) (device, name string, err error) {
	n, ok := drivers.Atoi(line)
	if !ok || n < 1 || n > 999 {
		return "", "", fmt.Errorf("trunk %q: want a line number from 1 to 999", line)
	}
	return "T" + strconv.Itoa(9000+n), "Line " + strconv.Itoa(n) + ".1", nil
}

// legFields fills the record of leg i: its times and its parties.
func legFields(f *smdr, c *drivers.Call, i int) error {
	l := &c.Legs[i]
	if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
		return errors.New("negative seconds")
	}
	f[fieldConnected] = drivers.FormatHMS(l.Talk)
	f[fieldRing] = "0"
	if i == 0 {
		f[fieldRing] = strconv.Itoa(l.Ring) // the IP Office times ringing once, to the call's first answer
	}
	f[fieldContinuation] = "0"
	if i < len(c.Legs)-1 {
		f[fieldContinuation] = "1"
	}
	f[fieldHold], f[fieldPark] = strconv.Itoa(l.Hold), "0"
	return partyFields(f, c, l)
}

// partyFields places the leg's parties: for trunk calls the internal party
// is Party1, for internal calls the caller is.
func partyFields(f *smdr, c *drivers.Call, l *drivers.Leg) error {
	caller, callerName := "E"+c.Extension, c.ExtensionName
	switch {
	case c.Direction == drivers.Inbound:
		f[fieldParty1], f[fieldParty1Name] = legParty(l)
	case c.Direction == drivers.Internal:
		f[fieldParty1], f[fieldParty1Name] = caller, callerName
		f[fieldParty2], f[fieldParty2Name] = legParty(l)
		if f[fieldParty2] != voicemailDevice {
			f[fieldInternal] = "1" // real systems write 0 for calls to voicemail
		}
	// Outbound from here: directionFields let no other direction through.
	case l.Outcome == drivers.Failed:
		f[fieldParty1], f[fieldParty1Name] = caller, callerName
		f[fieldParty2], f[fieldParty2Name] = noRouteDevice, noRouteName
	case f[fieldParty2] == "":
		return errors.New("outbound leg without a trunk")
	default:
		f[fieldParty1], f[fieldParty1Name] = caller, callerName
	}
	return nil
}

// legParty is the device of the party a leg is about.
func legParty(l *drivers.Leg) (device, name string) {
	if l.Party == "" || l.Outcome == drivers.Voicemail {
		return voicemailDevice, voicemailName
	}
	return "E" + l.Party, l.PartyName
}

// writeRecord joins the fields, CR LF terminated. SMDR has no quoting.
func writeRecord(b *strings.Builder, f *smdr) error {
	if err := drivers.JoinCommas(b, f[:], fieldNames[:], "SMDR cannot carry a comma or line break"); err != nil {
		return err
	}
	b.WriteString("\r\n")
	return nil
}
