package classify

import (
	"strings"

	"calltally.app/drivers"
)

// DirectionOf tells a call's direction from its calling and called
// numbers: a number is inside when it is one of the site's extensions
// (IsInternal), outside otherwise. An empty caller is outside (a caller
// who withheld the number); an empty called number tells nothing.
//
//	caller   called   direction
//	inside   inside   internal
//	inside   outside  outbound
//	outside  inside   inbound
//	outside  outside  tandem
func (p DialPlan) DirectionOf(caller, called string) drivers.Direction {
	if strings.TrimSpace(called) == "" {
		return ""
	}
	callerIn, calledIn := p.IsInternal(caller), p.IsInternal(called)
	switch {
	case callerIn && calledIn:
		return drivers.Internal
	case callerIn:
		return drivers.Outbound
	case calledIn:
		return drivers.Inbound
	}
	return drivers.Tandem
}

// Direction returns c's direction: the driver's where it set a valid one,
// else what the plan reads from the call's numbers. Extension is inside
// when it is an extension of the plan; External is outside when set and
// not an extension; Dialled is the digits sent.
//
//	Extension  External  Dialled                       direction
//	any        none      inside, or Extension inside   internal
//	inside     outside   External, as dialled          outbound
//	inside     outside   anything else (DDI, none)     inbound
//	not inside outside   inside                        inbound
//	not inside outside   anything else                 tandem
//
// It returns "" when the numbers tell nothing (no internal party and no
// outside one).
func (p DialPlan) Direction(c *drivers.Call) drivers.Direction {
	if c.Direction.Valid() {
		return c.Direction
	}
	extIn := p.IsInternal(c.Extension)
	outside := strings.TrimSpace(c.External) != "" && !p.IsInternal(c.External)
	dialledIn := p.IsInternal(c.Dialled)
	switch {
	case !outside && (extIn || dialledIn):
		return drivers.Internal
	case !outside:
		return ""
	case extIn && p.sameNumber(c.Dialled, c.External):
		return drivers.Outbound
	case extIn || dialledIn:
		return drivers.Inbound
	}
	return drivers.Tandem
}

// sameNumber reports whether dialled are the digits of external: equal,
// equal but for an access code in front, or the same number in E.164.
func (p DialPlan) sameNumber(dialled, external string) bool {
	d, dok := clean(dialled)
	e, eok := clean(external)
	switch {
	case !dok || !eok:
		return false
	case d == e:
		return true
	case strings.HasSuffix(d, e) && p.isAccess(d[:len(d)-len(e)]):
		return true
	}
	de, ok := p.Normalise(d)
	ee, ok2 := p.Normalise(e)
	return ok && ok2 && de == ee
}

// isAccess reports whether code is one of the plan's trunk access codes.
func (p DialPlan) isAccess(code string) bool {
	for _, a := range p.compiled().access {
		if a == code {
			return true
		}
	}
	return false
}
