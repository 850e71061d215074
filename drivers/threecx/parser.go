package threecx

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// errHeader marks a line of field names: read, adopted, no call.
var errHeader = fmt.Errorf("header line: %w", drivers.ErrNotCall)

// parser reads one stream of CDR records. Each record is a call of its
// own, keyed by its historyid, so the parser keeps nothing but the layout
// between records.
type parser struct {
	loc    *time.Location
	attr   drivers.Attribution
	opts   options
	layout layout   // the fields setting, until a header line replaces it
	fields []string // reused by splitFields
}

// Parse reads one record and returns its call.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	p.fields = drivers.SplitCommas(p.fields, strings.TrimPrefix(rec.Text, "\uFEFF"))
	if l, ok, err := header(p.fields); ok {
		if err != nil {
			return nil, fmt.Errorf("header line: %w", err)
		}
		p.layout = l
		return nil, errHeader
	}
	r, err := p.read(p.fields)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	return []drivers.Call{p.call(&r)}, nil
}

// Flush returns nothing: no call waits for a later record. Segments of a
// call are joined by their Key after the parser.
func (p *parser) Flush() []drivers.Call { return nil }
