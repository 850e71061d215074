package openscapevoice

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// The record types of field 1 (README.md, "What a billing file holds").
const (
	typeStandard   = "00000000" // one leg of a call
	typeQueue      = "00000004" // hunt group (MLHG) or queue: the legs are in standard CDRs
	typeFeature    = "00000005"
	typeForwarding = "10000100" // call forwarding switched on or off
)

// fileKeywords start the header and trailer lines of a billing file.
var fileKeywords = []string{"FILENAME:", "DEVICE:", "HOSTNAME:", "FILETYPE:", "VERSION:", "CREATE:", "CLOSE:"}

var (
	errFileLine    = fmt.Errorf("billing file header or trailer line: %w", drivers.ErrNotCall)
	errFeatureCode = fmt.Errorf("feature code dialled (call forwarding, pick-up, …), no call: %w", drivers.ErrNotCall)
)

// parser reads billing files. Every standard CDR is a call of its own,
// keyed by its thread, so the parser holds no calls open and has no state
// beyond its settings.
type parser struct {
	loc    *time.Location
	attr   drivers.Attribution
	opts   options
	fields []string // reused by splitFields
}

func newParser(loc *time.Location, attr drivers.Attribution, opts options) *parser {
	return &parser{loc: loc, attr: attr, opts: opts, fields: make([]string, 0, 160)}
}

// Parse reads one line of a billing file: a header or trailer line, or a
// record of any type, of which it reads the standard CDRs.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	text := strings.TrimPrefix(rec.Text, "\ufeff") // should a copy tool have added one
	if isFileLine(text) {
		return nil, errFileLine
	}
	fields, err := splitFields(p.fields, text)
	p.fields = fields
	if err != nil {
		return nil, err
	}
	fields, col0, err := p.stripSequence(fields)
	if err != nil {
		return nil, err
	}
	if err := recordType(fields[0], col0); err != nil {
		return nil, err
	}
	r, err := parseRecord(&p.opts.layout, fields, col0, p.loc)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	if r.isFeatureCode() {
		return nil, errFeatureCode
	}
	return []drivers.Call{p.call(&r)}, nil
}

// Flush has nothing to return: no call is ever held open.
func (p *parser) Flush() []drivers.Call { return nil }

func isFileLine(text string) bool {
	text = strings.TrimSpace(text)
	for _, k := range fileKeywords {
		if len(text) >= len(k) && strings.EqualFold(text[:len(k)], k) {
			return true
		}
	}
	return false
}

// stripSequence drops the sequence number a raw billing file puts before
// each record, as the sequence-prefix setting says, and returns the
// record with the column its record type is in (1 or 2).
func (p *parser) stripSequence(fields []string) ([]string, int, error) {
	switch p.opts.prefix {
	case prefixNo:
		return fields, 1, nil
	case prefixAuto:
		if hasSequence(fields) {
			return fields[1:], 2, nil
		}
		return fields, 1, nil
	}
	if !isDigits(fields[0]) {
		return nil, 0, &drivers.FieldError{Field: 1, Name: "Sequence Number", Value: fields[0], Reason: "want the billing file's sequence number"}
	}
	if len(fields) < 2 {
		return nil, 0, &drivers.FieldError{Field: 2, Name: "Record Type (CDR field 1)", Reason: "missing: the line holds only a sequence number"}
	}
	return fields[1:], 2, nil
}

// hasSequence tells a raw billing file's line from a plain record: its
// second field is a record type (a plain record's is its time stamp);
// failing that, its first field is a number but no record type, so that
// a bad record type after a sequence number is reported as such.
func hasSequence(fields []string) bool {
	switch {
	case len(fields) < 2 || !isDigits(fields[0]):
		return false
	case isRecordType(fields[1]):
		return true
	}
	return !isRecordType(fields[0])
}

// recordType lets standard CDRs through; the other types are no calls.
func recordType(kind string, col0 int) error {
	switch {
	case kind == typeStandard:
		return nil
	case kind == typeQueue:
		return fmt.Errorf("hunt group or queue record (the legs are in standard CDRs): %w", drivers.ErrNotCall)
	case kind == typeFeature:
		return fmt.Errorf("feature record: %w", drivers.ErrNotCall)
	case kind == typeForwarding:
		return fmt.Errorf("call forwarding record: %w", drivers.ErrNotCall)
	case isRecordType(kind):
		// Intermediate, long call audit and change of software records.
		return fmt.Errorf("record type %s, not a standard CDR: %w", kind, drivers.ErrNotCall)
	}
	return &drivers.FieldError{Field: col0, Name: "Record Type (CDR field 1)", Value: kind,
		Reason: "want an 8-digit record type such as 00000000"}
}

func isRecordType(s string) bool { return len(s) == 8 && isDigits(s) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
