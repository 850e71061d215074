package ciscocucm

import (
	"errors"
	"fmt"
	"net/netip"

	"calltally.app/drivers"
)

// Codes Encode writes besides the OnBehalfOf codes.
const (
	causeNormal        = 16
	causeBusy          = 17
	causeNoAnswer      = 19
	causeUnallocated   = 1
	causeNoCircuit     = 34
	causeSplit         = 393216 // CUCM: the leg was split off by a feature
	reasonForwardNoAns = 2
	reasonForwardAll   = 15
	reasonTransfer     = 4
)

// The voicemail system Encode sends unanswered calls to.
var voicemailPort = endpoint{number: "8000", device: "CiscoUM1-VI1", ip: netip.AddrFrom4([4]byte{10, 10, 2, 10})}

var errNoLegs = errors.New("no legs")

// A planner turns a call's legs into the CDRs CUCM writes for them.
type planner struct {
	c          *drivers.Call
	mainID     int64 // the global call ID of the conversation
	from       endpoint
	calling    string
	transferor string // who passed the call on to the next leg
	cdrs       []cdr
}

// plan returns the records of c, in the order CUCM writes them: as each
// leg ends.
func plan(c *drivers.Call) ([]cdr, error) {
	if len(c.Legs) == 0 {
		return nil, errNoLegs
	}
	id, err := callNumber(c.CallID)
	if err != nil {
		return nil, err
	}
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return nil, errors.New("negative seconds")
		}
	}
	p := &planner{c: c, mainID: 2 * id}
	switch c.Direction {
	case drivers.Inbound:
		p.calling = c.External
		p.from, err = trunk(c.Trunk)
	case drivers.Outbound, drivers.Internal:
		p.calling = c.Extension
		p.from, err = phone(c.Extension, c.ExtensionName)
	default:
		return nil, fmt.Errorf("direction %q: Encode writes inbound, outbound and internal calls", c.Direction)
	}
	if err != nil {
		return nil, err
	}
	if c.Direction == drivers.Outbound {
		return p.outbound()
	}
	return p.inward()
}

// callNumber reads the call's ID; the simulator counts from 1000000.
func callNumber(id string) (int64, error) {
	if id == "" {
		return 1000000, nil
	}
	n, ok := drivers.Digits(id, 15)
	if !ok {
		return 0, fmt.Errorf("call ID %q: want a whole number", id)
	}
	return n, nil
}

// outbound writes a record per leg from the caller's phone to the trunk.
func (p *planner) outbound() ([]cdr, error) {
	to, err := trunk(p.c.Trunk)
	if err != nil {
		return nil, err
	}
	for i := range p.c.Legs {
		r := p.record(&p.c.Legs[i], to)
		r.originalCalled, r.finalCalled, r.outpulsed = p.c.External, p.c.External, p.c.External
		ended(&r, p.c.Legs[i].Outcome, false)
		p.cdrs = append(p.cdrs, r)
	}
	return p.cdrs, nil
}

// inward writes the legs of a call to internal parties, from a trunk or a
// phone: a record per leg that rang or answered, the ringing before
// voicemail folded into voicemail's record, and a blind transfer after
// each answered leg that another follows.
func (p *planner) inward() ([]cdr, error) {
	legs := p.c.Legs
	for i := 0; i < len(legs); i++ {
		r, folded, err := p.legRecord(legs[i:])
		if err != nil {
			return nil, err
		}
		if folded {
			i++
		}
		p.cdrs = append(p.cdrs, r)
		p.transferor = ""
		if legs[i].Outcome == drivers.Answered && i+1 < len(legs) {
			if err := p.transfer(&legs[i], &legs[i+1]); err != nil {
				return nil, err
			}
		}
	}
	return p.cdrs, nil
}

// legRecord writes the first of legs; folded reports that it took in the
// second, voicemail's, too.
func (p *planner) legRecord(legs []drivers.Leg) (r cdr, folded bool, err error) {
	l := &legs[0]
	called := l.Party
	if len(p.cdrs) == 0 {
		called = p.c.Dialled // the first record shows the number the caller dialled
	}
	switch {
	case l.Outcome == drivers.Voicemail:
		r = p.record(l, voicemailPort)
		r.connected = true
		redirect(&r, called, reasonForwardAll)
	case len(legs) > 1 && legs[1].Outcome == drivers.Voicemail && l.Outcome != drivers.Answered:
		r = p.record(l, voicemailPort)
		r.ring, r.talk, r.connected = int(legs[1].Start.Sub(l.Start).Seconds())+legs[1].Ring, legs[1].Talk, true
		redirect(&r, l.Party, reasonForwardNoAns)
		folded = true
	default:
		to, err := phone(l.Party, l.PartyName)
		if err != nil {
			return cdr{}, false, err
		}
		r = p.record(l, to)
		ended(&r, l.Outcome, len(legs) > 1)
	}
	r.originalCalled, r.finalCalled = called, r.dest.number
	return r, folded, nil
}

