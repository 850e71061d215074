package openscapebusiness

import (
	"fmt"
	"strings"
)

// The fields of a record, in the PBX's order. README.md has the table.
type fieldID int

const (
	fieldDate fieldID = iota
	fieldTime
	fieldTrunk
	fieldExtension
	fieldRing
	fieldDuration
	fieldNumber
	fieldCharges
	fieldInfo
	fieldAccount
	fieldMSN
	numFields
)

// fieldNames are the fields' names in the Unify documentation, for errors.
var fieldNames = [numFields]string{
	"Date", "Time", "Trunk", "Extension", "Ringing duration", "Call duration",
	"External number", "Call charges", "Information element", "Account code", "MSN",
}

// A column is where a field lies in a fixed-width layout: 1-based first
// and last column, as the HiPath and Hicom manuals count them.
type column struct{ first, last int }

// A layout cuts a record's text into its fields.
type layout struct {
	name    string
	columns []column // nil for the separated layout
}

// The HiPath 3000 / Hicom 150 E layouts. The compressed one runs on with
// the LCR access code and route after the MSN; the long one has neither
// account code nor MSN.
var (
	fixed = &layout{name: layoutFixed, columns: []column{
		{1, 8}, {9, 16}, {17, 19}, {20, 25}, {26, 30}, {31, 38}, {39, 63}, {64, 74}, {75, 76}, {77, 87}, {88, 98},
	}}
	printer = &layout{name: layoutPrinter, columns: []column{
		{1, 8}, {10, 17}, {19, 21}, {23, 28}, {30, 34}, {36, 43}, {45, 64}, {66, 76}, {78, 79},
	}}
	separated = &layout{name: layoutSeparated}
)

// layoutOf picks the layout of one record: the setting, or with "auto"
// what the record looks like. A | never occurs in the fixed layouts; the
// long form has a blank between date and time, the compressed one none.
func layoutOf(setting, text string) *layout {
	switch setting {
	case layoutSeparated:
		return separated
	case layoutFixed:
		return fixed
	case layoutPrinter:
		return printer
	}
	switch {
	case strings.IndexByte(text, '|') >= 0:
		return separated
	case len(text) > 8 && text[8] == ' ':
		return printer
	}
	return fixed
}

// A line is a record cut into its fields, blanks trimmed: the PBX fills
// empty fields with blanks in some releases and pads fixed columns.
type line struct {
	layout *layout
	values [numFields]string
	cols   [numFields]int // 1-based column each field starts at, in the separated layout
	count  int            // fields the record has, up to numFields
	length int            // of the record's text
	// missing is the first field the record needs but ends before: every
	// layout has Date to Information element. -1 when none is.
	missing fieldID
}

// cut splits text by l.
func (l *layout) cut(text string) line {
	if l.columns == nil {
		return cutSeparated(text)
	}
	ln := line{layout: l, length: len(text), missing: -1}
	if len(text) < l.columns[fieldInfo].first {
		ln.missing = fieldInfo
	}
	for i, c := range l.columns {
		if c.first > len(text) {
			break // the reader trims trailing blanks: the fields past the end are empty
		}
		ln.values[i] = strings.TrimSpace(text[c.first-1 : min(c.last, len(text))])
		ln.count = i + 1
	}
	return ln
}

// cutSeparated splits at every |: the format has no quoting. Published
// records end with a | and run to 10, 14 or 15 fields; those after the
// MSN (LCR number, route, US fields) are not read.
func cutSeparated(text string) line {
	ln := line{layout: separated, length: len(text), missing: -1}
	col := 1
	for i := range int(numFields) {
		ln.cols[i] = col
		end := strings.IndexByte(text, '|')
		if end < 0 {
			ln.values[i], ln.count = strings.TrimSpace(text), i+1
			break
		}
		ln.values[i], ln.count = strings.TrimSpace(text[:end]), i+1
		text, col = text[end+1:], col+end+1
	}
	if ln.count <= int(fieldInfo) {
		ln.missing = fieldID(ln.count)
		ln.cols[ln.missing] = ln.length + 1
	}
	return ln
}

// short says why the record is too short for its missing field.
func (ln *line) short() string {
	if ln.layout.columns == nil {
		return fmt.Sprintf("missing: the record has %d fields, want at least %d (Date to Information element)", ln.count, fieldInfo+1)
	}
	return fmt.Sprintf("missing: the record ends at column %d (%s form)", ln.length, ln.layout.name)
}

// where names a field's place for errors: its column, and in the fixed
// layouts the columns it spans.
func (ln *line) where(id fieldID) string {
	if ln.layout.columns == nil {
		return fmt.Sprintf("column %d", ln.cols[id])
	}
	c := ln.layout.columns[id]
	return fmt.Sprintf("columns %d-%d", c.first, c.last)
}

// fieldNumber is what drivers.FieldError counts: the field's number in
// the separated layout, its first column in the fixed ones.
func (ln *line) fieldNumber(id fieldID) int {
	if ln.layout.columns == nil {
		return int(id) + 1
	}
	return ln.layout.columns[id].first
}
