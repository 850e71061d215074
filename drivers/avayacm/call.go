package avayacm

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A handling is what a condition code makes of a record.
type handling int

const (
	byTrunks           handling = iota // attendant, conference, redirected: the trunk items tell
	inboundCall                        // incoming (or tandem, if a trunk was also used out)
	outboundCall                       // outgoing, by ARS/AAR, TAC, ringback queue or adjunct
	internalCall                       // intra-switch
	ringUnanswered                     // the ringing of an incoming call nobody answered
	ineffectiveAttempt                 // a call that never got through
	interimRecord                      // the first 10 hours of a call still going on
	noCall                             // not a call of its own
)

// A condition is a condition code and what CallTally makes of it.
type condition struct {
	code     byte
	handling handling
	meaning  string
}

// conditions are the CM's condition codes (README.md, "Condition codes").
var conditions = map[byte]condition{
	'0': {'0', internalCall, "intra-switch call"},
	'1': {'1', byTrunks, "attendant-handled call"},
	'4': {'4', interimRecord, "interim record of a call over 10 hours"},
	'6': {'6', noCall, "call not recorded completely (resources exhausted)"},
	'7': {'7', outboundCall, "outgoing call by ARS/AAR"},
	'8': {'8', outboundCall, "outgoing call by ringback queuing"},
	'9': {'9', inboundCall, "incoming or tandem call"},
	'A': {'A', outboundCall, "outgoing call by trunk access code"},
	'B': {'B', outboundCall, "adjunct-placed outgoing call"},
	'C': {'C', byTrunks, "conference call, one record per trunk"},
	'E': {'E', ineffectiveAttempt, "ineffective call attempt"},
	'F': {'F', ineffectiveAttempt, "ineffective call attempt"},
	'G': {'G', noCall, "ringing interval of an answered call, whose own record follows"},
	'H': {'H', ringUnanswered, "ringing interval of an incoming call nobody answered"},
	'T': {'T', byTrunks, "redirected call"},
}

// notCall is the error for a record of a condition that is no call.
func (c condition) notCall() error {
	return fmt.Errorf("condition code %c, %s: %w", c.code, c.meaning, drivers.ErrNotCall)
}

// derive builds the call a record (or a long call's records) describes.
// The last record decides the direction: interim records all carry 4.
func (p *parser) derive(recs []record) drivers.Call {
	last := &recs[len(recs)-1]
	dir := p.direction(last)
	c := drivers.Call{
		Direction: dir, Dialled: last.dialed, AccountCode: last.account,
		Trunk: p.trunk(last, dir), Legs: make([]drivers.Leg, len(recs)),
	}
	if strings.Trim(last.ucid, "0") != "" { // all zeros: the CM assigned none
		// With call splitting the records of a transferred call share it.
		c.CallID, c.Key = last.ucid, "ucid:"+last.ucid
	}
	c.Extension, c.External = p.parties(last, dir)
	for i := range recs {
		c.Legs[i] = p.leg(&recs[i], &c)
	}
	c.Derive(p.attr)
	return c
}

// direction applies README.md's rules to a record's condition code and
// trunk items.
func (p *parser) direction(r *record) drivers.Direction {
	switch r.cond.handling {
	case internalCall:
		return drivers.Internal
	case outboundCall:
		return drivers.Outbound
	case inboundCall, ringUnanswered:
		if r.codeUsed != "" && r.cond.handling == inboundCall {
			return drivers.Tandem
		}
		return drivers.Inbound
	case ineffectiveAttempt:
		if p.incomingTrunk(r) == "" {
			return drivers.Outbound // an attempt to call out that found no way
		}
	}
	return p.byTrunks(r)
}

// byTrunks tells a call's direction from the trunks it used: a trunk
// used out makes it outbound, else one it came in on inbound.
func (p *parser) byTrunks(r *record) drivers.Direction {
	switch {
	case r.codeUsed != "":
		return drivers.Outbound
	case p.incomingTrunk(r) != "":
		return drivers.Inbound
	}
	return drivers.Internal
}

// incomingTrunk is the trunk access code of the trunk group a call came
// in on: in-trk-code, or the calling number of formats that put it there.
// The calling number holds an extension on other calls, so it counts only
// where the condition code says the call came in.
func (p *parser) incomingTrunk(r *record) string {
	if r.inTrk != "" || !p.opts.layout.tacCaller {
		return r.inTrk
	}
	if h := r.cond.handling; h == inboundCall || h == ringUnanswered {
		return r.calling
	}
	return ""
}

// parties are the extension the call counts against and the number
// outside: the dialed and calling numbers swap roles on incoming calls.
func (p *parser) parties(r *record, dir drivers.Direction) (ext, external string) {
	caller := r.calling
	if p.opts.layout.tacCaller && p.incomingTrunk(r) == r.calling {
		caller = "" // the calling number is the trunk, not the caller
	}
	switch dir {
	case drivers.Inbound:
		return r.dialed, caller
	case drivers.Outbound:
		return r.calling, r.dialed
	case drivers.Tandem:
		return "", caller
	}
	return r.calling, ""
}

// trunk is the trunk access code of the trunk group the call used: the
// incoming one, or the one used out (the one dialed if that is blank). An
// ineffective attempt got no trunk: what it dialed names none.
func (p *parser) trunk(r *record, dir drivers.Direction) string {
	switch {
	case dir == drivers.Inbound || dir == drivers.Tandem:
		return p.incomingTrunk(r)
	case dir == drivers.Internal:
		return ""
	case r.codeUsed != "" || r.cond.handling == ineffectiveAttempt:
		return r.codeUsed
	}
	return r.codeDial
}

// leg is what one record says about the internal party: on inbound and
// internal calls the one called, on outbound calls the caller.
func (p *parser) leg(r *record, c *drivers.Call) drivers.Leg {
	l := drivers.Leg{Party: r.dialed, Peer: r.calling, Start: r.end, Outcome: drivers.Answered, Record: r.id}
	switch c.Direction {
	case drivers.Outbound:
		l.Party, l.Peer = r.calling, r.dialed
	case drivers.Inbound:
		l.Peer = cmp.Or(c.External, c.Trunk)
	case drivers.Tandem:
		l.Party, l.Peer = "", cmp.Or(c.External, c.Trunk)
	}
	d := time.Duration(r.secs) * time.Second
	switch r.cond.handling {
	case ringUnanswered:
		l.Start, l.Ring, l.Outcome = r.end.Add(-d), r.secs, drivers.Unanswered
	case ineffectiveAttempt:
		l.Start, l.Outcome = r.end.Add(-d), drivers.Failed
	default:
		l.Start, l.Talk = r.end.Add(-d), r.secs
	}
	return l
}
