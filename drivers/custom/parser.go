package custom

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// parser reads one stream of records by a layout. Each record is a call
// of its own (joined by its Key where the layout says so), so the parser
// keeps nothing between records but the columns a header line named.
type parser struct {
	layout *layout
	loc    *time.Location
	attr   drivers.Attribution
	cols   [numFields]int // delimited: each field's index, -1 while a header must name it
	header string         // the last header line read
	fields []string       // reused by splitDelimited
	top    bool           // no line but skipped ones read since the file began
	line   int            // the last record's line number
}

func newParser(l *layout, cfg drivers.Config) *parser {
	p := &parser{layout: l, loc: cfg.Location, attr: cfg.Attribution, top: true}
	for id, f := range l.fields {
		p.cols[id] = -1
		if f != nil && f.column > 0 {
			p.cols[id] = f.column - 1 // until a header line says otherwise
		}
	}
	return p
}

// Parse reads one record and returns its call.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	text, top, err := p.text(rec)
	if err != nil {
		return nil, err
	}
	rd, err := p.reader(text, rec.Received)
	if err != nil {
		return nil, err
	}
	if p.isHeader(text, top, rd) {
		return nil, p.adoptHeader(text)
	}
	r, err := rd.read()
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	return []drivers.Call{p.call(&r)}, nil
}

// text returns the part of a line the layout describes, and whether it
// is the first such line of its file; an error for lines to skip.
func (p *parser) text(rec drivers.Record) (string, bool, error) {
	text := strings.TrimPrefix(rec.Text, "\uFEFF")
	if rec.Line > 0 && rec.Line <= p.line {
		p.top = true // the line count went back: another file
	}
	p.line = rec.Line
	if s, ok := p.skipped(text); ok {
		return "", false, fmt.Errorf("line starting with %q (layout skip): %w", s, drivers.ErrNotCall)
	}
	if a := p.layout.after; a != "" {
		_, record, found := strings.Cut(text, a)
		if !found {
			return "", false, fmt.Errorf("no %q in the line (layout after): %w", a, drivers.ErrNotCall)
		}
		text = record
	}
	top := p.top
	p.top = false
	return text, top, nil
}

// reader cuts a line into its fields.
func (p *parser) reader(text string, at time.Time) (reader, error) {
	rd := reader{l: p.layout, cols: &p.cols, loc: p.loc, received: received(at)}
	if p.layout.fixed {
		rd.line, rd.ascii = text, isASCII(text)
		return rd, nil
	}
	var err error
	p.fields, err = splitDelimited(p.fields, text, p.layout.sep, p.layout.quote)
	rd.fields = p.fields
	return rd, err
}

// Flush returns nothing: no call waits for a later record. Records of one
// call are joined by their Key after the parser.
func (p *parser) Flush() []drivers.Call { return nil }

// received is when a record arrived; records made up in code arrived now.
func received(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}

func (p *parser) skipped(text string) (string, bool) {
	for _, s := range p.layout.skip {
		if strings.HasPrefix(text, s) {
			return s, true
		}
	}
	return "", false
}
