package avayacm

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"calltally.app/drivers"
)

// interimHold is how long after a long call's interim record (condition
// code 4, written every 10 hours) its next record must come: the next
// interim record, or the final one with the call's real condition code.
const interimHold = 11 * time.Hour

// A longCall is a call over 10 hours whose final record has not come.
type longCall struct {
	seq     uint64 // order of first arrival, so output never depends on map order
	records []record
}

// parser reads one CDR stream. It keeps the date of the last date record
// and the interim records of calls still going on.
type parser struct {
	loc    *time.Location
	attr   drivers.Attribution
	opts   options
	day    civil // the last date record's date, year 0; zero before one came
	long   map[string]*longCall
	seq    uint64
	newest time.Time // the latest call end read, the clock interim records expire on
}

func newParser(cfg drivers.Config, opts options) *parser {
	return &parser{loc: cfg.Location, attr: cfg.Attribution, opts: opts, long: map[string]*longCall{}}
}

// Parse reads one record. It returns the call the record completes, after
// long calls whose final record is overdue.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	if d, ok, err := readDateRecord(rec.Text, p.opts.dayFirst); ok {
		if err != nil {
			return nil, err
		}
		p.day = d
		return nil, dateRecordError(d)
	}
	r, c, err := readRecord(rec.Text, p.opts.layout, p.opts.dayFirst)
	if err != nil {
		return nil, err
	}
	if err := p.skip(r.cond); err != nil {
		return nil, err
	}
	r.id = rec.ID
	r.end = p.endOf(c, rec.Received)
	if r.end.After(p.newest) {
		p.newest = r.end
	}
	calls := p.expire()
	if done, ok := p.add(r); ok {
		calls = append(calls, p.derive(done))
	}
	return calls, nil
}

// skip returns why a record of condition c describes no call, or nil.
func (p *parser) skip(c condition) error {
	switch {
	case c.handling == noCall:
		return c.notCall()
	case c.handling == ineffectiveAttempt && !p.opts.ineffective:
		return c.notCall()
	}
	return nil
}

// Flush returns the long calls whose final record never came, as partial.
func (p *parser) Flush() []drivers.Call {
	return p.close(func(*longCall) bool { return true })
}

// add files r with the long call it continues, and returns the records of
// the call r completes.
func (p *parser) add(r record) ([]record, bool) {
	if len(p.long) == 0 && r.cond.handling != interimRecord {
		return []record{r}, true // nearly every call: no key to build
	}
	key := longKey(&r)
	lc := p.long[key]
	switch {
	case lc == nil && r.cond.handling != interimRecord:
		return []record{r}, true
	case lc == nil:
		lc = &longCall{seq: p.seq}
		p.seq++
		p.long[key] = lc
	}
	lc.records = append(lc.records, r)
	if r.cond.handling == interimRecord {
		return nil, false
	}
	delete(p.long, key)
	return lc.records, true
}

// longKey is what the records of one long call have in common: the CM
// gives them no call identifier unless the layout has the UCID.
func longKey(r *record) string {
	return strings.Join([]string{r.ucid, r.codeDial, r.codeUsed, r.inTrk, r.dialed, r.calling, r.account}, "\x00")
}

// expire closes the long calls no record of which came for interimHold,
// on the clock of call ends read.
func (p *parser) expire() []drivers.Call {
	return p.close(func(lc *longCall) bool {
		last := lc.records[len(lc.records)-1].end
		return p.newest.Sub(last) > interimHold
	})
}

// close removes the long calls stale says are over and returns them as
// partial calls, in order of arrival.
func (p *parser) close(stale func(*longCall) bool) []drivers.Call {
	var closing []*longCall
	for key, lc := range p.long {
		if stale(lc) {
			closing = append(closing, lc)
			delete(p.long, key)
		}
	}
	if len(closing) == 0 {
		return nil
	}
	slices.SortFunc(closing, func(a, b *longCall) int { return cmp.Compare(a.seq, b.seq) })
	calls := make([]drivers.Call, len(closing))
	for i, lc := range closing {
		calls[i] = p.derive(lc.records)
		calls[i].Partial = true
	}
	return calls
}
