package threecx

import (
	"strings"
	"time"

	"calltally.app/drivers"
)

// A view is a record seen as a call: its parties classified and the
// direction they give.
type view struct {
	r               *record
	from, to, final side
	dir             drivers.Direction
	// passed is set when the call went on from the party it was for to
	// another: a transfer, a forward, a queue or IVR handing it to an agent.
	passed bool
}

// call builds the call one record describes (README.md, "How calls are
// derived"). Records of one call share the Key; storage and the Joiner
// join them and derive the totals again from all legs.
func (p *parser) call(r *record) drivers.Call {
	v := p.view(r)
	c := drivers.Call{
		Direction: v.dir, External: v.external(), ExternalName: v.externalName(),
		Dialled: r.dial, Trunk: v.trunk(), AccountCode: r.billCode,
		ForwardedFrom: v.forwardedFrom(), CallID: r.callID, Key: r.key, Legs: v.legs(),
	}
	c.Extension, c.ExtensionName = v.extension()
	c.Derive(p.attr)
	return c
}

func (p *parser) view(r *record) view {
	o := &p.opts
	v := view{r: r, from: o.classify(r.from), to: o.classify(r.to), final: o.classify(r.final)}
	v.passed = v.final.kind != kindNone && (v.final.kind != v.to.kind || v.final.number != v.to.number)
	if v.pickedUpAtOnce() {
		v.to.kind = kindAuto
	}
	v.dir = direction(v.from, v.to, v.final, o.isOutsideDial(r.dial))
	return v
}

// pickedUpAtOnce reports a party the numbers call an extension that
// answered within a second of the call arriving. No person does; IVRs and
// queues do, to play their greeting or music. The party a transfer was
// completed to is connected at once too, and is a person.
func (v *view) pickedUpAtOnce() bool {
	return v.to.kind == kindPerson && !v.to.typed && v.r.timed && v.r.ring <= 1 && !(v.transfer() && !v.passed)
}

// direction follows the type fields where sent: from a line is inbound,
// to a line outbound; without them the numbers say which party is outside.
func direction(from, to, final side, dialOutside bool) drivers.Direction {
	outside := from.kind == kindOutside
	switch {
	case outside && to.kind == kindOutside && (final.kind == kindNone || final.kind == kindOutside):
		return drivers.Tandem // straight from line to line, as inbound rules forwarding outside do
	case outside:
		return drivers.Inbound
	case to.kind == kindOutside || final.kind == kindOutside:
		return drivers.Outbound
	case to.kind == kindEnd && dialOutside:
		return drivers.Outbound // an outside number dialled, and 3CX ended the call
	}
	return drivers.Internal
}

// isOutsideDial reports dialled digits too long for an internal number.
func (o *options) isOutsideDial(dial string) bool {
	return isNumber(dial) && len(strings.TrimPrefix(dial, "+")) > o.internalDigits
}

// extension is whom the call is counted against before attribution: the
// caller of outbound and internal calls; for inbound calls the party they
// were for, which Derive replaces with the answerer when someone answered.
func (v *view) extension() (string, string) {
	switch v.dir {
	case drivers.Inbound:
		if v.to.internal() {
			return v.to.number, v.to.name
		}
		if v.final.internal() {
			return v.final.number, v.final.name
		}
		return "", ""
	case drivers.Tandem:
		return "", ""
	}
	return v.from.number, v.from.name
}

// outsideSide is the outside party of an outbound call.
func (v *view) outsideSide() (side, bool) {
	switch {
	case v.to.kind == kindOutside:
		return v.to, true
	case v.final.kind == kindOutside:
		return v.final, true
	}
	return side{}, false
}

func (v *view) external() string {
	switch v.dir {
	case drivers.Inbound, drivers.Tandem:
		return v.from.number
	case drivers.Outbound:
		if s, ok := v.outsideSide(); ok {
			return s.number
		}
		return v.r.dial
	}
	return ""
}

func (v *view) externalName() string {
	switch v.dir {
	case drivers.Inbound, drivers.Tandem:
		return v.from.name
	case drivers.Outbound:
		s, _ := v.outsideSide()
		return s.name
	}
	return ""
}

func (v *view) trunk() string {
	switch v.dir {
	case drivers.Inbound, drivers.Tandem:
		return v.from.line
	case drivers.Outbound:
		s, _ := v.outsideSide()
		return s.line
	}
	return ""
}

// forwardedFrom names the internal party that sent the call on to another
// without taking it: a person's forward, a queue's "forward if no answer"
// (QFwdToDNA). A transfer (ReplacedDst, ReplacedSrc), a pickup, and a
// queue, ring group or IVR handing the call to one of its agents are none.
func (v *view) forwardedFrom() string {
	if !v.passed || !v.to.internal() || v.final.number == v.to.number || v.transfer() || isPickup(v.r.final.no) {
		return ""
	}
	if v.to.kind != kindPerson && v.r.changed == "" {
		return ""
	}
	return v.to.number
}

// transfer reports a reason-changed of a transfer: ReplacedDst, ReplacedSrc.
func (v *view) transfer() bool {
	return len(v.r.changed) >= 8 && strings.EqualFold(v.r.changed[:8], "replaced")
}

