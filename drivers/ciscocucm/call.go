package ciscocucm

import (
	"math"
	"strconv"
	"time"

	"calltally.app/drivers"
)

// OnBehalfOf codes: the feature that ended, joined or redirected a leg.
const (
	onBehalfOfCallForward     = 5
	onBehalfOfTransfer        = 10
	onBehalfOfImmediateDivert = 14
)

// call builds the call one CDR describes: a call of one leg, keyed by its
// global call ID so that the other legs of the conversation (a transfer,
// hunt-group members) join it wherever they meet (README.md, "How calls
// are derived").
func (p *parser) call(r *record) drivers.Call {
	c := drivers.Call{
		Direction: p.direction(r), Dialled: r.originalCalled, AccountCode: p.accountCode(r),
		CallID: r.callIDText, Key: strconv.FormatInt(r.cmID, 10) + ":" + strconv.FormatInt(r.callID, 10),
		ForwardedFrom: forwardedFrom(r),
	}
	l := drivers.Leg{
		Start: time.Unix(r.origination, 0).In(p.loc), Ring: r.ring(), Talk: r.talk,
		Outcome: p.outcome(r), Record: r.id,
	}
	p.parties(&c, &l, r)
	if r.join == onBehalfOfTransfer && c.ForwardedFrom == "" && r.lastRedirect != l.Party {
		c.TransferredFrom = r.lastRedirect // the final leg of a transfer, and not forwarded since
	}
	c.Legs = []drivers.Leg{l}
	c.Derive(p.attr)
	return c
}

// direction applies the spec's rule: a leg that comes from a trunk is
// inbound, one that goes to a trunk outbound, both tandem, neither
// internal. Voicemail ports and conference bridges are no trunks.
func (p *parser) direction(r *record) drivers.Direction {
	in, out := p.opts.isTrunk(r.origDevice), p.opts.isTrunk(r.destDevice)
	return drivers.DirectionOf(in, out)
}

// parties fills in who the leg is about and who the call is counted
// against before attribution: the extension that rang or answered
// inbound (the one that forwarded the call, when voicemail took it), the
// caller outbound and internally, the extension that forwarded a tandem
// call out.
func (p *parser) parties(c *drivers.Call, l *drivers.Leg, r *record) {
	switch c.Direction {
	case drivers.Inbound:
		l.Party, l.PartyName, l.Peer = r.finalCalled, r.finalCalledUser, r.calling
		c.External, c.Trunk = r.calling, r.origDevice
		c.Extension, c.ExtensionName = l.Party, l.PartyName
		if l.Outcome == drivers.Voicemail && r.lastRedirect != "" {
			c.Extension, c.ExtensionName = r.lastRedirect, ""
		}
	case drivers.Outbound:
		c.External, c.Trunk = p.external(r), r.destDevice
		l.Party, l.PartyName, l.Peer = r.calling, r.callingUser, c.External
		c.Extension, c.ExtensionName = r.calling, r.callingUser
	case drivers.Internal:
		l.Party, l.PartyName, l.Peer = r.finalCalled, r.finalCalledUser, r.calling
		c.Extension, c.ExtensionName = r.calling, r.callingUser
	default: // tandem: no internal party took the call, so none answered it
		l.Peer = r.finalCalled
		c.External, c.Trunk = r.calling, r.origDevice
		c.Extension = r.lastRedirect
	}
}

// connected: dateTimeConnect is 0 for a leg that never connected.
func (r *record) connected() bool { return r.connect != 0 || r.talk > 0 }

// ring is the wait from origination to the answer, or to the release of
// a leg never connected. Never negative whatever the clocks said, and
// within an int of 32 bits.
func (r *record) ring() int {
	end := r.disconnect - int64(r.talk)
	if r.connect != 0 {
		end = r.connect
	}
	return int(min(max(end-r.origination, 0), math.MaxInt32))
}

func (p *parser) outcome(r *record) drivers.Outcome {
	switch {
	case r.connected() && p.opts.isVoicemail(r):
		return drivers.Voicemail
	case r.connected():
		return drivers.Answered
	}
	// The side that released the leg says why: the called side first.
	if o := causeOutcome(r.destCause); o != drivers.Unanswered {
		return o
	}
	return causeOutcome(r.origCause)
}

// causeOutcome reads a Q.850 cause of a leg that never connected: 17
// busy; unallocated or invalid numbers, barred calls and the classes of
// unavailable resources, services and protocol errors failed; normal
// clearing (16), no answer (18, 19) and CUCM's own feature codes (393216
// call split, 458752 conference drop, and 126 for split before 5.0)
// unanswered. CUCM's codes from 16777216 up are SIP failures it mapped.
func causeOutcome(cause int64) drivers.Outcome {
	switch {
	case cause == 17:
		return drivers.Busy
	case cause == 126:
		return drivers.Unanswered
	case cause >= 1 && cause <= 6, cause == 8, cause == 9, cause >= 20 && cause <= 22,
		cause == 25, cause >= 27 && cause <= 29, cause >= 34 && cause <= 127,
		cause == 262144, cause >= 16777216: // 262144: conference full
		return drivers.Failed
	}
	return drivers.Unanswered
}

// forwardedFrom returns the party that forwarded the leg: lastRedirectDn
// when CUCM says the last redirect was a forward (OnBehalfOf 5 call
// forward or 14 immediate divert; or reason 1 busy, 2 no answer, 9 out of
// order, 10 forward, 15 all, 18 deflection, 50 immediate divert, 66
// alternate party, 82 on failure), not a transfer, pickup or hunt group.
func forwardedFrom(r *record) string {
	if r.lastRedirect == "" {
		return ""
	}
	switch r.redirectOnBehalfOf {
	case onBehalfOfCallForward, onBehalfOfImmediateDivert:
		return r.lastRedirect
	}
	switch r.redirectReason {
	case 1, 2, 9, 10, 15, 18, 50, 66, 82:
		return r.lastRedirect
	}
	return ""
}

// isTransferSetup reports the consultation leg of a blind transfer: never
// connected, ended by the transfer. The final leg of the transfer records
// the conversation; this one would only add a call that seemed missed.
func (r *record) isTransferSetup() bool {
	return !r.connected() && (r.origTermination == onBehalfOfTransfer || r.destTermination == onBehalfOfTransfer)
}

func (p *parser) accountCode(r *record) string {
	switch p.opts.account {
	case accountCMC:
		return r.clientMatter
	case accountFAC:
		return r.authDescription
	}
	if r.clientMatter != "" {
		return r.clientMatter
	}
	return r.authDescription
}

// external is the number an outbound call went to, as the setting asks.
func (p *parser) external(r *record) string {
	if p.opts.outpulsed && r.outpulsedCalled != "" {
		return r.outpulsedCalled
	}
	return r.originalCalled
}
