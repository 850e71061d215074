package driverstest

import (
	"cmp"
	"slices"
	"testing"
	"time"

	"calltally.app/drivers"
)

// Calls made up in encode tests: legs built with these helpers, timed by
// Timed and totalled by Totalled, as the simulator hands calls to Encode.

// At is a moment on 2 March 2026, a Monday, in Zone: the day of made-up
// calls.
func At(t testing.TB, hour, minute, sec int) time.Time {
	return time.Date(2026, 3, 2, hour, minute, sec, 0, Location(t, Zone))
}

// Legs lists legs, for a call's Legs in a test table.
func Legs(l ...drivers.Leg) []drivers.Leg { return l }

// Named lists legs, giving each leg with a party the display name
// "Ext <party>", as PBXs that write users' names show them.
func Named(l ...drivers.Leg) []drivers.Leg {
	for i := range l {
		if l[i].Party != "" {
			l[i].PartyName = "Ext " + l[i].Party
		}
	}
	return l
}

// Answered is a leg party answered after ringing for ring seconds.
func Answered(party string, ring, talk int) drivers.Leg {
	return drivers.Leg{Party: party, Ring: ring, Talk: talk, Outcome: drivers.Answered}
}

// Rang is a leg that rang party for ring seconds, unanswered.
func Rang(party string, ring int) drivers.Leg {
	return drivers.Leg{Party: party, Ring: ring, Outcome: drivers.Unanswered}
}

// Refused is a leg that never rang party: drivers.Busy or drivers.Failed.
func Refused(party string, o drivers.Outcome) drivers.Leg {
	return drivers.Leg{Party: party, Outcome: o}
}

// Voicemail is the voicemail taking a message of talk seconds.
func Voicemail(talk int) drivers.Leg {
	return drivers.Leg{PartyName: "Voicemail", Talk: talk, Outcome: drivers.Voicemail}
}

// Timed returns c starting at 11:27 on At's day with call ID 1000105,
// each leg starting when the one before it ended. The totals are left to
// the caller: what a format records of them differs.
func Timed(t testing.TB, c drivers.Call) drivers.Call {
	c.Start = At(t, 11, 27, 0)
	c.CallID = "1000105"
	at := c.Start
	for i := range c.Legs {
		c.Legs[i].Start = at
		at = at.Add(time.Duration(c.Legs[i].Ring+c.Legs[i].Talk) * time.Second)
	}
	return c
}

// Totalled returns c with the totals and answerers of its legs, laid out
// one after another: worked out here rather than by drivers.Derive, so
// that a parser relying on Derive is held to a second opinion.
func Totalled(c drivers.Call) drivers.Call {
	reached := false
	for _, l := range c.Legs {
		c.Duration += l.Talk
		if !reached {
			c.Ring += l.Ring
		}
		reached = reached || l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail
		if l.Outcome == drivers.Answered && c.Direction != drivers.Outbound {
			c.FirstAnswerer = cmp.Or(c.FirstAnswerer, l.Party)
			c.FinalAnswerer = l.Party
		}
	}
	c.Answered = reached
	c.Voicemail = c.Answered && !HasOutcome(c.Legs, drivers.Answered)
	return c
}

// HasOutcome reports whether any of legs ended with o.
func HasOutcome(legs []drivers.Leg, o drivers.Outcome) bool {
	return slices.ContainsFunc(legs, func(l drivers.Leg) bool { return l.Outcome == o })
}
