package ciscocme

import (
	"cmp"
	"slices"
	"time"

	"calltally.app/drivers"
)

// pairWait is how long, on the clock of the records read, an incoming leg
// waits for the outgoing leg of its call, and a call once reported takes
// legs that come after it: the gateway writes a call's last legs within a
// second of each other, in either order.
const pairWait = 5 * time.Second

// A group is the legs of one call read so far.
type group struct {
	key           string
	seq           uint64    // order of first arrival, so output never depends on map order
	heard         time.Time // the latest release among its legs
	legs          []leg
	forwardedFrom string // from a forward feature record
}

// complete reports whether both sides of the call have come: the leg the
// gateway took and one it placed.
func (g *group) complete() bool {
	in, out := false, false
	for i := range g.legs {
		in = in || g.legs[i].incoming()
		out = out || !g.legs[i].incoming()
	}
	return in && out
}

// A reported call, kept for legs that come after it.
type reported struct {
	ctx   callContext
	heard time.Time
}

// parser reads the records of one gateway. It holds each call's legs
// until both sides of the call have come: the gateway writes a leg when
// it ends, and after a transfer the phone that took the call first ends
// long before the caller does.
type parser struct {
	loc   *time.Location
	attr  drivers.Attribution
	opts  options
	open  map[string]*group
	done  map[string]*reported
	seq   uint64
	clock time.Time // the release of the record read last: the clock timeouts run on
	cells []string  // reused by readCSV
}

func newParser(loc *time.Location, attr drivers.Attribution, opts options) *parser {
	return &parser{loc: loc, attr: attr, opts: opts, open: map[string]*group{}, done: map[string]*reported{}}
}

// Parse reads one record and returns the calls it completes, after the
// calls it has made stale.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	l, err := p.read(rec.Text)
	if err != nil {
		return nil, err
	}
	l.id, l.seq = rec.ID, p.seq
	p.seq++
	// The last record's time, not the latest seen: one record from a
	// router clock set wrong must not stop the clock for good.
	p.clock = l.disconnect
	c, ok := p.add(l)
	calls := p.expire()
	if ok {
		calls = append(calls, c)
	}
	return calls, nil
}

// Flush returns every call still held, in order of first arrival.
func (p *parser) Flush() []drivers.Call {
	groups := make([]*group, 0, len(p.open))
	for _, g := range p.open {
		groups = append(groups, g)
	}
	clear(p.done)
	return p.close(groups)
}

// add files l with its call and returns the call if l completed it, or
// came after it was reported.
func (p *parser) add(l leg) (drivers.Call, bool) {
	if l.key == "" { // no ConnectionId: nothing to join it with
		c, _ := p.build([]leg{l}, nil, "")
		return c, true
	}
	if r := p.done[l.key]; r != nil {
		c, _ := p.build([]leg{l}, &r.ctx, "")
		r.heard = later(r.heard, l.disconnect)
		return c, true
	}
	g := p.open[l.key]
	if g == nil {
		g = &group{key: l.key, seq: l.seq}
		p.open[l.key] = g
	}
	g.legs = append(g.legs, l)
	g.heard = later(g.heard, l.disconnect)
	if !g.complete() {
		return drivers.Call{}, false
	}
	delete(p.open, g.key)
	return p.report(g), true
}

// report builds a group's call and keeps what it found for later legs.
func (p *parser) report(g *group) drivers.Call {
	c, ctx := p.build(g.legs, nil, g.forwardedFrom)
	c.Partial = partial(g)
	p.done[g.key] = &reported{ctx: ctx, heard: g.heard}
	return c
}

// expire reports the calls whose other side has not come in time: an
// incoming leg waits pairWait for its outgoing leg, an outgoing leg
// group-timeout for the incoming one, which may end long after it (a
// transfer). Clocks count from the latest leg of the call.
func (p *parser) expire() []drivers.Call {
	for k, r := range p.done {
		if p.stale(r.heard, pairWait) {
			delete(p.done, k)
		}
	}
	var stale []*group
	for _, g := range p.open {
		wait := p.opts.groupTimeout
		if g.legs[0].incoming() {
			wait = pairWait
		}
		if p.stale(g.heard, wait) {
			stale = append(stale, g)
		}
	}
	return p.close(stale)
}

// stale reports a call last heard of longer than wait ago, or more than
// group-timeout ahead of the clock: from a router clock that was set
// wrong and has been corrected, which the clock will not reach for long.
func (p *parser) stale(heard time.Time, wait time.Duration) bool {
	return p.clock.Sub(heard) > wait || heard.Sub(p.clock) > p.opts.groupTimeout
}

// close reports groups, oldest first.
func (p *parser) close(groups []*group) []drivers.Call {
	if len(groups) == 0 {
		return nil
	}
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Compare(a.seq, b.seq) })
	calls := make([]drivers.Call, len(groups))
	for i, g := range groups {
		delete(p.open, g.key)
		calls[i] = p.report(g)
	}
	return calls
}

// partial reports a call reported without one of its sides: no incoming
// leg, or no outgoing leg although the incoming one was connected. A call
// the gateway never placed onward (a wrong number, a caller who hung up)
// has only its incoming leg, and is whole.
func partial(g *group) bool {
	if g.complete() {
		return false
	}
	for i := range g.legs {
		if l := &g.legs[i]; !l.incoming() || l.connected {
			return true
		}
	}
	return false
}

// forwarded notes who forwarded the call with ConnectionId fcid, if it
// is held.
func (p *parser) forwarded(fcid, who string) {
	rd := fieldReader{}
	_, key := rd.connectionID(&field{value: fcid})
	if g := p.open[key]; g != nil && key != "" && g.forwardedFrom == "" {
		g.forwardedFrom = who
	}
}
