package avayaipo

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A groupKey identifies the records of one call. The Call ID alone is not
// enough: it restarts at 1000000 when the IP Office reboots.
type groupKey struct {
	callID int64
	wall   int64 // Call Start, see record.wall
}

// A group is a call whose last record (Continuation 0) has not come yet.
type group struct {
	key     groupKey
	seq     uint64    // order of first arrival, so output never depends on map order
	heard   time.Time // the newest Call Start read when its latest record came
	records []record
}

// parser is the stateful SMDR reader: it holds calls open until their last
// record arrives, as records of different calls interleave.
type parser struct {
	loc    *time.Location
	opts   options
	open   map[groupKey]*group
	seq    uint64
	newest time.Time // the latest Call Start read, the clock group-timeout runs on
	fields []string  // reused by splitFields
}

func newParser(loc *time.Location, opts options) *parser {
	return &parser{loc: loc, opts: opts, open: map[groupKey]*group{}, fields: make([]string, 0, 40)}
}

// Parse reads one SMDR line. It returns the call the line completes, after
// any open calls it has made stale; see group-timeout.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	if strings.HasPrefix(rec.Text, "Call Start") {
		return nil, errHeader
	}
	p.fields = drivers.SplitCommas(p.fields, rec.Text)
	r, err := parseRecord(p.fields, p.loc)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	if r.start.After(p.newest) {
		p.newest = r.start
	}
	c, done := p.add(r)
	calls := p.expire()
	if done {
		calls = append(calls, c)
	}
	return calls, nil
}

// Flush returns every open call as partial, in order of first arrival.
func (p *parser) Flush() []drivers.Call {
	groups := make([]*group, 0, len(p.open))
	for _, g := range p.open {
		groups = append(groups, g)
	}
	return p.close(groups)
}

// add files r with its call and returns the call if r was its last record.
func (p *parser) add(r record) (drivers.Call, bool) {
	k := groupKey{r.callID, r.wall}
	g := p.open[k]
	if g == nil && !r.more {
		// Most calls are one record: they never touch the map.
		return p.derive([]record{r}), true
	}
	if g == nil {
		g = &group{key: k, seq: p.seq}
		p.seq++
		p.open[k] = g
	}
	g.records = append(g.records, r)
	g.heard = p.newest
	if r.more {
		return drivers.Call{}, false
	}
	delete(p.open, k)
	return p.derive(g.records), true
}

// expire closes the open calls not heard of for group-timeout, on the
// clock of Call Starts read: their last record is not coming (a reboot, a
// lost connection). A call's age counts from its latest record rather
// than its start, so records that arrive late (replayed from the PBX's
// buffer, or after the PBX clock was corrected) still get the whole
// timeout to be joined; for records that come in start order the two
// are the same.
func (p *parser) expire() []drivers.Call {
	var stale []*group
	for _, g := range p.open {
		if p.newest.Sub(g.heard) > p.opts.groupTimeout {
			stale = append(stale, g)
		}
	}
	return p.close(stale)
}

// close removes groups from the open set and returns them as partial calls.
func (p *parser) close(groups []*group) []drivers.Call {
	if len(groups) == 0 {
		return nil
	}
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Compare(a.seq, b.seq) })
	calls := make([]drivers.Call, len(groups))
	for i, g := range groups {
		delete(p.open, g.key)
		calls[i] = p.derive(g.records)
		calls[i].Partial = true
	}
	return calls
}
