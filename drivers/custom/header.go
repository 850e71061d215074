package custom

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"calltally.app/drivers"
)

// isHeader reports the header line of layouts with "header": true. Where
// fields are found by name, it is a line holding every such name: the
// collector may resume in the middle of a file, so a line is no header
// for where it stands. Else it is a line at the top of a file (after
// skipped lines), or a repeat of the last header, that does not read as
// a record: the PBX may leave the header out.
func (p *parser) isHeader(text string, top bool, rd reader) bool {
	l := p.layout
	switch {
	case !l.header:
		return false
	case text == p.header:
		return true
	case len(l.named) > 0:
		return p.namesAll()
	case !top:
		return false
	}
	_, err := rd.read()
	return err != nil
}

// namesAll reports a line that holds every header name of the layout.
func (p *parser) namesAll() bool {
	for _, f := range p.layout.named {
		if !slices.ContainsFunc(p.fields, func(s string) bool { return strings.EqualFold(s, f.header) }) {
			return false
		}
	}
	return true
}

// adoptHeader takes the columns of the fields found by name from a header
// line, and returns the error that says it is no call.
func (p *parser) adoptHeader(text string) error {
	for _, f := range p.layout.named {
		p.cols[f.id] = slices.IndexFunc(p.fields, func(s string) bool { return strings.EqualFold(s, f.header) })
	}
	p.header = text
	return fmt.Errorf("header line: %w", drivers.ErrNotCall)
}

// headerNames lists the names a header line must hold, for messages.
func (l *layout) headerNames() string {
	names := make([]string, len(l.named))
	for i, f := range l.named {
		names[i] = strconv.Quote(f.header)
	}
	return strings.Join(names, ", ")
}
