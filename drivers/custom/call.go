package custom

import (
	"cmp"

	"calltally.app/drivers"
)

// ends are a record's two ends as the direction rules see them: the
// calling and called numbers, or the extension where the layout has no
// field for one of them.
type ends struct {
	caller, callee string
}

func (l *layout) ends(r *record) ends {
	e := ends{caller: r.extension, callee: r.extension}
	if l.fields[fCalling] != nil {
		e.caller = r.calling
	}
	if l.fields[fCalled] != nil {
		e.callee = r.called
	}
	return e
}

// endsOf are a record's ends once its direction is known. A layout with
// an extension and one number, calling or called, names the other party
// with that number whichever way the call went, as SMDR formats with an
// extension column and a number column do.
func (l *layout) endsOf(r *record, dir drivers.Direction) ends {
	if l.fields[fExtension] == nil || l.count(fCalling, fCalled) != 1 {
		return l.ends(r)
	}
	other := r.calling + r.called // one of them is not in the layout
	if dir == drivers.Inbound || dir == drivers.Tandem {
		return ends{caller: other, callee: r.extension}
	}
	return ends{caller: r.extension, callee: other}
}

// isInternal reports a number of an internal party: one matching
// internal_pattern, or else of 1 to internal_digits digits.
func (l *layout) isInternal(number string) bool {
	if l.internal != nil {
		return l.internal.MatchString(number)
	}
	return number != "" && len(number) <= l.internalDigits && allDigits(number)
}

// inside reports a party inside the PBX: an internal number, or the
// record's extension.
func (l *layout) inside(number, extension string) bool {
	return l.isInternal(number) || number != "" && number == extension
}

// direction is the record's direction code, or what its numbers say:
// which of its ends are inside the PBX. When neither is, an extension in
// the record says the call came in to it (through a DDI number); without
// one the call went from trunk to trunk.
func (l *layout) direction(r *record, e ends) drivers.Direction {
	if r.direction != "" {
		return r.direction
	}
	callerIn, calleeIn := l.inside(e.caller, r.extension), l.inside(e.callee, r.extension)
	switch {
	case callerIn && calleeIn:
		return drivers.Internal
	case callerIn:
		return drivers.Outbound
	case calleeIn || r.extension != "":
		return drivers.Inbound
	}
	return drivers.Tandem
}

// call builds the call a record describes (README.md, "How calls are
// derived"): one leg, about the internal party the record is about.
// Records with a shared call ID to join become calls with that Key, which
// storage (and `calltally parse`) join into one.
func (p *parser) call(r *record) drivers.Call {
	dir := p.layout.direction(r, p.layout.ends(r))
	e := p.layout.endsOf(r, dir)
	c := drivers.Call{Direction: dir, Dialled: e.callee, Trunk: r.trunk, AccountCode: r.account, CallID: r.callID}
	if f := p.layout.fields[fCallID]; f != nil && f.join && r.callID != "" {
		c.Key = r.callID
	}
	leg := drivers.Leg{Start: r.start, Ring: r.ring, Talk: r.talk, Outcome: p.outcome(r), Record: r.id}
	switch c.Direction {
	case drivers.Outbound:
		c.Extension, c.External = cmp.Or(r.extension, e.caller), e.callee
		leg.Party, leg.Peer = c.Extension, e.callee
	case drivers.Inbound:
		c.Extension, c.External = cmp.Or(r.extension, e.callee), e.caller
		leg.Party, leg.Peer = c.Extension, e.caller
	case drivers.Internal:
		c.Extension = cmp.Or(e.caller, r.extension)
		leg.Party, leg.Peer = cmp.Or(e.callee, r.extension), c.Extension
		if r.extension != "" && r.extension != c.Extension {
			leg.Party = r.extension // the record is about the party that took the call
		}
	default: // tandem
		c.Extension, c.External = r.extension, e.caller
		leg.Party, leg.Peer = r.extension, e.callee
	}
	settleLeg(&leg, p.layout.fields[fRing] != nil)
	c.Legs = []drivers.Leg{leg}
	c.Derive(p.attr)
	return c
}

// outcome is the record's outcome code, or else answered when it has
// talk time.
func (p *parser) outcome(r *record) drivers.Outcome {
	switch {
	case r.outcome != "":
		return r.outcome
	case r.talk > 0:
		return drivers.Answered
	}
	return drivers.Unanswered
}

// settleLeg gives a leg nobody answered no talk time: what the record
// counted was ringing, which is its ring time when the layout has no
// ring field.
func settleLeg(l *drivers.Leg, hasRing bool) {
	if l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail {
		return
	}
	if l.Outcome == drivers.Unanswered && !hasRing {
		l.Ring = l.Talk
	}
	l.Talk = 0
}
