package mitelmivo400

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// parser reads one CL stream. Each record is read on its own: the records
// of a transferred incoming call share a Key and are joined by storage
// (or the Joiner), since no record says it is the last.
type parser struct {
	loc  *time.Location
	attr drivers.Attribution
	opts options
}

// Parse reads one record and returns its call.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	if isHeader(rec.Text) {
		return nil, fmt.Errorf("page header of the Protocol format (set the PBX's CL output to PC5): %w", drivers.ErrNotCall)
	}
	r, err := readRecord(rec.Text, &p.opts, p.loc, rec.Received)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	r.start = settle(r.start, r.duration+r.tta, rec.Received.In(p.loc))
	return []drivers.Call{p.call(&r)}, nil
}

// Flush has nothing to return: the parser holds no calls.
func (p *parser) Flush() []drivers.Call { return nil }

// isHeader recognises the two header lines of the printed formats, which
// name the PC5 fields.
func isHeader(text string) bool {
	if strings.HasPrefix(text, "\t") {
		return false // every record starts with a tab
	}
	f := strings.Fields(text)
	return len(f) >= 3 && (f[0] == "NO" && f[1] == "CC" && f[2] == "SC" || f[0] == "ID1" && f[1] == "ID2")
}

// call builds the call one record describes.
func (p *parser) call(r *record) drivers.Call {
	c := drivers.Call{
		Start: r.start, Direction: r.class.dir, Extension: r.no, Trunk: r.exch,
		AccountCode: r.cc, ChargeUnits: r.metpul,
	}
	if r.class.incoming {
		c.External, c.Dialled = p.caller(r), cmp.Or(r.dest2, r.ddi)
	} else {
		c.External, c.Dialled = p.called(r)
	}
	if r.class.forwarded {
		c.ForwardedFrom = r.no
	}
	if c.Direction == drivers.Inbound && r.seq != "" {
		// Transferred calls have the same sequence number.
		c.CallID = r.seq
		c.Key = "seq:" + r.seq + ":" + r.start.Format("2006-01-02") + ":" + c.External + ":" + c.Dialled
	}
	c.Legs = []drivers.Leg{p.leg(r, &c)}
	c.Derive(p.attr)
	return c
}

// caller is the number an incoming call came from, as caller-id says.
func (p *parser) caller(r *record) string {
	switch {
	case !p.opts.layout.has(fieldID1) && !p.opts.layout.has(fieldID2):
		return r.dest1 // PC1 to PC4 have one number: the caller's on ICL
	case p.opts.presented:
		return cmp.Or(r.id1, r.id2)
	}
	return cmp.Or(r.id2, r.id1)
}

// called returns the number an outgoing call went to, as outbound-number
// says, and the digits the user dialled.
func (p *parser) called(r *record) (external, dialled string) {
	if p.opts.userNumber {
		return cmp.Or(r.dest2, r.dest1), cmp.Or(r.dest2, r.dest1)
	}
	return cmp.Or(r.dest1, r.dest2), cmp.Or(r.dest2, r.dest1)
}

// leg is the record's part of the call: the user it rang or who placed it.
func (p *parser) leg(r *record, c *drivers.Call) drivers.Leg {
	l := drivers.Leg{
		Party: r.no, Peer: cmp.Or(c.External, c.Trunk), Start: r.start,
		Ring: r.tta, Outcome: p.outcome(r), Record: r.id,
	}
	if l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail {
		l.Talk = r.duration
	}
	if r.class.forwarded && r.class.incoming {
		l.Party = "" // someone outside took it: the user only forwarded it
	}
	return l
}

// outcome applies README.md's rules to the record's sort character.
func (p *parser) outcome(r *record) drivers.Outcome {
	switch r.class.handling {
	case unanswered:
		if r.tta == 0 && p.opts.layout.has(fieldTTA) { // a busy user is logged with TTA 0
			return drivers.Busy
		}
		return drivers.Unanswered
	case rejected:
		return drivers.Failed
	case connected:
		if r.duration == 0 {
			return drivers.Unanswered
		}
	}
	if p.opts.voicemail[r.no] {
		return drivers.Voicemail
	}
	return drivers.Answered
}
