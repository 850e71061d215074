package simulator

import (
	"time"

	"calltally.app/drivers"
)

// builder assembles a call leg by leg; each leg starts when the one
// before it ended.
type builder struct {
	call  drivers.Call
	start int // second of the day the call began
	at    int // second of the day the next leg begins
}

func (b *builder) add(l drivers.Leg) {
	l.Start = b.call.Start.Add(time.Duration(b.at-b.start) * time.Second)
	b.call.Legs = append(b.call.Legs, l)
	b.at += l.Ring + l.Talk
}

// voicemail adds the voicemail taking a message from peer.
func (b *builder) voicemail(peer string, talk int) {
	b.add(drivers.Leg{PartyName: "Voicemail", Peer: peer, Talk: talk, Outcome: drivers.Voicemail})
}

// seal derives the call's totals and answerers from its legs, so that
// they agree with the legs by construction.
func seal(c *drivers.Call) {
	reached, voicemail := false, false
	for _, l := range c.Legs {
		c.Duration += l.Talk
		c.Hold += l.Hold
		if !reached {
			c.Ring += l.Ring
		}
		switch l.Outcome {
		case drivers.Answered:
			reached, c.Answered = true, true
			noteAnswerer(c, l.Party)
		case drivers.Voicemail:
			reached, voicemail = true, true
		}
	}
	c.Voicemail = voicemail && !c.Answered
	c.Answered = c.Answered || voicemail
	if c.Direction == drivers.Inbound {
		attribute(c)
	}
}

// noteAnswerer records answering extensions of inbound and internal
// calls; an outbound call's answerer is outside.
func noteAnswerer(c *drivers.Call, party string) {
	if c.Direction == drivers.Outbound || party == "" {
		return
	}
	if c.FirstAnswerer == "" {
		c.FirstAnswerer = party
	}
	c.FinalAnswerer = party
}

// attribute counts an inbound call against whoever had the caller last,
// or the extension that rang when nobody answered.
func attribute(c *drivers.Call) {
	c.Extension = c.FinalAnswerer
	if c.Extension == "" {
		c.Extension = c.Legs[0].Party
	}
	for _, l := range c.Legs {
		if l.Party == c.Extension {
			c.ExtensionName = l.PartyName
		}
	}
}

// A profile is how a department phones: relative rates of direct inbound
// calls, outbound calls, internal calls and transfers from the
// switchboard, and the median length of its calls.
type profile struct {
	direct, outbound, internal, transfer float64
	median                               float64 // seconds
}

// profileOf makes Sales the big outbound callers, Support the long
// inbound conversations and the warehouse quick and internal.
func profileOf(d Department) profile {
	switch d {
	case Reception:
		return profile{direct: 0.1, outbound: 0.6, internal: 1.0, median: 50}
	case Sales:
		return profile{direct: 1.2, outbound: 2.0, internal: 1.0, transfer: 1.0, median: 150}
	case Support:
		return profile{direct: 1.6, outbound: 0.9, internal: 1.0, transfer: 0.9, median: 200}
	case Accounts:
		return profile{direct: 0.9, outbound: 0.9, internal: 0.9, transfer: 0.9, median: 110}
	case Management:
		return profile{direct: 0.7, outbound: 1.3, internal: 1.4, transfer: 0.6, median: 170}
	case Warehouse:
		return profile{direct: 0.5, outbound: 0.6, internal: 1.2, transfer: 0.3, median: 75}
	}
	return profile{direct: 1, outbound: 1, internal: 1, transfer: 1, median: 120}
}

func directRate(p profile) float64   { return p.direct }
func outboundRate(p profile) float64 { return p.outbound }
func internalRate(p profile) float64 { return p.internal }

// talk draws how long extension i talks to someone outside: log-normal
// around its department's median, up to 45 minutes.
func (d *day) talk(i int) int {
	return logNormal(d.rng, profileOf(d.ext(i).Department).median, 1.0, 5, 45*60)
}
