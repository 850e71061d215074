package alcatel

import (
	"cmp"

	"calltally.app/drivers"
)

// A kind is what CallTally makes of a call type.
type kind int

const (
	outgoing    kind = iota // to the public or private network
	incoming                // from the public or private network
	local                   // between users of the PBX or its private network
	transit                 // through the PBX from trunk to trunk
	unspecified             // told by the ticket's numbers and trunk
)

// callTypes are the CallType codes by number (README.md, "Call types").
var callTypes = [...]struct {
	abbrev string
	kind   kind
}{
	{"OC", outgoing}, {"OCP", outgoing}, {"PN", local}, {"LN", local},
	{"IC", incoming}, {"ICP", incoming}, {"UN", unspecified}, {"PO", outgoing},
	{"POP", outgoing}, {"IP", incoming}, {"PIP", incoming}, {"PPO", outgoing},
	{"PPI", incoming}, {"PIC", incoming}, {"LL", local}, {"LT", transit},
}

// direction applies the call type; an unspecified one is outbound when
// the charged user called out on a trunk, inbound when someone else
// called in on one, internal without a trunk.
func direction(t *ticket) drivers.Direction {
	switch callTypes[t.callType].kind {
	case outgoing:
		return drivers.Outbound
	case incoming:
		return drivers.Inbound
	case local:
		return drivers.Internal
	case transit:
		return drivers.Tandem
	}
	switch {
	case t.trunk == "":
		return drivers.Internal
	case t.calling == "" || t.calling == t.charged:
		return drivers.Outbound
	}
	return drivers.Inbound
}

// transferrer is the extension that passed the call to the charged user:
// the acting extension of a redirected call. Tickets of calls that were
// not redirected name the charged user there.
func (t *ticket) transferrer() string {
	if !t.redirected || t.acting == t.charged {
		return ""
	}
	return t.acting
}

// call builds the call one ticket describes, as one leg.
func (p *parser) call(t *ticket, record int64) drivers.Call {
	dir := direction(t)
	c := drivers.Call{
		Direction: dir, Trunk: t.trunk, AccountCode: t.account, CallID: t.reference,
		ChargeUnits: t.units, TransferredFrom: t.transferrer(),
	}
	talk := t.talk()
	l := drivers.Leg{Start: startOf(t, p.loc), Ring: t.waiting, Talk: talk, Outcome: drivers.Unanswered, Record: record}
	if talk > 0 {
		l.Outcome = drivers.Answered
	}
	switch dir {
	case drivers.Outbound:
		c.Extension, c.ExtensionName, c.External, c.Dialled = t.charged, t.name, t.called, t.called
		l.Party, l.PartyName, l.Peer = t.charged, t.name, t.called
	case drivers.Inbound:
		c.Extension, c.ExtensionName, c.External, c.Dialled = t.charged, t.name, t.calling, cmp.Or(t.initial, t.called)
		l.Party, l.PartyName, l.Peer = t.charged, t.name, cmp.Or(t.calling, t.trunk)
	case drivers.Internal:
		c.Extension, c.ExtensionName, c.Dialled, c.Trunk = t.charged, t.name, t.called, ""
		l.Party, l.Peer = t.called, t.charged
	case drivers.Tandem:
		c.External, c.Dialled = t.calling, t.called
		l.Peer = cmp.Or(t.calling, t.trunk)
	}
	if p.opts.join && t.reference != "" {
		c.Key = "ref:" + t.reference
	}
	c.Legs = []drivers.Leg{l}
	c.Derive(p.attr)
	return c
}
