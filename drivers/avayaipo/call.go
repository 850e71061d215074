package avayaipo

import (
	"strings"
	"time"

	"calltally.app/drivers"
)

// derive builds the call a group of records describes (README.md, "How
// calls are derived"). The records share Call ID and Call Start: the
// first record's start is the call's. Each record is a segment that began
// when the one before it ended, so that is where its leg starts.
func (p *parser) derive(recs []record) drivers.Call {
	first, last := &recs[0], &recs[len(recs)-1]
	c := drivers.Call{
		Start: first.start, Ring: first.ring, Direction: direction(recs),
		Dialled: first.dialled, AccountCode: last.account, CallID: first.callIDText,
		Trunk: p.trunk(recs), ForwardedFrom: forwardedFrom(recs),
		Legs: make([]drivers.Leg, len(recs)),
	}
	c.External = external(first, c.Direction)
	var t tally
	at := first.start
	for i := range recs {
		r := &recs[i]
		s := sideOf(r, c.Direction)
		c.Legs[i] = leg(r, s, c.Direction)
		c.Legs[i].Start = at
		at = at.Add(time.Duration(r.ring+r.talk+r.hold) * time.Second)
		c.Duration += r.talk
		c.Hold += r.hold
		// Call Units is "the total call units" so far, not the segment's: summing would count twice.
		c.ChargeUnits = max(c.ChargeUnits, r.units)
		t.add(c.Legs[i], isExtension(s.party))
	}
	t.settle(&c, p.opts.voicemailAnswered)
	c.Extension, c.ExtensionName = extension(&c, recs, t.finalName)
	return c
}

// direction applies the rules in README order: Is Internal, then the
// voicemail calls real sites mark external, then Direction.
func direction(recs []record) drivers.Direction {
	trunk, voicemail := false, false
	for i := range recs {
		r := &recs[i]
		if r.internal {
			return drivers.Internal
		}
		trunk = trunk || hasTrunk(r)
		voicemail = voicemail || reachesVoicemail(r)
	}
	switch {
	case !trunk && voicemail:
		// Sent with Is Internal 0 and Direction O, yet no trunk took part.
		return drivers.Internal
	case recs[0].inbound:
		return drivers.Inbound
	}
	return drivers.Outbound
}

// A side is a record seen from the internal party it is about.
type side struct {
	party, partyName string // devices as written: E201, V9501
	peer, peerName   string
}

// sideOf picks the party a record is about: the called end (Party2) of a
// record between internal parties of an internal call; else the internal end.
func sideOf(r *record, dir drivers.Direction) side {
	if dir == drivers.Internal && !hasTrunk(r) {
		return side{r.party2, r.party2Name, r.party1, r.party1Name}
	}
	return internalSide(r)
}

// internalSide is the end of a record that is not a trunk: Party1 when both
// or neither are, as the IP Office writes the internal party of a trunk call
// and the caller of any other call first.
func internalSide(r *record) side {
	if isTrunk(r.party1) && !isTrunk(r.party2) {
		return side{r.party2, r.party2Name, r.party1, r.party1Name}
	}
	return side{r.party1, r.party1Name, r.party2, r.party2Name}
}

func leg(r *record, s side, dir drivers.Direction) drivers.Leg {
	return drivers.Leg{
		Party: stripExtension(s.party), PartyName: s.partyName, Peer: s.peer,
		Start: r.start, Ring: r.ring, Talk: r.talk, Hold: r.hold,
		Outcome: outcome(r, s, dir), Record: r.id,
	}
}

func outcome(r *record, s side, dir drivers.Direction) drivers.Outcome {
	switch {
	case r.talk > 0 && isVoicemail(s.party, s.partyName):
		return drivers.Voicemail
	case r.talk > 0:
		return drivers.Answered
	case dir == drivers.Outbound && !hasTrunk(r) && isNoRoute(s.peer, s.peerName):
		return drivers.Failed
	}
	return drivers.Unanswered
}

// A tally adds up the outcomes of a call's legs, in order.
type tally struct {
	person, machine bool   // a person, voicemail took some leg
	first, final    string // the first and last answering extensions
	finalName       string
	holder          string // the extension that last answered
	previous        string // an extension that answered and passed the call on
}

