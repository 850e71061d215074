package mitelmivb

import (
	"cmp"
	"time"

	"calltally.app/drivers"
)

// call builds the call a record describes (README.md, "How calls are
// derived"). A record is a whole call, a transfer within it included.
func (p *parser) call(r *record, start time.Time) drivers.Call {
	dir := direction(r)
	c := drivers.Call{
		Direction: dir, Dialled: r.digits, AccountCode: r.account, ChargeUnits: r.meter,
		Trunk: trunk(r, dir), External: p.external(r, dir),
	}
	if dir == drivers.Inbound {
		// Without DID digits, the number the caller dialled: DNIS, or the
		// listed directory number an attendant answered (extended reporting).
		c.Dialled = cmp.Or(r.digits, r.dnis, r.ldn)
	}
	if r.callID != "" {
		// The call identifier ends with a sequence letter; the records of
		// one call share the rest.
		c.CallID, c.Key = r.callID, "oli:"+r.callID[:min(8, len(r.callID))]
	}
	c.Legs = p.legs(r, &c, start)
	c.Extension = r.calling // the caller of outbound and internal calls
	if dir != drivers.Outbound && dir != drivers.Internal {
		c.Extension = c.Legs[0].Party // the party reached; Derive attributes answered calls
	}
	if dir == drivers.Outbound && len(c.Legs) > 1 {
		c.TransferredFrom = r.calling // Derive finds it for the other directions
	}
	c.Derive(p.attr)
	return c
}

// direction tells the way a call went from its parties: trunks are Tnnn
// (CO) and Xnnn (tie, IP), anything else is internal.
func direction(r *record) drivers.Direction {
	in, out := isTrunk(r.calling), isTrunk(r.called)
	return drivers.DirectionOf(in, out)
}

func isTrunk(party string) bool {
	if len(party) < 2 || (party[0] != 'T' && party[0] != 'X') {
		return false
	}
	_, ok := atoi(party[1:])
	return ok
}

// trunk is the trunk the call came in on or went out on.
func trunk(r *record, dir drivers.Direction) string {
	switch dir {
	case drivers.Inbound, drivers.Tandem:
		return r.calling
	case drivers.Outbound:
		return r.called
	}
	return ""
}

// external is the outside party's number: the ANI on calls that came in,
// the digits dialled on calls that went out. With network format the
// digits of a call on a tie trunk (X) carry node IDs and are no number.
func (p *parser) external(r *record, dir drivers.Direction) string {
	switch dir {
	case drivers.Inbound, drivers.Tandem:
		return r.ani
	case drivers.Outbound:
		if p.opts.networkFormat && r.called[0] == 'X' {
			return ""
		}
		return r.digits
	}
	return ""
}

// outcome reads how the call ended from its completion status, its time
// to answer and, on trunks without answer supervision, its duration.
func outcome(r *record, dir drivers.Direction) drivers.Outcome {
	switch r.status {
	case 'B', 'O': // busy, occupied
		return drivers.Busy
	case 'E': // invalid number
		return drivers.Failed
	case 'D', 'S', 'U': // unanswered internal calls (extended reporting)
		return drivers.Unanswered
	case 'T':
		if dir == drivers.Outbound {
			return drivers.Failed // toll denied; incoming, T marks an answer from any station
		}
	case 'A', 'I': // answer supervision; an internal call
		return drivers.Answered
	}
	switch {
	case r.tta == ttaNever:
		return drivers.Unanswered
	case r.tta >= 0 || r.duration > 0:
		return drivers.Answered
	}
	return drivers.Unanswered
}

// legs are what the record says about the internal parties: the one it
// reached (the caller on outbound calls) and, after a transfer or
// conference, the third party, who is given the call's talk time.
func (p *parser) legs(r *record, c *drivers.Call, start time.Time) []drivers.Leg {
	first := drivers.Leg{Party: party(r, c.Direction), Peer: p.peer(r, c), Start: start, Record: r.id}
	first.Outcome = p.answeredBy(outcome(r, c.Direction), first.Party)
	switch first.Outcome {
	case drivers.Answered, drivers.Voicemail:
		first.Ring, first.Talk = max(r.tta, 0), r.duration
	case drivers.Unanswered:
		first.Ring = r.duration // how long it rang before the caller gave up
	}
	answered := first.Outcome == drivers.Answered || first.Outcome == drivers.Voicemail
	if !answered || r.third == "" || isTrunk(r.third) || r.third == first.Party {
		return []drivers.Leg{first}
	}
	second := first
	second.Party, second.Ring, second.Outcome = r.third, 0, p.answeredBy(drivers.Answered, r.third)
	second.Start = start.Add(time.Duration(first.Ring) * time.Second)
	first.Talk = 0
	return []drivers.Leg{first, second}
}

// party is the internal party a record is about: whom the call reached,
// or who placed it outbound; none on a trunk-to-trunk call.
func party(r *record, dir drivers.Direction) string {
	switch dir {
	case drivers.Outbound:
		return r.calling
	case drivers.Tandem:
		return ""
	}
	return r.called
}

// peer is the other end of the leg as the record names it.
func (p *parser) peer(r *record, c *drivers.Call) string {
	switch c.Direction {
	case drivers.Outbound:
		return cmp.Or(c.External, r.digits, c.Trunk)
	case drivers.Internal:
		return r.calling
	}
	return cmp.Or(c.External, c.Trunk)
}

// answeredBy turns an answer by a voicemail number into voicemail.
func (p *parser) answeredBy(o drivers.Outcome, party string) drivers.Outcome {
	if o == drivers.Answered && p.opts.voicemail[party] {
		return drivers.Voicemail
	}
	return o
}
