package drivers

import "time"

// Direction says which way a call crossed the PBX's boundary.
type Direction string

const (
	Inbound  Direction = "inbound"  // from a trunk to an internal party
	Outbound Direction = "outbound" // from an internal party to a trunk
	Internal Direction = "internal" // between internal parties (extensions, groups, voicemail)
	Tandem   Direction = "tandem"   // trunk to trunk through the PBX
)

// Valid reports whether d is one of the defined directions.
func (d Direction) Valid() bool {
	switch d {
	case Inbound, Outbound, Internal, Tandem:
		return true
	}
	return false
}

// DirectionOf is the direction of a leg that comes from a trunk (or not)
// and goes to one (or not): both is tandem, neither internal.
func DirectionOf(fromTrunk, toTrunk bool) Direction {
	switch {
	case fromTrunk && toTrunk:
		return Tandem
	case fromTrunk:
		return Inbound
	case toTrunk:
		return Outbound
	}
	return Internal
}

// Outcome is how one leg of a call ended.
type Outcome string

const (
	Answered   Outcome = "answered"   // a person took the call on this leg
	Voicemail  Outcome = "voicemail"  // voicemail or an auto-attendant took it
	Unanswered Outcome = "unanswered" // it rang and nobody answered
	Busy       Outcome = "busy"       // the party was busy
	Failed     Outcome = "failed"     // it never reached a party (no trunk, invalid number, barred)
)

// Attribution chooses which answering extension an inbound call is counted
// against when it was answered by more than one (transfers, ring groups, queues).
type Attribution string

const (
	FinalAnswerer Attribution = "final" // the extension that had the caller in the end
	FirstAnswerer Attribution = "first" // the extension that picked the call up first
)

// A Leg is one segment of a call as one PBX record describes it: a ring-group
// member that rang, the receptionist who answered, the colleague the call was
// transferred to, the voicemail that took it.
type Leg struct {
	// Party is the internal party this leg is about: the extension (or group,
	// voicemail port) that rang or answered on inbound and internal calls, the
	// extension that placed an outbound call.
	Party     string
	PartyName string
	// Peer is the other end of the leg as the PBX wrote it: a trunk, an
	// external number or the calling extension.
	Peer string
	// Start is when this leg began; the call's start where the format gives
	// only that.
	Start   time.Time
	Ring    int // seconds ringing before answer or give-up
	Talk    int // seconds connected
	Hold    int // seconds on hold or parked
	Outcome Outcome
	// Record is the ID of the raw record this leg was read from.
	Record int64
}

// A Call is one conversation as users report on it: one row in the call list,
// however many records (legs) the PBX wrote for it. Every driver produces
// Calls; the rest of CallTally knows nothing else about PBX formats.
type Call struct {
	// Start is when the call reached or left the PBX, in the site's time
	// zone: it carries both the site's wall clock and the UTC instant.
	Start    time.Time
	Duration int // connected seconds, summed over the legs
	Ring     int // seconds from arrival to the first answer, or to give-up
	Hold     int // seconds on hold or parked, summed over the legs

	Direction Direction
	// Extension is the internal party the call is counted against: the
	// caller of outbound and internal calls; for inbound calls the answerer
	// the site's Attribution picks, or the extension that rang if none did.
	Extension     string
	ExtensionName string
	// FirstAnswerer and FinalAnswerer are the first and last internal
	// parties that answered; both kept whatever the attribution.
	FirstAnswerer string
	FinalAnswerer string

	External     string // the outside party's number (caller ID inbound, number called outbound)
	ExternalName string
	Dialled      string // digits as sent: dialled digits outbound, DDI/DID received inbound, the number called internally
	Trunk        string // trunk, line or route as the PBX names it
	AccountCode  string

	Answered  bool
	Voicemail bool // answered by voicemail or an auto-attendant only
	// TransferredFrom and ForwardedFrom name the party that passed the call
	// on, where the format says so.
	TransferredFrom string
	ForwardedFrom   string

	// CallID is the PBX's own identifier of the call, where it has one. It
	// is not unique over time (PBXs reset it on restart).
	CallID string
	// Key joins calls that are one conversation when the PBX writes a
	// record per leg and never says which is the last (CUCM transfers, 3CX
	// segments): calls of one PBX with the same non-empty Key, starting
	// within KeyWindow of each other, are joined into one (see Join),
	// whether they arrive in one stream, in later files or after a restart.
	// Empty when the parser joined the call's records itself.
	Key    string
	Driver string
	PBX    string // the PBX system it came from, set when stored
	// Partial is set when the PBX never sent the call's last record and the
	// call was closed after a timeout or at the end of the input.
	Partial bool

	// ChargeUnits is what the PBX itself reported (ISDN advice of charge);
	// amounts it reports stay in the raw record until costing uses them.
	ChargeUnits int

	Legs []Leg

	Accounting
}

// Accounting is what CallTally works out about a call beyond what the PBX
// wrote: where it went, whose it was, what it cost. It is filled when the
// call is stored (`calltally parse` leaves it empty).
type Accounting struct {
	ExternalE164 string // External in E.164, where the site's dial plan could tell
	Destination  Destination
	Department   string // the department of the call's extension when it was made, as a path
	CostCentre   string
	// Cost is in millionths of Currency's major unit and always a whole
	// number of its minor unit; it means something only when Rated.
	Cost     int64
	Currency string // ISO 4217
	Rated    bool
	Rate     string // the plan, rate and time band that priced the call
}

// Destination is the kind of number a call reached.
type Destination struct {
	Country string // ISO 3166 alpha-2
	Type    string // fixed, mobile, toll-free, premium, shared-cost, voip, emergency, internal, …
	Scope   string // internal, local, national, international, emergency, service
}

// Records returns the IDs of the raw records the call was read from, in
// order, each once.
func (c *Call) Records() []int64 {
	ids := make([]int64, 0, len(c.Legs))
	for _, l := range c.Legs {
		if len(ids) == 0 || !containsID(ids, l.Record) {
			ids = append(ids, l.Record)
		}
	}
	return ids
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Attribute sets the extension of an inbound call to the answerer a picks.
// Calls that no extension answered keep the extension the driver set.
func (c *Call) Attribute(a Attribution) {
	if c.Direction != Inbound {
		return
	}
	ext := c.FinalAnswerer
	if a == FirstAnswerer {
		ext = c.FirstAnswerer
	}
	if ext == "" || ext == c.Extension {
		return
	}
	c.Extension = ext
	c.ExtensionName = ""
	for _, l := range c.Legs {
		if l.Party == ext && l.PartyName != "" {
			c.ExtensionName = l.PartyName
		}
	}
}
