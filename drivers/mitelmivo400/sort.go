package mitelmivo400

import "calltally.app/drivers"

// A handling is what a sort character says of how a record's part of the
// call went.
type handling int

const (
	connected  handling = iota // answered if it lasted a second or more
	answered                   // answered, directly or otherwise
	unanswered                 // it rang and nobody answered (busy when TTA is 0)
	rejected                   // rejected by ERC or a full ACD queue
)

// A class is what CallTally makes of a sort character.
type class struct {
	dir      drivers.Direction
	incoming bool // the call came from the network (ICL)
	handling handling
	// forwarded is set for calls the user's forwarding sent on into the
	// network (last digit 4): the user is who forwarded them.
	forwarded bool
}

// classify reads a sort character: three digits xyz in PC5, two in PC1 to
// PC4 (README.md, "Sort characters"). It returns a reason when the
// character is none CallTally knows.
func classify(sc string, twoDigit bool) (class, string) {
	if twoDigit {
		return classifyTwo(sc)
	}
	return classifyThree(sc)
}

// classifyThree reads x (network and direction), y (network access) and
// z (call handling). Values the manuals do not list for y and z are read
// as the nearest documented ones rather than lose the call.
func classifyThree(sc string) (class, string) {
	var c class
	switch sc[0] {
	case '0', '1':
		c.dir = drivers.Outbound
	case '3', '4':
		c.dir, c.incoming = drivers.Inbound, true
	default:
		return c, "first digit: want 0, 1 (outgoing) or 3, 4 (incoming)"
	}
	if sc[1] == '4' { // PISN transit: trunk to trunk
		c.dir = drivers.Tandem
	}
	c.handling, c.forwarded = handlingOf(sc[2], c.incoming)
	return c, ""
}

// handlingOf reads the last digit of a PC5 sort character.
func handlingOf(z byte, incoming bool) (handling, bool) {
	switch {
	case z == '4':
		return connected, true
	case !incoming:
		return connected, false
	case z == '1' || z == '3':
		return answered, false
	case z == '2':
		return unanswered, false
	case z == '9':
		return rejected, false
	}
	return connected, false
}

// classifyTwo reads the older sort character: the first digit is the
// kind of traffic (2 incoming, the others outgoing by network access),
// the second 1 for answered directly, 2 for unanswered.
func classifyTwo(sc string) (class, string) {
	var c class
	switch sc[0] {
	case '2':
		c.dir, c.incoming = drivers.Inbound, true
	case '0', '1', '6', '7', '8', '9':
		c.dir = drivers.Outbound
	default:
		return c, "first digit: want 2 (incoming) or 0, 1, 6, 7, 8, 9 (outgoing)"
	}
	switch {
	case c.incoming && sc[1] == '1':
		c.handling = answered
	case c.incoming && sc[1] == '2':
		c.handling = unanswered
	}
	return c, ""
}
