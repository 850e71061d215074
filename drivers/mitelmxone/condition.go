package mitelmxone

import "calltally.app/drivers"

// Condition codes are a base code (below 32) plus modifiers: every
// documented code above 31 is a documented base plus 64 (answered by
// another party than the one dialled), 32 (group hunting or group call
// pick-up) and 128 (pick-up), alone or together. README.md, "Condition
// codes", has the table and says what is inferred.
const (
	baseMask = 31
	maxCode  = 255 // the modifiers fill one byte

	modGroup  = 32
	modOther  = 64
	modPickUp = 128
)

// A condition is what a base code says about a call.
type condition struct {
	known bool
	// dir is the direction the code gives; "" for codes that leave it to
	// the parties and routes (busy, vacant number). An incoming code may
	// still be a tandem call.
	dir     drivers.Direction
	outcome drivers.Outcome
}

// conditions maps the documented base codes to calls.
var conditions = [baseMask + 1]condition{
	7:  {true, drivers.Inbound, drivers.Answered},    // incoming or tandem call
	8:  {true, drivers.Internal, drivers.Answered},   // internal call
	10: {true, drivers.Outbound, drivers.Answered},   // outgoing call
	23: {true, drivers.Inbound, drivers.Unanswered},  // abandoned incoming call
	25: {true, drivers.Internal, drivers.Unanswered}, // abandoned internal call
	28: {true, drivers.Outbound, drivers.Unanswered}, // abandoned outgoing call
	29: {true, "", drivers.Busy},                     // call to a busy party
	30: {true, "", drivers.Failed},                   // call to a vacant number
}

// lookup classifies a code by its base; ok is false when the base is not
// documented.
func lookup(code int) (condition, bool) {
	c := conditions[code&baseMask]
	return c, c.known
}
