package drivers

import (
	"slices"
	"time"
)

// KeyWindow bounds how far apart the starts of two calls with the same Key
// may be and still be one conversation: PBXs reuse their call identifiers
// after a restart or a wrap-around, never within a day.
const KeyWindow = 24 * time.Hour

// Join returns the one conversation that a and b are parts of: the legs of
// both, in order, with the totals and answerers derived again from them by
// Derive. The number, trunk and other call-level fields come from the part
// that started first, filled in from the other where it left them empty.
func Join(a, b Call, attr Attribution) Call {
	if b.Start.Before(a.Start) {
		a, b = b, a
	}
	c := a
	c.Legs = append(slices.Clip(a.Legs), b.Legs...)
	fill(&c.External, b.External)
	fill(&c.ExternalName, b.ExternalName)
	fill(&c.Dialled, b.Dialled)
	fill(&c.Trunk, b.Trunk)
	fill(&c.AccountCode, b.AccountCode)
	fill(&c.ForwardedFrom, b.ForwardedFrom)
	fill(&c.CallID, b.CallID)
	c.Partial = a.Partial || b.Partial
	c.ChargeUnits = a.ChargeUnits + b.ChargeUnits
	c.TransferredFrom = ""
	c.Derive(attr)
	return c
}

func fill(dst *string, from string) {
	if *dst == "" {
		*dst = from
	}
}

// Derive sets a call's start, totals and answerers from its legs, which
// it puts in order of their start: the start is the first leg's, the
// duration and hold the sums of the legs', the ring the wait until the
// first leg answered (or until the last one gave up). Any answered leg
// makes the call answered, so ring-group members that rang while a
// colleague picked up are no missed call. An inbound call is then
// attributed to its first or final answerer as attr says, or stays with
// the extension it was for when no one answered.
func (c *Call) Derive(attr Attribution) {
	if len(c.Legs) == 0 {
		return
	}
	slices.SortStableFunc(c.Legs, func(x, y Leg) int { return x.Start.Compare(y.Start) })
	c.Start = c.Legs[0].Start
	c.Duration, c.Hold = 0, 0
	var answerers []string
	answer, giveUp, person, machine := -1, 0, false, false
	for _, l := range c.Legs {
		c.Duration += l.Talk
		c.Hold += l.Hold
		wait := int(l.Start.Sub(c.Start)/time.Second) + l.Ring
		giveUp = max(giveUp, wait)
		switch l.Outcome {
		case Answered:
			person = true
			if c.Direction != Outbound && l.Party != "" {
				answerers = append(answerers, l.Party)
			}
		case Voicemail:
			machine = true
		default:
			continue
		}
		if answer < 0 || wait < answer {
			answer = wait
		}
	}
	c.Ring = giveUp
	if answer >= 0 {
		c.Ring = answer
	}
	c.Answered, c.Voicemail = person || machine, machine && !person
	c.settle(answerers)
	c.Attribute(attr)
}

// settle sets the answerers and who transferred the call to the last one.
func (c *Call) settle(answerers []string) {
	c.FirstAnswerer, c.FinalAnswerer = "", ""
	if len(answerers) == 0 {
		return
	}
	c.FirstAnswerer, c.FinalAnswerer = answerers[0], answerers[len(answerers)-1]
	for i := len(answerers) - 2; i >= 0 && c.TransferredFrom == ""; i-- {
		if answerers[i] != c.FinalAnswerer {
			c.TransferredFrom = answerers[i]
		}
	}
}
