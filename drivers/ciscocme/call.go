package ciscocme

import (
	"cmp"
	"slices"
	"time"

	"calltally.app/drivers"
)

// A carrier names the legs that carry a call's talk time. The incoming
// and the outgoing leg of a gateway call are one conversation seen from
// its two sides, so only one side counts: the trunk where there is one
// (its connected time is what the carrier bills), else the phones called.
type carrier uint8

const (
	incomingTrunk carrier = iota // inbound and tandem calls: the caller's trunk
	outgoingTrunk                // outbound calls: the trunk called
	outgoingSide                 // internal calls: the phones (or voicemail) called
	incomingSide                 // a call the gateway placed no leg for
)

func (k carrier) carries(l *leg) bool {
	switch k {
	case incomingTrunk:
		return l.incoming() && l.kind == trunk
	case outgoingTrunk:
		return !l.incoming() && l.kind == trunk
	case outgoingSide:
		return !l.incoming()
	}
	return l.incoming()
}

// callContext is what the legs of a call say together and no leg alone
// does; a leg that comes after its call was reported is read with it.
type callContext struct {
	dir                          drivers.Direction
	extension, external, dialled string
	caller                       string // the calling phone, where its leg has come
	callID, key, forwardedFrom   string
	carrier                      carrier
	machine                      bool // only voicemail, or the gateway itself, took the call
}

// sides sorts the legs of a call, ordered by setup, by role.
type sides struct {
	inTrunk, inPhone    *leg // the first incoming trunk and phone leg
	outTrunk, outParty  *leg // the first outgoing trunk, and phone or voicemail leg
	rang                *leg // the phone rung that was released last
	out, outTrunks      int
	person, machine, in bool // answered: an outgoing phone or trunk, outgoing voicemail, the incoming side
}

func sidesOf(legs []leg) sides {
	var s sides
	for i := range legs {
		l := &legs[i]
		if l.incoming() {
			s.add(&s.inTrunk, &s.inPhone, l)
			s.in = s.in || l.connected
			continue
		}
		s.out++
		s.add(&s.outTrunk, &s.outParty, l)
		switch {
		case l.kind == trunk:
			s.outTrunks++
			s.person = s.person || l.connected
		case l.kind == voicemail:
			s.machine = s.machine || l.connected
		default:
			s.person = s.person || l.connected
			if s.rang == nil || !l.disconnect.Before(s.rang.disconnect) {
				s.rang = l
			}
		}
	}
	return s
}

// add keeps l as the first trunk or the first party leg of its side.
func (s *sides) add(trunkLeg, party **leg, l *leg) {
	switch {
	case l.kind == trunk && *trunkLeg == nil:
		*trunkLeg = l
	case l.kind != trunk && *party == nil:
		*party = l
	}
}

// contextOf derives a call from its legs (README.md, "How calls are derived").
func contextOf(legs []leg) callContext {
	s := sidesOf(legs)
	ctx := callContext{callID: legs[0].conn, key: legs[0].key}
	switch {
	case s.inTrunk != nil && s.out > 0 && s.out == s.outTrunks:
		ctx.dir, ctx.carrier = drivers.Tandem, incomingTrunk
		ctx.external, ctx.dialled = s.inTrunk.number, s.outTrunk.number
	case s.inTrunk != nil:
		ctx.dir, ctx.carrier = drivers.Inbound, incomingTrunk
		ctx.external, ctx.dialled = s.inTrunk.number, s.inTrunk.dialled
		ctx.extension = number(s.rang)
	case s.outTrunk != nil:
		ctx.dir, ctx.carrier = drivers.Outbound, outgoingTrunk
		ctx.external, ctx.dialled = s.outTrunk.number, s.outTrunk.number
		ctx.caller, ctx.extension = number(s.inPhone), number(s.inPhone)
	default:
		ctx.dir, ctx.carrier = drivers.Internal, outgoingSide
		ctx.caller, ctx.dialled = number(s.inPhone), number(s.outParty)
		ctx.extension = cmp.Or(ctx.caller, number(s.rang)) // a phone rung by a caller whose leg is missing
	}
	switch {
	case s.out == 0:
		ctx.carrier = incomingSide
	case s.inTrunk == nil && s.inPhone == nil:
		// Without its incoming leg, a phone's leg counts no time: if the
		// rest of the call is joined later, the trunk's time is the call's.
		ctx.carrier = outgoingTrunk
	}
	// Ringing phones that nobody took while the caller was connected: an
	// auto-attendant or voicemail of the gateway answered.
	ctx.machine = ctx.dir != drivers.Outbound && !s.person && (s.machine || (s.out > 0 && s.in))
	return ctx
}

