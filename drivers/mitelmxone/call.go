package mitelmxone

import (
	"strings"

	"calltally.app/drivers"
)

// call builds the call one record describes: a call of one leg, as the
// MX-ONE writes one record per call (README.md, "How calls are derived").
func (p *parser) call(r *record) drivers.Call {
	c := drivers.Call{Direction: p.direction(r), Dialled: r.dialed, AccountCode: r.account}
	l := drivers.Leg{Start: r.start, Outcome: r.cond.outcome, Record: r.id}
	if l.Outcome == drivers.Answered {
		l.Talk = r.duration
	} else {
		l.Ring = r.duration // a call nobody took has no talk; the PBX writes 0 for most
	}
	p.parties(&c, &l, r)
	c.Legs = []drivers.Leg{l}
	c.Derive(p.attr)
	return c
}

// direction is the code's, but that an incoming call that also left on a
// route is tandem; busy and vacant-number records are placed by their
// routes, else by their numbers.
func (p *parser) direction(r *record) drivers.Direction {
	in, out := isRoute(r.inRoute), isRoute(r.outRoute)
	switch dir := r.cond.dir; {
	case dir == drivers.Inbound && in && out:
		return drivers.Tandem
	case dir != "":
		return dir
	case in && out:
		return drivers.Tandem
	case in:
		return drivers.Inbound
	case out:
		return drivers.Outbound
	}
	return p.directionByNumbers(r)
}

// isRoute reports a route column that names a route: empty and all zeros
// mean none.
func isRoute(s string) bool { return strings.Trim(s, "0") != "" }

// directionByNumbers tells a busy or vacant-number call without routes by
// its numbers: from an extension to an extension internal, to a longer
// number outbound; from a longer number inbound. Without a caller's
// number (none in the layout, or withheld) a longer number dialled is
// outbound, else the call came in.
func (p *parser) directionByNumbers(r *record) drivers.Direction {
	dialledOut := r.dialed != "" && !p.isInternal(r.dialed)
	switch {
	case r.calling == "" && dialledOut:
		return drivers.Outbound
	case r.calling == "" || !p.isInternal(r.calling):
		return drivers.Inbound
	case dialledOut:
		return drivers.Outbound
	}
	return drivers.Internal
}

// isInternal reports a number short enough to be an extension.
func (p *parser) isInternal(n string) bool {
	if n == "" || len(n) > p.opts.internalDigits {
		return false
	}
	_, ok := drivers.Digits(n, len(n))
	return ok
}

// parties fills in who the leg is about and who the call is counted
// against before attribution (README.md, "How calls are derived").
func (p *parser) parties(c *drivers.Call, l *drivers.Leg, r *record) {
	reached := r.answer
	if reached == "" {
		reached = r.dialed // nobody answered, or the layout has no answering column
	}
	switch c.Direction {
	case drivers.Inbound:
		c.External, c.Trunk = r.calling, r.inRoute
		l.Party, l.Peer = reached, r.calling
		c.Extension = reached
	case drivers.Outbound:
		c.External, c.Trunk = r.dialed, r.outRoute
		l.Party, l.Peer = r.calling, r.dialed
		c.Extension = r.calling
	case drivers.Internal:
		l.Party, l.Peer = reached, r.calling
		c.Extension = r.calling
	default: // tandem: in on one route, out on another; no extension took it
		c.External, c.Trunk = r.calling, r.inRoute
		l.Peer = reached
	}
	p.voicemail(c, l, r)
}

// voicemail marks a leg the voicemail system answered, and counts an
// inbound call it took against the number the caller dialled. A call the
// voicemail system places (a message notification) stays outbound.
func (p *parser) voicemail(c *drivers.Call, l *drivers.Leg, r *record) {
	if c.Direction == drivers.Outbound || l.Outcome != drivers.Answered || !p.opts.voicemail[l.Party] {
		return
	}
	l.Outcome = drivers.Voicemail
	if c.Direction == drivers.Inbound && r.dialed != "" {
		c.Extension = r.dialed
	}
}
