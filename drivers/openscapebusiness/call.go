package openscapebusiness

import (
	"calltally.app/drivers"
)

// call builds the call one record describes (README.md, "How calls are
// derived"): one leg, the extension that had the segment. Segments of one
// call share key and are joined after the parser.
func (p *parser) call(r *record, key string) drivers.Call {
	c := drivers.Call{
		Direction: drivers.Outbound, Extension: r.extension, External: r.number, Dialled: r.number,
		Trunk: r.trunk, AccountCode: r.account, ChargeUnits: r.units, Key: key,
		Legs: []drivers.Leg{p.leg(r)},
	}
	if r.inbound() {
		c.Direction, c.Dialled = drivers.Inbound, r.msn
	}
	if r.info == 9 {
		// An incoming call the extension's call forwarding sent out again.
		c.ForwardedFrom = r.extension
	}
	c.Derive(p.attr)
	return c
}

func (p *parser) leg(r *record) drivers.Leg {
	peer := r.number
	if peer == "" {
		peer = r.trunk
	}
	return drivers.Leg{
		Party: r.extension, Peer: peer, Start: r.start(),
		Ring: r.ring, Talk: r.talk, Outcome: p.outcome(r), Record: r.id,
	}
}

// outcome tells how the segment ended. An incoming record with ringing and
// call duration both zero is what the PBX writes for a call to a busy
// extension (with "output LCR number / dialled number incoming" set).
func (p *parser) outcome(r *record) drivers.Outcome {
	switch {
	case !r.connected:
		return drivers.Unanswered
	case r.inbound() && r.ring == 0 && r.talk == 0:
		return drivers.Busy
	case p.opts.voicemail[r.extension]:
		return drivers.Voicemail
	}
	return drivers.Answered
}
