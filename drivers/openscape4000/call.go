package openscape4000

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// parseDirections reads the call-directions setting: CODE=direction
// pairs, comma-separated; codes compare without case.
func parseDirections(spec string) (map[string]drivers.Direction, error) {
	dirs := map[string]drivers.Direction{}
	if strings.TrimSpace(spec) == "" {
		return dirs, nil
	}
	for i, pair := range strings.Split(spec, ",") {
		code, dir, ok := strings.Cut(pair, "=")
		code = strings.ToUpper(strings.TrimSpace(code))
		d := drivers.Direction(strings.ToLower(strings.TrimSpace(dir)))
		switch {
		case !ok || code == "":
			return nil, fmt.Errorf("entry %d %q: want CODE=direction", i+1, pair)
		case !d.Valid():
			return nil, fmt.Errorf("entry %d %q: direction %q, want inbound, outbound, internal or tandem", i+1, pair, d)
		case dirs[code] != "":
			return nil, fmt.Errorf("entry %d %q: code %s appears twice", i+1, pair, code)
		}
		dirs[code] = d
	}
	return dirs, nil
}

// call builds the call a record describes. Records sharing a CALLID get
// it as their Key, so that storage joins a call's records into one.
func (p *parser) call(r *record, end time.Time) drivers.Call {
	dir := direction(r)
	c := drivers.Call{
		Direction: dir, Dialled: r.dest, Trunk: r.trunk, AccountCode: r.account,
		ChargeUnits: r.units, CallID: r.callID, Legs: []drivers.Leg{leg(r, dir, end)},
	}
	c.Extension, c.External = parties(r, dir)
	if r.callID != "" {
		c.Key = "callid:" + r.callID
	}
	c.Derive(p.attr)
	return c
}

// direction is CALLDIR's where the layout has it; else a call that used a
// trunk is outbound (the PBX charged the internal party for it) and any
// other internal.
func direction(r *record) drivers.Direction {
	switch {
	case r.dir != "":
		return r.dir
	case r.trunk != "":
		return drivers.Outbound
	}
	return drivers.Internal
}

// parties are the extension the call counts against and the number
// outside: the charged party is the internal one; outside is the number
// dialled on outgoing calls, the caller on incoming ones.
func parties(r *record, dir drivers.Direction) (ext, external string) {
	switch dir {
	case drivers.Inbound:
		return r.charged, r.calling
	case drivers.Outbound:
		return r.charged, r.dest
	case drivers.Tandem:
		return "", r.calling
	}
	return r.charged, ""
}

// leg is what one record says about its internal party: the caller of
// outbound calls, the one called on inbound and internal calls. The time
// an unanswered connection lasted is ringing.
func leg(r *record, dir drivers.Direction, end time.Time) drivers.Leg {
	l := drivers.Leg{Party: r.charged, Peer: r.dest, Ring: r.ring, Talk: r.secs, Outcome: drivers.Answered, Record: r.id}
	switch dir {
	case drivers.Inbound:
		l.Peer = cmp.Or(r.calling, r.trunk)
	case drivers.Internal:
		l.Party, l.Peer = r.dest, r.charged
	case drivers.Tandem:
		l.Party, l.Peer = "", cmp.Or(r.calling, r.trunk)
	}
	if r.noAnswer {
		l.Ring, l.Talk, l.Outcome = r.ring+r.secs, 0, drivers.Unanswered
	}
	l.Start = end.Add(-time.Duration(r.ring+r.secs) * time.Second)
	return l
}
