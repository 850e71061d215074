package ciscocucm

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"calltally.app/drivers"
)

// Records that hold no call, kept raw as ignored.
var (
	errTypes         = fmt.Errorf("column types line: %w", drivers.ErrNotCall)
	errCMR           = fmt.Errorf("CMR (call quality) record: %w", drivers.ErrNotCall)
	errStart         = fmt.Errorf("start record (type 0): %w", drivers.ErrNotCall)
	errOtherHeader   = fmt.Errorf("header line of other records (no dateTimeOrigination column): %w", drivers.ErrNotCall)
	errTransferSetup = fmt.Errorf("consultation leg of a blind transfer, never connected: %w", drivers.ErrNotCall)
)

// parser reads CDR files. Every CDR is a call of its own, keyed by its
// global call ID, so the parser holds no calls open: its only state is
// the layout of the last CDR header line it read.
type parser struct {
	loc    *time.Location
	attr   drivers.Attribution
	opts   options
	header *layout  // from the last CDR header line; nil before the first
	want   string   // what the header expects, for messages
	fields []string // reused by splitFields
}

func newParser(loc *time.Location, attr drivers.Attribution, opts options) *parser {
	return &parser{loc: loc, attr: attr, opts: opts, fields: make([]string, 0, len(columns))}
}

// Parse reads one line of a CDR (or CMR) file: a header line, a types
// line, or a record.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	// A byte order mark, should an editor or a copy tool have added one.
	fields, err := splitFields(p.fields, strings.TrimPrefix(rec.Text, "\ufeff"))
	p.fields = fields
	if err != nil {
		return nil, p.name(err)
	}
	switch {
	case strings.EqualFold(fields[0], "cdrRecordType"):
		return nil, p.readHeader(fields)
	case strings.EqualFold(fields[0], "INTEGER"):
		return nil, errTypes
	}
	r, err := p.readRecord(fields)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	if r.isTransferSetup() {
		return nil, errTransferSetup
	}
	return []drivers.Call{p.call(&r)}, nil
}

// Flush has nothing to return: no call is ever held open.
func (p *parser) Flush() []drivers.Call { return nil }

// readHeader takes the layout of a CDR header line. A CMR file's header
// leaves it alone: CMR and CDR files may come through the same folder.
func (p *parser) readHeader(fields []string) error {
	l, err := newLayout(slices.Clone(fields))
	switch {
	case err == nil:
		p.header, p.want = l, fmt.Sprintf("the header %d", len(fields))
		return fmt.Errorf("header line, %d columns: %w", len(fields), drivers.ErrNotCall)
	case !slices.ContainsFunc(fields, func(s string) bool { return strings.EqualFold(s, "dateTimeOrigination") }):
		return errOtherHeader
	}
	return fmt.Errorf("CDR header line kept out: %w", err)
}

// readRecord checks the record type, then reads a CDR with the layout of
// the last header, or one of the layouts of the setting before any.
func (p *parser) readRecord(fields []string) (record, error) {
	l, want := p.header, p.want
	if l == nil {
		l, want = p.opts.headerless.layout(len(fields)), p.opts.headerless.want
	}
	kind := fields[0]
	if i := l.at[fRecordType]; i < len(fields) {
		kind = fields[i]
	}
	switch kind {
	case "1":
	case "2":
		return record{}, errCMR
	case "0":
		return record{}, errStart
	default:
		return record{}, &drivers.FieldError{Field: l.at[fRecordType] + 1, Name: "cdrRecordType", Value: kind, Reason: "want 1 (CDR), 2 (CMR) or 0"}
	}
	if err := l.fit(fields, want); err != nil {
		return record{}, err
	}
	return parseRecord(l, fields)
}

// name completes a FieldError of splitFields with the column's name.
func (p *parser) name(err error) error {
	var fe *drivers.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	l := p.header
	if l == nil {
		l = prefixLayouts()[len(columns)]
	}
	fe.Name = "beyond the last column"
	if fe.Field-1 < len(l.names) {
		fe.Name = l.names[fe.Field-1]
	}
	return fe
}
