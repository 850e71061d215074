package mitelmivb

import (
	"time"

	"calltally.app/drivers"
)

// parser reads one SMDR stream. Every record is a whole call, so it
// keeps no state between records: records of one call linked by network
// OLI identifiers share a Call.Key, and storage joins them.
type parser struct {
	loc  *time.Location
	attr drivers.Attribution
	opts options
}

// Parse reads one record and returns its call.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	r, err := readRecord(rec.Text, p.layoutOf(rec.Text), p.opts.twelveHour)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	return []drivers.Call{p.call(&r, p.start(&r, rec.Received))}, nil
}

// Flush has nothing to return: no call waits for more records.
func (p *parser) Flush() []drivers.Call { return nil }

// layoutOf picks the layout of a record. With extended-digits=auto there
// are two, told apart by the duration: hh:mm:ss in the standard layout,
// hhhh:mm:ss with extended digit length. A record that fits neither is
// read (and rejected) by the standard one.
func (p *parser) layoutOf(text string) *layout {
	layouts := p.opts.layouts
	for _, l := range layouts[1:] {
		f := l.at[itemDuration]
		if end := f.col + f.width; len(text) >= end && text[end-3] == ':' && text[end-6] == ':' && text[end-9] != ' ' {
			return l
		}
	}
	return layouts[0]
}
