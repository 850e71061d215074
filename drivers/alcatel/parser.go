package alcatel

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// compressMagic starts a file in Unix compress (.Z) format, as TAX files
// lie on the call server.
const compressMagic = "\x1f\x9d"

// parser reads one ticket stream or file. Its only state is the layout
// the file's field dictionary gave.
type parser struct {
	loc        *time.Location
	attr       drivers.Attribution
	opts       options
	ed52, ed4  *layout
	dictionary *layout // nil until a dictionary line is read
}

func newParser(cfg drivers.Config, opts options) *parser {
	p := &parser{loc: cfg.Location, attr: cfg.Attribution, opts: opts}
	p.ed52, p.ed4 = editions(opts.account)
	return p
}

// Parse reads one record: a field dictionary, or a ticket and its call.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	switch {
	case isDictionary(rec.Text):
		return nil, p.readDictionary(rec.Text)
	case strings.HasPrefix(rec.Text, compressMagic):
		return nil, &drivers.FieldError{Field: 1, Name: "file", Value: rec.Text[:2],
			Reason: "Unix compress (.Z) data: decompress TAX files (uncompress, gzip -d) before CallTally reads them"}
	}
	t, err := readTicket(rec.Text, p.layoutOf(rec.Text))
	if err != nil {
		return nil, err
	}
	return []drivers.Call{p.call(&t, rec.ID)}, nil
}

// Flush has nothing to return: every ticket is a call of its own.
func (p *parser) Flush() []drivers.Call { return nil }

// readDictionary takes the layout of the tickets after it from a
// dictionary line. One it cannot read leaves the edition setting in charge.
func (p *parser) readDictionary(text string) error {
	l, err := readDictionary(text, p.opts.account)
	p.dictionary = l
	if err != nil {
		return err
	}
	return fmt.Errorf("field dictionary of %d characters: %w", l.width, drivers.ErrNotCall)
}

// layoutOf is the layout to read a ticket by: the file's dictionary, the
// edition set, or the one the ticket's TicketVersion names.
func (p *parser) layoutOf(text string) *layout {
	switch {
	case p.dictionary != nil:
		return p.dictionary
	case p.opts.edition == editionED52:
		return p.ed52
	case p.opts.edition == editionED4:
		return p.ed4
	}
	edition := p.opts.fallback
	if major, ok := versionMajor(newLine(text).cut(0, 5)); ok {
		edition = editionED52
		if major < 5 {
			edition = editionED4
		}
	}
	if edition == editionED4 {
		return p.ed4
	}
	return p.ed52
}

// versionMajor reads the major edition of a TicketVersion such as
// "ED5.2" or "4.1".
func versionMajor(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && strings.EqualFold(v[:2], "ED") {
		v = v[2:]
	}
	end := 0
	for end < len(v) && isDigit(v[end]) {
		end++
	}
	return drivers.Atoi(v[:end])
}
