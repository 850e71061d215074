package openscape4000

import (
	"time"

	"calltally.app/drivers"
)

// clockSkew is how far the PBX's clock may run ahead of the collector's
// before a record dated later than its arrival is taken for last year's.
const clockSkew = 24 * time.Hour

// parser reads one stream of data records. Each record is one call (or,
// with CALLID, one part of a call that storage joins): it keeps no state.
type parser struct {
	loc  *time.Location
	attr drivers.Attribution
	opts options
}

// Parse reads one record: a call, or an error saying why not.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	l := p.opts.layout
	if err := checkRID(rec.Text, l); err != nil {
		return nil, err
	}
	r, err := readRecord(rec.Text, l, p.opts.directions)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	return []drivers.Call{p.call(&r, p.endOf(r.end, rec.Received))}, nil
}

// Flush returns nothing: no call waits for a later record in the parser.
func (p *parser) Flush() []drivers.Call { return nil }

// endOf dates a record's end of connection in the site's zone; a stamp
// without a year gets the one that makes it the most recent date not
// after its arrival (allowing for the PBX's clock running ahead).
func (p *parser) endOf(s stamp, received time.Time) time.Time {
	if s.year == 0 {
		s.year = yearOf(s, p.receivedAt(received))
	}
	return time.Date(s.year, time.Month(s.month), s.day, s.hour, s.minute, s.second, 0, p.loc)
}

// receivedAt is when a record arrived, in the site's zone. Records made
// up in code have no arrival time: they arrived now.
func (p *parser) receivedAt(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.In(p.loc)
}

// yearOf is the latest year, at most nine back, in which s is a real date
// not after limit: 31 December received on 1 January is last year's, 29
// February goes back to a leap year.
func yearOf(s stamp, received time.Time) int {
	limit := received.Add(clockSkew)
	for year := limit.Year(); year > limit.Year()-9; year-- {
		if s.day > drivers.DaysIn(time.Month(s.month), year) {
			continue
		}
		if !time.Date(year, time.Month(s.month), s.day, s.hour, s.minute, 0, 0, received.Location()).After(limit) {
			return year
		}
	}
	return limit.Year() - 1 // not reached: some year of nine fits
}
