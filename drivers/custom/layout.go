package custom

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// A fieldID names a field of the layout's "fields" object.
type fieldID int

const (
	fStart fieldID = iota
	fDate
	fEnd
	fDuration
	fRing
	fCalling
	fCalled
	fExtension
	fTrunk
	fAccount
	fCallID
	fDirection
	fOutcome
	numFields
)

// fieldNames are the keys of "fields", as README.md lists them.
var fieldNames = [numFields]string{
	"start", "date", "end", "duration", "ring", "calling", "called", "extension",
	"trunk", "account_code", "call_id", "direction", "outcome",
}

// A kind is what a field holds, which decides the keys it takes.
type kind int

const (
	kindText   kind = iota
	kindClock       // start, end: a time, with or without its date
	kindDate        // date
	kindLength      // duration, ring
	kindCode        // direction, outcome
)

func kindOf(name string) kind {
	switch name {
	case "start", "end":
		return kindClock
	case "date":
		return kindDate
	case "duration", "ring":
		return kindLength
	case "direction", "outcome":
		return kindCode
	}
	return kindText
}

// A field is one entry of "fields", checked.
type field struct {
	id     fieldID
	name   string
	column int    // 1-based field number, or first character when fixed; 0 when only named
	width  int    // fixed-width layouts
	header string // the column's name in the header line, if found by name
	clock  *clockFormat
	unit   unit
	codes  map[string]string // code, upper case → meaning
	join   bool
}

// A layout is the whole layout setting, checked when the parser opens.
type layout struct {
	fixed          bool
	sep, quote     byte // delimited; quote 0 for none
	header         bool
	skip           []string
	after          string // the record begins after this text
	utc            bool
	internalDigits int
	internal       *regexp.Regexp // replaces internalDigits when set
	fields         [numFields]*field
	named          []*field // the fields found by their header name
}

// parseLayout reads and checks the layout setting.
func parseLayout(text string) (*layout, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errNoLayout
	}
	d, err := readDocument(text)
	if err != nil {
		return nil, err
	}
	l := &layout{}
	for _, step := range []func(*document) error{l.readFormat, l.readDelimiters, l.readOptions, l.readFields} {
		if err := step(&d); err != nil {
			return nil, err
		}
	}
	return l, l.check()
}

var errNoLayout = errors.New("a layout is required: set the layout setting to the JSON document " +
	"that describes the PBX's records (drivers/custom/README.md explains it; " +
	"try one with calltally parse --driver custom --layout FILE sample.txt)")

func (l *layout) readFormat(d *document) error {
	switch d.Format {
	case "delimited":
	case "fixed":
		l.fixed = true
	case "":
		return errors.New(`format: missing: "delimited" or "fixed"`)
	default:
		return fmt.Errorf(`format: %q, want "delimited" or "fixed"`, d.Format)
	}
	return nil
}

func (l *layout) readDelimiters(d *document) error {
	if l.fixed {
		return onlyDelimited(d)
	}
	var err error
	if l.sep, err = oneChar("separator", d.Separator, ','); err != nil {
		return err
	}
	if l.quote, err = oneChar("quote", d.Quote, '"'); err != nil {
		return err
	}
	if l.sep == l.quote {
		return errors.New("quote: the same character as the separator")
	}
	l.header = d.Header
	return nil
}

func onlyDelimited(d *document) error {
	switch {
	case d.Separator != nil:
		return errors.New("separator: only for delimited layouts")
	case d.Quote != nil:
		return errors.New("quote: only for delimited layouts")
	case d.Header:
		return errors.New("header: only for delimited layouts")
	}
	return nil
}

// oneChar reads a separator or quote: one ASCII character; the quote may
// be "" for none.
func oneChar(name string, v *string, def byte) (byte, error) {
	switch {
	case v == nil:
		return def, nil
	case *v == "" && name == "quote":
		return 0, nil
	case len(*v) != 1 || (*v)[0] >= 0x80 || (*v)[0] == '\n' || (*v)[0] == '\r':
		return 0, fmt.Errorf(`%s: %q, want one character, such as "," ";" "|" or "\t"`, name, *v)
	}
	return (*v)[0], nil
}

func (l *layout) readOptions(d *document) error {
	for i, s := range d.Skip {
		if s == "" {
			return fmt.Errorf("skip: entry %d is empty, which would skip every line", i+1)
		}
	}
	l.skip, l.after = d.Skip, d.After
	switch d.Timezone {
	case "", "local":
	case "utc":
		l.utc = true
	default:
		return fmt.Errorf(`timezone: %q, want "local" or "utc"`, d.Timezone)
	}
	return l.readInternal(d)
}

// readInternal reads how internal numbers are told from outside ones.
func (l *layout) readInternal(d *document) error {
	l.internalDigits = 4
	if d.InternalDigits != nil {
		if *d.InternalDigits < 1 || *d.InternalDigits > 15 {
			return fmt.Errorf("internal_digits: %d, want 1 to 15", *d.InternalDigits)
		}
		l.internalDigits = *d.InternalDigits
	}
	if d.InternalPattern == "" {
		return nil
	}
	if d.InternalDigits != nil {
		return errors.New("internal_pattern: give internal_digits or internal_pattern, not both")
	}
	re, err := regexp.Compile(`^(?:` + d.InternalPattern + `)$`)
	if err != nil {
		return fmt.Errorf("internal_pattern: %v", err)
	}
	l.internal = re
	return nil
}

func (l *layout) readFields(d *document) error {
	if len(d.Fields) == 0 {
		return errors.New(`fields: missing: give at least start, duration, calling and called`)
	}
	for _, name := range slices.Sorted(maps.Keys(d.Fields)) {
		id := fieldID(slices.Index(fieldNames[:], name))
		if id < 0 {
			return fmt.Errorf("fields: unknown field %q (fields: %s)", name, strings.Join(fieldNames[:], ", "))
		}
		s, err := readSpec(name, d.Fields[name])
		if err != nil {
			return err
		}
		if l.fields[id], err = l.newField(id, s); err != nil {
			return fmt.Errorf("fields.%s.%w", name, err)
		}
	}
	for _, f := range l.fields {
		if f != nil && f.header != "" {
			l.named = append(l.named, f) // in the order of fieldNames, for messages
		}
	}
	return nil
}