func isPickup(no string) bool { return strings.HasPrefix(no, "Pickup") }

// legs are the parties of the record: the caller of an outbound call; else
// the party the call was for, the queue agents it polled in vain, and the
// party it went on to.
func (v *view) legs() []drivers.Leg {
	if v.dir == drivers.Outbound {
		return []drivers.Leg{v.callerLeg()}
	}
	r := v.r
	legs := make([]drivers.Leg, 0, 2)
	if !v.passed {
		legs = append(legs, v.endLeg(v.to, r.start, r.ring, r.talk))
		return v.appendMissed(legs)
	}
	legs = v.appendMissed(append(legs, v.passedLeg()))
	switch {
	case v.handedOn():
		return append(legs, v.endLeg(v.final, r.end, 0, 0))
	case r.answered.IsZero():
		return append(legs, v.endLeg(v.final, r.start, r.ring, 0))
	}
	return append(legs, v.endLeg(v.final, r.answered, 0, r.talk))
}

// handedOn reports a person who answered and transferred the call. The
// record's talk time stays with them: when 3CX writes a record per
// segment, the next record has the talk of the party it went to.
func (v *view) handedOn() bool {
	return v.to.kind == kindPerson && !v.r.answered.IsZero() && v.transfer() && !isPickup(v.r.final.no)
}

func (v *view) callerLeg() drivers.Leg {
	l := drivers.Leg{
		Party: v.from.number, PartyName: v.from.name, Peer: v.external(),
		Start: v.r.start, Ring: v.r.ring, Talk: v.r.talk, Outcome: drivers.Answered, Record: v.r.id,
	}
	if v.r.answered.IsZero() {
		l.Outcome = failure(v.r.terminated)
	}
	return l
}

// passedLeg is the party the call was for when it went on to another. A
// person who answered and transferred it is an answerer and keeps the
// talk time; a party that forwarded it, or a queue or IVR that handed it
// to an agent, only rang: the talk was the final party's.
func (v *view) passedLeg() drivers.Leg {
	l := v.leg(v.to, v.r.start)
	l.Ring, l.Outcome = v.r.ring, drivers.Unanswered
	if v.handedOn() {
		l.Talk, l.Outcome = v.r.talk, drivers.Answered
	}
	return l
}

// endLeg is the leg of the party the record ended with: it rang for ring
// seconds from start and then talked, which is waiting, not talk, where
// no one took the call (a queue playing music).
func (v *view) endLeg(s side, start time.Time, ring, talk int) drivers.Leg {
	l := v.leg(s, start)
	l.Ring, l.Talk, l.Outcome = ring, talk, v.outcome(s.kind)
	if l.Outcome != drivers.Answered && l.Outcome != drivers.Voicemail {
		l.Ring, l.Talk = l.Ring+l.Talk, 0
	}
	return l
}

func (v *view) outcome(k kind) drivers.Outcome {
	switch {
	case k == kindEnd:
		return drivers.Failed
	case v.r.answered.IsZero():
		return failure(v.r.terminated)
	case k == kindQueue || k == kindNone:
		return drivers.Unanswered
	case k == kindAuto || k == kindIVR || k == kindVoicemail:
		return drivers.Voicemail
	}
	return drivers.Answered
}

// failure reads reason-terminated of a call nobody answered. Values seen:
// TerminatedBySrc (the caller gave up), Failed, Failed_Cancelled.
func failure(reason string) drivers.Outcome {
	r := strings.ToLower(reason)
	switch {
	case strings.Contains(r, "busy"):
		return drivers.Busy
	case strings.Contains(r, "cancel"):
		return drivers.Unanswered
	case strings.HasPrefix(r, "fail"):
		return drivers.Failed
	}
	return drivers.Unanswered
}

// leg starts a leg about party s. An outside party (a forward to a mobile)
// or EndCall is nobody to count the call against: its leg has no party.
func (v *view) leg(s side, start time.Time) drivers.Leg {
	l := drivers.Leg{Party: s.number, PartyName: s.name, Peer: v.from.number, Start: start, Record: v.r.id}
	switch s.kind {
	case kindOutside:
		l.Party, l.Peer = "", s.number
	case kindEnd:
		l.Party = ""
		if l.PartyName == "" {
			l.PartyName = "EndCall"
		}
	}
	return l
}

// appendMissed adds a leg for each queue agent missed-queue-calls lists:
// they rang and did not answer, which makes no missed call when another
// agent did. 3CX does not say how long each rang.
func (v *view) appendMissed(legs []drivers.Leg) []drivers.Leg {
	if v.r.missed == "" {
		return legs
	}
	for _, agent := range strings.FieldsFunc(v.r.missed, isListSeparator) {
		if n, ok := extNumber(agent); ok {
			agent = n
		}
		if agent == v.final.number || hasParty(legs, agent) {
			continue
		}
		legs = append(legs, drivers.Leg{Party: agent, Peer: v.from.number, Start: v.r.start,
			Outcome: drivers.Unanswered, Record: v.r.id})
	}
	return legs
}

func isListSeparator(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '|' }

func hasParty(legs []drivers.Leg, party string) bool {
	for _, l := range legs {
		if l.Party == party {
			return true
		}
	}
	return false
}
