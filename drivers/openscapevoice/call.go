package openscapevoice

import (
	"cmp"
	"math"
	"strings"
	"time"

	"calltally.app/drivers"
)

// Codes of the party identifiers (fields 40 and 41).
const (
	partyOriginating = 900 // on the switch
	partyIncoming    = 901 // not on the switch: from outside
	partyTerminating = 902 // on the switch
	partyOutgoing    = 903 // not on the switch: to outside
)

// Bits of the bit masks the driver reads.
const (
	featureForwardVoicemail = 64      // Per Call Feature Extension: forwarded to voicemail
	eventFeatureActivation  = 1048576 // Call Event Indicator
)

// call builds the call one CDR describes: a call of one leg, keyed by its
// thread so that the other legs of the call (a forward, a transfer, hunt
// group members) join it wherever they meet (README.md, "How calls are
// derived").
func (p *parser) call(r *record) drivers.Call {
	c := drivers.Call{
		Direction: p.direction(r), Dialled: cmp.Or(r.dialled, r.called),
		CallID: r.globalCallID, Key: r.key(),
	}
	l := drivers.Leg{Start: r.start().Truncate(time.Second), Ring: r.ring(), Talk: r.talkTime(),
		Outcome: p.outcome(r), Record: r.id}
	p.parties(&c, &l, r)
	if r.forwarding != "" && r.forwarding != l.Party {
		c.ForwardedFrom = r.forwarding
	}
	c.Legs = []drivers.Leg{l}
	c.Derive(p.attr)
	return c
}

// key joins the legs of one call: the global thread ID, which transfers
// and forwards keep; the global call ID in records without one.
func (r *record) key() string {
	switch {
	case r.threadSeq != "":
		return "thread " + r.threadNode + "/" + r.threadSeq
	case r.globalCallID != "":
		return "gid " + r.globalCallID
	}
	return ""
}

// start is when the leg began: its in-leg connect time, else its time stamp.
func (r *record) start() time.Time {
	if !r.inConnect.IsZero() {
		return r.inConnect
	}
	return r.stamp
}

// ring is the wait from the start to the answer: to the release less the
// talk time where the answer time was left empty. Never negative
// whatever the clocks said.
func (r *record) ring() int {
	switch {
	case !r.answer.IsZero():
		return seconds(r.answer.Sub(r.start()))
	case !r.release.IsZero():
		return max(seconds(r.release.Sub(r.start()))-r.talk, 0)
	}
	return 0
}

// talkTime is the Call Duration, or the time from answer to release
// where the duration was left empty.
func (r *record) talkTime() int {
	if r.talk == 0 && !r.answer.IsZero() && !r.release.IsZero() {
		return seconds(r.release.Sub(r.answer))
	}
	return r.talk
}

// seconds rounds d to whole seconds, 0 when negative, within an int32.
func seconds(d time.Duration) int {
	return int(min(max(d.Round(time.Second)/time.Second, 0), math.MaxInt32))
}

// direction applies README's rule: a leg from outside is inbound, one to
// outside outbound, both tandem, neither internal.
func (p *parser) direction(r *record) drivers.Direction {
	in := p.opts.outside(r.ingress, r.origParty)
	out := p.opts.outside(r.egress, r.termParty)
	return drivers.DirectionOf(in, out)
}

// outside says whether a side of a leg is off the switch: its SIP
// endpoint when trunks are listed, else its party identifier.
func (o *options) outside(endpoint string, party int64) bool {
	if len(o.trunks) == 0 || endpoint == "" {
		return party == partyIncoming || party == partyOutgoing
	}
	return drivers.MatchAny(o.trunks, endpointName(endpoint))
}

// parties fills in who the leg is about and whom the call is counted
// against before attribution: the party that rang or answered inbound
// (the one that forwarded the call, when voicemail took it), the caller
// outbound and internally, the party whose forward sent a tandem call out.
func (p *parser) parties(c *drivers.Call, l *drivers.Leg, r *record) {
	reached := cmp.Or(r.destination, r.called)
	switch c.Direction {
	case drivers.Inbound:
		l.Party, l.Peer = reached, r.calling
		c.External, c.Trunk, c.Extension = r.calling, endpointName(r.ingress), reached
		if l.Outcome == drivers.Voicemail && r.forwarding != "" {
			c.Extension = r.forwarding
		}
	case drivers.Outbound:
		l.Party, l.Peer = r.calling, reached
		c.External, c.Trunk, c.Extension = reached, endpointName(r.egress), r.calling
	case drivers.Internal:
		l.Party, l.Peer = reached, r.calling
		c.Extension = r.calling
	default: // tandem: no party on the switch took the call
		l.Peer = reached
		c.External, c.Trunk, c.Extension = r.calling, endpointName(r.ingress), r.forwarding
	}
}

// outcome reads how the leg ended: the Attempt Indicator when it says the
// call was not completed, else whether it was answered, else the release
// cause.
func (p *parser) outcome(r *record) drivers.Outcome {
	switch {
	case r.attempt != 0:
		return attemptOutcome(r.attempt)
	case r.talk == 0 && r.answer.IsZero():
		return causeOutcome(r.cause)
	case p.isVoicemail(r):
		return drivers.Voicemail
	}
	return drivers.Answered
}

// attemptOutcome reads an Attempt Indicator other than 0 (completed):
// 1 busy; 2 invalid number, 3 no lines, 6 network problem, 8 no account,
// 9 unauthorized failed; 4 caller abort, 5 no answer, 7 unknown rang.
func attemptOutcome(attempt int64) drivers.Outcome {
	switch attempt {
	case 1:
		return drivers.Busy
	case 2, 3, 6, 8, 9:
		return drivers.Failed
	}
	return drivers.Unanswered
}

// causeOutcome reads the Q.850 release cause of a leg never answered: 17
// busy; unallocated or invalid numbers, barred calls and the classes of
// unavailable resources, services and protocol errors failed; normal
// clearing (16), no answer (18, 19), redirection (23), normal unspecified
// (31), timer expiry (102) and the switch's own codes above 127 rang.
func causeOutcome(cause int64) drivers.Outcome {
	switch {
	case cause == 17:
		return drivers.Busy
	case cause == 102:
		return drivers.Unanswered
	case cause >= 1 && cause <= 6, cause == 8, cause == 9, cause >= 20 && cause <= 22,
		cause == 25, cause >= 27 && cause <= 29, cause >= 34 && cause <= 127:
		return drivers.Failed
	}
	return drivers.Unanswered
}

// isVoicemail reports a leg the voicemail took: forwarded to voicemail,
// or reaching a number of the voicemail-numbers setting.
func (p *parser) isVoicemail(r *record) bool {
	if r.featureExt&featureForwardVoicemail != 0 {
		return true
	}
	vm := p.opts.voicemail
	return (r.destination != "" && drivers.MatchAny(vm, r.destination)) || (r.called != "" && drivers.MatchAny(vm, r.called))
}

// isFeatureCode reports a record of a feature code dialled on the switch
// (*44 to forward calls, #44 to stop): no conversation, though the switch
// writes a CDR for it.
func (r *record) isFeatureCode() bool {
	if r.event&eventFeatureActivation != 0 {
		return true
	}
	return r.origParty != partyIncoming && strings.ContainsAny(cmp.Or(r.dialled, r.called), "*#")
}
