package alcateloxo

import (
	"cmp"
	"strings"

	"calltally.app/drivers"
)

// call builds the call a statement describes: one leg, about the charged
// user (README.md, "How calls are derived").
func (p *parser) call(s *statement, rec drivers.Record) drivers.Call {
	dir := direction(s)
	charged, initial := user(s.charged), user(strings.Trim(s.initial, "*"))
	called := subscriber(initial) // a group (G1) is no number to dial or count against
	c := drivers.Call{Direction: dir, Trunk: s.line, AccountCode: s.account, ChargeUnits: s.units}
	leg := drivers.Leg{Party: charged, Start: p.start(s, rec.Received), Ring: s.ring, Talk: s.talk,
		Outcome: drivers.Unanswered, Record: rec.ID}
	if s.talk > 0 {
		leg.Outcome = drivers.Answered
	}
	switch dir {
	case drivers.Outbound:
		c.Extension, c.External, c.Dialled = charged, s.dialled, s.dialled
		leg.Peer = cmp.Or(s.dialled, s.line)
	case drivers.Inbound:
		c.Extension, c.External, c.Dialled = charged, s.dialled, called
		leg.Peer = cmp.Or(s.dialled, s.line)
		p.inbound(&c, &leg, called)
	case drivers.Tandem:
		// The call came in on one line and left on another: the user it
		// was for, if the statement names one, forwarded it outside.
		c.Extension, c.ForwardedFrom, c.External = called, called, s.dialled
		leg.Party, leg.Peer = "", cmp.Or(s.dialled, s.line)
	}
	if ownName(s, dir, initial, charged) {
		leg.PartyName, c.ExtensionName = s.name, s.name
	}
	c.Legs = []drivers.Leg{leg}
	c.Derive(p.attr)
	if dir == drivers.Inbound && forwarded(s.facilities) && called != "" && called != charged {
		c.ForwardedFrom = called
	}
	return c
}

// ownName reports whether USER NAME is the charged user's. It names the
// caller of an outgoing call, the party called on an incoming one (the
// charged user only if no other user was called), and the business
// code where one is printed.
func ownName(s *statement, dir drivers.Direction, initial, charged string) bool {
	switch {
	case s.account != "" || s.name == "":
		return false
	case dir == drivers.Outbound:
		return true
	}
	return dir == drivers.Inbound && (initial == "" || initial == charged)
}

// inbound marks a call the voice mail unit took, and counts it against
// the set it was for.
func (p *parser) inbound(c *drivers.Call, leg *drivers.Leg, called string) {
	if !p.opts.voicemail[leg.Party] {
		return
	}
	if leg.Outcome == drivers.Answered {
		leg.Outcome = drivers.Voicemail
	}
	if called != "" && !p.opts.voicemail[called] {
		c.Extension = called
	}
}

// direction reads TYPE; where the layout has none, an initial user of
// stars (or none) is an outgoing call. A charged user that is a line is
// a call through the PBX from one line to another.
func direction(s *statement) drivers.Direction {
	switch {
	case isLineUser(s.charged):
		return drivers.Tandem
	case s.kind == outgoing:
		return drivers.Outbound
	case s.kind == incoming:
		return drivers.Inbound
	case strings.Trim(s.initial, "*") == "":
		return drivers.Outbound
	}
	return drivers.Inbound
}
