package custom

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The meanings codes may have, by field.
var meanings = map[fieldID][]string{
	fDirection: {"inbound", "outbound", "internal", "tandem"},
	fOutcome:   {"answered", "unanswered", "busy", "failed", "voicemail"},
}

// maxColumn bounds columns and widths: no record is longer than the
// reader's limit of a megabyte.
const maxColumn = 1 << 20

// newField checks one entry of "fields". Its errors start with the key at
// fault, for the caller to put the field's path before.
func (l *layout) newField(id fieldID, s spec) (*field, error) {
	f := &field{id: id, name: fieldNames[id], column: s.Column, width: s.Width, header: strings.TrimSpace(s.Name), join: s.Join}
	if err := l.position(f); err != nil {
		return nil, err
	}
	var err error
	switch kindOf(f.name) {
	case kindClock, kindDate:
		f.clock, err = clockOf(f, s.Format)
	case kindLength:
		f.unit, err = parseUnit(s.Unit)
		err = prefix("unit", err)
	case kindCode:
		f.codes, err = codes(id, s.Codes)
	}
	return f, err
}

// position checks where a field is: a column, a header name, a width.
func (l *layout) position(f *field) error {
	switch {
	case f.column < 0 || f.column > maxColumn:
		return fmt.Errorf("column: %d, want 1 to %d (the first is 1)", f.column, maxColumn)
	case f.width < 0 || f.width > maxColumn:
		return fmt.Errorf("width: %d, want 1 to %d", f.width, maxColumn)
	case l.fixed && f.header != "":
		return errors.New("name: only for delimited layouts with a header line")
	case l.fixed && f.column == 0:
		return errors.New("column: missing: the first character of the field, counting from 1")
	case l.fixed && f.width < 1:
		return errors.New("width: missing: the number of characters of the field")
	case !l.fixed && f.width != 0:
		return errors.New("width: only for fixed layouts")
	case !l.fixed && f.header != "" && !l.header:
		return errors.New(`name: a column found by its name needs "header": true`)
	case !l.fixed && f.column == 0 && f.header == "":
		return errors.New("column: missing: give the field's number, counting from 1, or its name in the header line")
	}
	return nil
}

// clockOf compiles the format of start, end or date: date takes a date
// only, start and end a time of day, with or without the date.
func clockOf(f *field, format string) (*clockFormat, error) {
	c, err := parseFormat(format)
	if err != nil {
		return nil, prefix("format", err)
	}
	switch {
	case f.id == fDate && (c.hasTime || c.unix):
		return nil, fmt.Errorf("format: %q has a time: the date field holds the date alone", format)
	case f.id == fDate && !c.hasDate:
		return nil, fmt.Errorf("format: %q has no date", format)
	case f.id != fDate && !c.hasTime:
		return nil, fmt.Errorf("format: %q has no time of day (hh:mm)", format)
	}
	return c, nil
}

// codes checks a code table: each code once, whatever its case, and
// each meaning one the field has.
func codes(id fieldID, in map[string]string) (map[string]string, error) {
	allowed := meanings[id]
	if len(in) == 0 {
		return nil, fmt.Errorf(`codes: missing: give the codes and their meanings, such as {"I": %q}`, allowed[0])
	}
	out := make(map[string]string, len(in))
	for code, meaning := range in {
		key := strings.ToUpper(strings.TrimSpace(code))
		if !slices.Contains(allowed, meaning) {
			return nil, fmt.Errorf("codes: %q means %q, want one of %s", code, meaning, strings.Join(allowed, ", "))
		}
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("codes: %q is given twice (codes are read ignoring case)", code)
		}
		out[key] = meaning
	}
	return out, nil
}

func prefix(key string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", key, err)
}

// check insists on the fields every call needs, and on a date for every
// time of day.
func (l *layout) check() error {
	has := func(id fieldID) bool { return l.fields[id] != nil }
	timeOnly := func(id fieldID) bool { return has(id) && !l.fields[id].clock.hasDate }
	switch {
	case !has(fStart) && !has(fEnd):
		return errors.New("fields: give start (or end and duration): when the call began")
	case !has(fDuration) && !(has(fStart) && has(fEnd)):
		return errors.New("fields: give duration (or start and end): how long the call was connected")
	case timeOnly(fStart) && !has(fDate):
		return errors.New("fields.start.format: no date: give it a date, or give the date field")
	case timeOnly(fEnd) && !has(fDate) && !has(fStart):
		return errors.New("fields.end.format: no date: give it a date, or give the date field")
	case has(fDate) && !timeOnly(fStart) && !timeOnly(fEnd):
		return errors.New("fields.date: not used: start and end have dates of their own")
	case !has(fDirection) && l.count(fCalling, fCalled, fExtension) < 2:
		return errors.New("fields: give direction, or two of calling, called and extension, to tell a call's direction")
	}
	return nil
}

func (l *layout) count(ids ...fieldID) int {
	n := 0
	for _, id := range ids {
		if l.fields[id] != nil {
			n++
		}
	}
	return n
}
