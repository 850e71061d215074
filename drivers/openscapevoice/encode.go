package openscapevoice

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// What Encode writes besides the calls' own data.
const (
	encodedWidth   = 135 // fields of a record: the documented ones and some after
	stampLayout    = "2006-01-02T15:04:05.0-0700"
	hostname       = "osv1" // the node, in field 4 and the header
	threadNode     = "1"
	voicemailPilot = "8000" // the voicemail system's number
	maxLegs        = 100    // legs of a call, as the sequence numbers count them
)

// Header writes the lines a billing file starts with. CallTally reads
// none of their values; these name the simulated switch.
func Header(w io.Writer) error {
	_, err := io.WriteString(w, "FILENAME: "+hostname+"-simulated.BF\n"+
		"DEVICE: OpenScapeVoice\n"+"HOSTNAME: "+hostname+"\n"+"FILETYPE: BILLING\n"+"VERSION: V10\n\n")
	return err
}

// A cdr is one standard CDR being written, field by field: cdr[i] is
// CDR field i+1, so cdr[0] is the record type.
type cdr [encodedWidth]string

func (f *cdr) set(fd field, value string) { f[fieldInfo[fd].number-1] = value }

// Encode writes c as OpenScape Voice writes it into a billing file: a
// standard CDR per leg, each after a sequence number, LF terminated, all
// with c's global call ID and thread. c.Trunk is a line number, written
// as the SIP endpoint of a PSTN gateway (1 → pstn-gw1.example.net); a leg
// without a party is the voicemail system's.
func Encode(w io.Writer, c *drivers.Call) error {
	id, err := checkCall(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	for i := range c.Legs {
		f, err := legRecord(c, i, id)
		if err == nil {
			err = writeRecord(&b, id*maxLegs+int64(i), f)
		}
		if err != nil {
			return fmt.Errorf("encode call %s leg %d: %w", c.CallID, i+1, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// checkCall returns the call's number, which its IDs are made of.
func checkCall(c *drivers.Call) (int64, error) {
	switch {
	case len(c.Legs) == 0:
		return 0, errors.New("no legs")
	case len(c.Legs) > maxLegs:
		return 0, fmt.Errorf("%d legs, want at most %d", len(c.Legs), maxLegs)
	case c.Direction != drivers.Inbound && c.Direction != drivers.Outbound && c.Direction != drivers.Internal:
		return 0, fmt.Errorf("direction %q: Encode writes inbound, outbound and internal calls", c.Direction)
	}
	if c.CallID == "" {
		return 1000000, nil // where the simulator starts counting
	}
	id, ok := drivers.Digits(c.CallID, 15)
	if !ok {
		return 0, fmt.Errorf("call ID %q: want a whole number", c.CallID)
	}
	return id, nil
}

// legRecord fills the record of leg i: what every leg of the call shares,
// then the leg's times, outcome and parties.
func legRecord(c *drivers.Call, i int, id int64) (*cdr, error) {
	l := &c.Legs[i]
	if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
		return nil, errors.New("negative seconds")
	}
	f := &cdr{typeStandard}
	f[3] = hostname // CDR field 4
	f.set(fGlobalCallID, c.Start.Format(stampLayout)+":FF000100"+fmt.Sprintf("%024X", id))
	f.set(fThreadNode, threadNode)
	f.set(fThreadSeq, strconv.FormatInt(id, 10))
	f.set(fDialled, c.Dialled)
	legTimes(f, l, cmp.Or(l.Start, c.Start))
	legOutcome(f, l, i < len(c.Legs)-1)
	if err := legParties(f, c, i); err != nil {
		return nil, err
	}
	return f, nil
}

// legTimes writes when the leg began, was answered and released.
func legTimes(f *cdr, l *drivers.Leg, start time.Time) {
	f.set(fTimestamp, start.Format(stampLayout))
	f.set(fInConnect, start.Format(stampLayout))
	answered := l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail
	if answered {
		f.set(fAnswer, start.Add(time.Duration(l.Ring)*time.Second).Format(stampLayout))
	}
	end := start.Add(time.Duration(l.Ring+l.Talk) * time.Second)
	f.set(fRelease, end.Format(stampLayout))
	f.set(fDuration, strconv.Itoa(l.Talk))
}

// legOutcome writes the Attempt Indicator and release cause of a leg's
// outcome; more says the call went on to another leg, as after a leg
// that rang out and was forwarded (cause 23, redirection).
func legOutcome(f *cdr, l *drivers.Leg, more bool) {
	attempt, cause := "0", "16"
	switch {
	case l.Outcome == drivers.Busy:
		attempt, cause = "1", "17"
	case l.Outcome == drivers.Failed:
		attempt, cause = "3", "34" // no lines: the simulator's reason
	case l.Outcome == drivers.Unanswered && more:
		cause = "23"
	case l.Outcome == drivers.Unanswered:
		attempt = "4" // the caller gave up
	}
	f.set(fAttempt, attempt)
	f.set(fCause, cause)
	f.set(fFeature, "0")
	f.set(fFeatureExt, "0")
	f.set(fEvent, "0")
}

// legParties writes the numbers, party identifiers and endpoints of leg i.
func legParties(f *cdr, c *drivers.Call, i int) error {
	l := &c.Legs[i]
	reached := l.Party
	if reached == "" || l.Outcome == drivers.Voicemail {
		reached = voicemailPilot
		forwardedToVoicemail(f, c, i)
	}
	switch c.Direction {
	case drivers.Inbound:
		setParties(f, c.External, partyIncoming, reached, partyTerminating)
		return setTrunk(f, fIngress, c.Trunk)
	case drivers.Internal:
		setParties(f, c.Extension, partyOriginating, reached, partyTerminating)
		return nil
	}
	setParties(f, c.Extension, partyOriginating, c.External, partyOutgoing)
	f.set(fDialled, cmp.Or(c.Dialled, c.External))
	if l.Outcome == drivers.Failed {
		return nil // no line was free: no trunk taken
	}
	return setTrunk(f, fEgress, c.Trunk)
}

func setParties(f *cdr, calling string, orig int, reached string, term int) {
	f.set(fCalling, calling)
	f.set(fOrigParty, strconv.Itoa(orig))
	f.set(fCalled, reached)
	f.set(fDestination, reached)
	f.set(fTermParty, strconv.Itoa(term))
}

// forwardedToVoicemail marks the leg voicemail took: forwarded on no
// answer by the party of the leg before, else unconditionally by the
// extension an inbound call was for.
func forwardedToVoicemail(f *cdr, c *drivers.Call, i int) {
	switch {
	case i > 0:
		f.set(fFeature, "4") // call forwarding on no answer
		f.set(fForwarding, c.Legs[i-1].Party)
	case c.Direction == drivers.Inbound:
		f.set(fFeature, "8") // unconditional
		f.set(fForwarding, c.Extension)
	}
	f.set(fFeatureExt, strconv.Itoa(featureForwardVoicemail))
}

// setTrunk writes a line number as a PSTN gateway's SIP endpoint.
func setTrunk(f *cdr, fd field, line string) error {
	n, ok := drivers.Atoi(line)
	if !ok || n < 1 || n > 99 || len(line) > 2 {
		return fmt.Errorf("trunk %q: want a line number from 1 to 99", line)
	}
	f.set(fd, "pstn-gw"+strconv.Itoa(n)+".example.net")
	return nil
}

// writeRecord joins the fields after the sequence number, quoting those
// that hold a comma or a quote. A line break cannot be written.
func writeRecord(b *strings.Builder, seq int64, f *cdr) error {
	b.WriteString(strconv.FormatInt(seq, 10))
	for i, v := range f {
		if strings.ContainsAny(v, "\r\n") {
			l := defaultLayout()
			return &drivers.FieldError{Field: i + 2, Name: l.name(i), Value: v, Reason: "a billing file cannot carry a line break"}
		}
		b.WriteByte(',')
		if strings.ContainsAny(v, `,"`) {
			v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
		}
		b.WriteString(v)
	}
	b.WriteByte('\n')
	return nil
}