// record starts the CDR of leg l from the call's origin to dest; after a
// transfer, it is the transfer's final leg.
func (p *planner) record(l *drivers.Leg, dest endpoint) cdr {
	r := cdr{
		callID: p.mainID, legID: 16777216 + p.mainID*8 + int64(len(p.cdrs))*2, orig: p.from, dest: dest,
		calling: p.calling, start: l.Start, ring: l.Ring, talk: l.Talk, account: p.c.AccountCode,
	}
	if p.transferor != "" {
		r.join, r.lastRedirect = onBehalfOfTransfer, p.transferor
		r.redirectOnBehalfOf, r.redirectReason = onBehalfOfTransfer, reasonTransfer
	}
	return r
}

// redirect marks r as forwarded by from; a forward after a transfer
// overrides it, as CUCM keeps only the last redirect.
func redirect(r *cdr, from string, reason int) {
	if from == "" {
		return
	}
	r.lastRedirect, r.redirectOnBehalfOf, r.redirectReason = from, onBehalfOfCallForward, reason
}

// ended sets how a leg that voicemail did not take ended.
func ended(r *cdr, o drivers.Outcome, more bool) {
	switch o {
	case drivers.Answered:
		r.connected, r.destCause = true, causeNormal
	case drivers.Busy:
		r.origCause, r.destCause = causeNormal, causeBusy
	case drivers.Failed:
		r.origCause, r.destCause = causeNormal, causeNoCircuit // to a trunk: no line was free
		if r.dest.number != "" {
			// To a number CUCM could not route: no device took part.
			r.dest = endpoint{number: r.dest.number, ip: netip.IPv4Unspecified()}
			r.destCause = causeUnallocated
		}
	case drivers.Unanswered:
		r.origCause = causeNormal // the caller gave up
		if more {
			r.origCause, r.destCause = 0, causeNoAnswer // the hunt moved on
		}
	}
}

// transfer ends the last record, answered by l, with a blind transfer to
// the party of next, and writes the transfer's consultation leg under the
// odd call ID.
func (p *planner) transfer(l, next *drivers.Leg) error {
	r := &p.cdrs[len(p.cdrs)-1]
	r.origCause, r.destCause = causeSplit, causeSplit
	r.origTermination, r.destTermination = onBehalfOfTransfer, onBehalfOfTransfer
	from, err := phone(l.Party, l.PartyName)
	if err != nil {
		return err
	}
	to := voicemailPort
	if next.Outcome != drivers.Voicemail {
		if to, err = phone(next.Party, next.PartyName); err != nil {
			return err
		}
	}
	p.cdrs = append(p.cdrs, cdr{
		callID: p.mainID + 1, legID: 16777216 + (p.mainID+1)*8, orig: from, dest: to, calling: l.Party,
		originalCalled: to.number, finalCalled: to.number, start: next.Start,
		origCause: causeSplit, destCause: causeSplit, origTermination: onBehalfOfTransfer, destTermination: onBehalfOfTransfer,
	})
	p.transferor = l.Party
	return nil
}

// trunk renders a line number as a gateway: 1 → CUBE-PSTN-01 at 10.10.1.5.
func trunk(line string) (endpoint, error) {
	n, ok := drivers.Digits(line, 2)
	if !ok || n < 1 {
		return endpoint{}, fmt.Errorf("trunk %q: want a line number from 1 to 99", line)
	}
	return endpoint{device: fmt.Sprintf("CUBE-PSTN-%02d", n), ip: netip.AddrFrom4([4]byte{10, 10, 1, byte(4 + n)})}, nil
}

// phone renders an extension as its desk phone: 207 → SEP00AABB000207;
// the person's name goes where CUCM writes the login user ID.
func phone(ext, name string) (endpoint, error) {
	n, ok := drivers.Digits(ext, 6)
	if !ok {
		return endpoint{}, fmt.Errorf("extension %q: want 1 to 6 digits", ext)
	}
	return endpoint{
		number: ext, device: fmt.Sprintf("SEP00AABB%06d", n), user: name,
		ip: netip.AddrFrom4([4]byte{10, 10, byte(20 + n/250%200), byte(n%250 + 1)}),
	}, nil
}