func number(l *leg) string {
	if l == nil {
		return ""
	}
	return l.number
}

// build makes the call of legs, as ctx says or, if nil, as they say
// themselves, and returns it with the context it was built with.
func (p *parser) build(legs []leg, ctx *callContext, forwardedFrom string) (drivers.Call, callContext) {
	slices.SortStableFunc(legs, func(a, b leg) int { return a.setup.Compare(b.setup) })
	if ctx == nil {
		c := contextOf(legs)
		c.forwardedFrom = forwardedFrom
		ctx = &c
	}
	call := drivers.Call{
		Direction: ctx.dir, Extension: ctx.extension, External: ctx.external, Dialled: ctx.dialled,
		CallID: ctx.callID, ForwardedFrom: ctx.forwardedFrom, Legs: make([]drivers.Leg, len(legs)),
	}
	if ctx.key != "" {
		call.Key = "c:" + ctx.key
	}
	for i := range legs {
		call.Legs[i] = ctx.legOf(&legs[i])
		call.ChargeUnits += legs[i].units
	}
	call.Derive(p.attr)
	return call, *ctx
}

// legOf turns a gateway leg into a leg of the call.
func (ctx *callContext) legOf(l *leg) drivers.Leg {
	party, peer := ctx.parties(l)
	out := ctx.outcome(l)
	talk := 0
	if l.connected && ctx.carrier.carries(l) {
		talk = seconds(l.disconnect.Sub(l.connect))
	}
	return drivers.Leg{
		Party: party, Peer: peer, Start: l.setup.Truncate(time.Second),
		Ring: ring(l, out), Talk: talk, Outcome: out, Record: l.id,
	}
}

// parties names the internal party a leg is about and the other end.
// The caller's own leg of an inbound or internal call has no party: the
// call's extension names the caller, and a party there would count the
// caller as an answerer.
func (ctx *callContext) parties(l *leg) (party, peer string) {
	switch {
	case l.kind == trunk && ctx.dir == drivers.Outbound:
		return ctx.extension, l.number
	case l.kind == trunk:
		return "", l.number
	case l.incoming() && ctx.dir == drivers.Outbound:
		return l.number, ctx.external
	case l.incoming():
		return "", l.number
	case ctx.dir == drivers.Internal:
		return l.number, ctx.caller
	}
	return l.number, ctx.external
}

func (ctx *callContext) outcome(l *leg) drivers.Outcome {
	switch {
	case !l.connected:
		return causeOutcome(l.cause)
	case l.kind == voicemail:
		return drivers.Voicemail
	case ctx.machine && (l.incoming() || ctx.carrier.carries(l)):
		return drivers.Voicemail
	}
	return drivers.Answered
}

// causeOutcome reads why a leg that never connected was released: the
// Q.850 normal-event causes of a call nobody took (16 normal clearing
// when the caller hangs up first, 18 no user responding, 19 no answer,
// 26 answered elsewhere, …), busy (17, and 21 rejected), or a failure
// (no route, invalid number, no circuit, …).
func causeOutcome(cause int) drivers.Outcome {
	switch cause {
	case 17, 21:
		return drivers.Busy
	case -1, 0, 16, 18, 19, 20, 26, 31, 102:
		return drivers.Unanswered
	}
	return drivers.Failed
}

// ring is how long a leg rang: until answered, or until released unless
// it failed (a busy phone may have rung before it was declined).
func ring(l *leg, o drivers.Outcome) int {
	switch {
	case l.connected:
		return seconds(l.connect.Sub(l.setup))
	case o == drivers.Failed:
		return 0
	}
	return seconds(l.disconnect.Sub(l.setup))
}

// seconds floors d to whole seconds, as call accounting counts them.
func seconds(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int(d / time.Second)
}