func (t *tally) add(l drivers.Leg, byExtension bool) {
	if t.holder != "" && l.Party != t.holder {
		t.previous = t.holder // transferred on, whether or not the next party answers
	}
	switch l.Outcome {
	case drivers.Voicemail:
		t.machine = true
	case drivers.Answered:
		t.person = true
		if byExtension {
			t.answeredBy(l.Party, l.PartyName)
		}
	}
}

func (t *tally) answeredBy(ext, name string) {
	if t.first == "" {
		t.first = ext
	}
	t.final, t.finalName, t.holder = ext, name, ext
}

// settle writes the tally into c. Answerers are kept for inbound and
// internal calls: on outbound calls the answerer is outside.
func (t *tally) settle(c *drivers.Call, voicemailAnswered bool) {
	c.Answered = t.person || (t.machine && voicemailAnswered)
	c.Voicemail = t.machine && !t.person
	if c.Direction == drivers.Outbound {
		return
	}
	c.FirstAnswerer, c.FinalAnswerer = t.first, t.final
	if c.Direction == drivers.Inbound {
		c.TransferredFrom = t.previous
	}
}

// extension picks the extension the driver counts the call against before
// attribution: inbound the final answerer, else the extension that rang;
// outbound and internal the one that placed the call.
func extension(c *drivers.Call, recs []record, finalName string) (ext, name string) {
	if c.Direction != drivers.Inbound {
		s := internalSide(&recs[0])
		return stripExtension(s.party), s.partyName
	}
	if c.FinalAnswerer != "" {
		return c.FinalAnswerer, finalName
	}
	for i := len(recs) - 1; i >= 0; i-- {
		r := &recs[i]
		switch {
		case isExtension(r.party1):
			return stripExtension(r.party1), r.party1Name
		case isExtension(r.party2):
			return stripExtension(r.party2), r.party2Name
		}
	}
	return "", "" // it reached only a group or voicemail
}

func external(r *record, dir drivers.Direction) string {
	switch dir {
	case drivers.Inbound:
		number, _, _ := strings.Cut(r.caller, "@") // SIP: 12345@192.0.2.10
		return number
	case drivers.Outbound:
		return r.called
	}
	return ""
}

// trunk names the first trunk the call used as the trunk setting asks.
func (p *parser) trunk(recs []record) string {
	device, name := firstTrunk(recs)
	if device == "" || p.opts.trunk == trunkDevice {
		return device
	}
	line, channel, ok := lineChannel(name)
	switch {
	case !ok:
		return device // no "Line x.y" name to read: the device still names it
	case p.opts.trunk == trunkLine:
		return line
	}
	return channel
}

func firstTrunk(recs []record) (device, name string) {
	for i := range recs {
		r := &recs[i]
		switch {
		case isTrunk(r.party1):
			return r.party1, r.party1Name
		case isTrunk(r.party2):
			return r.party2, r.party2Name
		}
	}
	return "", ""
}

// lineChannel reads a trunk's party name, "Line 1.2" (or "LINE 5.1").
func lineChannel(name string) (line, channel string, ok bool) {
	const prefix = "line "
	if len(name) <= len(prefix) || !strings.EqualFold(name[:len(prefix)], prefix) {
		return "", "", false
	}
	channel = name[len(prefix):]
	line, _, _ = strings.Cut(channel, ".")
	return line, channel, line != ""
}

// forwardedFrom returns who forwarded the call off-switch: External
// Targeter Id where External Targeting Cause is a user or hunt group
// forward (U fu, HG fnr, …), not a transfer or twinning.
func forwardedFrom(recs []record) string {
	for i := range recs {
		if isForward(recs[i].cause) {
			return recs[i].targeter
		}
	}
	return ""
}

func isForward(cause string) bool {
	who, reasons, _ := strings.Cut(cause, " ")
	if who != "U" && who != "HG" {
		return false
	}
	for reasons != "" {
		var reason string
		reason, reasons, _ = strings.Cut(reasons, " ")
		switch reason {
		case "fu", "fb", "fnr", "fdnd":
			return true
		}
	}
	return false
}
