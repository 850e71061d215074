package mitelmivo400

import (
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// What Encode writes where the call does not say.
const (
	voicemailNumber = "899" // the voicemail's user number in the default numbering plan
	maxDuration     = 99*3600 + 59*60 + 59
	maxTTA          = 999
)

// encodeLayout is the layout Encode writes: PC5 as documented.
var encodeLayout = presets[formatPC5]

// Encode writes c as a MiVoice Office 400 with PC5 output sends it: one
// record per user an incoming call reached, all with the call's sequence
// number (the first answerer 321, later ones 320 as transferred, users
// who did not answer 322, the voicemail 323 as user 899), and one record
// (010, or 070 with a cost centre) for an answered outgoing call. Call
// logging records no internal calls and no outgoing calls that were not
// connected: they are written as nothing. c.Trunk is a line number: line
// 1 is EXCH 00101, the card in slot 1, network interface 1.
func Encode(w io.Writer, c *drivers.Call) error {
	recs, err := encodeRecords(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	for i := range recs {
		if err := writeRecord(&b, encodeLayout, &recs[i]); err != nil {
			return fmt.Errorf("encode call %s: %w", c.CallID, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// fields are a record's fields as written, by field.
type fields [numFields]string

// encodeRecords lists the records the PBX writes for c, in order.
func encodeRecords(c *drivers.Call) ([]fields, error) {
	if len(c.Legs) == 0 {
		return nil, errors.New("no legs")
	}
	talk := 0
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return nil, errors.New("negative seconds")
		}
		talk += l.Talk
	}
	if talk > maxDuration {
		return nil, errors.New("longer than 99 hours, the most DURATION can say")
	}
	switch c.Direction {
	case drivers.Internal:
		return nil, nil
	case drivers.Inbound:
		return inboundRecords(c)
	case drivers.Outbound:
		return outboundRecords(c)
	}
	return nil, fmt.Errorf("direction %q: Encode writes inbound, outbound and internal calls", c.Direction)
}

// inboundRecords writes a record per leg, as the ICL does per user.
func inboundRecords(c *drivers.Call) ([]fields, error) {
	exch, err := exchange(c.Trunk)
	if err != nil {
		return nil, err
	}
	n := callNumber(c.CallID)
	recs := make([]fields, len(c.Legs))
	answeredBefore := false
	for i, l := range c.Legs {
		f := &recs[i]
		f[fieldNo], f[fieldSC] = l.Party, inboundSC(l.Outcome, answeredBefore)
		if l.Outcome == drivers.Voicemail {
			f[fieldNo] = cmp.Or(l.Party, voicemailNumber)
		}
		answeredBefore = answeredBefore || l.Outcome == drivers.Answered
		talk, ring := l.Talk, min(l.Ring, maxTTA)
		if l.Outcome != drivers.Answered && l.Outcome != drivers.Voicemail {
			talk = 0
		}
		if l.Outcome == drivers.Busy {
			ring = 0
		}
		setCommon(f, l.Start, talk, exch, n*4+i)
		f[fieldID1], f[fieldID2], f[fieldDest2] = c.External, c.External, c.Dialled
		f[fieldTTA], f[fieldSeq] = fmt.Sprintf("%03d", ring), fmt.Sprintf("%03d", n%999+1)
	}
	return recs, nil
}

// inboundSC is the sort character of a user's part of an incoming call
// from the public network.
func inboundSC(o drivers.Outcome, answeredBefore bool) string {
	switch {
	case o == drivers.Voicemail:
		return "323"
	case o == drivers.Answered && answeredBefore:
		return "320"
	case o == drivers.Answered:
		return "321"
	case o == drivers.Failed:
		return "329"
	}
	return "322"
}

// outboundRecords writes the one record of a connected outgoing call.
func outboundRecords(c *drivers.Call) ([]fields, error) {
	talk, connected := 0, false
	for _, l := range c.Legs {
		talk += l.Talk
		connected = connected || l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail
	}
	if !connected {
		return nil, nil
	}
	exch, err := exchange(c.Trunk)
	if err != nil {
		return nil, err
	}
	var f fields
	f[fieldNo], f[fieldCC], f[fieldSC] = c.Extension, c.AccountCode, "010"
	if c.AccountCode != "" {
		f[fieldSC] = "070" // exchange access with cost-centre selection
	}
	setCommon(&f, c.Legs[0].Start, talk, exch, callNumber(c.CallID)*4)
	f[fieldCharges], f[fieldMetpul] = "0.00", fmt.Sprintf("%05d", c.ChargeUnits)
	f[fieldDest1], f[fieldDest2] = c.External, cmp.Or(c.Dialled, c.External)
	f[fieldTTA], f[fieldSeq] = "000", "000"
	return []fields{f}, nil
}

// setCommon fills the fields every record has.
func setCommon(f *fields, start time.Time, talk int, exch string, serial int) {
	f[fieldDate], f[fieldTime] = start.Format("060102"), start.Format("15:04")
	f[fieldDuration] = fmt.Sprintf("%02dH%02dM%02d", talk/3600, talk/60%60, talk%60)
	f[fieldMetpul], f[fieldExch] = "00000", exch
	f[fieldSerial] = fmt.Sprintf("%04d", serial%10000)
}

// exchange renders a line number as EXCH: primary channel group 0, the
// trunk card in slot 1, the line as network interface.
func exchange(line string) (string, error) {
	n, ok := drivers.Atoi(line)
	if !ok || n < 1 || n > 99 {
		return "", fmt.Errorf("trunk %q: want a line number from 1 to 99", line)
	}
	return fmt.Sprintf("001%02d", n), nil
}

// callNumber turns a call ID into a number the sequence and serial
// numbers are made from.
func callNumber(id string) int {
	if n, err := strconv.Atoi(id); err == nil && n >= 0 {
		return n
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() >> 1)
}

// writeRecord lays f out as l says, every field right-justified as in
// PC5, the tab first and CR LF last.
func writeRecord(b *strings.Builder, l *layout, f *fields) error {
	line := []byte(strings.Repeat(" ", l.width))
	line[0] = '\t'
	for _, fl := range l.fields {
		v := f[fl.id]
		if fl.id == fieldSkip || v == "" {
			continue
		}
		if len(v) > fl.width || strings.ContainsFunc(v, isControl) {
			return &drivers.FieldError{Field: fl.col + 1, Name: fl.label, Value: v, Reason: fmt.Sprintf("does not fit %d characters", fl.width)}
		}
		copy(line[fl.col+fl.width-len(v):], v)
	}
	b.Write(line)
	b.WriteString("\r\n")
	return nil
}
